use super::super::prelude::*;
use crate::ledger::maintenance::Action;
use crate::rules::facts::{log_name, ymd};

declare_rule! {
    /// ## 检查什么
    /// 按日期顺序重放软件安装维护情况明细表的安装、卸载记录时，一条卸载记录所在的计算机在那一天
    /// 并没有安装这款软件（此前没有安装记录，或已经卸载过）。
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
            let Some(cell) = e.computer.cell.as_ref().or(e.action.cell()) else {
                continue;
            };
            let computer = ctx.facts.event_computer(t, i).unwrap_or_default();
            let when = e
                .date
                .value()
                .map(|d| format!("{} ", ymd(*d)))
                .unwrap_or_default();
            let d = out.report(
                cell,
                format!("{when}从 {computer} 卸载，但按日期顺序此前 {computer} 并未安装本软件"),
                "补登漏掉的安装记录，或改正计算机编号、日期（台账 三.4）",
            );
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
