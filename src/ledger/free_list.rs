//! 可使用免费软件清单: the free software the unit has approved (配置 二.2).

use std::sync::Arc;

use crate::base::CellRef;
use crate::schema::{TableKind, FREE_LIST_COLUMNS, STANDARD_HEADER};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::table::{list_frame, HeaderBlock, InvalidValue, Reader, TableMeta};
use super::values::Field;

/// The free-software list.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeList {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 ….
    pub header: HeaderBlock,
    /// The rows.
    pub rows: Vec<FreeListRow>,
}

/// One approved free software.
#[derive(Debug, Clone, PartialEq)]
pub struct FreeListRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件版本.
    pub version: Field<String>,
    /// 软件来源.
    pub source: Field<String>,
    /// 软件厂商名称.
    pub vendor: Field<String>,
    /// 软件厂商客服联系方式.
    pub vendor_contact: Field<String>,
    /// 使用部门.
    pub departments: Field<String>,
    /// 使用原因.
    pub reason: Field<String>,
}

/// Parse a located free list.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> FreeList {
    let frame = list_frame(sheet, file, loc, FREE_LIST_COLUMNS);
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows().chain(frame.footer_rows()),
        STANDARD_HEADER,
        TableKind::FreeList,
        invalid,
    );
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::FreeList,
        frame.header.as_ref(),
        FREE_LIST_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| FreeListRow {
            at: rd.at(r, "seq"),
            id: rd.code(r, "id"),
            name: rd.name(r, "name"),
            version: rd.text(r, "version"),
            source: rd.text(r, "source"),
            vendor: rd.text(r, "vendor"),
            vendor_contact: rd.text(r, "vendor_contact"),
            departments: rd.text(r, "departments"),
            reason: rd.text(r, "reason"),
        })
        .collect();
    FreeList {
        meta: frame.meta,
        header,
        rows,
    }
}
