//! The inventory an office without any tool already has: the Uninstall keys of the registry
//! exported with PowerShell's `Export-Csv` (what 控制面板 → 程序和功能 lists), from one
//! computer or, with `Invoke-Command`, from many (then each row names its `PSComputerName`).
//!
//! Windows PowerShell 5 writes `#TYPE System.Management.Automation.PSCustomObject` first
//! unless told `-NoTypeInformation`, and UTF-16LE or the ANSI code page (GBK) by `-Encoding`;
//! PowerShell 7 writes UTF-8 without that line. `read_text` has decoded the text already.

use std::sync::Arc;

use super::read::{at_line, format_error, inventory_of, parse_date, some_text};
use super::{Installed, Inventory, InventoryError};

/// Whether the text is such a CSV: its header (after a `#TYPE` line) names `DisplayName`.
pub fn looks_like(text: &str) -> bool {
    header_line(text).is_some_and(|h| {
        h.split(',').any(|c| {
            c.trim()
                .trim_matches('"')
                .eq_ignore_ascii_case("DisplayName")
        })
    })
}

fn header_line(text: &str) -> Option<&str> {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Read the CSV: one inventory per `PSComputerName`, in the order they first appear, or one
/// inventory of no named computer when the column is missing.
pub fn read(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        // the `#TYPE` line; PowerShell quotes every field, so no row starts with `#`
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format_error(file, &format!("CSV 的表头读不出：{e}")))?
        .clone();
    let column = |name: &str| {
        headers.iter().position(|h| {
            h.trim()
                .trim_start_matches('\u{feff}')
                .eq_ignore_ascii_case(name)
        })
    };
    let Some(name_col) = column("DisplayName") else {
        return Err(format_error(file, "CSV 没有 DisplayName 列"));
    };
    let version_col = column("DisplayVersion");
    let publisher_col = column("Publisher");
    let date_col = column("InstallDate");
    let computer_col = column("PSComputerName");

    let mut lines = Lines {
        bytes: text.as_bytes(),
        at: 0,
        line: 1,
    };
    let mut inventories: Vec<Inventory> = Vec::new();
    if computer_col.is_none() {
        inventories.push(inventory_of(file));
    }
    for record in reader.records() {
        let record = record.map_err(|e| format_error(file, &format!("CSV 有一行读不出：{e}")))?;
        let field = |col: Option<usize>| col.and_then(|c| record.get(c)).and_then(some_text);
        // keys without a DisplayName (updates, components) are not in 程序和功能 either
        let Some(name) = field(Some(name_col)) else {
            continue;
        };
        let line = record.position().map_or(0, |p| lines.at(p.byte() as usize));
        let installed = Installed {
            name,
            version: field(version_col),
            publisher: field(publisher_col),
            installed_on: field(date_col).as_deref().and_then(parse_date),
            source: None,
            origin: Some(at_line(file, line)),
        };
        let index = match computer_col {
            None => 0,
            Some(_) => {
                let computer = field(computer_col);
                match inventories.iter().position(|i| i.computer.name == computer) {
                    Some(i) => i,
                    None => {
                        let mut inventory = inventory_of(file);
                        inventory.computer.name = computer;
                        inventories.push(inventory);
                        inventories.len() - 1
                    }
                }
            }
        };
        inventories[index].software.push(installed);
    }
    if inventories.is_empty() {
        inventories.push(inventory_of(file));
    }
    Ok(inventories)
}

/// The line a record starts on, counted from its byte offset: the csv reader's own line
/// count leaves out the `#TYPE` line it skips as a comment, and after a CRLF it places the
/// next record on the `\n` of the line before.
struct Lines<'a> {
    bytes: &'a [u8],
    /// How far the lines are counted, and the line there.
    at: usize,
    line: usize,
}

impl Lines<'_> {
    /// The line of the record at `byte` (records come in order).
    fn at(&mut self, byte: usize) -> usize {
        let mut start = byte.min(self.bytes.len());
        while start < self.bytes.len() && matches!(self.bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.at {
            return self.line;
        }
        self.line += self.bytes[self.at..start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.at = start;
        self.line
    }
}
