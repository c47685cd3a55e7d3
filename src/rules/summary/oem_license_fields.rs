use super::super::prelude::*;
use super::header_text;
use crate::ledger::summary::Licence;

declare_rule! {
    /// ## 检查什么
    /// **OEM软件**行填写了采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限或序列号。
    /// 每个填了内容的格子报告一次。
    ///
    /// ## 为什么
    /// “OEM软件，不填写采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限、序列号等
    /// 信息”（台账 一.6）。OEM软件随计算机预装，许可随机器而来；填了这些栏目，往往说明软件其实
    /// 是单独采购的，类型登记错了。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 | 许可数量 |
    /// |---|---|---|---|
    /// | RJ001 | Windows 10 专业版 | OEM软件 | **10** |
    ///
    /// ## 如何修改
    /// 清空这些格子（或填“—”）。若该软件是单独购买的，把软件类型改为“商业软件”并完整填写许可信息。
    pub struct OemLicenseFields {
        code: "ZB107",
        severity: Error,
        summary: "OEM软件填写了采购或许可信息",
    }
}

/// ZB107
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Licence::Oem { stray, .. } = &row.licence else {
            continue;
        };
        for s in stray {
            let header = header_text(s.header);
            out.report(
                &s.cell,
                format!("OEM软件不填写{header}，此处填了“{}”", s.raw),
                format!(
                    "清空{header}（或填“—”）；若此软件是单独购买的，把软件类型改为商业软件（台账 一.6）"
                ),
            );
        }
    }
}

/// ZB107 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB107.snap`):
/// The OEM Windows given an amount and a license count.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "G6", "#800"),
    Edit::Set("汇总表", "I6", "#10"),
]);
