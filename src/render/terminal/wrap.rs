//! How wide the terminal output is, and where a line of it may break: Chinese text breaks
//! between characters, but never inside a run of Latin letters and digits (a 计算机编号
//! `SL-PC-031`, a 软件编号, a path) and never before a closing mark (`、`, `，`, `）`) or after an
//! opening one (`（`), so a list `SL-PC-031、SL-PC-032` breaks after a `、`. miette wraps its
//! parts with the same rule ([`WORDS`]), and every line zhengban draws itself is wrapped with
//! [`fill`], so no line is wider than [`width`] and the terminal never breaks one mid-item.

use std::io::IsTerminal;

use textwrap::core::Word;
use textwrap::{WordSeparator, WordSplitter};
use unicode_width::UnicodeWidthChar;

/// The width of output that goes to a file or a pipe: fixed, so that it is the same in a
/// pipe, a file, a snapshot and the README.
pub const FIXED_WIDTH: usize = 100;
/// Narrower than this and a grid has no room for a single column: draw as if this wide.
const MIN_WIDTH: usize = 60;
/// Wider than this a grid line or a message is no easier to read.
const MAX_WIDTH: usize = 240;

/// The width to draw for: `COLUMNS` when set (as a user or a test asks), else the terminal's
/// when standard output is one, else [`FIXED_WIDTH`].
pub fn width() -> usize {
    let asked = std::env::var("COLUMNS")
        .ok()
        .and_then(|s| s.trim().parse::<usize>().ok())
        .filter(|&n| n > 0);
    let found = asked.or_else(|| {
        std::io::stdout()
            .is_terminal()
            .then(terminal_size::terminal_size)
            .flatten()
            .map(|(terminal_size::Width(w), _)| w as usize)
            .filter(|&w| w > 0)
    });
    found.map_or(FIXED_WIDTH, |w| w.clamp(MIN_WIDTH, MAX_WIDTH))
}

/// The word separator for textwrap (and miette): see the module documentation.
pub(super) const WORDS: WordSeparator = WordSeparator::Custom(words);
/// How textwrap may split a word: never (its default splits `SL-PC-031` at the hyphens).
pub(super) const WHOLE: WordSplitter = WordSplitter::NoHyphenation;

/// Marks a line never starts with: they close what precedes them.
fn closes(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | '。'
            | '；'
            | '：'
            | '！'
            | '？'
            | '）'
            | '」'
            | '』'
            | '》'
            | '〉'
            | '】'
            | '”'
            | '’'
            | '…'
            | ')'
            | ','
            | '.'
            | ';'
            | ':'
            | '%'
    )
}

/// Marks a line never ends with: they open what follows them.
fn opens(c: char) -> bool {
    matches!(
        c,
        '（' | '「' | '『' | '《' | '〈' | '【' | '“' | '‘' | '(' | '☞'
    )
}

/// Whether a character is set in a Chinese line (two columns wide): a line may break on
/// either side of it.
fn wide(c: char) -> bool {
    c.width().unwrap_or(0) >= 2
}

/// The byte offsets where a word of `line` starts (after 0), ANSI colour codes kept with
/// the text they colour.
fn breaks(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\x1b' {
            // An escape sequence belongs to the word it is in: skip it whole.
            for (_, d) in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
            continue;
        }
        if let Some(p) = prev {
            let allowed = if p == ' ' {
                c != ' '
            } else if c == ' ' || closes(c) || opens(p) {
                false
            } else {
                wide(p) || wide(c)
            };
            if allowed {
                out.push(i);
            }
        }
        prev = Some(c);
    }
    out
}

fn words(line: &str) -> Box<dyn Iterator<Item = Word<'_>> + '_> {
    let mut starts = breaks(line);
    starts.push(line.len());
    let mut from = 0;
    Box::new(starts.into_iter().filter_map(move |to| {
        let word = &line[from..to];
        from = to;
        (!word.is_empty()).then(|| Word::from(word))
    }))
}

/// `text` wrapped to `width` columns (CJK characters count two), its first line after
/// `first`, the others after `rest`; an item longer than a whole line is cut where it must.
pub fn fill(text: &str, width: usize, first: &str, rest: &str) -> String {
    textwrap::fill(
        text,
        textwrap::Options::new(width)
            .initial_indent(first)
            .subsequent_indent(rest)
            .word_separator(WORDS)
            .word_splitter(WHOLE)
            .break_words(true),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn lists_break_after_their_separators_never_inside_an_item() {
        let text = "安装数量 6，明细表中 RJ011 有 5 行（SL-PC-031、SL-PC-032、SL-PC-033、SL-PC-034、SL-PC-035）";
        for width in 20..60 {
            let out = fill(text, width, "  × ", "    ");
            for line in out.lines() {
                assert!(line.width() <= width, "{width}: {line:?}");
                assert!(!line.trim_start().starts_with('、'), "{width}: {line:?}");
                assert!(!line.ends_with('（'), "{width}: {line:?}");
            }
            for n in 31..=35 {
                assert!(out.contains(&format!("SL-PC-0{n}")), "{width}:\n{out}");
            }
        }
    }

    #[test]
    fn chinese_breaks_between_characters_and_colour_codes_stay_with_their_text() {
        assert_eq!(fill("经信息化部门测试", 8, "", ""), "经信息化\n部门测试");
        let coloured = "\x1b[1m修改\x1b[0m：加入清单";
        let out = fill(coloured, 6, "", "");
        assert!(out.starts_with("\x1b[1m修改\x1b[0m："), "{out:?}");
    }
}
