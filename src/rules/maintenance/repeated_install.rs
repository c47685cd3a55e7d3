use super::super::prelude::*;
use crate::rules::facts::ymd;

declare_rule! {
    /// ## 检查什么
    /// 按日期顺序重放安装、卸载记录时，一台计算机在已经装有这款软件（之后没有卸载记录）的情况下
    /// 又登记了一次安装。
    ///
    /// ## 为什么
    /// 台账 三.4 要求每次安装、卸载都登记。重复安装通常是同一次安装登记了两遍，或中间漏登了卸载；
    /// 两种情况都会让安装数量多算。
    ///
    /// ## 示例
    /// | 安装 | 卸载 | 计算机编号 | 安装/卸载日期 |
    /// |---|---|---|---|
    /// | ☑ | □ | SJ-PC-001 | 2024-03-01 |
    /// | **☑** | □ | SJ-PC-001 | 2024-09-01 |
    ///
    /// ## 如何修改
    /// 若是重复登记，删除多余的一行；若中间卸载过（如重装系统），补登那次卸载。
    pub struct RepeatedInstall {
        code: "ZB305",
        severity: Warning,
        summary: "在已安装该软件的计算机上再次登记安装",
    }
}

/// ZB305
pub fn check(ctx: &Context, out: &mut Sink) {
    for (t, (m, replay)) in ctx
        .unit
        .maintenance
        .iter()
        .zip(&ctx.facts.replays)
        .enumerate()
    {
        for &(i, earlier) in &replay.repeat_installs {
            let e = &m.events[i];
            let Some(cell) = e.computer_cell().or(e.action.cell()) else {
                continue;
            };
            let computer = ctx.facts.event_computer(t, i).unwrap_or_default();
            let first = &m.events[earlier];
            let first_date = first.date.value().map(|d| ymd(*d)).unwrap_or_default();
            let d = out.report(
                cell,
                format!(
                    "{computer} 已于 {first_date} 安装本软件且没有卸载记录，{} 又登记安装",
                    e.date.value().map(|d| ymd(*d)).unwrap_or_default()
                ),
                "若是重复登记，删除多余的一行；若中间卸载过，补登那次卸载（台账 三.4）",
            );
            if let Some(c) = first.date.cell.as_ref().or(first.computer_cell()) {
                d.related(c, format!("{first_date} 在 {computer} 安装"));
            }
        }
    }
}

/// ZB305 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB305.snap`):
/// WPS installed again on SJ-PC-001 without an uninstall.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "RJ002",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2024-06-01",
            "#1",
        ],
    ),
]);
