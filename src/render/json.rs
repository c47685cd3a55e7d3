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

/// Writes the document of `--format json` piece by piece, as its units finish, giving the
/// same text as [`document`] (which it is built from, so the two cannot drift apart).
#[derive(Debug)]
pub struct DocumentStream {
    tail: String,
    units: usize,
}

impl DocumentStream {
    /// Start a document: the stream and the text before the first unit.
    pub fn start(as_of: chrono::NaiveDate) -> (DocumentStream, String) {
        let empty = serde_json::to_string_pretty(&document(&[], as_of)).expect("JSON");
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
pub fn document_unit(report: &UnitReport) -> String {
    let text = serde_json::to_string_pretty(&unit_value(report)).expect("JSON");
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
        let as_of = chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        let report = |name: &str| UnitReport {
            unit: Unit {
                name: name.into(),
                files: vec!["a \"b\".xlsx".into()],
                ..Unit::default()
            },
            diagnostics: Vec::new(),
            metrics: Default::default(),
        };
        for n in 0..3 {
            let reports: Vec<UnitReport> = (0..n).map(|i| report(&format!("单位{i}\n"))).collect();
            let mut whole = serde_json::to_string_pretty(&document(&reports, as_of)).unwrap();
            whole.push('\n');
            let (mut stream, mut text) = DocumentStream::start(as_of);
            for r in &reports {
                text.push_str(&stream.unit(&document_unit(r)));
            }
            text.push_str(&stream.finish());
            assert_eq!(text, whole, "{n} units");
        }
    }
}
