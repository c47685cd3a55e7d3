//! A compact plain-text form of diagnostics, stable across terminals: `--format text`
//! writes one line per fact, in Chinese like every output a user reads (错误/警告/提示,
//! 修改, 相关), each starting with the file, sheet and cell it is about, so a line of a batch
//! can be traced (and grepped) on its own; snapshot tests use a form without file names
//! (which differ between runs in temp dirs), kept as it is so that snapshots stay reviewable
//! against their history.

use crate::base::gate::terminal as line;
use crate::batch::UnitReport;
use crate::rules::{Diagnostic, Severity, Target};

/// Where a diagnostic is; sheet and file names come from the input, so they are escaped
/// (base/gate.rs), like the messages that quote cells.
fn place(t: &Target) -> String {
    match t {
        Target::Cell(c) => format!("{}!{}", line(&c.sheet), c.a1()),
        Target::Sheet { sheet, .. } => format!("{}!", line(sheet)),
        Target::File(f) => line(f).into_owned(),
        Target::Unit => "（单位）".into(),
    }
}

/// Render diagnostics without file names (for snapshots).
pub fn render(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!(
            "{} {} {}: {}\n",
            d.code,
            d.severity.key(),
            place(&d.target),
            line(&d.message)
        ));
        out.push_str(&format!("  help: {}\n", line(&d.help)));
        for r in &d.related {
            out.push_str(&format!(
                "  related {}: {}\n",
                place(&r.target),
                line(&r.message)
            ));
        }
    }
    out
}

/// Where a target is, with its file: `台账.xlsx:汇总表!M8` (Excel forbids `:` in sheet
/// names, so the sheet is always the part after the last colon); a target without a file
/// is the unit's folder or file.
fn full_place(t: &Target, unit: &str) -> String {
    match t {
        Target::Cell(c) => format!("{}:{}!{}", line(&c.file), line(&c.sheet), c.a1()),
        Target::Sheet { file, sheet } => format!("{}:{}", line(file), line(sheet)),
        Target::File(f) => line(f).into_owned(),
        Target::Unit => line(unit).into_owned(),
    }
}

/// Line breaks inside a message would start a line that names no place; control and bidi
/// characters quoted from cells are shown escaped (base/gate.rs).
fn one_line(s: &str) -> String {
    line(&s.replace(['\r', '\n'], " ")).into_owned()
}

/// One unit for `--format text`: every diagnostic, its help and each related place on a
/// line of its own that starts with the diagnostic's place; then one line with the unit's
/// counts, so a unit without findings is listed too.
pub fn unit(report: &UnitReport) -> String {
    let unit = &report.unit;
    let mut out = across(report);
    out.push_str(&format!(
        "{}: 单位“{}” 错误 {} · 警告 {} · 提示 {}\n",
        line(home(report)),
        one_line(&unit.name),
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    ));
    out
}

/// Where a unit is: its folder or file, or its name.
fn home(report: &UnitReport) -> &str {
    let unit = &report.unit;
    unit.path
        .as_deref()
        .or(unit.files.first().map(|f| &**f))
        .unwrap_or(unit.name.as_str())
}

/// A unit's diagnostics, a line per fact, without the line of its counts: what the findings
/// across units add to a unit after the round (its counts line came with the unit).
pub fn across(report: &UnitReport) -> String {
    let home = home(report);
    let mut out = String::new();
    for d in &report.diagnostics {
        let at = full_place(&d.target, home);
        out.push_str(&format!(
            "{at}: {} {}：{}\n",
            d.code,
            d.severity.label(),
            one_line(&d.message)
        ));
        if !d.help.is_empty() {
            out.push_str(&format!("{at}: {} 修改：{}\n", d.code, one_line(&d.help)));
        }
        for r in &d.related {
            out.push_str(&format!(
                "{at}: {} 相关 {}：{}\n",
                d.code,
                full_place(&r.target, home),
                one_line(&r.message)
            ));
        }
    }
    out
}
