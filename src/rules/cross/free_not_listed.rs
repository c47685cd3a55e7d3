use std::collections::BTreeSet;

use super::super::prelude::*;
use crate::ledger::values::same_name;

declare_rule! {
    /// ## 检查什么
    /// 汇总表中的一款免费软件，软件编号和软件名称都不在可使用免费软件清单中。明细表中的免费软件
    /// 通过它在汇总表中的编号一并核对（编号对不上汇总表的由 ZB403 报告）。单位没有免费软件清单
    /// 时由 ZB411 报告一次，这里不逐款报告。
    ///
    /// ## 为什么
    /// 配置 二.2：信息化部门对需要的软件统一测试和试用，“涉及使用免费软件的，更新《可使用免费
    /// 软件清单》”。清单之外的免费软件未经确认，不应安装。
    ///
    /// ## 示例
    /// 汇总表 RJ005 Google Chrome 免费软件；免费软件清单只列了 RJ004 7-Zip。
    ///
    /// ## 如何修改
    /// 经信息化部门测试确认后把它加入可使用免费软件清单；不需要的，卸载并从台账中删去。
    pub struct FreeNotListed {
        code: "ZB410",
        severity: Error,
        summary: "免费软件不在可使用免费软件清单中",
    }
}

/// ZB410
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(list)) = (ctx.unit.summary(), ctx.unit.free_list()) else {
        return;
    };
    let mut seen = BTreeSet::new();
    for row in &summary.rows {
        if row.kind() != Some(SoftwareKind::Free) {
            continue;
        }
        let (Some(name), Some(cell)) = (row.name.value(), &row.name.cell) else {
            continue;
        };
        if !seen.insert(row.id().unwrap_or(name)) {
            continue;
        }
        let listed = list.rows.iter().any(|l| {
            (row.id().is_some() && l.id.value().map(String::as_str) == row.id())
                || l.name.value().is_some_and(|n| same_name(n, name))
        });
        if listed {
            continue;
        }
        let id = row.id().map(|i| format!("（{i}）")).unwrap_or_default();
        let d = out.report(
            cell,
            format!("免费软件 {name}{id}不在可使用免费软件清单中"),
            "经信息化部门测试确认后加入可使用免费软件清单，不需要的卸载并从台账删去（配置 二.2）",
        );
        d.related(
            list.meta.anchor(),
            format!(
                "可使用免费软件清单：{} 款软件，没有 {name}",
                list.rows.len()
            ),
        );
    }
}

/// ZB410 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB410.snap`):
/// 7-Zip's row removed from the free software list.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::DeleteRow("免费软件清单", 4),
]);
