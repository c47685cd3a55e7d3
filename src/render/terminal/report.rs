//! The miette side of the terminal renderer: one of our plain-data diagnostics becomes a
//! miette diagnostic whose source is a small grid of the sheet, then miette draws it.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents, ThemeCharacters, ThemeStyles,
};

use crate::base::CellRef;
use crate::ledger::{Sources, Unit};
use crate::render::escape;
use crate::rules::{Diagnostic, Related, Severity, Target};

use super::grid::{grid, Grid};

/// Output width in terminal columns: fixed, so output is the same in a pipe, a file and a
/// snapshot.
pub(super) const WIDTH: usize = 100;

/// A grid as miette source code: its lines are numbered so that the row line carries the
/// sheet's row number.
#[derive(Debug)]
struct GridSource(Grid);

impl SourceCode for GridSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner = self.0.text.as_str().read_span(span, before, after)?;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line() + self.0.first_line,
            inner.column(),
            inner.line_count(),
        )))
    }
}

/// A diagnostic as miette sees it.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
struct Report {
    code: Option<String>,
    severity: miette::Severity,
    message: String,
    help: Option<String>,
    grid: Option<GridSource>,
    labels: Vec<LabeledSpan>,
    related: Vec<Report>,
}

impl miette::Diagnostic for Report {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.code
            .as_ref()
            .map(|c| Box::new(c) as Box<dyn fmt::Display>)
    }
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
    }
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.grid.as_ref().map(|s| s as &dyn SourceCode)
    }
    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        if self.grid.is_none() || self.labels.is_empty() {
            return None;
        }
        Some(Box::new(self.labels.iter().cloned()))
    }
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn miette::Diagnostic> + 'a>> {
        if self.related.is_empty() {
            return None;
        }
        Some(Box::new(
            self.related.iter().map(|r| r as &dyn miette::Diagnostic),
        ))
    }
}

fn miette_severity(s: Severity) -> miette::Severity {
    match s {
        Severity::Error => miette::Severity::Error,
        Severity::Warning => miette::Severity::Warning,
        Severity::Info => miette::Severity::Advice,
    }
}

/// Where a target is, in words, for places that get no grid.
fn place(t: &Target) -> String {
    let esc = escape::line;
    match t {
        Target::Cell(c) => format!("{} › {} {}", esc(file_name(&c.file)), esc(&c.sheet), c.a1()),
        Target::Sheet { file, sheet } => format!("{} › {}", esc(file_name(file)), esc(sheet)),
        Target::File(f) => esc(file_name(f)).into_owned(),
        Target::Unit => "整个单位".into(),
    }
}

fn file_name(file: &str) -> &str {
    std::path::Path::new(file)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or(file)
}

/// A grid with labelled spans for `cells` (main cell first), or no source at all when the
/// sheet is not at hand. `labels[i]` is the label of `cells[i]`.
fn snippet(
    unit: &Unit,
    sources: &Sources,
    cells: &[&CellRef],
    labels: Vec<String>,
) -> (Option<GridSource>, Vec<LabeledSpan>, Vec<String>) {
    let Some(g) = grid(unit, sources, cells) else {
        return (None, Vec::new(), Vec::new());
    };
    let spans = g
        .spans
        .iter()
        .zip(labels)
        .enumerate()
        .map(|(i, (&(offset, len), label))| {
            if i == 0 {
                LabeledSpan::new_primary_with_span(Some(label), (offset, len))
            } else {
                LabeledSpan::new_with_span(Some(label), (offset, len))
            }
        })
        .collect();
    let headers = g.header.iter().cloned().collect();
    (Some(GridSource(g)), spans, headers)
}

/// Build the miette report of a diagnostic; also returns the grid header lines it uses (for
/// [`polish`]).
fn report(unit: &Unit, sources: &Sources, d: &Diagnostic) -> (Report, Vec<String>) {
    let mut headers = Vec::new();
    let mut source = None;
    let mut labels = Vec::new();
    let mut related = Vec::new();
    let mut rest: Vec<&Related> = d.related.iter().collect();
    if let Target::Cell(c) = &d.target {
        // A related cell on the same row is labelled in the main grid rather than drawn
        // again as a grid of its own.
        let same_row: Vec<&Related> = rest
            .iter()
            .copied()
            .filter(|r| {
                matches!(&r.target, Target::Cell(o) if o.file == c.file && o.sheet == c.sheet
                    && o.row == c.row && o.col != c.col)
            })
            .collect();
        let mut cells = vec![c];
        let mut texts = vec![c.a1()];
        for r in &same_row {
            if let Target::Cell(o) = &r.target {
                cells.push(o);
                texts.push(format!("{} {}", o.a1(), escape::line(&r.message)));
            }
        }
        let (s, l, h) = snippet(unit, sources, &cells, texts);
        if s.is_some() {
            rest.retain(|r| !same_row.iter().any(|s| std::ptr::eq(*s, *r)));
        }
        source = s;
        labels = l;
        headers.extend(h);
    }
    for r in rest {
        let (rel, h) = related_report(unit, sources, r);
        headers.extend(h);
        related.push(rel);
    }
    // Without a grid the label that names the cell is gone: name it in the message.
    let message = match (&d.target, &source) {
        (Target::Cell(c), None) => format!("{}：{}", c.a1(), escape::line(&d.message)),
        _ => escape::line(&d.message).into_owned(),
    };
    let report = Report {
        code: Some(format!("{}[{}]", d.severity.label(), d.code)),
        severity: miette_severity(d.severity),
        message,
        help: (!d.help.is_empty()).then(|| escape::line(&d.help).into_owned()),
        grid: source,
        labels,
        related,
    };
    (report, headers)
}

/// "The other place involved": its message, and its own grid when it is a cell.
fn related_report(unit: &Unit, sources: &Sources, r: &Related) -> (Report, Vec<String>) {
    let (source, labels, headers, message) = match &r.target {
        Target::Cell(c) => {
            let (s, l, h) = snippet(unit, sources, &[c], vec![c.a1()]);
            let message = if s.is_some() {
                escape::line(&r.message).into_owned()
            } else {
                format!("{}：{}", place(&r.target), escape::line(&r.message))
            };
            (s, l, h, message)
        }
        other => (
            None,
            Vec::new(),
            Vec::new(),
            format!("{}：{}", place(other), escape::line(&r.message)),
        ),
    };
    (
        Report {
            code: None,
            severity: miette::Severity::Advice,
            message,
            help: None,
            grid: source,
            labels,
            related: Vec::new(),
        },
        headers,
    )
}

fn handler(color: bool) -> GraphicalReportHandler {
    let theme = GraphicalTheme {
        characters: ThemeCharacters::unicode(),
        styles: if color {
            ThemeStyles::ansi()
        } else {
            ThemeStyles::none()
        },
    };
    GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(WIDTH)
        .with_context_lines(1)
        .without_primary_span_start()
        .with_show_related_as_nested(true)
}

/// Draw one diagnostic with miette.
pub(super) fn render(unit: &Unit, sources: &Sources, d: &Diagnostic, color: bool) -> String {
    let (report, headers) = report(unit, sources, d);
    let mut out = String::new();
    // Writing to a String cannot fail; miette only errors when a span is outside its
    // source, which `grid` never produces — and a half-drawn diagnostic beats a panic.
    let _ = handler(color).render_report(&mut out, &report);
    polish(&out, &headers)
}

/// Touches miette has no option for: the code line right above its message, the help
/// prefix in Chinese, and no line number in front of a grid's header line (it is not a sheet
/// row; the row line keeps its number).
fn polish(out: &str, headers: &[String]) -> String {
    let mut s = String::with_capacity(out.len());
    for (n, line) in out.lines().enumerate() {
        // miette leaves a blank line under the code line; the code belongs to its message.
        if n == 1 && line.trim().is_empty() {
            continue;
        }
        let mut line = line.to_string();
        if let Some(i) = line.find("  help: ") {
            if strip_ansi(&line[..i]).trim().is_empty() {
                // Same width (8 columns), so miette's continuation indent still lines up.
                line.replace_range(i..i + "  help: ".len(), "  修改：");
            }
        }
        for h in headers {
            if let Some(end) = line.find(&format!("│ {h}")) {
                if strip_ansi(&line[end..]).trim_end() == format!("│ {h}") {
                    line = blank_number(&line, end);
                }
            }
        }
        s.push_str(line.trim_end());
        s.push('\n');
    }
    s
}

/// Replace the line number just before byte `end` (the last digits outside colour codes)
/// with spaces.
fn blank_number(line: &str, end: usize) -> String {
    let (head, tail) = line.split_at(end);
    let mut chars: Vec<char> = head.chars().collect();
    let mut digits = Vec::new();
    let mut escape = false;
    for (i, c) in chars.iter().enumerate() {
        if escape {
            escape = !c.is_ascii_alphabetic();
        } else if *c == '\x1b' {
            escape = true;
        } else if c.is_ascii_digit() {
            if digits.last().is_some_and(|&j: &usize| j + 1 != i) {
                digits.clear();
            }
            digits.push(i);
        }
    }
    for i in digits {
        chars[i] = ' ';
    }
    let mut s: String = chars.into_iter().collect();
    s.push_str(tail);
    s
}

/// The text without ANSI colour codes.
fn strip_ansi(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_line_numbers_are_blanked_with_or_without_colour() {
        let h = "B 软件编号  M 安装数量".to_string();
        let plain = format!(" 6 │ {h}\n 7 │ RJ002       7\n  help: 改一下\n");
        assert_eq!(
            polish(&plain, std::slice::from_ref(&h)),
            format!("   │ {h}\n 7 │ RJ002       7\n  修改：改一下\n")
        );
        let coloured = format!(" \x1b[2m12\x1b[0m │ {h}\n\x1b[36m  help: \x1b[0m改\n");
        assert_eq!(
            polish(&coloured, std::slice::from_ref(&h)),
            format!(" \x1b[2m  \x1b[0m │ {h}\n\x1b[36m  修改：\x1b[0m改\n")
        );
    }

    #[test]
    fn a_row_equal_to_no_header_keeps_its_number() {
        let out = polish(
            " 7 │ 软件编号  安装数量\n",
            &["B 软件编号  M 安装数量".into()],
        );
        assert_eq!(out, " 7 │ 软件编号  安装数量\n");
    }
}
