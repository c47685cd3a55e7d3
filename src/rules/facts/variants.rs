//! The different values one computer's rows give a field (brand, name, department): shared
//! by ZB203 and ZB206, which report every value but the most common one.

use crate::base::text::norm;
use crate::base::CellRef;
use crate::ledger::usage::UsageRow;
use crate::ledger::values::Field;

/// One value of a field across a computer's rows.
pub(crate) struct Variant<'a> {
    /// As typed (first occurrence).
    pub shown: &'a str,
    /// The first cell holding it.
    pub cell: &'a CellRef,
    /// How many rows give it.
    pub rows: usize,
}

/// The values of `field` over `rows` (blank ones skipped), most common first; ties keep
/// sheet order. Spaces, width and letter case do not make a value different.
pub(crate) fn variants<'a>(
    rows: &[&'a UsageRow],
    field: impl Fn(&'a UsageRow) -> &'a Field<String>,
) -> Vec<Variant<'a>> {
    let mut out: Vec<(String, Variant)> = Vec::new();
    for row in rows {
        let f = field(row);
        let (Some(v), Some(cell)) = (f.value(), f.cell.as_ref()) else {
            continue;
        };
        // Text typed like a value already seen is that value: normalised only when new.
        if let Some((_, var)) = out.iter_mut().find(|(_, var)| var.shown == *v) {
            var.rows += 1;
            continue;
        }
        let key = norm(v);
        match out.iter_mut().find(|(k, _)| *k == key) {
            Some((_, var)) => var.rows += 1,
            None => out.push((
                key,
                Variant {
                    shown: v,
                    cell,
                    rows: 1,
                },
            )),
        }
    }
    let mut out: Vec<Variant<'a>> = out.into_iter().map(|(_, v)| v).collect();
    // Stable: equal counts keep sheet order.
    out.sort_by_key(|v| std::cmp::Reverse(v.rows));
    out
}
