//! The inventory every 统信 UOS, 银河麒麟 or Debian computer can give without installing
//! anything: `dpkg-query -W` (`package<TAB>version`), the same with
//! `-f '${Package}\t${Version}\t${Maintainer}\t${Status}\n'`, or the table of `dpkg -l`,
//! perhaps copied from an 80-column console that cut its long lines.

use std::sync::Arc;

use super::read::{at_line, format_error, inventory_of, some_text};
use super::{Installed, Inventory, InventoryError};

/// The width a console copy is cut at.
const CONSOLE_WIDTH: usize = 80;

/// Whether the text is `dpkg -l` or `dpkg-query -W` output.
pub fn looks_like(text: &str) -> bool {
    if text.lines().take(5).any(|l| l.starts_with("||/ Name")) {
        return true;
    }
    let mut lines = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(20)
        .peekable();
    lines.peek().is_some() && lines.all(|l| query_line(l).is_some())
}

/// A package name as Debian policy allows it (`libstdc++6`, `libc6:amd64` with its
/// architecture).
fn is_package(name: &str) -> bool {
    let base = name.split(':').next().unwrap_or_default();
    base.len() >= 2
        && base
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        && base
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"+-.".contains(&b))
}

/// A line of `dpkg-query -W`: package, version, and maintainer and status when asked for.
fn query_line(line: &str) -> Option<Vec<&str>> {
    let fields: Vec<&str> = line.trim_end_matches('\r').split('\t').collect();
    (fields.len() >= 2 && is_package(fields[0])).then_some(fields)
}

/// A package line of `dpkg -l`: two state letters (`ii`, `rc`, `hi`), or three with an
/// error flag, then the name.
fn list_state(line: &str) -> Option<&str> {
    let state = line.split_whitespace().next()?;
    let b = state.as_bytes();
    let ok = (2..=3).contains(&b.len())
        && b"uihrp".contains(&b[0])
        && b"ncHUFWti".contains(&b[1])
        && line
            .strip_prefix(state)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace));
    ok.then_some(state)
}

/// Read the output: one inventory of no named computer (dpkg does not print it).
pub fn read(file: &Arc<str>, text: &str) -> Result<Vec<Inventory>, InventoryError> {
    let mut inventory = inventory_of(file);
    let listed = text.lines().take(5).any(|l| l.starts_with("||/ Name"));
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let mut i = 0;
    while i < lines.len() {
        let line_no = i + 1;
        let line = lines[i];
        i += 1;
        if listed {
            let Some(state) = list_state(line) else {
                continue;
            };
            // a line cut by the console goes on at the start of the next one
            let mut whole = line.to_string();
            while line.chars().count() >= CONSOLE_WIDTH
                && i < lines.len()
                && !lines[i].trim().is_empty()
                && list_state(lines[i]).is_none()
                && !lines[i].starts_with(['|', '+'])
            {
                whole.push_str(lines[i]);
                i += 1;
                if lines[i - 1].chars().count() < CONSOLE_WIDTH {
                    break;
                }
            }
            // installed, or installed and waiting for triggers; not `rc` (only its
            // configuration left) nor `un`
            if !matches!(state.as_bytes()[1], b'i' | b'W' | b't') {
                continue;
            }
            let mut words = whole.split_whitespace().skip(1);
            let (Some(name), Some(version)) = (words.next(), words.next()) else {
                continue;
            };
            if !is_package(name) {
                continue;
            }
            inventory.software.push(Installed {
                name: package_name(name),
                version: some_text(version),
                publisher: None,
                installed_on: None,
                source: Some("dpkg".into()),
                origin: Some(at_line(file, line_no)),
            });
        } else {
            if line.trim().is_empty() {
                continue;
            }
            let Some(fields) = query_line(line) else {
                return Err(format_error(
                    file,
                    &format!("第 {line_no} 行不是 dpkg-query 的输出（应为“软件包<Tab>版本”）"),
                ));
            };
            if fields
                .get(3)
                .is_some_and(|s| !s.trim().ends_with(" installed"))
            {
                continue;
            }
            // a package dpkg knows of but has no version of is not installed
            let Some(version) = some_text(fields[1]) else {
                continue;
            };
            inventory.software.push(Installed {
                name: package_name(fields[0]),
                version: Some(version),
                publisher: fields.get(2).and_then(|m| some_text(m)),
                installed_on: None,
                source: Some("dpkg".into()),
                origin: Some(at_line(file, line_no)),
            });
        }
    }
    Ok(vec![inventory])
}

/// The name without the architecture dpkg appends for multi-arch packages (`libc6:amd64`).
fn package_name(name: &str) -> String {
    name.split(':').next().unwrap_or(name).to_string()
}
