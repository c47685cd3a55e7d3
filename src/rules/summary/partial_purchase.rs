use super::super::prelude::*;
use super::purchase;
use crate::base::format_number;

declare_rule! {
    /// ## 检查什么
    /// **商业软件**行的采购时间和采购金额只填了一项。
    ///
    /// ## 为什么
    /// 购买的软件两项都填；“通过受赠、调剂等方式获得的商业软件，不填写采购时间、采购金额”
    /// （台账 一.4）。只填一项，说不清这批许可是买来的还是受赠、调剂来的。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 采购时间 | 采购金额 |
    /// |---|---|---|---|
    /// | RJ002 | WPS Office 2019 | 2023-03-15 | **（空）** |
    ///
    /// ## 如何修改
    /// 购买的：按合同或发票补填另一项。受赠、调剂获得的：两项都不填。
    pub struct PartialPurchase {
        code: "ZB110",
        severity: Warning,
        summary: "商业软件的采购时间和采购金额只填了一项",
    }
}

/// ZB110
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let (Some(time_cell), Some(amount_cell)) = (&t.purchased_on.cell, &t.amount.cell) else {
            continue;
        };
        // Show the value as read (a date cell's raw text may carry a time of day).
        let (empty, filled, empty_name, filled_name, shown) =
            match (t.purchased_on.is_filled(), t.amount.is_filled()) {
                (true, false) => (
                    amount_cell,
                    time_cell,
                    "采购金额",
                    "采购时间",
                    t.purchased_on
                        .value()
                        .map_or_else(|| t.purchased_on.raw.clone(), purchase),
                ),
                (false, true) => (
                    time_cell,
                    amount_cell,
                    "采购时间",
                    "采购金额",
                    t.amount
                        .value()
                        .map_or_else(|| t.amount.raw.clone(), |a| format_number(*a)),
                ),
                _ => continue,
            };
        let d = out.report(
            empty,
            format!("填了{filled_name}“{shown}”，但{empty_name}为空"),
            format!(
                "购买的软件按合同或发票补填{empty_name}；受赠、调剂获得的两项都不填（台账 一.4）"
            ),
        );
        d.related(filled, format!("{filled_name} {shown}"));
    }
}

/// ZB110 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB110.snap`):
/// WPS without its amount, 奇安信 without its purchase time.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "G7", ""),
    Edit::Set("汇总表", "F8", ""),
]);
