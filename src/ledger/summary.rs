//! Ledger 1, 软件使用情况汇总表: one row per software number, with the license fields each
//! software type may (or must not) have.

use std::sync::Arc;

use crate::schema::{TableKind, LICENSE_COLUMNS, STANDARD_HEADER, SUMMARY_COLUMNS};
use crate::workbook::locate::Located;
use crate::workbook::{CellRef, Sheet};

use super::table::{list_frame, HeaderBlock, InvalidValue, Reader, TableMeta};
use super::values::{Field, LicenseTerm, Parsed, PurchaseTime, SoftwareKind};

/// The summary ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 … and the people/computer counts.
    pub header: HeaderBlock,
    /// The software rows.
    pub rows: Vec<SummaryRow>,
}

/// One software number.
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryRow {
    /// The first cell of the row (for row-level diagnostics).
    pub at: CellRef,
    /// 序号.
    pub seq: Field<String>,
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件类型 as typed.
    pub kind: Field<SoftwareKind>,
    /// 安装数量.
    pub installed: Field<i64>,
    /// The license fields, shaped by the type.
    pub licence: Licence,
}

/// The license side of a summary row: what each software type may carry.
#[derive(Debug, Clone, PartialEq)]
pub enum Licence {
    /// 商业软件: every license field.
    Commercial(Box<CommercialTerms>),
    /// OEM软件: a version; license fields must stay empty (台账 一.6).
    Oem {
        /// 软件版本.
        version: Field<String>,
        /// License cells that were filled although they must stay empty.
        stray: Vec<StrayValue>,
    },
    /// 免费软件: no version, no license fields (台账 一.9).
    Free {
        /// Cells that were filled although they must stay empty.
        stray: Vec<StrayValue>,
    },
    /// Type empty or unreadable: every field kept as typed.
    Unknown(Box<CommercialTerms>),
}

/// The license fields of a commercial row.
#[derive(Debug, Clone, PartialEq)]
pub struct CommercialTerms {
    /// 软件版本.
    pub version: Field<String>,
    /// 采购时间.
    pub purchased_on: Field<PurchaseTime>,
    /// 采购金额 (元).
    pub amount: Field<f64>,
    /// 许可类型.
    pub license_type: Field<String>,
    /// 许可数量.
    pub license_count: Field<i64>,
    /// 可使用版本.
    pub usable_versions: Field<Vec<String>>,
    /// 许可期限.
    pub term: Field<LicenseTerm>,
    /// 序列号.
    pub serial: Field<String>,
}

impl CommercialTerms {
    /// The last valid day of the license, if it ends.
    pub fn term_end(&self) -> Option<chrono::NaiveDate> {
        self.term
            .value()?
            .end(self.purchased_on.value().map(|p| p.date))
    }
}

/// A cell filled in a column that must stay empty for the row's type.
#[derive(Debug, Clone, PartialEq)]
pub struct StrayValue {
    /// Column key.
    pub column: &'static str,
    /// Column header (for messages).
    pub header: &'static str,
    /// What was typed.
    pub raw: String,
    /// Where.
    pub cell: CellRef,
}

impl SummaryRow {
    /// The software type, when readable.
    pub fn kind(&self) -> Option<SoftwareKind> {
        self.kind.value().copied()
    }

    /// 软件编号 as text, when filled.
    pub fn id(&self) -> Option<&str> {
        self.id.value().map(String::as_str)
    }

    /// 软件版本, for the types that have one.
    pub fn version(&self) -> Option<&Field<String>> {
        match &self.licence {
            Licence::Commercial(t) | Licence::Unknown(t) => Some(&t.version),
            Licence::Oem { version, .. } => Some(version),
            Licence::Free { .. } => None,
        }
    }

    /// The commercial license fields (also for rows of unknown type).
    pub fn terms(&self) -> Option<&CommercialTerms> {
        match &self.licence {
            Licence::Commercial(t) | Licence::Unknown(t) => Some(t),
            _ => None,
        }
    }

    /// The commercial license fields, only for commercial rows.
    pub fn commercial(&self) -> Option<&CommercialTerms> {
        match &self.licence {
            Licence::Commercial(t) => Some(t),
            _ => None,
        }
    }
}

/// Parse a located summary table.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Summary {
    let frame = list_frame(sheet, file, loc, SUMMARY_COLUMNS);
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows().chain(frame.footer_rows()),
        STANDARD_HEADER,
        TableKind::Summary,
        invalid,
    );
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Summary,
        frame.header.as_ref(),
        SUMMARY_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| read_row(&mut rd, r))
        .collect();
    Summary {
        meta: frame.meta,
        header,
        rows,
    }
}

fn read_row(rd: &mut Reader, r: u32) -> SummaryRow {
    let kind = rd.field(
        r,
        "kind",
        Some(super::table::ValueType::Kind),
        super::values::kind,
    );
    let licence = match kind.value() {
        Some(SoftwareKind::Oem) => Licence::Oem {
            version: rd.text(r, "version"),
            stray: stray(rd, r, &LICENSE_COLUMNS),
        },
        Some(SoftwareKind::Free) => {
            let mut cols = vec!["version"];
            cols.extend(LICENSE_COLUMNS);
            Licence::Free {
                stray: stray(rd, r, &cols),
            }
        }
        Some(SoftwareKind::Commercial) => Licence::Commercial(Box::new(terms(rd, r))),
        None => Licence::Unknown(Box::new(terms(rd, r))),
    };
    SummaryRow {
        at: rd.at(r, "seq"),
        seq: rd.text(r, "seq"),
        id: rd.code(r, "id"),
        name: rd.text(r, "name"),
        installed: rd.count(r, "installed"),
        kind,
        licence,
    }
}

fn terms(rd: &mut Reader, r: u32) -> CommercialTerms {
    CommercialTerms {
        version: rd.text(r, "version"),
        purchased_on: rd.purchase_time(r, "purchased_on"),
        amount: rd.money(r, "amount"),
        license_type: rd.text(r, "license_type"),
        license_count: rd.count(r, "license_count"),
        usable_versions: rd.versions(r, "usable_versions"),
        term: rd.term(r, "term"),
        serial: rd.text(r, "serial"),
    }
}

fn stray(rd: &mut Reader, r: u32, cols: &[&'static str]) -> Vec<StrayValue> {
    cols.iter()
        .filter_map(|&key| {
            // Read as text: on these rows the cell must be empty whatever it holds.
            let f = rd.text(r, key);
            match f.parsed {
                Parsed::Value(_) | Parsed::Invalid => Some(StrayValue {
                    column: key,
                    header: SUMMARY_COLUMNS
                        .iter()
                        .find(|s| s.key == key)
                        .map(|s| s.header)
                        .unwrap_or(key),
                    raw: f.raw,
                    cell: f.cell?,
                }),
                _ => None,
            }
        })
        .collect()
}
