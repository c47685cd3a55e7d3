//! The miette side of the terminal renderer: one of our plain-data diagnostics becomes a
//! miette diagnostic whose source is a small grid of the sheet, and miette draws its message
//! and grid. The parts miette words in English or lays out its own way — the code line, the
//! help (修改：) and the related places under it — are drawn here around miette's drawing, in
//! miette's theme and with the same wrapping (textwrap), rather than edited into its text.

use std::fmt::Write as _;

use owo_colors::{OwoColorize, Style};

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents, ThemeCharacters, ThemeStyles,
};

use crate::base::gate;
use crate::base::CellRef;
use crate::ledger::{Sources, Unit};
use crate::rules::{Diagnostic, Related, Severity, Target};

use super::grid::{grid, Grid};
use super::wrap::{fill, WHOLE, WORDS};

/// Columns a grid gives up to what miette draws around it: the line-number gutter and the
/// indent of a related place, so miette never re-wraps (and breaks) a grid line.
const GRID_MARGIN: usize = 24;

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

/// What miette draws of a [`Report`]: the message and the grid with its labels. The code,
/// the help and the related places are drawn by [`render`].
impl miette::Diagnostic for Report {
    fn severity(&self) -> Option<miette::Severity> {
        Some(self.severity)
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
    let esc = gate::terminal;
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
    width: usize,
) -> (Option<GridSource>, Vec<LabeledSpan>, Vec<String>) {
    let Some(g) = grid(unit, sources, cells, width.saturating_sub(GRID_MARGIN)) else {
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

/// Build the miette report of a diagnostic for `width` columns; also returns the grid header
/// lines it uses (for [`without_header_numbers`]).
fn report(unit: &Unit, sources: &Sources, d: &Diagnostic, width: usize) -> (Report, Vec<String>) {
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
                texts.push(format!("{} {}", o.a1(), gate::terminal(&r.message)));
            }
        }
        let (s, l, h) = snippet(unit, sources, &cells, texts, width);
        if s.is_some() {
            rest.retain(|r| !same_row.iter().any(|s| std::ptr::eq(*s, *r)));
        }
        source = s;
        labels = l;
        headers.extend(h);
    }
    for r in rest {
        let (rel, h) = related_report(unit, sources, r, width);
        headers.extend(h);
        related.push(rel);
    }
    // Without a grid the label that names the cell is gone: name it in the message.
    let message = match (&d.target, &source) {
        (Target::Cell(c), None) => format!("{}：{}", c.a1(), gate::terminal(&d.message)),
        _ => gate::terminal(&d.message).into_owned(),
    };
    let report = Report {
        code: Some(format!("{}[{}]", d.severity.label(), d.code)),
        severity: miette_severity(d.severity),
        message,
        help: (!d.help.is_empty()).then(|| gate::terminal(&d.help).into_owned()),
        grid: source,
        labels,
        related,
    };
    (report, headers)
}

/// "The other place involved": its message, and its own grid when it is a cell.
fn related_report(
    unit: &Unit,
    sources: &Sources,
    r: &Related,
    width: usize,
) -> (Report, Vec<String>) {
    let (source, labels, headers, message) = match &r.target {
        Target::Cell(c) => {
            let (s, l, h) = snippet(unit, sources, &[c], vec![c.a1()], width);
            let message = if s.is_some() {
                gate::terminal(&r.message).into_owned()
            } else {
                format!("{}：{}", place(&r.target), gate::terminal(&r.message))
            };
            (s, l, h, message)
        }
        other => (
            None,
            Vec::new(),
            Vec::new(),
            format!("{}：{}", place(other), gate::terminal(&r.message)),
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

fn theme(color: bool) -> GraphicalTheme {
    GraphicalTheme {
        characters: ThemeCharacters::unicode(),
        styles: if color {
            ThemeStyles::ansi()
        } else {
            ThemeStyles::none()
        },
    }
}

fn handler(theme: &GraphicalTheme, width: usize) -> GraphicalReportHandler {
    GraphicalReportHandler::new_themed(theme.clone())
        .with_links(false)
        .with_width(width)
        .with_context_lines(1)
        .with_word_separator(WORDS)
        .with_word_splitter(WHOLE)
        .without_primary_span_start()
}

/// The theme's style for a severity, as miette picks it.
fn severity_style(theme: &GraphicalTheme, s: miette::Severity) -> Style {
    match s {
        miette::Severity::Error => theme.styles.error,
        miette::Severity::Warning => theme.styles.warning,
        miette::Severity::Advice => theme.styles.advice,
    }
}

/// Draw one diagnostic for `width` columns: the code line (`错误[ZB102]`), miette's drawing
/// of the message and grid, the help, and each related place nested under it with miette's
/// branch characters.
pub(super) fn render(
    unit: &Unit,
    sources: &Sources,
    d: &Diagnostic,
    color: bool,
    width: usize,
) -> String {
    let (report, headers) = report(unit, sources, d, width);
    let theme = theme(color);
    let style = severity_style(&theme, report.severity);
    let mut out = String::new();
    if let Some(code) = &report.code {
        let _ = writeln!(out, "{}", code.style(style));
    }
    // Writing to a String cannot fail; miette only errors when a span is outside its
    // source, which `grid` never produces — and a half-drawn diagnostic beats a panic.
    let _ = handler(&theme, width).render_report(&mut out, &report);
    if let Some(help) = &report.help {
        // 修改： is as wide as miette's "help: " (8 columns with the indent)
        let first = "  修改：".style(theme.styles.help).to_string();
        let _ = writeln!(out, "{}", fill(help, width - 2, &first, "        "));
    }
    let count = report.related.len();
    for (i, related) in report.related.iter().enumerate() {
        let last = i + 1 == count;
        let branch = if last {
            theme.characters.lbot
        } else {
            theme.characters.lcross
        };
        let first = format!(
            "  {branch}{}{} ",
            theme.characters.hbar, theme.characters.rarrow
        )
        .style(style)
        .to_string();
        let rest = format!("  {}   ", if last { ' ' } else { theme.characters.vbar })
            .style(style)
            .to_string();
        let mut inner = String::new();
        let _ = handler(&theme, width - 6).render_report(&mut inner, related);
        let _ = writeln!(
            out,
            "{}",
            fill(inner.trim_matches('\n'), width - 2, &first, &rest)
        );
    }
    without_header_numbers(&out, &headers)
}

/// miette numbers every line of a source; a grid's header line is no sheet row, so its number
/// is blanked (the row line keeps its number). Trailing blanks are trimmed.
fn without_header_numbers(out: &str, headers: &[String]) -> String {
    let mut s = String::with_capacity(out.len());
    for line in out.lines() {
        let mut line = line.to_string();
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
        let plain = format!(" 6 │ {h}\n 7 │ RJ002       7\n");
        assert_eq!(
            without_header_numbers(&plain, std::slice::from_ref(&h)),
            format!("   │ {h}\n 7 │ RJ002       7\n")
        );
        let coloured = format!(" \x1b[2m12\x1b[0m │ {h}\n");
        assert_eq!(
            without_header_numbers(&coloured, std::slice::from_ref(&h)),
            format!(" \x1b[2m  \x1b[0m │ {h}\n")
        );
    }

    #[test]
    fn a_row_equal_to_no_header_keeps_its_number() {
        let out = without_header_numbers(
            " 7 │ 软件编号  安装数量\n",
            &["B 软件编号  M 安装数量".into()],
        );
        assert_eq!(out, " 7 │ 软件编号  安装数量\n");
    }
}
