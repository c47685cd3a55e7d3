//! Offices that run osquery can hand over its JSON instead of installing our collector: what
//! `osqueryi --json` prints (an array of rows), several queries saved as one object keyed by
//! table, or osqueryd's result log (a JSON document a line, event or snapshot format).
//!
//! The columns are those of the table specs of osquery (github:osquery/osquery, commit
//! a5b14f63, read for this reader): specs/windows/programs.table (name, version, publisher,
//! install_date), specs/linux/deb_packages.table (name, version, maintainer, status),
//! specs/os_version.table (name, version, build, platform) and specs/system_info.table
//! (hostname, hardware_vendor, hardware_model, hardware_serial). The log formats are those of
//! docs/wiki/deployment/logging.md there.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::read::{at_path, format_error, inventory_of, parse_date, some_text};
use super::{Installed, Inventory, InventoryError, OperatingSystem, Origin};

/// The tables read; a row of another table is left alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Table {
    Programs,
    DebPackages,
    OsVersion,
    SystemInfo,
}

impl Table {
    fn named(name: &str) -> Option<Table> {
        // a scheduled query's name is the pack's and the query's (`pack_inventory_programs`)
        let n = name.to_ascii_lowercase();
        [
            ("deb_packages", Table::DebPackages),
            ("programs", Table::Programs),
            ("os_version", Table::OsVersion),
            ("system_info", Table::SystemInfo),
        ]
        .into_iter()
        .find(|(t, _)| n == *t || n.ends_with(&format!("_{t}")) || n.ends_with(&format!(":{t}")))
        .map(|(_, t)| t)
    }

    /// The table a row of `select *` is from, by the columns only it has.
    fn of_row(row: &Map<String, Value>) -> Option<Table> {
        let has = |c: &str| row.contains_key(c);
        if has("hardware_serial") || has("cpu_brand") || has("hostname") && has("uuid") {
            Some(Table::SystemInfo)
        } else if has("maintainer") || has("revision") && has("status") && has("arch") {
            Some(Table::DebPackages)
        } else if has("platform") && (has("major") || has("build") || has("codename")) {
            Some(Table::OsVersion)
        } else if has("name")
            && (has("publisher") || has("install_location") || has("install_date"))
        {
            Some(Table::Programs)
        } else {
            None
        }
    }
}

/// Whether the text is osqueryd's result log: its first line is a result document.
pub fn looks_like_log(text: &str) -> bool {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .and_then(|l| serde_json::from_str::<Value>(l).ok())
        .and_then(|v| v.as_object().map(is_log_line))
        .unwrap_or(false)
}

fn is_log_line(o: &Map<String, Value>) -> bool {
    o.contains_key("name")
        && (o.contains_key("columns")
            || o.contains_key("snapshot")
            || o.contains_key("diffResults"))
}

/// Read one JSON document: `osqueryi --json` rows, or an object keyed by table.
pub fn read(file: &Arc<str>, value: &Value) -> Result<Vec<Inventory>, InventoryError> {
    let mut inventory = inventory_of(file);
    match value {
        Value::Array(rows) => {
            for (i, row) in rows.iter().enumerate() {
                if let Some(row) = row.as_object() {
                    add_row(
                        &mut inventory,
                        None,
                        row,
                        at_path(file, 0, format!("[{i}]")),
                    );
                }
            }
        }
        Value::Object(tables) => {
            let mut known = false;
            for (name, rows) in tables {
                let table = Table::named(name);
                known |= table.is_some();
                for (i, row) in rows
                    .as_array()
                    .map_or(&[][..], Vec::as_slice)
                    .iter()
                    .enumerate()
                {
                    if let Some(row) = row.as_object() {
                        let origin = at_path(file, 0, format!("{name}[{i}]"));
                        add_row(&mut inventory, table, row, origin);
                    }
                }
            }
            if !known {
                return Err(format_error(
                    file,
                    "JSON 对象里没有 programs、deb_packages、os_version 或 system_info 表",
                ));
            }
        }
        _ => return Err(format_error(file, "JSON 不是 osquery 的查询结果")),
    }
    Ok(vec![inventory])
}

/// Read osqueryd's result log: one inventory per `hostIdentifier`, in the order they first
/// appear. Rows an event says were `removed` are no longer installed and are skipped.
pub fn read_log(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    let mut inventories: Vec<(Option<String>, Inventory)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let value: Value = serde_json::from_str(line).map_err(|e| {
            format_error(
                file,
                &format!(
                    "osquery 日志第 {line_no} 行不是完整的 JSON（第 {} 列）",
                    e.column()
                ),
            )
        })?;
        let Some(doc) = value.as_object().filter(|o| is_log_line(o)) else {
            return Err(format_error(
                file,
                &format!("osquery 日志第 {line_no} 行不是查询结果"),
            ));
        };
        let host = doc
            .get("hostIdentifier")
            .and_then(Value::as_str)
            .and_then(some_text);
        let index = match inventories.iter().position(|(h, _)| *h == host) {
            Some(i) => i,
            None => {
                inventories.push((host.clone(), inventory_of(file)));
                inventories.len() - 1
            }
        };
        let inventory = &mut inventories[index].1;
        let table = doc
            .get("name")
            .and_then(Value::as_str)
            .and_then(Table::named);
        let origin = |path: String| at_path(file, line_no, path);
        if let Some(row) = doc.get("columns").and_then(Value::as_object) {
            if doc.get("action").and_then(Value::as_str) != Some("removed") {
                add_row(inventory, table, row, origin("columns".into()));
            }
        }
        for (i, row) in doc
            .get("snapshot")
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .enumerate()
        {
            if let Some(row) = row.as_object() {
                add_row(inventory, table, row, origin(format!("snapshot[{i}]")));
            }
        }
        let added = doc
            .get("diffResults")
            .and_then(|d| d.get("added"))
            .and_then(Value::as_array)
            .map_or(&[][..], Vec::as_slice);
        for (i, row) in added.iter().enumerate() {
            if let Some(row) = row.as_object() {
                add_row(
                    inventory,
                    table,
                    row,
                    origin(format!("diffResults.added[{i}]")),
                );
            }
        }
    }
    Ok(inventories
        .into_iter()
        .map(|(host, mut inventory)| {
            if inventory.computer.name.is_none() {
                inventory.computer.name = host;
            }
            inventory
        })
        .collect())
}

fn column(row: &Map<String, Value>, key: &str) -> Option<String> {
    match row.get(key)? {
        Value::String(s) => some_text(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn add_row(
    inventory: &mut Inventory,
    table: Option<Table>,
    row: &Map<String, Value>,
    origin: Origin,
) {
    let Some(table) = table.or_else(|| Table::of_row(row)) else {
        return;
    };
    match table {
        Table::Programs | Table::DebPackages => {
            let Some(name) = column(row, "name") else {
                return;
            };
            // `deinstall ok config-files`: removed, only its configuration left
            if table == Table::DebPackages
                && column(row, "status").is_some_and(|s| !s.ends_with(" installed"))
            {
                return;
            }
            let publisher = match table {
                Table::Programs => column(row, "publisher"),
                _ => column(row, "maintainer"),
            };
            inventory.software.push(Installed {
                name,
                version: column(row, "version"),
                publisher,
                installed_on: column(row, "install_date").as_deref().and_then(parse_date),
                source: (table == Table::DebPackages).then(|| "dpkg".to_string()),
                origin: Some(origin),
            });
        }
        Table::OsVersion => {
            if let Some(name) = column(row, "name") {
                inventory.os = Some(OperatingSystem {
                    name,
                    version: column(row, "version").or_else(|| column(row, "build")),
                    edition: None,
                    origin: Some(origin),
                });
            }
        }
        Table::SystemInfo => {
            let computer = &mut inventory.computer;
            computer.name = column(row, "hostname")
                .or_else(|| column(row, "computer_name"))
                .or(computer.name.take());
            computer.manufacturer = column(row, "hardware_vendor");
            computer.model = column(row, "hardware_model");
            computer.serial = column(row, "hardware_serial");
        }
    }
}
