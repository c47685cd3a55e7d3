//! The inspector's list of the units that should report (`--roster 名单.xlsx`): read from a
//! workbook, or a CSV in UTF-8 or in GBK as Excel on a Chinese Windows saves it, with a
//! column titled 单位名称 (optional 单位代码 and 文件夹); and each submission placed on it by
//! its folder or file name or the 单位名称 it states — a short name inside the full one
//! counts (城关镇 ↔ 丰都县城关镇人民政府) — so that a unit that sent nothing is seen, and one
//! that is not on the list is said. A match is never guessed: several candidates are
//! stated as such.

use std::path::Path;
use std::sync::Arc;

use super::list_file::{read_list, ListFileError, HEADER_SEARCH_ROWS};
use crate::base::path::shown;
use crate::base::text::{is_short_name_of as within, norm_no_parens, unit_name_key as key};
use crate::workbook;

/// One unit of the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    /// 单位名称.
    pub name: String,
    /// 单位代码, when the roster has the column.
    pub code: Option<String>,
    /// 文件夹: the folder (or file) name its submission comes under, when given.
    pub folder: Option<String>,
    /// The row in the roster, as Excel numbers it (from 1).
    pub row: u32,
    /// Its place among the roster's units (from 0).
    pub index: usize,
    /// Its name, folder and code as placing compares them, folded once: a round of 4,000
    /// submissions against a roster of 4,000 units compares them 16 million times.
    keys: Keys,
}

/// A roster unit's name, folder and code folded for comparison ([`key`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Keys {
    name: String,
    folder: Option<String>,
    code: Option<String>,
}

/// The roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    /// The roster file, as shown.
    pub file: Arc<str>,
    /// Its units, in its order.
    pub entries: Vec<RosterEntry>,
}

/// Where a unit stands on the roster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Listed {
    /// The roster's unit that this submission is.
    On(RosterEntry),
    /// Not on the roster (the roster file, as shown).
    Off(Arc<str>),
    /// Several roster units fit, none better than the others.
    Ambiguous(Vec<RosterEntry>),
    /// A roster unit no submission was found for: the unit stands for the submission that
    /// is missing.
    Missing(RosterEntry),
}

/// Why a roster could not be read.
#[derive(Debug, thiserror::Error)]
pub enum RosterError {
    /// The file could not be opened as a workbook.
    #[error("无法读取名单 {file}：{source}")]
    Open {
        /// The roster, as shown.
        file: String,
        /// Why.
        source: workbook::OpenError,
    },
    /// A CSV roster could not be read.
    #[error("无法读取名单 {file}：{reason}")]
    Csv {
        /// The roster, as shown.
        file: String,
        /// Why.
        reason: String,
    },
    /// No column titled 单位名称.
    #[error("名单 {0} 中没有标题为“单位名称”的列")]
    NoNameColumn(String),
    /// The column is there, but no unit under it.
    #[error("名单 {0} 的“单位名称”列下面没有单位")]
    Empty(String),
}

/// Read a roster: `.xlsx`, `.xlsm`, `.xls`, `.ods` (the first sheet with a 单位名称 column),
/// or `.csv` (UTF-8 with or without a BOM, or GBK).
pub fn read_roster(path: &Path) -> Result<Roster, RosterError> {
    let file = shown(path);
    let grids = read_list(path).map_err(|e| match e {
        ListFileError::Open(source) => RosterError::Open {
            file: file.clone(),
            source,
        },
        ListFileError::Csv(reason) => RosterError::Csv {
            file: file.clone(),
            reason,
        },
    })?;
    for rows in &grids {
        if let Some(entries) = entries(rows) {
            if entries.is_empty() {
                return Err(RosterError::Empty(file));
            }
            return Ok(Roster {
                file: Arc::from(file.as_str()),
                entries,
            });
        }
    }
    Err(RosterError::NoNameColumn(file))
}

/// The roster's units, when a title row with 单位名称 is among the first rows.
fn entries(rows: &[Vec<String>]) -> Option<Vec<RosterEntry>> {
    let titled = |row: &[String], words: &[&str]| {
        row.iter()
            .position(|c| words.iter().any(|w| norm_no_parens(c) == *w))
    };
    let (head, name_col) = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .enumerate()
        .find_map(|(i, r)| titled(r, &["单位名称", "单位", "单位全称"]).map(|c| (i, c)))?;
    let code_col = titled(&rows[head], &["单位代码", "代码", "统一社会信用代码"]);
    let folder_col = titled(
        &rows[head],
        &["文件夹", "文件夹名称", "文件名", "报送文件夹"],
    );
    let at = |r: &[String], c: Option<usize>| {
        c.and_then(|c| r.get(c))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
    };
    Some(
        rows.iter()
            .enumerate()
            .skip(head + 1)
            .filter_map(|(i, r)| {
                let name = at(r, Some(name_col))?;
                let (code, folder) = (at(r, code_col), at(r, folder_col));
                let keys = Keys {
                    name: key(&name),
                    folder: folder.as_deref().map(key),
                    code: code.as_deref().map(key).filter(|c| !c.is_empty()),
                };
                Some(RosterEntry {
                    name,
                    code,
                    folder,
                    row: i as u32 + 1,
                    index: 0,
                    keys,
                })
            })
            .enumerate()
            .map(|(index, e)| RosterEntry { index, ..e })
            .collect(),
    )
}

impl Roster {
    /// Where a submission stands: found under `label` (its folder or file name) and stating
    /// `stated` (its 单位名称; the label again when it states none). Exact matches — the
    /// folder, the code in the folder name, the full name — come before a short name inside
    /// a full one; among equally good matches there must be one, else it is ambiguous.
    pub fn place(&self, label: &str, stated: &str) -> Listed {
        let (label, stated) = (key(label), key(stated));
        // Who sent it (the folder or file it came under) before what it says inside: a
        // ledger copied from another unit states that unit's name.
        let by_label_exact = self.matching(|e| {
            let k = &e.keys;
            k.folder.as_deref() == Some(label.as_str())
                || k.code.as_deref().is_some_and(|c| label.contains(c))
                || k.name == label
        });
        // 城关镇 ↔ 丰都县城关镇人民政府: either way round
        let short =
            |of: &str| self.matching(|e| within(&e.keys.name, of) || within(of, &e.keys.name));
        let by_label = match by_label_exact.len() {
            0 => short(&label),
            _ => by_label_exact,
        };
        let by_stated_exact = self.matching(|e| e.keys.name == stated);
        let by_stated = match by_stated_exact.len() {
            0 => short(&stated),
            _ => by_stated_exact,
        };
        match (&by_label[..], &by_stated[..]) {
            ([one], _) => Listed::On(self.entries[*one].clone()),
            // several fit the folder: what the ledger states may pick one of them
            ([_, _, ..], stated) => {
                let both: Vec<usize> = by_label
                    .iter()
                    .copied()
                    .filter(|i| stated.contains(i))
                    .collect();
                match both[..] {
                    [one] => Listed::On(self.entries[one].clone()),
                    _ => Listed::Ambiguous(self.pick(&by_label)),
                }
            }
            ([], [one]) => Listed::On(self.entries[*one].clone()),
            ([], []) => Listed::Off(self.file.clone()),
            ([], several) => Listed::Ambiguous(self.pick(several)),
        }
    }

    fn pick(&self, indices: &[usize]) -> Vec<RosterEntry> {
        indices.iter().map(|&i| self.entries[i].clone()).collect()
    }

    fn matching(&self, f: impl Fn(&RosterEntry) -> bool) -> Vec<usize> {
        self.entries
            .iter()
            .enumerate()
            .filter(|(_, e)| f(e))
            .map(|(i, _)| i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roster(rows: &[&[&str]]) -> Roster {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect())
            .collect();
        Roster {
            file: Arc::from("名单.xlsx"),
            entries: entries(&rows).expect("a 单位名称 column"),
        }
    }

    #[test]
    fn a_csv_roster_may_be_gbk_as_excel_saves_it() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("名单.csv");
        let (gbk, _, _) = encoding_rs::GBK.encode("序号,单位名称\r\n1,丰都县城关镇人民政府\r\n");
        std::fs::write(&path, &gbk).unwrap();
        let r = read_roster(&path).unwrap();
        assert_eq!(r.entries[0].name, "丰都县城关镇人民政府");
        std::fs::write(&path, b"\xff\xfe\x00\x81garbage").unwrap();
        assert!(read_roster(&path).is_err());
    }

    #[test]
    fn the_title_row_may_sit_below_a_heading() {
        let r = roster(&[
            &["2026年度软件正版化检查报送名单"],
            &[],
            &["序号", "单位代码", "单位名称", "文件夹"],
            &["1", "500230001", "丰都县城关镇人民政府", ""],
            &["2", "", "丰都县三合街道办事处", "三合"],
            &["3", "", "", ""],
        ]);
        assert_eq!(r.entries.len(), 2);
        assert_eq!(r.entries[0].row, 4);
        assert_eq!(r.entries[1].folder.as_deref(), Some("三合"));
    }

    #[test]
    fn submissions_are_placed_by_folder_code_name_and_short_name() {
        let r = roster(&[
            &["单位代码", "单位名称", "文件夹"],
            &["500230001", "丰都县城关镇人民政府", ""],
            &["", "丰都县三合街道办事处", "三合"],
            &["", "丰都县双龙镇人民政府", ""],
            &["", "丰都县双路镇人民政府", ""],
        ]);
        let on = |l: Listed| match l {
            Listed::On(e) => Some(e.index),
            _ => None,
        };
        assert_eq!(on(r.place("三合", "三合街道")), Some(1));
        assert_eq!(on(r.place("500230001-城关", "城关")), Some(0));
        assert_eq!(on(r.place("某某", "丰都县双龙镇人民政府（盖章）")), Some(2));
        assert_eq!(on(r.place("城关镇", "城关镇")), Some(0));
        assert_eq!(
            r.place("县教育局", "丰都县教育委员会"),
            Listed::Off("名单.xlsx".into())
        );
        // "丰都县双" is inside both 双龙 and 双路: stated, not guessed
        let Listed::Ambiguous(both) = r.place("丰都县双", "丰都县双") else {
            panic!("ambiguous")
        };
        assert_eq!(both.iter().map(|e| e.index).collect::<Vec<_>>(), [2, 3]);
    }
}
