use super::super::prelude::*;
use super::{day, purchase};

declare_rule! {
    /// ## 检查什么
    /// 汇总表的**采购时间**晚于表头的填表日期，或晚于检查日期。只填年月的，按该月第一天比较。
    ///
    /// ## 为什么
    /// 汇总表登记已经完成的采购（台账 一.10：“新增、处置商业软件后，更新”）。采购时间在填表
    /// 之后，多半是年份或月日输错，到期日（按期限从采购时间起算）也会跟着算错。
    ///
    /// ## 示例
    /// 填表日期 2026年11月20日：
    ///
    /// | 软件编号 | 软件名称 | 采购时间 |
    /// |---|---|---|
    /// | RJ002 | WPS Office 2019 | **2032-03-15** |
    ///
    /// ## 如何修改
    /// 按采购合同或发票更正采购时间；若填表日期有误，更正填表日期。
    pub struct FuturePurchase {
        code: "ZB117",
        severity: Error,
        summary: "采购时间晚于填表日期或检查日期",
    }
}

/// ZB117
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let filled_on = summary.header.filled_on.as_ref();
    for row in &summary.rows {
        // OEM and free rows must leave 采购时间 empty (ZB107, ZB108).
        let Some(t) = row.terms() else {
            continue;
        };
        let (Some(p), Some(cell)) = (t.purchased_on.value(), &t.purchased_on.cell) else {
            continue;
        };
        let help = "按采购合同或发票更正采购时间（常见是年份输错）；若填表日期有误，更正填表日期（台账 一.10）";
        if let Some((f, date)) = filled_on.and_then(|f| Some((f, *f.value()?))) {
            if p.date > date {
                let d = out.report(
                    cell,
                    format!("采购时间 {} 晚于填表日期 {}", purchase(p), day(date)),
                    help,
                );
                if let Some(c) = &f.cell {
                    d.related(c, format!("填表日期 {}", day(date)));
                }
                continue;
            }
        }
        if p.date > ctx.as_of {
            out.report(
                cell,
                format!("采购时间 {} 晚于检查日期 {}", purchase(p), day(ctx.as_of)),
                help,
            );
        }
    }
}

/// ZB117 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB117.snap`):
/// A purchase in 2032, and one in December 2026 (a month counts from its first day, after the
/// 填表日期 2026-11-20).
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "F7", "@2032-03-15"),
    Edit::Set("汇总表", "F8", "2026.12"),
]);
