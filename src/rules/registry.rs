//! The static list of every rule: the checker and `zhengban rule` both read it.

use super::Rule;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    // ZB0xx — files and structure
    // (end ZB0xx)
    // ZB1xx — summary ledger
    &super::summary::over_deployment::RULE,
    // (end ZB1xx)
    // ZB2xx — usage ledger
    // (end ZB2xx)
    // ZB3xx — maintenance ledger
    &super::maintenance::ambiguous_action::RULE,
    &super::maintenance::missing_event_field::RULE,
    &super::maintenance::info_disagrees_with_summary::RULE,
    &super::maintenance::uninstall_without_install::RULE,
    &super::maintenance::repeated_install::RULE,
    &super::maintenance::events_out_of_order::RULE,
    &super::maintenance::replay_over_license::RULE,
    &super::maintenance::install_after_license_end::RULE,
    &super::maintenance::unlicensed_version::RULE,
    &super::maintenance::future_event::RULE,
    &super::maintenance::oem_moved::RULE,
    // (end ZB3xx)
    // ZB4xx — across ledgers and tables
    &super::cross::missing_maintenance_table::RULE,
    &super::cross::maintenance_unknown_id::RULE,
    &super::cross::usage_unknown_id::RULE,
    &super::cross::usage_disagrees_with_summary::RULE,
    &super::cross::installed_count_vs_usage::RULE,
    &super::cross::installed_count_vs_maintenance::RULE,
    &super::cross::holders_differ::RULE,
    &super::cross::too_many_computers::RULE,
    &super::cross::users_count_differs::RULE,
    &super::cross::free_not_listed::RULE,
    &super::cross::free_list_missing::RULE,
    &super::cross::free_list_disagrees::RULE,
    &super::cross::stale_ledger::RULE,
    &super::cross::statistics_differ::RULE,
    &super::cross::purchase_plan_arithmetic::RULE,
    // (end ZB4xx)
    // ZB5xx — forms
    // (end ZB5xx)
];

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
