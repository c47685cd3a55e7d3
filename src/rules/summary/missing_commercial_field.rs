use super::super::prelude::*;
use super::subject;

declare_rule! {
    /// ## 检查什么
    /// **商业软件**行的软件版本、许可类型、许可数量或许可期限为空（填“—”也算空）。每个空格报告
    /// 一次。软件名称为空由 ZB120 报告。
    ///
    /// ## 为什么
    /// 商业软件按名称、版本和许可信息区分编号（台账 一.2、一.3）；采购合同也须“明确软件名称、
    /// 版本、授权方式、许可数量、使用年限”（配置 二.4）。缺了这些，无法判断是否超装、是否到期。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 | 许可数量 | 许可期限 |
    /// |---|---|---|---|---|
    /// | RJ002 | WPS Office 2019 | 商业软件 | **（空）** | 永久 |
    ///
    /// ## 如何修改
    /// 按采购合同或授权证书补填。
    pub struct MissingCommercialField {
        code: "ZB109",
        severity: Error,
        summary: "商业软件缺少软件版本、许可类型、许可数量或许可期限",
    }
}

fn report<T>(out: &mut Sink, row: &str, header: &str, field: &Field<T>, help: &str) {
    // An unreadable value is reported by the rule that owns it (ZB006, ZB116).
    if field.is_filled() {
        return;
    }
    let Some(cell) = &field.cell else {
        return;
    };
    out.report(
        cell,
        format!("商业软件{row}未填写{header}"),
        format!("{help}（台账 一.3；配置 二.4）"),
    );
}

/// ZB109
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let who = subject(row);
        report(
            out,
            &who,
            "软件版本",
            &t.version,
            "按采购合同或授权证书填写软件版本，如“2019 专业版”",
        );
        report(
            out,
            &who,
            "许可类型",
            &t.license_type,
            "按授权证书填写许可类型，如批量许可、场地许可、单机许可",
        );
        report(
            out,
            &who,
            "许可数量",
            &t.license_count,
            "按授权证书填写许可数量",
        );
        report(
            out,
            &who,
            "许可期限",
            &t.term,
            "按授权证书填写许可期限：永久、截止日期或起止日期",
        );
    }
}

/// ZB109 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB109.snap`):
/// RJ003's 许可类型 empty and its 许可期限 a dash.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "H8", ""),
    Edit::Set("汇总表", "K8", "—"),
]);
