use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 明细表的安装日期晚于明细表表头的填表日期（按科室分表的明细表，各表自己的填表日期），
    /// 或晚于检查日期。
    ///
    /// ## 为什么
    /// 明细表登记的是已经安装的软件（台账 二.2）；填表时还没发生的安装不能登记。这类日期多是
    /// 年份或月日写错。
    ///
    /// ## 示例
    /// 填表日期 2026年11月20日：
    ///
    /// | 计算机编号 | 软件名称 | 安装日期 |
    /// |---|---|---|
    /// | SJ-PC-001 | WPS Office 2019 | 2027-03-01 |
    ///
    /// `安装日期 2027-03-01 晚于填表日期 2026-11-20`
    ///
    /// ## 如何修改
    /// 改正安装日期（常见错误：年份写错、月和日写反）；尚未安装的软件不要登记。
    pub struct FutureInstallDate {
        code: "ZB205",
        severity: Error,
        summary: "安装日期晚于填表日期或检查日期",
    }
}

/// ZB205
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    for row in &usage.rows {
        let (Some(&date), Some(cell)) = (row.installed_on.value(), &row.installed_on.cell) else {
            continue;
        };
        // Each part of a ledger kept one sheet per department was filled in on its own date.
        let filled = usage.header_of(row).filled_on.as_ref().and_then(|f| {
            f.value()
                .copied()
                .filter(|d| *d <= ctx.as_of)
                .map(|d| (d, f.cell.clone()))
        });
        let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        match &filled {
            Some((f, f_cell)) if date > *f => {
                let d = out.report(
                    cell,
                    format!("安装日期 {} 晚于填表日期 {}", fmt(date), fmt(*f)),
                    "改正安装日期（常见错误：年份写错、月和日写反）；尚未安装的软件不要登记（台账 二.2）",
                );
                if let Some(c) = f_cell {
                    d.related(c, format!("填表日期 {}", fmt(*f)));
                }
            }
            _ if date > ctx.as_of => {
                out.report(
                    cell,
                    format!("安装日期 {} 晚于检查日期 {}", fmt(date), fmt(ctx.as_of)),
                    "改正安装日期（常见错误：年份写错、月和日写反）；尚未安装的软件不要登记（台账 二.2）",
                );
            }
            _ => {}
        }
    }
}

/// ZB205 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB205.snap`):
/// An install dated the day after the 填表日期 2026-11-20.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "M5", "@2026-11-21"),
])
.showing("ZB205");
