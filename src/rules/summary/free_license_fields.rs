use super::super::prelude::*;
use super::header_text;
use crate::ledger::summary::Licence;

declare_rule! {
    /// ## 检查什么
    /// **免费软件**行填写了软件版本、采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限
    /// 或序列号。每个填了内容的格子报告一次。
    ///
    /// ## 为什么
    /// “免费软件，不填写软件版本、采购时间、采购金额、许可类型、许可数量、可使用版本、许可期限、
    /// 序列号等信息”（台账 一.9）；同名不同版本的免费软件共用一个编号（台账 一.8），所以不记版本。
    /// 填了采购或许可信息，往往说明软件其实是购买的。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件版本 | 软件类型 |
    /// |---|---|---|---|
    /// | RJ004 | 7-Zip | **23.01** | 免费软件 |
    ///
    /// ## 如何修改
    /// 清空这些格子（或填“—”）；版本记在可使用免费软件清单中。若该软件是购买的，把软件类型改为
    /// “商业软件”。
    pub struct FreeLicenseFields {
        code: "ZB108",
        severity: Error,
        summary: "免费软件填写了版本、采购或许可信息",
    }
}

/// ZB108
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Licence::Free { stray } = &row.licence else {
            continue;
        };
        for s in stray {
            let header = header_text(s.header);
            let help = if s.column == "version" {
                "清空软件版本（或填“—”）：同名免费软件不论版本共用一个编号，版本记在可使用免费软件清单中（台账 一.8、一.9）".to_string()
            } else {
                format!(
                    "清空{header}（或填“—”）；若此软件是购买的，把软件类型改为商业软件（台账 一.9）"
                )
            };
            out.report(
                &s.cell,
                format!("免费软件不填写{header}，此处填了“{}”", s.raw),
                help,
            );
        }
    }
}

/// ZB108 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB108.snap`):
/// 7-Zip given a version and a serial number.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "D9", "23.01"),
    Edit::Set("汇总表", "L9", "ABC-123"),
]);
