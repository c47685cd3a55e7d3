//! The spot-check form (计算机软件安装抽查登记表) that `zhengban sample` prints: the inspector
//! takes it from desk to desk, ticks 是/否 for each registered program, writes what is
//! installed and not registered, signs, and hands the filled workbook to `reconcile`.
//!
//! Layout: the title, the unit and the draw repeat on every page; each computer is one
//! block (its number, department, user and brand, its ledger rows, three blank rows) that a
//! page break never cuts when it fits on a page; the signatures close the last page. The
//! words come from [`crate::schema::spot_check`], which the reader recognises the form by.

use rust_xlsxwriter::{
    ColNum, Color, Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError,
};

use super::sheet::{print_setup, Paper, Sheet, ROW, ROW_2};
use super::style::{self, CellKind};
use crate::base::gate;
use crate::schema::spot_check::{
    BRAND, COLUMNS, COMPUTER, DEPARTMENT, NO, TITLE, UNREGISTERED, USER, YES,
};

/// What the form holds: plain data, drawn by `derive::spot_check`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Form {
    /// 被检查单位: the 单位名称 the ledger states (blank to write by hand when none).
    pub unit: String,
    /// How many computers the usage ledger lists.
    pub computers_total: usize,
    /// The seed the sample was drawn with.
    pub seed: u64,
    /// The computers drawn, in the order they are printed.
    pub computers: Vec<Computer>,
}

/// One computer drawn, as its ledger rows describe it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Computer {
    /// 计算机编号.
    pub number: String,
    /// 部门.
    pub department: String,
    /// 使用人 (several joined with 、).
    pub user: String,
    /// 品牌.
    pub brand: String,
    /// Its ledger rows: software name and registered version.
    pub software: Vec<(String, String)>,
}

/// The blank rows under each computer for programs found and not registered.
pub const EXTRA_ROWS: usize = 3;

/// Column widths: 序号, 软件名称, 登记版本, 实际安装, 实际版本, 备注. About 92 units, so the
/// form prints on A4 upright at full size.
const WIDTHS: [f64; 6] = [5.5, 30.0, 15.0, 10.5, 15.0, 16.0];

/// The rows of an A4 page, in points: 842 less the margins and the footer, less a little
/// for what the estimate misses (row borders, a printer's own margins).
const PAGE: f64 = 730.0;

/// The gap above each computer's block.
const GAP: f64 = 10.0;
/// The title row.
const TITLE_ROW: f64 = 36.0;
/// A row of the header block and of a computer's "label：value" rows.
const HEAD_ROW: f64 = ROW + 2.0;
/// A signature row: room to sign above the line.
const SIGN_ROW: f64 = 40.0;

/// The rows printed on every page: title, unit and date, the draw.
const HEAD_ROWS: RowNum = 3;

/// The form as an xlsx workbook, the same bytes for the same form.
pub fn build(form: &Form) -> Result<Vec<u8>, XlsxError> {
    let mut book = super::workbook_with(TITLE, "由 zhengban sample 生成的抽查登记表")?;
    let ws = book.add_worksheet();
    ws.set_name("抽查登记表")?;
    write(ws, form)?;
    book.save_to_buffer()
}

fn write(ws: &mut Worksheet, form: &Form) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(ws, WIDTHS.to_vec())?;
    let last = sheet.last_col();
    let row = sheet.next_row(TITLE_ROW)?;
    sheet.put(row, 0, last, TITLE, &style::title())?;
    let row = sheet.next_row(HEAD_ROW)?;
    let line = style::label().set_align(FormatAlign::Left);
    labelled(&mut sheet, row, (0, 2), "被检查单位：", &form.unit, &line)?;
    // a line to write the date on, as on a printed form
    let blank = line.clone().set_border_bottom(FormatBorder::Thin);
    labelled(&mut sheet, row, (3, last), "抽查日期：", "", &blank)?;
    let row = sheet.next_row(HEAD_ROW)?;
    let draw = format!(
        "抽样：{} 台中抽 {} 台，随机种子 {}（按部门分层随机抽取；zhengban sample --seed {} 可重抽同样的计算机）",
        form.computers_total,
        form.computers.len(),
        form.seed,
        form.seed
    );
    sheet.put(row, 0, last, &draw, &line.clone().set_font_size(10))?;

    // the rows printed on every page take this much of each
    let head = TITLE_ROW + 2.0 * HEAD_ROW;
    let mut used = head;
    let mut breaks: Vec<RowNum> = Vec::new();
    let mut page = |height: f64, sheet: &mut Sheet| -> Result<(), XlsxError> {
        if used + GAP + height > PAGE && used > head {
            // the block starts the next page rather than being cut (one longer than a page
            // is cut where the printer cuts it)
            breaks.push(sheet.next_row_number());
            used = head + height;
        } else {
            sheet.next_row(GAP)?;
            used += GAP + height;
        }
        Ok(())
    };
    for computer in &form.computers {
        page(block_height(computer), &mut sheet)?;
        block(&mut sheet, computer)?;
    }
    page(2.0 * SIGN_ROW, &mut sheet)?;
    let sign = style::label()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Bottom)
        .set_border_bottom(FormatBorder::Thin);
    let row = sheet.next_row(SIGN_ROW)?;
    labelled(&mut sheet, row, (0, 2), "检查人（签字）：", "", &sign)?;
    labelled(
        &mut sheet,
        row,
        (3, last),
        "被检查单位负责人（签字）：",
        "",
        &sign,
    )?;
    let row = sheet.next_row(SIGN_ROW)?;
    labelled(&mut sheet, row, (0, 2), "日期：", "", &sign)?;
    labelled(&mut sheet, row, (3, last), "日期：", "", &sign)?;

    let ws = sheet.ws();
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    print_setup(ws, Paper::Portrait, Some((0, HEAD_ROWS - 1)))
}

/// The printed height of a computer's block.
fn block_height(computer: &Computer) -> f64 {
    let rows = computer.software.len() + 1 + EXTRA_ROWS;
    2.0 * HEAD_ROW + ROW_2 + rows as f64 * ROW
}

/// One computer's block: who and what it is, its ledger rows to tick, blanks to write in.
fn block(sheet: &mut Sheet, c: &Computer) -> Result<(), XlsxError> {
    let last = sheet.last_col();
    let boxed = style::cell(CellKind::General, true)
        .set_align(FormatAlign::Left)
        .set_background_color(Color::RGB(0xF2F2F2));
    let row = sheet.next_row(HEAD_ROW)?;
    labelled(
        sheet,
        row,
        (0, 2),
        &format!("{COMPUTER}："),
        &c.number,
        &boxed,
    )?;
    labelled(
        sheet,
        row,
        (3, last),
        &format!("{DEPARTMENT}："),
        &c.department,
        &boxed,
    )?;
    let row = sheet.next_row(HEAD_ROW)?;
    labelled(sheet, row, (0, 2), &format!("{USER}："), &c.user, &boxed)?;
    labelled(
        sheet,
        row,
        (3, last),
        &format!("{BRAND}："),
        &c.brand,
        &boxed,
    )?;

    let row = sheet.next_row(ROW_2)?;
    for (col, title) in COLUMNS.iter().enumerate() {
        sheet.put(row, col as ColNum, col as ColNum, title, &style::head())?;
    }
    let seq = style::cell(CellKind::Count, true);
    let name = style::cell(CellKind::General, true).set_align(FormatAlign::Left);
    let text = style::cell(CellKind::Text, true);
    let tick = style::cell(CellKind::General, true).set_font_size(12);
    let first = row + 1;
    for (i, (software, version)) in c.software.iter().enumerate() {
        let row = sheet.next_row(ROW)?;
        sheet
            .ws()
            .write_number_with_format(row, 0, (i + 1) as f64, &seq)?;
        sheet.put(row, 1, 1, software, &name)?;
        sheet.put(row, 2, 2, version, &text)?;
        sheet.put(row, 3, 3, "", &tick)?;
        sheet.put(row, 4, 4, "", &text)?;
        sheet.put(row, 5, 5, "", &name)?;
    }
    if !c.software.is_empty() {
        let rows = (first, first + c.software.len() as RowNum - 1);
        sheet.choice(rows, (3, 3), &[YES, NO], true)?;
    }
    let row = sheet.next_row(ROW)?;
    let heading = style::head().set_align(FormatAlign::Left);
    let note = format!("{UNREGISTERED}（检查时发现的，请写明软件名称和版本）");
    sheet.put(row, 0, last, &note, &heading)?;
    let not_applicable = style::cell(CellKind::General, true);
    for _ in 0..EXTRA_ROWS {
        let row = sheet.next_row(ROW)?;
        sheet.put(row, 0, 0, "", &seq)?;
        sheet.put(row, 1, 1, "", &name)?;
        sheet.put(row, 2, 2, "—", &not_applicable)?;
        sheet.put(row, 3, 3, "", &tick)?;
        sheet.put(row, 4, 4, "", &text)?;
        sheet.put(row, 5, 5, "", &name)?;
    }
    Ok(())
}

/// A label and its value in one merged cell, the label bold: "计算机编号：SL-PC-001".
fn labelled(
    sheet: &mut Sheet,
    row: RowNum,
    (first, last): (ColNum, ColNum),
    label: &str,
    value: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    let value = gate::cell_text(value);
    let bold = format.clone().set_bold();
    if value.is_empty() {
        return sheet.put(row, first, last, label, &bold);
    }
    sheet.put(row, first, last, "", format)?;
    sheet.ws().write_rich_string_with_format(
        row,
        first,
        &[(&bold, label), (format, &value)],
        format,
    )?;
    Ok(())
}
