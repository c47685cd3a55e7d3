//! Counts as typed: whole numbers, text or full-width digits, `12个`, `12套`.

#[allow(unused_imports)]
use super::*;

/// Counts: whole numbers, text digits, full-width digits, `12个`, `12套`.
pub fn count(cell: &Cell) -> Parsed<i64> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => Parsed::Value(*n as i64),
        Cell::Number(_) => Parsed::Invalid,
        Cell::Text(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Parsed::Empty;
            }
            if is_not_applicable(s) {
                return Parsed::NotApplicable;
            }
            // A figure typed in a list ("48人；") ends with the list's punctuation.
            let n = norm(s).replace(',', "");
            let n = n.trim_end_matches([';', '、', '。', '.']);
            let n = n.trim_end_matches([
                '个', '套', '台', '份', '人', '次', '只', '件', '户', '部', '组',
            ]);
            // "　　人": a unit with no number is a blank left to be filled.
            if n.is_empty() {
                return Parsed::Empty;
            }
            n.parse::<i64>().map_or(Parsed::Invalid, Parsed::Value)
        }
        _ => Parsed::Invalid,
    }
}
