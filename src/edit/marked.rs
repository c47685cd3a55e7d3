//! Drawing a [`Plan`] on a copy of an xlsx/xlsm with umya-spreadsheet: the only place of the
//! annotated copy that knows umya (kept small so it can move onto a shared workbook editor).
//!
//! The copy is read from the input's bytes (the input is never opened for writing) and
//! changed only where the plan says: the fill of the marked cells (their font, borders,
//! number format and value stay), a note on each (a note already there is kept and ours is
//! added after it), a tab colour where the sheet has none, and a new first sheet 诊断报告.

use std::io::Cursor;

use umya_spreadsheet::{
    Comment, Coordinate, HorizontalAlignmentValues, OrientationValues, PaneStateValues, PaneValues,
    SheetView, TextElement, VerticalAlignmentValues, Workbook, Worksheet,
};

use crate::edit::EditError;

use super::{
    link_location, report_header, report_widths, row_height, severity_argb, Plan, ReportRow,
    NOTE_AUTHOR,
};

/// The copy with the plan drawn on it, as xlsx bytes.
pub(super) fn write(plan: &Plan, original: &[u8]) -> Result<Vec<u8>, EditError> {
    let mut book = umya_spreadsheet::reader::xlsx::read_reader(Cursor::new(original), true)
        .map_err(|e| EditError::Open(e.to_string()))?;
    mark_cells(&mut book, plan)?;
    add_report_sheet(&mut book, plan)?;
    let mut out = Vec::new();
    umya_spreadsheet::writer::xlsx::write_writer(&book, &mut out)
        .map_err(|e| EditError::Save(e.to_string()))?;
    Ok(out)
}

fn mark_cells(book: &mut Workbook, plan: &Plan) -> Result<(), EditError> {
    for m in &plan.marks {
        let ws = book
            .sheet_by_name_mut(&m.sheet)
            .map_err(|_| EditError::NoSheet(m.sheet.clone()))?;
        let at = (m.col + 1, m.row + 1);
        ws.style_mut(at).set_background_color(m.mark.argb());
        add_note(ws, m.col + 1, m.row + 1, &m.note);
    }
    for (sheet, severity) in &plan.tabs {
        if let Ok(ws) = book.sheet_by_name_mut(sheet) {
            if ws.tab_color().is_none() {
                ws.tab_color_mut().set_argb_str(severity_argb(*severity));
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

fn add_note(ws: &mut Worksheet, col: u32, row: u32, note: &str) {
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
            c.set_author(NOTE_AUTHOR);
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

fn add_report_sheet(book: &mut Workbook, plan: &Plan) -> Result<(), EditError> {
    let ws = book
        .new_sheet(plan.report_sheet.clone())
        .map_err(|_| EditError::SheetExists(plan.report_sheet.clone()))?;
    fill_report(ws, plan);
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

fn fill_report(ws: &mut Worksheet, plan: &Plan) {
    let header = report_header(plan.multi_file);
    let last_col = header.len() as u32;
    for (i, h) in header.iter().enumerate() {
        let at = (i as u32 + 1, 1);
        ws.cell_mut(at).set_value_string(*h);
        let style = ws.style_mut(at);
        style.font_mut().set_bold(true);
        style.set_background_color("FFD9D9D9");
        style
            .alignment_mut()
            .set_vertical(VerticalAlignmentValues::Center);
    }
    for (i, w) in report_widths(plan.multi_file).iter().enumerate() {
        ws.column_dimension_by_number_mut(i as u32 + 1)
            .set_width(*w);
    }
    let link_col = ReportRow::cell_column(plan.multi_file) as u32 + 1;
    let widths = report_widths(plan.multi_file);
    for (n, row) in plan.rows.iter().enumerate() {
        let r = n as u32 + 2;
        let cells = row.cells(n + 1, plan.multi_file);
        ws.row_dimension_mut(r)
            .set_height(row_height(&cells, &widths))
            .set_custom_height(true);
        for (i, text) in cells.iter().enumerate() {
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
        ws.style_mut((2, r))
            .set_background_color(severity_argb(row.severity));
        if let Some((sheet, a1)) = &row.link {
            let cell = ws.cell_mut((link_col, r));
            cell.hyperlink_mut()
                .set_url(link_location(sheet, a1))
                .set_location(true)
                .set_tooltip(format!("跳到 {}", row.cell));
            let font = ws.style_mut((link_col, r)).font_mut();
            font.color_mut().set_argb_str("FF0563C1");
            font.set_underline("single");
        }
    }
    let last_row = plan.rows.len() as u32 + 1;
    if plan.rows.is_empty() {
        ws.cell_mut((1, 2)).set_value_string("没有发现问题。");
    }
    let range = format!(
        "A1:{}{}",
        crate::base::column_letters(last_col - 1),
        last_row.max(2)
    );
    ws.set_auto_filter(range);
    for (r, line) in (last_row.max(2) + 2..).zip(&plan.footer) {
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
