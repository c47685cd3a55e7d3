//! Money in 元 or 万元 as typed: `1,200.00`, `¥1200`, `1200元`, `0.12万元`.

#[allow(unused_imports)]
use super::*;

/// Money in 元: numbers, `1,200.00`, `¥1200`, `1200元`, `0.12万元`.
pub fn money(cell: &Cell) -> Parsed<f64> {
    money_in(cell, Unit::Yuan)
}

/// Money in 万元, for the statistics table's 金额（万元） columns: a bare number is already
/// in 万元; `4800元` is converted.
pub fn money_wan(cell: &Cell) -> Parsed<f64> {
    money_in(cell, Unit::Wan)
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Unit {
    Yuan,
    Wan,
}

pub(super) fn money_in(cell: &Cell, column: Unit) -> Parsed<f64> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Number(n) => Parsed::Value(*n),
        Cell::Text(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Parsed::Empty;
            }
            if is_not_applicable(s) {
                return Parsed::NotApplicable;
            }
            let mut n: String = norm(s)
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | '¥' | '￥' | '$'))
                .collect();
            for prefix in ["人民币", "RMB", "CNY"] {
                if let Some(rest) = n.strip_prefix(prefix) {
                    n = rest.to_string();
                }
            }
            let (digits, typed) = if let Some(v) = n.strip_suffix("万元").or(n.strip_suffix("万"))
            {
                (v.to_string(), Some(Unit::Wan))
            } else if let Some(v) = n.strip_suffix('元') {
                (v.to_string(), Some(Unit::Yuan))
            } else {
                (n, None)
            };
            let factor = match (typed.unwrap_or(column), column) {
                (Unit::Wan, Unit::Yuan) => 10_000.0,
                (Unit::Yuan, Unit::Wan) => 0.0001,
                _ => 1.0,
            };
            digits
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                // Only a unit conversion needs rounding (to clear float noise): a figure typed
                // as text is kept as typed, like a number cell, because 统计表 keeps 万元 with
                // four decimals and rounding to cents would change 0.4850 into 0.49.
                .map_or(Parsed::Invalid, |v| {
                    Parsed::Value(match (factor == 1.0, column) {
                        (true, _) => v,
                        (false, Unit::Yuan) => round2(v * factor),
                        (false, Unit::Wan) => (v * factor * 1e6).round() / 1e6,
                    })
                })
        }
        _ => Parsed::Invalid,
    }
}

pub(super) fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}
