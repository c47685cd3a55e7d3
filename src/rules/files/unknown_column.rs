use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 表的列标题行中，有的列标题不是该表任何一列的已知写法。每张表报告一次，列出这些列。
    /// 该列的内容不参与检查。
    ///
    /// ## 为什么
    /// 检查按列标题认列：模板的写法，以及各单位常用的说法（科室、使用者姓名、来源类型、
    /// 有效期、授权书编号……）。单位自加的列（房间号、资产编号、备注）不影响检查；但如果认不出
    /// 的其实是台账的一栏（例如把“安装日期”写成了少见的说法），这一栏的内容就没有检查。所以
    /// 这是一条提示：看一眼列出的列是不是台账的栏目。
    ///
    /// ## 示例
    /// | 序号 | 部门 | 姓名 | 计算机编号 | … | 安装日期 | **上网方式** |
    /// |---|---|---|---|---|---|---|
    ///
    /// `明细表有 1 列的列标题认不出：“上网方式”（N3），这些列的内容不会被检查`
    ///
    /// ## 如何修改
    /// 单位自加的列可以保留，忽略本提示。若它对应台账的某一栏，把列标题改成模板的写法，或在
    /// zhengban.toml 中写明它是哪一列（`[columns."明细表"]` 下写 `"上网方式" = "…"`，见 README
    /// “配置文件”一节）；`zhengban inspect` 显示每一列被认成了什么。
    pub struct UnknownColumn {
        code: "ZB004",
        severity: Info,
        summary: "有认不出的列标题",
    }
}

/// ZB004
pub fn check(ctx: &Context, out: &mut Sink) {
    for (meta, _) in ctx.unit.tables() {
        let Some((first, _)) = meta.unknown_columns.first() else {
            continue;
        };
        let listed: Vec<String> = meta
            .unknown_columns
            .iter()
            .map(|(cell, text)| format!("“{text}”（{}）", cell.a1()))
            .collect();
        let d = out.report(
            first,
            format!(
                "{}有 {} 列的列标题认不出：{}，这些列的内容不会被检查",
                meta.kind.short_name(),
                listed.len(),
                listed.join("、")
            ),
            "单位自加的列可以保留；若它是台账的某一栏，把列标题改成模板的写法，或在 zhengban.toml 的 [columns] 中写明它是哪一列（用 zhengban inspect 查看每一列被认成了什么）",
        );
        for (cell, text) in meta.unknown_columns.iter().skip(1) {
            d.related(cell, format!("列标题“{text}”"));
        }
    }
}

/// ZB004 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB004.snap`): two
/// columns the unit added to its usage ledger, headed in words no ledger column has.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "N3", "上网方式"),
    Edit::Set("明细表", "O3", "保密等级"),
])
.showing("ZB004");
