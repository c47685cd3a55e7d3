use super::super::prelude::*;
use crate::base::text::unit_name_key as key;

declare_rule! {
    /// ## 检查什么
    /// 同一单位的各张表，表头的单位名称写得不一样（比较时忽略空格、全角半角和“（盖章）”）。
    /// 以第一张写了单位名称的表（通常是汇总表）为准，每张不一致的表报告一次。
    ///
    /// ## 为什么
    /// 一个单位的台账应出自同一单位（台账管理规定）。名称不一致，常见于复制了其他单位的表格
    /// 却没有改表头，或把两个单位的文件放进了同一个文件夹。
    ///
    /// ## 示例
    /// 汇总表：`单位名称（盖章）：测试县审计局`；明细表：`单位名称（盖章）：测试县财政局`
    ///
    /// `单位名称“测试县财政局”与汇总表的“测试县审计局”不一致`
    ///
    /// ## 如何修改
    /// 把单位名称统一改为本单位的全称；若文件属于另一个单位，把它移出本单位的文件夹。
    pub struct UnitNameMismatch {
        code: "ZB009",
        severity: Warning,
        summary: "各表的单位名称不一致",
    }
}

/// ZB009
pub fn check(ctx: &Context, out: &mut Sink) {
    let mut reference: Option<(String, &str, &'static str, Option<CellRef>)> = None;
    for (meta, header) in ctx.unit.tables() {
        let Some(field) = header.and_then(|h| h.unit.as_ref()) else {
            continue;
        };
        let Some(name) = field.value() else {
            continue;
        };
        match &reference {
            None => reference = Some((key(name), name, meta.kind.short_name(), field.cell.clone())),
            Some((k, first, first_table, first_cell)) => {
                if key(name) == *k || key(name).is_empty() {
                    continue;
                }
                let at = field.cell.clone().unwrap_or_else(|| meta.anchor());
                let d = out.report(
                    at,
                    format!("单位名称“{name}”与{first_table}的“{first}”不一致"),
                    "把各表的单位名称统一为本单位全称；若此表属于另一个单位，把它移出本单位的文件（夹）",
                );
                if let Some(c) = first_cell {
                    d.related(c, format!("{first_table}：单位名称“{first}”"));
                }
            }
        }
    }
}

/// ZB009 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB009.snap`):
/// The usage ledger names another unit; spacing alone does not (RJ003).
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("明细表", "A2", "单位名称（盖章）：测试县财政局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日"),
    Edit::Set("RJ003", "A2", "单位名称：测试县 审计局"),
])
.showing("ZB009");
