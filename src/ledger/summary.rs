//! Ledger 1, 软件使用情况汇总表: one row per software number, with the license fields each
//! software type may (or must not) have.

use std::sync::Arc;

use crate::base::CellRef;
use crate::schema::{TableKind, LICENSE_COLUMNS, STANDARD_HEADER, SUMMARY_COLUMNS};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::parts::Part;
use super::table::{list_frame, HeaderBlock, InvalidValue, Reader, TableMeta};
use super::values::{Field, LicenseTerm, Parsed, PurchaseTime, SoftwareKind};

/// The summary ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 … and the people/computer counts.
    pub header: HeaderBlock,
    /// The software rows, of every part, in sheet order.
    pub rows: Vec<SummaryRow>,
    /// The other sheets the ledger continues on.
    pub parts: Vec<Part>,
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
    /// Where the term's start is written, when it has a cell of its own (起始日期 | 截止日期
    /// under one 许可期限): the term's own cell is its end's.
    pub term_start: Option<CellRef>,
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
    let mut frame = list_frame(sheet, file, loc, SUMMARY_COLUMNS);
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
    let mut rows: Vec<SummaryRow> = Vec::new();
    let mut continuation: Vec<u32> = Vec::new();
    for &r in &frame.rows.rows {
        let mark = rd.invalid.len();
        let row = read_row(&mut rd, r);
        match rows.last_mut() {
            Some(head) if continues(head, &row, r) => match absorb(head, row, r) {
                Ok(()) => {
                    continuation.push(r);
                    // The merged cells were read (and any unreadable one recorded) with the
                    // first row; only the sub-row's own cells are new.
                    let mut i = mark;
                    while i < rd.invalid.len() {
                        if rd.invalid[i].cell.row == r {
                            i += 1;
                        } else {
                            rd.invalid.remove(i);
                        }
                    }
                }
                Err(row) => rows.push(*row),
            },
            _ => rows.push(row),
        }
    }
    let mut meta = frame.meta;
    for r in continuation {
        meta.skipped.push(crate::workbook::rows::SkippedRows {
            first: r,
            last: r,
            why: crate::workbook::rows::RowKind::Continuation,
            text: String::new(),
        });
    }
    meta.skipped.sort_by_key(|s| s.first);
    Summary {
        meta,
        header,
        rows,
        parts: Vec::new(),
    }
}

fn read_row(rd: &mut Reader, r: u32) -> SummaryRow {
    let kind = if rd.col("kind").is_none() && rd.col("kind_commercial").is_some() {
        // Three boxes: one ticked is the type, none is empty, several are unreadable.
        let choice = rd.kind_choice(r);
        let parsed = match choice.ticked.as_slice() {
            [one] => Parsed::Value(*one),
            [] if choice
                .raw
                .split(" | ")
                .all(|b| b == "（空）" || b.trim() == "□") =>
            {
                Parsed::Empty
            }
            _ => Parsed::Invalid,
        };
        Field {
            parsed,
            raw: choice.raw,
            cell: choice.cells.into_iter().next(),
        }
    } else {
        rd.field(
            r,
            "kind",
            Some(super::table::ValueType::Kind),
            super::values::kind,
        )
    };
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
        name: rd.name(r, "name"),
        installed: rd.count(r, "installed"),
        kind,
        licence,
    }
}

/// Whether sheet row `r` is a sub-row of `head`: its 软件编号 is the cell merged down from
/// the head's rows. Generators write one license batch as a block of rows with the batch's
/// cells merged vertically and one line per serial number (or usable version); the block is
/// one software number, so one row of the model.
fn continues(head: &SummaryRow, row: &SummaryRow, r: u32) -> bool {
    match (&head.id.cell, &row.id.cell) {
        (Some(a), Some(b)) => a == b && b.row < r,
        _ => false,
    }
}

/// Fold a sub-row into its head: cells merged over both were read the same (the head keeps
/// them); the sub-row's own cells add a serial number, usable versions, or copies. A sub-row
/// whose own cells say something else (another version, a second purchase date) stays a row
/// of its own, so the rules see the disagreement.
fn absorb(head: &mut SummaryRow, sub: SummaryRow, r: u32) -> Result<(), Box<SummaryRow>> {
    fn own<T>(f: &Field<T>, r: u32) -> bool {
        f.cell.as_ref().is_some_and(|c| c.row == r) && f.is_filled()
    }
    let plain = |f: &Field<String>| own(f, r);
    // Another name or type on the sub-row is another software (序号 may be per line).
    if own(&sub.name, r) || own(&sub.kind, r) {
        return Err(Box::new(sub));
    }
    match (&mut head.licence, &sub.licence) {
        (Licence::Commercial(h), Licence::Commercial(t))
        | (Licence::Unknown(h), Licence::Unknown(t)) => {
            let foreign = plain(&t.version)
                || own(&t.purchased_on, r)
                || own(&t.amount, r)
                || plain(&t.license_type)
                || own(&t.term, r);
            if foreign {
                return Err(Box::new(sub));
            }
            if own(&t.serial, r) {
                join_text(&mut h.serial, &t.serial);
            }
            if own(&t.usable_versions, r) {
                join_list(&mut h.usable_versions, &t.usable_versions);
            }
            if own(&t.license_count, r) {
                add_count(&mut h.license_count, &t.license_count);
            }
        }
        (
            Licence::Oem {
                version: hv,
                stray: hs,
            },
            Licence::Oem {
                version: tv,
                stray: ts,
            },
        ) => {
            if plain(tv) && hv.value() != tv.value() {
                return Err(Box::new(sub));
            }
            hs.extend(ts.iter().filter(|v| v.cell.row == r).cloned());
        }
        (Licence::Free { stray: hs }, Licence::Free { stray: ts }) => {
            hs.extend(ts.iter().filter(|v| v.cell.row == r).cloned());
        }
        _ => return Err(Box::new(sub)),
    }
    if own(&sub.installed, r) {
        add_count(&mut head.installed, &sub.installed);
    }
    Ok(())
}

/// Continue a field of the head with the same field of a sub-row: both readable, `join`
/// them (the raw texts joined by `sep`); the head blank, the sub-row's value (and cell) stand.
fn continue_field<T: Clone>(
    head: &mut Field<T>,
    more: &Field<T>,
    sep: &str,
    join: impl FnOnce(&mut T, &T),
) {
    let blank = head.is_blank();
    match (&mut head.parsed, &more.parsed) {
        (Parsed::Value(h), Parsed::Value(m)) => {
            join(h, m);
            head.raw = format!("{}{sep}{}", head.raw, more.raw);
        }
        (_, Parsed::Value(_)) if blank => {
            head.parsed = more.parsed.clone();
            head.raw = more.raw.clone();
            head.cell = more.cell.clone();
        }
        _ => {}
    }
}

/// `a、b`: a text field continued on a sub-row.
fn join_text(head: &mut Field<String>, more: &Field<String>) {
    continue_field(head, more, "、", |h, m| {
        h.push('、');
        h.push_str(m);
    });
}

fn join_list(head: &mut Field<Vec<String>>, more: &Field<Vec<String>>) {
    continue_field(head, more, "、", |h, m| h.extend(m.iter().cloned()));
}

fn add_count(head: &mut Field<i64>, more: &Field<i64>) {
    continue_field(head, more, "+", |h, m| *h += m);
}

fn terms(rd: &mut Reader, r: u32) -> CommercialTerms {
    let license_count = rd.count(r, "license_count");
    let amount = if rd.col("amount").is_none() && rd.col("unit_price").is_some() {
        priced(rd.money(r, "unit_price"), &license_count)
    } else {
        rd.money(r, "amount")
    };
    CommercialTerms {
        version: rd.text(r, "version"),
        purchased_on: rd.purchase_time(r, "purchased_on"),
        amount,
        license_type: rd.text(r, "license_type"),
        license_count,
        usable_versions: rd.versions(r, "usable_versions"),
        term: rd.term(r, "term"),
        term_start: rd
            .col("term_end")
            .and_then(|_| rd.cell(r, "term"))
            .map(|(_, at)| at),
        serial: rd.text(r, "serial"),
    }
}

/// 采购金额 of a ledger that keeps 单价 and the number of licences instead of a total: their
/// product, at the price's cell. A price without a readable count is the amount unknown
/// (kept as typed, so the rules that need an amount see one filled).
fn priced(price: Field<f64>, count: &Field<i64>) -> Field<f64> {
    match (&price.parsed, count.value()) {
        (Parsed::Value(p), Some(&n)) => Field {
            parsed: Parsed::Value((p * n as f64 * 100.0).round() / 100.0),
            raw: format!("{} × {n}", price.raw),
            cell: price.cell,
        },
        _ => price,
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
