//! One entry for every inventory an office hands over: the format is told by the content, not
//! the file name (a clerk saves `slmgr /dli` as `激活.txt` and a CSV as `软件.xls`; a real
//! workbook is the filled spot-check form), and a folder of them is read file by file so
//! that one bad file costs only itself.

use std::path::Path;
use std::sync::Arc;

use super::{
    dpkg, glpi, osquery, read_text, registry_csv, slmgr, Installed, Inventory, InventoryError,
    Origin,
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

/// [`read_inventories`], a file of one computer that does not name it (`slmgr /dli`, a
/// registry export without PSComputerName) taking the name its file gives.
fn read_named(path: &Path) -> Result<Vec<Inventory>, InventoryError> {
    let mut found = read_inventories(path)?;
    if let [one] = found.as_mut_slice() {
        if one.computer.name.is_none() && one.computer.serial.is_none() {
            one.computer.name = name_in_file_name(path);
        }
    }
    Ok(found)
}

/// The computer a file that does not name it is of, by its file name: `SJ-PC-003 激活.txt`,
/// `SJ-PC-003_slmgr.txt`, `SJ-PC-003（ospp）.txt` → `SJ-PC-003` — what a clerk saving
/// `slmgr /dli` (which prints no computer name) calls the file.
fn name_in_file_name(path: &Path) -> Option<String> {
    let stem = path.file_name()?.to_str()?;
    let name = stem
        .split([' ', '\u{3000}', '_', '(', '（', '[', '【', '.'])
        .next()
        .unwrap_or_default()
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Inventories of one computer read from several files (a collector's file and the saved
/// `slmgr /dli` beside it; osquery's programs and GLPI's licenses) joined into one, in the
/// order first seen: a computer is told by its name, else its serial, case aside.
pub fn merge_by_computer(inventories: Vec<Inventory>) -> Vec<Inventory> {
    let key = |inv: &Inventory| {
        inv.computer
            .name
            .as_deref()
            .or(inv.computer.serial.as_deref())
            .map(|k| k.trim().to_uppercase())
            .filter(|k| !k.is_empty())
    };
    let mut out: Vec<Inventory> = Vec::new();
    let mut at: std::collections::HashMap<String, usize> = Default::default();
    for inv in inventories {
        let Some(k) = key(&inv) else {
            out.push(inv);
            continue;
        };
        match at.get(&k) {
            Some(&i) => join(&mut out[i], inv),
            None => {
                at.insert(k, out.len());
                out.push(inv);
            }
        }
    }
    out
}

/// Add what `more` knows of a computer to what `inv` knows.
fn join(inv: &mut Inventory, more: Inventory) {
    let Inventory {
        computer,
        os,
        software,
        licences,
        sources,
        checklist,
        absent,
    } = more;
    // the programs are a checklist (a spot-check form) only when every part that lists
    // programs is one: joined to a full inventory, the form adds nothing unknown; a part
    // listing none (`slmgr /dli`) changes nothing
    let lists = |software: &[Installed], checklist: bool| !software.is_empty() || checklist;
    inv.checklist = match (
        lists(&inv.software, inv.checklist),
        lists(&software, checklist),
    ) {
        (true, true) => inv.checklist && checklist,
        (false, true) => checklist,
        (mine, false) => mine && inv.checklist,
    };
    inv.absent.extend(absent);
    let c = &mut inv.computer;
    for (mine, theirs) in [
        (&mut c.name, computer.name),
        (&mut c.serial, computer.serial),
        (&mut c.manufacturer, computer.manufacturer),
        (&mut c.model, computer.model),
        (&mut c.user, computer.user),
    ] {
        if mine.is_none() {
            *mine = theirs;
        }
    }
    if inv.os.is_none() {
        inv.os = os;
    }
    for p in software {
        if !inv
            .software
            .iter()
            .any(|q| q.name == p.name && q.version == p.version)
        {
            inv.software.push(p);
        }
    }
    inv.licences.extend(licences);
    for s in sources {
        if !inv.sources.contains(&s) {
            inv.sources.push(s);
        }
    }
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
    match read_named(path) {
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
        match read_named(&path) {
            Ok(found) => inventories.extend(found),
            Err(e) => errors.push(e),
        }
    }
    (merge_by_computer(inventories), errors)
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

    #[test]
    fn a_file_names_the_computer_it_does_not_name_itself() {
        let name = |f: &str| name_in_file_name(Path::new(f));
        assert_eq!(
            name("采集/SJ-PC-003 激活.txt").as_deref(),
            Some("SJ-PC-003")
        );
        assert_eq!(name("SJ-PC-003_slmgr.txt").as_deref(), Some("SJ-PC-003"));
        assert_eq!(name("SJ-PC-003（ospp）.txt").as_deref(), Some("SJ-PC-003"));
        assert_eq!(name("SJ-PC-003.txt").as_deref(), Some("SJ-PC-003"));
        assert_eq!(name(" 激活.txt"), None);
    }

    #[test]
    fn one_computer_from_several_files_is_one_inventory() {
        let file = |f: &str| -> Arc<str> { f.into() };
        let programs = Inventory {
            computer: crate::inventory::Computer {
                name: Some("SJ-PC-003".into()),
                ..Default::default()
            },
            software: vec![crate::inventory::Installed {
                name: "WPS Office".into(),
                ..Default::default()
            }],
            sources: vec![file("SJ-PC-003.json")],
            ..Default::default()
        };
        let licences = Inventory {
            computer: crate::inventory::Computer {
                name: Some("sj-pc-003".into()),
                serial: Some("PF2ABCDE".into()),
                ..Default::default()
            },
            licences: vec![Default::default()],
            sources: vec![file("SJ-PC-003 激活.txt")],
            ..Default::default()
        };
        let other = Inventory {
            computer: crate::inventory::Computer {
                name: Some("SJ-PC-004".into()),
                ..Default::default()
            },
            ..Default::default()
        };
        let merged = merge_by_computer(vec![programs, other, licences]);
        assert_eq!(merged.len(), 2);
        assert_eq!(merged[0].software.len(), 1);
        assert_eq!(merged[0].licences.len(), 1);
        assert_eq!(merged[0].computer.serial.as_deref(), Some("PF2ABCDE"));
        assert_eq!(merged[0].sources.len(), 2);
    }
}
