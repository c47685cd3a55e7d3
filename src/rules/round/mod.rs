//! ZB6xx — across the units of a round: what only shows when a submission is held against
//! the inspector's roster or the other submissions (a 单位名称 copied from another unit, one
//! ledger sent by two units, a license serial registered by several).
//!
//! The rules of one unit see its model; these see the round through what each unit left
//! behind ([`Fingerprint`]), once every unit has been checked, and put each finding on every
//! unit involved, `related` pointing at the others.

pub mod fingerprint;

rules! {
    ZB601 identical_ledgers,
    ZB602 shared_serial,
    ZB603 name_differs_from_roster,
    ZB604 one_unit_twice,
    ZB605 unchanged_since_last_year,
    ZB606 licences_gone,
}

use super::{Check, Diagnostic, Rule, Severity, Sink, Target};
use crate::ledger::roster::Roster;

pub use fingerprint::Fingerprint;

/// A round of units, as the rules across units see it.
#[derive(Debug, Clone, Copy)]
pub struct Round<'a> {
    /// Every unit that sent something, in the order of the report.
    pub units: &'a [Fingerprint],
    /// The inspector's roster, if one was given.
    pub roster: Option<&'a Roster>,
    /// Last year's round (`report --previous`), empty without one.
    pub previous: &'a [Fingerprint],
    /// For each unit, its submission in last year's round ([`last_year`]).
    pub last_year: &'a [Option<usize>],
    /// The check date.
    pub as_of: chrono::NaiveDate,
}

impl Round<'_> {
    /// Unit `i`'s submission of last year, if it had one.
    pub fn last_year_of(&self, i: usize) -> Option<&Fingerprint> {
        self.previous.get((*self.last_year.get(i)?)?)
    }
}

/// Which of last year's submissions each unit's is: the one stating the same 单位名称, else
/// the one that came under the same folder (or file) name; a name two of last year's
/// submissions share matches neither (never guessed).
pub fn last_year(units: &[Fingerprint], previous: &[Fingerprint]) -> Vec<Option<usize>> {
    use crate::base::text::unit_name_key as key;
    use std::collections::HashMap;
    let index = |of: &dyn Fn(&Fingerprint) -> Option<String>| {
        let mut map: HashMap<String, Option<usize>> = HashMap::new();
        for (i, p) in previous.iter().enumerate() {
            if let Some(k) = of(p).filter(|k| !k.is_empty()) {
                map.entry(k).and_modify(|e| *e = None).or_insert(Some(i));
            }
        }
        map
    };
    let folder = |p: &Fingerprint| p.found_as.as_deref().map(key);
    let (by_name, by_folder) = (index(&|p| p.name_key()), index(&folder));
    units
        .iter()
        .map(|u| {
            u.name_key()
                .and_then(|k| by_name.get(&k).copied().flatten())
                .or_else(|| folder(u).and_then(|k| by_folder.get(&k).copied().flatten()))
        })
        .collect()
}

/// Collects one round rule's diagnostics, each with the unit (its index in the round) it
/// belongs to.
pub struct RoundSink {
    sink: Sink,
    units: Vec<usize>,
}

impl RoundSink {
    /// A sink for one rule.
    pub fn new(code: &'static str, severity: Severity) -> Self {
        RoundSink {
            sink: Sink::new(code, severity),
            units: Vec::new(),
        }
    }

    /// Report a finding on one unit of the round; returns it so related places can be
    /// added.
    pub fn report(
        &mut self,
        unit: usize,
        target: impl Into<Target>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> &mut Diagnostic {
        self.units.push(unit);
        self.sink.report(target, message, help)
    }

    /// The findings, each with its unit.
    pub fn into_found(self) -> Vec<(usize, Diagnostic)> {
        self.units.into_iter().zip(self.sink.diagnostics).collect()
    }
}

/// Run one rule over a round, if it is a round rule (`None` otherwise).
pub fn check_rule(
    rule: &Rule,
    round: &Round,
    severity: Severity,
) -> Option<Vec<(usize, Diagnostic)>> {
    let Check::Round(check) = rule.check else {
        return None;
    };
    let mut sink = RoundSink::new(rule.code, severity);
    check(round, &mut sink);
    Some(sink.into_found())
}

/// Whether a rule is of this group: about a submission among the others of its round.
pub fn is_of_the_round(rule: &Rule) -> bool {
    RULES.iter().any(|r| r.code == rule.code)
}

/// Whether a rule looks at a whole round.
pub fn is_round_rule(rule: &Rule) -> bool {
    matches!(rule.check, Check::Round(_))
}

/// Where a unit of the round is, for a related place: its folder or file.
fn home(u: &Fingerprint) -> Target {
    match &u.home {
        Some(h) => Target::File(h.clone()),
        None => Target::Unit,
    }
}

/// The most other units a finding lists as related places: a round where hundreds of units
/// sent one file would otherwise put every unit on every unit (the message says how many).
/// Every finding is kept until the round's end: with 20 copies of each of 200 units (4,000
/// units each in a group of 20) 20 places made the round peak at 162 MiB, 5 keep it near
/// the figure of a round without copies (bench/round4000.md).
const MAX_RELATED: usize = 5;

/// Names in a message: the first few of `total`, and how many in all (`甲、乙、丙 等 12 个单位`).
fn listed(names: &[String], total: usize) -> String {
    const SHOWN: usize = 3;
    if total <= SHOWN && names.len() >= total {
        return names[..total].join("、");
    }
    format!(
        "{} 等 {total} 个单位",
        names[..SHOWN.min(names.len())].join("、")
    )
}

/// The first `n` members of a group sorted by [`Fingerprint::sort_key`] other than `me`:
/// whom a unit's finding names.
fn others_of(sorted: &[usize], me: usize, n: usize) -> Vec<usize> {
    sorted
        .iter()
        .copied()
        .filter(|j| *j != me)
        .take(n)
        .collect()
}

/// A group's members in the order messages list them.
fn sorted(units: &[Fingerprint], members: &[usize]) -> Vec<usize> {
    let mut out = members.to_vec();
    out.sort_by_cached_key(|i| units[*i].sort_key());
    out
}
