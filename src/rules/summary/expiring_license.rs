use super::super::prelude::*;
use super::{day, term_lead};
use crate::rules::facts::EXPIRY_WINDOW_DAYS;

declare_rule! {
    /// ## 检查什么
    /// **商业软件**的许可期限在检查日期起 90 天内结束。按期限（如“3年”）填写的，从采购时间起算。
    ///
    /// ## 为什么
    /// 许可到期后继续使用就不再是正版使用（办法 第三条）。续购要走预算和采购流程（配置 二.3、
    /// 二.4），需要提前安排。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 许可期限 |
    /// |---|---|---|
    /// | RJ003 | 奇安信天擎 V10 | **2024.1.10-2027.1.9** |
    ///
    /// 检查日期 2026-11-25：许可于 2027-01-09 到期，还有 45 天。
    ///
    /// ## 如何修改
    /// 及早安排续购或替换；续购的许可作为新批次以新软件编号登记（台账 一.3）。
    pub struct ExpiringLicense {
        code: "ZB113",
        severity: Warning,
        summary: "商业软件许可将在 90 天内到期",
    }
}

/// ZB113
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let (Some(end), Some(term), Some(cell)) = (t.term_end(), t.term.value(), &t.term.cell)
        else {
            continue;
        };
        let left = (end - ctx.as_of).num_days();
        if !(0..=EXPIRY_WINDOW_DAYS).contains(&left) {
            continue;
        }
        let when = if left == 0 {
            "今天".to_string()
        } else {
            format!("还有 {left} 天")
        };
        out.report(
            cell,
            format!(
                "{}将于 {} 到期（{when}）",
                term_lead(term, t.purchased_on.value()),
                day(end)
            ),
            "提前安排续购或替换软件；续购的许可作为新批次以新软件编号登记（台账 一.3；配置 二.3）",
        );
    }
}

/// ZB113 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB113.snap`):
/// 奇安信's license ends 2027-01-09, within 90 days of the check date.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "2024.1.10-2027.1.9"),
    Edit::Set("RJ003", "I6", "2024.1.10-2027.1.9"),
    Edit::Set("明细表", "I7", "2024.1.10-2027.1.9"),
    Edit::Set("明细表", "I11", "2024.1.10-2027.1.9"),
    Edit::Set("明细表", "I15", "2024.1.10-2027.1.9"),
]);
