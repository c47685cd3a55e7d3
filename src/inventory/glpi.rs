//! Offices that run GLPI or FusionInventory already collect every computer with its agent:
//! its JSON inventory (https://github.com/glpi-project/inventory_format, inventory.schema.json)
//! holds the programs (`content.softwares`), the machine (`content.hardware`, `content.bios`),
//! the system (`content.operatingsystem`), the license keys the agent found
//! (`content.licenseinfos`) and the users. Read here into the model, each value with its JSON
//! path.

use std::sync::Arc;

use serde_json::{Map, Value};

use super::read::{at_path, format_error, inventory_of, parse_date, some_text};
use super::{Channel, Installed, Inventory, InventoryError, LicenceChannel, OperatingSystem};

/// Whether a JSON document is a GLPI inventory: an object with a `content` object (the schema
/// requires `content` and `deviceid`; a hand-made export may lack the second).
pub fn looks_like(value: &Value) -> bool {
    match value {
        Value::Object(o) => o.get("content").is_some_and(Value::is_object),
        Value::Array(items) => !items.is_empty() && items.iter().all(looks_like),
        _ => false,
    }
}

/// Read one GLPI inventory, or an array of them (one computer each).
pub fn read(file: &Arc<str>, value: &Value) -> Result<Vec<Inventory>, InventoryError> {
    match value {
        Value::Object(o) => Ok(vec![one(file, o, "")]),
        Value::Array(items) => Ok(items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.as_object().map(|o| one(file, o, &format!("[{i}]."))))
            .collect()),
        _ => Err(format_error(file, "GLPI 清单应是一个 JSON 对象")),
    }
}

fn text(o: &Map<String, Value>, key: &str) -> Option<String> {
    match o.get(key)? {
        Value::String(s) => some_text(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn object<'a>(o: &'a Map<String, Value>, key: &str) -> Option<&'a Map<String, Value>> {
    o.get(key).and_then(Value::as_object)
}

fn array<'a>(o: &'a Map<String, Value>, key: &str) -> &'a [Value] {
    o.get(key)
        .and_then(Value::as_array)
        .map_or(&[], Vec::as_slice)
}

fn one(file: &Arc<str>, doc: &Map<String, Value>, prefix: &str) -> Inventory {
    let mut inventory = inventory_of(file);
    let empty = Map::new();
    let content = object(doc, "content").unwrap_or(&empty);
    let hardware = object(content, "hardware").unwrap_or(&empty);
    let bios = object(content, "bios").unwrap_or(&empty);

    let computer = &mut inventory.computer;
    computer.name = text(hardware, "name").or_else(|| text(doc, "deviceid").map(device_name));
    computer.serial = text(bios, "ssn");
    computer.manufacturer = text(bios, "smanufacturer").or_else(|| text(bios, "mmanufacturer"));
    computer.model = text(bios, "smodel").or_else(|| text(bios, "mmodel"));
    computer.user = text(hardware, "lastloggeduser").or_else(|| {
        array(content, "users")
            .iter()
            .filter_map(Value::as_object)
            .find_map(|u| text(u, "login"))
    });

    if let Some(os) = object(content, "operatingsystem") {
        if let Some(name) = text(os, "full_name").or_else(|| text(os, "name")) {
            inventory.os = Some(OperatingSystem {
                name,
                version: text(os, "version").or_else(|| text(os, "kernel_version")),
                edition: None,
                origin: Some(at_path(file, 0, format!("{prefix}content.operatingsystem"))),
            });
        }
    }

    for (i, soft) in array(content, "softwares").iter().enumerate() {
        let Some(soft) = soft.as_object() else {
            continue;
        };
        let Some(name) = text(soft, "name") else {
            continue;
        };
        inventory.software.push(Installed {
            name,
            version: text(soft, "version"),
            publisher: text(soft, "publisher"),
            installed_on: text(soft, "install_date").as_deref().and_then(parse_date),
            // GLPI names no list; a Linux agent's entries are rpm or deb packages
            source: None,
            origin: Some(at_path(file, 0, format!("{prefix}content.softwares[{i}]"))),
        });
    }

    for (i, info) in array(content, "licenseinfos").iter().enumerate() {
        let Some(info) = info.as_object() else {
            continue;
        };
        let Some(product) = text(info, "fullname").or_else(|| text(info, "name")) else {
            continue;
        };
        // the agent reads no channel; an OEM product id (`82503-OEM-…`) or a trial says one
        let channel = if info.get("trial").and_then(Value::as_bool) == Some(true) {
            Channel::Evaluation
        } else {
            text(info, "productid").map_or(Channel::Unknown, |p| Channel::of_description(&p))
        };
        inventory.licences.push(LicenceChannel {
            product,
            channel,
            // the agent reports the whole key; the model keeps what slmgr would show
            partial_key: text(info, "key").and_then(|k| last_five(&k)),
            status: None,
            kms_host: None,
            origin: Some(at_path(
                file,
                0,
                format!("{prefix}content.licenseinfos[{i}]"),
            )),
        });
    }
    inventory
}

/// The host name in a FusionInventory `deviceid` (`pc-arg-23.cedre.local-2017-04-18-09-26-44`):
/// the part before the date the agent appends, and before the domain.
fn device_name(id: String) -> String {
    let parts: Vec<&str> = id.rsplitn(7, '-').collect();
    let dated = parts.len() == 7
        && parts[..6]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()));
    let host = if dated { parts[6] } else { id.as_str() };
    host.split('.').next().unwrap_or(host).to_string()
}

fn last_five(key: &str) -> Option<String> {
    let chars: Vec<char> = key.chars().filter(char::is_ascii_alphanumeric).collect();
    (chars.len() >= 5).then(|| chars[chars.len() - 5..].iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn device_ids_give_host_names() {
        assert_eq!(
            device_name("pc-arg-23.cedre.local-2017-04-18-09-26-44".into()),
            "pc-arg-23"
        );
        assert_eq!(device_name("glpixps".into()), "glpixps");
        assert_eq!(
            last_five("V33KV-CMD8V-6JXQ9-YJP62-7FTGD").as_deref(),
            Some("7FTGD")
        );
        assert_eq!(last_five("ab"), None);
    }
}
