use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 列标题行中不属于该表任何已知列的标题。该列的内容不参与检查。
    ///
    /// ## 为什么
    /// 检查按模板的列标题识别各列（台账管理规定，附件7–9）。写错的列标题会让本应检查的内容
    /// 被忽略，例如把“安装日期”写成“装机时间”。
    ///
    /// ## 示例
    /// | 序号 | 部门 | 姓名 | 计算机编号 | … | **装机时间** |
    /// |---|---|---|---|---|---|
    ///
    /// `列标题“装机时间”不是明细表的已知列，该列内容不会被检查`
    ///
    /// ## 如何修改
    /// 如果它对应模板中的某一列，把列标题改成模板的写法；如果是单位自行增加的列（如“备注”），
    /// 可以保留，忽略本提示。
    pub struct UnknownColumn {
        code: "ZB004",
        severity: Warning,
        summary: "无法识别的列标题",
    }
}

/// ZB004
pub fn check(ctx: &Context, out: &mut Sink) {
    for (meta, _) in ctx.unit.tables() {
        for (cell, text) in &meta.unknown_columns {
            out.report(
                cell,
                format!(
                    "列标题“{text}”不是{}的已知列，该列内容不会被检查",
                    meta.kind.short_name()
                ),
                "若对应模板中的某一列，请改用模板的列标题；若是单位自加的列，可忽略本提示",
            );
        }
    }
}

/// ZB004 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB004.snap`):
/// 安装日期 typed as 装机时间: a header the template does not have.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "M3", "装机时间"),
])
.showing("ZB004");
