//! A marked copy of an xlsx/xlsm (the annotated copy of `check`): cells filled and given a
//! note, sheet tabs coloured, and a report sheet put first. The caller says what in plain data
//! ([`MarkedCopy`]); the [`Editor`](super::Editor) draws it, as it draws derive's copy.
//!
//! The copy is changed only where asked: the fill of the marked cells (their font, borders,
//! number format and value stay), a note on each (a note already there is kept and ours is
//! added after it), a tab colour where the sheet has none, and the new first sheet.

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

/// The sheet put first in the copy: a list with a header row, frozen and filtered, then lines
/// of text under it; printed landscape, one page wide.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportSheet {
    /// Its name (free in the workbook).
    pub name: String,
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
    add_report_sheet(&mut ed, &copy.report)?;
    ed.save()
}

fn add_report_sheet(ed: &mut Editor, report: &ReportSheet) -> Result<(), EditError> {
    let name = report.name.as_str();
    ed.add_sheet(name, true)?;
    let header = Look {
        bold: true,
        fill: Some(super::styles::argb_of("FFD9D9D9")),
        vertical: Some("center"),
        ..Look::default()
    };
    for (i, h) in report.header.iter().enumerate() {
        let at = Addr::new(0, i as u32).a1();
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
        let r = n as u32 + 1;
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
    let last_row = report.lines.len() as u32;
    if report.lines.is_empty() {
        ed.set(name, "A2", &super::Value::Text(report.empty.clone()))?;
    }
    let last_col = report.header.len().max(1) as u32 - 1;
    ed.autofilter(
        name,
        &format!("A1:{}", Addr::new(last_row.max(1), last_col).a1()),
    )?;
    for (r, line) in (last_row.max(1) + 2..).zip(&report.footer) {
        ed.set(
            name,
            &Addr::new(r, 0).a1(),
            &super::Value::Text(line.clone()),
        )?;
    }
    ed.freeze(name, "A2")?;
    ed.landscape(name)?;
    Ok(())
}
