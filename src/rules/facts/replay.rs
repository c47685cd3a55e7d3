//! The maintenance replay: each log walked in date order, per computer.

use super::*;

/// The outcome of replaying one maintenance table in date order.
#[derive(Debug, Clone, Default)]
pub struct Replay {
    /// Uninstalls from a computer that does not have the software at that date.
    pub orphan_uninstalls: Vec<usize>,
    /// Installs on a computer that already has it: (event, the earlier install).
    pub repeat_installs: Vec<(usize, usize)>,
    /// The first date installed copies exceed the licenses: (event, copies, licenses).
    pub over_license: Option<(usize, i64, i64)>,
    /// Computers holding the software at the end → the install that put it there.
    pub holders: BTreeMap<String, usize>,
    /// Computers that held the software and no longer do → the uninstall that removed it.
    pub removed: BTreeMap<String, usize>,
    /// Σ 安装 − Σ 卸载 安装数量 (an unreadable count is 1; a row with unclear boxes counts as
    /// the replay reads it).
    pub net: i64,
    /// Copies held at the end of the replay: like `net`, but an install repeated on a
    /// computer that has the software, or an uninstall from one that lacks it, changes nothing.
    pub held: i64,
    /// Copies installed by rows without a 计算机编号 (in `held`, held by no computer).
    pub unattributed: i64,
    /// OEM copies moved from one computer to another.
    pub oem_moves: Vec<OemMove>,
    /// Events dated after the check date, left out of the replay: the replay stops at the
    /// check date (ZB310 reports them).
    pub future: Vec<usize>,
    /// The replay with those events counted, when there are any: a difference between the
    /// ledgers that counting them would settle is theirs (ZB310's), not a fault of its own.
    pub with_future: Option<Box<Replay>>,
}

/// An OEM copy uninstalled from one computer and installed on another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OemMove {
    /// The uninstall (event index).
    pub uninstall: usize,
    /// The install on the other computer.
    pub install: usize,
    /// Whether the other computer is new (first seen that day) and the first stays in use;
    /// otherwise the other computer was in use before.
    pub onto_new: bool,
}

/// What the replay needs to know of every computer across the unit's ledgers.
#[derive(Debug, Default)]
pub(super) struct Whereabouts<'a> {
    /// When each computer first appears in any log or as a usage row's 安装日期.
    pub first_seen: FastMap<&'a str, NaiveDate>,
    /// The last install on each computer in any log (up to the check date).
    pub last_install: FastMap<&'a str, NaiveDate>,
    /// Computers the usage ledger lists (still in use).
    pub in_usage: FastSet<&'a str>,
}

impl Whereabouts<'_> {
    /// Whether a computer is still in use after `date`: the usage ledger lists it, or a log
    /// installs something on it later.
    fn in_use_after(&self, computer: &str, date: NaiveDate) -> bool {
        self.in_usage.contains(computer)
            || self.last_install.get(computer).is_some_and(|d| *d > date)
    }
}

pub(super) fn count_of(e: &Event) -> i64 {
    e.count.value().copied().filter(|c| *c > 0).unwrap_or(1)
}

/// Indices (into `dates`) outside one longest non-decreasing subsequence; among the longest,
/// the one that keeps the earliest rows, so a row appended late with an old date is the one
/// flagged. O(n log n): the longest run from each row comes from a Fenwick tree of maxima
/// over later rows' dates.
pub(super) fn out_of_order(dates: &[(usize, NaiveDate)]) -> Vec<usize> {
    let n = dates.len();
    // Rank of each date among the distinct dates, largest first (Fenwick prefixes are the
    // dates at or after a given one).
    let mut distinct: Vec<NaiveDate> = dates.iter().map(|d| d.1).collect();
    distinct.sort_unstable_by(|a, b| b.cmp(a));
    distinct.dedup();
    let rank = |d: NaiveDate| distinct.partition_point(|x| *x > d) + 1;
    let mut tree = vec![0usize; distinct.len() + 1];
    // longest[i]: the longest non-decreasing run of rows starting at row i.
    let mut longest = vec![1usize; n];
    for i in (0..n).rev() {
        let k = rank(dates[i].1);
        let mut best = 0;
        let mut j = k;
        while j > 0 {
            best = best.max(tree[j]);
            j &= j - 1;
        }
        longest[i] = best + 1;
        let mut j = k;
        while j < tree.len() {
            tree[j] = tree[j].max(longest[i]);
            j += j & j.wrapping_neg();
        }
    }
    let mut keep = vec![false; n];
    let mut need = longest.iter().copied().max().unwrap_or(0);
    let mut last: Option<NaiveDate> = None;
    for i in 0..n {
        if need > 0 && longest[i] == need && last.is_none_or(|l| dates[i].1 >= l) {
            keep[i] = true;
            last = Some(dates[i].1);
            need -= 1;
        }
    }
    (0..n).filter(|&i| !keep[i]).map(|i| dates[i].0).collect()
}

/// One longest non-decreasing subsequence by patience sorting (which one among the longest
/// may differ from [`out_of_order`]'s choice).
#[cfg(test)]
pub(super) fn out_of_order_fast(dates: &[(usize, NaiveDate)]) -> Vec<usize> {
    let mut tails: Vec<usize> = Vec::new();
    let mut prev: Vec<Option<usize>> = vec![None; dates.len()];
    for i in 0..dates.len() {
        let d = dates[i].1;
        let pos = tails.partition_point(|&t| dates[t].1 <= d);
        prev[i] = pos.checked_sub(1).map(|p| tails[p]);
        if pos == tails.len() {
            tails.push(i);
        } else {
            tails[pos] = i;
        }
    }
    let mut keep = vec![false; dates.len()];
    let mut cur = tails.last().copied();
    while let Some(i) = cur {
        keep[i] = true;
        cur = prev[i];
    }
    (0..dates.len())
        .filter(|&i| !keep[i])
        .map(|i| dates[i].0)
        .collect()
}

/// Replay one log up to the check date; when events lie beyond it, also the replay with
/// them counted (see [`Replay::with_future`]).
pub(super) fn replay(
    m: &Maintenance,
    computers: &[Option<Resolved>],
    row: Option<&SummaryRow>,
    seen: &Whereabouts,
    as_of: NaiveDate,
    newest_first: bool,
) -> Replay {
    let mut out = replay_until(m, computers, row, seen, Some(as_of), newest_first);
    if !out.future.is_empty() {
        out.with_future = Some(Box::new(replay_until(
            m,
            computers,
            row,
            seen,
            None,
            newest_first,
        )));
    }
    out
}

/// The date order of a log as the sheet keeps it. A flat log of several software is read
/// as one table per software, but its clerk kept one order over all its rows: that order is
/// the log's, measured over the rows of every part.
#[derive(Debug, Clone, Default)]
pub struct LogOrder {
    /// The maintenance tables (indices) read from the log, in the order of the unit.
    pub tables: Vec<usize>,
    /// Every row of the log in sheet order: (table, event).
    pub rows: Vec<(usize, usize)>,
    /// Dated rows (up to the check date) that break the log's order: the fewest rows whose
    /// removal leaves the others in order (one misplaced row is one entry, not all after it).
    pub out_of_order: Vec<(usize, usize)>,
    /// Whether the log is kept newest first: some offices add each row at the top. The
    /// direction leaving fewer rows out of order is the log's, ties going to oldest first.
    pub newest_first: bool,
}

/// The order of every log of the unit: the tables read from one region of one sheet (a
/// flat log's parts) make one log.
pub(super) fn log_orders<'m>(maintenance: &'m [Maintenance], as_of: NaiveDate) -> Vec<LogOrder> {
    let mut logs: Vec<LogOrder> = Vec::new();
    // A region: its sheet, rows and first column (logs side by side share their rows).
    type Region<'m> = (&'m str, &'m str, u32, Option<(u32, u32)>, Option<u32>);
    let mut by_region: FastMap<Region, usize> = FastMap::default();
    for (t, m) in maintenance.iter().enumerate() {
        let key = (
            &*m.meta.file,
            &*m.meta.sheet,
            m.meta.first_row,
            m.meta.header_rows,
            m.meta.columns.iter().map(|c| c.col).min(),
        );
        let mut region = |key: Region<'m>| {
            let at = *by_region.entry(key).or_insert_with(|| {
                logs.push(LogOrder::default());
                logs.len() - 1
            });
            if logs[at].tables.last() != Some(&t) {
                logs[at].tables.push(t);
            }
            at
        };
        let own = region(key);
        // A log joined from the sheets of a log kept per computer: each sheet's rows keep
        // their own order.
        let ats: Vec<usize> = m
            .events
            .iter()
            .map(|event| {
                if event.at.sheet == m.meta.sheet {
                    own
                } else {
                    region((&*event.at.file, &*event.at.sheet, 0, None, None))
                }
            })
            .collect();
        for (e, at) in ats.into_iter().enumerate() {
            logs[at].rows.push((t, e));
        }
    }
    for log in &mut logs {
        if log.tables.len() > 1 {
            log.rows
                .sort_by_key(|&(t, e)| (maintenance[t].events[e].at.row, t, e));
        }
        let dated: Vec<(usize, NaiveDate)> = log
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, &(t, e))| {
                let d = *maintenance[t].events[e].date.value()?;
                (d <= as_of).then_some((i, d))
            })
            .collect();
        let ascending = out_of_order(&dated);
        let reversed: Vec<(usize, NaiveDate)> = dated.iter().rev().copied().collect();
        let mut descending = out_of_order(&reversed);
        let outliers = if descending.len() < ascending.len() {
            log.newest_first = true;
            descending.sort_unstable();
            descending
        } else {
            ascending
        };
        log.out_of_order = outliers.into_iter().map(|i| log.rows[i]).collect();
    }
    logs
}

fn replay_until(
    m: &Maintenance,
    computers: &[Option<Resolved>],
    row: Option<&SummaryRow>,
    seen: &Whereabouts,
    as_of: Option<NaiveDate>,
    newest_first: bool,
) -> Replay {
    let mut out = Replay::default();
    let counted = |d: &NaiveDate| as_of.is_none_or(|a| *d <= a);
    out.future = m
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.date.value().is_some_and(|d| !counted(d)))
        .map(|(i, _)| i)
        .collect();
    let dated: Vec<(usize, NaiveDate)> = m
        .events
        .iter()
        .enumerate()
        .filter_map(|(i, e)| e.date.value().filter(|d| counted(d)).map(|d| (i, *d)))
        .collect();

    let licenses = row
        .and_then(|r| r.commercial())
        .and_then(|t| t.license_count.value().copied())
        .or_else(|| {
            (m.info.kind.single() == Some(SoftwareKind::Commercial))
                .then(|| m.info.license_count.value().copied())
                .flatten()
        });
    let oem = row.and_then(|r| r.kind()).or(m.info.kind.single()) == Some(SoftwareKind::Oem);
    // A row without a date keeps its place in the sheet: it takes the date of the row above
    // (of the last one replayed, when rows beyond the check date are left out).
    let mut effective: Vec<Option<NaiveDate>> = Vec::with_capacity(m.events.len());
    // In a log kept newest first, the row the undated one follows in time is the one below.
    let mut last: Option<NaiveDate> = if newest_first {
        dated.last()
    } else {
        dated.first()
    }
    .map(|d| d.1);
    let mut in_time: Box<dyn Iterator<Item = &Event>> = if newest_first {
        Box::new(m.events.iter().rev())
    } else {
        Box::new(m.events.iter())
    };
    for e in &mut in_time {
        match e.date.value() {
            Some(d) if counted(d) => {
                last = Some(*d);
                effective.push(last);
            }
            Some(_) => effective.push(None),
            None => effective.push(last),
        }
    }
    if newest_first {
        effective.reverse();
    }
    // A log with no date at all (a drafted one, its dates for the clerk to fill: ZB302) is
    // still the record of who has the software: replayed in the order of its rows, not
    // taken for an empty log.
    if dated.is_empty() && out.future.is_empty() {
        effective = vec![Some(NaiveDate::MIN); m.events.len()];
    }
    let mut order: Vec<(usize, NaiveDate)> = (0..m.events.len())
        .filter_map(|i| effective[i].map(|d| (i, d)))
        .collect();
    // The action of a row whose boxes are unclear (ZB301) is read as the one that fits the
    // replay: an uninstall where the computer has the software, else an install.
    let mut actions: Vec<Option<Action>> = m.events.iter().map(|e| e.action.single()).collect();
    order.sort_by_key(|&(i, d)| (d, i));
    // Computer → (copies held, the install that put them there). Keyed by the resolved
    // numbers the caller holds; only the holders and the removed are copied out.
    let mut held: FastMap<&str, (i64, usize)> = FastMap::default();
    let mut gone: FastMap<&str, usize> = FastMap::default();
    let mut ever_held: FastSet<&str> = FastSet::default();
    let mut total: i64 = 0;
    // Uninstalls a later install may be the other half of: (event, computer, date).
    let mut open_uninstalls: Vec<(usize, &str, NaiveDate)> = Vec::new();
    for &(i, date) in &order {
        let e = &m.events[i];
        let n = count_of(e);
        let computer = computers
            .get(i)
            .and_then(|c| c.as_ref())
            .map(|c| c.id.as_str());
        let action = *actions[i].get_or_insert_with(|| match computer.and_then(|c| held.get(c)) {
            Some((n, _)) if *n > 0 => Action::Uninstall,
            _ => Action::Install,
        });
        let Some(computer) = computer else {
            match action {
                Action::Install => {
                    out.unattributed += n;
                    total += n;
                }
                Action::Uninstall => total = (total - n).max(0),
            }
            check_over(&mut out, licenses, total, i);
            continue;
        };
        match action {
            Action::Install => {
                let slot = held.entry(computer).or_insert((0, i));
                if slot.0 > 0 {
                    out.repeat_installs.push((i, slot.1));
                    // The same copy entered twice: keep the larger count, not the sum.
                    total += (n - slot.0).max(0);
                    slot.0 = slot.0.max(n);
                } else {
                    total += n;
                    slot.0 = n;
                }
                slot.1 = i;
                gone.remove(computer);
                check_over(&mut out, licenses, total, i);
                // Reinstalling on the computer it was taken off: its own copy, not a move.
                if let Some(pos) = open_uninstalls.iter().position(|u| u.1 == computer) {
                    open_uninstalls.remove(pos);
                } else if oem && !ever_held.contains(computer) {
                    if let Some(mv) = oem_move(seen, &mut open_uninstalls, computer, i, date) {
                        out.oem_moves.push(mv);
                    }
                }
                ever_held.insert(computer);
            }
            Action::Uninstall => match held.get_mut(computer) {
                Some(slot) if slot.0 > 0 => {
                    let removed = n.min(slot.0);
                    slot.0 -= removed;
                    total -= removed;
                    if slot.0 == 0 {
                        gone.insert(computer, i);
                    }
                    open_uninstalls.push((i, computer, date));
                }
                _ => out.orphan_uninstalls.push(i),
            },
        }
    }
    out.held = total;
    out.net = m
        .events
        .iter()
        .zip(&actions)
        .filter(|(e, _)| e.date.value().is_none_or(counted))
        .filter_map(|(e, a)| match (*a)? {
            Action::Install => Some(count_of(e)),
            Action::Uninstall => Some(-count_of(e)),
        })
        .sum();
    out.holders = held
        .into_iter()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(c, (_, i))| (c.to_string(), i))
        .collect();
    out.removed = gone.into_iter().map(|(c, i)| (c.to_string(), i)).collect();
    out
}

/// The OEM copy an install on `computer` (which never had it) was taken from, if any:
/// - a computer in use before this install: an uninstall elsewhere in the 90 days before;
/// - a computer first seen that day: an uninstall the same day from a computer that stays
///   in use (a new computer that replaces a scrapped one comes with its own copy, but the
///   one taken off a computer still in use went somewhere).
fn oem_move(
    seen: &Whereabouts,
    open_uninstalls: &mut Vec<(usize, &str, NaiveDate)>,
    computer: &str,
    install: usize,
    date: NaiveDate,
) -> Option<OemMove> {
    let existed = seen.first_seen.get(computer).is_some_and(|d| *d < date);
    let pos = if existed {
        open_uninstalls
            .iter()
            .rposition(|u| (date - u.2).num_days() <= 90)
    } else {
        open_uninstalls
            .iter()
            .rposition(|u| u.2 == date && seen.in_use_after(u.1, date))
    }?;
    let (uninstall, _, _) = open_uninstalls.remove(pos);
    Some(OemMove {
        uninstall,
        install,
        onto_new: !existed,
    })
}

pub(super) fn check_over(out: &mut Replay, licenses: Option<i64>, total: i64, event: usize) {
    if let (Some(l), None) = (licenses, out.over_license) {
        if total > l {
            out.over_license = Some((event, total, l));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The quadratic definition `out_of_order` had before it used a Fenwick tree.
    fn quadratic(dates: &[(usize, NaiveDate)]) -> Vec<usize> {
        let n = dates.len();
        let mut longest = vec![1usize; n];
        for i in (0..n).rev() {
            for j in i + 1..n {
                if dates[j].1 >= dates[i].1 {
                    longest[i] = longest[i].max(longest[j] + 1);
                }
            }
        }
        let mut keep = vec![false; n];
        let mut need = longest.iter().copied().max().unwrap_or(0);
        let mut last: Option<NaiveDate> = None;
        for i in 0..n {
            if need > 0 && longest[i] == need && last.is_none_or(|l| dates[i].1 >= l) {
                keep[i] = true;
                last = Some(dates[i].1);
                need -= 1;
            }
        }
        (0..n).filter(|&i| !keep[i]).map(|i| dates[i].0).collect()
    }

    #[test]
    fn fenwick_choice_equals_the_quadratic_definition() {
        let base = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        let mut seed = 12345u64;
        for len in 0..60 {
            for spread in [1u64, 3, 10, 400] {
                let dates: Vec<(usize, NaiveDate)> = (0..len)
                    .map(|i| {
                        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                        let day = (seed >> 33) % spread;
                        (
                            i * 2,
                            base + chrono::Duration::days(day as i64 + i as i64 / 3),
                        )
                    })
                    .collect();
                assert_eq!(out_of_order(&dates), quadratic(&dates), "{dates:?}");
            }
        }
    }
}
