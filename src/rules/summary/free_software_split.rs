use super::super::prelude::*;
use super::line;
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::same_name;

declare_rule! {
    /// ## 检查什么
    /// 同一名称的**免费软件**登记在不同的软件编号下。
    ///
    /// ## 为什么
    /// “软件名称相同、软件版本不同的免费软件，使用相同的软件编号”（台账 一.8）。免费软件不记
    /// 版本（台账 一.9），同名的就是同一个软件，分成几个编号会让安装数量和免费软件清单对不上。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 |
    /// |---|---|---|
    /// | RJ004 | 7-Zip | 免费软件 |
    /// | **RJ009** | 7-Zip | 免费软件 |
    ///
    /// ## 如何修改
    /// 把后一行并入第一个编号（安装数量相加），明细表和安装维护情况明细表中也改用该编号。
    pub struct FreeSoftwareSplit {
        code: "ZB106",
        severity: Error,
        summary: "同名免费软件使用了不同的软件编号",
    }
}

/// ZB106
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    let free: Vec<(&SummaryRow, &str, &str)> = summary
        .rows
        .iter()
        .filter(|r| r.kind() == Some(SoftwareKind::Free))
        .filter_map(|r| Some((r, r.id()?, r.name.value()?.as_str())))
        .collect();
    for (i, &(row, id, name)) in free.iter().enumerate() {
        let Some(&(first, first_id, _)) = free[..i]
            .iter()
            .find(|(_, other, n)| *other != id && same_name(n, name))
        else {
            continue;
        };
        let Some(cell) = &row.id.cell else {
            continue;
        };
        let d = out.report(
            cell,
            format!(
                "免费软件“{name}”已用软件编号 {first_id} 登记（{}），此行又用了 {id}：同名免费软件不论版本使用同一编号",
                line(&first.at)
            ),
            format!(
                "把此行并入 {first_id}（安装数量相加），明细表和安装维护情况明细表中也改用 {first_id}（台账 一.8）"
            ),
        );
        if let Some(c) = &first.id.cell {
            d.related(c, format!("“{name}”的软件编号 {first_id}"));
        }
    }
}

/// ZB106 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB106.snap`):
/// 7-Zip registered again as 7-zip under RJ005.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ005",
            "7-zip",
            "",
            "免费软件",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "#0",
        ],
    ),
]);
