//! The static list of every rule: the checker and `zhengban rule` both read it. Each group's
//! `mod.rs` lists its rules with `rules!` (one line per rule, which also declares the rule's
//! module); this file joins the groups in code order.

use super::{cross, files, forms, maintenance, reality, round, summary, usage, Rule};

/// The prefix of test-only codes (`ZT001`): tests that plant diagnostics by hand (a
/// renderer's test does not care which rule made them) use these, and no rule may, so a
/// planted diagnostic never passes for a rule's finding. `rules!` refuses them at build time.
pub const TEST_ONLY_PREFIX: &str = "ZT";

/// The groups, in code order.
const GROUPS: &[&[&Rule]] = &[
    files::RULES,       // ZB0xx — files and structure
    summary::RULES,     // ZB1xx — summary ledger
    usage::RULES,       // ZB2xx — usage ledger
    maintenance::RULES, // ZB3xx — maintenance ledger
    cross::RULES,       // ZB4xx — across ledgers and tables
    forms::RULES,       // ZB5xx — forms
    round::RULES,       // ZB6xx — across the units of a round
    reality::RULES,     // ZB7xx — the ledger against the computers
];

const COUNT: usize = {
    let mut n = 0;
    let mut g = 0;
    while g < GROUPS.len() {
        n += GROUPS[g].len();
        g += 1;
    }
    n
};

static ALL: [&Rule; COUNT] = {
    let mut out = [GROUPS[0][0]; COUNT];
    let (mut i, mut g) = (0, 0);
    while g < GROUPS.len() {
        let mut r = 0;
        while r < GROUPS[g].len() {
            out[i] = GROUPS[g][r];
            i += 1;
            r += 1;
        }
        g += 1;
    }
    out
};

/// Every rule, in code order.
pub static RULES: &[&Rule] = &ALL;

/// The rule with a code (case-insensitive).
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
}

/// Whether a code is a test-only one (see [`TEST_ONLY_PREFIX`]).
pub const fn is_test_only(code: &str) -> bool {
    let (code, prefix) = (code.as_bytes(), TEST_ONLY_PREFIX.as_bytes());
    if code.len() < prefix.len() {
        return false;
    }
    let mut i = 0;
    while i < prefix.len() {
        if code[i] != prefix[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether a registry line's code is the rule file's code (for the build-time check in
/// `rules!`; `==` on strings is not available in constants).
pub(super) const fn same_code(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_documented() {
        for pair in RULES.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
        for r in RULES {
            assert!(!is_test_only(r.code), "{} is a test-only code", r.code);
            assert!(r.code.len() == 5 && r.code.starts_with("ZB"), "{}", r.code);
            for heading in ["## 检查什么", "## 为什么", "## 示例", "## 如何修改"] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.code);
            }
        }
    }

    #[test]
    fn test_only_codes_are_told_apart() {
        assert!(is_test_only("ZT001"));
        assert!(!is_test_only("ZB001"));
        assert!(!is_test_only("Z"));
        assert!(rule("ZT001").is_none());
    }

    #[test]
    fn every_group_is_joined() {
        let listed: usize = GROUPS.iter().map(|g| g.len()).sum();
        assert_eq!(RULES.len(), listed);
        assert_eq!(RULES.first().map(|r| r.code), Some("ZB001"));
    }
}
