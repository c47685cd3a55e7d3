//! Text as offices type it: full-width forms, stray spaces, line breaks inside headers.

use chrono::NaiveDate;

/// Fold full-width ASCII forms (`１２`, `（`, `：`) to their ASCII twins and the ideographic
/// space to a plain space; other characters are kept.
pub fn fold_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' | '\u{00A0}' => ' ',
            '【' => '[',
            '】' => ']',
            '〔' => '(',
            '〕' => ')',
            _ => c,
        })
        .collect()
}

/// The form used to compare labels and headers: width folded, every whitespace removed,
/// ASCII letters upper-cased.
pub fn norm(s: &str) -> String {
    fold_width(s)
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200B}' && *c != '\u{FEFF}')
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// [`norm`] without any parenthesised part: `采购金额(单位:元)` → `采购金额`.
pub fn norm_no_parens(s: &str) -> String {
    let n = norm(s);
    let mut out = String::with_capacity(n.len());
    let mut depth = 0u32;
    for c in n.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Trim whitespace (including full-width spaces) and the blanks clerks leave in templates
/// (`____`).
pub fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '_' || c == '\u{FEFF}')
}

/// The dashes and words that mean "not applicable" in a column that stays empty for a type.
pub fn is_not_applicable(s: &str) -> bool {
    matches!(
        norm(s).as_str(),
        "—" | "——" | "-" | "--" | "/" | "无" | "－" | "―" | "─" | "N/A" | "NA" | "不适用" | "–"
    )
}

/// An Excel date serial (1900 system) as a date; `None` outside 1900–9999.
pub fn serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    // Excel counts 1900-02-29, which never existed; serials from 61 on are one day ahead.
    let base = NaiveDate::from_ymd_opt(1899, 12, 31)?;
    let offset = if days >= 61 { days - 1 } else { days };
    base.checked_add_signed(chrono::Duration::days(offset))
}

/// The Excel serial of a date (1900 system).
pub fn date_to_serial(date: NaiveDate) -> f64 {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("valid base date");
    (date - base).num_days() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_full_width_and_spaces() {
        assert_eq!(norm("软件\n编号"), "软件编号");
        assert_eq!(norm(" 采购金额（单位：元） "), "采购金额(单位:元)");
        assert_eq!(norm("ｏｅｍ软件"), "OEM软件");
        assert_eq!(norm("便携\u{3000}机数"), "便携机数");
    }

    #[test]
    fn strips_parenthesised_units() {
        assert_eq!(norm_no_parens("采购金额\n(单位:元)"), "采购金额");
        assert_eq!(norm_no_parens("申请许可数（单位：个）"), "申请许可数");
    }

    #[test]
    fn serials_round_trip() {
        let d = NaiveDate::from_ymd_opt(2023, 5, 1).unwrap();
        assert_eq!(date_to_serial(d), 45047.0);
        assert_eq!(serial_to_date(45047.0), Some(d));
        assert_eq!(serial_to_date(45047.75), Some(d));
        assert_eq!(serial_to_date(0.0), None);
    }

    #[test]
    fn dashes_mean_not_applicable() {
        for s in ["—", "-", "/", "无", " — ", "——", "－"] {
            assert!(is_not_applicable(s), "{s}");
        }
        assert!(!is_not_applicable("2019"));
        assert!(!is_not_applicable(""));
    }
}
