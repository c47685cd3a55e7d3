//! A marked copy of an xlsx/xlsm (the annotated copy of `check`): cells filled and given a
//! note, sheet tabs coloured, and a report sheet put first. The caller says what in plain data
//! ([`MarkedCopy`]); this is the only place that draws it with umya-spreadsheet.
//!
//! The copy is read from the input's bytes (the input is never opened for writing) and
//! changed only where asked: the fill of the marked cells (their font, borders, number format
//! and value stay), a note on each (a note already there is kept and ours is added after it),
//! a tab colour where the sheet has none, and the new first sheet. The same input and marks
//! give the same bytes, as with the [`super::Editor`].

use std::io::Cursor;

use umya_spreadsheet::{
    Comment, Coordinate, HorizontalAlignmentValues, OrientationValues, PaneStateValues, PaneValues,
    SheetView, TextElement, VerticalAlignmentValues, Workbook, Worksheet,
};

use super::EditError;

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
    /// The author of new notes.
    pub author: String,
    /// The report sheet.
    pub report: ReportSheet,
}

/// The copy with the marks and the report sheet, as xlsx bytes.
pub fn write_marked(original: &[u8], copy: &MarkedCopy) -> Result<Vec<u8>, EditError> {
    let mut book = umya_spreadsheet::reader::xlsx::read_reader(Cursor::new(original), true)
        .map_err(|e| EditError::Open(e.to_string()))?;
    mark_cells(&mut book, copy)?;
    add_report_sheet(&mut book, &copy.report)?;
    let mut out = Vec::new();
    umya_spreadsheet::writer::xlsx::write_writer(&book, &mut out)
        .map_err(|e| EditError::Save(e.to_string()))?;
    // umya writes note authors and number formats in hash order: the same copy, same bytes
    super::stable::sort_comment_authors(out).map_err(EditError::Save)
}

fn mark_cells(book: &mut Workbook, copy: &MarkedCopy) -> Result<(), EditError> {
    for m in &copy.marks {
        let ws = book
            .sheet_by_name_mut(&m.sheet)
            .map_err(|_| EditError::NoSheet(m.sheet.clone()))?;
        let at = (m.col + 1, m.row + 1);
        ws.style_mut(at).set_background_color(&m.argb);
        add_note(ws, m.col + 1, m.row + 1, &m.note, &copy.author);
    }
    for (sheet, argb) in &copy.tabs {
        if let Ok(ws) = book.sheet_by_name_mut(sheet) {
            if ws.tab_color().is_none() {
                ws.tab_color_mut().set_argb_str(argb);
            }
        }
    }
    Ok(())
}

/// Rows and columns a note box needs to show `text` (about 14 characters a column).
fn note_box(text: &str) -> (u32, u32) {
    let lines: u32 = text
        .lines()
        .map(|l| 1 + l.chars().count() as u32 / 40)
        .sum();
    (4, (lines + 1).clamp(3, 40))
}

fn add_note(ws: &mut Worksheet, col: u32, row: u32, note: &str, author: &str) {
    let (cols, rows) = note_box(note);
    let existing = ws
        .comments_mut()
        .iter_mut()
        .find(|c| c.coordinate().col_num() == col && c.coordinate().row_num() == row);
    match existing {
        Some(c) => {
            let ours = format!("\n\n【zhengban 诊断】\n{note}");
            let text = c.text_mut();
            if let Some(rich) = text.rich_text_mut() {
                let mut e = TextElement::default();
                e.set_text(ours);
                rich.add_rich_text_elements(e);
            } else {
                let old = text
                    .text()
                    .map(|t| t.value().to_string())
                    .unwrap_or_default();
                text.set_text_string(format!("{old}{ours}"));
            }
            let anchor = c.shape_mut().client_data_mut().anchor_mut();
            let right = anchor.left_column() + cols;
            if anchor.right_column() < right {
                anchor.set_right_column(right);
            }
            let bottom = anchor.top_row() + rows + 3;
            if anchor.bottom_row() < bottom {
                anchor.set_bottom_row(bottom);
            }
        }
        None => {
            let mut c = Comment::default();
            c.new_comment((col, row));
            c.set_author(author);
            c.set_text_string(note);
            let anchor = c.shape_mut().client_data_mut().anchor_mut();
            let top = anchor.top_row();
            anchor
                .set_right_column(col + cols)
                .set_bottom_row(top + rows);
            ws.add_comments(c);
        }
    }
}

fn add_report_sheet(book: &mut Workbook, report: &ReportSheet) -> Result<(), EditError> {
    let ws = book
        .new_sheet(report.name.clone())
        .map_err(|_| EditError::SheetExists(report.name.clone()))?;
    fill_report(ws, report);
    // Move the new sheet to the front. Names scoped to a sheet (print titles, print areas)
    // carry the sheet's position, which moves up by one.
    let sheets = book.sheet_collection_mut();
    sheets.rotate_right(1);
    for ws in sheets.iter_mut().skip(1) {
        for name in ws.defined_names_mut() {
            if name.has_local_sheet_id() {
                name.set_local_sheet_id(name.local_sheet_id() + 1);
            }
        }
        for view in ws.sheet_views_mut().sheet_view_list_mut() {
            view.set_tab_selected(false);
        }
    }
    for name in book.defined_names_mut() {
        if name.has_local_sheet_id() {
            name.set_local_sheet_id(name.local_sheet_id() + 1);
        }
    }
    book.set_active_sheet(0);
    Ok(())
}

fn fill_report(ws: &mut Worksheet, report: &ReportSheet) {
    let last_col = report.header.len() as u32;
    for (i, h) in report.header.iter().enumerate() {
        let at = (i as u32 + 1, 1);
        ws.cell_mut(at).set_value_string(h);
        let style = ws.style_mut(at);
        style.font_mut().set_bold(true);
        style.set_background_color("FFD9D9D9");
        style
            .alignment_mut()
            .set_vertical(VerticalAlignmentValues::Center);
    }
    for (i, w) in report.widths.iter().enumerate() {
        ws.column_dimension_by_number_mut(i as u32 + 1)
            .set_width(*w);
    }
    let link_col = report.link_col + 1;
    for (n, line) in report.lines.iter().enumerate() {
        let r = n as u32 + 2;
        ws.row_dimension_mut(r)
            .set_height(line.height)
            .set_custom_height(true);
        for (i, text) in line.cells.iter().enumerate() {
            let at = (i as u32 + 1, r);
            if i == 0 {
                ws.cell_mut(at).set_value_number((n + 1) as f64);
            } else {
                ws.cell_mut(at).set_value_string(text);
            }
            let alignment = ws.style_mut(at).alignment_mut();
            alignment.set_wrap_text(true);
            alignment.set_vertical(VerticalAlignmentValues::Top);
            if i == 0 {
                alignment.set_horizontal(HorizontalAlignmentValues::Center);
            }
        }
        ws.style_mut((2, r)).set_background_color(&line.fill);
        if let Some((location, tooltip)) = &line.link {
            let cell = ws.cell_mut((link_col, r));
            cell.hyperlink_mut()
                .set_url(location)
                .set_location(true)
                .set_tooltip(tooltip);
            let font = ws.style_mut((link_col, r)).font_mut();
            font.color_mut().set_argb_str("FF0563C1");
            font.set_underline("single");
        }
    }
    let last_row = report.lines.len() as u32 + 1;
    if report.lines.is_empty() {
        ws.cell_mut((1, 2)).set_value_string(&report.empty);
    }
    let range = format!(
        "A1:{}{}",
        crate::base::column_letters(last_col - 1),
        last_row.max(2)
    );
    ws.set_auto_filter(range);
    for (r, line) in (last_row.max(2) + 2..).zip(&report.footer) {
        ws.cell_mut((1, r)).set_value_string(line);
    }
    freeze_header(ws);
    // Printed: landscape, one page wide, as the official tables are.
    ws.page_setup_mut()
        .set_orientation(OrientationValues::Landscape)
        .set_paper_size(9)
        .set_fit_to_page(true)
        .set_fit_to_width(1)
        .set_fit_to_height(0);
}

fn freeze_header(ws: &mut Worksheet) {
    let mut pane = umya_spreadsheet::Pane::default();
    pane.set_vertical_split(1.0);
    let mut top_left = Coordinate::default();
    top_left.set_coordinate("A2");
    pane.set_top_left_cell(top_left);
    pane.set_active_pane(PaneValues::BottomLeft);
    pane.set_state(PaneStateValues::Frozen);
    let mut view = SheetView::default();
    view.set_tab_selected(true);
    view.set_pane(pane);
    let views = ws.sheet_views_mut().sheet_view_list_mut();
    views.clear();
    views.push(view);
}
