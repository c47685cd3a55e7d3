//! Numbers and dates printed the way a spreadsheet shows them, for messages, reports and
//! written cells alike.

/// Format a number the way a spreadsheet shows it in a General cell.
pub fn format_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        let mut out = String::with_capacity(16);
        push_int(&mut out, n as i64);
        out
    } else {
        format!("{n}")
    }
}

/// Decimal digits of `v` (what `{}` prints), without the formatting machinery: dates and
/// counts are shown for every row of every ledger.
pub fn push_int(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    let mut digits = [0u8; 20];
    let mut n = v.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(d as char);
    }
}

/// `2023-05-01` (what chrono's `%Y-%m-%d` prints for years 1000–9999, the range of Excel
/// serials).
pub fn iso_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, day) = (d.year(), d.month(), d.day());
    if !(1000..=9999).contains(&y) {
        return d.format("%Y-%m-%d").to_string();
    }
    let mut out = String::with_capacity(10);
    push_int(&mut out, y as i64);
    out.push('-');
    out.push((b'0' + (m / 10) as u8) as char);
    out.push((b'0' + (m % 10) as u8) as char);
    out.push('-');
    out.push((b'0' + (day / 10) as u8) as char);
    out.push((b'0' + (day % 10) as u8) as char);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Datelike;

    #[test]
    fn numbers_and_dates_display_as_the_formatting_machinery_did() {
        for n in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            9.0,
            10.0,
            45047.0,
            -123456789.0,
            999999999999999.0,
        ] {
            assert_eq!(format_number(n), format!("{}", n as i64), "{n}");
        }
        assert_eq!(format_number(1e15), format!("{}", 1e15));
        let mut d = chrono::NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
        while d.year_ce().1 < 2101 {
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
            d += chrono::Duration::days(17);
        }
    }

    #[test]
    fn numbers_display_like_a_spreadsheet() {
        assert_eq!(format_number(12.0), "12");
        assert_eq!(format_number(1200.5), "1200.5");
    }
}
