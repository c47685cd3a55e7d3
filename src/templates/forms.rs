//! The one-page forms: 使用正版软件承诺书 (附件2), 软件安装维护申请表 (附件10) and
//! 软件安装维护确认单 (附件11). They are filled by hand and signed, so they follow the
//! printed layout cell by cell; there are no lists, only labels, blanks and checkboxes.

use rust_xlsxwriter::{ColNum, FormatAlign, RowNum, Worksheet, XlsxError};

use super::sheet::{print_setup, Paper, Sheet, AUDITED, CHECKBOX, ROW, ROW_2, ROW_SIGN};
use super::style::{self, CellKind};
use crate::schema::TableKind;

/// The pledge as published (the text of the national notice; one plain-text copy of it
/// drops the 在 of "不私自在").
const PLEDGE: &str = "　　本人承诺严格遵守单位软件正版化工作相关规定，不私自在计算机办公设备及系统中安装或卸载软件。本人若违反单位软件正版化工作相关规定，全部后果由本人负责。";

/// The signature line of 附件11.
const SIGNED: &str = "签名：            年    月    日";

/// Height of a form row: room for handwriting.
const FORM_ROW: f64 = 30.0;

/// 附件2 使用正版软件承诺书.
pub(crate) fn pledge(ws: &mut Worksheet) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(ws, vec![10.5; 8])?;
    sheet.annex_and_title(TableKind::Pledge)?;
    sheet.next_row(ROW)?;
    let row = sheet.next_row(100.0)?;
    sheet.put(row, 0, 7, PLEDGE, &style::body())?;
    sheet.next_row(ROW)?;
    sheet.next_row(ROW)?;
    let row = sheet.next_row(30.0)?;
    sheet.put(
        row,
        4,
        7,
        "承诺人签字：",
        &style::body_line(FormatAlign::Left),
    )?;
    sheet.next_row(ROW)?;
    let row = sheet.next_row(30.0)?;
    sheet.put(
        row,
        4,
        7,
        "年    月    日",
        &style::body_line(FormatAlign::Right).set_indent(2),
    )?;
    print_setup(sheet.ws(), Paper::Portrait, None)
}

/// 附件10 软件安装维护申请表.
pub(crate) fn maintenance_request(ws: &mut Worksheet) -> Result<(), XlsxError> {
    let mut sheet = Sheet::new(ws, vec![14.0, 12.0, 16.0, 16.0, 16.0, 16.0])?;
    sheet.annex_and_title(TableKind::MaintenanceRequest)?;
    let head = style::head();
    let general = style::cell(CellKind::General, true);
    let text = style::cell(CellKind::Text, true);

    let row = sheet.next_row(FORM_ROW)?;
    sheet.put(row, 0, 0, "申请部门", &head)?;
    sheet.put(row, 1, 1, "", &general)?;
    sheet.put(row, 2, 2, "申请人", &head)?;
    sheet.put(row, 3, 3, "", &general)?;
    sheet.put(row, 4, 4, "申请时间", &head)?;
    sheet.put(row, 5, 5, "", &style::cell(CellKind::Date, true))?;

    let row = sheet.next_row(FORM_ROW)?;
    sheet.put(row, 0, 0, "计算机编号", &head)?;
    sheet.put(row, 1, 1, "", &text)?;
    sheet.put(row, 2, 2, "计算机品牌", &head)?;
    sheet.put(row, 3, 5, "", &general)?;

    let row = sheet.next_row(FORM_ROW)?;
    sheet.put(row, 0, 1, "申请类型", &head)?;
    sheet.put(row, 2, 3, "软件名称", &head)?;
    sheet.put(row, 4, 5, "软件版本", &head)?;

    let boxes = operations(&mut sheet, None)?;
    sheet.choice(boxes, (1, 1), &CHECKBOX, false)?;

    let row = sheet.next_row(90.0)?;
    sheet.put(row, 0, 0, "申请原因", &head)?;
    let reason = general
        .clone()
        .set_align(FormatAlign::Left)
        .set_align(FormatAlign::Top);
    sheet.put(row, 1, 5, "", &reason)?;

    sheet.approvals(
        0,
        &[("申请部门\n审核", AUDITED), ("信息化部\n审核", AUDITED)],
    )?;
    print_setup(sheet.ws(), Paper::Portrait, None)
}

/// 附件11 软件安装维护确认单.
pub(crate) fn maintenance_confirm(ws: &mut Worksheet) -> Result<(), XlsxError> {
    let widths = vec![16.0, 8.0, 14.0, 14.0, 14.0, 14.0, 11.0, 11.0];
    let mut sheet = Sheet::new(ws, widths)?;
    sheet.annex_and_title(TableKind::MaintenanceConfirm)?;
    let head = style::head();
    let general = style::cell(CellKind::General, true);

    let row = sheet.next_row(FORM_ROW)?;
    sheet.put(row, 0, 0, "计算机编号", &head)?;
    sheet.put(row, 1, 3, "", &style::cell(CellKind::Text, true))?;
    sheet.put(row, 4, 4, "计算机品牌", &head)?;
    sheet.put(row, 5, 7, "", &general)?;

    let row = sheet.next_row(ROW_2)?;
    sheet.put(row, 0, 0, "计算机使用人\n姓名", &head)?;
    sheet.put(row, 1, 3, "", &general)?;
    sheet.put(row, 4, 4, "使用部门", &head)?;
    sheet.put(row, 5, 7, "", &general)?;

    let row = sheet.next_row(FORM_ROW)?;
    sheet.put(row, 0, 1, "安装维护类型", &head)?;
    sheet.put(row, 2, 3, "软件名称", &head)?;
    sheet.put(row, 4, 5, "软件版本", &head)?;
    sheet.put(row, 6, 7, "完成情况", &head)?;

    let boxes = operations(&mut sheet, Some(6))?;
    sheet.choice(boxes, (1, 1), &CHECKBOX, false)?;

    let last = sheet.last_col();
    for (label, line) in [("计算机使用人确认", SIGNED), ("安装维护人确认", SIGNED)] {
        let row = sheet.next_row(ROW_SIGN)?;
        sheet.put(row, 0, 1, label, &head)?;
        sheet.put(row, 2, last, line, &style::sign())?;
    }
    print_setup(sheet.ws(), Paper::Portrait, None)
}

/// The 安装 / 卸载 / 升级 rows shared by 附件10 and 附件11: a label, a checkbox in the
/// second column, software name and version for each operation, and for 升级 the names
/// and versions before and after. With `done` (附件11) the columns from there on hold
/// 完成情况: "□ 完成" and "□ 未完成". Returns the rows of the operation checkboxes.
fn operations(sheet: &mut Sheet, done: Option<ColNum>) -> Result<(RowNum, RowNum), XlsxError> {
    let head = style::head();
    let check = style::cell(CellKind::Check, true);
    let general = style::cell(CellKind::General, true);
    let version = style::cell(CellKind::Text, true);
    let mut done_rows = Vec::new();

    let mut first = None;
    for label in ["安装", "卸载"] {
        let row = sheet.next_row(FORM_ROW)?;
        first.get_or_insert(row);
        sheet.put(row, 0, 0, label, &head)?;
        sheet.put(row, 1, 1, "□", &check)?;
        sheet.put(row, 2, 3, "", &general)?;
        sheet.put(row, 4, 5, "", &version)?;
        done_rows.push(row);
    }

    let top = sheet.next_row(FORM_ROW)?;
    let sub = sheet.next_row(FORM_ROW)?;
    let values = sheet.next_row(FORM_ROW)?;
    sheet.put_block(top, 0, values, 0, "升级", &head)?;
    sheet.put_block(top, 1, values, 1, "□", &check)?;
    sheet.put(top, 2, 3, "升级前", &head)?;
    sheet.put(top, 4, 5, "升级后", &head)?;
    for col in [2, 4] {
        sheet.put(sub, col, col, "软件名称", &head)?;
        sheet.put(sub, col + 1, col + 1, "软件版本", &head)?;
        sheet.put(values, col, col, "", &general)?;
        sheet.put(values, col + 1, col + 1, "", &version)?;
    }

    if let Some(col) = done {
        sheet.put_block(top, col, sub, col + 1, "完成情况", &head)?;
        done_rows.push(values);
        for row in done_rows {
            sheet.put(row, col, col, "□ 完成", &check)?;
            sheet.put(row, col + 1, col + 1, "□ 未完成", &check)?;
            sheet.choice((row, row), (col, col), &["□ 完成", "☑ 完成"], false)?;
            sheet.choice(
                (row, row),
                (col + 1, col + 1),
                &["□ 未完成", "☑ 未完成"],
                false,
            )?;
        }
    }
    Ok((first.unwrap_or(top), top))
}
