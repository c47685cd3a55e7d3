//! Which summary 软件编号 a usage row or a maintenance table means, when the typed number
//! is unknown or belongs to another software.

use super::*;

pub(super) fn ids_by_name<'b>(
    by_id: &'b BTreeMap<String, Vec<&SummaryRow>>,
    name: &str,
    version: Option<&str>,
) -> Vec<&'b str> {
    // `same_name(n, name)`, with `name` normalised once rather than once per summary row.
    let key = crate::base::text::norm(name);
    by_id
        .iter()
        .filter(|(_, rows)| {
            rows.iter().any(|r| {
                r.name
                    .value()
                    .is_some_and(|n| crate::base::text::norm_is(n, &key))
                    && match (r.version().and_then(|v| v.value()), version) {
                        (Some(a), Some(b)) if r.kind() != Some(SoftwareKind::Free) => {
                            same_version(a, b)
                        }
                        _ => true,
                    }
            })
        })
        .map(|(id, _)| id.as_str())
        .collect()
}

/// The summary number a row means. A known number is trusted unless the row's name is not
/// that number's and belongs to exactly one other number (a typo into another existing
/// number); an unknown or empty number is guessed from the name when exactly one summary
/// number carries it, or when of several that do (purchase batches of one product) exactly
/// one is spelled like the typed number (`RJ02` ~ `RJ002`).
pub(super) fn resolve(
    by_id: &BTreeMap<String, Vec<&SummaryRow>>,
    id: Option<&str>,
    name: Option<&str>,
    version: Option<&str>,
) -> Option<Resolved> {
    let by_name = || {
        let candidates = name.map(|n| ids_by_name(by_id, n, version))?;
        match candidates.as_slice() {
            [one] => Some(Resolved::guess(one)),
            many => {
                let typed = id?;
                let key = computer_key(typed);
                let like: Vec<&&str> = many
                    .iter()
                    .filter(|c| computer_key(c) == key || similar_computers(typed, c))
                    .collect();
                match like.as_slice() {
                    [one] => Some(Resolved::guess(one)),
                    _ => None,
                }
            }
        }
    };
    if let Some(rows) = id.and_then(|id| by_id.get(id)) {
        let id = id.unwrap_or_default();
        let own_name = name.is_none_or(|n| {
            rows.iter().any(|r| {
                r.name
                    .value()
                    .is_none_or(|rn| crate::base::text::norm_eq(rn, n))
            })
        });
        return match by_name() {
            Some(other) if !own_name && other.id != id => Some(other),
            _ => Some(Resolved::typed(id)),
        };
    }
    by_name()
}

/// Settle the maintenance tables whose number is unknown and whose name fits several numbers
/// (purchase batches of one product): the one number of those without a table of its own.
pub(super) fn without_own_table(
    by_id: &BTreeMap<String, Vec<&SummaryRow>>,
    tables: &[Maintenance],
    mut ids: Vec<Option<Resolved>>,
) -> Vec<Option<Resolved>> {
    let taken: BTreeSet<String> = ids.iter().flatten().map(|r| r.id.clone()).collect();
    for (m, id) in tables.iter().zip(ids.iter_mut()) {
        if id.is_some() {
            continue;
        }
        let Some(name) = m.info.name.value() else {
            continue;
        };
        let free: Vec<&str> = ids_by_name(by_id, name, m.info.version.value().map(String::as_str))
            .into_iter()
            .filter(|c| !taken.contains(*c))
            .collect();
        if let [one] = free.as_slice() {
            *id = Some(Resolved::guess(one));
        }
    }
    ids
}

/// Settle the usage rows whose number is unknown and whose name fits several numbers (two
/// purchase batches of one product) by the maintenance logs: the number whose log leaves this
/// computer holding it while no other usage row lists it there.
pub(super) fn by_log(
    by_id: &BTreeMap<String, Vec<&SummaryRow>>,
    rows: &[UsageRow],
    mut ids: Vec<Option<Resolved>>,
    computers: &[Option<Resolved>],
    maintenance_ids: &[Option<Resolved>],
    replays: &[Replay],
) -> Vec<Option<Resolved>> {
    // (number, computer) of the rows resolved before this pass; built only when a row is
    // left unresolved, and the rows this pass settles are set after it.
    let mut listed: Option<FastSet<(&str, &str)>> = None;
    let mut settled: Vec<(usize, Resolved)> = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        if ids[r].is_some() {
            continue;
        }
        let (Some(name), Some(computer)) = (row.name.value(), computers[r].as_ref()) else {
            continue;
        };
        let candidates = ids_by_name(by_id, name, row.version.value().map(String::as_str));
        if candidates.len() < 2 {
            continue;
        }
        let listed = listed.get_or_insert_with(|| {
            ids.iter()
                .zip(computers)
                .filter_map(|(id, c)| Some((id.as_ref()?.id.as_str(), c.as_ref()?.id.as_str())))
                .collect()
        });
        let fitting: Vec<&str> = candidates
            .into_iter()
            .filter(|id| {
                !listed.contains(&(*id, computer.id.as_str()))
                    && maintenance_ids.iter().zip(replays).any(|(mid, replay)| {
                        mid.as_ref().is_some_and(|m| m.id == *id)
                            && replay.holders.contains_key(&computer.id)
                    })
            })
            .collect();
        if let [one] = fitting.as_slice() {
            settled.push((r, Resolved::guess(one)));
        }
    }
    for (r, id) in settled {
        ids[r] = Some(id);
    }
    ids
}
