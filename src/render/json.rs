//! `--format json` and `jsonl` (cli.md): one document, or one unit object per line.

use chrono::NaiveDate;
use serde_json::{json, Value};

use crate::batch::UnitReport;
use crate::classify::Catalogue;
use crate::config::Config;
use crate::rollup::from_check::unit_statistics;
use crate::rules::{Fingerprint, Severity};

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
    /// The configuration the check ran with (echoed, so a script sees what was ignored).
    pub config: &'a Config,
}

/// The configuration in use, as JSON: its file (`null` for the defaults), the rules
/// selected and ignored (the file's and the command line's), and severities changed.
fn config_value(config: &Config) -> Value {
    json!({
        "path": config.path.as_deref().map(crate::base::path::shown),
        "select": config.select,
        "ignore": config.ignore,
        "severity": config.severity,
    })
}

/// The JSON object of one unit. Besides the keys of cli.md: `as_of` (the check date, so a
/// jsonl line stands on its own) and `statistics` (the unit's 软件正版化工作信息统计表 of
/// the year, derived from its ledgers: what `report` sums over units).
pub fn unit_value(report: &UnitReport, ctx: &JsonContext) -> Value {
    serde_json::to_value(UnitJson::of(report, ctx, None)).expect("JSON values serialise")
}

/// The JSON text of one unit on one line (`--format jsonl`): [`unit_value`] written
/// straight from the report, without building its tree first. The tree of a unit with
/// 200,000 diagnostics takes several times the memory of its text.
///
/// `print` is what the rules across units keep of the unit (its `fingerprint`, for
/// `report` to compare units of several runs, and a round with the year before).
pub fn unit_line(report: &UnitReport, ctx: &JsonContext, print: Option<&Fingerprint>) -> String {
    let mut unit = UnitJson::of(report, ctx, print);
    unit.tool = Some("zhengban");
    unit.version = Some(env!("CARGO_PKG_VERSION"));
    unit.config = Some(config_value(ctx.config));
    serde_json::to_string(&unit).expect("JSON values serialise")
}

/// The object of [`unit_value`], borrowing the report: its fields in the order of the
/// object's keys.
#[derive(serde::Serialize)]
struct UnitJson<'a> {
    /// On a jsonl line only: which program wrote it, so that a line stands on its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    tool: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    version: Option<&'static str>,
    /// On a jsonl line only: the configuration in use.
    #[serde(skip_serializing_if = "Option::is_none")]
    config: Option<Value>,
    unit: &'a str,
    /// clean, errors, empty, no-ledger, unreadable or missing (a roster unit that sent
    /// nothing).
    status: &'static str,
    /// The path the unit was given or found as (its folder, or its one workbook): where it
    /// came from, also when it holds no ledger (`files` is then empty); `null` for a roster
    /// unit that sent nothing.
    source: Option<&'a str>,
    files: &'a [std::sync::Arc<str>],
    counts: Counts,
    metrics: &'a crate::metrics::Metrics,
    diagnostics: &'a [crate::rules::Diagnostic],
    as_of: String,
    statistics: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    fingerprint: Option<&'a Fingerprint>,
}

#[derive(serde::Serialize)]
struct Counts {
    error: usize,
    warning: usize,
    info: usize,
}

impl<'a> UnitJson<'a> {
    fn of(
        report: &'a UnitReport,
        ctx: &JsonContext,
        fingerprint: Option<&'a Fingerprint>,
    ) -> UnitJson<'a> {
        let unit = &report.unit;
        UnitJson {
            tool: None,
            version: None,
            config: None,
            unit: &unit.name,
            status: crate::rollup::from_check::status(report).key(),
            source: crate::rollup::from_check::source(report),
            files: &unit.files,
            counts: Counts {
                error: report.count(Severity::Error),
                warning: report.count(Severity::Warning),
                info: report.count(Severity::Info),
            },
            metrics: &report.metrics,
            diagnostics: &report.diagnostics,
            as_of: ctx.as_of.to_string(),
            statistics: json!(unit_statistics(report, ctx.catalogue, ctx.year)),
            fingerprint,
        }
    }
}

/// The whole document of `--format json`.
pub fn document(reports: &[UnitReport], ctx: &JsonContext) -> Value {
    json!({
        "tool": "zhengban",
        "version": env!("CARGO_PKG_VERSION"),
        "as_of": ctx.as_of.to_string(),
        "config": config_value(ctx.config),
        "units": reports.iter().map(|r| unit_value(r, ctx)).collect::<Vec<_>>(),
    })
}

/// Writes the document of `--format json` piece by piece, as its units finish, giving the
/// same text as [`document`] (which it is built from, so the two cannot drift apart).
#[derive(Debug)]
pub struct DocumentStream {
    tail: String,
    units: usize,
}

impl DocumentStream {
    /// Start a document: the stream and the text before the first unit.
    pub fn start(ctx: &JsonContext) -> (DocumentStream, String) {
        let empty = serde_json::to_string_pretty(&document(&[], ctx)).expect("JSON");
        let key = "\"units\": []";
        let at = empty.find(key).expect("the document lists its units");
        let head = format!("{}\"units\": [", &empty[..at]);
        let tail = format!("]{}\n", &empty[at + key.len()..]);
        (DocumentStream { tail, units: 0 }, head)
    }

    /// The text of the next unit (from [`document_unit`]), with its separator.
    pub fn unit(&mut self, text: &str) -> String {
        self.units += 1;
        let sep = if self.units == 1 { "\n" } else { ",\n" };
        format!("{sep}{text}")
    }

    /// The text after the last unit.
    pub fn finish(self) -> String {
        if self.units == 0 {
            self.tail
        } else {
            format!("\n  {}", self.tail)
        }
    }
}

/// One unit of the streamed `--format json` document, indented as [`document`] indents it
/// (JSON strings hold no raw line breaks, so indenting every line is safe).
pub fn document_unit(
    report: &UnitReport,
    ctx: &JsonContext,
    print: Option<&Fingerprint>,
) -> String {
    indented(&serde_json::to_string_pretty(&UnitJson::of(report, ctx, print)).expect("JSON"))
}

/// A unit's JSON text — a jsonl line without its line break ([`unit_line`]), or a unit of
/// the document ([`document_unit`]) — with the findings across units added once the round
/// is complete: to its diagnostics, its counts, and its status (a clean unit with an error
/// among them has errors). The text is written again as it was: on one line, or indented.
pub fn with_across(text: &str, across: &[crate::rules::Diagnostic]) -> String {
    if across.is_empty() {
        return text.to_string();
    }
    let Ok(Value::Object(mut unit)) = serde_json::from_str::<Value>(text) else {
        return text.to_string();
    };
    if let Some(Value::Array(list)) = unit.get_mut("diagnostics") {
        list.extend(across.iter().map(|d| json!(d)));
    }
    if let Some(Value::Object(counts)) = unit.get_mut("counts") {
        for d in across {
            if let Some(Value::Number(n)) = counts.get_mut(d.severity.key()) {
                *n = (n.as_u64().unwrap_or(0) + 1).into();
            }
        }
    }
    let clean = crate::rollup::unit::UnitStatus::Clean.key();
    if unit.get("status").and_then(Value::as_str) == Some(clean)
        && across.iter().any(|d| d.severity == Severity::Error)
    {
        unit.insert(
            "status".into(),
            crate::rollup::unit::UnitStatus::Faults.key().into(),
        );
    }
    let unit = Value::Object(unit);
    if text.starts_with(' ') {
        indented(&serde_json::to_string_pretty(&unit).expect("JSON"))
    } else {
        serde_json::to_string(&unit).expect("JSON")
    }
}

/// Pretty JSON indented one level more, as a unit inside the document's `units`.
fn indented(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("    ");
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Unit;

    #[test]
    fn the_streamed_document_is_the_document() {
        let catalogue = Catalogue::default();
        let ctx = JsonContext {
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            year: 2026,
            catalogue: &catalogue,
            config: &Config::default(),
        };
        let report = |name: &str| UnitReport {
            unit: Unit {
                name: name.into(),
                files: vec!["a \"b\".xlsx".into()],
                ..Unit::default()
            },
            sources: Default::default(),
            diagnostics: Vec::new(),
            metrics: Default::default(),
        };
        for n in 0..3 {
            let reports: Vec<UnitReport> = (0..n).map(|i| report(&format!("单位{i}\n"))).collect();
            let mut whole = serde_json::to_string_pretty(&document(&reports, &ctx)).unwrap();
            whole.push('\n');
            let (mut stream, mut text) = DocumentStream::start(&ctx);
            for r in &reports {
                text.push_str(&stream.unit(&document_unit(r, &ctx, None)));
            }
            text.push_str(&stream.finish());
            assert_eq!(text, whole, "{n} units");
        }
    }
}
