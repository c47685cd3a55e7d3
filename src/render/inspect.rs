//! What the reader understood of a unit's workbooks, for the clerk whose ledger is misread and
//! for us: per sheet, the table recognised and what told it, the column header and each
//! column's field with the text it came from, the data rows, the rows skipped and why, the
//! header block; and the sheets where no table was found, with what they hold. Drawn as text
//! (`zhengban inspect`) or as JSON (`--format json`), both from one plain-data view.

use serde::Serialize;

use crate::base::cell::{a1, column_letters};
use crate::base::gate;
use crate::ledger::table::{HeaderBlock, TableMeta};
use crate::ledger::unrecognised::Unrecognised;
use crate::ledger::values::Field;
use crate::ledger::Unit;
use crate::workbook::layout::MappingSource;
use crate::workbook::locate::Evidence;
use crate::workbook::rows::SkippedRows;

/// One unit as read.
#[derive(Debug, Serialize)]
pub struct UnitView {
    /// 单位名称 as found (or the file/folder name).
    pub unit: String,
    /// The files read.
    pub files: Vec<String>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<(String, String)>,
    /// The tables found, in file and sheet order.
    pub tables: Vec<TableView>,
    /// Sheets with no table, and what they hold.
    pub sheets_without_table: Vec<SheetView>,
}

/// A field stated outside the columns, for every row or for each group of rows.
#[derive(Debug, Clone, Serialize)]
pub struct ImpliedView {
    /// The field (published header).
    pub field: &'static str,
    /// Its value (the first group's, when stated per group).
    pub value: String,
    /// Where it is written (A1).
    pub cell: String,
    /// Stated over each group of rows (a caption per computer).
    pub per_group: bool,
}

/// One table as read.
#[derive(Debug, Serialize)]
pub struct TableView {
    /// The file.
    pub file: String,
    /// The sheet.
    pub sheet: String,
    /// The table's key (`summary`, `usage` …).
    pub kind: &'static str,
    /// Its Chinese name.
    pub name: &'static str,
    /// 软件编号 of a maintenance log.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub software: Option<String>,
    /// The title cell (A1) and its text.
    pub title: Option<(String, String)>,
    /// What told the kind.
    pub recognised_by: Evidence,
    /// The column header's rows (1-based, first and last).
    pub header_rows: Option<(u32, u32)>,
    /// The columns mapped to fields, in sheet order.
    pub columns: Vec<ColumnView>,
    /// Fields stated once for every row instead of in a column: (field, value, A1).
    pub implied: Vec<ImpliedView>,
    /// The table has no 软件编号 column and matches its software by name.
    pub keyed_by_name: bool,
    /// Header cells mapped to no field: (A1, text).
    pub unmapped_columns: Vec<(String, String)>,
    /// Required columns not found (published headers).
    pub missing_columns: Vec<String>,
    /// The data rows (1-based first and last, and how many).
    pub data_rows: Option<DataView>,
    /// Rows inside the table that are not data.
    pub skipped_rows: Vec<SkippedView>,
    /// The header block's values: (label, A1, value as typed).
    pub header_block: Vec<(&'static str, String, String)>,
}

/// A mapped column.
#[derive(Debug, Serialize)]
pub struct ColumnView {
    /// The sheet column (A, B …).
    pub column: String,
    /// The field's key.
    pub key: &'static str,
    /// The field's published header.
    pub field: String,
    /// The header as typed.
    pub header: String,
    /// How it was mapped.
    pub source: MappingSource,
}

/// The data rows of a table.
#[derive(Debug, Serialize)]
pub struct DataView {
    /// First data row (1-based).
    pub first: u32,
    /// Last data row (1-based).
    pub last: u32,
    /// How many.
    pub count: usize,
}

/// A run of skipped rows, 1-based.
#[derive(Debug, Serialize)]
pub struct SkippedView {
    /// First row.
    pub first: u32,
    /// Last row.
    pub last: u32,
    /// Why (`blank`, `subtotal` …).
    pub why: crate::workbook::rows::RowKind,
    /// The label or note that told, if any.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
}

/// A sheet without a table.
#[derive(Debug, Serialize)]
pub struct SheetView {
    /// The file.
    pub file: String,
    /// The sheet.
    pub sheet: String,
    /// What it holds.
    #[serde(flatten)]
    pub holds: Unrecognised,
}

/// A column's published header without its line break and unit ("采购金额\n(单位:元)" →
/// "采购金额").
fn field_name(header: &str) -> String {
    let h = header.replace('\n', "");
    match h.find(['(', '（']) {
        Some(at) if at > 0 => h[..at].to_string(),
        _ => h,
    }
}

/// The view of a unit.
pub fn view(unit: &Unit) -> UnitView {
    let mut tables: Vec<(usize, usize, u32, TableView)> = unit
        .tables()
        .into_iter()
        .map(|(meta, header)| {
            let software = unit
                .maintenance
                .iter()
                .find(|m| std::ptr::eq(&m.meta, meta))
                .and_then(|m| m.id().map(str::to_string));
            let place = place(unit, &meta.file, &meta.sheet);
            (
                place.0,
                place.1,
                meta.first_row,
                table(meta, header, software),
            )
        })
        .collect();
    tables.sort_by_key(|t| (t.0, t.1, t.2));
    UnitView {
        unit: unit.name.clone(),
        files: unit.files.iter().map(|f| f.to_string()).collect(),
        unreadable: unit
            .unreadable
            .iter()
            .map(|(f, e)| (f.to_string(), e.to_string()))
            .collect(),
        tables: tables.into_iter().map(|t| t.3).collect(),
        sheets_without_table: unit
            .unrecognised
            .iter()
            .map(|s| SheetView {
                file: s.file.to_string(),
                sheet: s.sheet.to_string(),
                holds: s.holds.clone(),
            })
            .collect(),
    }
}

/// (file index, sheet index) of a sheet, for ordering.
fn place(unit: &Unit, file: &str, sheet: &str) -> (usize, usize) {
    let f = unit.files.iter().position(|x| &**x == file).unwrap_or(0);
    let s = unit
        .books
        .iter()
        .find(|b| &*b.file == file)
        .and_then(|b| b.sheets.iter().position(|x| &**x == sheet))
        .unwrap_or(0);
    (f, s)
}

fn table(meta: &TableMeta, header: Option<&HeaderBlock>, software: Option<String>) -> TableView {
    let mut columns: Vec<ColumnView> = meta
        .columns
        .iter()
        .map(|c| ColumnView {
            column: column_letters(c.col),
            key: c.key,
            field: field_name(c.header),
            header: c.typed.replace('\n', " "),
            source: c.source,
        })
        .collect();
    columns.sort_by_key(|c| (c.column.len(), c.column.clone()));
    TableView {
        file: meta.file.to_string(),
        sheet: meta.sheet.to_string(),
        kind: meta.kind.key(),
        name: meta.kind.title(),
        software,
        title: meta
            .title
            .as_ref()
            .map(|t| (t.a1(), meta.title_text.replace('\n', " "))),
        recognised_by: meta.evidence,
        header_rows: meta.header_rows.map(|(a, b)| (a + 1, b + 1)),
        columns,
        keyed_by_name: meta.keyed_by_name,
        implied: meta
            .implied
            .iter()
            .map(|i| ImpliedView {
                field: i.header,
                value: i.value.clone(),
                cell: i.cell.a1(),
                per_group: i.per_group,
            })
            .collect(),
        unmapped_columns: meta
            .unknown_columns
            .iter()
            .map(|(c, t)| (c.a1(), t.clone()))
            .collect(),
        missing_columns: meta
            .missing_columns
            .iter()
            .map(|h| h.replace('\n', ""))
            .collect(),
        data_rows: meta.data.map(|(first, last, count)| DataView {
            first: first + 1,
            last: last + 1,
            count,
        }),
        skipped_rows: meta.skipped.iter().map(skipped).collect(),
        header_block: header.map(header_block).unwrap_or_default(),
    }
}

fn skipped(s: &SkippedRows) -> SkippedView {
    SkippedView {
        first: s.first + 1,
        last: s.last + 1,
        why: s.why,
        text: s.text.clone(),
    }
}

fn header_block(h: &HeaderBlock) -> Vec<(&'static str, String, String)> {
    fn one<T>(
        out: &mut Vec<(&'static str, String, String)>,
        label: &'static str,
        f: &Option<Field<T>>,
    ) {
        if let Some(f) = f {
            let at = f.cell.as_ref().map(|c| c.a1()).unwrap_or_default();
            out.push((label, at, f.raw.clone()));
        }
    }
    let mut out = Vec::new();
    one(&mut out, "单位名称", &h.unit);
    one(&mut out, "申请部门", &h.department);
    one(&mut out, "填表人", &h.filler);
    one(&mut out, "经手人", &h.handler);
    one(&mut out, "联系电话", &h.phone);
    one(&mut out, "填表日期", &h.filled_on);
    one(&mut out, "总人数", &h.people_total);
    one(&mut out, "使用计算机人数", &h.people_using);
    one(&mut out, "服务器数", &h.servers);
    one(&mut out, "台式机数", &h.desktops);
    one(&mut out, "便携机数", &h.laptops);
    out
}

/// What told a table's kind, in words.
fn evidence(e: &Evidence, title: Option<&(String, String)>) -> String {
    match e {
        Evidence::PublishedTitle => "按标题（模板的表名）".into(),
        Evidence::OwnTitle { word } => format!("按标题中的“{word}”，列标题相符"),
        Evidence::Header if title.is_some() => "按列标题（标题没有说明是哪张表）".into(),
        Evidence::Header => "按列标题（没有标题）".into(),
        Evidence::Config => "按配置文件".into(),
    }
}

/// Rows 1-based as "第 3 行" or "第 3–5 行".
fn rows(first: u32, last: u32) -> String {
    if first == last {
        format!("第 {first} 行")
    } else {
        format!("第 {first}–{last} 行")
    }
}

/// The view drawn as text for a terminal or a file, controls in the input shown escaped.
pub fn text(v: &UnitView) -> String {
    let mut out = String::new();
    out.push_str(&format!("━━ {} ━━\n", v.unit));
    for f in &v.files {
        out.push_str(&format!("   {f}\n"));
    }
    for (f, why) in &v.unreadable {
        out.push_str(&format!("   读不了 {f}：{why}\n"));
    }
    let mut last_sheet: Option<(&str, &str)> = None;
    let multi_file = v.files.len() > 1;
    let sheet_label = |file: &str, sheet: &str| {
        if multi_file {
            format!("{file} › 工作表“{sheet}”")
        } else {
            format!("工作表“{sheet}”")
        }
    };
    for t in &v.tables {
        if last_sheet != Some((&t.file, &t.sheet)) {
            out.push_str(&format!("\n{}\n", sheet_label(&t.file, &t.sheet)));
            last_sheet = Some((&t.file, &t.sheet));
        }
        let software = t
            .software
            .as_ref()
            .map(|s| format!("（{s}）"))
            .unwrap_or_default();
        out.push_str(&format!("  {}{software}\n", t.name));
        match &t.title {
            Some((cell, text)) => out.push_str(&format!(
                "    标题      {cell} “{text}”，{}\n",
                evidence(&t.recognised_by, t.title.as_ref())
            )),
            None => out.push_str(&format!(
                "    标题      无，{}\n",
                evidence(&t.recognised_by, None)
            )),
        }
        match t.header_rows {
            Some((a, b)) => out.push_str(&format!("    列标题    {}\n", rows(a, b))),
            None => out.push_str("    列标题    没有找到\n"),
        }
        for c in &t.columns {
            let how = match c.source {
                MappingSource::BuiltIn => String::new(),
                other => format!("（{}）", other.describe()),
            };
            let typed = if c.header == c.field {
                String::new()
            } else {
                format!(" ← “{}”", c.header)
            };
            let unchecked = if crate::schema::UNCHECKED_COLUMNS.contains(&c.key) {
                "（不检查）"
            } else {
                ""
            };
            out.push_str(&format!(
                "      {:>2} {}{typed}{how}{unchecked}\n",
                c.column, c.field
            ));
        }
        if t.keyed_by_name {
            out.push_str("       · 软件编号：本表没有这一列，按软件名称与其他表对应\n");
        }
        for i in &t.implied {
            let (field, value, cell) = (i.field, &i.value, &i.cell);
            out.push_str(&if i.per_group {
                format!("       · {field}：取自每组行上方的标题行（第一组 “{value}”，{cell}）\n")
            } else {
                format!("       · {field} “{value}”（每一行都是，取自 {cell}）\n")
            });
        }
        if !t.unmapped_columns.is_empty() {
            let list: Vec<String> = t
                .unmapped_columns
                .iter()
                .map(|(cell, text)| format!("{cell} “{text}”"))
                .collect();
            out.push_str(&format!(
                "    未对应的列 {}（内容不检查）\n",
                list.join("、")
            ));
        }
        if !t.missing_columns.is_empty() {
            out.push_str(&format!("    缺少的列  {}\n", t.missing_columns.join("、")));
        }
        match &t.data_rows {
            Some(d) => out.push_str(&format!(
                "    数据      {}，共 {} 行\n",
                rows(d.first, d.last),
                d.count
            )),
            None if t.header_rows.is_some() => out.push_str("    数据      没有数据行\n"),
            None => {}
        }
        for s in &t.skipped_rows {
            let text = if s.text.is_empty() {
                String::new()
            } else {
                format!(" “{}”", s.text)
            };
            out.push_str(&format!(
                "    跳过      {} {}{text}\n",
                rows(s.first, s.last),
                s.why.describe()
            ));
        }
        if !t.header_block.is_empty() {
            let list: Vec<String> = t
                .header_block
                .iter()
                .map(|(label, cell, value)| {
                    let value = if value.trim().is_empty() {
                        "（空）".to_string()
                    } else {
                        format!("“{}”", value.trim())
                    };
                    if cell.is_empty() {
                        format!("{label} {value}")
                    } else {
                        format!("{label} {value}（{cell}）")
                    }
                })
                .collect();
            // One label a line: a header block of nine values does not fit a terminal's line.
            for (i, item) in list.iter().enumerate() {
                let lead = if i == 0 {
                    "    表头信息  "
                } else {
                    "              "
                };
                out.push_str(&format!("{lead}{item}\n"));
            }
        }
    }
    for s in &v.sheets_without_table {
        let label = sheet_label(&s.file, &s.sheet);
        let what = match &s.holds {
            Unrecognised::Empty => "空白".to_string(),
            Unrecognised::Text { at, text } => {
                format!("没有表格，只有文字（{} “{text}”）", a1(at.0, at.1))
            }
            Unrecognised::Grid {
                row,
                headers,
                rows: n,
                ..
            } => format!(
                "有一张表认不出是哪张台账：第 {} 行的列标题 {}，下面 {n} 行",
                row + 1,
                headers
                    .iter()
                    .map(|h| format!("“{h}”"))
                    .collect::<Vec<_>>()
                    .join("")
            ),
        };
        out.push_str(&format!("\n{label}：{what}\n"));
    }
    // Names, headers and values are the workbook's: one pass through the gate for all.
    gate::terminal_lines(&out).into_owned()
}
