//! The files our own collectors write (`collectors/collect.ps1`, `collectors/collect.sh`;
//! the format is `collectors/FORMAT.md`): the inventory an office gets for nothing but a USB
//! stick. Read tolerantly, since a file may have passed through a clerk's editor: unknown
//! sections and keys are skipped, CRLF and blank lines are fine, a missing section is empty.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::{
    read_text, Channel, Computer, Installed, Inventory, InventoryError, LicenceChannel,
    OperatingSystem, Origin,
};

/// The first line of every collector file; the number after it is the format's version.
const MAGIC: &str = "#zhengban-inventory";

/// The format versions this reader knows.
const VERSION: &str = "1";

/// Whether `text` is a collector file: its first line says so (a byte-order mark before it
/// and spaces after it do not matter).
pub fn is_collector_text(text: &str) -> bool {
    first_line(text).is_some_and(|l| magic_version(l).is_some())
}

fn first_line(text: &str) -> Option<&str> {
    text.trim_start_matches('\u{feff}').lines().next()
}

/// The version a first line names, when it is a collector's first line at all.
fn magic_version(line: &str) -> Option<&str> {
    let rest = line.trim().strip_prefix(MAGIC)?;
    // `#zhengban-inventoryX` is some other word, not our line.
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some(rest.trim())
}

/// Read a collector file into an [`Inventory`], every value with its line.
pub fn read_collector(path: &Path) -> Result<Inventory, InventoryError> {
    let text = read_text(path)?;
    let file: Arc<str> = crate::base::path::shown(path).into();
    parse(&text, file)
}

/// Which section the lines being read belong to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Section {
    Computer,
    Os,
    Software,
    Licence,
    /// Before the first section, or one this reader does not know: its lines are skipped.
    Other,
}

/// A `key<TAB>value` section read so far: each key's value and line (the last one wins).
type Pairs = HashMap<String, (String, u32)>;

/// A table section: the column names once its header line is read.
#[derive(Default)]
struct Table {
    columns: Option<HashMap<String, usize>>,
}

impl Table {
    /// The row's cell under `column`, trimmed; `None` when empty or absent.
    fn cell<'a>(&self, row: &[&'a str], column: &str) -> Option<&'a str> {
        let i = *self.columns.as_ref()?.get(column)?;
        row.get(i).map(|c| c.trim()).filter(|c| !c.is_empty())
    }
}

/// [`read_collector`] over text already read, `file` naming it in origins and messages.
pub fn parse(text: &str, file: Arc<str>) -> Result<Inventory, InventoryError> {
    let format = |reason: String| InventoryError::Format {
        file: file.to_string(),
        reason,
    };
    let first = first_line(text).unwrap_or_default();
    match magic_version(first) {
        Some(VERSION) => {}
        Some(other) => {
            return Err(format(format!(
                "采集文件的格式版本是“{other}”，本程序只能读版本 {VERSION}（请用本程序写出的采集脚本重新采集）"
            )))
        }
        None => {
            return Err(format(format!(
                "第 1 行应为“{MAGIC} {VERSION}”，不是采集脚本写出的文件"
            )))
        }
    }

    let origin = |line: u32| Origin {
        file: file.clone(),
        line,
        path: String::new(),
    };
    let mut section = Section::Other;
    let mut computer = Pairs::new();
    let mut os = Pairs::new();
    let mut software = Table::default();
    let mut licence = Table::default();
    let mut inventory = Inventory {
        sources: vec![file.clone()],
        ..Inventory::default()
    };

    let body = text
        .trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .skip(1);
    for (index, raw) in body {
        let line = u32::try_from(index + 1).unwrap_or(u32::MAX);
        let trimmed = raw.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            section = match name.trim().to_ascii_lowercase().as_str() {
                "computer" => Section::Computer,
                "os" => Section::Os,
                "software" => Section::Software,
                "licence" | "license" => Section::Licence,
                _ => Section::Other,
            };
            continue;
        }
        match section {
            Section::Computer => pair(&mut computer, raw, line),
            Section::Os => pair(&mut os, raw, line),
            Section::Software => {
                if let Some(row) = row(&mut software, raw) {
                    if let Some(installed) = installed(&software, &row, origin(line)) {
                        inventory.software.push(installed);
                    }
                }
            }
            Section::Licence => {
                if let Some(row) = row(&mut licence, raw) {
                    if let Some(channel) = licence_channel(&licence, &row, origin(line)) {
                        inventory.licences.push(channel);
                    }
                }
            }
            Section::Other => {}
        }
    }

    let value = |pairs: &Pairs, key: &str| pairs.get(key).map(|(v, _)| v.clone());
    inventory.computer = Computer {
        name: value(&computer, "name"),
        serial: value(&computer, "serial"),
        manufacturer: value(&computer, "manufacturer"),
        model: value(&computer, "model"),
        user: value(&computer, "user"),
    };
    inventory.os = os.get("name").map(|(name, line)| OperatingSystem {
        name: name.clone(),
        version: value(&os, "version"),
        edition: value(&os, "edition")
            .or_else(|| value(&os, "sku").and_then(|s| windows_edition(&s).map(String::from))),
        origin: Some(origin(*line)),
    });
    Ok(inventory)
}

/// Take a `key<TAB>value` line; a line without a tab, or with an empty value, says nothing.
fn pair(pairs: &mut Pairs, raw: &str, line: u32) {
    let Some((key, value)) = raw.split_once('\t') else {
        return;
    };
    let value = value.trim();
    if value.is_empty() {
        return;
    }
    pairs.insert(key.trim().to_ascii_lowercase(), (value.to_string(), line));
}

/// A table line: the first one names the columns (and gives no row), the others are rows.
fn row<'a>(table: &mut Table, raw: &'a str) -> Option<Vec<&'a str>> {
    let cells: Vec<&str> = raw.split('\t').collect();
    if table.columns.is_none() {
        table.columns = Some(
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| (c.trim().to_ascii_lowercase(), i))
                .collect(),
        );
        return None;
    }
    Some(cells)
}

/// What dpkg says of a package that is really there (not removed with its configuration
/// left, not half-installed).
const DPKG_INSTALLED: &str = "install ok installed";

fn installed(table: &Table, row: &[&str], origin: Origin) -> Option<Installed> {
    let name = table.cell(row, "name")?;
    if table.cell(row, "source") == Some("dpkg")
        && table
            .cell(row, "status")
            .is_some_and(|s| s.split_whitespace().ne(DPKG_INSTALLED.split_whitespace()))
    {
        return None;
    }
    Some(Installed {
        name: name.to_string(),
        version: table.cell(row, "version").map(String::from),
        publisher: table.cell(row, "publisher").map(String::from),
        installed_on: table.cell(row, "installed").and_then(install_date),
        source: table.cell(row, "source").map(String::from),
        origin: Some(origin),
    })
}

fn licence_channel(table: &Table, row: &[&str], origin: Origin) -> Option<LicenceChannel> {
    let product = table.cell(row, "product")?;
    Some(LicenceChannel {
        product: product.to_string(),
        channel: table
            .cell(row, "description")
            .map_or(Channel::Unknown, Channel::of_description),
        partial_key: table.cell(row, "partial_key").map(String::from),
        status: table.cell(row, "status").map(licence_status),
        kms_host: table
            .cell(row, "kms_host")
            .or_else(|| table.cell(row, "kms_discovered"))
            .map(String::from),
        origin: Some(origin),
    })
}

/// `LicenseStatus` of `SoftwareLicensingProduct` in the words `slmgr /dli` uses on an
/// English Windows; any other value is kept as written.
fn licence_status(code: &str) -> String {
    match code {
        "0" => "Unlicensed",
        "1" => "Licensed",
        "2" => "Initial grace period",
        "3" => "Additional grace period",
        "4" => "Non-genuine grace period",
        "5" => "Notification",
        "6" => "Extended grace period",
        other => other,
    }
    .to_string()
}

/// An uninstall entry's `InstallDate`: `yyyymmdd` as Windows Installer writes it, or
/// `yyyy-mm-dd`; anything else (some installers write their own) is no date.
fn install_date(text: &str) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::parse_from_str(text, "%Y%m%d")
        .ok()
        .filter(|_| text.len() == 8)
        .or_else(|| chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
}

/// The edition a Windows `OperatingSystemSKU` number stands for, for the usual ones: the
/// caption names it too, but in the system's language.
fn windows_edition(sku: &str) -> Option<&'static str> {
    Some(match sku.parse::<u32>().ok()? {
        1 => "Ultimate",
        2 => "Home Basic",
        3 => "Home Premium",
        4 => "Enterprise",
        6 => "Business",
        48 => "Professional",
        49 => "Professional N",
        98 => "Home N",
        99 => "Home China",
        100 => "Home Single Language",
        101 => "Home",
        121 => "Education",
        125 => "Enterprise LTSC",
        161 => "Pro for Workstations",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Inventory {
        parse(text, "t.zbinv.txt".into()).expect("reads")
    }

    #[test]
    fn first_line_decides() {
        assert!(is_collector_text("#zhengban-inventory 1\n[computer]\n"));
        assert!(is_collector_text("\u{feff}#zhengban-inventory 1\r\n"));
        assert!(is_collector_text("#zhengban-inventory 2"));
        assert!(!is_collector_text("#zhengban-inventoryx 1"));
        assert!(!is_collector_text("name\tversion\n"));
        assert!(!is_collector_text(""));
    }

    #[test]
    fn other_versions_and_other_files_are_refused_in_chinese() {
        let e = parse("#zhengban-inventory 2\n", "a".into()).unwrap_err();
        assert!(e.to_string().contains("版本"), "{e}");
        let e = parse("hello\n", "a".into()).unwrap_err();
        assert!(e.to_string().contains("第 1 行"), "{e}");
    }

    #[test]
    fn tolerant_of_what_an_editor_does() {
        let text = "#zhengban-inventory 1\r\n\r\n[Extra]\r\nname\tnot this\r\n[computer]\r\n\
                    name\t PC-01 \r\ncolour\tblue\r\nnotab\r\n[software]\r\n\
                    source\tname\tversion\r\n\r\nHKLM\tWPS Office\r\nHKLM\t\t1\r\n";
        let inv = read(text);
        assert_eq!(inv.computer.name.as_deref(), Some("PC-01"));
        assert!(inv.os.is_none());
        assert!(inv.licences.is_empty());
        assert_eq!(inv.software.len(), 1);
        let wps = &inv.software[0];
        assert_eq!(wps.name, "WPS Office");
        assert_eq!(wps.version, None);
        assert_eq!(wps.origin.as_ref().map(|o| o.line), Some(12));
    }

    #[test]
    fn dpkg_rows_only_when_installed() {
        let text = "#zhengban-inventory 1\n[software]\nname\tversion\tsource\tstatus\n\
                    a\t1\tdpkg\tinstall ok installed\n\
                    b\t1\tdpkg\tdeinstall ok config-files\n\
                    c\t1\tll-cli\t\n";
        let names: Vec<String> = read(text).software.into_iter().map(|s| s.name).collect();
        assert_eq!(names, ["a", "c"]);
    }

    #[test]
    fn dates_statuses_and_editions() {
        let date = chrono::NaiveDate::from_ymd_opt;
        assert_eq!(install_date("20160315"), date(2016, 3, 15));
        assert_eq!(install_date("2016-03-15"), date(2016, 3, 15));
        assert_eq!(install_date("2016315"), None);
        assert_eq!(install_date("15/03/2016"), None);
        assert_eq!(licence_status("1"), "Licensed");
        assert_eq!(licence_status("已授权"), "已授权");
        assert_eq!(windows_edition("48"), Some("Professional"));
        assert_eq!(windows_edition("x"), None);
    }
}
