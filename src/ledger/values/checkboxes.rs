//! Checkboxes as offices tick them: `□`, `☑ √ ✓ × x 是 1`, or the option's own text, in a
//! cell or inline in text.

#[allow(unused_imports)]
use super::*;

/// Characters and words that mean a ticked box.
pub(super) fn is_tick(n: &str) -> bool {
    matches!(
        n,
        "☑" | "☒"
            | "■"
            | "√"
            | "✓"
            | "✔"
            | "✗"
            | "✘"
            | "×"
            | "X"
            | "是"
            | "1"
            | "Y"
            | "YES"
            | "▇"
            | "●"
            | "★"
            | "TRUE"
            | "V"
            | "☑️"
            | "✅"
    )
}

/// Characters and words that mean an unticked box.
pub(super) fn is_untick(n: &str) -> bool {
    matches!(
        n,
        "□" | "☐" | "口" | "否" | "0" | "N" | "NO" | "FALSE" | "○" | "◯"
    )
}

/// A checkbox cell: unticked `□`, ticked `☑ √ ✓ × x 是 1`, or the option's own text.
pub fn checkbox(cell: &Cell, option: &str) -> Parsed<bool> {
    match cell {
        Cell::Empty => Parsed::Value(false),
        Cell::Bool(b) => Parsed::Value(*b),
        Cell::Number(n) if *n == 1.0 => Parsed::Value(true),
        Cell::Number(n) if *n == 0.0 => Parsed::Value(false),
        Cell::Text(s) => {
            // Most boxes hold one mark: settled on the stack, without normalising into a String.
            let short = with_short_norm(s, |n| {
                if n.is_empty() || is_untick(n) || is_not_applicable_normed(n) {
                    Some(false)
                } else if is_tick(n) {
                    Some(true)
                } else {
                    None
                }
            });
            if let Some(ticked) = short.flatten() {
                return Parsed::Value(ticked);
            }
            let n = norm(s);
            if n.is_empty() {
                return Parsed::Value(false);
            }
            if is_tick(&n) {
                return Parsed::Value(true);
            }
            if is_untick(&n) || is_not_applicable(&n) {
                return Parsed::Value(false);
            }
            let opt = norm(option);
            // "☑商业软件" or just "商业软件" typed into its own box.
            if let Some(rest) = n.strip_suffix(opt.as_str()) {
                if rest.is_empty() || is_tick(rest) {
                    return Parsed::Value(true);
                }
                if is_untick(rest) {
                    return Parsed::Value(false);
                }
            }
            Parsed::Invalid
        }
        _ => Parsed::Invalid,
    }
}

/// Which options are ticked in inline text such as `☑商业软件 □OEM软件 □免费软件`.
pub fn ticked_in_text(text: &str, options: &[&str]) -> Vec<usize> {
    let n = norm(text);
    let mut out = Vec::new();
    for (i, opt) in options.iter().enumerate() {
        let o = norm(opt);
        if let Some(pos) = n.find(&o) {
            let before: Option<char> = n[..pos].chars().last();
            if let Some(c) = before {
                if is_tick(&c.to_string()) {
                    out.push(i);
                }
            }
        }
    }
    out
}
