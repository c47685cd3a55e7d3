//! Where a table `derive` adds goes, and what it is called: in the unit's own layout.
//!
//! A 双龙镇 workbook numbers its tables 表1–表9 and names sheets "表5 汇总表" or just "表5";
//! the national layout says 附件1–11. Added sheets follow what the unit's sheet names show
//! (the number scheme, whether a name follows the number and with which separator), and a
//! maintenance sheet is named like the unit's other maintenance sheets with its own number
//! in place of theirs ("表7 RJ003" → "表7 RJ012"). For a unit split over several files, a
//! table goes into the file that holds the table it completes.

use std::sync::Arc;

use crate::base::gate;
use crate::ledger::Unit;
use crate::schema::TableKind;

/// How the unit numbers its tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Numbering {
    /// 附件1–11 (the national guide).
    National,
    /// 表1–表9 (the 双龙镇 adoption).
    Biao,
}

/// The unit's naming, read from its sheets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The number scheme.
    pub numbering: Numbering,
    /// What follows the number in a sheet name: `None` for bare "表5", else the separator
    /// before the table's short name (" " in "表5 汇总表").
    pub separator: Option<String>,
    /// A maintenance sheet of the unit whose name contains its number: (name, number).
    pub maintenance_example: Option<(String, String)>,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            numbering: Numbering::National,
            separator: Some(" ".into()),
            maintenance_example: None,
        }
    }
}

/// The number of a table in a scheme, where it has one.
pub fn number(kind: TableKind, numbering: Numbering) -> Option<u8> {
    match numbering {
        Numbering::National => Some(kind.national_number()).filter(|n| *n > 0),
        Numbering::Biao => kind.shuanglong_number(),
    }
}

fn prefix(numbering: Numbering) -> &'static str {
    match numbering {
        Numbering::National => "附件",
        Numbering::Biao => "表",
    }
}

/// What follows "附件N"/"表N" at the start of `name`, when it starts so (and N is not the
/// start of a longer number).
fn after_number(name: &str, numbering: Numbering, n: u8) -> Option<&str> {
    let head = format!("{}{n}", prefix(numbering));
    let rest = name.trim().strip_prefix(head.as_str())?;
    (!rest.starts_with(|c: char| c.is_ascii_digit())).then_some(rest)
}

/// The short name of a table in a sheet name ("汇总表", "信息统计表").
pub fn short_name(kind: TableKind) -> &'static str {
    match kind {
        TableKind::Maintenance => "安装维护明细表",
        TableKind::Classification => "软件分类",
        other => {
            let name = crate::templates::sheet_name(other);
            name.split_once(' ').map_or(name, |(_, rest)| rest)
        }
    }
}

impl Layout {
    /// Read the layout from the names of the sheets that hold the unit's tables.
    pub fn of(unit: &Unit) -> Layout {
        let mut national = 0;
        let mut biao = 0;
        let mut bare = 0;
        let mut separators: Vec<String> = Vec::new();
        for (meta, _) in unit.tables() {
            for numbering in [Numbering::National, Numbering::Biao] {
                let Some(n) = number(meta.kind, numbering) else {
                    continue;
                };
                let Some(rest) = after_number(&meta.sheet, numbering, n) else {
                    continue;
                };
                match numbering {
                    Numbering::National => national += 1,
                    Numbering::Biao => biao += 1,
                }
                if meta.kind == TableKind::Maintenance {
                    continue;
                }
                let sep: String = rest
                    .chars()
                    .take_while(|c| c.is_whitespace() || "-_·.、".contains(*c))
                    .collect();
                if rest.is_empty() {
                    bare += 1;
                } else if !sep.is_empty() {
                    separators.push(sep);
                }
            }
        }
        let numbering = if biao > national {
            Numbering::Biao
        } else {
            Numbering::National
        };
        let separator = if bare > separators.len() {
            None
        } else {
            Some(most_common(&separators).unwrap_or_else(|| " ".into()))
        };
        let maintenance_example = unit.maintenance.iter().find_map(|m| {
            let id = m.id()?;
            m.meta
                .sheet
                .contains(id)
                .then(|| (m.meta.sheet.to_string(), id.to_string()))
        });
        Layout {
            numbering,
            separator,
            maintenance_example,
        }
    }

    /// The label above an added table's title ("附件5", "表3"); `None` for 软件分类.
    pub fn annex_label(&self, kind: TableKind) -> Option<String> {
        number(kind, self.numbering).map(|n| format!("{}{n}", prefix(self.numbering)))
    }

    /// The sheet name of an added table (before making it unique).
    pub fn sheet_name(&self, kind: TableKind) -> String {
        match self.annex_label(kind) {
            None => short_name(kind).to_string(),
            Some(label) => match &self.separator {
                None => label,
                Some(sep) => format!("{label}{sep}{}", short_name(kind)),
            },
        }
    }

    /// The sheet name of an added maintenance table for software number `id` (before making
    /// it unique and acceptable with [`unique_name`]).
    pub fn maintenance_sheet_name(&self, id: &str) -> String {
        if let Some((name, example)) = &self.maintenance_example {
            return name.replacen(example.as_str(), id, 1);
        }
        let label = self
            .annex_label(TableKind::Maintenance)
            .unwrap_or_else(|| "附件9".into());
        match self.numbering {
            Numbering::Biao => format!("{label} {id}"),
            Numbering::National => format!("{label}-{id}"),
        }
    }
}

fn most_common(items: &[String]) -> Option<String> {
    let mut best: Option<(&String, usize)> = None;
    for s in items {
        let n = items.iter().filter(|t| *t == s).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((s, n));
        }
    }
    best.map(|(s, _)| s.clone())
}

/// A sheet name not yet taken (case-insensitively, as Excel compares) and acceptable to
/// Excel: `base` made so by the gate (base/gate.rs), else `base (2)`, `base (3)` …
pub fn unique_name(base: &str, taken: &[String]) -> String {
    gate::sheet_name(base, taken)
}

/// The file an added or completed table of `kind` goes into: the file of the unit's table
/// of that kind, else of the table it is derived from (the usage ledger for maintenance
/// logs, the summary for the rest).
pub fn file_for(unit: &Unit, kind: TableKind) -> Option<Arc<str>> {
    let own = unit
        .tables()
        .into_iter()
        .find(|(m, _)| m.kind == kind)
        .map(|(m, _)| m.file.clone());
    let summary = unit.summary().map(|s| s.meta.file.clone());
    match kind {
        TableKind::Maintenance => own
            .or_else(|| unit.usage().map(|u| u.meta.file.clone()))
            .or(summary),
        _ => own.or(summary),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_numbering() {
        let biao = Layout {
            numbering: Numbering::Biao,
            separator: Some(" ".into()),
            maintenance_example: Some(("表7 RJ003".into(), "RJ003".into())),
        };
        assert_eq!(biao.sheet_name(TableKind::Statistics), "表3 信息统计表");
        assert_eq!(biao.sheet_name(TableKind::Classification), "软件分类");
        assert_eq!(biao.maintenance_sheet_name("RJ012"), "表7 RJ012");
        assert_eq!(
            biao.annex_label(TableKind::FreeList).as_deref(),
            Some("表4")
        );
        let bare = Layout {
            numbering: Numbering::Biao,
            separator: None,
            maintenance_example: None,
        };
        assert_eq!(bare.sheet_name(TableKind::PurchasePlan), "表2");
        assert_eq!(bare.maintenance_sheet_name("JY06"), "表7 JY06");
        let national = Layout::default();
        assert_eq!(
            national.sheet_name(TableKind::Statistics),
            "附件5 信息统计表"
        );
        assert_eq!(
            unique_name(&national.maintenance_sheet_name("A/B"), &[]),
            "附件9-A_B"
        );
    }

    #[test]
    fn unique_names_add_a_counter() {
        let taken = vec!["软件分类".to_string(), "软件分类 (2)".to_string()];
        assert_eq!(unique_name("软件分类", &taken), "软件分类 (3)");
        assert_eq!(unique_name("新表", &taken), "新表");
        let long = "长".repeat(40);
        assert_eq!(unique_name(&long, &[]).chars().count(), 31);
    }

    #[test]
    fn numbers_are_not_prefixes_of_longer_numbers() {
        assert_eq!(
            after_number("附件10 维护申请表", Numbering::National, 1),
            None
        );
        assert_eq!(
            after_number("表5 汇总表", Numbering::Biao, 5),
            Some(" 汇总表")
        );
        assert_eq!(after_number("表5", Numbering::Biao, 5), Some(""));
    }
}
