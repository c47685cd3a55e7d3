use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 识别出的表缺少必需的列（如汇总表没有“安装数量”列），或找到了标题却找不到列标题行。
    ///
    /// ## 为什么
    /// 台账的栏目由模板规定（台账管理规定，附件7–9）。缺少的列里的信息无法登记，依赖该列的
    /// 检查也都无法进行（这些检查会跳过该列，不再另行报告）。
    ///
    /// ## 示例
    /// | 序号 | 软件编号 | 软件名称 | 软件版本 | 许可数量 |
    /// |---|---|---|---|---|
    ///
    /// `汇总表缺少必需的列：软件类型、安装数量`
    ///
    /// ## 如何修改
    /// 按模板补上缺少的列，列标题照模板书写（换行、空格不影响识别）；若列已存在，检查列标题
    /// 是否写成了别的说法。
    pub struct MissingColumn {
        code: "ZB003",
        severity: Error,
        summary: "表缺少必需的列",
    }
}

/// ZB003
pub fn check(ctx: &Context, out: &mut Sink) {
    for (meta, _) in ctx.unit.tables() {
        if meta.missing_columns.is_empty() {
            continue;
        }
        let names: Vec<String> = meta
            .missing_columns
            .iter()
            .map(|h| h.replace('\n', ""))
            .collect();
        let names = names.join("、");
        let name = meta.kind.short_name();
        let message = if meta.header_rows.is_none() {
            format!("找到了{name}的标题，但找不到列标题行（应有：{names}）")
        } else {
            format!("{name}缺少必需的列：{names}")
        };
        out.report(
            meta.anchor(),
            message,
            format!(
                "按模板“{}”补上这些列，列标题照模板书写；缺少的列中的内容无法检查",
                meta.kind.title()
            ),
        );
    }
}

/// ZB003 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB003.snap`):
/// 安装日期's header cell left blank: the column is missing.
const TRIGGER: Trigger = Trigger::clean(&[Edit::Set("明细表", "M3", "")]).showing("ZB003");
