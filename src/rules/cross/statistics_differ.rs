use chrono::Datelike;

use super::super::prelude::*;
use crate::ledger::statistics::{Figure, Measure, StatColumn, StatRow, Statistics};
use crate::rules::facts::statistics::{derive_statistics, DerivedStatistics, Section};

declare_rule! {
    /// ## 检查什么
    /// 软件正版化工作信息统计表中的数字与按台账推算的数字不同（按统计表所写的年度推算，标题中的
    /// “（2024年度）”或填表日期的年份）：
    /// 二、三 与汇总表表头相同，三.合计 = 服务器数 + 台式机数 + 便携机数；四 为当年采购的商业软件
    /// 按类别、国内外统计的许可数量与金额（元折算为万元）；五 为年底仍有效的商业软件许可数量，
    /// 操作系统另加 OEM 预装份数。软件类别和国内外按内置分类或工作簿中的“软件分类”表。
    /// 合计行、总计列本身按填写的各项加得对时，只报告填错的那一项，不连带报告合计。
    ///
    /// ## 为什么
    /// 软件日常使用管理规定 六：年度总结时填写《软件正版化工作信息统计表》；表中数字来自台账
    /// （台账 一.1），与台账不符就是上报了错误的数据。
    ///
    /// ## 示例
    /// 汇总表中国外办公软件的有效许可共 25 个，统计表五、国外 办公软件许可数填了 **30**。
    ///
    /// ## 如何修改
    /// 按台账重新统计；软件类别或国内外划分不对的，在“软件分类”
    /// 表中改正后再统计。
    pub struct StatisticsDiffer {
        code: "ZB414",
        severity: Error,
        summary: "信息统计表的数字与台账不符",
        derived: Replaces("信息统计表"),
    }
}

const HELP: &str =
    "按台账重新统计；类别或国内外划分不对的在“软件分类”表中改正（日常使用管理规定 六）";

/// ZB414
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for stats in &ctx.unit.statistics {
        let year = stats.year.unwrap_or_else(|| ctx.as_of.year());
        let derived = derive_statistics(ctx.unit, ctx.catalogue, year);
        let scalars = [
            &stats.people_total,
            &stats.people_using,
            &stats.servers,
            &stats.desktops,
            &stats.laptops,
            &stats.computers_total,
        ];
        let any_filled = scalars.iter().any(|f| f.is_filled())
            || stats
                .purchases
                .iter()
                .chain(&stats.holdings)
                .any(|f| f.value.is_filled());
        let anything_to_report = derived
            .purchases
            .iter()
            .chain(&derived.holdings)
            .any(|f| f.value != 0.0)
            || [
                derived.people_total,
                derived.people_using,
                derived.computers_total,
            ]
            .iter()
            .any(|v| v.is_some_and(|v| v != 0));
        if !any_filled && anything_to_report {
            out.report(
                stats.meta.anchor(),
                format!("信息统计表（{year}年度）没有填写任何数字"),
                HELP,
            );
        }
        if !any_filled {
            continue;
        }
        let h = &summary.header;
        let header_cell = |f: &Option<Field<i64>>| f.as_ref().and_then(|f| f.cell.clone());
        for (label, typed, want, there) in [
            (
                "二、人员情况 总人数",
                &stats.people_total,
                derived.people_total,
                header_cell(&h.people_total),
            ),
            (
                "二、人员情况 使用计算机人数",
                &stats.people_using,
                derived.people_using,
                header_cell(&h.people_using),
            ),
            (
                "三、计算机情况 服务器数",
                &stats.servers,
                derived.servers,
                header_cell(&h.servers),
            ),
            (
                "三、计算机情况 台式机数",
                &stats.desktops,
                derived.desktops,
                header_cell(&h.desktops),
            ),
            (
                "三、计算机情况 便携机数",
                &stats.laptops,
                derived.laptops,
                header_cell(&h.laptops),
            ),
        ] {
            scalar(out, label, typed, want, there.map(|c| (c, "汇总表")));
        }
        // 三.合计 that adds up what was typed: a wrong part is reported, not the total.
        let parts = [&stats.servers, &stats.desktops, &stats.laptops];
        let typed_sum: Option<i64> = parts.iter().map(|f| f.value().copied()).sum();
        if typed_sum.is_none() || typed_sum != stats.computers_total.value().copied() {
            scalar(
                out,
                "三、计算机情况 合计",
                &stats.computers_total,
                derived.computers_total,
                header_cell(&h.desktops).map(|c| (c, "汇总表 服务器数 + 台式机数 + 便携机数")),
            );
        }
        for f in &stats.purchases {
            grid(ctx, out, stats, &derived, Section::Purchases, f);
        }
        for f in &stats.holdings {
            grid(ctx, out, stats, &derived, Section::Holdings, f);
        }
    }
}

fn scalar(
    out: &mut Sink,
    label: &str,
    typed: &Field<i64>,
    want: Option<i64>,
    there: Option<(CellRef, &str)>,
) {
    let (Some(want), Some(cell)) = (want, &typed.cell) else {
        return;
    };
    let what = match typed.parsed {
        Parsed::Value(v) if v == want => return,
        Parsed::Value(v) => format!("{label} 填 {v}，按汇总表应为 {want}"),
        Parsed::Empty | Parsed::NotApplicable if want == 0 => return,
        Parsed::Empty | Parsed::NotApplicable => format!("{label} 未填，按汇总表应为 {want}"),
        Parsed::Invalid => return,
    };
    let d = out.report(cell, what, HELP);
    if let Some((c, text)) = there {
        d.related(c, format!("{text} {want}"));
    }
}

fn number(v: f64, measure: Measure) -> String {
    match measure {
        Measure::Licenses => format!("{}", v.round() as i64),
        Measure::Amount => {
            let s = format!("{v:.4}");
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}

/// How close a typed figure must be: licenses exactly; amounts to the decimals typed (at
/// least two), since clerks round 万元.
fn tolerance(f: &Field<f64>, measure: Measure) -> f64 {
    match measure {
        Measure::Licenses => 0.5,
        Measure::Amount => {
            let decimals = f
                .raw
                .split_once('.')
                .map_or(0, |(_, d)| d.len())
                .clamp(2, 4);
            0.5 * 10f64.powi(-(decimals as i32)) + 1e-9
        }
    }
}

fn grid(
    ctx: &Context,
    out: &mut Sink,
    stats: &Statistics,
    derived: &DerivedStatistics,
    section: Section,
    f: &Figure,
) {
    let Some(cell) = &f.value.cell else {
        return;
    };
    let want = match section {
        Section::Purchases => derived.purchase(f.row, f.column, f.measure),
        Section::Holdings => derived.holding(f.row, f.column),
    };
    let tol = tolerance(&f.value, f.measure);
    // The reader reads 金额（万元） in 万元 with the decimals typed.
    let typed = f.value.value().copied();
    let typed = match f.value.parsed {
        Parsed::Value(_) if typed.is_some_and(|v| (v - want).abs() <= tol) => return,
        Parsed::Value(_) => typed,
        Parsed::Empty | Parsed::NotApplicable if want.abs() <= tol => return,
        Parsed::Empty | Parsed::NotApplicable => None,
        Parsed::Invalid => return,
    };
    let figures = match section {
        Section::Purchases => &stats.purchases,
        Section::Holdings => &stats.holdings,
    };
    if let Some(v) = typed {
        if adds_up(figures, f, v, tol) {
            return;
        }
    }
    let (title, year) = match section {
        Section::Purchases => ("四、本年度软件采购", derived.year),
        Section::Holdings => ("五、累计拥有软件许可", derived.year),
    };
    let row = match f.row {
        StatRow::Domestic => "国内",
        StatRow::Foreign => "国外",
        StatRow::Total => "合计",
    };
    let column = match f.column {
        StatColumn::Os => "操作系统软件",
        StatColumn::Office => "办公软件",
        StatColumn::Antivirus => "杀毒软件",
        StatColumn::Total => "总计",
    };
    let measure = match f.measure {
        Measure::Licenses => "许可数",
        Measure::Amount => "金额（万元）",
    };
    let shown = typed.map_or("未填".to_string(), |v| {
        format!("填 {}", number(v, f.measure))
    });
    let d = out.report(
        cell,
        format!(
            "{title}（{year}年度）{row} {column} {measure} {shown}，按台账应为 {}",
            number(want, f.measure)
        ),
        HELP,
    );
    let sources: Vec<_> = derived.sources(section, f.row, f.column).collect();
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for c in sources.iter().take(4) {
        let Some(row) = summary.rows.get(c.summary_row) else {
            continue;
        };
        let name = row.name.value().cloned().unwrap_or_default();
        let (at, text) = match (f.measure, row.commercial()) {
            (Measure::Amount, Some(t)) => (
                t.amount.cell.clone(),
                format!("采购金额 {} 元", t.amount.raw),
            ),
            (Measure::Licenses, Some(t)) => (
                t.license_count.cell.clone(),
                format!("许可数量 {}", c.licenses),
            ),
            _ => (
                row.installed.cell.clone(),
                format!("OEM 安装数量 {}", c.licenses),
            ),
        };
        if let Some(at) = at {
            d.related(at, format!("汇总表 {} {name} {text}", c.id));
        }
    }
    if sources.len() > 4 {
        d.related(
            summary.meta.anchor(),
            format!("共 {} 项计入", sources.len()),
        );
    }
    if sources.is_empty() {
        d.related(
            summary.meta.anchor(),
            format!("汇总表中没有计入此项的软件（{year}年度）"),
        );
    }
}

/// Whether a 合计 / 总计 figure equals the sum of the figures typed for its parts, so that a
/// difference from the ledgers lies in a part (reported there), not in the total.
fn adds_up(figures: &[Figure], f: &Figure, v: f64, tol: f64) -> bool {
    let typed = |row: StatRow, column: StatColumn| -> Option<f64> {
        Statistics::figure(figures, row, column, f.measure).and_then(|g| g.value.value().copied())
    };
    let by_rows = (f.row == StatRow::Total)
        .then(|| Some(typed(StatRow::Domestic, f.column)? + typed(StatRow::Foreign, f.column)?))
        .flatten();
    let by_columns = (f.column == StatColumn::Total)
        .then(|| {
            Some(
                typed(f.row, StatColumn::Os)?
                    + typed(f.row, StatColumn::Office)?
                    + typed(f.row, StatColumn::Antivirus)?,
            )
        })
        .flatten();
    [by_rows, by_columns]
        .into_iter()
        .flatten()
        .any(|sum| (sum - v).abs() <= tol)
}

/// ZB414 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB414.snap`):
/// The faulty sample whose statistics table counts 2 domestic office licenses too many.
const TRIGGER: Trigger = Trigger::file("samples/faulty/统计表与表单/统计表与表单.xlsx").showing("ZB414");
