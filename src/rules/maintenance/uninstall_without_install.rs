use super::super::prelude::*;
use crate::ledger::maintenance::Action;
use crate::rules::facts::{log_name, similar_computers, ymd};

declare_rule! {
    /// ## 检查什么
    /// 按日期顺序重放软件安装维护情况明细表的安装、卸载记录时，一条卸载记录所在的计算机在那一天
    /// 并没有安装这款软件（此前没有安装记录，或已经卸载过）。当时装着这款软件的计算机中恰有
    /// 一台编号相近（多一位、少一位等）时，指出可能是它的笔误。
    ///
    /// ## 为什么
    /// 台账 三.4：安装或卸载软件后都要在明细表登记。卸载一份没登记安装的软件，说明漏登了安装，
    /// 或计算机编号、日期填错了，安装数量因此对不上。
    ///
    /// ## 示例
    /// | 安装 | 卸载 | 计算机编号 | 安装/卸载日期 |
    /// |---|---|---|---|
    /// | ☑ | □ | SJ-PC-001 | 2024-03-01 |
    /// | □ | ☑ | **SJ-PC-005** | 2024-06-01 |
    ///
    /// SJ-PC-005 从未登记安装。
    ///
    /// ## 如何修改
    /// 补登漏掉的安装记录，或改正计算机编号、日期。
    pub struct UninstallWithoutInstall {
        code: "ZB304",
        severity: Error,
        summary: "卸载的计算机上按记录并未安装该软件",
    }
}

/// ZB304
pub fn check(ctx: &Context, out: &mut Sink) {
    for (t, (m, replay)) in ctx
        .unit
        .maintenance
        .iter()
        .zip(&ctx.facts.replays)
        .enumerate()
    {
        for &i in &replay.orphan_uninstalls {
            let e = &m.events[i];
            let Some(cell) = e.computer_cell().or(e.action.cell()) else {
                continue;
            };
            let computer = ctx.facts.event_computer(t, i).unwrap_or_default();
            let when = e
                .date
                .value()
                .map(|d| format!("{} ", ymd(*d)))
                .unwrap_or_default();
            // A computer with a similar number that has the software then: probably a typo.
            let similar: Vec<&str> = replay
                .holders
                .keys()
                .chain(replay.removed.keys())
                .map(String::as_str)
                .filter(|c| similar_computers(computer, c))
                .filter(|c| holds_at(ctx, t, c, i))
                .collect();
            let hint = match similar.as_slice() {
                [one] => format!("；可能是 {one} 的笔误"),
                _ => String::new(),
            };
            let d = out.report(
                cell,
                format!(
                    "{when}从 {computer} 卸载，但按日期顺序此前 {computer} 并未安装本软件{hint}"
                ),
                "补登漏掉的安装记录，或改正计算机编号、日期（台账 三.4）",
            );
            if let [one] = similar.as_slice() {
                let install = m.events.iter().enumerate().rev().find(|(j, l)| {
                    l.action.single() == Some(Action::Install)
                        && ctx.facts.event_computer(t, *j) == Some(*one)
                        && l.date.value() <= e.date.value()
                });
                if let Some((_, l)) = install {
                    if let Some(c) = l.computer_cell().or(l.action.cell()) {
                        let date = l.date.value().map(|d| ymd(*d)).unwrap_or_default();
                        d.related(c, format!("{date} 在 {one} 安装"));
                    }
                }
                continue;
            }
            // A later install on the same computer suggests the dates are swapped.
            let later = m.events.iter().enumerate().find(|(j, l)| {
                l.action.single() == Some(Action::Install)
                    && ctx.facts.event_computer(t, *j) == Some(computer)
                    && l.date.value() > e.date.value()
            });
            if let Some((_, later)) = later {
                if let (Some(c), Some(date)) = (&later.date.cell, later.date.value()) {
                    d.related(c, format!("{} 在 {computer} 才登记安装", ymd(*date)));
                }
            } else {
                d.related(
                    m.meta.anchor(),
                    format!("{}没有 {computer} 的安装记录", log_name(m)),
                );
            }
        }
    }
}

/// Whether, replaying table `t` in date order up to event `upto`, the computer has the
/// software (its last install or uninstall before that date is an install).
fn holds_at(ctx: &Context, t: usize, computer: &str, upto: usize) -> bool {
    let m = &ctx.unit.maintenance[t];
    let Some(limit) = m.events[upto].date.value() else {
        return false;
    };
    m.events
        .iter()
        .enumerate()
        .filter(|(j, e)| {
            *j != upto
                && ctx.facts.event_computer(t, *j) == Some(computer)
                && e.date.value().is_some_and(|d| d <= limit)
        })
        .max_by_key(|(j, e)| (e.date.value().copied(), *j))
        .is_some_and(|(_, e)| e.action.single() == Some(Action::Install))
}

/// ZB304 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB304.snap`):
/// WPS uninstalled from SJ-PC-009, which never had it.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-009",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-06-01",
            "#1",
        ],
    ),
]);
