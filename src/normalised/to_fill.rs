//! Which values of a unit's data are left for the clerk: a ledger the tool drafts (from the
//! computers' inventories) knows what it could not know — 部门, the purchase and the license —
//! and says so, so the workbook written from it can show those blanks (highlighted) rather
//! than leave them to be found by `check`.

use std::collections::BTreeSet;

use crate::schema::TableKind;

/// Where a value sits in a unit's data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The header block of a table (of every 附件9 sheet, for the maintenance logs).
    Header(TableKind),
    /// Row `n` (from 0) of a list table: 汇总表, 明细表, 免费软件清单.
    Row(TableKind, usize),
    /// Part 一 of the maintenance log `n` (from 0).
    Info(usize),
    /// Event `e` of the maintenance log `n`: `(n, e)`.
    Event(usize, usize),
}

/// The values to be filled in, by place and column key (the keys of [`crate::schema`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ToFill(BTreeSet<(Place, &'static str)>);

impl ToFill {
    /// Nothing to fill in: a workbook written from data a clerk typed.
    pub const NONE: ToFill = ToFill(BTreeSet::new());

    /// The keys marked at `place`.
    pub fn keys(&self, place: Place) -> impl Iterator<Item = &'static str> + '_ {
        self.0
            .range((place, "")..)
            .take_while(move |(p, _)| *p == place)
            .map(|(_, k)| *k)
    }

    /// Mark the value `key` at `place` as the clerk's to fill in.
    pub fn mark(&mut self, place: Place, key: &'static str) {
        self.0.insert((place, key));
    }

    /// Whether the value `key` at `place` is the clerk's to fill in.
    pub fn contains(&self, place: Place, key: &str) -> bool {
        self.keys(place).any(|k| k == key)
    }

    /// Whether nothing is marked.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many values are marked.
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_by_place_and_key() {
        let mut t = ToFill::default();
        t.mark(Place::Row(TableKind::Usage, 2), "department");
        t.mark(Place::Header(TableKind::Usage), "filler");
        assert!(t.contains(Place::Row(TableKind::Usage, 2), "department"));
        assert!(!t.contains(Place::Row(TableKind::Usage, 1), "department"));
        assert!(!t.contains(Place::Row(TableKind::Summary, 2), "department"));
        assert!(t.contains(Place::Header(TableKind::Usage), "filler"));
        assert_eq!(t.len(), 2);
    }
}
