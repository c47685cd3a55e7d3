//! `--format json` and `jsonl` (cli.md): one document, or one unit object per line.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::check::UnitReport;
use crate::classify::Catalogue;
use crate::rollup::from_check::unit_statistics;
use crate::rules::Severity;

/// What a unit's JSON needs besides its report: the check date, and the year and
/// classification of the statistics table derived for it.
#[derive(Debug, Clone, Copy)]
pub struct JsonContext<'a> {
    /// The check date.
    pub as_of: NaiveDate,
    /// The statistics year (`--year`, default the check date's year).
    pub year: i32,
    /// The software classification.
    pub catalogue: &'a Catalogue,
}

/// The JSON object of one unit. Besides the keys of cli.md: `as_of` (the check date, so a
/// jsonl line stands on its own) and `statistics` (the unit's 软件正版化工作信息统计表 of
/// the year, derived from its ledgers: what `report` sums over units).
pub fn unit_value(report: &UnitReport, ctx: &JsonContext) -> Value {
    json!({
        "unit": report.unit.name,
        "files": report.unit.files.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
        "counts": {
            "error": report.count(Severity::Error),
            "warning": report.count(Severity::Warning),
            "info": report.count(Severity::Info),
        },
        "metrics": report.metrics,
        "diagnostics": report.diagnostics,
        "as_of": ctx.as_of.to_string(),
        "statistics": unit_statistics(report, ctx.catalogue, ctx.year),
    })
}

/// The whole document of `--format json`.
pub fn document(reports: &[UnitReport], ctx: &JsonContext) -> Value {
    json!({
        "tool": "zhengban",
        "version": env!("CARGO_PKG_VERSION"),
        "as_of": ctx.as_of.to_string(),
        "units": reports.iter().map(|r| unit_value(r, ctx)).collect::<Vec<_>>(),
    })
}
