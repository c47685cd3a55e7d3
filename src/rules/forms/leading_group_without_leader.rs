use super::super::prelude::*;
use crate::base::text::norm;

declare_rule! {
    /// ## 检查什么
    /// 软件正版化工作领导小组成员信息表中没有分工为“组长”的成员（“副组长”不算），或组长
    /// 一行没有填写姓名。单位没有这张表时不检查。
    ///
    /// ## 为什么
    /// 软件正版化工作责任制度 一（一）1：“单位主要领导担任软件正版化工作领导小组组长。”组长是软件正版化
    /// 工作的第一责任人，负责审定年度目标任务、工作计划和经费预算。
    ///
    /// ## 示例
    /// | 序号 | 分工 | 姓名 | 职务 |
    /// |---|---|---|---|
    /// | 1 | 副组长 | 李强 | 副局长 |
    /// | 2 | 成员 | 王芳 | 办公室主任 |
    ///
    /// `领导小组成员信息表中没有组长（已登记：副组长、成员）`
    ///
    /// ## 如何修改
    /// 增加一行，分工填“组长”，填写单位主要领导的姓名、部门、职务和联系电话。
    pub struct LeadingGroupWithoutLeader {
        code: "ZB501",
        severity: Warning,
        summary: "领导小组没有组长",
    }
}

const HELP: &str = "由单位主要领导担任组长：在分工为“组长”的一行填写其姓名、部门、职务和联系电话（软件正版化工作责任制度 一（一）1）";

/// ZB501
pub fn check(ctx: &Context, out: &mut Sink) {
    for group in &ctx.unit.leading_groups {
        // Without a 分工 column ZB003 has already said why nothing can be read.
        if !group.meta.columns.iter().any(|c| c.key == "role") {
            continue;
        }
        let is_leader = |role: &str| {
            let r = norm(role);
            r.contains("组长") && !r.contains("副组长")
        };
        let leaders: Vec<_> = group
            .rows
            .iter()
            .filter(|m| m.role.value().is_some_and(|r| is_leader(r)))
            .collect();
        if leaders.iter().any(|m| m.name.is_filled()) {
            continue;
        }
        if let Some(nameless) = leaders.first() {
            let at = nameless.name.cell.as_ref().unwrap_or(&nameless.at);
            out.report(at, "分工为组长的一行没有填写姓名", HELP);
            continue;
        }
        let mut roles: Vec<&str> = Vec::new();
        for m in &group.rows {
            if let Some(r) = m.role.value() {
                if !roles.contains(&r.as_str()) {
                    roles.push(r);
                }
            }
        }
        let message = if group.rows.is_empty() {
            "领导小组成员信息表没有登记任何成员，没有组长".to_string()
        } else if roles.is_empty() {
            "领导小组成员信息表中没有组长（分工一栏都未填写）".to_string()
        } else {
            format!(
                "领导小组成员信息表中没有组长（已登记：{}）",
                roles.join("、")
            )
        };
        out.report(group.meta.anchor(), message, HELP);
    }
}

/// ZB501 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB501.snap`):
/// The leading group's 组长 written as 常务副组长.
const TRIGGER: Trigger = Trigger::forms(&[
    Edit::Set("领导小组", "B7", "常务副组长"),
])
.showing("ZB501");
