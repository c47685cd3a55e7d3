//! Reading a file into a [`Workbook`] with calamine; the only place that knows calamine.

use std::path::Path;
use std::sync::Arc;

use calamine::{open_workbook_auto, Data, Reader, Sheets};

use super::{Cell, Merge, Sheet, Workbook};

/// Files larger than this are refused rather than risking memory exhaustion.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// Sheets with more cells than this are refused: real ledgers are far smaller, and a dense
/// grid this large would exhaust memory.
pub const MAX_SHEET_CELLS: u64 = 20_000_000;

/// Why a file could not be read as a workbook (reported as ZB001).
#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
pub enum OpenError {
    /// The file could not be opened or read from disk.
    #[error("无法读取文件：{0}")]
    Io(String),
    /// Not a spreadsheet format we read.
    #[error("不是可读取的工作簿（支持 xlsx、xlsm、xls、ods）：{0}")]
    NotAWorkbook(String),
    /// Password-protected (encrypted) workbook.
    #[error("工作簿已加密（设置了打开密码），请另存为不加密的文件后再检查")]
    Encrypted,
    /// Damaged or truncated file.
    #[error("工作簿已损坏或不完整：{0}")]
    Corrupt(String),
    /// Over the size limits.
    #[error("文件过大：{0}")]
    TooLarge(String),
    /// The file is empty.
    #[error("文件为空（0 字节）")]
    Empty,
}

/// Read every sheet of the workbook at `path`; `display` is the name used in messages.
pub fn open(path: &Path, display: &str) -> Result<Workbook, OpenError> {
    let meta = std::fs::metadata(path).map_err(|e| OpenError::Io(e.to_string()))?;
    if meta.len() == 0 {
        return Err(OpenError::Empty);
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge(format!(
            "{} MB，上限 {} MB",
            meta.len() / 1024 / 1024,
            MAX_FILE_BYTES / 1024 / 1024
        )));
    }
    let head = read_head(path)?;
    if let Some(what) = not_a_spreadsheet(&head) {
        return Err(OpenError::NotAWorkbook(what.to_string()));
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    // An encrypted OOXML file is an OLE container holding "EncryptedPackage"; calamine
    // would only say the zip is invalid, which sends the clerk looking for the wrong fault.
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) && matches!(ext.as_str(), "xlsx" | "xlsm") {
        let bytes = std::fs::read(path).map_err(|e| OpenError::Io(e.to_string()))?;
        if contains_utf16(&bytes, "EncryptedPackage") {
            return Err(OpenError::Encrypted);
        }
    }
    // calamine has panicked on malformed input before; one bad file must not end a batch.
    let result = std::panic::catch_unwind(|| read_all(path, display));
    match result {
        Ok(r) => r,
        Err(_) => Err(OpenError::Corrupt("读取时内部错误".into())),
    }
}

/// What a file is when its first bytes show it is no spreadsheet calamine reads: every
/// workbook is a zip (xlsx, xlsm, ods) or an OLE container (xls); offices also receive web
/// pages and text saved under an .xls name from other systems.
fn not_a_spreadsheet(head: &[u8]) -> Option<&'static str> {
    if head.starts_with(b"PK") || head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return None;
    }
    let text = String::from_utf8_lossy(head)
        .trim_start_matches('\u{FEFF}')
        .trim_start()
        .to_ascii_lowercase();
    Some(if head.starts_with(b"%PDF") {
        "这是 PDF 文件，请提交 Excel 或 WPS 表格文件"
    } else if text.starts_with('<') {
        "这是网页（HTML/XML）格式的文件，只是扩展名像表格；请用 Excel 或 WPS 打开后另存为 .xlsx"
    } else {
        "文件内容不是 Excel/WPS 表格格式（可能是改了扩展名的文本或其他文件）；请用 Excel 或 WPS 打开后另存为 .xlsx"
    })
}

fn read_head(path: &Path) -> Result<Vec<u8>, OpenError> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| OpenError::Io(e.to_string()))?;
    let mut buf = vec![0u8; 16];
    let n = f.read(&mut buf).map_err(|e| OpenError::Io(e.to_string()))?;
    buf.truncate(n);
    Ok(buf)
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let pattern: Vec<u8> = needle
        .encode_utf16()
        .flat_map(|u| u.to_le_bytes())
        .collect();
    bytes
        .windows(pattern.len())
        .any(|w| w == pattern.as_slice())
}

fn read_all(path: &Path, display: &str) -> Result<Workbook, OpenError> {
    let mut book = open_workbook_auto(path).map_err(classify_error)?;
    let mut ods_merges = match book {
        Sheets::Ods(_) => super::ods_merges::merges(path),
        _ => Default::default(),
    };
    let names = book.sheet_names();
    let mut sheets = Vec::with_capacity(names.len());
    for name in names {
        let range = match book.worksheet_range(&name) {
            Ok(r) => r,
            // Chart sheets and macro sheets have no cells; skip them rather than fail.
            Err(e) if is_not_a_worksheet(&e) => continue,
            Err(e) => return Err(classify_error(e)),
        };
        let cells = {
            let (h, w) = range.get_size();
            h as u64 * w as u64
        };
        if cells > MAX_SHEET_CELLS {
            return Err(OpenError::TooLarge(format!(
                "工作表“{name}”有 {cells} 个单元格"
            )));
        }
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((r0, c0)) = range.start() {
            for (r, row) in range.rows().enumerate() {
                let abs_r = r0 as usize + r;
                if rows.len() <= abs_r {
                    rows.resize_with(abs_r + 1, Vec::new);
                }
                let out = &mut rows[abs_r];
                // Trailing empty cells are dropped so blank-row checks stay cheap.
                let last = row.iter().rposition(|d| !matches!(d, Data::Empty));
                if let Some(last) = last {
                    out.resize(c0 as usize + last + 1, Cell::Empty);
                    for (c, d) in row.iter().enumerate().take(last + 1) {
                        out[c0 as usize + c] = convert(d);
                    }
                }
            }
        }
        let merges = match ods_merges.remove(&name) {
            Some(m) => m,
            None => merges_of(&mut book, &name),
        };
        let formulas = formulas_of(&mut book, &name);
        sheets.push(Sheet {
            name: Arc::from(name.as_str()),
            rows,
            merges,
            formulas,
        });
    }
    Ok(Workbook {
        file: Arc::from(display),
        sheets,
    })
}

fn is_not_a_worksheet(e: &calamine::Error) -> bool {
    let s = e.to_string().to_ascii_lowercase();
    s.contains("chart") || s.contains("not a worksheet") || s.contains("macro")
}

fn merges_of<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Vec<Merge> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).ok(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).ok(),
        // calamine does not expose ods merges (see ods_merges) nor xlsb ones; header
        // matching copes without them.
        _ => None,
    };
    dims.unwrap_or_default()
        .into_iter()
        .map(|d| Merge {
            first_row: d.start.0,
            first_col: d.start.1,
            last_row: d.end.0,
            last_col: d.end.1,
        })
        .collect()
}

fn formulas_of<RS: std::io::Read + std::io::Seek>(
    book: &mut Sheets<RS>,
    name: &str,
) -> Vec<(u32, u32)> {
    let Ok(range) = book.worksheet_formula(name) else {
        return Vec::new();
    };
    let mut out: Vec<(u32, u32)> = range
        .used_cells()
        .filter(|(_, _, f)| !f.is_empty())
        .filter_map(|(r, c, _)| {
            let (r0, c0) = range.start()?;
            Some((r0 + r as u32, c0 + c as u32))
        })
        .collect();
    out.sort_unstable();
    out
}

fn convert(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Float(f) => Cell::Number(*f),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) if dt.is_datetime() => Cell::Date(dt.as_f64()),
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => Cell::DateIso(s.clone()),
        Data::DurationIso(s) => Cell::Text(s.clone()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

fn classify_error(e: calamine::Error) -> OpenError {
    let msg = e.to_string();
    let lower = msg.to_ascii_lowercase();
    if lower.contains("password") || lower.contains("encrypt") {
        OpenError::Encrypted
    } else if lower.contains("cannot detect file format")
        || lower.contains("invalid zip header")
        || lower.contains("invalid ole")
        || lower.contains("unsupported")
    {
        OpenError::NotAWorkbook(msg)
    } else {
        OpenError::Corrupt(msg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_bytes_tell_what_is_no_spreadsheet() {
        assert_eq!(not_a_spreadsheet(b"PK\x03\x04\x14\x00"), None);
        assert_eq!(not_a_spreadsheet(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), None);
        assert!(not_a_spreadsheet(b"%PDF-1.7").unwrap().contains("PDF"));
        assert!(not_a_spreadsheet(b"\xEF\xBB\xBF<html><table>")
            .unwrap()
            .contains("HTML"));
        assert!(not_a_spreadsheet("  <?xml version".as_bytes())
            .unwrap()
            .contains("HTML"));
        assert!(not_a_spreadsheet("序号,软件编号".as_bytes())
            .unwrap()
            .contains("文本"));
    }
}
