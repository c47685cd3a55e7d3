use super::super::prelude::*;
use super::{day, purchase, subject};
use crate::ledger::values::PurchaseTime;
use chrono::{Datelike, NaiveDate};

declare_rule! {
    /// ## 检查什么
    /// **商业软件**的许可期限写成起止日期，起始日早于采购时间。采购时间只写到月的
    /// （`2024年3月`），起始日早于该月第一天才算；许可期限只写年份的（`2024-2026`），按年份
    /// 比较。采购时间晚于填表日期或检查日期的，是采购时间填错（ZB117 报告），这里不计。
    ///
    /// ## 为什么
    /// 许可自采购（签订合同、取得授权）起生效，起始日不会早于采购。早了，多半是许可
    /// 期限照抄了上一批次（续购时沿用旧期限），或采购时间、期限中的年月输错；到期提醒和到期后的
    /// 安装检查都按许可期限计算，期限错了就会漏报或误报（台账 一.3：许可期限不同的批次各用
    /// 自己的软件编号）。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 采购时间 | 许可期限 |
    /// |---|---|---|---|
    /// | RJ003 | 奇安信天擎终端安全管理系统 | 2024-01-10 | **2023.12.1-2027.12.31** |
    ///
    /// `RJ003“奇安信天擎终端安全管理系统”许可期限“2023.12.1-2027.12.31”自 2023-12-01 起，早于采购时间 2024-01-10`
    ///
    /// ## 如何修改
    /// 按授权证书或采购合同更正许可期限的起止日期，或更正采购时间。续购的许可以新的软件编号
    /// 登记，填写续购后的期限。
    pub struct TermBeforePurchase {
        code: "ZB125",
        severity: Warning,
        summary: "许可期限起始日早于采购时间",
    }
}

/// Whether a term names only years (`2024-2026`, `2024年至2026年`): its start is a year, not
/// the first of January.
fn years_only(raw: &str) -> bool {
    let runs: Vec<usize> = raw
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::len)
        .collect();
    runs == [4, 4]
}

/// Whether a term typed `raw` and starting on `start` starts before the purchase: before its
/// day, or, for a purchase typed as a month (2024年3月), before the first of that month; a
/// term of whole years (2024-2026) starts before a purchase of a later year only.
fn starts_early(start: NaiveDate, p: &PurchaseTime, raw: &str) -> bool {
    if years_only(raw) {
        start.year() < p.date.year()
    } else if p.month_only {
        (start.year(), start.month()) < (p.date.year(), p.date.month())
    } else {
        start < p.date
    }
}

/// ZB125
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    // A purchase after the ledger was filled in or after the check date is a mistyped year,
    // ZB117's to report: the term is not the fault.
    let filled_on = summary.header.filled_on.as_ref().and_then(|f| f.value());
    let latest = filled_on.map_or(ctx.as_of, |f| (*f).min(ctx.as_of));
    for row in &summary.rows {
        let Some(t) = row.commercial() else {
            continue;
        };
        let (Some(start), Some(p), Some(cell)) = (
            t.term.value().and_then(|term| term.start()),
            t.purchased_on.value(),
            t.term_start.as_ref().or(t.term.cell.as_ref()),
        ) else {
            continue;
        };
        if p.date > latest || !starts_early(start, p, &t.term.raw) {
            continue;
        }
        let d = out.report(
            cell,
            format!(
                "{}许可期限“{}”自 {} 起，早于采购时间 {}",
                subject(row),
                t.term.raw,
                day(start),
                purchase(p)
            ),
            "按授权证书或采购合同更正许可期限或采购时间；续购的许可以新的软件编号登记，填写续购后的期限（台账 一.3）",
        );
        if let Some(c) = &t.purchased_on.cell {
            d.related(c, format!("采购时间 {}", purchase(p)));
        }
    }
}

/// ZB125 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB125.snap`):
/// 奇安信's term starts the month before its purchase, WPS's (bought on 2023-03-15) on the
/// first of that month. A license of 2024-2026 bought in June 2024 is not early.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "K8", "2023.12.1-2027.12.31"),
    Edit::Set("汇总表", "K7", "2023.3.1-2026.2.28"),
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ005",
            "CAJViewer",
            "8.0",
            "商业软件",
            "@2024-06-01",
            "#200",
            "单机许可",
            "#1",
            "8.0",
            "2024-2026",
            "CAJ-8-20240601-77",
            "#0",
        ],
    ),
])
.showing("ZB125");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_of_years_is_told_from_a_range_of_days() {
        assert!(years_only("2024-2026"));
        assert!(years_only("2024年至2026年"));
        assert!(!years_only("2024.1.1-2026.12.31"));
        assert!(!years_only("20240101-20261231"));
        assert!(!years_only("2024.1-2026"));
    }

    #[test]
    fn a_purchase_counts_from_its_day_or_the_first_of_its_month() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let march = PurchaseTime {
            date: d("2023-03-01"),
            month_only: true,
        };
        let raw = "2023.3.1-2026.2.28";
        assert!(!starts_early(d("2023-03-01"), &march, raw));
        assert!(starts_early(d("2023-02-28"), &march, raw));
        let day = PurchaseTime {
            date: d("2023-03-15"),
            month_only: false,
        };
        // A day's purchase counts from its day.
        assert!(starts_early(d("2023-03-01"), &day, raw));
        assert!(!starts_early(d("2023-03-15"), &day, raw));
        assert!(starts_early(d("2023-02-28"), &day, raw));
        // Years only: the year of purchase is not early.
        assert!(!starts_early(d("2023-01-01"), &day, "2023-2025"));
        assert!(starts_early(d("2022-01-01"), &day, "2022-2025"));
    }
}
