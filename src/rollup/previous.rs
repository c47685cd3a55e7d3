//! 与上年比较 (`report --previous`): each unit of this round beside its submission of last
//! year — computers, licenses held and 正版率 then and now — with the units new this year
//! and those that sent something last year and nothing now. Which submission was a unit's
//! last year is the rules' matching (`rules::last_year`), and what the comparison says of a
//! ledger not kept up or of licenses gone is computed by the fingerprint methods the rules
//! use: one answer, drawn here and in the diagnostics.

use super::unit::{Rates, UnitEntry};
use crate::rules::Fingerprint;

/// A unit's figures in one year.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// Computers in its usage ledger.
    pub computers: usize,
    /// Licenses its 汇总表 holds (commercial rows' 许可数量); `None` when the run that read
    /// it kept no fingerprint.
    pub licences: Option<i64>,
    /// 正版率 per category.
    pub rates: Rates,
}

impl Figures {
    fn of(e: &UnitEntry, print: Option<&Fingerprint>) -> Figures {
        Figures {
            computers: e.metrics.computers,
            licences: print.map(|p| p.licences.iter().map(|h| h.count).sum()),
            rates: e.metrics.rates,
        }
    }
}

/// One line of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareRow {
    /// The unit's name (this year's, or last year's for a unit that sent nothing now).
    pub name: String,
    /// Where this year's submission came from.
    pub source: Option<String>,
    /// Where last year's came from.
    pub last_source: Option<String>,
    /// Last year's figures; `None`: no submission last year.
    pub then: Option<Figures>,
    /// This year's; `None`: nothing sent this year.
    pub now: Option<Figures>,
    /// What changed that needs a look, in words (新报送, 今年未报送, 台账与上年相同, …).
    pub remarks: Vec<String>,
}

/// The comparison with last year's round.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    /// Where last year's round was read from.
    pub from: String,
    /// This year's units in the roll-up's order, then last year's units gone.
    pub rows: Vec<CompareRow>,
}

impl Comparison {
    /// Units new this year.
    pub fn new_units(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.then.is_none() && r.now.is_some())
            .count()
    }

    /// Last year's units that sent nothing this year.
    pub fn gone_units(&self) -> usize {
        self.rows.iter().filter(|r| r.now.is_none()).count()
    }
}

/// Last year's round as read back: each unit's entry and fingerprint.
#[derive(Debug, Clone, Default)]
pub struct LastYear {
    /// Where it was read from, as shown.
    pub from: String,
    /// Its units.
    pub units: Vec<(UnitEntry, Fingerprint)>,
}

impl LastYear {
    /// Add a unit read back from a run's JSON. A run that kept no fingerprint (an older
    /// version, or the rules across units turned off) still tells the unit's name and where
    /// it came from, which is enough to match it and compare its figures.
    pub fn add(&mut self, entry: UnitEntry, print: Option<Fingerprint>) {
        // a roster unit that sent nothing last year is not a submission of last year
        if entry.status == super::unit::UnitStatus::Missing {
            return;
        }
        let print = print.unwrap_or_else(|| Fingerprint {
            name: entry.name.clone(),
            found_as: entry
                .source
                .as_deref()
                .map(std::path::Path::new)
                .and_then(|p| p.file_stem())
                .and_then(|s| s.to_str())
                .map(str::to_string),
            home: entry.source.as_deref().map(Into::into),
            stated: Some((entry.name.clone(), None)),
            ..Fingerprint::default()
        });
        self.units.push((entry, print));
    }

    /// The fingerprints, for the round's rules.
    pub fn prints(&self) -> Vec<Fingerprint> {
        self.units.iter().map(|(_, p)| p.clone()).collect()
    }
}

/// The comparison of this year's units (`now`, with their fingerprints where kept, and
/// `matched`, each one's index in `last`) with last year's round.
pub fn compare(
    now: &[(&UnitEntry, Option<&Fingerprint>, Option<usize>)],
    last: &LastYear,
    as_of: chrono::NaiveDate,
) -> Comparison {
    let mut seen = vec![false; last.units.len()];
    let mut rows: Vec<CompareRow> = Vec::new();
    for (e, print, matched) in now {
        if e.status == super::unit::UnitStatus::Missing {
            continue;
        }
        let before = matched.and_then(|i| {
            seen[i] = true;
            last.units.get(i)
        });
        let mut remarks: Vec<String> = Vec::new();
        if before.is_none() {
            remarks.push("上年没有报送（或名称、文件夹都变了）".into());
        }
        if let (Some(print), Some((_, then))) = (print, before) {
            if print.same_ledger_as(then) {
                remarks.push("台账与上年逐行相同，没有更新".into());
            }
            remarks.extend(
                print
                    .licences_gone_since(then, as_of)
                    .iter()
                    .map(|g| g.said()),
            );
        }
        rows.push(CompareRow {
            name: e.name.clone(),
            source: e.source.clone(),
            last_source: before.and_then(|(b, _)| b.source.clone()),
            then: before.map(|(b, p)| Figures::of(b, Some(p))),
            now: Some(Figures::of(e, *print)),
            remarks,
        });
    }
    let natural = crate::ledger::natural::natural_cmp;
    rows.sort_by(|a, b| {
        natural(&a.name, &b.name).then_with(|| {
            natural(
                a.source.as_deref().unwrap_or(""),
                b.source.as_deref().unwrap_or(""),
            )
        })
    });
    let from = rows.len();
    for ((b, p), _) in last.units.iter().zip(&seen).filter(|(_, s)| !**s) {
        rows.push(CompareRow {
            name: b.name.clone(),
            source: None,
            last_source: b.source.clone(),
            then: Some(Figures::of(b, Some(p))),
            now: None,
            remarks: vec!["上年报送了，今年没有".into()],
        });
    }
    rows[from..].sort_by(|a, b| natural(&a.name, &b.name));
    Comparison {
        from: last.from.clone(),
        rows,
    }
}
