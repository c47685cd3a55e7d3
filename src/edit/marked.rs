//! A marked copy of an xlsx/xlsm (the annotated copy of `check`): cells filled and given a
//! note, sheet tabs coloured, and a report sheet put first. The caller says what in plain data
//! ([`MarkedCopy`]); the [`Editor`](super::Editor) draws it, as it draws derive's copy.
//!
//! The copy is changed only where asked: the fill of the marked cells (their font, borders,
//! number format and value stay), a note on each (a note already there is kept and ours is
//! added after it), a tab colour where the sheet has none, and the new first sheet (a title
//! block over the list of diagnostics, so that it prints as a report).

use super::{Addr, EditError, Editor, Existing, Look};

/// One cell to mark (0-based row and column).
#[derive(Debug, Clone, PartialEq)]
pub struct Marked {
    /// The sheet.
    pub sheet: String,
    /// 0-based row.
    pub row: u32,
    /// 0-based column.
    pub col: u32,
    /// The fill, ARGB.
    pub argb: String,
    /// The note text.
    pub note: String,
}

/// One line of the report sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLine {
    /// The cells' text, from column A; the first is written as a number (the line's number).
    pub cells: Vec<String>,
    /// The row height in points.
    pub height: f64,
    /// The fill of column B (the severity), ARGB.
    pub fill: String,
    /// A link inside the copy: (location such as `'汇总表'!M12`, tooltip).
    pub link: Option<(String, String)>,
}

/// The sheet put first in the copy: a title block (a title and a few lines under it), then a
/// list with a header row, frozen and filtered, then lines of text under it; printed
/// landscape, one page wide, the list's header on every page.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSheet {
    /// Its name (free in the workbook).
    pub name: String,
    /// The title, in large bold type across the list's width.
    pub title: String,
    /// The lines under the title (what was checked, when, the counts, by what).
    pub about: Vec<String>,
    /// The header row.
    pub header: Vec<String>,
    /// Column widths, from column A.
    pub widths: Vec<f64>,
    /// The 0-based column that holds the links.
    pub link_col: u32,
    /// The lines of the list.
    pub lines: Vec<ReportLine>,
    /// What A2 says when the list is empty.
    pub empty: String,
    /// Lines under the list.
    pub footer: Vec<String>,
}

/// Everything the marked copy gets.
#[derive(Debug, Clone, PartialEq)]
pub struct MarkedCopy {
    /// The cells to mark.
    pub marks: Vec<Marked>,
    /// Tab colours (sheet, ARGB), applied where a sheet has none.
    pub tabs: Vec<(String, String)>,
    /// The report sheet.
    pub report: ReportSheet,
    /// Sheets of the same shape after it (the 核对结果 of `reconcile`).
    pub extra: Vec<ReportSheet>,
}

/// The copy with the marks and the report sheet, as xlsx bytes.
pub fn write_marked(original: &[u8], copy: &MarkedCopy) -> Result<Vec<u8>, EditError> {
    let mut ed = Editor::open(original)?;
    for m in &copy.marks {
        let at = Addr::new(m.row, m.col).a1();
        ed.fill(&m.sheet, &at, &m.argb)?;
        ed.note(&m.sheet, &at, &m.note, Existing::Append)?;
    }
    for (sheet, argb) in &copy.tabs {
        if ed.has_sheet(sheet) {
            ed.tab_color(sheet, argb)?;
        }
    }
    add_report_sheet(&mut ed, &copy.report, true)?;
    for sheet in &copy.extra {
        add_report_sheet(&mut ed, sheet, false)?;
    }
    ed.save()
}

fn add_report_sheet(ed: &mut Editor, report: &ReportSheet, first: bool) -> Result<(), EditError> {
    let name = report.name.as_str();
    ed.add_sheet(name, first)?;
    let last_col = report.header.len().max(1) as u32 - 1;
    // the title block: each line merged across the list, so a long one is never cut off
    let across = |ed: &mut Editor, row: u32, text: &str, look: Look| -> Result<(), EditError> {
        let at = Addr::new(row, 0).a1();
        ed.set(name, &at, &super::Value::Text(text.to_string()))?;
        ed.look(name, &at, look)?;
        if last_col > 0 {
            ed.merge(name, &format!("{at}:{}", Addr::new(row, last_col).a1()))?;
        }
        Ok(())
    };
    let title = Look {
        bold: true,
        size: Some(16),
        horizontal: Some("center"),
        vertical: Some("center"),
        ..Look::default()
    };
    across(ed, 0, &report.title, title)?;
    ed.row_height(name, 0, 30.0)?;
    for (i, line) in report.about.iter().enumerate() {
        let look = Look {
            vertical: Some("center"),
            ..Look::default()
        };
        across(ed, i as u32 + 1, line, look)?;
        ed.row_height(name, i as u32 + 1, 18.0)?;
    }
    // a blank row, then the list
    let top = report.about.len() as u32 + 2;
    let header = Look {
        bold: true,
        fill: Some(super::styles::argb_of("FFD9D9D9")),
        vertical: Some("center"),
        ..Look::default()
    };
    for (i, h) in report.header.iter().enumerate() {
        let at = Addr::new(top, i as u32).a1();
        ed.set(name, &at, &super::Value::Text(h.clone()))?;
        ed.look(name, &at, header)?;
    }
    for (i, w) in report.widths.iter().enumerate() {
        ed.column_width(name, i as u32, *w)?;
    }
    let text = Look {
        wrap: true,
        vertical: Some("top"),
        ..Look::default()
    };
    for (n, line) in report.lines.iter().enumerate() {
        let r = top + n as u32 + 1;
        ed.row_height(name, r, line.height)?;
        for (i, cell) in line.cells.iter().enumerate() {
            let at = Addr::new(r, i as u32).a1();
            if i == 0 {
                ed.set(name, &at, &super::Value::Number((n + 1) as f64))?;
                ed.look(
                    name,
                    &at,
                    Look {
                        horizontal: Some("center"),
                        ..text
                    },
                )?;
            } else {
                ed.set(name, &at, &super::Value::Text(cell.clone()))?;
                ed.look(name, &at, text)?;
            }
        }
        ed.fill(name, &Addr::new(r, 1).a1(), &line.fill)?;
        if let Some((location, tooltip)) = &line.link {
            ed.link(name, &Addr::new(r, report.link_col).a1(), location, tooltip)?;
        }
    }
    let last_row = top + report.lines.len().max(1) as u32;
    if report.lines.is_empty() {
        let at = Addr::new(top + 1, 0).a1();
        ed.set(name, &at, &super::Value::Text(report.empty.clone()))?;
    }
    ed.autofilter(
        name,
        &format!(
            "{}:{}",
            Addr::new(top, 0).a1(),
            Addr::new(last_row, last_col).a1()
        ),
    )?;
    for (r, line) in (last_row + 2..).zip(&report.footer) {
        ed.set(
            name,
            &Addr::new(r, 0).a1(),
            &super::Value::Text(line.clone()),
        )?;
    }
    ed.freeze(name, &Addr::new(top + 1, 0).a1())?;
    ed.print_titles(name, top, top)?;
    ed.landscape(name)?;
    Ok(())
}
