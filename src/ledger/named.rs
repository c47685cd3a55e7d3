//! Workbooks named together on the command line (or dropped together) that are the parts of
//! one unit's ledgers — 汇总表.xlsx, 明细表.xlsx, 安装维护.xlsx kept apart — become one
//! unit, as the same files in a folder already are; otherwise each would miss the other
//! two's tables and report them "missing".
//!
//! Only evidence joins files: they state the same 单位名称, and their tables complement each
//! other (no table a unit keeps once — 汇总表, 明细表, 信息统计表 … — nor one software's
//! 安装维护 log, is in two of them). A file that states no 单位名称 joins the one unit the
//! others name, when they name only one and its tables fit; otherwise it stays alone, as
//! does every file whose tables would repeat another's (two versions of one ledger, or two
//! offices that both sent a 汇总表). `--unit-per-file` skips all of this.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::copies::Once as Part;
use super::discover::{DiscoveredUnit, Discovery, FileKind};
use super::unit::{read_within, ReadOptions, Unit};
use crate::base::text::norm;
use crate::schema::TableKind;

/// What a file holds, for deciding whether it belongs with others.
struct Holds {
    /// 单位名称 as its tables state it, normalised; `None` when none states it.
    name: Option<String>,
    /// The tables it holds that a unit keeps once (software numbers for 安装维护 logs).
    once: HashSet<Part>,
}

/// The units the paths a user named hold: [`discover_units`](super::discover_units), then
/// the named workbooks that are one unit's parts joined (not with `unit_per_file`).
pub fn units_named(paths: &[PathBuf], unit_per_file: bool, opts: &ReadOptions) -> Discovery {
    let mut found = super::discover_units(paths, unit_per_file);
    if unit_per_file {
        return found;
    }
    for dir in paths.iter().filter(|p| p.is_dir()) {
        found = join_folder(found, dir, opts);
    }
    join_named(found, paths, opts)
}

/// A folder the user named that holds workbooks of its own beside sub-folders with
/// workbooks is split by discovery as a batch (some units sent a file, some a folder).
/// When every workbook in it states one and the same 单位名称, it is that unit's folder
/// instead — its ledger, and last year's copy filed in a sub-folder — and one unit, whose
/// older copies the reader sets aside ([`super::copies`]).
fn join_folder(discovery: Discovery, dir: &Path, opts: &ReadOptions) -> Discovery {
    let members: Vec<usize> = discovery
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| u.path.parent() == Some(dir))
        .map(|(i, _)| i)
        .collect();
    let units = &discovery.units;
    let loose = members
        .iter()
        .any(|&i| units[i].source.files.len() == 1 && units[i].source.files[0] == units[i].path);
    let folders = members
        .iter()
        .any(|&i| units[i].path.is_dir() && !units[i].source.files.is_empty());
    if !(loose && folders) {
        return discovery;
    }
    let names: Vec<Option<String>> = members
        .par_iter()
        .filter(|&&i| !units[i].source.files.is_empty())
        .map(|&i| holds(&units[i], opts).name)
        .collect();
    let stated: HashSet<&String> = names.iter().flatten().collect();
    if stated.len() != 1 {
        return discovery;
    }
    let mut merged = super::discover::folder_unit(dir);
    let mut out = Vec::with_capacity(discovery.units.len());
    let mut slot = 0;
    for (i, u) in discovery.units.into_iter().enumerate() {
        if !members.contains(&i) {
            out.push(u);
            continue;
        }
        if i == members[0] {
            // the merged unit takes the place of the folder's first entry
            slot = out.len();
            out.push(super::discover::folder_unit(dir));
        }
        merged.source.files.extend(u.source.files);
        merged.others.extend(u.others);
        merged.inaccessible.extend(u.inaccessible);
    }
    out[slot] = merged;
    Discovery {
        units: out,
        skipped: discovery.skipped,
    }
}

/// Join the units of `discovery` that are workbooks named in `named` (not found inside a
/// named folder) and that are parts of one unit; see the module documentation. The joined
/// unit takes the place of its first file; the order is otherwise kept.
pub fn join_named(discovery: Discovery, named: &[PathBuf], opts: &ReadOptions) -> Discovery {
    let candidates: Vec<usize> = discovery
        .units
        .iter()
        .enumerate()
        .filter(|(_, u)| is_named_workbook(u, named))
        .map(|(i, _)| i)
        .collect();
    if candidates.len() < 2 {
        return discovery;
    }
    let holds: Vec<Holds> = candidates
        .par_iter()
        .map(|&i| holds(&discovery.units[i], opts))
        .collect();
    let groups = group(&holds);
    if groups.iter().all(|g| g.len() < 2) {
        return discovery;
    }
    // unit index → the group it leads (first member) or is absorbed into
    let mut lead: Vec<Option<Vec<usize>>> = vec![None; discovery.units.len()];
    let mut absorbed = vec![false; discovery.units.len()];
    for g in groups.iter().filter(|g| g.len() > 1) {
        let members: Vec<usize> = g.iter().map(|&k| candidates[k]).collect();
        for &m in &members[1..] {
            absorbed[m] = true;
        }
        let first = members[0];
        lead[first] = Some(members);
    }
    let mut units: Vec<Option<DiscoveredUnit>> = discovery.units.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(units.len());
    for i in 0..units.len() {
        if absorbed[i] {
            continue;
        }
        match &lead[i] {
            Some(members) => {
                let parts: Vec<DiscoveredUnit> =
                    members.iter().filter_map(|&m| units[m].take()).collect();
                out.push(joined(parts, &holds_name(&holds, &candidates, members)));
            }
            None => out.extend(units[i].take()),
        }
    }
    Discovery {
        units: out,
        skipped: discovery.skipped,
    }
}

/// Whether a unit is one workbook the user named itself.
fn is_named_workbook(unit: &DiscoveredUnit, named: &[PathBuf]) -> bool {
    unit.source.files.len() == 1
        && unit.source.files[0] == unit.path
        && unit.others.iter().all(|o| o.kind == FileKind::Lock)
        && unit.inaccessible.is_empty()
        && named.iter().any(|n| n == &unit.path)
}

/// Rows of each sheet looked at to tell what a file holds: titles, header blocks and the
/// first rows under a column header sit at the top.
const PEEK_ROWS: u32 = 100;

fn holds(unit: &DiscoveredUnit, opts: &ReadOptions) -> Holds {
    let mut peek = opts.clone();
    peek.limits.peek_rows = Some(PEEK_ROWS);
    let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        read_within(&unit.source, &peek).0
    }));
    match read {
        Ok(u) => Holds {
            name: u
                .name_from_tables()
                .map(|n| norm(&n))
                .filter(|n| !n.is_empty()),
            once: once(&u),
        },
        // Unreadable: it joins nobody, and is reported on its own.
        Err(_) => Holds {
            name: None,
            once: HashSet::from([
                Part::Table(TableKind::Summary),
                Part::Table(TableKind::Usage),
            ]),
        },
    }
}

/// The tables of a file that a unit keeps once; a file with no table at all (unreadable,
/// or no ledger) completes nothing.
fn once(unit: &Unit) -> HashSet<Part> {
    let mut out = super::copies::once(unit);
    if unit.tables().is_empty() {
        out.insert(Part::Table(TableKind::Summary));
        out.insert(Part::Table(TableKind::Usage));
    }
    out
}

/// Groups of files (indices into `holds`), in input order: named files join the first
/// group of the same name whose tables they complement; nameless files join the one named
/// group when there is exactly one name among them all.
fn group(holds: &[Holds]) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Option<String>, HashSet<Part>, Vec<usize>)> = Vec::new();
    for (i, h) in holds.iter().enumerate() {
        let Some(name) = &h.name else { continue };
        match groups
            .iter_mut()
            .find(|(n, parts, _)| n.as_ref() == Some(name) && parts.is_disjoint(&h.once))
        {
            Some((_, parts, members)) => {
                parts.extend(h.once.iter().cloned());
                members.push(i);
            }
            None => groups.push((Some(name.clone()), h.once.clone(), vec![i])),
        }
    }
    let names: HashSet<&String> = holds.iter().filter_map(|h| h.name.as_ref()).collect();
    let only = (names.len() == 1 && groups.len() == 1).then_some(0);
    for (i, h) in holds.iter().enumerate() {
        if h.name.is_some() {
            continue;
        }
        match only.map(|g| &mut groups[g]) {
            Some((_, parts, members)) if parts.is_disjoint(&h.once) => {
                parts.extend(h.once.iter().cloned());
                members.push(i);
            }
            _ => groups.push((None, h.once.clone(), vec![i])),
        }
    }
    let mut out: Vec<Vec<usize>> = groups
        .into_iter()
        .map(|(_, _, mut m)| {
            m.sort_unstable();
            m
        })
        .collect();
    out.sort_by_key(|m| m[0]);
    out
}

/// The name the group's files state (they all state the same one, or none).
fn holds_name(holds: &[Holds], candidates: &[usize], members: &[usize]) -> Option<String> {
    members.iter().find_map(|m| {
        let k = candidates.iter().position(|c| c == m)?;
        holds[k].name.clone()
    })
}

/// One unit of several named files: found as the folder of its first file (where its
/// report is written), named by the 单位名称 its files state.
fn joined(parts: Vec<DiscoveredUnit>, name: &Option<String>) -> DiscoveredUnit {
    let mut files: Vec<PathBuf> = parts.iter().flat_map(|p| p.source.files.clone()).collect();
    files.dedup();
    let first = files.first().cloned().unwrap_or_default();
    let folder = first
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."));
    let others = parts.iter().flat_map(|p| p.others.clone()).collect();
    let mut unit = parts.into_iter().next().expect("a group has members");
    unit.others = others;
    unit.source.label = name.clone().unwrap_or_else(|| unit.source.label.clone());
    unit.source.files = files;
    unit.path = folder;
    unit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(name: Option<&str>, parts: &[Part]) -> Holds {
        Holds {
            name: name.map(norm),
            once: parts.iter().cloned().collect(),
        }
    }

    const S: Part = Part::Table(TableKind::Summary);
    const U: Part = Part::Table(TableKind::Usage);

    fn log(id: &str) -> Part {
        Part::Log(id.into())
    }

    #[test]
    fn three_files_of_one_unit_are_one_group() {
        let holds = [
            h(Some("某局"), &[S]),
            h(Some("某局"), &[U]),
            h(Some("某局"), &[log("01"), log("02")]),
        ];
        assert_eq!(group(&holds), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn two_summaries_of_one_name_stay_apart() {
        let holds = [h(Some("某局"), &[S, U]), h(Some("某局"), &[S, U])];
        assert_eq!(group(&holds), vec![vec![0], vec![1]]);
    }

    #[test]
    fn different_names_stay_apart() {
        let holds = [h(Some("甲局"), &[S]), h(Some("乙局"), &[U])];
        assert_eq!(group(&holds), vec![vec![0], vec![1]]);
    }

    #[test]
    fn the_same_log_twice_is_no_complement() {
        let holds = [
            h(Some("某局"), &[S, U, log("01")]),
            h(Some("某局"), &[log("01")]),
        ];
        assert_eq!(group(&holds), vec![vec![0], vec![1]]);
    }

    #[test]
    fn a_nameless_file_joins_the_only_unit_named() {
        let holds = [h(Some("某局"), &[S, U]), h(None, &[log("03")])];
        assert_eq!(group(&holds), vec![vec![0, 1]]);
        // with two names about, it is not guessed
        let holds = [
            h(Some("甲局"), &[S]),
            h(Some("乙局"), &[U]),
            h(None, &[log("03")]),
        ];
        assert_eq!(group(&holds), vec![vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn a_second_unit_of_the_same_name_gets_its_own_group() {
        let holds = [
            h(Some("某局"), &[S]),
            h(Some("某局"), &[S]),
            h(Some("某局"), &[U]),
        ];
        assert_eq!(group(&holds), vec![vec![0, 2], vec![1]]);
    }
}
