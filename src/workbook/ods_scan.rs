//! One pass over an OpenDocument spreadsheet's `content.xml` before calamine reads it: the
//! merged regions, which calamine does not report, and the bounds of what calamine will
//! allocate.
//!
//! Offices merge 部门/姓名/计算机编号 down over a computer's rows; without the merges an ods
//! file would read as rows with those cells empty. calamine reads every table of an ods when
//! it opens the file, repeats a cell `table:number-columns-repeated` times and a row
//! `table:number-rows-repeated` times into a dense grid, and copies a repeated cell's text into
//! every copy: a few bytes of XML can ask for gigabytes. This pass counts those copies with the
//! same rules and refuses the file when they are over the [`Limits`].

use std::collections::HashMap;
use std::io::BufReader;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::grid::{check_merges, sheet_cells};
use super::limits::{count, Limits, MAX_COLS, MAX_ROWS};
use super::xls_scan::{over_sheets, over_text};
use super::{Merge, OpenError};

/// Merged regions per sheet name.
pub(super) type Merges = HashMap<String, Vec<Merge>>;

fn attr<'a>(e: &'a BytesStart, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .map(|a| a.value)
}

/// A count attribute (`…-repeated`, `…-spanned`, `text:c`): at least 1, huge when unreadable
/// digits are huge.
fn attr_count(e: &BytesStart, name: &str) -> u64 {
    let Some(v) = attr(e, name) else {
        return 1;
    };
    let digits: Vec<u8> = v
        .bytes()
        .skip_while(|b| b.is_ascii_whitespace() || *b == b'+')
        .take_while(u8::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return 1;
    }
    std::str::from_utf8(&digits)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or(u64::MAX)
        .max(1)
}

/// A cell calamine keeps (anything but an empty cell): a value, a string type or a formula.
fn holds_value(e: &BytesStart) -> (bool, u64) {
    let mut holds = false;
    let mut payload = 0u64;
    for a in e.attributes().flatten() {
        match a.key.as_ref() {
            "office:value" | "office:boolean-value" => holds = true,
            "office:string-value" | "office:date-value" | "office:time-value" | "table:formula" => {
                holds = true;
                payload += a.value.len() as u64;
            }
            "office:value-type" if a.value.as_ref() == "string" => holds = true,
            _ => {}
        }
    }
    (holds, payload)
}

/// One table being scanned.
struct Table {
    name: String,
    merges: Vec<Merge>,
    /// Rows so far, repeats included and capped at Excel's grid as calamine caps them.
    rows: u64,
    /// First and last+1 row of the rows holding values.
    first: Option<u64>,
    end: u64,
    /// Widest row holding values (columns from A).
    width: u64,
    /// Cells calamine keeps before expanding repeated rows.
    listed: u64,
    /// Bytes of text calamine will hold for this table.
    text: u64,
}

impl Table {
    /// Cells of the dense grid calamine builds (an upper bound: columns counted from A).
    fn dense(&self) -> u64 {
        let rows = self.first.map_or(0, |f| self.end - f);
        rows.saturating_mul(self.width).max(self.listed)
    }
}

/// The row being scanned.
#[derive(Default)]
struct Row {
    repeat: u64,
    col: u64,
    /// Column after the last cell holding a value.
    len: u64,
    text: u64,
}

/// The cell being scanned.
#[derive(Default)]
struct CellScan {
    repeat: u64,
    holds: bool,
    payload: u64,
}

/// Scan `content.xml`: merges per sheet, or the limit the file exceeds. A file this pass
/// cannot parse is left to calamine, which names the damage.
pub(super) fn scan(path: &Path, limits: &Limits) -> Result<Merges, OpenError> {
    let Ok(file) = std::fs::File::open(path) else {
        return Ok(Merges::new());
    };
    let Ok(mut zip) = zip::ZipArchive::new(BufReader::new(file)) else {
        return Ok(Merges::new());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Ok(Merges::new());
    };
    let mut reader = Reader::from_reader(BufReader::new(content));
    let mut buf = Vec::with_capacity(4096);
    let mut out = Merges::new();
    let mut tables = 0u64;
    let (mut workbook_cells, mut workbook_text) = (0u64, 0u64);
    let mut table: Option<Table> = None;
    let mut row: Option<Row> = None;
    let mut cell: Option<CellScan> = None;
    loop {
        buf.clear();
        let Ok(ev) = reader.read_event_into(&mut buf) else {
            return Ok(out);
        };
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().as_ref() {
                "table:table" => {
                    tables += 1;
                    if tables > limits.max_sheets {
                        return Err(over_sheets(tables, limits));
                    }
                    table = Some(Table {
                        name: attr(e, "table:name")
                            .map(|v| {
                                quick_xml::escape::unescape(&v)
                                    .map(|s| s.into_owned())
                                    .unwrap_or_default()
                            })
                            .unwrap_or_default(),
                        merges: Vec::new(),
                        rows: 0,
                        first: None,
                        end: 0,
                        width: 0,
                        listed: 0,
                        text: 0,
                    });
                }
                "table:table-row" => {
                    if let Some(t) = &table {
                        let remaining = (MAX_ROWS as u64).saturating_sub(t.rows);
                        row = Some(Row {
                            repeat: attr_count(e, "table:number-rows-repeated").min(remaining),
                            ..Row::default()
                        });
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    if let (Some(t), Some(r)) = (table.as_mut(), row.as_mut()) {
                        let remaining = (MAX_COLS as u64).saturating_sub(r.col);
                        let repeat = attr_count(e, "table:number-columns-repeated").min(remaining);
                        let (holds, payload) = holds_value(e);
                        let cols = attr_count(e, "table:number-columns-spanned");
                        let rows = attr_count(e, "table:number-rows-spanned");
                        let top_left = e.name().as_ref() == "table:table-cell";
                        if top_left && (cols > 1 || rows > 1) && r.col < MAX_COLS as u64 {
                            let last = |at: u64, span: u64, max: u32| {
                                at.saturating_add(span - 1).min(max as u64 - 1) as u32
                            };
                            if t.rows < MAX_ROWS as u64 {
                                t.merges.push(Merge {
                                    first_row: t.rows as u32,
                                    first_col: r.col as u32,
                                    last_row: last(t.rows, rows, MAX_ROWS),
                                    last_col: last(r.col, cols, MAX_COLS),
                                });
                            }
                        }
                        cell = Some(CellScan {
                            repeat,
                            holds,
                            payload,
                        });
                    }
                }
                "text:s" => {
                    if let Some(c) = cell.as_mut() {
                        c.payload = c.payload.saturating_add(attr_count(e, "text:c"));
                    }
                }
                "text:p" | "text:tab" | "text:line-break" => {
                    if let Some(c) = cell.as_mut() {
                        c.payload += 1;
                    }
                }
                _ => {}
            }
        }
        let end_of = |name: &str| match &ev {
            Event::End(e) => e.name().as_ref() == name,
            Event::Empty(e) => e.name().as_ref() == name,
            _ => false,
        };
        match &ev {
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.payload = c.payload.saturating_add(t.len() as u64);
                }
            }
            Event::GeneralRef(_) => {
                if let Some(c) = cell.as_mut() {
                    c.payload += 4;
                }
            }
            Event::Eof => return Ok(out),
            _ => {}
        }
        if (empty || matches!(ev, Event::End(_)))
            && (end_of("table:table-cell") || end_of("table:covered-table-cell"))
        {
            if let (Some(c), Some(r)) = (cell.take(), row.as_mut()) {
                r.col = r.col.saturating_add(c.repeat);
                if c.holds {
                    r.len = r.col;
                    r.text = r.text.saturating_add(c.payload.saturating_mul(c.repeat));
                }
            }
        }
        if end_of("table:table-row") {
            if let (Some(r), Some(t)) = (row.take(), table.as_mut()) {
                t.listed = t.listed.saturating_add(r.len);
                if r.len > 0 {
                    t.first.get_or_insert(t.rows);
                    t.end = t.rows + r.repeat;
                    t.width = t.width.max(r.len);
                    t.text = t.text.saturating_add(r.text.saturating_mul(r.repeat));
                }
                t.rows += r.repeat;
                if t.dense() > limits.max_sheet_cells {
                    return Err(sheet_cells(&t.name, limits));
                }
                if workbook_text.saturating_add(t.text) > limits.max_text_bytes {
                    return Err(over_text(limits));
                }
            }
        }
        if end_of("table:table") {
            if let Some(t) = table.take() {
                workbook_cells = workbook_cells.saturating_add(t.dense());
                workbook_text = workbook_text.saturating_add(t.text);
                if workbook_cells > limits.max_workbook_cells {
                    return Err(OpenError::OverLimit(format!(
                        "整个工作簿的单元格超过 {} 个（工作簿单元格数上限）",
                        count(limits.max_workbook_cells)
                    )));
                }
                check_merges(&t.name, &t.merges, limits)?;
                if !t.merges.is_empty() {
                    out.entry(t.name).or_default().extend(t.merges);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use proptest::prelude::*;

    use super::*;

    /// An ods file holding only `content.xml`.
    fn ods(content: &str) -> tempfile::NamedTempFile {
        let file = tempfile::Builder::new().suffix(".ods").tempfile().unwrap();
        let mut zip = zip::ZipWriter::new(file.reopen().unwrap());
        let opts = zip::write::SimpleFileOptions::default();
        zip.start_file("mimetype", opts).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", opts).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
        zip.finish().unwrap();
        file
    }

    /// A count attribute as a file may write it: ordinary, huge, zero, negative or no number.
    fn count_text() -> impl Strategy<Value = String> {
        prop_oneof![
            (1u64..40).prop_map(|n| n.to_string()),
            any::<u32>().prop_map(|n| n.to_string()),
            Just("0".to_string()),
            Just("-1".to_string()),
            Just("abc".to_string()),
            Just(u64::MAX.to_string()),
            Just("99999999999999999999999".to_string()),
        ]
    }

    /// One cell: covered or not, and its repeat and span attributes (each may be absent).
    fn cell() -> impl Strategy<Value = String> {
        (
            any::<bool>(),
            proptest::option::of(count_text()),
            proptest::option::of(count_text()),
            proptest::option::of(count_text()),
            any::<bool>(),
        )
            .prop_map(|(covered, repeat, cols, rows, text)| {
                let name = if covered {
                    "table:covered-table-cell"
                } else {
                    "table:table-cell"
                };
                let mut attrs = String::new();
                for (key, v) in [
                    ("table:number-columns-repeated", repeat),
                    ("table:number-columns-spanned", cols),
                    ("table:number-rows-spanned", rows),
                ] {
                    if let Some(v) = v {
                        attrs.push_str(&format!(" {key}=\"{v}\""));
                    }
                }
                if text {
                    format!(
                        "<{name}{attrs} office:value-type=\"string\"><text:p>x</text:p></{name}>"
                    )
                } else {
                    format!("<{name}{attrs}/>")
                }
            })
    }

    fn content(rows: &[(Option<String>, Vec<String>)]) -> String {
        let mut xml = String::from(
            "<?xml version=\"1.0\"?><office:document-content><office:body>\
             <office:spreadsheet><table:table table:name=\"S\">",
        );
        for (repeat, cells) in rows {
            match repeat {
                Some(r) => xml.push_str(&format!(
                    "<table:table-row table:number-rows-repeated=\"{r}\">"
                )),
                None => xml.push_str("<table:table-row>"),
            }
            for c in cells {
                xml.push_str(c);
            }
            xml.push_str("</table:table-row>");
        }
        xml.push_str("</table:table></office:spreadsheet></office:body></office:document-content>");
        xml
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(96))]

        /// Whatever a file says its spans and repeats are, the scan ends, and every merge it
        /// reports lies inside Excel's grid with its first cell before its last.
        #[test]
        fn merges_stay_in_the_grid(
            rows in proptest::collection::vec(
                (proptest::option::of(count_text()), proptest::collection::vec(cell(), 0..6)),
                0..8,
            )
        ) {
            let file = ods(&content(&rows));
            let cells: usize = rows.iter().map(|(_, c)| c.len()).sum();
            if let Ok(merges) = scan(file.path(), &Limits::default()) {
                let all: Vec<&Merge> = merges.values().flatten().collect();
                prop_assert!(all.len() <= cells);
                for m in all {
                    prop_assert!(m.first_row <= m.last_row && m.last_row < MAX_ROWS, "{m:?}");
                    prop_assert!(m.first_col <= m.last_col && m.last_col < MAX_COLS, "{m:?}");
                }
            }
        }
    }

    #[test]
    fn a_span_is_read_as_a_merge() {
        let xml = content(&[(
            None,
            vec![
                "<table:table-cell table:number-columns-spanned=\"2\" table:number-rows-spanned=\"3\"/>"
                    .to_string(),
            ],
        )]);
        let merges = scan(ods(&xml).path(), &Limits::default()).unwrap();
        assert_eq!(
            merges["S"],
            [Merge {
                first_row: 0,
                first_col: 0,
                last_row: 2,
                last_col: 1
            }]
        );
    }
}
