//! The zip container of xlsx and ods files, checked from its central directory before any
//! part is inflated: how many parts, how large each says it is once inflated, what kind of
//! document it holds, and how many shared strings the workbook declares.
//!
//! The declared sizes are a bound the zip reader enforces: a part that inflates to more than
//! its central-directory entry says is an error, not a surprise allocation.

use std::io::{BufReader, Read};
use std::path::Path;

use quick_xml::events::Event;
use zip::ZipArchive;

use super::limits::{bytes, count, Limits};
use super::OpenError;

/// What a zip holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Kind {
    /// Office Open XML spreadsheet (xlsx, xlsm).
    Xlsx,
    /// Binary Office spreadsheet (xlsb).
    Xlsb,
    /// OpenDocument spreadsheet (ods).
    Ods,
}

/// The zip, opened once.
pub(super) type Zip = ZipArchive<BufReader<std::fs::File>>;

/// Shared-string parts (names as stored) that declare far more strings than they hold: their
/// `uniqueCount` is a hint calamine would reserve room for, so the copy calamine reads must
/// not carry it (`xlsx_merges::SheetParts::inflate_once`).
pub(super) type Overclaimed = Vec<String>;

/// Check the container and tell what it is; the opened zip comes back for further reading.
pub(super) fn inspect(path: &Path, limits: &Limits) -> Result<(Kind, Zip, Overclaimed), OpenError> {
    let file = std::fs::File::open(path).map_err(|e| OpenError::Io(crate::base::io_reason(&e)))?;
    let mut zip = match ZipArchive::new(BufReader::new(file)) {
        Ok(z) => z,
        // A broken zip, told by zip's own error (a cut-short copy, a kind of zip not read)
        Err(e) => return Err(super::open::zip_failure(&e, e.to_string())),
    };
    if zip.len() as u64 > limits.max_parts {
        return Err(OpenError::OverLimit(format!(
            "压缩包内有 {} 个部件，超过 {} 个（部件数上限）",
            count(zip.len() as u64),
            count(limits.max_parts)
        )));
    }
    let mut total: u64 = 0;
    let mut names: Vec<String> = Vec::with_capacity(zip.len());
    let mut shared_strings: Vec<(usize, u64)> = Vec::new();
    for i in 0..zip.len() {
        let entry = zip
            .by_index_data(i)
            .map_err(|e| OpenError::Corrupt(format!("压缩结构无法读取（{e}）")))?;
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        let size = entry.size();
        if size > limits.max_part_bytes {
            return Err(OpenError::OverLimit(format!(
                "部件 {name} 解压后有 {}，超过 {}（单个部件解压大小上限）",
                bytes(size),
                bytes(limits.max_part_bytes)
            )));
        }
        total = total.saturating_add(size);
        let lower = name.to_ascii_lowercase();
        if lower.ends_with("sharedstrings.xml") {
            shared_strings.push((i, size));
        }
        names.push(lower);
    }
    if total > limits.max_inflated_bytes {
        return Err(OpenError::OverLimit(format!(
            "压缩包解压后共 {}，超过 {}（解压总大小上限）",
            bytes(total),
            bytes(limits.max_inflated_bytes)
        )));
    }
    let has = |n: &str| names.iter().any(|x| x == n);
    let kind = if has("xl/workbook.bin") {
        Kind::Xlsb
    } else if names.iter().any(|n| n.starts_with("xl/")) {
        if !names
            .iter()
            .any(|n| n.starts_with("xl/") && !n.contains("_rels/") && n.contains("workbook"))
        {
            return Err(OpenError::Corrupt(
                "缺少 xl/workbook.xml（工作簿的工作表目录），无法知道有哪些工作表".into(),
            ));
        }
        Kind::Xlsx
    } else if has("content.xml") {
        Kind::Ods
    } else if has("word/document.xml") {
        return Err(OpenError::NotAWorkbook(
            "这是 Word 文档（.docx），不是表格；请提交 Excel 或 WPS 表格文件".into(),
        ));
    } else if has("ppt/presentation.xml") {
        return Err(OpenError::NotAWorkbook(
            "这是 PowerPoint 演示文稿，不是表格；请提交 Excel 或 WPS 表格文件".into(),
        ));
    } else {
        return Err(OpenError::NotAWorkbook(
            "这是一个压缩包，里面没有工作簿（xlsx 或 ods 的内容）".into(),
        ));
    };
    let mut overclaimed = Vec::new();
    for (index, size) in shared_strings {
        if check_shared_strings(&mut zip, index, size, limits)? {
            let name = zip
                .by_index_data(index)
                .ok()
                .and_then(|e| e.name().ok().map(|n| n.to_string()))
                .unwrap_or_default();
            overclaimed.push(name);
        }
    }
    Ok((kind, zip, overclaimed))
}

/// The number a count attribute starts with, read generously (as large as it could mean):
/// whatever digits a parser might accept count, and more than 19 of them is "huge".
fn leading_number(v: &[u8]) -> Option<u64> {
    let digits: Vec<u8> = v
        .iter()
        .copied()
        .skip_while(|b| b.is_ascii_whitespace() || *b == b'+')
        .take_while(u8::is_ascii_digit)
        .collect();
    if digits.is_empty() {
        return None;
    }
    Some(
        std::str::from_utf8(&digits)
            .ok()?
            .parse()
            .unwrap_or(u64::MAX),
    )
}

/// The smallest XML one shared string can take (`<si/>`).
const MIN_SHARED_STRING_BYTES: u64 = 5;

/// calamine keeps every string a shared-string table holds: their number must stay under
/// `max_shared_strings`. The `uniqueCount` the table declares is only a hint (calamine
/// reserves room for it): a declaration over the limit makes the strings be counted, and
/// the part is refused only if they really are too many — otherwise `Ok(true)` says the hint
/// must be taken out of calamine's copy. The strings are also counted when the part is large
/// enough to hold more than the limit.
fn check_shared_strings<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    index: usize,
    size: u64,
    limits: &Limits,
) -> Result<bool, OpenError> {
    let over = |n: u64| {
        OpenError::OverLimit(format!(
            "共享字符串表有 {} 项，超过 {} 项（共享字符串数上限）",
            count(n),
            count(limits.max_shared_strings)
        ))
    };
    let part = zip
        .by_index(index)
        .map_err(|e| OpenError::Corrupt(format!("共享字符串表无法读取（{e}）")))?;
    let mut xml = quick_xml::Reader::from_reader(BufReader::new(part));
    let mut buf = Vec::with_capacity(1024);
    let mut strings: u64 = 0;
    let mut declared_done = false;
    let mut overclaimed = false;
    let mut must_count = size / MIN_SHARED_STRING_BYTES > limits.max_shared_strings;
    loop {
        buf.clear();
        let event = match xml.read_event_into(&mut buf) {
            Ok(e) => e,
            // Damage is calamine's to report, with its own message.
            Err(_) => return Ok(overclaimed),
        };
        match event {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "sst" if !declared_done => {
                    declared_done = true;
                    let declared = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.local_name().as_ref() == "uniqueCount")
                        .and_then(|a| leading_number(a.value.as_bytes()));
                    if declared.is_some_and(|n| n > limits.max_shared_strings) {
                        overclaimed = true;
                        must_count = true;
                    }
                    if !must_count {
                        return Ok(false);
                    }
                }
                "si" => {
                    strings += 1;
                    if strings > limits.max_shared_strings {
                        return Err(over(strings));
                    }
                }
                _ => {}
            },
            Event::Eof => return Ok(overclaimed),
            _ => {}
        }
    }
}
