use std::collections::BTreeMap;

use super::super::prelude::*;
use crate::base::text::norm;

declare_rule! {
    /// ## 检查什么
    /// 汇总表或明细表登记了免费软件，但单位没有可使用免费软件清单。整个单位只报告一次。
    ///
    /// ## 为什么
    /// 配置 二.2：涉及使用免费软件的，更新《可使用免费软件清单》（附件6）；台账 一.12：调整清单后
    /// 更新汇总表。没有清单，就无法确认在用的免费软件经过了测试和批准。
    ///
    /// ## 示例
    /// 汇总表有 RJ004 7-Zip（免费软件），工作簿中没有“可使用免费软件清单”。
    ///
    /// ## 如何修改
    /// 建立可使用免费软件清单，列出经测试确认可用的免费软件（`zhengban template`
    /// 写出的附件6 是空白表）。
    pub struct FreeListMissing {
        code: "ZB411",
        severity: Warning,
        summary: "使用了免费软件但没有可使用免费软件清单",
    }
}

/// ZB411
pub fn check(ctx: &Context, out: &mut Sink) {
    if !ctx.unit.free_lists.is_empty() {
        return;
    }
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    let mut first: Option<CellRef> = None;
    if let Some(s) = ctx.unit.summary() {
        for row in s
            .rows
            .iter()
            .filter(|r| r.kind() == Some(SoftwareKind::Free))
        {
            if let Some(n) = row.name.value() {
                names.entry(norm(n)).or_insert_with(|| n.clone());
            }
            first = first.or_else(|| row.kind.cell.clone());
        }
    }
    if let Some(u) = ctx.unit.usage() {
        for row in u
            .rows
            .iter()
            .filter(|r| r.kind.single() == Some(SoftwareKind::Free))
        {
            if let Some(n) = row.name.value() {
                names.entry(norm(n)).or_insert_with(|| n.clone());
            }
            first = first.or_else(|| row.kind.cells.get(2).or(row.kind.cell()).cloned());
        }
    }
    let Some(cell) = first else {
        return;
    };
    let listed: Vec<&str> = names.values().take(5).map(String::as_str).collect();
    let more = if names.len() > 5 { " 等" } else { "" };
    let what = if names.is_empty() {
        "登记了免费软件，但没有可使用免费软件清单".to_string()
    } else {
        format!(
            "使用了 {} 款免费软件（{}{more}），但没有可使用免费软件清单",
            names.len(),
            listed.join("、")
        )
    };
    // A table the unit lacks belongs to the unit, as a missing ledger does (ZB002); the row
    // that needs it is shown beside.
    let target = match ctx.unit.books.as_slice() {
        [one] => Target::File(one.file.clone()),
        _ => Target::Unit,
    };
    out.report(
        target,
        what,
        "建立《可使用免费软件清单》（附件6），列出经测试确认可用的免费软件（配置 二.2）",
    )
    .related(&cell, "登记为免费软件");
}

/// ZB411 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB411.snap`):
/// The free software list removed.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::RemoveSheet("免费软件清单"),
]);
