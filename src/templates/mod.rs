//! The blank official templates (附件1–11), written with rust_xlsxwriter.
//!
//! Offices that start from our blank tables produce ledgers the checker reads without
//! guessing, so the templates print the published text exactly (titles, headers and
//! labels come from [`crate::schema`]) and add what a spreadsheet can do and paper cannot:
//! drop-downs for fixed choices, number formats that keep "001" a code and a date a date,
//! frozen headers and an A4 print setup.
//!
//! Layout choices:
//! - Only the rows of the published template are pre-numbered and bordered, so the blank
//!   prints as published. Drop-downs and number formats reach
//!   [`LIST_ROWS`](sheet::LIST_ROWS) rows below the header in lists without a footer;
//!   in tables with an approval block (附件3, 附件4) they cover the printed rows only.
//! - The 汇总表 prints "—" in each licence column of its OEM and free rows (the published
//!   table merges them into one "—" cell); one cell each keeps rows sortable and copyable.
//! - Lists print one A4 page wide with their column header repeated on every page; the
//!   forms (附件2, 5, 10, 11) are shrunk onto one page.
//! - 附件10 gets a row of blanks under 升级前/升级后 (软件名称, 软件版本), as 附件11 has;
//!   the published 附件10 leaves nowhere to write the names.
//! - No formulas: readers that do not recalculate would see 0 (see stack.md).
//! - Fixed document properties and zip timestamps: regenerating gives identical bytes,
//!   so the checked-in copies in `templates-xlsx/` can be tested for staleness.

mod fill;
mod filled;
mod forms;
mod ledgers;
mod lists;
mod sheet;
pub mod spot_check;
mod statistics;
mod style;

pub use filled::{build_draft, build_filled, has_tables, maintenance_sheet_name};

use std::path::Path;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet, XlsxError};

use crate::base::gate;
use crate::normalised::ToFill;
use crate::output::{OutputError, OutputPolicy};
use crate::schema::TableKind;

/// File name of the workbook that holds all eleven tables.
pub const ALL_IN_ONE_FILE: &str = "正版软件管理台账模板.xlsx";

/// The sheet name of a table: annex number and a short name a clerk recognises.
///
/// Within Excel's limits (31 characters, none of `[]:*?/\`); 附件9 says it is meant to be
/// copied, since a unit keeps one per software number.
pub fn sheet_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::LeadingGroup => "附件1 领导小组",
        TableKind::Pledge => "附件2 承诺书",
        TableKind::Demand => "附件3 需求申请表",
        TableKind::PurchasePlan => "附件4 采购计划表",
        TableKind::Statistics => "附件5 信息统计表",
        TableKind::FreeList => "附件6 免费软件清单",
        TableKind::Summary => "附件7 使用情况汇总表",
        TableKind::Usage => "附件8 使用情况明细表",
        TableKind::Maintenance => "附件9 安装维护明细（每软件复制一张）",
        TableKind::MaintenanceRequest => "附件10 安装维护申请表",
        TableKind::MaintenanceConfirm => "附件11 安装维护确认单",
        TableKind::Classification => "软件分类",
    }
}

/// The file name of a table's own workbook, zero-padded so the files sort in annex order.
pub fn file_name(kind: TableKind) -> String {
    format!("附件{:02}-{}.xlsx", kind.national_number(), kind.title())
}

/// Every file [`write_all`] writes, in order.
pub fn file_names() -> Vec<String> {
    std::iter::once(ALL_IN_ONE_FILE.to_string())
        .chain(TableKind::ALL.iter().map(|kind| file_name(*kind)))
        .collect()
}

/// The all-in-one workbook and one workbook per table: (file name, bytes), in the order
/// of [`file_names`].
pub fn build_all() -> Result<Vec<(String, Vec<u8>)>, XlsxError> {
    let mut out = Vec::new();
    let mut book = workbook("正版软件管理台账模板")?;
    for kind in TableKind::ALL {
        add_table(&mut book, kind)?;
    }
    out.push((ALL_IN_ONE_FILE.to_string(), book.save_to_buffer()?));
    for kind in TableKind::ALL {
        let mut book = workbook(kind.title())?;
        add_table(&mut book, kind)?;
        out.push((file_name(kind), book.save_to_buffer()?));
    }
    Ok(out)
}

/// The workbook holding only the table of `kind`: the bytes [`build_all`] writes as
/// [`file_name`]`(kind)`, with one sheet named [`sheet_name`]`(kind)`. `derive` copies that
/// sheet into a unit's workbook when the unit lacks the table.
pub fn table_workbook(kind: TableKind) -> Result<Vec<u8>, XlsxError> {
    let mut book = workbook(kind.title())?;
    add_table(&mut book, kind)?;
    book.save_to_buffer()
}

/// How many data rows the blank table of `kind` pre-prints (bordered, 序号 numbered) below
/// its column header, the 共计 row of 附件4 included; 0 for forms. A table filled with more
/// rows needs rows added in the same format.
pub fn printed_rows(kind: TableKind) -> u32 {
    match kind {
        TableKind::Summary => ledgers::SUMMARY_ROWS,
        TableKind::Usage => ledgers::USAGE_ROWS,
        TableKind::Maintenance => ledgers::MAINTENANCE_ROWS,
        TableKind::LeadingGroup => lists::LEADING_GROUP_ROWS,
        TableKind::Demand => lists::DEMAND_ROWS,
        TableKind::PurchasePlan => lists::PURCHASE_PLAN_ROWS,
        TableKind::FreeList => lists::FREE_LIST_ROWS,
        TableKind::Classification => lists::CLASSIFICATION_ROWS,
        TableKind::Pledge
        | TableKind::Statistics
        | TableKind::MaintenanceRequest
        | TableKind::MaintenanceConfirm => 0,
    }
}

/// Why the templates could not be written.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// rust_xlsxwriter failed.
    #[error("生成模板失败：{0}")]
    Xlsx(#[from] XlsxError),
    /// A file could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// Write every template into `dir` (replacing earlier copies): for tests and the
/// developers' regeneration of `templates-xlsx/`; the command goes through its policy.
pub fn write_all(dir: &Path) -> Result<(), TemplateError> {
    let policy = OutputPolicy::new(true, &[]);
    for (name, bytes) in build_all()? {
        policy.write(&dir.join(name), &bytes)?;
    }
    Ok(())
}

/// A workbook with fixed properties: the same bytes on every run.
fn workbook(title: &str) -> Result<Workbook, XlsxError> {
    workbook_with(title, "由 zhengban template 生成的空白模板")
}

/// A filled workbook's properties: fixed, like the blanks', so the same data gives the
/// same bytes; `comment` says how it was filled.
fn filled_workbook(title: &str, comment: &str) -> Result<Workbook, XlsxError> {
    workbook_with(title, comment)
}

fn workbook_with(title: &str, comment: &str) -> Result<Workbook, XlsxError> {
    let created = ExcelDateTime::from_ymd(2016, 1, 1)?.and_hms(0, 0, 0)?;
    let properties = DocProperties::new()
        .set_title(gate::xml_text(title))
        .set_subject("软件正版化台账（《正版软件管理工作指南》附件）")
        .set_author("zhengban")
        .set_comment(comment)
        .set_creation_datetime(&created);
    let mut book = Workbook::new();
    book.set_properties(&properties);
    Ok(book)
}

fn add_table(book: &mut Workbook, kind: TableKind) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(sheet_name(kind))?;
    write_table(kind, ws)
}

fn write_table(kind: TableKind, ws: &mut Worksheet) -> Result<(), XlsxError> {
    match kind {
        TableKind::LeadingGroup => lists::leading_group(ws, None),
        TableKind::Pledge => forms::pledge(ws),
        TableKind::Demand => lists::demand(ws, None),
        TableKind::PurchasePlan => lists::purchase_plan(ws, None),
        TableKind::Statistics => statistics::statistics(ws, None),
        TableKind::FreeList => lists::free_list(ws, None, &ToFill::NONE),
        TableKind::Summary => ledgers::summary(ws, None, &ToFill::NONE),
        TableKind::Usage => ledgers::usage(ws, None, &ToFill::NONE),
        TableKind::Maintenance => ledgers::maintenance(ws, None, (0, &ToFill::NONE)),
        TableKind::MaintenanceRequest => forms::maintenance_request(ws),
        TableKind::MaintenanceConfirm => forms::maintenance_confirm(ws),
        TableKind::Classification => lists::classification(ws, None),
    }
}
