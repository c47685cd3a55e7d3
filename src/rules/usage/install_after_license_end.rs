use super::super::prelude::*;
use crate::ledger::summary::Licence;

declare_rule! {
    /// ## 检查什么
    /// 明细表的安装日期晚于该软件许可期限的截止日。许可期限取汇总表中该软件编号的许可期限
    /// （“3年”之类按采购时间推算）；汇总表查不到时，取明细表本行的许可期限。
    ///
    /// ## 为什么
    /// 许可到期后新装的副本没有有效许可，属于使用未经授权的软件（办法 第三条）。常见于续购后
    /// 仍沿用旧的软件编号，而续购的许可应作为新的采购批次另行编号（台账 一.3）。
    ///
    /// ## 示例
    /// 汇总表 RJ003 许可期限 `2024.1.10-2027.1.9`：
    ///
    /// | 计算机编号 | 软件编号 | 安装日期 |
    /// |---|---|---|
    /// | SJ-PC-004 | RJ003 | 2027-03-01 |
    ///
    /// `安装日期 2027-03-01 晚于 RJ003 许可期限的截止日 2027-01-09`
    ///
    /// ## 如何修改
    /// 核对安装日期；若已续购，在汇总表中为续购的许可登记新的软件编号，并把本行改为新编号。
    pub struct InstallAfterLicenseEnd {
        code: "ZB208",
        severity: Error,
        summary: "安装日期晚于许可期限截止日",
    }
}

/// ZB208
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(usage) = ctx.unit.usage() else {
        return;
    };
    for (i, row) in usage.rows.iter().enumerate() {
        let (Some(&date), Some(cell)) = (row.installed_on.value(), &row.installed_on.cell) else {
            continue;
        };
        let resolved = ctx.facts.usage_ids.get(i).and_then(|r| r.as_ref());
        let summary = ctx.facts.usage_summary_row(i);
        // The summary's term where it states one; OEM and free software have none.
        let from_summary = match summary.map(|s| &s.licence) {
            Some(Licence::Commercial(t)) if t.term.value().is_some() => {
                Some((t.term_end(), t.term.cell.clone(), "汇总表"))
            }
            Some(Licence::Oem { .. } | Licence::Free { .. }) => continue,
            _ => None,
        };
        let (end, term_cell, place) = match from_summary {
            Some(found) => found,
            None => match row.term.value() {
                Some(term) => (term.end(None), row.term.cell.clone(), "本行"),
                None => continue,
            },
        };
        let Some(end) = end else {
            continue;
        };
        if date <= end {
            continue;
        }
        let id = resolved
            .map(|r| r.id.as_str())
            .or(row.id())
            .unwrap_or("该软件");
        let fmt = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        let d = out.report(
            cell,
            format!(
                "安装日期 {} 晚于 {id} 许可期限的截止日 {}",
                fmt(date),
                fmt(end)
            ),
            "许可到期后不能再新装；核对安装日期，若已续购，在汇总表中为续购的许可登记新的软件编号并改用新编号（台账 一.3；办法 第三条）",
        );
        if let Some(c) = term_cell {
            d.related(&c, format!("{place}许可期限截止 {}", fmt(end)));
        }
    }
}

/// ZB208 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB208.snap`):
/// 奇安信's term ends 2025-01-09 and PC-003's copy is dated after it; a number the summary does
/// not know is judged by its row's own term.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "2024.1.10-2025.1.9"),
    Edit::Set("明细表", "I7", "2024.1.10-2025.1.9"),
    Edit::Set("明细表", "I11", "2024.1.10-2025.1.9"),
    Edit::Set("明细表", "I15", "2024.1.10-2025.1.9"),
    Edit::Set("明细表", "M15", "@2025-06-01"),
    Edit::Push(
        "明细表",
        &[
            "#12",
            "审计二科",
            "刘洋",
            "SJ-PC-003",
            "联想",
            "RJ099",
            "某绘图软件",
            "2020",
            "2020.1.1-2023.12.31",
            "☑",
            "□",
            "□",
            "@2024-03-05",
        ],
    ),
])
.showing("ZB208");
