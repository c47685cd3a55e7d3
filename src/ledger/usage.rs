//! Ledger 2, 软件使用情况明细表: one row per (person, computer, installed software).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::schema::{TableKind, STANDARD_HEADER, USAGE_COLUMNS};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::parts::Part;
use super::table::{list_frame, Choice, HeaderBlock, InvalidValue, Reader, TableMeta};
use super::values::{Field, LicenseTerm, SoftwareKind};

/// The usage ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 ….
    pub header: HeaderBlock,
    /// The rows, of every part, in sheet order.
    pub rows: Vec<UsageRow>,
    /// The other sheets the ledger continues on (one per department, one per building).
    pub parts: Vec<Part>,
}

/// One installed software on one computer.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 序号.
    pub seq: Field<String>,
    /// 部门.
    pub department: Field<String>,
    /// 姓名.
    pub user: Field<String>,
    /// 计算机编号.
    pub computer: Field<String>,
    /// 计算机品牌.
    pub brand: Field<String>,
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件版本.
    pub version: Field<String>,
    /// 许可期限.
    pub term: Field<LicenseTerm>,
    /// 软件类型 (three checkboxes).
    pub kind: Choice<SoftwareKind>,
    /// 安装日期.
    pub installed_on: Field<NaiveDate>,
}

impl UsageRow {
    /// 软件编号, when filled.
    pub fn id(&self) -> Option<&str> {
        self.id.value().map(String::as_str)
    }
    /// 计算机编号, when filled.
    pub fn computer(&self) -> Option<&str> {
        self.computer.value().map(String::as_str)
    }
}

/// Parse a located usage table.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Usage {
    let mut frame = list_frame(sheet, file, loc, USAGE_COLUMNS);
    let has_kind = ["kind", "kind_commercial", "kind_oem", "kind_free"]
        .iter()
        .any(|k| frame.meta.columns.iter().any(|c| c.key == *k));
    if frame.header.is_some() && !has_kind {
        frame.meta.missing_columns.push("软件类型");
    }
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows().chain(frame.footer_rows()),
        STANDARD_HEADER,
        TableKind::Usage,
        invalid,
    );
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Usage,
        frame.header.as_ref(),
        USAGE_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| UsageRow {
            at: rd.at(r, "seq"),
            seq: rd.text(r, "seq"),
            department: rd.text(r, "department"),
            user: rd.text(r, "user"),
            computer: rd.code(r, "computer"),
            brand: rd.text(r, "brand"),
            id: rd.code(r, "id"),
            name: rd.name(r, "name"),
            version: rd.text(r, "version"),
            term: rd.term(r, "term"),
            kind: rd.kind_choice(r),
            installed_on: rd.date(r, "installed_on"),
        })
        .collect();
    Usage {
        meta: frame.meta,
        header,
        rows,
        parts: Vec::new(),
    }
}
