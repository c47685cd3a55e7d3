//! Text from a workbook (cell values, sheet names, unit names) and from the file system (file
//! names) is shown on a terminal; a terminal obeys what it is sent. A cell holding
//! `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen, an OSC-8 sequence
//! plants a link, U+202E turns the rest of a line around so that a file reads as another.
//! Every piece of such text passes through [`line`] before it enters the `human` or `text`
//! output: controls and bidirectional formatting characters are written out visibly
//! (`\u{1b}`), so the inspector sees that something odd is there and the terminal executes
//! nothing. The colour codes the renderer adds itself are added after escaping.

use std::borrow::Cow;
use std::fmt::Write;

/// Whether `c` must not reach a terminal as it is: C0 controls (line breaks and tabs too, since
/// each piece of text is laid out on one line), DEL, C1 controls, the bidirectional embedding,
/// override, isolate and mark characters, and the Unicode line and paragraph separators.
pub fn is_unsafe(c: char) -> bool {
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

/// `s` safe for one line of terminal output: every [unsafe](is_unsafe) character written as
/// `\n`, `\r`, `\t` or `\u{…}` (the form Rust and JSON readers know); everything else,
/// Chinese text included, unchanged. Borrowed when there is nothing to escape, which is
/// nearly always.
pub fn line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push(&mut out, c);
    }
    Cow::Owned(out)
}

/// Several lines of our own text that quote the input (names, paths, values), each line made
/// safe as by [`line`], the line breaks between them kept. Only for text without colour
/// codes of our own: those would be escaped too.
pub fn lines(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && is_unsafe(c)) {
        return Cow::Borrowed(s);
    }
    let parts: Vec<Cow<str>> = s.split('\n').map(line).collect();
    Cow::Owned(parts.join("\n"))
}

/// Like [`line`], but line breaks and tabs become one space: for a cell drawn in a grid,
/// where a clerk's line break inside a cell (Alt+Enter) is ordinary and reads best as a space.
pub fn cell(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' => out.push(' '),
            c => push(&mut out, c),
        }
    }
    Cow::Owned(out)
}

fn push(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if is_unsafe(c) => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_keep_their_breaks_and_escape_the_rest() {
        assert_eq!(lines("a\nb"), "a\nb");
        assert_eq!(
            lines("单位\u{1b}[2J\n已写出 x\u{7}"),
            "单位\\u{1b}[2J\n已写出 x\\u{7}"
        );
    }

    use super::*;

    #[test]
    fn ordinary_text_is_borrowed_unchanged() {
        for s in [
            "",
            "软件使用情况汇总表",
            "C:\\报送\\单位.xlsx",
            "WPS Office 2019 专业版",
        ] {
            assert!(matches!(line(s), Cow::Borrowed(t) if t == s));
            assert!(matches!(cell(s), Cow::Borrowed(t) if t == s));
        }
    }

    #[test]
    fn terminal_sequences_are_shown_not_sent() {
        assert_eq!(line("\x1b]0;pwned\x07"), "\\u{1b}]0;pwned\\u{7}");
        assert_eq!(line("a\x1b[2Jb"), "a\\u{1b}[2Jb");
        assert_eq!(
            line("\x1b]8;;http://x\x1b\\点我\x1b]8;;\x1b\\"),
            "\\u{1b}]8;;http://x\\u{1b}\\点我\\u{1b}]8;;\\u{1b}\\"
        );
        assert_eq!(line("\0"), "\\u{0}");
        assert_eq!(line("\x7f"), "\\u{7f}");
        // C1 CSI and OSC act like ESC [ and ESC ] on some terminals.
        assert_eq!(line("\u{9b}2J\u{9d}0;x"), "\\u{9b}2J\\u{9d}0;x");
    }

    #[test]
    fn bidirectional_controls_are_shown() {
        assert_eq!(line("台账\u{202e}xslx.exe"), "台账\\u{202e}xslx.exe");
        for c in [
            '\u{61c}', '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}',
            '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{2028}', '\u{2029}',
        ] {
            let shown = line(&c.to_string()).into_owned();
            assert_eq!(shown, format!("\\u{{{:x}}}", c as u32));
            assert!(!shown.chars().any(is_unsafe));
        }
    }

    #[test]
    fn line_breaks_are_escaped_in_lines_and_spaces_in_cells() {
        assert_eq!(line("许可数量\n（个）\r\t"), "许可数量\\n（个）\\r\\t");
        assert_eq!(cell("许可数量\n（个）\x1b[2J"), "许可数量 （个）\\u{1b}[2J");
    }

    #[test]
    fn nothing_unsafe_survives_any_character() {
        // Every code point below U+3000, which covers all the ranges above.
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert!(!line(&all).chars().any(is_unsafe));
        assert!(!cell(&all).chars().any(is_unsafe));
    }
}
