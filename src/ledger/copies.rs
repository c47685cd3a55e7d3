//! Two files of one unit that hold the same ledgers — last year's workbook kept in a
//! sub-folder, "台账 - 副本.xlsx" sent beside the original — are two versions of one
//! ledger, not two ledgers: the later one (by 填表日期) is read and the other set aside and
//! named, instead of every table of the copy being reported as a duplicate.
//!
//! Versions are two files that both hold a 汇总表 — a unit keeps one, while its 明细表 may
//! well be a file per department — or any two files with the same bytes. Which is read,
//! by evidence in order: the later 填表日期 of the two; the same bytes (a plain copy: the
//! one with the shorter name, which the copy's name was made from, is read); the one higher in the unit's folders (a copy filed away
//! in a sub-folder). Without any of these both are read, and the duplicate tables are
//! reported as they are.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;

use chrono::NaiveDate;

use super::unit::Unit;
use crate::base::text::norm;
use crate::schema::TableKind;
use crate::workbook::Workbook;

/// A table that one unit keeps once: what two versions of a ledger share, and what files
/// that complement each other do not.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Once {
    Table(TableKind),
    /// The 安装维护 log of one software number.
    Log(String),
}

/// The tables of a unit (or of one of its files) that a unit keeps once.
pub(super) fn once(unit: &Unit) -> HashSet<Once> {
    let mut out = HashSet::new();
    for (meta, _) in unit.tables() {
        if matches!(
            meta.kind,
            TableKind::Summary
                | TableKind::Usage
                | TableKind::Statistics
                | TableKind::FreeList
                | TableKind::PurchasePlan
                | TableKind::LeadingGroup
        ) {
            out.insert(Once::Table(meta.kind));
        }
    }
    for log in &unit.maintenance {
        match log.info.id.value() {
            Some(id) => out.insert(Once::Log(norm(id))),
            // a log without a number: by the table itself, so that two of them collide
            None => out.insert(Once::Table(TableKind::Maintenance)),
        };
    }
    out
}

/// A file of the unit set aside as an older version, or a copy, of another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    /// The file not read.
    pub file: Arc<str>,
    /// The file read instead.
    pub kept: Arc<str>,
    /// Why this one, and not the other.
    pub why: Why,
}

/// What told the two versions apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// The kept file's 填表日期 is later.
    Older {
        /// This file's latest 填表日期.
        this: NaiveDate,
        /// The kept file's.
        kept: NaiveDate,
    },
    /// The two files have the same bytes.
    SameBytes,
    /// This file lies deeper in the unit's folders (filed away in a sub-folder).
    Deeper,
}

/// The latest 填表日期 any table of a file states.
fn filled_on(unit: &Unit) -> Option<NaiveDate> {
    unit.tables()
        .into_iter()
        .filter_map(|(_, h)| h?.filled_on.as_ref()?.value().copied())
        .max()
}

fn depth(path: &Path) -> usize {
    path.components().count()
}

/// Whether two files hold the same bytes, compared a block at a time (two 200 MiB
/// workbooks are never both in memory).
fn same_bytes(a: &Path, b: &Path) -> bool {
    use std::io::Read;
    let (Ok(ma), Ok(mb)) = (std::fs::metadata(a), std::fs::metadata(b)) else {
        return false;
    };
    if ma.len() != mb.len() {
        return false;
    }
    let (Ok(mut fa), Ok(mut fb)) = (std::fs::File::open(a), std::fs::File::open(b)) else {
        return false;
    };
    let (mut x, mut y) = (vec![0u8; 64 * 1024], vec![0u8; 64 * 1024]);
    loop {
        let n = match fa.read(&mut x) {
            Ok(n) => n,
            Err(_) => return false,
        };
        if n == 0 {
            return true;
        }
        if fb.read_exact(&mut y[..n]).is_err() || x[..n] != y[..n] {
            return false;
        }
    }
}

/// Which of two versions is older (`Some((older, why))`, indices 0 or 1), or `None` when
/// nothing tells them apart.
fn older(parts: [(&Unit, &Workbook); 2]) -> Option<(usize, Why)> {
    let dates = [filled_on(parts[0].0), filled_on(parts[1].0)];
    if let [Some(a), Some(b)] = dates {
        if a != b {
            let (o, k) = if a < b { (0, 1) } else { (1, 0) };
            return Some((
                o,
                Why::Older {
                    this: dates[o].expect("dated"),
                    kept: dates[k].expect("dated"),
                },
            ));
        }
    }
    if let Some(found) = copy(parts) {
        return Some(found);
    }
    let (da, db) = (depth(&parts[0].1.path), depth(&parts[1].1.path));
    if da != db {
        return Some((usize::from(da < db), Why::Deeper));
    }
    None
}

/// Which of two files with the same bytes is the copy. A copy is named by adding to the
/// original's name (“台账 - 副本”, “台账 (2)”, “复件 台账”): the shorter name is the original.
fn copy(parts: [(&Unit, &Workbook); 2]) -> Option<(usize, Why)> {
    if !same_bytes(&parts[0].1.path, &parts[1].1.path) {
        return None;
    }
    let len = |b: &Workbook| b.path.file_name().map_or(0, |n| n.len());
    let copy = if len(parts[1].1) < len(parts[0].1) {
        0
    } else {
        1
    };
    Some((copy, Why::SameBytes))
}

/// The files of a unit with versions of one ledger set aside (see the module
/// documentation), in their order; and what was set aside.
pub(super) fn set_aside(
    parts: Vec<(Unit, Option<Workbook>)>,
) -> (Vec<(Unit, Option<Workbook>)>, Vec<SetAside>) {
    if parts.iter().filter(|(_, b)| b.is_some()).count() < 2 {
        return (parts, Vec::new());
    }
    // A unit has one 汇总表 (its 明细表 may well be kept in a file per department): two
    // files that both hold one are two versions; any two files may be the same bytes.
    let master: Vec<bool> = parts.iter().map(|(u, _)| !u.summaries.is_empty()).collect();
    let mut aside: Vec<Option<SetAside>> = vec![None; parts.len()];
    for i in 0..parts.len() {
        for j in i + 1..parts.len() {
            if aside[i].is_some() || aside[j].is_some() {
                continue;
            }
            let (Some(bi), Some(bj)) = (&parts[i].1, &parts[j].1) else {
                continue;
            };
            let pair = [(&parts[i].0, bi), (&parts[j].0, bj)];
            let found = if master[i] && master[j] {
                older(pair)
            } else {
                copy(pair)
            };
            let Some((o, why)) = found else {
                continue;
            };
            let (old, new) = if o == 0 { (i, j) } else { (j, i) };
            aside[old] = Some(SetAside {
                file: file_of(&parts[old]),
                kept: file_of(&parts[new]),
                why,
            });
        }
    }
    let mut kept = Vec::with_capacity(parts.len());
    let mut out = Vec::new();
    for (part, a) in parts.into_iter().zip(aside) {
        match a {
            Some(a) => {
                // named among the unit's files, its tables and cells left out
                kept.push((
                    Unit {
                        files: part.0.files,
                        ..Unit::default()
                    },
                    None,
                ));
                out.push(a);
            }
            None => kept.push(part),
        }
    }
    (kept, out)
}

fn file_of(part: &(Unit, Option<Workbook>)) -> Arc<str> {
    part.1
        .as_ref()
        .map(|b| b.file.clone())
        .or_else(|| part.0.files.first().cloned())
        .unwrap_or_else(|| Arc::from(""))
}
