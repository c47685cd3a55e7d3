//! `--format json` and `jsonl` (cli.md): one document, or one unit object per line.

use serde_json::{json, Value};

use crate::check::UnitReport;
use crate::rules::Severity;

/// The JSON object of one unit.
pub fn unit_value(report: &UnitReport) -> Value {
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
    })
}

/// The whole document of `--format json`.
pub fn document(reports: &[UnitReport], as_of: chrono::NaiveDate) -> Value {
    json!({
        "tool": "zhengban",
        "version": env!("CARGO_PKG_VERSION"),
        "as_of": as_of.to_string(),
        "units": reports.iter().map(unit_value).collect::<Vec<_>>(),
    })
}
