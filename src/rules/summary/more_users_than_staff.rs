use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表表头“人员情况”中的**使用计算机人数**大于**总人数**。
    ///
    /// ## 为什么
    /// 汇总表登记“单位人数及计算机数总体情况”（台账 一.1）；使用计算机的人是总人数的一部分，
    /// 不会更多。两数颠倒或填错，会影响与明细表的核对（ZB409）。
    ///
    /// ## 示例
    /// | 人员情况 | 总人数 | 5 | 使用计算机人数 | **8** |
    /// |---|---|---|---|---|
    ///
    /// ## 如何修改
    /// 按人事在册人数填写总人数，按明细表中的使用人填写使用计算机人数。
    pub struct MoreUsersThanStaff {
        code: "ZB115",
        severity: Error,
        summary: "使用计算机人数大于总人数",
    }
}

/// ZB115
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let (Some(total), Some(using)) = (&summary.header.people_total, &summary.header.people_using)
    else {
        return;
    };
    let (Some(&t), Some(&u), Some(cell)) = (total.value(), using.value(), &using.cell) else {
        return;
    };
    if u <= t {
        return;
    }
    let d = out.report(
        cell,
        format!("使用计算机人数 {u} 大于总人数 {t}"),
        "按人事在册人数填写总人数，按软件使用情况明细表中的使用人填写使用计算机人数（台账 一.1）",
    );
    if let Some(c) = &total.cell {
        d.related(c, format!("总人数 {t}"));
    }
}

/// ZB115 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB115.snap`):
/// 使用计算机人数 8 against 总人数 5.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "E3", "#8"),
]);
