use super::super::prelude::*;
use crate::rules::facts::{action_word, ymd};

declare_rule! {
    /// ## 检查什么
    /// 软件安装维护情况明细表中一条安装或卸载记录的日期晚于检查日期（`--as-of`，默认今天）。
    ///
    /// 按日期重放安装维护记录只到检查日期为止：这样的记录不计入装有软件的计算机和份数。
    /// 它造成的（或它能解释的）台账间不一致只在这里报告一次，不再报告为 ZB406、ZB407。
    ///
    /// ## 为什么
    /// 台账 三.4 要求安装、卸载之后登记，记录不会出现在未来；这多半是年份或月份填错
    /// （如把 2026 写成了 2062），或提前登记了尚未进行的安装。
    ///
    /// ## 示例
    /// 检查日期 2026-11-25；一条安装记录日期为 **2062-03-01**。
    ///
    /// ## 如何修改
    /// 按《软件安装维护确认单》改正日期。
    pub struct FutureEvent {
        code: "ZB310",
        severity: Warning,
        summary: "安装卸载日期晚于检查日期",
    }
}

/// ZB310
pub fn check(ctx: &Context, out: &mut Sink) {
    for m in &ctx.unit.maintenance {
        for e in &m.events {
            let (Some(&date), Some(cell)) = (e.date.value(), &e.date.cell) else {
                continue;
            };
            if date > ctx.as_of {
                let what = e.action.single().map(action_word).unwrap_or("安装/卸载");
                out.report(
                    cell,
                    format!("{what}日期 {} 晚于检查日期 {}", ymd(date), ymd(ctx.as_of)),
                    "按《软件安装维护确认单》改正日期（台账 三.4：安装或卸载之后登记）",
                );
            }
        }
    }
}

/// ZB310 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB310.snap`):
/// A WPS event dated 2062.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "I11", "@2062-03-05"),
]);
