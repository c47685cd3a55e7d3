//! Which 计算机编号 a log event or a usage row means, when the two ledgers spell a
//! computer differently.

use super::*;
use crate::base::text::norm;

/// A 计算机编号 reduced to what a typo rarely changes: letters upper-cased, separators
/// dropped, leading zeros of each digit run dropped (`sj-pc-01` ~ `SJPC001`).
pub(crate) fn computer_key(s: &str) -> String {
    let mut out = String::new();
    let mut in_digits = false;
    let mut leading = true;
    for c in s.chars().filter(|c| c.is_alphanumeric()) {
        let c = c.to_ascii_uppercase();
        if c.is_ascii_digit() {
            if !in_digits {
                in_digits = true;
                leading = true;
            }
            if leading && c == '0' {
                continue;
            }
            leading = false;
        } else {
            if in_digits && leading {
                out.push('0');
            }
            in_digits = false;
        }
        out.push(c);
    }
    if in_digits && leading {
        out.push('0');
    }
    out
}

/// Whether two different 计算机编号 are probably one typed twice: equal keys, or one
/// character inserted, dropped or two neighbours swapped. A replaced character is not
/// enough: `PC-001` and `PC-002` are two computers.
pub fn similar_computers(a: &str, b: &str) -> bool {
    a != b && Spelling::of(a).similar(&Spelling::of(b))
}

/// A 计算机编号 prepared for comparison, computed once per number.
pub(super) struct Spelling {
    /// [`computer_key`].
    key: String,
    /// Letters and digits, upper-cased.
    chars: Vec<char>,
}

impl Spelling {
    fn of(s: &str) -> Self {
        Spelling {
            key: computer_key(s),
            chars: s
                .chars()
                .filter(|c| c.is_alphanumeric())
                .map(|c| c.to_ascii_uppercase())
                .collect(),
        }
    }

    /// [`similar_computers`] for two different numbers.
    fn similar(&self, other: &Spelling) -> bool {
        let (x, y) = (&self.chars, &other.chars);
        if x.len().abs_diff(y.len()) > 1 && self.key.len().abs_diff(other.key.len()) > 1 {
            return false;
        }
        if self.key == other.key {
            return true;
        }
        if x.len() < 3 || y.len() < 3 {
            return false;
        }
        // strsim counts the edits; what is allowed is one insertion, or one swap of two
        // neighbours (a swap is one Damerau edit but two changed places, a replacement one).
        match x.len().abs_diff(y.len()) {
            1 => strsim::generic_levenshtein(x, y) == 1,
            0 => {
                strsim::generic_damerau_levenshtein(x, y) == 1
                    && strsim::generic_hamming(x, y).is_ok_and(|d| d == 2)
            }
            _ => false,
        }
    }
}

/// Resolve 计算机编号 across the usage ledger and the maintenance logs. An event's computer
/// unknown to the usage ledger is read as the usage computer it is similar to (or shares a
/// 使用人 with) when that computer has the software in the usage ledger but not in this log;
/// symmetrically for a usage row's computer unknown to every log. When both sides would be
/// mapped onto each other (one computer numbered differently in the two ledgers), only the
/// logs are mapped, onto the usage ledger's spelling.
pub(super) fn resolve_computers(
    has_usage: bool,
    usage_rows: &[UsageRow],
    usage_ids: &[Option<Resolved>],
    tables: &[Maintenance],
    maintenance_ids: &[Option<Resolved>],
) -> (Vec<Option<Resolved>>, Vec<Vec<Option<Resolved>>>) {
    // Only membership is asked of these sets; what is only needed when a number is unknown
    // to the other ledger (users, candidates and their spellings) is built on first use, as
    // a consistent unit never needs it.
    let in_usage: FastSet<&str> = usage_rows.iter().filter_map(|r| r.computer()).collect();
    let in_logs: FastSet<&str> = tables
        .iter()
        .flat_map(|m| m.events.iter().filter_map(|e| e.computer()))
        .collect();
    let users = std::cell::OnceCell::new();
    let users = || users.get_or_init(|| Users::new(usage_rows, tables));
    let settled: Vec<FastSet<&str>> = tables.iter().map(settled_computers).collect();
    // Usage computers holding each summary number.
    let mut usage_holding: FastMap<&str, FastSet<&str>> = FastMap::default();
    for (r, id) in usage_rows.iter().zip(usage_ids) {
        if let (Some(c), Some(id)) = (r.computer(), id) {
            usage_holding.entry(id.id.as_str()).or_default().insert(c);
        }
    }
    // Per table: typed computer → (strength, usage computer) it probably means.
    let mut guesses: Vec<BTreeMap<&str, (u8, &str)>> = Vec::new();
    for (t, (m, id)) in tables.iter().zip(maintenance_ids).enumerate() {
        let mut table: BTreeMap<&str, (u8, &str)> = BTreeMap::new();
        if has_usage {
            // Each typed computer is guessed on its own: the order they are tried in does not
            // matter.
            let own: FastSet<&str> = m.events.iter().filter_map(|e| e.computer()).collect();
            let open = std::cell::OnceCell::new();
            let open = || {
                open.get_or_init(|| {
                    let holding = id.as_ref().and_then(|id| usage_holding.get(id.id.as_str()));
                    Candidates::new(
                        holding
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|u| !own.contains(u)),
                    )
                })
            };
            for c in &own {
                if in_usage.contains(c) || settled[t].contains(c) {
                    continue;
                }
                let open = open();
                let by_user = || {
                    let users = users();
                    let named: BTreeSet<&str> = users.table_users[t]
                        .get(c)
                        .into_iter()
                        .flatten()
                        .filter_map(|u| users.usage_by_user.get(u))
                        .flatten()
                        .copied()
                        .filter(|u| open.contains(u) && !in_logs.contains(u))
                        .collect();
                    named.into_iter().collect()
                };
                if let Some(guess) = best_guess(c, open, by_user) {
                    table.insert(c, guess);
                }
            }
        }
        guesses.push(table);
    }
    // One usage computer stands for one computer of the logs: when several would be read as
    // it, only the single best-matching one is.
    let mut by_target: BTreeMap<&str, BTreeMap<&str, u8>> = BTreeMap::new();
    for table in &guesses {
        for (c, (strength, u)) in table {
            let slot = by_target.entry(u).or_default().entry(c).or_insert(0);
            *slot = (*slot).max(*strength);
        }
    }
    let kept: BTreeSet<(&str, &str)> = by_target
        .iter()
        .filter_map(|(u, typed)| {
            let best = typed.values().max()?;
            match typed
                .iter()
                .filter(|(_, s)| *s == best)
                .collect::<Vec<_>>()
                .as_slice()
            {
                [(c, _)] => Some((**c, *u)),
                _ => None,
            }
        })
        .collect();
    let event_computers: Vec<Vec<Option<Resolved>>> = tables
        .iter()
        .zip(&guesses)
        .map(|(m, table)| {
            m.events
                .iter()
                .map(|e| {
                    let c = e.computer()?;
                    match table.get(c) {
                        Some((_, u)) if kept.contains(&(c, *u)) => Some(Resolved::guess(u)),
                        _ => Some(Resolved::typed(c)),
                    }
                })
                .collect()
        })
        .collect();
    let mapped_logs: BTreeSet<(&str, &str)> = tables
        .iter()
        .zip(&event_computers)
        .flat_map(|(m, cs)| {
            m.events.iter().zip(cs).filter_map(|(e, c)| {
                let c = c.as_ref().filter(|c| c.guessed)?;
                Some((e.computer()?, c.id.as_str()))
            })
        })
        .collect();
    // Computers the logs of a software leave holding it, and the usage ledger does not
    // list with it: what a usage row's unknown computer may stand for.
    let mut open_by_id: FastMap<&str, Candidates> = FastMap::default();
    let usage_computers = usage_rows
        .iter()
        .zip(usage_ids)
        .map(|(r, id)| {
            let c = r.computer()?;
            if tables.is_empty() || in_logs.contains(c) {
                return Some(Resolved::typed(c));
            }
            let Some(id) = id else {
                return Some(Resolved::typed(c));
            };
            let open = open_by_id.entry(id.id.as_str()).or_insert_with(|| {
                let holding = usage_holding.get(id.id.as_str());
                let computers = tables
                    .iter()
                    .zip(maintenance_ids)
                    .zip(&settled)
                    .filter(|((_, mid), _)| mid.as_ref().is_some_and(|m| m.id == id.id))
                    .flat_map(|((m, _), done)| {
                        m.events
                            .iter()
                            .filter_map(|e| e.computer())
                            .filter(move |c| !done.contains(c))
                    })
                    .filter(|m| holding.is_none_or(|h| !h.contains(m)));
                Candidates::new(computers)
            });
            let by_user = || {
                let users = users();
                r.user
                    .value()
                    .and_then(|u| users.log_by_user.get(&norm(u)))
                    .into_iter()
                    .flatten()
                    .copied()
                    .filter(|m| open.contains(m) && !in_usage.contains(m))
                    .collect()
            };
            let Some((_, guess)) = best_guess(c, open, by_user) else {
                return Some(Resolved::typed(c));
            };
            if mapped_logs.contains(&(guess, c)) {
                Some(Resolved::typed(c))
            } else {
                Some(Resolved::guess(guess))
            }
        })
        .collect();
    (usage_computers, event_computers)
}

/// Computers by 使用人 / 姓名, in the usage ledger and in each log; users by computer in
/// each log (normalised names).
struct Users<'a> {
    usage_by_user: FastMap<String, BTreeSet<&'a str>>,
    log_by_user: FastMap<String, BTreeSet<&'a str>>,
    table_users: Vec<FastMap<&'a str, BTreeSet<String>>>,
}

impl<'a> Users<'a> {
    fn new(usage_rows: &'a [UsageRow], tables: &'a [Maintenance]) -> Self {
        let mut usage_by_user: FastMap<String, BTreeSet<&str>> = FastMap::default();
        for r in usage_rows {
            if let (Some(c), Some(u)) = (r.computer(), r.user.value()) {
                usage_by_user.entry(norm(u)).or_default().insert(c);
            }
        }
        let mut log_by_user: FastMap<String, BTreeSet<&str>> = FastMap::default();
        let table_users = tables
            .iter()
            .map(|m| {
                let mut users: FastMap<&str, BTreeSet<String>> = FastMap::default();
                for e in &m.events {
                    if let (Some(c), Some(u)) = (e.computer(), e.user.value()) {
                        let u = norm(u);
                        log_by_user.entry(u.clone()).or_default().insert(c);
                        users.entry(c).or_default().insert(u);
                    }
                }
                users
            })
            .collect();
        Users {
            usage_by_user,
            log_by_user,
            table_users,
        }
    }
}

/// The computers whose history in one log is complete on its own: first installed, then
/// uninstalled as often (a computer scrapped or replaced). Such a number is not a typo to
/// resolve even when the usage ledger no longer lists it.
pub(super) fn settled_computers(m: &Maintenance) -> FastSet<&str> {
    type Step = (Option<NaiveDate>, usize, Action, i64);
    let mut by_computer: FastMap<&str, Vec<Step>> = FastMap::default();
    for (i, e) in m.events.iter().enumerate() {
        if let (Some(c), Some(a)) = (e.computer(), e.action.single()) {
            by_computer
                .entry(c)
                .or_default()
                .push((e.date.value().copied(), i, a, count_of(e)));
        }
    }
    by_computer
        .into_iter()
        .filter_map(|(c, mut steps)| {
            steps.sort_by_key(|s| (s.0, s.1));
            let net: i64 = steps
                .iter()
                .map(|(_, _, a, n)| match a {
                    Action::Install => *n,
                    Action::Uninstall => -*n,
                })
                .sum();
            (steps.first().is_some_and(|s| s.2 == Action::Install) && net == 0).then_some(c)
        })
        .collect()
}

/// The one candidate a typed computer number most probably means, with the strength of the
/// match: 3 for the same number written differently (`SJ-PC-01` ~ `SJ-PC-001`), 2 for one
/// character more, fewer or swapped, 1 for the same 使用人. `None` when no single candidate
/// is best.
pub(super) fn best_guess<'c>(
    typed: &str,
    candidates: &Candidates<'c>,
    by_user: impl FnOnce() -> Vec<&'c str>,
) -> Option<(u8, &'c str)> {
    if candidates.set.is_empty() {
        return None;
    }
    let spelling = Spelling::of(typed);
    let list = candidates.list();
    let same_key: Vec<&str> = list
        .iter()
        .filter(|(_, s)| s.key == spelling.key)
        .map(|(c, _)| *c)
        .collect();
    if let [one] = same_key.as_slice() {
        return Some((3, one));
    }
    if !same_key.is_empty() {
        return None;
    }
    let similar: Vec<&str> = list
        .iter()
        .filter(|(c, s)| *c != typed && spelling.similar(s))
        .map(|(c, _)| *c)
        .collect();
    match similar.as_slice() {
        [one] => return Some((2, one)),
        [] => {}
        _ => return None,
    }
    match by_user().as_slice() {
        [one] => Some((1, one)),
        _ => None,
    }
}

/// The computers a typed number may stand for; their spellings are prepared when first
/// compared.
pub(super) struct Candidates<'c> {
    set: BTreeSet<&'c str>,
    list: std::cell::OnceCell<Vec<(&'c str, Spelling)>>,
}

impl<'c> Candidates<'c> {
    fn new(computers: impl Iterator<Item = &'c str>) -> Self {
        Candidates {
            set: computers.collect(),
            list: std::cell::OnceCell::new(),
        }
    }

    fn list(&self) -> &[(&'c str, Spelling)] {
        self.list
            .get_or_init(|| self.set.iter().map(|c| (*c, Spelling::of(c))).collect())
    }

    fn contains(&self, c: &str) -> bool {
        self.set.contains(c)
    }
}
