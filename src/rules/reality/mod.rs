//! ZB7xx — the ledger against the computers: what `reconcile` finds when the usage ledger
//! is held against what is really installed (inventories read into the unit). Each finding
//! is at the ledger cell to fix; without inventories none of these rules says anything.

pub mod matching;
pub mod table;

rules! {
    ZB701 unregistered_software,
    ZB702 registered_not_installed,
    ZB703 version_outside_licence,
    ZB704 channel_contradicts_ledger,
    ZB705 home_edition_found,
    ZB706 key_not_in_ledger,
    ZB707 computers_unmatched,
}

pub use matching::Reality;
pub use table::{table, ComputerCheck, Verdict};

/// Where an inventory value came from, in words (`SJ-PC-001.zbinv.txt 第 12 行`).
fn origin(o: Option<&crate::inventory::Origin>) -> String {
    match o {
        Some(o) if o.line > 0 => format!("{} 第 {} 行", o.file, o.line),
        Some(o) if !o.path.is_empty() => format!("{} {}", o.file, o.path),
        Some(o) => o.file.to_string(),
        None => String::new(),
    }
}

/// The file(s) an inventory was read from, for messages.
fn sources(inv: &crate::inventory::Inventory) -> String {
    inv.sources
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join("、")
}
