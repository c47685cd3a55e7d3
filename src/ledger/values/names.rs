//! Text, software names, codes (软件编号, 计算机编号) and version lists, and how names and
//! versions are compared as clerks write them.

#[allow(unused_imports)]
use super::*;

/// Text columns: trimmed text; dashes and 无 are not applicable.
pub fn text(cell: &Cell) -> Parsed<String> {
    if cell.is_blank() {
        return Parsed::Empty;
    }
    let shown = cell.shown();
    let s = clean(&shown);
    if s.is_empty() {
        Parsed::Empty
    } else if is_not_applicable(s) {
        Parsed::NotApplicable
    } else if s.len() == shown.len() {
        // A number's text, made for this cell: kept, not copied.
        Parsed::Value(shown.into_owned())
    } else {
        Parsed::Value(s.to_string())
    }
}

/// Software names: like [`text`], without the `* ` marker some ledger systems put in front
/// of a name (`* 统信UOS桌面操作系统`); the marker is not part of the name.
pub fn name(cell: &Cell) -> Parsed<String> {
    match text(cell) {
        Parsed::Value(s) => {
            let rest = s
                .trim_start_matches(['*', '＊'])
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            if rest.is_empty() || rest.len() == s.len() {
                Parsed::Value(s)
            } else {
                Parsed::Value(rest.to_string())
            }
        }
        other => other,
    }
}

/// Codes (软件编号, 计算机编号): like [`text`], with inner spaces removed and width folded,
/// so `RJ 003` and `ＲＪ003` are the same number.
pub fn code(cell: &Cell) -> Parsed<String> {
    match text(cell) {
        // Most codes are plain ASCII without spaces: kept as they are.
        Parsed::Value(s) if s.bytes().all(|b| b.is_ascii_graphic()) => Parsed::Value(s),
        Parsed::Value(s) => Parsed::Value(
            fold_width(&s)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
        ),
        other => other,
    }
}

/// 可使用版本: a list separated by 、 , ; / 及 和.
pub fn version_list(cell: &Cell) -> Parsed<Vec<String>> {
    match text(cell) {
        Parsed::Value(s) => {
            let parts: Vec<String> = fold_width(&s)
                .split(['、', ',', '，', ';', '；', '/', '\n'])
                .flat_map(|p| p.split("及"))
                .flat_map(|p| p.split("和"))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() {
                Parsed::Empty
            } else {
                Parsed::Value(parts)
            }
        }
        Parsed::Empty => Parsed::Empty,
        Parsed::NotApplicable => Parsed::NotApplicable,
        Parsed::Invalid => Parsed::Invalid,
    }
}

/// Compare versions as clerks write them: `2019`, `V2019`, `2019版` are the same.
pub fn same_version(a: &str, b: &str) -> bool {
    version_key(a) == version_key(b)
}

/// The comparable form of a version string.
pub fn version_key(v: &str) -> String {
    let n = norm(v);
    let n = n.strip_prefix('V').unwrap_or(&n);
    let n = n.strip_prefix("VER").unwrap_or(n);
    n.trim_end_matches('版')
        .trim_end_matches("版本")
        .to_string()
}

/// Compare names as clerks write them: width, spaces and letter case do not matter.
pub fn same_name(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}
