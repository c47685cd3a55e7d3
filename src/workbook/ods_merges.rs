//! Merged regions of OpenDocument spreadsheets, which calamine does not report.
//!
//! Offices merge 部门/姓名/计算机编号 down over a computer's rows; without the merges an
//! ods file would read as rows with those cells empty. This walks `content.xml` with
//! quick-xml and records every cell that spans more than one row or column.

use std::collections::HashMap;
use std::io::Read;
use std::path::Path;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::Merge;

/// Merged regions per sheet name; empty when the file cannot be read this way.
pub fn merges(path: &Path) -> HashMap<String, Vec<Merge>> {
    read(path).unwrap_or_default()
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.0 == name)
        .and_then(|a| {
            quick_xml::escape::unescape(&a.value)
                .ok()
                .map(|v| v.into_owned())
        })
}

fn attr_u32(e: &BytesStart, name: &str) -> u32 {
    attr(e, name)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1)
        .max(1)
}

fn read(path: &Path) -> Option<HashMap<String, Vec<Merge>>> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(file).ok()?;
    let mut xml = String::new();
    zip.by_name("content.xml")
        .ok()?
        .read_to_string(&mut xml)
        .ok()?;
    let mut reader = Reader::from_str(&xml);
    let mut out: HashMap<String, Vec<Merge>> = HashMap::new();
    let mut sheet: Option<String> = None;
    let (mut row, mut col) = (0u32, 0u32);
    let mut row_repeat = 1u32;
    loop {
        let ev = reader.read_event().ok()?;
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            match e.name().0 {
                "table:table" => {
                    sheet = attr(e, "table:name");
                    row = 0;
                }
                "table:table-row" => {
                    col = 0;
                    row_repeat = attr_u32(e, "table:number-rows-repeated");
                    if empty {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let repeat = attr_u32(e, "table:number-columns-repeated");
                    let cols = attr_u32(e, "table:number-columns-spanned");
                    let rows = attr_u32(e, "table:number-rows-spanned");
                    if (cols > 1 || rows > 1) && e.name().0 == "table:table-cell" {
                        if let Some(name) = &sheet {
                            out.entry(name.clone()).or_default().push(Merge {
                                first_row: row,
                                first_col: col,
                                last_row: row + rows - 1,
                                last_col: col + cols - 1,
                            });
                        }
                    }
                    col = col.saturating_add(repeat);
                }
                _ => {}
            }
        }
        match ev {
            Event::End(e) if e.name().0 == "table:table-row" => {
                row = row.saturating_add(row_repeat);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}
