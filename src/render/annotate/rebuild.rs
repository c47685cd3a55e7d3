//! Drawing a [`Plan`] on a new xlsx rebuilt from cell values (rust_xlsxwriter), for inputs
//! umya cannot edit (xls, ods, xlsb). The clerk gets the same marks, notes and 诊断报告 as
//! for an xlsx; the sheets hold the values and merges but not the original formatting, and
//! the 诊断报告 says so (see [`super::plan`]). Every text, the clerk's cells as much as the
//! diagnostics and notes, passes the gate (base/gate.rs): an xls or ods can hold characters
//! an xlsx part cannot, and cells longer than Excel's limit.

use std::collections::{BTreeMap, HashMap};

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder, Note, Url, Workbook, XlsxError};
use unicode_width::UnicodeWidthStr;

use crate::base::gate;

use super::{severity_argb, PlainSheet, PlainValue, Plan, NOTE_AUTHOR};

fn color(argb: &str) -> Color {
    Color::RGB(u32::from_str_radix(argb.get(2..).unwrap_or("FFFFFF"), 16).unwrap_or(0xFFFFFF))
}

/// The sheet's name made acceptable to Excel and unique among `used` (base/gate.rs), and
/// added to `used`.
fn safe_name(name: &str, used: &mut Vec<String>) -> String {
    let name = gate::sheet_name(name, used);
    used.push(name.clone());
    name
}

/// The rebuilt copy as xlsx bytes.
pub(super) fn write(plan: &Plan, sheets: &[PlainSheet]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut used = vec![plan.report_sheet.clone()];
    let names: HashMap<&str, String> = sheets
        .iter()
        .map(|s| (s.name.as_str(), safe_name(&s.name, &mut used)))
        .collect();
    let named = |sheet: &str| {
        names
            .get(sheet)
            .cloned()
            .unwrap_or_else(|| sheet.to_string())
    };
    list_sheet(&mut book, &super::report_sheet(plan, &named), true)?;
    for extra in &plan.extra {
        list_sheet(&mut book, extra, false)?;
    }
    let mut marks: BTreeMap<(&str, u32, u32), &super::CellMark> = BTreeMap::new();
    for m in &plan.marks {
        marks.insert((m.sheet.as_str(), m.row, m.col), m);
    }
    for sheet in sheets {
        data_sheet(&mut book, plan, sheet, &names[sheet.name.as_str()], &marks)?;
    }
    book.save_to_buffer()
}

/// A list sheet — the 诊断报告 (`first`, the sheet the copy opens on), the 核对结果 — drawn
/// as the edited copy draws it.
fn list_sheet(
    book: &mut Workbook,
    sheet: &crate::edit::marked::ReportSheet,
    first: bool,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(&sheet.name)?;
    ws.set_active(first);
    let last_col = sheet.header.len().max(1) as u16 - 1;
    let big = Format::new()
        .set_bold()
        .set_font_size(16)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter);
    ws.merge_range(0, 0, 0, last_col, &gate::cell_text(&sheet.title), &big)?;
    ws.set_row_height(0, 30)?;
    let plain = Format::new().set_align(FormatAlign::VerticalCenter);
    for (i, text) in sheet.about.iter().enumerate() {
        let r = i as u32 + 1;
        ws.merge_range(r, 0, r, last_col, &gate::cell_text(text), &plain)?;
        ws.set_row_height(r, 18)?;
    }
    let top = sheet.about.len() as u32 + 2;
    let head = Format::new()
        .set_bold()
        .set_background_color(color("FFD9D9D9"))
        .set_align(FormatAlign::VerticalCenter);
    for (i, h) in sheet.header.iter().enumerate() {
        ws.write_string_with_format(top, i as u16, gate::cell_text(h), &head)?;
    }
    for (i, w) in sheet.widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let body = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (n, line) in sheet.lines.iter().enumerate() {
        let r = top + n as u32 + 1;
        ws.set_row_height(r, line.height)?;
        for (i, text) in line.cells.iter().enumerate() {
            let c = i as u16;
            if i == 0 {
                let f = body.clone().set_align(FormatAlign::Center);
                ws.write_number_with_format(r, c, (n + 1) as f64, &f)?;
            } else if i == 1 {
                let f = body.clone().set_background_color(color(&line.fill));
                ws.write_string_with_format(r, c, gate::cell_text(text), &f)?;
            } else if let (true, Some((location, tooltip))) =
                (c as u32 == sheet.link_col, &line.link)
            {
                let url = Url::new(format!("internal:{location}"))
                    .set_text(gate::cell_text(text))
                    .set_tip(gate::cut(&gate::xml_text(tooltip), 255).into_owned());
                let f = body
                    .clone()
                    .set_font_color(color("FF0563C1"))
                    .set_underline(rust_xlsxwriter::FormatUnderline::Single);
                ws.write_url_with_format(r, c, url, &f)?;
            } else {
                ws.write_string_with_format(r, c, gate::cell_text(text), &body)?;
            }
        }
    }
    let last_row = top + (sheet.lines.len() as u32).max(1);
    if sheet.lines.is_empty() {
        ws.write_string(top + 1, 0, gate::cell_text(&sheet.empty))?;
    }
    ws.autofilter(top, 0, last_row, last_col)?;
    ws.set_freeze_panes(top + 1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(top, top)?;
    for (i, line) in sheet.footer.iter().enumerate() {
        ws.write_string(last_row + 2 + i as u32, 0, gate::cell_text(line))?;
    }
    Ok(())
}

fn data_sheet(
    book: &mut Workbook,
    plan: &Plan,
    sheet: &PlainSheet,
    name: &str,
    marks: &BTreeMap<(&str, u32, u32), &super::CellMark>,
) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    if let Some(s) = plan.tabs.get(&sheet.name) {
        ws.set_tab_color(color(severity_argb(*s)));
    }
    let thin = Format::new().set_border(FormatBorder::Thin);
    let date = thin.clone().set_num_format("yyyy-mm-dd");
    let fill = |f: &Format, m: Option<&&super::CellMark>| match m {
        Some(m) => f.clone().set_background_color(color(m.mark.argb())),
        None => f.clone(),
    };
    let mut widths: BTreeMap<u16, usize> = BTreeMap::new();
    let merged_first: BTreeMap<(u32, u32), (u32, u32)> = sheet
        .merges
        .iter()
        .map(|&(r0, c0, r1, c1)| ((r0, c0), (r1, c1)))
        .collect();
    for &(r0, c0, r1, c1) in &sheet.merges {
        if (r0, c0) != (r1, c1) {
            let m = marks.get(&(sheet.name.as_str(), r0, c0));
            ws.merge_range(r0, c0 as u16, r1, c1 as u16, "", &fill(&thin, m))?;
        }
    }
    for (r, c, v) in &sheet.cells {
        let col = *c as u16;
        let m = marks.get(&(sheet.name.as_str(), *r, *c));
        let shown = match v {
            PlainValue::Text(t) => {
                ws.write_string_with_format(*r, col, gate::cell_text(t), &fill(&thin, m))?;
                t.clone()
            }
            PlainValue::Number(n) => {
                ws.write_number_with_format(*r, col, *n, &fill(&thin, m))?;
                crate::base::format_number(*n)
            }
            PlainValue::Date(d) => {
                ws.write_number_with_format(*r, col, *d, &fill(&date, m))?;
                "2026-01-01".into()
            }
            PlainValue::Bool(b) => {
                ws.write_boolean_with_format(*r, col, *b, &fill(&thin, m))?;
                "FALSE".into()
            }
        };
        // Merged titles say nothing about their column's width.
        if !merged_first.contains_key(&(*r, *c)) {
            let w = shown.lines().map(|l| l.width()).max().unwrap_or(0);
            let e = widths.entry(col).or_default();
            *e = (*e).max(w);
        }
    }
    for (col, w) in widths {
        ws.set_column_width(col, (w as f64 + 2.0).clamp(6.0, 40.0))?;
    }
    for m in marks
        .iter()
        .filter(|((s, _, _), _)| *s == sheet.name)
        .map(|(_, m)| m)
    {
        let written = sheet
            .cells
            .iter()
            .any(|(r, c, _)| (*r, *c) == (m.row, m.col))
            || merged_first.contains_key(&(m.row, m.col));
        if !written {
            ws.write_blank(m.row, m.col as u16, &fill(&thin, Some(m)))?;
        }
        let lines: u32 = m
            .note
            .lines()
            .map(|l| 1 + l.chars().count() as u32 / 24)
            .sum();
        let note = Note::new(gate::note_text(&m.note))
            .set_author(NOTE_AUTHOR)
            .add_author_prefix(false)
            .set_width(320)
            .set_height((lines * 18 + 20).clamp(80, 600));
        ws.insert_note(m.row, m.col as u16, &note)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_made_acceptable_and_unique() {
        let mut used = vec!["诊断报告".to_string()];
        assert_eq!(safe_name("表5", &mut used), "表5");
        assert_eq!(safe_name("a/b", &mut used), "a_b");
        assert_eq!(safe_name("表5", &mut used), "表5 (2)");
        let long = "很".repeat(40);
        assert_eq!(safe_name(&long, &mut used).chars().count(), 31);
    }
}
