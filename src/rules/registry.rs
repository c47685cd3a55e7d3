//! The static list of every rule: the checker and `zhengban rule` both read it.

use super::summary;
use super::Rule;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[&summary::over_deployment::RULE];

/// The rule with a code (case-insensitive).
pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(code.trim()))
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
            assert!(r.code.len() == 5 && r.code.starts_with("ZB"), "{}", r.code);
            for heading in ["## 检查什么", "## 为什么", "## 示例", "## 如何修改"] {
                assert!(r.doc.contains(heading), "{} lacks {heading}", r.code);
            }
        }
    }
}
