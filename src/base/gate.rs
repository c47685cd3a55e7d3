//! The one gate every piece of untrusted text (cell values, unit names, 软件编号, sheet names,
//! file names, paths) passes on its way out, one function per kind of output, so that what
//! zhengban hands back is never worse than what it was given (issue 14).
//!
//! Each output has its own danger. A terminal obeys escape sequences; an xlsx part that holds
//! a C0 control is not XML and Excel calls the whole copy unreadable; Excel refuses a cell
//! over 32,767 characters and a sheet name it does not like; a page shows `台账\u{202e}xslx.exe`
//! as `台账exe.xlsx` and follows a `javascript:` link; a spreadsheet runs a CSV field that
//! starts with `=`. Every renderer calls the function for its output here instead of
//! carrying its own rules, so a fix reaches them all.
//!
//! What is hidden or illegal is shown, not dropped: `\u{1b}`, the form Rust and JSON readers
//! know, so the reader sees that something odd is there and where. The functions borrow when
//! there is nothing to change, which is nearly always.
//!
//! The gate does not escape markup (`&`, `<` in XML), `_xHHHH_` or CSV quotes: the writers
//! (rust_xlsxwriter, quick-xml, the csv crate) do that for their format.

use std::borrow::Cow;
use std::fmt::Write;

/// `c` written visibly: `\u{1b}`.
fn push_visible(out: &mut String, c: char) {
    // Writing to a String cannot fail.
    let _ = write!(out, "\\u{{{:x}}}", c as u32);
}

/// `s` with every character `pick` selects replaced by what `put` writes for it; borrowed
/// when none is selected.
fn replace(s: &str, pick: impl Fn(char) -> bool, put: impl Fn(&mut String, char)) -> Cow<'_, str> {
    let Some(first) = s.find(&pick) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        if pick(c) {
            put(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

// ---------------------------------------------------------------------------------------
// Terminal

/// Whether `c` must not reach a terminal as it is: C0 controls (line breaks and tabs too,
/// since each piece of text is laid out on one line), DEL, C1 controls, the bidirectional
/// embedding, override, isolate and mark characters, and the Unicode line and paragraph
/// separators.
pub fn is_terminal_unsafe(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{1f}'
        | '\u{7f}'..='\u{9f}'
        // ARABIC LETTER MARK, LRM, RLM
        | '\u{61c}' | '\u{200e}' | '\u{200f}'
        // LRE, RLE, PDF, LRO, RLO
        | '\u{202a}'..='\u{202e}'
        // LRI, RLI, FSI, PDI
        | '\u{2066}'..='\u{2069}'
        // LINE SEPARATOR, PARAGRAPH SEPARATOR: a new line to some terminals
        | '\u{2028}' | '\u{2029}')
}

fn push_terminal(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c => push_visible(out, c),
    }
}

/// `s` safe for one line of terminal output: a cell holding `ESC ] 0 ; … BEL` would retitle
/// the window, `ESC [ 2 J` clear the screen, U+202E turn the rest of the line around. Every
/// [unsafe](is_terminal_unsafe) character is written as `\n`, `\r`, `\t` or `\u{…}`;
/// everything else, Chinese text included, is unchanged. Colour codes of our own are added
/// after this, never passed through it.
pub fn terminal(s: &str) -> Cow<'_, str> {
    replace(s, is_terminal_unsafe, push_terminal)
}

/// Several lines of our own text that quote the input (names, paths, values), each line made
/// safe as by [`terminal`], the line breaks between them kept. Only for text without colour
/// codes of our own: those would be escaped too.
pub fn terminal_lines(s: &str) -> Cow<'_, str> {
    replace(s, |c| c != '\n' && is_terminal_unsafe(c), push_terminal)
}

/// Like [`terminal`], but line breaks and tabs become one space: for a cell drawn in a grid,
/// where a clerk's line break inside a cell (Alt+Enter) is ordinary and reads best as a space.
pub fn terminal_cell(s: &str) -> Cow<'_, str> {
    replace(s, is_terminal_unsafe, |out, c| match c {
        '\n' | '\r' | '\t' => out.push(' '),
        c => push_visible(out, c),
    })
}

// ---------------------------------------------------------------------------------------
// XML: xlsx parts (cells, comments, sheet names, document properties)

/// Whether `c` cannot stand in an XML 1.0 document, even as a character reference: the C0
/// controls other than tab, line feed and carriage return, and U+FFFE, U+FFFF. (Surrogates,
/// the rest of what XML 1.0 excludes, cannot occur in a Rust string.)
pub fn is_xml_illegal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// `s` as an XML 1.0 document can hold it: each [illegal](is_xml_illegal) character written
/// as the text `\u{…}`. Written out rather than dropped or turned into U+FFFD, because a
/// clerk who finds `\u{1}` in the copy can find and delete the character in the original;
/// the `_x0001_` escape of OOXML would instead put the invisible character back into
/// whatever reads the copy. Tabs and line breaks stay.
pub fn xml_text(s: &str) -> Cow<'_, str> {
    replace(s, is_xml_illegal, push_visible)
}

/// The most text an Excel cell holds, in UTF-16 code units (Excel counts a character outside
/// the Basic Multilingual Plane as two). Hyperlink texts are cells; notes are a little
/// shorter ([`NOTE_MAX`]).
pub const CELL_MAX: usize = 32_767;

/// What ends a cut text, so a reader sees it goes on.
const CUT: char = '…';

/// The longest prefix of `s` that is at most `room` UTF-16 code units, cut on a character
/// boundary.
fn fit_utf16(s: &str, room: usize) -> &str {
    let mut used = 0;
    for (i, c) in s.char_indices() {
        used += c.len_utf16();
        if used > room {
            return &s[..i];
        }
    }
    s
}

/// `s` cut to at most `max` UTF-16 code units (the unit Excel counts its limits in), on a
/// character boundary, ending with `…` when cut so the reader sees it goes on.
pub fn cut(s: &str, max: usize) -> Cow<'_, str> {
    // UTF-8 takes at least as many bytes as UTF-16 takes units: a short text needs no count.
    if s.len() <= max || s.encode_utf16().count() <= max {
        return Cow::Borrowed(s);
    }
    let mut cut = fit_utf16(s, max.saturating_sub(CUT.len_utf16())).to_string();
    cut.push(CUT);
    Cow::Owned(cut)
}

/// `s` for an xlsx cell: [`xml_text`], then [`cut`] to [`CELL_MAX`]. Excel
/// refuses a longer cell as unreadable content, and a diagnostic quoting a full cell with
/// its own words around it is longer.
pub fn cell_text(s: &str) -> Cow<'_, str> {
    match xml_text(s) {
        Cow::Borrowed(b) => cut(b, CELL_MAX),
        Cow::Owned(o) => Cow::Owned(cut(&o, CELL_MAX).into_owned()),
    }
}

/// The most text a note (comment) of ours holds, in UTF-16 code units: Excel writes the
/// author's name and a colon into the comment's text, inside the cell limit, and
/// rust_xlsxwriter keeps 54 units of room for them.
pub const NOTE_MAX: usize = CELL_MAX - 54;

/// `s` for a note (comment): [`xml_text`], then [`cut`] to [`NOTE_MAX`].
pub fn note_text(s: &str) -> Cow<'_, str> {
    match xml_text(s) {
        Cow::Borrowed(b) => cut(b, NOTE_MAX),
        Cow::Owned(o) => Cow::Owned(cut(&o, NOTE_MAX).into_owned()),
    }
}

/// The longest sheet name Excel takes, in UTF-16 code units.
pub const SHEET_NAME_MAX: usize = 31;

/// The name Excel keeps for the change history of a shared workbook.
const RESERVED_SHEET: &str = "History";

/// A sheet name Excel accepts, made from `name` and unique among `taken`: 1 to 31 UTF-16
/// code units; `[ ] : * ? / \` and control characters (XML-illegal or not, and invisible in
/// a tab) replaced by `_`; no `'` at either end; empty becomes `Sheet`; not `History`; and
/// not equal, ignoring case as Excel does, to any of `taken` — else ` (2)`, ` (3)` … is
/// added, the name shortened to make room. The caller adds the result to `taken`.
pub fn sheet_name(name: &str, taken: &[String]) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\')
                || c.is_control()
                || is_xml_illegal(c)
            {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim_matches('\'');
    let base = if trimmed.is_empty() { "Sheet" } else { trimmed };
    let lower: Vec<String> = taken.iter().map(|t| t.to_lowercase()).collect();
    let free = |n: &str| {
        let n = n.to_lowercase();
        n != RESERVED_SHEET.to_lowercase() && !lower.contains(&n)
    };
    // A cut may leave a quote at the end.
    let fit = |room: usize| fit_utf16(base, room).trim_end_matches('\'');
    let first = fit(SHEET_NAME_MAX);
    if !first.is_empty() && free(first) {
        return first.to_string();
    }
    (2..)
        .map(|n| {
            let suffix = format!(" ({n})");
            format!("{}{suffix}", fit(SHEET_NAME_MAX - suffix.len()))
        })
        .find(|candidate| free(candidate))
        .expect("one of taken.len() + 2 counters is free")
}

// ---------------------------------------------------------------------------------------
// HTML

/// Whether `c` is hidden or acts on the text around it in a page (controls, bidirectional
/// formatting, characters XML cannot hold); tabs and line breaks are layout, not hidden.
fn is_html_hidden(c: char) -> bool {
    !matches!(c, '\n' | '\r' | '\t') && (is_terminal_unsafe(c) || is_xml_illegal(c))
}

/// `s` for HTML element content or a quoted attribute value: `& < > " '` escaped, and every
/// hidden character (C0 and C1 controls, bidirectional controls such as U+202E, U+FFFE/FFFF)
/// written as the text `\u{…}`, so `台账\u{202e}xslx.exe` cannot pass for `台账exe.xlsx`. Plain
/// text rather than a styled element, so the same function serves attributes.
pub fn html(s: &str) -> Cow<'_, str> {
    replace(
        s,
        |c| matches!(c, '&' | '<' | '>' | '"' | '\'') || is_html_hidden(c),
        |out, c| match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => push_visible(out, c),
        },
    )
}

/// Whether `c` may stand in a linked file name: not link syntax (`#` anchor, `%` escape,
/// `:` scheme), not a character Windows refuses in a file name (the roll-up's reader opens
/// it on Windows; `\` is a separator there), not hidden.
fn is_link_char(c: char) -> bool {
    !(matches!(
        c,
        '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' | '#' | '%'
    ) || is_terminal_unsafe(c)
        || is_xml_illegal(c))
}

/// `path` as a relative link that can only name a file in or below the linking file's
/// folder: `./a/b.xlsx`, segments separated by `/`, not percent-encoded (for
/// rust_xlsxwriter, which encodes as Excel does; a page wants [`href`]). `None` for an
/// absolute path, a `..`, and a name with a character [not fit](is_link_char) for a link —
/// so `javascript:alert(1);a.xlsx`, `http://…`, `C:\…` and a name with U+202E are shown as
/// text, never linked. A colon cannot be in a Windows file name, so no file the roll-up's
/// readers could open loses its link by this.
pub fn link_path(path: &str) -> Option<String> {
    let mut rest = path;
    while let Some(r) = rest.strip_prefix("./") {
        rest = r;
    }
    if rest.starts_with('/') {
        return None;
    }
    let mut segments = Vec::new();
    for segment in rest.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            s if !s.chars().all(is_link_char) => return None,
            s => segments.push(s),
        }
    }
    if segments.is_empty() {
        return None;
    }
    Some(format!("./{}", segments.join("/")))
}

/// `s` percent-encoded as UTF-8, keeping ASCII letters, digits, `-._~`, `/` where `slash`,
/// and non-ASCII characters a browser shows as they are (a page in UTF-8 may hold them).
fn percent(s: &str, slash: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let keep = c.is_ascii_alphanumeric()
            || matches!(c, '-' | '.' | '_' | '~')
            || (slash && c == '/')
            || (!c.is_ascii() && !c.is_whitespace() && !is_html_hidden(c));
        if keep {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                let _ = write!(out, "%{b:02X}");
            }
        }
    }
    out
}

/// An `href` value for a page: a `#fragment`, or a relative path as [`link_path`] accepts it
/// (`./…`), percent-encoded so that it is also safe inside a quoted attribute without
/// further escaping. `None` for everything else — `javascript:`, `data:`, `http:`, absolute
/// paths, `..` — and the page then shows the text without a link.
pub fn href(target: &str) -> Option<String> {
    if let Some(fragment) = target.strip_prefix('#') {
        return (!fragment.is_empty()).then(|| format!("#{}", percent(fragment, false)));
    }
    link_path(target).map(|p| percent(&p, true))
}

// ---------------------------------------------------------------------------------------
// CSV

/// Whether `s` is a plain decimal number (`-5`, `+3`, `-1.5`): data a spreadsheet reads as
/// the number it is, not a formula.
fn is_plain_number(s: &str) -> bool {
    let digits = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (whole, frac) = match digits.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (digits, None),
    };
    !whole.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && frac.is_none_or(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
}

/// A text field for a CSV file that Excel or WPS will open: one that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return would be run as a formula (OWASP's CSV injection),
/// so it gets a leading `'`, which shows the text as it is. A plain number such as `-5` is
/// left alone: it starts with `-` but is data, and a quote would turn a figure into text.
/// Quoting for the format itself is the csv writer's.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') if !is_plain_number(s) => {
            Cow::Owned(format!("'{s}"))
        }
        _ => Cow::Borrowed(s),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // -- terminal (the tests of the former render/escape.rs) --

    #[test]
    fn terminal_lines_keep_their_breaks_and_escape_the_rest() {
        assert_eq!(terminal_lines("a\nb"), "a\nb");
        assert_eq!(
            terminal_lines("单位\u{1b}[2J\n已写出 x\u{7}"),
            "单位\\u{1b}[2J\n已写出 x\\u{7}"
        );
    }

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for s in [
            "",
            "软件使用情况汇总表",
            "C:\\报送\\单位.xlsx",
            "WPS Office 2019 专业版",
        ] {
            assert!(matches!(terminal(s), Cow::Borrowed(t) if t == s));
            assert!(matches!(terminal_cell(s), Cow::Borrowed(t) if t == s));
            assert!(matches!(xml_text(s), Cow::Borrowed(t) if t == s));
            assert!(matches!(cell_text(s), Cow::Borrowed(t) if t == s));
            assert!(matches!(csv_field(s), Cow::Borrowed(t) if t == s));
        }
        assert!(matches!(html("软件 2019"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_sequences_are_shown_not_sent() {
        assert_eq!(terminal("\x1b]0;pwned\x07"), "\\u{1b}]0;pwned\\u{7}");
        assert_eq!(terminal("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            terminal("\x1b]8;;http://x\x1b\\点我\x1b]8;;\x1b\\"),
            "\\u{1b}]8;;http://x\\u{1b}\\点我\\u{1b}]8;;\\u{1b}\\"
        );
        assert_eq!(terminal("\0"), "\\u{0}");
        assert_eq!(terminal("\x7f"), "\\u{7f}");
        // C1 CSI and OSC act like ESC [ and ESC ] on some terminals.
        assert_eq!(terminal("\u{9b}2J\u{9d}0;x"), "\\u{9b}2J\\u{9d}0;x");
    }

    #[test]
    fn bidirectional_controls_are_shown() {
        assert_eq!(terminal("台账\u{202e}xslx.exe"), "台账\\u{202e}xslx.exe");
        for c in [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
        ] {
            let shown = terminal(&c.to_string()).into_owned();
            assert_eq!(shown, format!("\\u{{{:x}}}", c as u32));
            assert!(!shown.chars().any(is_terminal_unsafe));
        }
    }

    #[test]
    fn line_breaks_are_escaped_in_lines_and_spaces_in_cells() {
        assert_eq!(terminal("许可数量\n（个）\r\t"), "许可数量\\n（个）\\r\\t");
        assert_eq!(
            terminal_cell("许可数量\n（个）\x1b[2J"),
            "许可数量 （个）\\u{1b}[2J"
        );
    }

    #[test]
    fn nothing_unsafe_survives_any_character() {
        // Every code point below U+3000, which covers all the ranges above, and the end of
        // the Basic Multilingual Plane.
        let all: String = (0u32..0x3000)
            .chain(0xfff0..0x10000)
            .filter_map(char::from_u32)
            .collect();
        assert!(!terminal(&all).chars().any(is_terminal_unsafe));
        assert!(!terminal_cell(&all).chars().any(is_terminal_unsafe));
        assert!(!terminal_lines(&all)
            .chars()
            .any(|c| c != '\n' && is_terminal_unsafe(c)));
        assert!(!xml_text(&all).chars().any(is_xml_illegal));
        assert!(!cell_text(&all).chars().any(is_xml_illegal));
        assert!(!html(&all).chars().any(is_html_hidden));
        assert!(!html(&all).contains(['<', '>', '"', '\'']));
    }

    // -- XML --

    #[test]
    fn xml_illegal_characters_are_written_out() {
        assert_eq!(xml_text("a\0b"), "a\\u{0}b");
        assert_eq!(xml_text("RJ\u{1}003"), "RJ\\u{1}003");
        assert_eq!(xml_text("\x1b[2J"), "\\u{1b}[2J");
        assert_eq!(xml_text("x\u{fffe}\u{ffff}"), "x\\u{fffe}\\u{ffff}");
        // Legal: tab, line breaks, DEL and C1 (discouraged, not forbidden), bidi controls.
        for s in ["a\tb\nc\rd", "\u{7f}\u{85}\u{9f}", "\u{202e}", "\u{fffd}"] {
            assert!(matches!(xml_text(s), Cow::Borrowed(_)), "{s:?}");
        }
        for c in (0u32..0x20).filter_map(char::from_u32) {
            assert_eq!(is_xml_illegal(c), !matches!(c, '\t' | '\n' | '\r'), "{c:?}");
        }
    }

    #[test]
    fn a_cell_holds_at_most_32767_utf16_units() {
        let exact = "字".repeat(CELL_MAX);
        assert!(matches!(cell_text(&exact), Cow::Borrowed(_)));
        let long = "字".repeat(40_000);
        let cut = cell_text(&long);
        assert_eq!(cut.encode_utf16().count(), CELL_MAX);
        assert!(cut.ends_with('…'));
        assert!(cut.starts_with("字字"));
        // Outside the BMP a character is two units: 20,000 of them are 40,000 units.
        let wide = "𠀀".repeat(20_000);
        let cut = cell_text(&wide);
        assert!(cut.encode_utf16().count() <= CELL_MAX);
        assert!(cut.encode_utf16().count() >= CELL_MAX - 2);
        assert!(cut.ends_with('…'));
        assert!(cut.trim_end_matches('…').chars().all(|c| c == '𠀀'));
        let units_only = "𠀀".repeat(CELL_MAX / 2 + 1);
        assert!(units_only.chars().count() < CELL_MAX, "fits by characters");
        assert!(cell_text(&units_only).ends_with('…'), "not by units");
        // Control characters are written out first, and the longer text is what is cut.
        let controls = "\u{1}".repeat(10_000);
        let cut = cell_text(&controls);
        assert!(cut.encode_utf16().count() <= CELL_MAX);
        assert!(!cut.chars().any(is_xml_illegal));
        assert!(cut.starts_with("\\u{1}\\u{1}"));
        let note = note_text(&long);
        assert_eq!(note.encode_utf16().count(), NOTE_MAX);
        assert!(note.ends_with('…'));
        assert_eq!(note_text("a\u{1}"), "a\\u{1}");
        assert_eq!(super::cut("跳到 表5 › M8", 255), "跳到 表5 › M8");
        assert_eq!(super::cut("一二三四五", 3), "一二…");
    }

    #[test]
    fn sheet_names_follow_excels_rules() {
        let none: Vec<String> = Vec::new();
        assert_eq!(sheet_name("附件9-RJ012", &none), "附件9-RJ012");
        assert_eq!(sheet_name("a/b:c[d]*?\\", &none), "a_b_c_d____");
        assert_eq!(sheet_name("'引号'", &none), "引号");
        assert_eq!(sheet_name("''", &none), "Sheet");
        assert_eq!(sheet_name("", &none), "Sheet");
        assert_eq!(sheet_name("表\u{1}\u{1b}\u{9b}\u{ffff}", &none), "表____");
        assert_eq!(sheet_name("History", &none), "History (2)");
        assert_eq!(sheet_name("history", &none), "history (2)");
        let long = "很".repeat(40);
        assert_eq!(sheet_name(&long, &none), "很".repeat(31));
        // 31 UTF-16 units: 15 characters outside the BMP and one inside.
        let wide = "𠀀".repeat(20);
        let name = sheet_name(&wide, &none);
        assert_eq!(name.encode_utf16().count(), 30);
        // A cut that leaves a quote at the end drops it.
        let quoted = format!("{}'{}", "a".repeat(30), "b".repeat(5));
        assert_eq!(sheet_name(&quoted, &none), "a".repeat(30));
    }

    #[test]
    fn sheet_names_are_unique_ignoring_case() {
        let mut taken = vec!["诊断报告".to_string(), "RJ003".to_string()];
        assert_eq!(sheet_name("表5", &taken), "表5");
        taken.push("表5".into());
        assert_eq!(sheet_name("表5", &taken), "表5 (2)");
        taken.push("表5 (2)".into());
        assert_eq!(sheet_name("表5", &taken), "表5 (3)");
        assert_eq!(sheet_name("rj003", &taken), "rj003 (2)");
        let long = "很".repeat(40);
        taken.push("很".repeat(31));
        let name = sheet_name(&long, &taken);
        assert_eq!(name, format!("{} (2)", "很".repeat(27)));
        assert_eq!(name.encode_utf16().count(), 31);
        // Every name it gives is distinct and acceptable.
        let mut all: Vec<String> = Vec::new();
        for _ in 0..120 {
            let n = sheet_name(&"长".repeat(40), &all);
            assert!((1..=SHEET_NAME_MAX).contains(&n.encode_utf16().count()));
            assert!(!all.iter().any(|a| a.to_lowercase() == n.to_lowercase()));
            all.push(n);
        }
    }

    // -- HTML --

    #[test]
    fn html_escapes_markup_and_shows_hidden_characters() {
        assert_eq!(
            html("<script>alert('x')</script> & \"y\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;y&quot;"
        );
        assert_eq!(html("台账\u{202e}xslx.exe"), "台账\\u{202e}xslx.exe");
        assert_eq!(html("a\u{1b}[2Jb\0c\u{85}"), "a\\u{1b}[2Jb\\u{0}c\\u{85}");
        assert_eq!(html("第一行\n第二行\t!"), "第一行\n第二行\t!");
        for c in [
            '\u{200e}', '\u{200f}', '\u{202a}', '\u{202d}', '\u{2066}', '\u{2069}',
        ] {
            assert_eq!(html(&c.to_string()), format!("\\u{{{:x}}}", c as u32));
        }
    }

    #[test]
    fn links_are_relative_paths_or_fragments() {
        assert_eq!(href("#units").as_deref(), Some("#units"));
        assert_eq!(
            href("报送/单位 1.xlsx").as_deref(),
            Some("./报送/单位%201.xlsx")
        );
        assert_eq!(href("./a&b'c.xlsx").as_deref(), Some("./a%26b%27c.xlsx"));
        assert_eq!(href("a//./b.xlsx").as_deref(), Some("./a/b.xlsx"));
        assert_eq!(
            href("全角　空格.xlsx").as_deref(),
            Some("./全角%E3%80%80空格.xlsx")
        );
        for bad in [
            "javascript:alert(1)",
            "javascript:alert(1);a.xlsx",
            "./javascript:alert(1);a.xlsx",
            "JavaScript:alert(1)",
            "data:text/html,<script>",
            "http://evil.example/",
            "//evil.example/x",
            "/etc/passwd",
            "C:/报送/x.xlsx",
            r"C:\报送\x.xlsx",
            r"\\server\share\x.xlsx",
            "../x.xlsx",
            "a/../../x.xlsx",
            "台账\u{202e}xslx.exe",
            "台账\u{1b}[2J.xlsx",
            "a#b.xlsx",
            "100%.xlsx",
            "a\"onmouseover=\"x.xlsx",
            "",
            ".",
            "./",
            "#",
        ] {
            assert_eq!(href(bad), None, "{bad:?}");
        }
        assert_eq!(
            link_path("报送/a b.xlsx").as_deref(),
            Some("./报送/a b.xlsx")
        );
        assert_eq!(link_path("javascript:alert(1);a.xlsx"), None);
        assert_eq!(link_path("../a.xlsx"), None);
    }

    #[test]
    fn every_href_is_safe_in_a_quoted_attribute() {
        let all: String = (0x20u32..0x3000).filter_map(char::from_u32).collect();
        for chunk in all.chars().collect::<Vec<_>>().chunks(7) {
            let s: String = chunk.iter().collect();
            if let Some(h) = href(&s) {
                assert!(h.starts_with("./"), "{h}");
                assert!(!h.contains(['"', '\'', '<', '>', '&', ' ', ':']), "{h}");
                assert!(!h.chars().any(is_html_hidden), "{h}");
            }
        }
    }

    // -- CSV --

    #[test]
    fn csv_formulas_are_neutralised_and_numbers_kept() {
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x\",\"点我\")"),
            "'=HYPERLINK(\"http://x\",\"点我\")"
        );
        assert_eq!(csv_field("+86 023"), "'+86 023");
        assert_eq!(
            csv_field("-2+3+cmd|' /C calc'!A0"),
            "'-2+3+cmd|' /C calc'!A0"
        );
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("\t=1"), "'\t=1");
        assert_eq!(csv_field("\r=1"), "'\r=1");
        assert_eq!(csv_field("-"), "'-");
        for n in ["-5", "+3", "-1.5", "0", "12.50"] {
            assert!(matches!(csv_field(n), Cow::Borrowed(t) if t == n), "{n}");
        }
        assert_eq!(csv_field("-1."), "'-1.");
        assert_eq!(csv_field("WPS=Office"), "WPS=Office");
    }
}
