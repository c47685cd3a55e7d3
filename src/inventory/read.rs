//! One entry for every inventory an office hands over: the format is told by the content, not
//! the file name (a clerk saves `slmgr /dli` as `激活.txt` and a CSV as `软件.xls`; a real
//! workbook is the filled spot-check form), and a folder of them is read file by file so
//! that one bad file costs only itself.

use std::path::Path;
use std::sync::Arc;

use super::{
    dpkg, glpi, osquery, read_text, registry_csv, slmgr, Inventory, InventoryError, Origin,
};

/// Read one inventory file, whatever its format, into one inventory per computer it holds.
pub fn read_inventories(path: &Path) -> Result<Vec<Inventory>, InventoryError> {
    let file: Arc<str> = crate::base::path::shown(path).into();
    if super::spot_check::is_workbook_file(path) {
        return super::spot_check::read(path, &file);
    }
    let text = read_text(path)?;
    read_str(&file, &text)
}

/// [`read_inventories`] over text already read, `file` naming it in origins and messages.
pub fn read_str(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    let head = text.trim_start();
    if head.is_empty() {
        return Err(format_error(file, "文件是空的"));
    }
    if super::is_collector_text(text) {
        return Ok(vec![super::collector::parse(text, file.clone())?]);
    }
    if head.starts_with('{') || head.starts_with('[') {
        return read_json(file, text);
    }
    if registry_csv::looks_like(text) {
        return registry_csv::read(file, text);
    }
    if slmgr::looks_like(text) {
        return slmgr::read(file, text);
    }
    if dpkg::looks_like(text) {
        return dpkg::read(file, text);
    }
    Err(format_error(
        file,
        "看不出是哪种清单（可读：zhengban 采集脚本写出的文件、注册表导出的 CSV、GLPI/FusionInventory JSON、osquery JSON、\
         dpkg-query -W 或 dpkg -l 的输出、slmgr /dli 或 ospp.vbs /dstatus 的输出、zhengban sample 写出并填好的抽查登记表）",
    ))
}

/// JSON: one document (GLPI, osquery rows or tables), else osqueryd's log, a document a line.
fn read_json(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    // osqueryd's log is a document a line, one line of it a whole document
    if osquery::looks_like_log(text) {
        return osquery::read_log(file, text);
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(value) => {
            if glpi::looks_like(&value) {
                glpi::read(file, &value)
            } else {
                osquery::read(file, &value)
            }
        }
        Err(e) => Err(format_error(
            file,
            &format!(
                "JSON 不完整或有误（第 {} 行第 {} 列）",
                e.line(),
                e.column()
            ),
        )),
    }
}

/// Read an inventory file, or every file of a folder of them: the inventories read, and
/// why each file that could not be read was not.
pub fn read_any(path: &Path) -> (Vec<Inventory>, Vec<InventoryError>) {
    if path.is_dir() {
        return read_folder(path);
    }
    match read_inventories(path) {
        Ok(found) => (found, Vec::new()),
        Err(e) => (Vec::new(), vec![e]),
    }
}

/// Read every file of a folder (not its subfolders): the inventories of the files that could
/// be read, and why each other file could not.
pub fn read_folder(dir: &Path) -> (Vec<Inventory>, Vec<InventoryError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            let error = InventoryError::Io {
                file: crate::base::path::shown(dir),
                reason: crate::base::io_reason(&e),
            };
            return (Vec::new(), vec![error]);
        }
    };
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    // the order a clerk sees in the folder, the same on every run
    paths.sort();
    let mut inventories = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        match read_inventories(&path) {
            Ok(found) => inventories.extend(found),
            Err(e) => errors.push(e),
        }
    }
    (inventories, errors)
}

pub(crate) fn format_error(file: &Arc<str>, reason: &str) -> InventoryError {
    InventoryError::Format {
        file: file.to_string(),
        reason: reason.to_string(),
    }
}

/// Where a line of a text format is.
pub(crate) fn at_line(file: &Arc<str>, line: usize) -> Origin {
    Origin {
        file: file.clone(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        path: String::new(),
    }
}

/// Where a value of a JSON document is, and the line for formats of a document a line.
pub(crate) fn at_path(file: &Arc<str>, line: usize, path: String) -> Origin {
    Origin {
        file: file.clone(),
        line: u32::try_from(line).unwrap_or(u32::MAX),
        path,
    }
}

/// A value worth keeping: trimmed, and not empty.
pub(crate) fn some_text(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// An install date as the inventories write it: `20230115` (the registry's InstallDate,
/// osquery's programs), `2023-01-15` or `2023-01-15 10:00:00` (GLPI), `2023/1/15`.
pub(crate) fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    use chrono::NaiveDate;
    let s = s.trim();
    if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(s, "%Y%m%d").ok();
    }
    let day = s.split([' ', 'T']).next().unwrap_or_default();
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y/%m/%d"))
        .ok()
}

/// An empty inventory of one file.
pub(crate) fn inventory_of(file: &Arc<str>) -> Inventory {
    Inventory {
        sources: vec![file.clone()],
        ..Inventory::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_inventories_write_them() {
        let d = chrono::NaiveDate::from_ymd_opt(2023, 1, 15);
        assert_eq!(parse_date("20230115"), d);
        assert_eq!(parse_date("2023-01-15"), d);
        assert_eq!(parse_date("2023-01-15 10:00:00"), d);
        assert_eq!(parse_date("2023/1/15"), d);
        assert_eq!(parse_date("20231315"), None);
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("日期"), None);
    }
}
