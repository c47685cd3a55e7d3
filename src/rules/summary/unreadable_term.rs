use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表的**许可期限**填了内容，但看不出期限，如“看合同”“按年”。
    ///
    /// ## 为什么
    /// 采购合同须明确“使用年限”（配置 二.4）；期限读不出来，就无法检查许可是否到期（ZB112、
    /// ZB113）。可识别的写法：永久（长期）、截止日期、起止日期、期限（3年、36个月，从采购时间起算）。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 许可期限 |
    /// |---|---|---|
    /// | RJ003 | 奇安信天擎 V10 | **见合同** |
    ///
    /// ## 如何修改
    /// 按授权证书改写成“永久”、“2027-12-31”、“2024.1.10-2027.12.31”或“3年”之类的形式。
    pub struct UnreadableTerm {
        code: "ZB116",
        severity: Warning,
        summary: "许可期限无法识别",
    }
}

/// ZB116
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        // OEM and free rows must leave the term empty: ZB107/ZB108 report any value there.
        let Some(t) = row.terms() else {
            continue;
        };
        let (true, Some(cell)) = (t.term.is_invalid(), &t.term.cell) else {
            continue;
        };
        out.report(
            cell,
            format!("许可期限“{}”无法识别，无法判断许可是否到期", t.term.raw),
            "按授权证书写成“永久”、截止日期（2027-12-31）、起止日期（2024.1.10-2027.12.31）或期限（3年）（配置 二.4）",
        );
    }
}

/// ZB116 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB116.snap`):
/// 许可期限 见合同.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "见合同"),
]);
