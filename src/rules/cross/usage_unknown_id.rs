use super::super::prelude::*;
use crate::ledger::maintenance::Action;
use crate::rules::facts::{log_name, ymd};

declare_rule! {
    /// ## 检查什么
    /// 明细表一行的**软件编号**在汇总表中不存在。软件名称（商业、OEM软件还有版本）对得上汇总表
    /// 唯一一个编号时（同名的有几个采购批次时，取安装维护记录表明装在这台计算机上的那一个），
    /// 指出应是哪个编号，并把这一错误的后果（汇总表该编号的安装数量、安装维护
    /// 明细表的记录）作为相关位置列出。其余核对都把这一行算在推断出的编号下，所以一处笔误只报告
    /// 这一次。编号为空由 ZB201 报告；汇总表一个编号也没有时，整个单位只报告一次。
    ///
    /// ## 为什么
    /// 台账 二.2：计算机中安装的全部软件都登记在明细表中，而软件编号是明细表与汇总表、安装维护
    /// 明细表之间唯一的对应关系（台账 三.2）。编号错了，这份安装就不在任何许可之下。
    ///
    /// ## 示例
    /// | 计算机编号 | 软件编号 | 软件名称 |
    /// |---|---|---|
    /// | SJ-PC-002 | **RJ03** | 奇安信天擎终端安全管理系统 |
    ///
    /// 汇总表中奇安信天擎终端安全管理系统的编号是 RJ003。
    ///
    /// ## 如何修改
    /// 把软件编号改为汇总表中的编号；若是汇总表漏登的软件，先在汇总表登记并建立安装维护明细表。
    pub struct UsageUnknownId {
        code: "ZB403",
        severity: Error,
        summary: "明细表的软件编号不在汇总表中",
    }
}

/// ZB403
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(usage), Some(summary)) = (ctx.unit.usage(), ctx.unit.summary()) else {
        return;
    };
    // A summary without a single number is one fault, not one per usage row.
    if ctx.facts.by_id.is_empty() {
        if !usage.rows.is_empty() {
            out.report(
                summary.meta.anchor(),
                format!(
                    "汇总表没有登记任何软件编号，明细表的 {} 行软件都无从对应",
                    usage.rows.len()
                ),
                "按单位的全部软件填写汇总表，每款软件一个编号（台账 一.1、二.2）",
            );
        }
        return;
    }
    // Only a row with an unknown number needs these: built on the first.
    let usage_by_id = std::cell::OnceCell::new();
    let usage_by_id = || usage_by_id.get_or_init(|| ctx.facts.usage_rows_by_id());
    let tables = std::cell::OnceCell::new();
    let tables = || tables.get_or_init(|| ctx.facts.maintenance_by_id());
    for (r, (row, resolved)) in usage.rows.iter().zip(&ctx.facts.usage_ids).enumerate() {
        let (Some(typed), Some(cell)) = (row.id(), &row.id.cell) else {
            continue;
        };
        if ctx.facts.by_id.contains_key(typed) {
            continue;
        }
        // The summary row of this software lacks its number: ZB102 reports it, with this row.
        if resolved.is_none()
            && ctx
                .facts
                .idless_row(ctx.unit, row.name.value().map(String::as_str))
                .is_some()
        {
            continue;
        }
        let Some(resolved) = resolved else {
            let candidates = row
                .name
                .value()
                .map(|n| {
                    ctx.facts
                        .ids_by_name(n, row.version.value().map(String::as_str))
                })
                .unwrap_or_default();
            let hint = if candidates.len() > 1 {
                format!("；同名软件有 {}，请确认是哪一个", candidates.join("、"))
            } else {
                String::new()
            };
            out.report(
                cell,
                format!("软件编号 {typed} 不在汇总表中{hint}"),
                "改为汇总表中的软件编号；汇总表漏登的软件先在汇总表登记（台账 二.2、三.2）",
            );
            continue;
        };
        let id = resolved.id.as_str();
        let Some(summary_row) = ctx.facts.summary_row(id) else {
            continue;
        };
        let name = summary_row.name.value().cloned().unwrap_or_default();
        let namesakes = row
            .name
            .value()
            .map(|n| {
                ctx.facts
                    .ids_by_name(n, row.version.value().map(String::as_str))
            })
            .unwrap_or_default();
        let by = if namesakes.len() > 1 {
            format!(
                "同名软件有 {}，按编号写法和本计算机的安装维护记录判断应为",
                namesakes.join("、")
            )
        } else {
            "按软件名称应为".to_string()
        };
        let d = out.report(
            cell,
            format!("软件编号 {typed} 不在汇总表中；{by} {id}（{name}）"),
            format!("把软件编号改为 {id}（台账 二.2、三.2）"),
        );
        // The consequences, all of which the other rules count under the meant number.
        if let Some(c) = &summary_row.id.cell {
            let version = summary_row
                .version()
                .and_then(|v| v.value())
                .map(|v| format!(" {v}"))
                .unwrap_or_default();
            d.related(c, format!("汇总表 {id} {name}{version}"));
        }
        if let (Some(c), Some(n)) = (&summary_row.installed.cell, summary_row.installed.value()) {
            let rows = usage_by_id().get(id).map_or(0, Vec::len);
            let agree = if *n == rows as i64 {
                "一致"
            } else {
                "不一致"
            };
            d.related(
                c,
                format!("{id} 安装数量 {n}：把本行计入 {id}，明细表共 {rows} 行，{agree}"),
            );
        }
        let computer = ctx.facts.usage_computer(r);
        if let (Some(&[t]), Some(computer)) = (tables().get(id).map(Vec::as_slice), computer) {
            let m = &ctx.unit.maintenance[t];
            let install = ctx.facts.replays[t]
                .holders
                .get(computer)
                .copied()
                .or_else(|| {
                    m.events.iter().enumerate().rev().find_map(|(i, e)| {
                        (e.action.single() == Some(Action::Install)
                            && ctx.facts.event_computer(t, i) == Some(computer))
                        .then_some(i)
                    })
                });
            match install {
                Some(i) => {
                    let e = &m.events[i];
                    let date = e
                        .date
                        .value()
                        .map(|d| format!("{} ", ymd(*d)))
                        .unwrap_or_default();
                    if let Some(c) = e.computer.cell.as_ref().or(e.date.cell.as_ref()) {
                        d.related(c, format!("{}：{date}在 {computer} 安装", log_name(m)));
                    }
                }
                None => {
                    d.related(
                        m.meta.anchor(),
                        format!("{}没有 {computer} 的安装记录", log_name(m)),
                    );
                }
            }
        }
    }
}

/// ZB403 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB403.snap`):
/// 李娜's 奇安信 row: RJ003 typed as RJ03.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "F11", "RJ03"),
]);
