use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 显示错误值的公式单元格（#REF!、#DIV/0!、#VALUE!、#N/A …），以及没有保存计算结果的
    /// 公式单元格。
    ///
    /// ## 为什么
    /// 检查读取的是单元格显示的值。错误值说明公式引用的单元格被删除或数据有误；没有保存
    /// 计算结果的公式（常见于程序生成、未在 Excel 中重新计算的文件）读出来是空的，合计、
    /// 安装数量等就会被当作未填写。
    ///
    /// ## 示例
    /// | 安装数量 |
    /// |---|
    /// | #REF! |
    ///
    /// `公式结果为错误值 #REF!`
    ///
    /// ## 如何修改
    /// 检查公式引用的单元格是否被删除或移动，改正公式或直接填写数值；没有计算结果的，用
    /// Excel 或 WPS 打开并保存一次。
    pub struct FormulaError {
        code: "ZB007",
        severity: Warning,
        summary: "公式单元格显示错误值或没有计算结果",
    }
}

/// ZB007
pub fn check(ctx: &Context, out: &mut Sink) {
    for p in &ctx.unit.formula_problems {
        match &p.error {
            Some(e) => out.report(
                &p.cell,
                format!("公式结果为错误值 {e}"),
                "检查公式引用的单元格是否被删除或移动，改正公式或直接填写数值",
            ),
            None => out.report(
                &p.cell,
                "公式单元格没有保存计算结果，读出来是空的",
                "用 Excel 或 WPS 打开该文件并保存一次，使公式的计算结果写入文件；或直接填写数值",
            ),
        };
    }
}

/// ZB007 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB007.snap`):
/// Formulas caching #REF! and #DIV/0!, beside formulas with a blank result.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Formula("明细表", "M6", "DATE(2024,3,1)+#REF!", Some("#REF!")),
    Edit::Formula("汇总表", "N6", "M6/0", Some("#DIV/0!")),
    Edit::Formula("明细表", "H7", "H6", None),
    Edit::Formula("汇总表", "N7", "M7*2", None),
])
.showing("ZB006 ZB007");
