//! What every parsed table shares: where it was found, its columns, and a row reader that
//! turns cells into [`Field`]s while noting every value it could not read.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::schema::{ColumnSpec, HeaderLabel, TableKind};
use crate::workbook::layout::{header_block, HeaderEntry, HeaderMatch, MappingSource};
use crate::workbook::locate::Evidence;
use crate::workbook::rows::SkippedRows;
use crate::workbook::{Cell, Sheet};

use super::values::{self, Field, LicenseTerm, Parsed, PurchaseTime, SoftwareKind};

/// Where a table was found and how its columns were recognised.
#[derive(Debug, Clone, PartialEq)]
pub struct TableMeta {
    /// Which official table.
    pub kind: TableKind,
    /// The file, as the user named it.
    pub file: Arc<str>,
    /// The sheet.
    pub sheet: Arc<str>,
    /// The title cell, when the table has a title.
    pub title: Option<CellRef>,
    /// The title as typed.
    pub title_text: String,
    /// First and last row of the column header (0-based), for list tables.
    pub header_rows: Option<(u32, u32)>,
    /// Recognised columns.
    pub columns: Vec<ColumnInfo>,
    /// Header cells that match no known column.
    pub unknown_columns: Vec<(CellRef, String)>,
    /// Required columns that were not found: published header text.
    pub missing_columns: Vec<&'static str>,
    /// First row of the table (title row).
    pub first_row: u32,
    /// Last row of the table.
    pub last_row: u32,
    /// What told the table's kind.
    pub evidence: Evidence,
    /// Rows inside the table that are not data, and why.
    pub skipped: Vec<SkippedRows>,
    /// The data rows: first, last (0-based) and how many.
    pub data: Option<(u32, u32, usize)>,
    /// Fields the table states once for all its rows instead of in a column.
    pub implied: Vec<Implied>,
    /// The table has no 软件编号 column: its software is known by name.
    pub keyed_by_name: bool,
}

/// A field stated once for every row of a table (a per-department sheet's department, in its
/// title).
#[derive(Debug, Clone, PartialEq)]
pub struct Implied {
    /// The field's key.
    pub key: &'static str,
    /// Its published header.
    pub header: &'static str,
    /// The value.
    pub value: String,
    /// Where it is written.
    pub cell: CellRef,
    /// Stated over each group of rows (a caption row per computer) rather than once for the
    /// table: `value` and `cell` are the first group's.
    pub per_group: bool,
}

impl TableMeta {
    /// The cell a diagnostic about the whole table points at: the title, else the header.
    pub fn anchor(&self) -> CellRef {
        self.title.clone().unwrap_or_else(|| CellRef {
            file: self.file.clone(),
            sheet: self.sheet.clone(),
            row: self.header_rows.map(|h| h.0).unwrap_or(self.first_row),
            col: self.columns.first().map(|c| c.col).unwrap_or(0),
        })
    }

    /// Whether the table is the published form (found by its published title), whose
    /// printed header labels it must carry; an office's own table carries the labels its own
    /// form prints.
    pub fn is_published_form(&self) -> bool {
        self.evidence == Evidence::PublishedTitle
    }

    /// The column (0-based) of a recognised column by its schema key.
    pub fn column(&self, key: &str) -> Option<u32> {
        self.columns.iter().find(|c| c.key == key).map(|c| c.col)
    }

    /// Whether a (sheet, row) lies inside this table.
    pub fn contains(&self, file: &str, sheet: &str, row: u32) -> bool {
        &*self.file == file
            && &*self.sheet == sheet
            && (self.first_row..=self.last_row).contains(&row)
    }
}

/// One recognised column.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnInfo {
    /// Stable key.
    pub key: &'static str,
    /// Sheet column (0-based).
    pub col: u32,
    /// The published header text.
    pub header: &'static str,
    /// The header as typed in the sheet.
    pub typed: String,
    /// How the column was mapped.
    pub source: MappingSource,
}

/// A value the reader could not read as its column's type.
#[derive(Debug, Clone, PartialEq)]
pub struct InvalidValue {
    /// The table.
    pub table: TableKind,
    /// The column key.
    pub column: &'static str,
    /// The column's published header (for messages).
    pub header: String,
    /// What was expected.
    pub expected: ValueType,
    /// What was typed.
    pub raw: String,
    /// Where.
    pub cell: CellRef,
}

/// The value types of the ledgers' columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// A date.
    Date,
    /// A date or a year-month.
    Month,
    /// A whole number.
    Count,
    /// Money in 元 (or 万元 in the statistics table).
    Money,
    /// A license term.
    Term,
    /// A checkbox.
    Checkbox,
    /// One of the software types.
    Kind,
}

impl ValueType {
    /// How the expected form is described to a clerk.
    pub fn describe(self) -> &'static str {
        match self {
            ValueType::Date => "日期（如 2023-05-01 或 2023年5月1日）",
            ValueType::Month => "日期或年月（如 2023-05-01、2023年5月）",
            ValueType::Count => "整数（如 12）",
            ValueType::Money => "金额（如 1200 或 1,200.00）",
            ValueType::Term => "许可期限（永久、截止日期、起止日期或 3年）",
            ValueType::Checkbox => "勾选框（☑ 或 □）",
            ValueType::Kind => "商业软件、OEM软件或免费软件",
        }
    }
}

/// A set of checkboxes of which exactly one should be ticked (软件类型, 安装/卸载).
#[derive(Debug, Clone, PartialEq)]
pub struct Choice<T> {
    /// The options ticked.
    pub ticked: Vec<T>,
    /// The cells of the boxes (or the one text cell).
    pub cells: Vec<CellRef>,
    /// What the boxes show, joined (for messages).
    pub raw: String,
}

impl<T: Copy> Choice<T> {
    /// The one ticked option, when exactly one is.
    pub fn single(&self) -> Option<T> {
        match self.ticked.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// The first box's cell.
    pub fn cell(&self) -> Option<&CellRef> {
        self.cells.first()
    }

    /// A choice not present in the table.
    pub fn absent() -> Self {
        Choice {
            ticked: Vec::new(),
            cells: Vec::new(),
            raw: String::new(),
        }
    }
}

/// Reads typed fields from one sheet with a recognised column header.
pub struct Reader<'a> {
    /// The sheet.
    pub sheet: &'a Sheet,
    /// The file name.
    pub file: &'a Arc<str>,
    /// The table kind (for invalid-value records).
    pub kind: TableKind,
    /// Column key → sheet column.
    pub columns: Vec<(&'static str, u32, &'static str)>,
    /// Invalid values found so far.
    pub invalid: &'a mut Vec<InvalidValue>,
    /// 许可期限 already read in this table, by text: a ledger repeats a few terms on every row,
    /// and reading one (dates, ranges, durations) is the costliest of the value parsers.
    terms: foldhash::HashMap<String, Parsed<LicenseTerm>>,
    /// Money columns whose header says 万元 (采购价格（万元）): a bare figure under it is
    /// in 万元, the model keeps 元.
    in_wan: Vec<&'static str>,
}

impl<'a> Reader<'a> {
    /// A reader over the columns a header match recognised.
    pub fn new(
        sheet: &'a Sheet,
        file: &'a Arc<str>,
        kind: TableKind,
        header: Option<&HeaderMatch>,
        specs: &[ColumnSpec],
        invalid: &'a mut Vec<InvalidValue>,
    ) -> Self {
        let columns = header
            .map(|h| {
                h.columns
                    .iter()
                    .map(|(c, i)| (specs[*i].key, *c, specs[*i].header))
                    .collect()
            })
            .unwrap_or_default();
        let in_wan = header
            .map(|h| {
                h.columns
                    .iter()
                    .filter(|(c, _)| crate::base::text::norm(&h.typed(sheet, *c)).contains("万元"))
                    .map(|(_, i)| specs[*i].key)
                    .collect()
            })
            .unwrap_or_default();
        Reader {
            sheet,
            file,
            kind,
            columns,
            invalid,
            terms: Default::default(),
            in_wan,
        }
    }

    /// The sheet column of a key.
    pub fn col(&self, key: &str) -> Option<u32> {
        self.columns.iter().find(|c| c.0 == key).map(|c| c.1)
    }

    fn header_of(&self, key: &str) -> &'static str {
        self.columns
            .iter()
            .find(|c| c.0 == key)
            .map(|c| c.2)
            .unwrap_or("")
    }

    /// The cell shown at (row, key) and its reference; merged cells (a department typed once
    /// for several rows) give the merged value and point at the cell that holds it.
    pub fn cell(&self, row: u32, key: &str) -> Option<(&'a Cell, CellRef)> {
        let col = self.col(key)?;
        let (r, c) = match self.sheet.merge_at(row, col) {
            Some(m) => (m.first_row, m.first_col),
            None => (row, col),
        };
        Some((
            self.sheet.get(r, c),
            CellRef::new(self.file, &self.sheet.name, r, c),
        ))
    }

    /// Read a field with a parser; an unreadable value is recorded with its expected type.
    pub fn field<T>(
        &mut self,
        row: u32,
        key: &str,
        expected: Option<ValueType>,
        parse: impl FnOnce(&Cell) -> Parsed<T>,
    ) -> Field<T> {
        let Some((cell, at)) = self.cell(row, key) else {
            return Field::absent();
        };
        let f = Field::read(cell, Some(at), parse);
        if let (Parsed::Invalid, Some(expected)) = (&f.parsed, expected) {
            self.invalid.push(InvalidValue {
                table: self.kind,
                column: self
                    .columns
                    .iter()
                    .find(|c| c.0 == key)
                    .map(|c| c.0)
                    .unwrap_or(""),
                header: crate::base::text::norm(self.header_of(key)),
                expected,
                raw: f.raw.clone(),
                cell: f.cell.clone().expect("read fields have a cell"),
            });
        }
        f
    }

    /// Text.
    pub fn text(&mut self, row: u32, key: &str) -> Field<String> {
        self.field(row, key, None, values::text)
    }
    /// A software name (软件名称), without a system's `* ` marker.
    pub fn name(&mut self, row: u32, key: &str) -> Field<String> {
        self.field(row, key, None, values::name)
    }
    /// A code (软件编号, 计算机编号).
    pub fn code(&mut self, row: u32, key: &str) -> Field<String> {
        if key == "id" && self.keyed_by_name() {
            // No 软件编号 column: the software is known by its name (seed 003's field list
            // has no number), read from the name's cell.
            return self.field(row, "name", None, values::name);
        }
        self.field(row, key, None, values::code)
    }

    /// Whether the table names its software with no number column, by name alone.
    pub fn keyed_by_name(&self) -> bool {
        self.col("id").is_none() && self.col("name").is_some()
    }
    /// A date.
    pub fn date(&mut self, row: u32, key: &str) -> Field<NaiveDate> {
        self.field(row, key, Some(ValueType::Date), values::date)
    }
    /// A purchase time (date or month).
    pub fn purchase_time(&mut self, row: u32, key: &str) -> Field<PurchaseTime> {
        self.field(row, key, Some(ValueType::Month), values::purchase_time)
    }
    /// A count.
    pub fn count(&mut self, row: u32, key: &str) -> Field<i64> {
        self.field(row, key, Some(ValueType::Count), values::count)
    }
    /// Money.
    pub fn money(&mut self, row: u32, key: &str) -> Field<f64> {
        let mut f = self.field(row, key, Some(ValueType::Money), values::money);
        // A figure that names its own unit (1200元, 0.12万元) was read in 元 already.
        if self.in_wan.contains(&key) && !f.raw.contains(['元', '万']) {
            if let Parsed::Value(v) = &mut f.parsed {
                *v = (*v * 10_000.0 * 100.0).round() / 100.0;
            }
        }
        f
    }
    /// A license term.
    pub fn term(&mut self, row: u32, key: &str) -> Field<LicenseTerm> {
        if key == "term" && self.col("term_end").is_some() {
            return self.split_term(row);
        }
        let mut terms = std::mem::take(&mut self.terms);
        let f = self.field(row, key, Some(ValueType::Term), |c| match c {
            Cell::Text(s) => match terms.get(s.as_str()) {
                Some(known) => known.clone(),
                None => {
                    let parsed = values::term(c);
                    // Bounded: a sheet of all-different texts gains nothing from it.
                    if terms.len() < 4096 {
                        terms.insert(s.clone(), parsed.clone());
                    }
                    parsed
                }
            },
            _ => values::term(c),
        });
        self.terms = terms;
        f
    }
    /// A term kept in two columns, its start and its end (永久 for none): one term, at the
    /// end's cell (what expiry is judged by), or at the start's when the end is blank.
    fn split_term(&mut self, row: u32) -> Field<LicenseTerm> {
        use values::Parsed as P;
        let start = self.field(row, "term", None, values::date);
        let end = self.field(row, "term_end", None, values::term);
        let parsed = match (&start.parsed, &end.parsed) {
            (_, P::Value(LicenseTerm::Perpetual)) => P::Value(LicenseTerm::Perpetual),
            (P::Value(s), P::Value(LicenseTerm::Until(e))) => {
                P::Value(LicenseTerm::Between(*s, *e))
            }
            (_, P::Value(t)) => P::Value(*t),
            (P::Empty, P::Empty) => P::Empty,
            (P::Empty | P::NotApplicable, P::Empty | P::NotApplicable) => P::NotApplicable,
            _ => P::Invalid,
        };
        let raw = [start.raw.trim(), end.raw.trim()]
            .iter()
            .filter(|t| !t.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join("至");
        let cell = match &end.parsed {
            P::Empty => start.cell.clone().or(end.cell.clone()),
            _ => end.cell.clone().or(start.cell.clone()),
        };
        if let (P::Invalid, Some(at)) = (&parsed, &cell) {
            self.invalid.push(InvalidValue {
                table: self.kind,
                column: "term",
                header: crate::base::text::norm(self.header_of("term")),
                expected: ValueType::Term,
                raw: raw.clone(),
                cell: at.clone(),
            });
        }
        Field { parsed, raw, cell }
    }

    /// A version list.
    pub fn versions(&mut self, row: u32, key: &str) -> Field<Vec<String>> {
        self.field(row, key, None, values::version_list)
    }
    /// One checkbox.
    pub fn checkbox(&mut self, row: u32, key: &str, option: &str) -> Field<bool> {
        self.field(row, key, Some(ValueType::Checkbox), |c| {
            values::checkbox(c, option)
        })
    }

    /// The software type from three checkbox columns, or from one text column `kind`.
    pub fn kind_choice(&mut self, row: u32) -> Choice<SoftwareKind> {
        let keys = [
            ("kind_commercial", SoftwareKind::Commercial),
            ("kind_oem", SoftwareKind::Oem),
            ("kind_free", SoftwareKind::Free),
        ];
        if keys.iter().any(|(k, _)| self.col(k).is_some()) {
            let mut choice = Choice::absent();
            choice.cells.reserve_exact(keys.len());
            for (i, (key, kind)) in keys.into_iter().enumerate() {
                let f = self.checkbox(row, key, kind.label());
                if f.value() == Some(&true) {
                    choice.ticked.push(kind);
                }
                if i > 0 {
                    choice.raw.push_str(" | ");
                }
                choice.raw.push_str(if f.raw.is_empty() {
                    "（空）"
                } else {
                    &f.raw
                });
                choice.cells.extend(f.cell);
            }
            return choice;
        }
        let f = self.field(row, "kind", Some(ValueType::Kind), values::kind);
        Choice {
            ticked: f.value().copied().into_iter().collect(),
            cells: f.cell.into_iter().collect(),
            raw: f.raw,
        }
    }

    /// The reference of (row, col of key), or of the row's first recognised column.
    pub fn at(&self, row: u32, key: &str) -> CellRef {
        let col = self
            .col(key)
            .or_else(|| self.columns.iter().map(|c| c.1).min())
            .unwrap_or(0);
        CellRef::new(self.file, &self.sheet.name, row, col)
    }
}

/// A typed header block (单位名称, 填表人, 联系电话, 填表日期 and the summary's counts).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderBlock {
    /// 单位名称.
    pub unit: Option<Field<String>>,
    /// 填表人.
    pub filler: Option<Field<String>>,
    /// 联系电话.
    pub phone: Option<Field<String>>,
    /// 填表日期.
    pub filled_on: Option<Field<NaiveDate>>,
    /// 经手人 (purchase plan, demand).
    pub handler: Option<Field<String>>,
    /// 申请部门 (demand).
    pub department: Option<Field<String>>,
    /// 总人数.
    pub people_total: Option<Field<i64>>,
    /// 使用计算机人数.
    pub people_using: Option<Field<i64>>,
    /// 服务器数.
    pub servers: Option<Field<i64>>,
    /// 台式机数.
    pub desktops: Option<Field<i64>>,
    /// 便携机数.
    pub laptops: Option<Field<i64>>,
    /// Values typed inside their label's cell, where they sit in its text.
    pub inline: Vec<InlineValue>,
}

/// A header value typed inside its label's cell ("人员情况：总人数 45 人　使用计算机人数 40 人"):
/// a writer that fills it rewrites that part of the text and keeps the rest.
#[derive(Debug, Clone, PartialEq)]
pub struct InlineValue {
    /// The label's key (`people_using` …).
    pub key: &'static str,
    /// The cell.
    pub cell: CellRef,
    /// The cell's whole text.
    pub text: String,
    /// The value's characters in the text (start, end), up to the next label.
    pub chars: (usize, usize),
}

impl InlineValue {
    /// The cell's text with the value replaced by `value`: the number typed there, or the
    /// blank before its unit ("使用计算机人数　　人" → "使用计算机人数 40 人").
    pub fn with(&self, value: &str) -> String {
        let chars: Vec<char> = self.text.chars().collect();
        let (a, b) = (self.chars.0.min(chars.len()), self.chars.1.min(chars.len()));
        let before: String = chars[..a].iter().collect();
        let part: String = chars[a..b].iter().collect();
        let after: String = chars[b..].iter().collect();
        let digits = part.find(|c: char| c.is_ascii_digit());
        let part = match digits {
            Some(i) => {
                let end = part[i..]
                    .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
                    .map_or(part.len(), |e| i + e);
                format!("{}{value}{}", &part[..i], &part[end..])
            }
            // Nothing typed after the label: the number alone.
            None if part.trim().is_empty() => value.to_string(),
            None => {
                let rest = part.trim_start_matches(|c: char| c.is_whitespace() || c == '_');
                format!(" {value} {rest}")
            }
        };
        format!("{before}{part}{after}")
    }
}

impl HeaderBlock {
    /// Parse the header block in `rows` with the labels of the table.
    pub fn read(
        sheet: &Sheet,
        file: &Arc<str>,
        rows: impl IntoIterator<Item = u32>,
        labels: &[HeaderLabel],
        kind: TableKind,
        invalid: &mut Vec<InvalidValue>,
    ) -> HeaderBlock {
        let entries = header_block(sheet, file, rows, labels);
        let mut h = HeaderBlock::default();
        for e in &entries {
            if let Some(chars) = e.inline {
                h.inline.push(InlineValue {
                    key: e.key,
                    cell: e.label_cell.clone(),
                    text: sheet.get(e.label_cell.row, e.label_cell.col).display(),
                    chars,
                });
            }
            match e.key {
                "unit" => {
                    set(&mut h.unit, e, values::text);
                }
                "filler" => {
                    set(&mut h.filler, e, values::text);
                }
                "phone" => {
                    set(&mut h.phone, e, values::text);
                }
                "handler" => {
                    set(&mut h.handler, e, values::text);
                }
                "department" => {
                    set(&mut h.department, e, values::text);
                }
                "filled_on" => {
                    if set(&mut h.filled_on, e, values::date) {
                        record(
                            invalid,
                            kind,
                            "填表日期",
                            ValueType::Date,
                            h.filled_on.as_ref(),
                        );
                    }
                }
                key => {
                    let (slot, label) = match key {
                        "people_total" => (&mut h.people_total, "总人数"),
                        "people_using" => (&mut h.people_using, "使用计算机人数"),
                        "servers" => (&mut h.servers, "服务器数"),
                        "desktops" => (&mut h.desktops, "台式机数"),
                        "laptops" => (&mut h.laptops, "便携机数"),
                        _ => continue,
                    };
                    if set(slot, e, values::count) {
                        record(invalid, kind, label, ValueType::Count, slot.as_ref());
                    }
                }
            }
        }
        h
    }
}

/// Fill a header slot from an entry unless an earlier entry already gave it a value;
/// returns whether the slot was set from this entry.
fn set<T>(slot: &mut Option<Field<T>>, e: &HeaderEntry, parse: fn(&Cell) -> Parsed<T>) -> bool {
    if slot.as_ref().is_some_and(|f| f.is_filled()) {
        return false;
    }
    *slot = Some(Field::read(&e.value, Some(e.value_cell.clone()), parse));
    true
}

fn record<T>(
    invalid: &mut Vec<InvalidValue>,
    table: TableKind,
    header: &str,
    expected: ValueType,
    field: Option<&Field<T>>,
) {
    if let Some(f) = field.filter(|f| f.is_invalid()) {
        invalid.push(InvalidValue {
            table,
            column: "header",
            header: header.to_string(),
            expected,
            raw: f.raw.clone(),
            cell: f.cell.clone().expect("header fields have a cell"),
        });
    }
}

/// A list table's frame: its meta, column header and data rows.
pub struct ListFrame {
    /// Where and how it was found.
    pub meta: TableMeta,
    /// The column header, when one was recognised.
    pub header: Option<HeaderMatch>,
    /// Data rows (empty without a header).
    pub rows: crate::workbook::rows::DataRows,
}

impl ListFrame {
    /// Rows above the column header that may hold the header block.
    pub fn header_block_rows(&self) -> std::ops::Range<u32> {
        // From under the title; from the region's start where it begins above the title (a
        // sheet's header block printed once above the first of its tables).
        let start = match self.meta.title.as_ref() {
            Some(t) if t.row > self.meta.first_row => self.meta.first_row,
            Some(t) => t.row + 1,
            None => self.meta.first_row,
        };
        let end = self
            .header
            .as_ref()
            .map(|h| h.first_row)
            .unwrap_or(self.meta.last_row + 1);
        start..end.max(start)
    }

    /// Rows after the data (signatures, approvals, sometimes 填表人).
    pub fn footer_rows(&self) -> std::ops::RangeInclusive<u32> {
        self.rows.end..=self.meta.last_row
    }
}

/// Locate the column header and the data rows of a list table in its region.
pub fn list_frame(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &crate::workbook::locate::Located,
    specs: &[ColumnSpec],
) -> ListFrame {
    use crate::workbook::layout::{apply_hints, find_header_with, match_header_row};
    let header = match loc.header_row {
        // Where the user said the header is, it is there, whatever its words.
        Some(r) => apply_hints(
            sheet,
            match_header_row(sheet, r, r + 2, specs),
            Some(r),
            specs,
            &loc.columns,
        ),
        None => {
            let from = loc.title.map_or(loc.first_row, |(r, _)| r);
            let search_to = loc.last_row.min(from + 40);
            find_header_with(sheet, from, search_to, specs, &loc.columns)
        }
    };
    let mut header = header;
    let rows = match &header {
        Some(h) => crate::workbook::rows::data_rows(sheet, h, specs, loc.last_row),
        None => crate::workbook::rows::DataRows {
            end: loc.last_row + 1,
            ..Default::default()
        },
    };
    if let Some(h) = header.as_mut() {
        crate::workbook::infer::infer_columns(sheet, h, specs, &rows.rows, &super::infer::fits);
    }
    let mut meta = meta_of(sheet, file, loc, header.as_ref(), specs);
    // A ledger that names its software without numbers (the 003 notice's field list has none)
    // lacks no column: its rows match by name.
    let has = |key: &str| meta.columns.iter().any(|c| c.key == key);
    if header.is_some()
        && !has("id")
        && has("name")
        && specs.iter().any(|s| s.key == "id" && s.required)
    {
        meta.missing_columns.retain(|h| *h != "软件编号");
        meta.keyed_by_name = true;
    }
    meta.skipped = rows.skipped.clone();
    meta.data = match (rows.rows.first(), rows.rows.last()) {
        (Some(&a), Some(&b)) => Some((a, b, rows.rows.len())),
        _ => None,
    };
    ListFrame { meta, header, rows }
}

/// The meta of a located table with an optional column header.
pub fn meta_of(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &crate::workbook::locate::Located,
    header: Option<&HeaderMatch>,
    specs: &[ColumnSpec],
) -> TableMeta {
    let clean_header = |h: &str| h.replace('\n', "");
    TableMeta {
        kind: loc.kind,
        file: file.clone(),
        sheet: sheet.name.clone(),
        title: loc
            .title
            .map(|(r, c)| CellRef::new(file, &sheet.name, r, c)),
        title_text: loc.title_text.clone(),
        header_rows: header.map(|h| (h.first_row, h.last_row)),
        columns: header
            .map(|h| {
                h.columns
                    .iter()
                    .map(|(c, i)| ColumnInfo {
                        key: specs[*i].key,
                        col: *c,
                        header: specs[*i].header,
                        typed: h.typed(sheet, *c),
                        source: h.source(*c),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        unknown_columns: header
            .map(|h| {
                h.unknown
                    .iter()
                    .map(|(r, c, t)| (CellRef::new(file, &sheet.name, *r, *c), clean_header(t)))
                    .collect()
            })
            .unwrap_or_default(),
        missing_columns: match header {
            Some(h) => h.missing.iter().map(|i| specs[*i].header).collect(),
            None => specs
                .iter()
                .filter(|s| s.required)
                .map(|s| s.header)
                .collect(),
        },
        first_row: loc.first_row,
        last_row: loc.last_row,
        evidence: loc.evidence,
        skipped: Vec::new(),
        data: None,
        implied: Vec::new(),
        keyed_by_name: false,
    }
}

#[cfg(test)]
mod tests {
    /// A ledger built from seed 003's field list has no 软件编号: its software is matched by
    /// name, and no table lacks a column for it.
    #[test]
    fn a_ledger_without_numbers_knows_its_software_by_name() {
        let summary: Vec<Vec<&str>> = vec![
            vec!["软件汇总表"],
            vec![
                "序号",
                "软件名称",
                "版本",
                "来源类型",
                "授权数量",
                "已安装数量",
            ],
            vec!["1", "WPS Office 2019", "专业版", "采购", "5", "2"],
            vec!["2", "7-Zip", "", "免费", "—", "1"],
        ];
        let usage: Vec<Vec<&str>> = vec![
            vec!["软件使用明细表"],
            vec![
                "序号",
                "科室",
                "使用者姓名",
                "计算机编号",
                "软件名称",
                "来源类型",
                "安装日期",
            ],
            vec![
                "1",
                "办公室",
                "张三",
                "PC-01",
                "WPS Office 2019",
                "采购",
                "2024-03-01",
            ],
            vec![
                "2",
                "办公室",
                "李四",
                "PC-02",
                "WPS Office 2019",
                "采购",
                "2024-03-02",
            ],
            vec![
                "3",
                "办公室",
                "李四",
                "PC-02",
                "7-Zip",
                "免费",
                "2024-03-02",
            ],
        ];
        let unit = crate::ledger::from_text("t.xlsx", &[("汇总", &summary), ("明细", &usage)]);
        let s = unit.summary().expect("the summary");
        assert!(s.meta.keyed_by_name);
        assert!(
            s.meta.missing_columns.is_empty(),
            "{:?}",
            s.meta.missing_columns
        );
        assert_eq!(s.rows[0].id(), Some("WPS Office 2019"));
        assert_eq!(s.rows[0].id.cell, s.rows[0].name.cell, "the name's cell");
        let u = unit.usage().expect("the usage ledger");
        assert!(
            u.meta.missing_columns.is_empty(),
            "{:?}",
            u.meta.missing_columns
        );
        let ids: Vec<Option<&str>> = u.rows.iter().map(|r| r.id()).collect();
        assert_eq!(
            ids,
            [
                Some("WPS Office 2019"),
                Some("WPS Office 2019"),
                Some("7-Zip")
            ]
        );
    }

    #[test]
    fn money_under_a_header_in_wan_yuan_is_kept_in_yuan() {
        let summary = vec![
            vec!["软件使用情况汇总表"],
            vec![
                "序号",
                "软件编号",
                "软件名称",
                "软件类型",
                "采购金额（万元）",
                "许可数量",
                "安装数量",
            ],
            vec!["1", "RJ01", "WPS", "商业软件", "0.255", "3", "2"],
            vec!["2", "RJ02", "UOS", "商业软件", "0.12万元", "1", "1"],
            vec!["3", "RJ03", "Office", "商业软件", "760元", "1", "1"],
        ];
        let unit = crate::ledger::from_text("t.xlsx", &[("汇总", &summary)]);
        let s = unit.summary().expect("the summary");
        let amounts: Vec<Option<f64>> = s
            .rows
            .iter()
            .map(|r| r.terms().and_then(|t| t.amount.value().copied()))
            .collect();
        assert_eq!(amounts, [Some(2550.0), Some(1200.0), Some(760.0)]);
    }
}
