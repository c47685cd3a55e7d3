use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 软件安装维护情况明细表第二部分的一行，**安装**和**卸载**两个勾选框都没勾、都勾了，或
    /// 框里填的内容认不出是否勾选。
    ///
    /// ## 为什么
    /// 台账 三.1：“《软件安装维护情况明细表》用于登记软件的安装和卸载情况。”每一行登记一次安装
    /// 或一次卸载；说不清是哪一种，这一行就无法计入安装数量，也无法与明细表核对。
    ///
    /// ## 示例
    /// | 序号 | 安装 | 卸载 | 计算机编号 | 安装/卸载日期 |
    /// |---|---|---|---|---|
    /// | 3 | **□** | **□** | SJ-PC-003 | 2024-03-05 |
    ///
    /// ## 如何修改
    /// 按实际操作只勾选“安装”或“卸载”其中一个（☑），另一个保留 □。
    pub struct AmbiguousAction {
        code: "ZB301",
        severity: Error,
        summary: "安装/卸载未勾选或两者都勾选",
    }
}

/// ZB301
pub fn check(ctx: &Context, out: &mut Sink) {
    for m in &ctx.unit.maintenance {
        for e in &m.events {
            let Some(cell) = e.action.cell() else {
                continue;
            };
            let unreadable = e
                .action
                .cells
                .iter()
                .any(|c| ctx.unit.invalid_values.iter().any(|v| &v.cell == c));
            let what = match (unreadable, e.action.ticked.len()) {
                (true, _) => format!("安装/卸载勾选框的内容“{}”认不出是否勾选", e.action.raw),
                (false, 0) => format!("安装、卸载都没有勾选（{}）", e.action.raw),
                (false, 1) => continue,
                (false, _) => format!("安装、卸载都勾选了（{}）", e.action.raw),
            };
            out.report(
                cell,
                what,
                "每行只登记一次操作：勾选“安装”或“卸载”其中一个（☑），另一个保留 □（台账 三.1）",
            );
        }
    }
}

/// ZB301 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB301.snap`):
/// A WPS event with neither 安装 nor 卸载 ticked.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("RJ002", "B10", "□"),
]);
