//! 软件正版化工作信息统计表 derived from the summary ledger for one report year (derive.md,
//! "What derive fills" 2). Plain data with every figure, so that `check` (ZB414) compares it
//! with the table a clerk typed and `derive` writes it into a copy of the workbook.
//!
//! - 二、三 come from the summary header; 三.合计 = 服务器数 + 台式机数 + 便携机数.
//! - 四 (this year's purchases): commercial rows with 采购时间 in the year, by category and
//!   origin: 许可数 = Σ 许可数量, 金额 = Σ 采购金额 in 万元 (4 decimals). OEM copies are not
//!   purchases.
//! - 五 (licenses held): commercial Σ 许可数量 of licenses purchased or received by the end of
//!   the year and not expired then, plus, for operating systems, OEM copies (安装数量).
//! - 合计 row = 国内 + 国外; 总计 column = the three categories; 其他 and free software are not
//!   counted.

use chrono::{Datelike, NaiveDate};

use crate::base::text::norm;
use crate::classify::{Catalogue, Category, Origin};
use crate::ledger::statistics::{Measure, StatColumn, StatRow};
use crate::ledger::usage::Usage;
use crate::ledger::values::{Field, Parsed, SoftwareKind};
use crate::ledger::Unit;
use crate::rules::FastSet;

/// Section 四 or 五.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// 四、本年度软件采购情况.
    Purchases,
    /// 五、累计拥有软件许可情况.
    Holdings,
}

/// What one summary row adds to a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// Index of the row in the summary.
    pub summary_row: usize,
    /// Its 软件编号 (empty when not filled).
    pub id: String,
    /// 四 or 五.
    pub section: Section,
    /// The category column.
    pub column: StatColumn,
    /// 国内 or 国外.
    pub row: StatRow,
    /// Licenses (许可数量, or 安装数量 of an OEM operating system).
    pub licenses: i64,
    /// 采购金额 in 元 (section 四 only).
    pub amount: f64,
    /// Whether these are OEM (preinstalled) copies.
    pub oem: bool,
}

/// One derived figure of section 四 or 五.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DerivedFigure {
    /// 国内 / 国外 / 合计.
    pub row: StatRow,
    /// The column group.
    pub column: StatColumn,
    /// 许可数 or 金额.
    pub measure: Measure,
    /// Licenses, or 万元 rounded to 4 decimals.
    pub value: f64,
}

/// Every figure of the statistics table, derived from the ledgers for one year.
#[derive(Debug, Clone, PartialEq)]
pub struct DerivedStatistics {
    /// The report year.
    pub year: i32,
    /// 二: 总人数.
    pub people_total: Option<i64>,
    /// 二: 使用计算机人数.
    pub people_using: Option<i64>,
    /// 三: 服务器数.
    pub servers: Option<i64>,
    /// 三: 台式机数.
    pub desktops: Option<i64>,
    /// 三: 便携机数.
    pub laptops: Option<i64>,
    /// 三: 合计 (`None` when a count is unreadable or none is filled).
    pub computers_total: Option<i64>,
    /// 四: 3 rows × 4 columns × 2 measures.
    pub purchases: Vec<DerivedFigure>,
    /// 五: 3 rows × 4 columns, licenses.
    pub holdings: Vec<DerivedFigure>,
    /// The summary rows behind 四 and 五.
    pub contributions: Vec<Contribution>,
    /// 软件编号 of commercial and OEM rows the classification cannot place (counted as 其他).
    pub unclassified: Vec<String>,
}

impl DerivedStatistics {
    /// A figure of section 四 (0 when nothing was bought).
    pub fn purchase(&self, row: StatRow, column: StatColumn, measure: Measure) -> f64 {
        find(&self.purchases, row, column, measure)
    }

    /// A figure of section 五.
    pub fn holding(&self, row: StatRow, column: StatColumn) -> f64 {
        find(&self.holdings, row, column, Measure::Licenses)
    }

    /// The contributions behind a figure (the 合计 row and 总计 column gather their parts).
    pub fn sources(
        &self,
        section: Section,
        row: StatRow,
        column: StatColumn,
    ) -> impl Iterator<Item = &Contribution> {
        self.contributions.iter().filter(move |c| {
            c.section == section
                && (row == StatRow::Total || c.row == row)
                && (column == StatColumn::Total || c.column == column)
        })
    }
}

fn find(figures: &[DerivedFigure], row: StatRow, column: StatColumn, measure: Measure) -> f64 {
    figures
        .iter()
        .find(|f| f.row == row && f.column == column && f.measure == measure)
        .map_or(0.0, |f| f.value)
}

/// The statistics-table column of a category; `None` for 其他.
pub fn column_of(category: Category) -> Option<StatColumn> {
    match category {
        Category::Os => Some(StatColumn::Os),
        Category::Office => Some(StatColumn::Office),
        Category::Antivirus => Some(StatColumn::Antivirus),
        Category::Other => None,
    }
}

/// The statistics-table row of an origin.
pub fn row_of(origin: Origin) -> StatRow {
    match origin {
        Origin::Domestic => StatRow::Domestic,
        Origin::Foreign => StatRow::Foreign,
    }
}

/// Round 万元 to the table's 4 decimals (one 元).
pub fn round4(x: f64) -> f64 {
    // `+ 0.0` turns the -0.0 of an empty sum into 0.
    (x * 10_000.0).round() / 10_000.0 + 0.0
}

fn header_count(f: Option<&Field<i64>>) -> Parsed<i64> {
    f.map_or(Parsed::Empty, |f| f.parsed.clone())
}

/// 使用计算机人数 as the usage ledger tells it: its distinct 姓名 (derive.md 1), however each
/// is spaced or written in full width. `None` when no row names anyone. The one figure that
/// ZB409 checks the summary's header against, that ZB414 expects in the statistics table and
/// that derive writes.
pub fn people_in_usage(usage: &Usage) -> Option<i64> {
    // Thousands of rows name a few hundred people: each spelling is normalised once.
    let typed: FastSet<&str> = usage
        .rows
        .iter()
        .filter_map(|r| r.user.value().map(String::as_str))
        .collect();
    let names: FastSet<String> = typed.into_iter().map(norm).collect();
    (!names.is_empty()).then_some(names.len() as i64)
}

/// Derive the statistics table of `year` from a unit's ledgers: 使用计算机人数 from the usage
/// ledger where it names people (the summary's header may be the figure in error), every
/// other figure from the summary.
pub fn derive_statistics(unit: &Unit, catalogue: &Catalogue, year: i32) -> DerivedStatistics {
    let summary = unit.summary();
    let header = summary.map(|s| &s.header);
    let value = |f: Option<&Field<i64>>| f.and_then(|f| f.value().copied());
    let people_total = value(header.and_then(|h| h.people_total.as_ref()));
    let people_using = unit
        .usage()
        .and_then(people_in_usage)
        .or_else(|| value(header.and_then(|h| h.people_using.as_ref())));
    let counts = [
        header_count(header.and_then(|h| h.servers.as_ref())),
        header_count(header.and_then(|h| h.desktops.as_ref())),
        header_count(header.and_then(|h| h.laptops.as_ref())),
    ];
    let computers_total = if counts.iter().any(|c| matches!(c, Parsed::Invalid))
        || !counts.iter().any(|c| matches!(c, Parsed::Value(_)))
    {
        None
    } else {
        Some(
            counts
                .iter()
                .map(|c| match c {
                    Parsed::Value(v) => *v,
                    _ => 0,
                })
                .sum(),
        )
    };
    let [servers, desktops, laptops] = counts.map(|c| match c {
        Parsed::Value(v) => Some(v),
        _ => None,
    });

    let year_end = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or(NaiveDate::MAX);
    let mut contributions = Vec::new();
    let mut unclassified = Vec::new();
    for (index, row) in summary
        .map(|s| s.rows.as_slice())
        .unwrap_or(&[])
        .iter()
        .enumerate()
    {
        let kind = row.kind();
        if !matches!(
            kind,
            Some(SoftwareKind::Commercial) | Some(SoftwareKind::Oem)
        ) {
            continue;
        }
        let name = row.name.value().map(String::as_str).unwrap_or_default();
        let version = row
            .version()
            .and_then(|v| v.value())
            .map(String::as_str)
            .unwrap_or_default();
        let id = row.id().unwrap_or_default().to_string();
        let class = catalogue.classify_in(unit, row.id(), name, version);
        if class.is_none() {
            unclassified.push(id.clone());
        }
        let Some(class) = class else { continue };
        let Some(column) = column_of(class.category) else {
            continue;
        };
        let origin = row_of(class.origin);
        let base = Contribution {
            summary_row: index,
            id,
            section: Section::Holdings,
            column,
            row: origin,
            licenses: 0,
            amount: 0.0,
            oem: false,
        };
        if let Some(terms) = row.commercial() {
            let licenses = terms.license_count.value().copied().unwrap_or(0);
            let bought = match &terms.purchased_on.parsed {
                Parsed::Value(p) => Some(Some(p.date)),
                // Received as a gift or transfer (台账 一.4): held, but not bought this year.
                Parsed::Empty | Parsed::NotApplicable => Some(None),
                Parsed::Invalid => None,
            };
            let Some(bought) = bought else { continue };
            if bought.is_some_and(|d| d.year() == year) {
                contributions.push(Contribution {
                    section: Section::Purchases,
                    licenses,
                    amount: terms.amount.value().copied().unwrap_or(0.0),
                    ..base.clone()
                });
            }
            let held_by_year_end = bought.is_none_or(|d| d <= year_end);
            let valid_then = terms.term_end().is_none_or(|end| end >= year_end);
            if held_by_year_end && valid_then {
                contributions.push(Contribution { licenses, ..base });
            }
        } else if column == StatColumn::Os {
            contributions.push(Contribution {
                licenses: row.installed.value().copied().unwrap_or(0).max(0),
                oem: true,
                ..base
            });
        }
    }

    let rows = [StatRow::Domestic, StatRow::Foreign];
    let columns = [StatColumn::Os, StatColumn::Office, StatColumn::Antivirus];
    let mut purchases = Vec::new();
    let mut holdings = Vec::new();
    for section in [Section::Purchases, Section::Holdings] {
        let measures: &[Measure] = match section {
            Section::Purchases => &[Measure::Licenses, Measure::Amount],
            Section::Holdings => &[Measure::Licenses],
        };
        let out = match section {
            Section::Purchases => &mut purchases,
            Section::Holdings => &mut holdings,
        };
        for &measure in measures {
            let cell = |row: StatRow, column: StatColumn| -> f64 {
                let parts = contributions
                    .iter()
                    .filter(|c| c.section == section && c.row == row && c.column == column);
                match measure {
                    Measure::Licenses => parts.map(|c| c.licenses as f64).sum(),
                    Measure::Amount => round4(parts.map(|c| c.amount).sum::<f64>() / 10_000.0),
                }
            };
            let mut grid = [[0.0f64; 4]; 3];
            for (r, &row) in rows.iter().enumerate() {
                for (c, &column) in columns.iter().enumerate() {
                    grid[r][c] = cell(row, column);
                }
                grid[r][3] = round4(grid[r][..3].iter().sum());
            }
            let [domestic, foreign, _] = grid;
            grid[2] = std::array::from_fn(|c| round4(domestic[c] + foreign[c]));
            let all_rows = [StatRow::Domestic, StatRow::Foreign, StatRow::Total];
            let all_columns = [
                StatColumn::Os,
                StatColumn::Office,
                StatColumn::Antivirus,
                StatColumn::Total,
            ];
            for (r, &row) in all_rows.iter().enumerate() {
                for (c, &column) in all_columns.iter().enumerate() {
                    out.push(DerivedFigure {
                        row,
                        column,
                        measure,
                        value: grid[r][c],
                    });
                }
            }
        }
    }
    DerivedStatistics {
        year,
        people_total,
        people_using,
        servers,
        desktops,
        laptops,
        computers_total,
        purchases,
        holdings,
        contributions,
        unclassified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(lines: &[&[&str]]) -> Unit {
        let read = crate::ledger::from_text("t.xlsx", &[("汇总表", lines)]);
        assert!(read.invalid_values.is_empty(), "{:?}", read.invalid_values);
        assert_eq!(read.summaries.len(), 1);
        Unit {
            summaries: read.summaries,
            ..Unit::default()
        }
    }

    const HEAD: [&str; 13] = [
        "序号",
        "软件编号",
        "软件名称",
        "软件版本",
        "软件类型",
        "采购时间",
        "采购金额",
        "许可类型",
        "许可数量",
        "可使用版本",
        "许可期限",
        "序列号",
        "安装数量",
    ];

    fn sample() -> Unit {
        unit(&[
            &["软件使用情况汇总表"],
            &["单位名称：测试局", "", "填表日期：2024年11月20日"],
            &["人员情况", "总人数", "12", "使用计算机人数", "9"],
            &[
                "计算机情况",
                "服务器数",
                "1",
                "台式机数",
                "8",
                "便携机数",
                "2",
            ],
            &HEAD,
            &[
                "1",
                "RJ001",
                "Windows 10",
                "专业版",
                "OEM软件",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "6",
            ],
            &[
                "2",
                "RJ002",
                "Windows 11",
                "专业版",
                "商业软件",
                "2024-05-01",
                "12000",
                "批量许可",
                "4",
                "专业版",
                "永久",
                "W-1",
                "4",
            ],
            &[
                "3",
                "RJ003",
                "WPS Office 2019",
                "专业版",
                "商业软件",
                "2023-03-15",
                "1500",
                "批量许可",
                "5",
                "专业版",
                "永久",
                "K-1",
                "5",
            ],
            &[
                "4",
                "RJ004",
                "奇安信天擎",
                "V10",
                "商业软件",
                "2024-01-10",
                "901.4",
                "批量许可",
                "10",
                "V10",
                "1年",
                "Q-1",
                "9",
            ],
            &[
                "5",
                "RJ005",
                "Microsoft Office 2019",
                "专业增强版",
                "商业软件",
                "2024-06-01",
                "24000",
                "批量许可",
                "3",
                "专业增强版",
                "永久",
                "M-1",
                "3",
            ],
            &[
                "6",
                "RJ006",
                "WPS Office 2019",
                "专业版",
                "商业软件",
                "",
                "",
                "捐赠",
                "2",
                "专业版",
                "永久",
                "K-2",
                "2",
            ],
            &[
                "7",
                "RJ007",
                "某业务系统",
                "V1",
                "商业软件",
                "2024-02-01",
                "50000",
                "单机",
                "1",
                "V1",
                "永久",
                "X-1",
                "1",
            ],
            &[
                "8",
                "RJ008",
                "7-Zip",
                "",
                "免费软件",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "—",
                "9",
            ],
        ])
    }

    #[test]
    fn header_sections_and_total() {
        let d = derive_statistics(&sample(), &Catalogue::default(), 2024);
        assert_eq!(d.people_total, Some(12));
        assert_eq!(d.people_using, Some(9));
        assert_eq!(
            (d.servers, d.desktops, d.laptops),
            (Some(1), Some(8), Some(2))
        );
        assert_eq!(d.computers_total, Some(11));
    }

    #[test]
    fn purchases_of_the_year_by_category_and_origin() {
        let d = derive_statistics(&sample(), &Catalogue::default(), 2024);
        use Measure::*;
        use StatColumn as C;
        use StatRow as R;
        // Windows 11 bought in 2024: foreign OS; the OEM Windows 10 is not a purchase.
        assert_eq!(d.purchase(R::Foreign, C::Os, Licenses), 4.0);
        assert_eq!(d.purchase(R::Foreign, C::Os, Amount), 1.2);
        assert_eq!(d.purchase(R::Foreign, C::Office, Licenses), 3.0);
        assert_eq!(d.purchase(R::Foreign, C::Office, Amount), 2.4);
        // WPS was bought in 2023, the donated copies have no purchase: nothing this year.
        assert_eq!(d.purchase(R::Domestic, C::Office, Licenses), 0.0);
        // 901.4 元 → 0.0901 万元.
        assert_eq!(d.purchase(R::Domestic, C::Antivirus, Licenses), 10.0);
        assert_eq!(d.purchase(R::Domestic, C::Antivirus, Amount), 0.0901);
        // 其他 (the business system) is not counted anywhere.
        assert_eq!(d.purchase(R::Total, C::Total, Licenses), 17.0);
        assert_eq!(d.purchase(R::Total, C::Total, Amount), 3.6901);
        assert_eq!(d.purchase(R::Foreign, C::Total, Amount), 3.6);
        assert_eq!(d.purchase(R::Total, C::Antivirus, Licenses), 10.0);
        assert_eq!(d.unclassified, vec!["RJ007".to_string()]);
    }

    #[test]
    fn holdings_at_year_end() {
        let d = derive_statistics(&sample(), &Catalogue::default(), 2024);
        use StatColumn as C;
        use StatRow as R;
        // OEM Windows 10 copies (6) + Windows 11 licenses (4).
        assert_eq!(d.holding(R::Foreign, C::Os), 10.0);
        assert_eq!(d.holding(R::Foreign, C::Office), 3.0);
        // WPS bought 2023 (5) + donated (2).
        assert_eq!(d.holding(R::Domestic, C::Office), 7.0);
        // 奇安信: 1 year from 2024-01-10 ends 2025-01-09, valid at the end of 2024.
        assert_eq!(d.holding(R::Domestic, C::Antivirus), 10.0);
        assert_eq!(d.holding(R::Total, C::Total), 30.0);
        assert_eq!(d.holding(R::Domestic, C::Total), 17.0);
        assert_eq!(
            d.sources(Section::Holdings, R::Domestic, C::Office).count(),
            2
        );

        // At the end of 2025 the antivirus license has expired.
        let d = derive_statistics(&sample(), &Catalogue::default(), 2025);
        assert_eq!(d.holding(R::Domestic, C::Antivirus), 0.0);
        assert_eq!(d.purchase(R::Total, C::Total, Measure::Licenses), 0.0);
        // At the end of 2023 only what had been bought by then (and the gift) counts.
        let d = derive_statistics(&sample(), &Catalogue::default(), 2023);
        assert_eq!(d.holding(R::Domestic, C::Office), 7.0);
        assert_eq!(d.holding(R::Foreign, C::Os), 6.0);
        assert_eq!(d.holding(R::Foreign, C::Office), 0.0);
        assert_eq!(d.purchase(R::Domestic, C::Office, Measure::Amount), 0.15);
    }

    #[test]
    fn no_summary_gives_zeros() {
        let d = derive_statistics(&Unit::default(), &Catalogue::default(), 2024);
        assert_eq!(d.computers_total, None);
        assert_eq!(d.purchases.len(), 24);
        assert_eq!(d.holdings.len(), 12);
        assert!(d.purchases.iter().all(|f| f.value == 0.0));
    }
}
