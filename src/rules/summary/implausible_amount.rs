use super::super::prelude::*;
use crate::base::format_number;

declare_rule! {
    /// ## 检查什么
    /// **商业软件**的采购金额为 0 或负数，或许可数量为 0 或负数。
    ///
    /// ## 为什么
    /// 购买的软件按合同金额登记；受赠、调剂获得的“不填写采购时间、采购金额”（台账 一.4），而不是
    /// 填 0。许可数量为 0 时，这一编号下的每一份安装都没有许可。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 采购金额 | 许可数量 |
    /// |---|---|---|---|
    /// | RJ002 | WPS Office 2019 | **0** | 5 |
    ///
    /// ## 如何修改
    /// 按合同填写实际金额；受赠、调剂获得的，采购时间和采购金额都不填。许可数量按授权证书填写。
    pub struct ImplausibleAmount {
        code: "ZB118",
        severity: Warning,
        summary: "商业软件采购金额或许可数量为零或负数",
    }
}

/// ZB118
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        if let (Some(&amount), Some(cell)) = (t.amount.value(), &t.amount.cell) {
            if amount <= 0.0 {
                let message = if amount == 0.0 {
                    "采购金额为 0".to_string()
                } else {
                    format!("采购金额 {} 是负数", format_number(amount))
                };
                out.report(
                    cell,
                    message,
                    "按采购合同填写实际金额（元）；受赠、调剂获得的软件采购时间和采购金额都不填（台账 一.4）",
                );
            }
        }
        if let (Some(&count), Some(cell)) = (t.license_count.value(), &t.license_count.cell) {
            if count <= 0 {
                let message = if count == 0 {
                    "许可数量为 0".to_string()
                } else {
                    format!("许可数量 {count} 是负数")
                };
                out.report(
                    cell,
                    message,
                    "按授权证书填写许可数量；许可已处置的软件按台账 一.10 更新汇总表",
                );
            }
        }
    }
}

/// ZB118 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB118.snap`):
/// WPS bought for 0 元, 奇安信 for -900 元.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "G7", "#0"),
    Edit::Set("汇总表", "G8", "#-900"),
]);
