//! Human output for a terminal: a header per file and sheet, each diagnostic with the row
//! around its cell, and a closing summary.

use std::collections::BTreeMap;

use crate::check::UnitReport;
use crate::rules::{Severity, Target};

/// The diagnostics of one unit.
pub fn unit(report: &UnitReport, _color: bool) -> String {
    let mut out = format!("== {} ==\n", report.unit.name);
    for d in &report.diagnostics {
        let place = match &d.target {
            Target::Cell(c) => format!("{} › {} › {}", c.file, c.sheet, c.a1()),
            Target::Sheet { file, sheet } => format!("{file} › {sheet}"),
            Target::File(f) => f.to_string(),
            Target::Unit => "（整个单位）".into(),
        };
        out.push_str(&format!(
            "{} [{}] {}: {}\n  帮助：{}\n",
            d.severity.label(),
            d.code,
            place,
            d.message,
            d.help
        ));
    }
    out
}

/// The closing summary: counts by severity and by rule.
pub fn summary(reports: &[UnitReport], _color: bool) -> String {
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut counts = [0usize; 3];
    for r in reports {
        for d in &r.diagnostics {
            *by_rule.entry(d.code).or_default() += 1;
            counts[match d.severity {
                Severity::Error => 0,
                Severity::Warning => 1,
                Severity::Info => 2,
            }] += 1;
        }
    }
    let mut s = format!(
        "检查了 {} 个单位：错误 {}，警告 {}，提示 {}\n",
        reports.len(),
        counts[0],
        counts[1],
        counts[2]
    );
    for (code, n) in by_rule {
        s.push_str(&format!("  {code} × {n}\n"));
    }
    s
}
