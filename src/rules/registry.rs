//! The static list of every rule: the checker and `zhengban rule` both read it.

use super::Rule;

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    // ZB0xx — files and structure
    &super::files::unreadable_file::RULE,
    &super::files::missing_ledger::RULE,
    &super::files::missing_column::RULE,
    &super::files::unknown_column::RULE,
    &super::files::empty_header_field::RULE,
    &super::files::unreadable_value::RULE,
    &super::files::formula_error::RULE,
    &super::files::duplicate_table::RULE,
    &super::files::unit_name_mismatch::RULE,
    &super::files::empty_ledgers::RULE,
    // (end ZB0xx)
    // ZB1xx — summary ledger
    &super::summary::unknown_software_type::RULE,
    &super::summary::missing_software_id::RULE,
    &super::summary::inconsistent_id::RULE,
    &super::summary::batch_differs::RULE,
    &super::summary::duplicate_batch::RULE,
    &super::summary::free_software_split::RULE,
    &super::summary::oem_license_fields::RULE,
    &super::summary::free_license_fields::RULE,
    &super::summary::missing_commercial_field::RULE,
    &super::summary::partial_purchase::RULE,
    &super::summary::over_deployment::RULE,
    &super::summary::expired_license::RULE,
    &super::summary::expiring_license::RULE,
    &super::summary::invalid_install_count::RULE,
    &super::summary::more_users_than_staff::RULE,
    &super::summary::unreadable_term::RULE,
    &super::summary::future_purchase::RULE,
    &super::summary::implausible_amount::RULE,
    &super::summary::missing_serial::RULE,
    &super::summary::missing_software_name::RULE,
    &super::summary::home_edition::RULE,
    &super::summary::licensed_product_as_free::RULE,
    &super::summary::unstated_edition::RULE,
    // (end ZB1xx)
    // ZB2xx — usage ledger
    &super::usage::empty_usage_field::RULE,
    &super::usage::usage_kind_not_single::RULE,
    &super::usage::computer_brand_conflict::RULE,
    &super::usage::duplicate_usage_row::RULE,
    &super::usage::future_install_date::RULE,
    &super::usage::computer_owner_conflict::RULE,
    &super::usage::computer_without_os::RULE,
    &super::usage::install_after_license_end::RULE,
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
    &super::forms::leading_group_without_leader::RULE,
    &super::forms::unsigned_approval::RULE,
    &super::forms::invalid_demand_count::RULE,
    &super::forms::implausible_phone::RULE,
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
