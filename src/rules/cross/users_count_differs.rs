use super::super::prelude::*;
use crate::rules::facts::statistics::people_in_usage;

declare_rule! {
    /// ## 检查什么
    /// 汇总表表头的**使用计算机人数**不等于明细表中不同**姓名**的个数。
    ///
    /// ## 为什么
    /// 台账 二.1：明细表登记“单位每位工作人员使用计算机办公设备情况”，所以使用计算机的人就是明细
    /// 表中出现的人；汇总表的人数应与之一致（台账 一.1）。
    ///
    /// ## 示例
    /// 汇总表使用计算机人数 **3**；明细表中有张伟、李娜、刘洋、陈静 4 人。
    ///
    /// ## 如何修改
    /// 按明细表重新统计使用计算机人数；明细表漏登了人员的，补登。
    pub struct UsersCountDiffers {
        code: "ZB409",
        severity: Warning,
        summary: "使用计算机人数与明细表人数不一致",
    }
}

/// ZB409
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(usage)) = (ctx.unit.summary(), ctx.unit.usage()) else {
        return;
    };
    let Some(field) = summary.header.people_using.as_ref() else {
        return;
    };
    let (Some(&stated), Some(cell)) = (field.value(), &field.cell) else {
        return;
    };
    let Some(people) = people_in_usage(usage) else {
        return;
    };
    if people == stated {
        return;
    }
    let d = out.report(
        cell,
        format!(
            "使用计算机人数 {stated}，明细表中有 {people} 个不同的姓名"
        ),
        "按明细表重新统计使用计算机人数；明细表漏登人员的先补登（台账 一.1、二.1）",
    );
    d.related(usage.meta.anchor(), format!("明细表：{people} 人"));
}

/// ZB409 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB409.snap`):
/// 使用计算机人数 4, with 3 users in the usage ledger.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "E3", "#4"),
]);
