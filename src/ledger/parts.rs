//! A ledger kept on several sheets — the usage ledger as one sheet per department or
//! building, the summary one sheet per software type — is one ledger: its parts are joined,
//! each row keeping its own sheet and cell, and each part its own title and header block.
//! Two tables that hold mostly the same rows are not parts but a copy (rule ZB008).

use std::collections::HashSet;

use super::maintenance::Maintenance;
use super::summary::Summary;
use super::table::{HeaderBlock, TableMeta};
use super::usage::Usage;

/// Another sheet a ledger continues on.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// Where the part was found.
    pub meta: TableMeta,
    /// Its own header block (its own 填表日期).
    pub header: HeaderBlock,
}

/// Share of a table's rows that, found in the ledger already, make it a copy rather than a
/// part.
const COPY_SHARE: f64 = 0.5;

/// Whether a table whose row keys are `next` continues the ledger whose keys are `seen`:
/// it has rows, and fewer than half of them are there already.
fn continues(seen: &HashSet<String>, next: &[String]) -> bool {
    if next.is_empty() {
        return false;
    }
    let known = next.iter().filter(|k| seen.contains(*k)).count();
    (known as f64) < COPY_SHARE * next.len() as f64
}

/// Join usage tables that are parts of one ledger (see the module documentation).
pub fn join_usages(tables: Vec<Usage>) -> Vec<Usage> {
    fn keys(u: &Usage) -> Vec<String> {
        u.rows
            .iter()
            .map(|r| {
                format!(
                    "{}\u{1f}{}",
                    r.computer().unwrap_or_default(),
                    r.id().unwrap_or_default()
                )
            })
            .collect()
    }
    join(tables, keys, |head, part| {
        head.parts.push(Part {
            meta: part.meta,
            header: part.header,
        });
        head.parts.extend(part.parts);
        head.rows.extend(part.rows);
    })
}

/// Join summary tables that are parts of one ledger.
pub fn join_summaries(tables: Vec<Summary>) -> Vec<Summary> {
    fn keys(s: &Summary) -> Vec<String> {
        s.rows
            .iter()
            .map(|r| r.id().unwrap_or_default().to_string())
            .collect()
    }
    join(tables, keys, |head, part| {
        head.parts.push(Part {
            meta: part.meta,
            header: part.header,
        });
        head.parts.extend(part.parts);
        head.rows.extend(part.rows);
    })
}

/// Fold each table into the first ledger it continues; a table that copies the ledger stays
/// apart.
fn join<T>(tables: Vec<T>, keys: fn(&T) -> Vec<String>, absorb: fn(&mut T, T)) -> Vec<T> {
    // One table, the common case: nothing to join, no keys to make.
    if tables.len() < 2 {
        return tables;
    }
    let mut out: Vec<(T, HashSet<String>)> = Vec::new();
    for t in tables {
        let k = keys(&t);
        match out.first_mut() {
            Some((head, seen)) if continues(seen, &k) => {
                seen.extend(k);
                absorb(head, t);
            }
            _ => {
                let seen = k.into_iter().collect();
                out.push((t, seen));
            }
        }
    }
    out.into_iter().map(|(t, _)| t).collect()
}

/// Join logs kept one per computer (维护档案: the computer in the card's head, the software on
/// every row): each software's rows, spread over every computer's sheet, make its one log.
/// Its rows keep their own sheet and cell; logs kept one per software are left as they are.
pub fn join_computer_logs(tables: Vec<Maintenance>) -> Vec<Maintenance> {
    let per_computer = |m: &Maintenance| {
        m.meta
            .implied
            .iter()
            .any(|i| i.key == "computer" && !i.per_group)
    };
    let mut out: Vec<Maintenance> = Vec::with_capacity(tables.len());
    let mut by_id: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for m in tables {
        let id = m.info.id.value().cloned();
        match id.filter(|_| per_computer(&m)) {
            Some(id) => match by_id.get(&id) {
                Some(&at) => out[at].events.extend(m.events),
                None => {
                    by_id.insert(id, out.len());
                    out.push(m);
                }
            },
            None => out.push(m),
        }
    }
    out
}
