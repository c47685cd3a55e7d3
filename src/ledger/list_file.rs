//! A short list an inspector or a clerk keeps beside the ledgers — the roster of units, the
//! 对照表 of computers — saved as a workbook or as a CSV (UTF-8, or GBK as Excel on a Chinese
//! Windows saves “CSV (逗号分隔)”): read as rows of text, one grid per sheet.

use std::path::Path;

use crate::base::path::shown;
use crate::workbook::{self, Cell, Limits};

/// How many rows from the top a list's title row may be (a title and a note above it).
pub const HEADER_SEARCH_ROWS: usize = 20;

/// Why a list could not be read (the file is named by the caller's message).
#[derive(Debug, thiserror::Error)]
pub enum ListFileError {
    /// The file could not be opened as a workbook.
    #[error("{0}")]
    Open(workbook::OpenError),
    /// A CSV could not be read.
    #[error("{0}")]
    Csv(String),
}

/// The rows of every sheet of a workbook, or of a CSV (one grid), as trimmed text.
pub fn read_list(path: &Path) -> Result<Vec<Vec<Vec<String>>>, ListFileError> {
    let is_csv = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    if is_csv {
        return Ok(vec![csv_rows(path)?]);
    }
    let book =
        workbook::open_with(path, &shown(path), &Limits::default()).map_err(ListFileError::Open)?;
    Ok(book
        .sheets
        .iter()
        .map(|s| {
            s.rows
                .iter()
                .map(|r| r.iter().map(cell_text).collect())
                .collect()
        })
        .collect())
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.trim().to_string(),
        Cell::Empty => String::new(),
        other => other.display(),
    }
}

fn csv_rows(path: &Path) -> Result<Vec<Vec<String>>, ListFileError> {
    let bad = ListFileError::Csv;
    // as large as a workbook may be, and no larger: a list is a list of names
    let max = Limits::default().max_file_bytes;
    let size = std::fs::metadata(path)
        .map_err(|e| bad(crate::base::io_reason(&e).to_string()))?
        .len();
    if size > max {
        return Err(bad(format!(
            "文件有 {} MiB，这样的清单不应这么大（上限 {} MiB）",
            size / (1024 * 1024),
            max / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| bad(crate::base::io_reason(&e).to_string()))?;
    // Excel on a Chinese Windows saves “CSV (逗号分隔)” in GBK; “CSV UTF-8” has a BOM
    let text: std::borrow::Cow<str> = match std::str::from_utf8(&bytes) {
        Ok(t) => t.into(),
        Err(_) => {
            let (t, _, bad_bytes) = encoding_rs::GBK.decode(&bytes);
            if bad_bytes {
                return Err(bad(
                    "既不是 UTF-8 也不是 GBK 编码（请在 Excel 中另存为“CSV UTF-8”，或直接用 xlsx）"
                        .into(),
                ));
            }
            t
        }
    };
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            bad(format!(
                "第 {} 行格式有误",
                e.position().map_or(0, |p| p.line())
            ))
        })?;
        rows.push(record.iter().map(|s| s.trim().to_string()).collect());
    }
    Ok(rows)
}
