use std::collections::{BTreeMap, BTreeSet};

use super::super::prelude::*;
use crate::rules::facts::{action_word, log_name, similar_computers, ymd};

declare_rule! {
    /// ## 检查什么
    /// 按日期重放一款软件的安装维护明细表得到的“装着它的计算机”，与明细表中登记了它的计算机
    /// 不一致。每台只出现在一边的计算机报告一次：在安装维护明细表中指向把它装上的那条记录，在
    /// 明细表中指向那一行。
    ///
    /// 一台计算机在一边完全没有登记（明细表里没有它，或所有安装维护明细表都没有它）而涉及几款
    /// 软件时，按这台计算机报告一次；一张安装维护明细表一条记录也没有时，整张表报告一次；
    /// 明细表一行也没有时，整个单位报告一次。
    ///
    /// 计算机编号的笔误在此只报告一次：一边的编号在另一边不存在，而另一边恰有一台编号相近
    /// （多一位、少一位、相邻两位颠倒、只差分隔符或前导 0）或使用人相同、且这款软件对不上的
    /// 计算机时，认为是同一台，指出应改成哪个编号，其余核对都按同一台进行。
    ///
    /// ## 为什么
    /// 台账 二.3、三.4：安装、卸载后登记安装维护明细表，并据此至少每半年更新明细表。两表对
    /// 同一台计算机装没装这款软件说法不一，至少有一边漏登或错登。
    ///
    /// ## 示例
    /// RJ002 的安装维护明细表：2024-05-01 在 **SJ-PC-004** 安装，之后未卸载；明细表中
    /// SJ-PC-004 没有 RJ002。
    ///
    /// ## 如何修改
    /// 到计算机上核实：装着的，补登明细表；已卸载的，补登卸载记录；编号写错的，统一编号。
    pub struct HoldersDiffer {
        code: "ZB407",
        severity: Error,
        summary: "安装维护记录与明细表的计算机不一致",
    }
}

/// ZB407
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(usage)) = (ctx.unit.summary(), ctx.unit.usage()) else {
        return;
    };
    // An empty usage ledger is one fault, not one per computer of the logs.
    if usage.rows.is_empty() {
        let held: BTreeSet<&str> = ctx
            .facts
            .replays
            .iter()
            .flat_map(|r| r.holders.keys().map(String::as_str))
            .collect();
        if !held.is_empty() {
            out.report(
                usage.meta.anchor(),
                format!(
                    "明细表没有登记任何软件，安装维护明细表中却有 {} 台计算机装着软件",
                    held.len()
                ),
                "逐台登记每位工作人员使用的计算机及其中安装的全部软件（台账 二.1、二.2）",
            );
        }
        return;
    }
    computer_typos(ctx, out);
    // Computer → (software, table, install event) held by a log only, and
    // computer → (software, table, usage row) in the usage ledger only.
    let mut log_only: BTreeMap<String, Vec<(String, usize, usize)>> = BTreeMap::new();
    let mut usage_only: BTreeMap<String, Vec<(String, usize, usize)>> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for row in &summary.rows {
        let Some(id) = row.id() else {
            continue;
        };
        if !seen.insert(id) {
            continue;
        }
        let Some(rec) = ctx.facts.reconcile(ctx.unit, id) else {
            continue;
        };
        let Some(t) = rec.table else {
            continue;
        };
        let m = &ctx.unit.maintenance[t];
        // A log never kept is one fault, not one per computer.
        if m.events.is_empty() {
            empty_log(ctx, out, id, t, &rec.usage_holders);
            continue;
        }
        for (computer, i) in &rec.only_in_maintenance {
            log_only
                .entry(computer.clone())
                .or_default()
                .push((id.to_string(), t, *i));
        }
        for (computer, r) in &rec.only_in_usage {
            usage_only
                .entry(computer.clone())
                .or_default()
                .push((id.to_string(), t, *r));
        }
    }
    let in_logs: FastSet<&str> = ctx
        .facts
        .event_computers
        .iter()
        .flatten()
        .flatten()
        .map(|c| c.id.as_str())
        .collect();
    let in_usage: FastSet<&str> = (0..usage.rows.len())
        .filter_map(|r| ctx.facts.usage_computer(r))
        .collect();
    for (computer, items) in &log_only {
        // A computer no usage row knows, in several logs: the usage ledger lacks the computer.
        if items.len() > 1 && !in_usage.contains(computer.as_str()) {
            let (_, t, i) = items[0];
            let Some(cell) = ctx.unit.maintenance[t].events[i].computer.cell.clone() else {
                continue;
            };
            let ids: Vec<&str> = items.iter().map(|x| x.0.as_str()).collect();
            let d = out.report(
                cell,
                format!(
                    "安装维护明细表登记计算机 {computer} 装有 {}，明细表中却没有这台计算机",
                    ids.join("、")
                ),
                "到计算机上核实，把这台计算机及其软件补登到明细表（台账 二.2、二.3）",
            );
            d.related(
                usage.meta.anchor(),
                format!("明细表中没有计算机 {computer}"),
            );
            for &(ref id, t, i) in &items[1..] {
                if let Some(c) = &ctx.unit.maintenance[t].events[i].computer.cell {
                    d.related(c, format!("{id} 的安装记录"));
                }
            }
            continue;
        }
        for (id, t, i) in items {
            only_in_log(ctx, out, id, *t, *i, computer);
        }
    }
    for (computer, items) in &usage_only {
        // A computer no log knows, with several software: its installs were never logged.
        if items.len() > 1 && !in_logs.contains(computer.as_str()) {
            let r = items[0].2;
            let Some(cell) = usage.rows[r].computer.cell.clone() else {
                continue;
            };
            let ids: Vec<&str> = items.iter().map(|x| x.0.as_str()).collect();
            let d = out.report(
                cell,
                format!(
                    "明细表登记计算机 {computer} 装有 {}，安装维护明细表中却没有这台计算机的任何记录",
                    ids.join("、")
                ),
                "到计算机上核实后，在各软件的安装维护明细表补登安装记录（台账 三.4）",
            );
            for &(_, t, _) in items {
                let m = &ctx.unit.maintenance[t];
                d.related(m.meta.anchor(), format!("{}没有 {computer}", log_name(m)));
            }
            continue;
        }
        for (id, t, r) in items {
            only_in_usage(ctx, out, id, *t, *r, computer);
        }
    }
}

fn empty_log(
    ctx: &Context,
    out: &mut Sink,
    id: &str,
    t: usize,
    usage_holders: &BTreeMap<String, usize>,
) {
    let Some((_, &r)) = usage_holders.iter().next() else {
        return;
    };
    let m = &ctx.unit.maintenance[t];
    let computers: Vec<&str> = usage_holders.keys().map(String::as_str).collect();
    let listed = if computers.len() <= 6 {
        computers.join("、")
    } else {
        format!("{} 等", computers[..5].join("、"))
    };
    let d = out.report(
        m.meta.anchor(),
        format!(
            "{}没有任何安装卸载记录，明细表中 {} 台计算机装有 {id}（{listed}）",
            log_name(m),
            computers.len()
        ),
        "按实际安装情况补登安装记录（可按明细表的安装日期补登；台账 三.3、三.4）",
    );
    let cell = ctx
        .unit
        .usage()
        .and_then(|u| u.rows.get(r))
        .and_then(|u| u.id.cell.as_ref());
    if let Some(c) = cell {
        d.related(c, format!("明细表 {id} 共 {} 台计算机", computers.len()));
    }
}

fn only_in_log(ctx: &Context, out: &mut Sink, id: &str, t: usize, i: usize, computer: &str) {
    let m = &ctx.unit.maintenance[t];
    let e = &m.events[i];
    let Some(cell) = e.computer.cell.as_ref() else {
        return;
    };
    let date = e
        .date
        .value()
        .map(|d| format!("{} ", ymd(*d)))
        .unwrap_or_default();
    let d = out.report(
        cell,
        format!(
            "{}登记 {date}在 {computer} 安装（之后未卸载），明细表中 {computer} 却没有 {id}",
            log_name(m)
        ),
        "到计算机上核实：装着的补登明细表，已卸载的补登卸载记录（台账 二.3、三.4）",
    );
    // An uninstall logged under a similar number (ZB304) is probably this computer's.
    for &j in &ctx.facts.replays[t].orphan_uninstalls {
        let u = &m.events[j];
        let (Some(typed), Some(c)) = (ctx.facts.event_computer(t, j), u.computer.cell.as_ref())
        else {
            continue;
        };
        if similar_computers(computer, typed) && u.date.value() >= e.date.value() {
            let date = u.date.value().map(|d| ymd(*d)).unwrap_or_default();
            d.related(c, format!("{date} 从 {typed} 卸载：可能就是这台计算机"));
        }
    }
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    let first = usage
        .rows
        .iter()
        .enumerate()
        .find(|(r, _)| ctx.facts.usage_computer(*r) == Some(computer));
    match first {
        Some((_, r)) => {
            let who = r
                .user
                .value()
                .map(|u| format!("（{u}）"))
                .unwrap_or_default();
            if let Some(c) = r.computer.cell.as_ref() {
                d.related(c, format!("明细表 {computer}{who}登记的软件中没有 {id}"));
            }
        }
        None => {
            d.related(
                usage.meta.anchor(),
                format!("明细表中没有计算机 {computer}"),
            );
        }
    }
}

fn only_in_usage(ctx: &Context, out: &mut Sink, id: &str, t: usize, r: usize, computer: &str) {
    let Some(u) = ctx.unit.usage().and_then(|u| u.rows.get(r)) else {
        return;
    };
    let Some(cell) = u.id.cell.as_ref().or(u.computer.cell.as_ref()) else {
        return;
    };
    let m = &ctx.unit.maintenance[t];
    match ctx.facts.replays[t].removed.get(computer) {
        Some(&i) => {
            let e = &m.events[i];
            let date = e
                .date
                .value()
                .map(|d| format!("{} ", ymd(*d)))
                .unwrap_or_default();
            let d = out.report(
                cell,
                format!(
                    "明细表登记 {computer} 装有 {id}，但 {}记载已于 {date}从该计算机卸载",
                    log_name(m)
                ),
                "到计算机上核实：已卸载的从明细表删去这一行，仍装着的补登安装记录（台账 二.3、三.4）",
            );
            if let Some(c) = e.computer.cell.as_ref().or(e.date.cell.as_ref()) {
                d.related(c, format!("{date}从 {computer} 卸载"));
            }
        }
        None => {
            let d = out.report(
                cell,
                format!(
                    "明细表登记 {computer} 装有 {id}，但 {}没有 {computer} 的安装记录",
                    log_name(m)
                ),
                "到计算机上核实：装着的补登安装记录，没有安装的从明细表删去这一行（台账 二.3、三.4）",
            );
            d.related(m.meta.anchor(), format!("{}没有 {computer}", log_name(m)));
        }
    }
}

/// Where a computer number occurs: a usage row, or (table, event) in a log.
#[derive(Clone, Copy)]
enum Place {
    Usage(usize),
    Log(usize, usize),
}

/// The cell of a place: the 计算机编号, or for a related usage row its 软件编号 (the
/// computer cell is often merged over all of that computer's rows).
fn cell_of(ctx: &Context, p: Place, related: bool) -> Option<CellRef> {
    match p {
        Place::Usage(r) => {
            let row = ctx.unit.usage()?.rows.get(r)?;
            match related {
                true => row.id.cell.clone().or_else(|| row.computer.cell.clone()),
                false => row.computer.cell.clone(),
            }
        }
        Place::Log(t, i) => ctx
            .unit
            .maintenance
            .get(t)?
            .events
            .get(i)?
            .computer
            .cell
            .clone(),
    }
}

fn describe(ctx: &Context, p: Place) -> String {
    match p {
        Place::Usage(r) => {
            let Some(row) = ctx.unit.usage().and_then(|u| u.rows.get(r)) else {
                return String::new();
            };
            let who = row
                .user
                .value()
                .map(|u| format!("{u} "))
                .unwrap_or_default();
            let what = row.id().unwrap_or_default();
            format!(
                "明细表：{who}{} 装有 {what}",
                row.computer().unwrap_or_default()
            )
        }
        Place::Log(t, i) => {
            let m = &ctx.unit.maintenance[t];
            let e = &m.events[i];
            let date = e
                .date
                .value()
                .map(|d| format!("{} ", ymd(*d)))
                .unwrap_or_default();
            let what = e.action.single().map(action_word).unwrap_or("安装/卸载");
            format!(
                "{}：{date}在 {} {what}",
                log_name(m),
                e.computer().unwrap_or_default()
            )
        }
    }
}

/// One diagnostic per computer number typed differently in the two ledgers.
fn computer_typos(ctx: &Context, out: &mut Sink) {
    // (typed, meant) → where typed; the logs' guesses first.
    let mut logs: BTreeMap<(String, String), Vec<Place>> = BTreeMap::new();
    for (t, m) in ctx.unit.maintenance.iter().enumerate() {
        for (i, e) in m.events.iter().enumerate() {
            let Some(r) = ctx.facts.event_computers[t][i]
                .as_ref()
                .filter(|r| r.guessed)
            else {
                continue;
            };
            if let Some(typed) = e.computer() {
                logs.entry((typed.to_string(), r.id.clone()))
                    .or_default()
                    .push(Place::Log(t, i));
            }
        }
    }
    let mut usage: BTreeMap<(String, String), Vec<Place>> = BTreeMap::new();
    let rows = ctx.unit.usage().map_or(&[][..], |u| u.rows.as_slice());
    for (r, row) in rows.iter().enumerate() {
        let Some(res) = ctx.facts.usage_computers[r].as_ref().filter(|c| c.guessed) else {
            continue;
        };
        if let Some(typed) = row.computer() {
            usage
                .entry((typed.to_string(), res.id.clone()))
                .or_default()
                .push(Place::Usage(r));
        }
    }
    let in_logs: FastSet<&str> = ctx
        .unit
        .maintenance
        .iter()
        .flat_map(|m| m.events.iter().filter_map(|e| e.computer()))
        .collect();
    let usage_places = |c: &str| -> Vec<Place> {
        (0..rows.len())
            .filter(|&r| rows[r].computer() == Some(c))
            .map(Place::Usage)
            .collect()
    };
    let help = "统一计算机编号：以计算机上的资产标签为准改正写错的一处（台账 二.2、三.4）";
    for ((typed, meant), places) in &logs {
        // The usage rows of the meant computer, those of this log's software first.
        let software = match places.first() {
            Some(Place::Log(t, _)) => ctx.facts.maintenance_ids[*t]
                .as_ref()
                .map(|r| r.id.as_str()),
            _ => None,
        };
        let mut there = usage_places(meant);
        there.sort_by_key(|p| match p {
            Place::Usage(r) => ctx.facts.usage_ids[*r].as_ref().map(|i| i.id.as_str()) != software,
            Place::Log(..) => true,
        });
        let mutual = !in_logs.contains(meant.as_str());
        // The logs and the usage ledger each spell one computer their own way throughout:
        // point at whichever side has fewer rows.
        let (at, other, what) = if mutual && there.len() < places.len() {
            (
                there.clone(),
                places.clone(),
                format!(
                    "计算机编号 {meant} 在安装维护明细表中一律写作 {typed}：同一台计算机两处编号不一致"
                ),
            )
        } else if mutual {
            (
                places.clone(),
                there.clone(),
                format!(
                    "计算机编号 {typed} 在明细表中一律写作 {meant}：同一台计算机两处编号不一致"
                ),
            )
        } else {
            (
                places.clone(),
                there.clone(),
                format!("计算机编号 {typed} 不在明细表中，可能是 {meant} 的笔误"),
            )
        };
        report_typo(ctx, out, &at, &other, what, help);
    }
    for ((typed, meant), places) in &usage {
        let software = match places.first() {
            Some(Place::Usage(r)) => ctx.facts.usage_ids[*r].as_ref().map(|i| i.id.as_str()),
            _ => None,
        };
        let mut there: Vec<Place> = ctx
            .unit
            .maintenance
            .iter()
            .enumerate()
            .flat_map(|(t, m)| {
                m.events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| e.computer() == Some(meant.as_str()))
                    .map(move |(i, _)| Place::Log(t, i))
            })
            .collect();
        // The logs of the row's software first.
        there.sort_by_key(|p| match p {
            Place::Log(t, _) => {
                ctx.facts.maintenance_ids[*t]
                    .as_ref()
                    .map(|i| i.id.as_str())
                    != software
            }
            Place::Usage(_) => true,
        });
        report_typo(
            ctx,
            out,
            places,
            &there,
            format!("计算机编号 {typed} 不在任何安装维护明细表中，可能是 {meant} 的笔误"),
            help,
        );
    }
}

fn report_typo(
    ctx: &Context,
    out: &mut Sink,
    at: &[Place],
    other: &[Place],
    what: String,
    help: &str,
) {
    let Some(cell) = at.first().and_then(|&p| cell_of(ctx, p, false)) else {
        return;
    };
    let more = if at.len() > 1 {
        format!("（共 {} 处）", at.len())
    } else {
        String::new()
    };
    let d = out.report(cell, format!("{what}{more}"), help);
    for &p in other.iter().take(3) {
        if let Some(c) = cell_of(ctx, p, true) {
            d.related(c, describe(ctx, p));
        }
    }
}

/// ZB407 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB407.snap`):
/// An 奇安信 event logged under SJ-PC-02.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ003", "D10", "SJ-PC-02"),
]);
