//! Text as offices type it: full-width forms, stray spaces, line breaks inside headers.

use chrono::NaiveDate;

/// The width-folded twin of one character (see [`fold_width`]).
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' => ' ',
        '【' => '[',
        '】' => ']',
        '〔' => '(',
        '〕' => ')',
        _ => c,
    }
}

/// Fold full-width ASCII forms (`１２`, `（`, `：`) to their ASCII twins and the ideographic
/// space to a plain space; other characters are kept.
pub fn fold_width(s: &str) -> String {
    if s.is_ascii() {
        return s.to_string();
    }
    s.chars().map(fold_char).collect()
}

/// The characters of [`norm`]`(s)`, computed lazily (no allocation).
#[inline]
pub fn norm_chars(s: &str) -> impl Iterator<Item = char> + Clone + '_ {
    s.chars().filter_map(|c| {
        let c = fold_char(c);
        (!c.is_whitespace() && c != '\u{200B}' && c != '\u{FEFF}').then(|| c.to_ascii_uppercase())
    })
}

/// The form used to compare labels and headers: width folded, every whitespace removed,
/// ASCII letters upper-cased.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    norm_into(s, &mut out);
    out
}

/// [`norm`] into a buffer the caller reuses (cleared first): no allocation once it is large
/// enough, for loops over every cell of a sheet. Runs of characters that normalising leaves
/// alone (most CJK text) are copied as they are.
pub fn norm_into(s: &str, out: &mut String) {
    out.clear();
    out.reserve(s.len());
    let mut run = 0;
    for (i, c) in s.char_indices() {
        let unchanged = match c {
            'a'..='z' => false,
            c if c.is_ascii() => !c.is_ascii_whitespace() && c != '\x0B',
            '\u{4E00}'..='\u{9FFF}' => true,
            c => fold_char(c) == c && !c.is_whitespace() && c != '\u{200B}' && c != '\u{FEFF}',
        };
        if unchanged {
            continue;
        }
        out.push_str(&s[run..i]);
        let f = fold_char(c);
        if !f.is_whitespace() && f != '\u{200B}' && f != '\u{FEFF}' {
            out.push(f.to_ascii_uppercase());
        }
        run = i + c.len_utf8();
    }
    out.push_str(&s[run..]);
}

/// Whether `norm(a) == norm(b)`, without allocating.
pub fn norm_eq(a: &str, b: &str) -> bool {
    norm_chars(a).eq(norm_chars(b))
}

/// Whether `norm(s) == normed`, for an already normalised `normed`, without allocating.
pub fn norm_is(s: &str, normed: &str) -> bool {
    norm_chars(s).eq(normed.chars())
}

/// [`norm`] without any parenthesised part: `采购金额(单位:元)` → `采购金额`.
pub fn norm_no_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0u32;
    for c in norm_chars(s) {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// A unit's name as compared: folded, without spaces, brackets or 盖章 (“单位名称（盖章）”
/// and “丰都县 城关镇人民政府” are the same name).
pub fn unit_name_key(s: &str) -> String {
    norm_no_parens(s).replace("盖章", "")
}

/// Whether one unit name key is the other's short form (城关镇 inside 丰都县城关镇人民政府),
/// two characters at least.
pub fn is_short_name_of(short: &str, full: &str) -> bool {
    short.chars().count() >= 2 && full.contains(short)
}

/// Trim whitespace (including full-width spaces) and the blanks clerks leave in templates
/// (`____`).
pub fn clean(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}' || c == '_' || c == '\u{FEFF}')
}

/// The dashes and words that mean "not applicable" in a column that stays empty for a type.
pub fn is_not_applicable(s: &str) -> bool {
    // Every form starts with one of these: most text is settled by its first character.
    let first = norm_chars(s).next();
    matches!(
        first,
        Some('—' | '-' | '/' | '无' | '－' | '―' | '─' | 'N' | '不' | '–')
    ) && with_short_norm(s, is_not_applicable_normed).unwrap_or(false)
}

/// Apply `f` to [`norm`]`(s)` when that is short (at most 12 bytes, every marker and filler
/// word a template holds), on the stack; `None` for longer text, which is none of them.
pub fn with_short_norm<T>(s: &str, f: impl FnOnce(&str) -> T) -> Option<T> {
    const MAX: usize = 12;
    let mut out = [0u8; MAX];
    let mut len = 0;
    for c in norm_chars(s) {
        let l = c.len_utf8();
        if len + l > MAX {
            return None;
        }
        c.encode_utf8(&mut out[len..]);
        len += l;
    }
    std::str::from_utf8(&out[..len]).ok().map(f)
}

/// [`is_not_applicable`] for text already in [`norm`]'s form.
pub fn is_not_applicable_normed(n: &str) -> bool {
    matches!(
        n,
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

    /// The definition `norm` had before it became one pass: fold, drop spaces, upper-case.
    fn norm_reference(s: &str) -> String {
        fold_width(s)
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '\u{200B}' && *c != '\u{FEFF}')
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    #[test]
    fn one_pass_norm_equals_its_definition() {
        let mut samples: Vec<String> = (0u8..128).map(|b| format!("a{}b", b as char)).collect();
        // Every character up to U+FFFF that normalising may touch, and some that it keeps.
        samples.extend(
            (0x80u32..0x3100)
                .chain(0xFE00..0x10000)
                .step_by(7)
                .filter_map(char::from_u32)
                .map(|c| format!("软{c}件 x")),
        );
        samples.extend(
            [
                "软件\n编号",
                " 采购金额（单位：元） ",
                "ｏｅｍ\u{3000}软件\u{00A0}x",
                "【注】〔1〕\u{200B}\u{FEFF}",
                "\u{2028}A\u{0085}b\u{1680}",
                "Windows 10 专业版",
                "",
            ]
            .map(String::from),
        );
        for s in &samples {
            assert_eq!(norm(s), norm_reference(s), "{s:?}");
            assert!(norm_is(s, &norm(s)));
        }
        for s in samples.iter().step_by(13) {
            for t in samples.iter().step_by(17) {
                assert_eq!(norm_eq(s, t), norm(s) == norm(t), "{s:?} {t:?}");
            }
        }
        for c in [
            '\u{2000}', '\u{200A}', '\u{2028}', '\u{205F}', '\u{FF01}', '\u{FF5E}', '\u{FF41}',
        ] {
            let s = format!("a{c}b");
            assert_eq!(norm(&s), norm_reference(&s), "{s:?}");
        }
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
        assert!(!is_not_applicable("NAS 存储"));
        assert!(is_not_applicable(" n/a "));
        assert!(is_not_applicable("不 适用"));
        assert!(!is_not_applicable(""));
    }
}
