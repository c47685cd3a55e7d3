use super::super::prelude::*;
use super::{day, term_lead};

declare_rule! {
    /// ## 检查什么
    /// **商业软件**的许可期限在检查日期之前已经结束，汇总表却仍登记有安装（安装数量大于 0）。
    /// 按期限（如“3年”）填写的，从采购时间起算。
    ///
    /// ## 为什么
    /// 许可到期后继续使用，就不再是正版使用（办法 第三条）。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 采购时间 | 许可期限 | 安装数量 |
    /// |---|---|---|---|---|
    /// | RJ003 | 奇安信天擎 V10 | 2021-03-15 | **3年** | 3 |
    ///
    /// 许可于 2024-03-14 到期，仍有 3 个安装。
    ///
    /// ## 如何修改
    /// 续购许可（新批次以新软件编号登记，台账 一.3），或卸载并在安装维护情况明细表登记卸载。
    /// 若许可期限填错，按授权证书更正。
    pub struct ExpiredLicense {
        code: "ZB112",
        severity: Error,
        summary: "商业软件许可已到期但仍有安装",
    }
}

/// ZB112
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let (Some(end), Some(term), Some(&installed), Some(cell)) = (
            t.term_end(),
            t.term.value(),
            row.installed.value(),
            &t.term.cell,
        ) else {
            continue;
        };
        if end >= ctx.as_of || installed <= 0 {
            continue;
        }
        let d = out.report(
            cell,
            format!(
                "{}已于 {} 到期（已过 {} 天），仍登记安装 {installed} 个",
                term_lead(term, t.purchased_on.value()),
                day(end),
                (ctx.as_of - end).num_days()
            ),
            "续购许可（新批次以新软件编号登记，台账 一.3），或卸载并在安装维护情况明细表登记卸载（办法 第三条）",
        );
        if let Some(c) = &row.installed.cell {
            d.related(c, format!("安装数量 {installed}"));
        }
    }
}

/// ZB112 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB112.snap`):
/// 奇安信's license ended 2026-06-30, in every ledger.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "2026.6.30"),
    Edit::Set("RJ003", "I6", "2026.6.30"),
    Edit::Set("明细表", "I7", "2026.6.30"),
    Edit::Set("明细表", "I11", "2026.6.30"),
    Edit::Set("明细表", "I15", "2026.6.30"),
]);
