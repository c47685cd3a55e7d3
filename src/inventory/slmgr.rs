//! How Windows and Office say they are licensed, in the words an office can save without any
//! tool: `slmgr /dli` (or `/dlv`) and `cscript ospp.vbs /dstatus`, redirected to a file or
//! copied from the console, in English or in Chinese Windows (`名称: …`, `描述: …`,
//! `部分产品密钥: …`, `许可证状态: 已授权`); ospp.vbs prints English on every Windows. The
//! channel (OEM, retail, MAK, KMS client) is what a licence check needs, and a KMS client's
//! host, which must be the office's own or its superior's, not a public activator.
//!
//! Real outputs pad the colon (`LICENSE STATUS:  ---LICENSED---`), repeat a block per product
//! (ospp separates them with a line of dashes), and a console copy cuts long lines.

use std::sync::Arc;

use super::read::{at_line, format_error, inventory_of, some_text};
use super::{Channel, Inventory, InventoryError, LicenceChannel};

/// The width a console cuts lines at when they are copied from it (the old console is 80
/// columns wide).
const CONSOLE_WIDTH: usize = 80;

/// The fields read, by their label in English and Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Name,
    Description,
    PartialKey,
    Status,
    KmsHost,
    KeyChannel,
}

fn field_of(label: &str) -> Option<Field> {
    let l = label.trim().to_lowercase();
    let l = l.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match l.as_str() {
        "name" | "名称" | "license name" => Field::Name,
        "description" | "描述" | "license description" => Field::Description,
        "partial product key" | "部分产品密钥" | "last 5 characters of installed product key" => {
            Field::PartialKey
        }
        "license status" | "许可证状态" => Field::Status,
        "product key channel" | "产品密钥通道" => Field::KeyChannel,
        "kms machine name from dns"
        | "kms machine name"
        | "registered kms machine name"
        | "kms machine registry override defined" => Field::KmsHost,
        _ if l.contains("kms")
            && (l.contains("计算机名") || l.contains("机器名") || l.contains("主机名")) =>
        {
            Field::KmsHost
        }
        _ => return None,
    })
}

/// A line `label: value`, the colon ASCII or full-width, padded or not.
fn labelled(line: &str) -> Option<(&str, &str)> {
    let at = line.find([':', '：'])?;
    let colon = line[at..].chars().next().map_or(1, char::len_utf8);
    let label = line[..at].trim();
    // a label is a few words; a longer text with a colon is a message
    (!label.is_empty() && label.chars().count() <= 60).then(|| (label, line[at + colon..].trim()))
}

/// Whether the text is `slmgr` or `ospp.vbs` output: a product's name and its key, channel
/// or status.
pub fn looks_like(text: &str) -> bool {
    let mut name = false;
    let mut detail = false;
    for line in text.lines().take(400) {
        match labelled(line).and_then(|(l, _)| field_of(l)) {
            Some(Field::Name) => name = true,
            Some(Field::PartialKey | Field::Status | Field::KeyChannel) => detail = true,
            Some(Field::Description) => {
                detail |= line.to_ascii_lowercase().contains("channel");
            }
            _ => {}
        }
        if name && detail {
            return true;
        }
    }
    false
}

/// Read the output: one inventory of no named computer (neither tool prints it), with a
/// licence channel per product block.
pub fn read(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    let mut inventory = inventory_of(file);
    let mut current: Option<LicenceChannel> = None;
    let mut key_channel: Option<String> = None;
    // the description as read so far, for a line cut inside `VOLUME_KMS|CLIENT channel`
    let mut description = String::new();
    // the field a cut line goes on, and the length of the line before
    let mut open: Option<Field> = None;
    let mut last_width = 0;
    let finish = |current: &mut Option<LicenceChannel>,
                  key_channel: &mut Option<String>,
                  out: &mut Vec<LicenceChannel>| {
        if let Some(mut licence) = current.take() {
            if licence.channel == Channel::Unknown {
                licence.channel = key_channel
                    .as_deref()
                    .map_or(Channel::Unknown, channel_of_key);
            }
            out.push(licence);
        }
        *key_channel = None;
    };
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim_end_matches('\r');
        let width = line.chars().count();
        let trimmed = line.trim();
        let continued = open.filter(|_| last_width >= CONSOLE_WIDTH);
        last_width = width;
        if trimmed.is_empty() || trimmed.starts_with("---") {
            open = None;
            continue;
        }
        let field = labelled(trimmed).and_then(|(label, value)| Some((field_of(label)?, value)));
        let Some((field, value)) = field else {
            // a cut piece has no label of its own; a labelled line is another field
            let piece = labelled(trimmed).is_none();
            if let (Some(f), Some(licence), true) = (continued, current.as_mut(), piece) {
                match f {
                    Field::Name => licence.product.push_str(trimmed),
                    Field::Description => {
                        description.push_str(trimmed);
                        licence.channel = Channel::of_description(&description);
                    }
                    _ => {}
                }
            } else {
                open = None;
            }
            continue;
        };
        open = Some(field);
        if field == Field::Name {
            finish(&mut current, &mut key_channel, &mut inventory.licences);
            // a block without a product name says nothing worth keeping
            current = some_text(value).map(|product| LicenceChannel {
                product,
                origin: Some(at_line(file, n + 1)),
                ..LicenceChannel::default()
            });
            description.clear();
            continue;
        }
        let Some(licence) = current.as_mut() else {
            continue;
        };
        match field {
            Field::Name => {}
            Field::Description => {
                description = value.to_string();
                licence.channel = Channel::of_description(value);
            }
            Field::PartialKey => licence.partial_key = some_text(value),
            Field::Status => {
                licence.status =
                    some_text(value.trim_matches(|c: char| c == '-' || c.is_whitespace()));
            }
            Field::KmsHost => licence.kms_host = some_text(value),
            Field::KeyChannel => key_channel = some_text(value),
        }
    }
    finish(&mut current, &mut key_channel, &mut inventory.licences);
    if inventory.licences.is_empty() {
        return Err(format_error(file, "没有找到任何产品的许可信息"));
    }
    Ok(vec![inventory])
}

/// The channel `slmgr /dlv` names on its own line on Windows 10 and later (`OEM:DM`,
/// `Retail`, `Volume:MAK`, `Volume:GVLK`, the last a KMS client's generic key).
fn channel_of_key(text: &str) -> Channel {
    if text.to_ascii_uppercase().contains("GVLK") {
        Channel::KmsClient
    } else {
        Channel::of_description(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_description_cut_by_the_console_is_joined() {
        let file: Arc<str> = "dli.txt".into();
        let description = format!("Description: {}VOLUME_KMS", "x".repeat(57));
        assert_eq!(description.chars().count(), CONSOLE_WIDTH);
        let text = format!(
            "Name: Windows(R), Enterprise edition\n{description}\nCLIENT channel\n\
             Activation ID: 1\nPartial Product Key: ABCDE\n"
        );
        let inventory = read(&file, &text).unwrap().remove(0);
        let licence = &inventory.licences[0];
        assert_eq!(licence.channel, Channel::KmsClient);
        assert_eq!(licence.partial_key.as_deref(), Some("ABCDE"));
    }
}
