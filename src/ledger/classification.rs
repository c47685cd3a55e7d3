//! 软件分类: a unit's own classification of its software numbers (category and origin),
//! which overrides the built-in catalogue (derive.md).

use std::sync::Arc;

use crate::base::text::norm;
use crate::base::CellRef;
use crate::schema::{TableKind, CLASSIFICATION_COLUMNS};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::statistics::{Category, Origin};
use super::table::{list_frame, InvalidValue, Reader, TableMeta};
use super::values::{self, Field, Parsed};

/// The 软件分类 sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// Where it was found.
    pub meta: TableMeta,
    /// One row per software number.
    pub rows: Vec<ClassificationRow>,
}

/// One software number's class.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassificationRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 类别.
    pub category: Field<Category>,
    /// 国内/国外.
    pub origin: Field<Origin>,
}

fn category(cell: &crate::workbook::Cell) -> Parsed<Category> {
    match values::text(cell) {
        Parsed::Value(s) => match norm(&s).as_str() {
            "操作系统" | "操作系统软件" | "OS" => Parsed::Value(Category::Os),
            "办公软件" | "办公" | "OFFICE" => Parsed::Value(Category::Office),
            "杀毒软件" | "杀毒" | "防病毒软件" | "ANTIVIRUS" => {
                Parsed::Value(Category::Antivirus)
            }
            "其他" | "其他软件" | "其它" | "OTHER" => Parsed::Value(Category::Other),
            _ => Parsed::Invalid,
        },
        other => other.map_value(|_| Category::Other),
    }
}

fn origin(cell: &crate::workbook::Cell) -> Parsed<Origin> {
    match values::text(cell) {
        Parsed::Value(s) => match norm(&s).as_str() {
            "国内" | "国产" | "DOMESTIC" => Parsed::Value(Origin::Domestic),
            "国外" | "进口" | "境外" | "FOREIGN" => Parsed::Value(Origin::Foreign),
            _ => Parsed::Invalid,
        },
        other => other.map_value(|_| Origin::Domestic),
    }
}

/// Parse a located 软件分类 sheet.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Classification {
    let frame = list_frame(sheet, file, loc, CLASSIFICATION_COLUMNS);
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Classification,
        frame.header.as_ref(),
        CLASSIFICATION_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| ClassificationRow {
            at: rd.at(r, "seq"),
            id: rd.code(r, "id"),
            name: rd.name(r, "name"),
            category: rd.field(r, "category", None, category),
            origin: rd.field(r, "origin", None, origin),
        })
        .collect();
    Classification {
        meta: frame.meta,
        rows,
    }
}
