//! The three ledgers (软件台账): 汇总表 (附件7), 明细表 (附件8) and 安装维护情况明细表
//! (附件9). They are the tables the checker reads most, so they follow the published
//! layout closely and carry drop-downs and number formats for a long list of rows.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::fill;
use super::sheet::{
    col_of, label_of, print_setup, widths, Paper, Row, Sheet, CHECKBOX, LIST_ROWS, ROW,
};
use super::style::{self, CellKind};
use crate::normalised::{Header, MaintenanceTable, Place, SummaryTable, ToFill, UsageTable};
use crate::schema::{
    printed, ColumnSpec, TableKind, MAINTENANCE_EVENT_COLUMNS, MAINTENANCE_INFO_COLUMNS,
    SOFTWARE_KINDS, SUMMARY_COLUMNS, USAGE_COLUMNS,
};

/// Pre-printed rows of the 汇总表 per software type, as published (three each).
const SUMMARY_ROWS_PER_KIND: u32 = 3;
/// Pre-printed rows of the 汇总表.
pub(crate) const SUMMARY_ROWS: u32 = SUMMARY_ROWS_PER_KIND * SOFTWARE_KINDS.len() as u32;
/// Pre-printed rows of the 明细表.
pub(crate) const USAGE_ROWS: u32 = 12;
/// Pre-printed rows of 附件9 part 二.
pub(crate) const MAINTENANCE_ROWS: u32 = 16;
/// Their height: a little below the others so the published sixteen rows and part 一
/// print on one landscape A4 page, one page per software number.
const MAINTENANCE_ROW: f64 = 18.0;

/// Rows that carry drop-downs and formats in a list of `filled` rows: the usual
/// [`LIST_ROWS`], or more where the data is longer.
pub(crate) fn list_rows(filled: usize) -> u32 {
    LIST_ROWS.max(filled as u32 + 50)
}

/// 附件7 软件使用情况汇总表, blank or filled with `data` (`to_fill` highlighting what the
/// clerk is to fill in).
pub(crate) fn summary(
    ws: &mut Worksheet,
    data: Option<&SummaryTable>,
    to_fill: &ToFill,
) -> Result<(), XlsxError> {
    let kind = TableKind::Summary;
    let specs = &printed(SUMMARY_COLUMNS);
    let header_data = data.map(|d| &d.header);
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks_to_fill(kind, header_data, to_fill))?;
    people_and_computers(&mut sheet, kind, header_data, to_fill)?;

    let header = sheet.column_header(specs)?;
    let rows = SUMMARY_ROWS;
    let (first, filled) = match data {
        None => {
            let first = sheet.data_rows(specs, rows, ROW, |index, spec| {
                let group = (index / SUMMARY_ROWS_PER_KIND) as usize;
                if spec.key == "kind" {
                    Some(SOFTWARE_KINDS[group])
                } else if group > 0 && crate::schema::LICENSE_COLUMNS.contains(&spec.key) {
                    Some("—")
                } else {
                    None
                }
            })?;
            (first, 0)
        }
        Some(d) => {
            let data: Vec<Row> = d
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| fill::open(fill::summary_row(r), to_fill, Place::Row(kind, i)))
                .collect();
            (sheet.filled_rows(specs, &data, rows, ROW)?, data.len())
        }
    };
    sheet.column_defaults(specs)?;
    let kind_col = col_of(specs, "kind");
    sheet.choice(
        (first, first + list_rows(filled) - 1),
        (kind_col, kind_col),
        &SOFTWARE_KINDS,
        true,
    )?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Landscape, Some(header))
}

/// The 人员情况 and 计算机情况 rows between the header block and the column header,
/// laid on the 13-column grid as pairs of label and blank.
fn people_and_computers(
    sheet: &mut Sheet,
    kind: TableKind,
    header: Option<&Header>,
    to_fill: &ToFill,
) -> Result<(), XlsxError> {
    let head = style::head();
    let count = style::cell(CellKind::Count, true);
    let value = |key| fill::count_of(header, key, to_fill);

    let row = sheet.next_row(ROW + 4.0)?;
    sheet.put(row, 0, 1, "人员情况", &head)?;
    sheet.put(row, 2, 3, label_of(kind, "people_total"), &head)?;
    sheet.put_value(row, 4, 5, &value("people_total"), &count)?;
    sheet.put(row, 6, 7, label_of(kind, "people_using"), &head)?;
    sheet.put_value(row, 8, 9, &value("people_using"), &count)?;
    sheet.put(row, 10, 12, "", &style::cell(CellKind::General, true))?;

    let row = sheet.next_row(ROW + 4.0)?;
    sheet.put(row, 0, 1, "计算机情况", &head)?;
    sheet.put(row, 2, 3, label_of(kind, "servers"), &head)?;
    sheet.put_value(row, 4, 5, &value("servers"), &count)?;
    sheet.put(row, 6, 7, label_of(kind, "desktops"), &head)?;
    sheet.put_value(row, 8, 9, &value("desktops"), &count)?;
    sheet.put(row, 10, 10, label_of(kind, "laptops"), &head)?;
    sheet.put_value(row, 11, 12, &value("laptops"), &count)
}

/// 附件8 软件使用情况明细表, blank or filled with `data` (`to_fill` highlighting what the
/// clerk is to fill in).
pub(crate) fn usage(
    ws: &mut Worksheet,
    data: Option<&UsageTable>,
    to_fill: &ToFill,
) -> Result<(), XlsxError> {
    let kind = TableKind::Usage;
    let specs = &printed(USAGE_COLUMNS);
    let mut sheet = Sheet::new(ws, widths(specs))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks_to_fill(
        kind,
        data.map(|d| &d.header),
        to_fill,
    ))?;
    let header = sheet.column_header(specs)?;
    let (first, filled) = match data {
        None => (sheet.data_rows(specs, USAGE_ROWS, ROW, |_, _| None)?, 0),
        Some(d) => {
            let data: Vec<Row> = d
                .rows
                .iter()
                .enumerate()
                .map(|(i, r)| fill::open(fill::usage_row(r), to_fill, Place::Row(kind, i)))
                .collect();
            (
                sheet.filled_rows(specs, &data, USAGE_ROWS, ROW)?,
                data.len(),
            )
        }
    };
    sheet.column_defaults(specs)?;
    sheet.choice(
        (first, first + list_rows(filled) - 1),
        (col_of(specs, "kind_commercial"), col_of(specs, "kind_free")),
        &CHECKBOX,
        false,
    )?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Landscape, Some(header))
}

/// 附件9 软件安装维护情况明细表: one sheet per software number, part 一 on top of
/// part 二 on one grid, as in the published table; blank or filled with `data`, log number
/// `index` of the unit (`to_fill` highlighting what the clerk is to fill in).
pub(crate) fn maintenance(
    ws: &mut Worksheet,
    data: Option<&MaintenanceTable>,
    (index, to_fill): (usize, &ToFill),
) -> Result<(), XlsxError> {
    let kind = TableKind::Maintenance;
    let info = MAINTENANCE_INFO_COLUMNS;
    let events = &printed(MAINTENANCE_EVENT_COLUMNS);
    let mut sheet = Sheet::new(ws, shared_widths(info, events))?;
    sheet.annex_and_title(kind)?;
    sheet.header_block(&fill::header_blanks_to_fill(
        kind,
        data.map(|d| &d.header),
        to_fill,
    ))?;

    sheet.section("一、软件基本信息", true)?;
    sheet.column_header(info)?;
    let row = match data {
        None => sheet.data_rows(info, 1, ROW + 2.0, |_, _| None)?,
        Some(d) => {
            let part = [fill::open(
                fill::info_row(&d.info, d.software_id()),
                to_fill,
                Place::Info(index),
            )];
            sheet.filled_rows(info, &part, 1, ROW + 2.0)?
        }
    };
    sheet.choice(
        (row, row),
        (col_of(info, "kind_commercial"), col_of(info, "kind_free")),
        &CHECKBOX,
        false,
    )?;

    sheet.section("二、软件安装卸载明细", true)?;
    let header = sheet.column_header(events)?;
    let (first, filled) = match data {
        None => (
            sheet.data_rows(events, MAINTENANCE_ROWS, MAINTENANCE_ROW, |_, _| None)?,
            0,
        ),
        Some(d) => {
            let data: Vec<Row> = d
                .events
                .iter()
                .enumerate()
                .map(|(e, r)| fill::open(fill::event_row(r), to_fill, Place::Event(index, e)))
                .collect();
            let first = sheet.filled_rows(events, &data, MAINTENANCE_ROWS, MAINTENANCE_ROW)?;
            (first, data.len())
        }
    };
    sheet.column_defaults(events)?;
    sheet.choice(
        (first, first + list_rows(filled) - 1),
        (col_of(events, "install"), col_of(events, "uninstall")),
        &CHECKBOX,
        false,
    )?;
    sheet.ws().set_freeze_panes(first, 0)?;
    print_setup(sheet.ws(), Paper::Landscape, Some(header))
}

/// One grid for both parts of 附件9: each column as wide as the wider of the two parts
/// needs, so both keep the published column positions.
fn shared_widths(top: &[ColumnSpec], bottom: &[ColumnSpec]) -> Vec<f64> {
    let columns = top.len().max(bottom.len());
    (0..columns)
        .map(|col| {
            let a = top.get(col).map_or(0.0, |spec| spec.width);
            let b = bottom.get(col).map_or(0.0, |spec| spec.width);
            a.max(b)
        })
        .collect()
}
