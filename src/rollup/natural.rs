//! Natural order of unit names: 单位2 before 单位10, as a person reads the list.

use std::cmp::Ordering;

/// Compare two names, runs of ASCII digits by their value and the rest by character.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let (mut a, mut b) = (a, b);
    loop {
        match (a.chars().next(), b.chars().next()) {
            (None, None) => return Ordering::Equal,
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) if x.is_ascii_digit() && y.is_ascii_digit() => {
                let (da, ra) = split_digits(a);
                let (db, rb) = split_digits(b);
                let (ta, tb) = (da.trim_start_matches('0'), db.trim_start_matches('0'));
                let by_value = ta.len().cmp(&tb.len()).then_with(|| ta.cmp(tb));
                // 01 and 1 have one value; the shorter spelling first keeps the order total.
                match by_value.then_with(|| da.len().cmp(&db.len())) {
                    Ordering::Equal => {}
                    other => return other,
                }
                a = ra;
                b = rb;
            }
            (Some(x), Some(y)) => {
                if x != y {
                    return x.cmp(&y);
                }
                a = &a[x.len_utf8()..];
                b = &b[y.len_utf8()..];
            }
        }
    }
}

fn split_digits(s: &str) -> (&str, &str) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    s.split_at(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_by_value() {
        let mut names = vec![
            "单位10",
            "单位2",
            "单位1",
            "单位100",
            "单位02",
            "甲",
            "单位",
        ];
        names.sort_by(|a, b| natural_cmp(a, b));
        assert_eq!(
            names,
            vec![
                "单位",
                "单位1",
                "单位2",
                "单位02",
                "单位10",
                "单位100",
                "甲"
            ]
        );
        assert_eq!(natural_cmp("a9b", "a10a"), Ordering::Less);
        assert_eq!(
            natural_cmp("x99999999999999999999999", "x100000000000000000000000"),
            Ordering::Less
        );
        assert_eq!(natural_cmp("同名", "同名"), Ordering::Equal);
    }
}
