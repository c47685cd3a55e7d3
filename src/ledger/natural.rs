//! Natural order of names, as a file manager shows them: 单位2 before 单位10, so that a batch
//! lists its units the way the inspector numbered them.

use std::cmp::Ordering;

/// The value of a decimal digit, ASCII or full-width (`０`–`９`, common in Chinese file names).
fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// Compare two names: runs of digits by their number, everything else character by
/// character; names equal that way (`单位02`, `单位2`) fall back to plain order, so the
/// order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut x, mut y) = (a.chars().peekable(), b.chars().peekable());
    loop {
        match (x.peek().copied(), y.peek().copied()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(c), Some(d)) => match (digit(c), digit(d)) {
                (Some(_), Some(_)) => {
                    let m = number(&mut x);
                    let n = number(&mut y);
                    let order = m.len().cmp(&n.len()).then_with(|| m.cmp(&n));
                    if order != Ordering::Equal {
                        return order;
                    }
                }
                _ => {
                    if c != d {
                        return c.cmp(&d);
                    }
                    x.next();
                    y.next();
                }
            },
        }
    }
}

/// Consume a run of digits; its value as digits without leading zeros (any length, so a
/// 30-digit name cannot overflow).
fn number(chars: &mut std::iter::Peekable<std::str::Chars>) -> Vec<u32> {
    let mut digits = Vec::new();
    while let Some(v) = chars.peek().copied().and_then(digit) {
        if !(digits.is_empty() && v == 0) {
            digits.push(v);
        }
        chars.next();
    }
    digits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        v.sort_by(|a, b| natural_cmp(a, b));
        v
    }

    #[test]
    fn numbers_sort_by_value() {
        assert_eq!(
            sorted(&["单位10", "单位100", "单位2", "单位1"]),
            ["单位1", "单位2", "单位10", "单位100"]
        );
        assert_eq!(
            sorted(&["b-10.xlsx", "a.xlsx", "b-9.xlsx", "b.xlsx"]),
            ["a.xlsx", "b-9.xlsx", "b-10.xlsx", "b.xlsx"]
        );
    }

    #[test]
    fn full_width_digits_and_leading_zeros() {
        assert_eq!(sorted(&["单位１０", "单位９"]), ["单位９", "单位１０"]);
        assert_eq!(natural_cmp("单位02", "单位2"), "单位02".cmp("单位2"));
        assert_eq!(natural_cmp("单位002", "单位10"), Ordering::Less);
    }

    #[test]
    fn long_numbers_do_not_overflow() {
        let a = format!("x{}", "9".repeat(40));
        let b = format!("x1{}", "0".repeat(40));
        assert_eq!(natural_cmp(&a, &b), Ordering::Less);
    }

    #[test]
    fn the_order_is_total() {
        assert_eq!(natural_cmp("a", "a"), Ordering::Equal);
        assert_eq!(natural_cmp("a", "ab"), Ordering::Less);
        assert_eq!(natural_cmp("a1b", "a01b"), "a1b".cmp("a01b"));
    }
}
