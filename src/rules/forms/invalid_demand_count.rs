use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 软件使用需求申请表的申请许可数未填写、不是整数，或不是正数（0、负数）。
    ///
    /// ## 为什么
    /// 信息化部门按各部门申请的许可数汇总需求、梳理与现有许可的差异，编制采购计划
    /// （配置 二.1–二.3）。许可数读不出来，需求就无法汇总。
    ///
    /// ## 示例
    /// | 软件类型 | 软件用途 | 申请许可数（单位：个） |
    /// |---|---|---|
    /// | 办公软件 | 公文处理 | 若干 |
    ///
    /// `办公软件：申请许可数“若干”不是整数`
    ///
    /// ## 如何修改
    /// 填写需要的许可个数（正整数）；不需要的软件类型整行留空。
    pub struct InvalidDemandCount {
        code: "ZB503",
        severity: Error,
        summary: "需求申请表的申请许可数不是正整数",
    }
}

/// ZB503
pub fn check(ctx: &Context, out: &mut Sink) {
    for demand in &ctx.unit.demands {
        for row in &demand.rows {
            let Some(cell) = row.count.cell.as_ref() else {
                continue;
            };
            let problem = match row.count.parsed {
                Parsed::Value(n) if n > 0 => continue,
                Parsed::Value(n) => format!("申请许可数为 {n}，应为正整数"),
                Parsed::Invalid => format!("申请许可数“{}”不是整数", row.count.raw),
                Parsed::Empty | Parsed::NotApplicable => "申请许可数未填写".to_string(),
            };
            let message = match row.kind.value() {
                Some(kind) => format!("{kind}：{problem}"),
                None => problem,
            };
            out.report(
                cell,
                message,
                "填写需要的许可个数（正整数，单位：个）；不需要的软件类型整行留空（配置 二.1）",
            );
        }
    }
}

/// ZB503 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB503.snap`):
/// 申请许可数 若干, 0, empty and -1.
const TRIGGER: Trigger = Trigger::forms(&[
    Edit::Set("需求申请表", "E7", "若干"),
    Edit::Set("需求申请表", "E8", "#0"),
    Edit::Set("需求申请表", "E9", ""),
    Edit::Set("需求申请表", "C10", "审计分析"),
    Edit::Set("需求申请表", "E10", "#-1"),
])
.showing("ZB503 ZB006");
