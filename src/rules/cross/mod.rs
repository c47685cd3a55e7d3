//! ZB4xx — across ledgers and tables. A mistyped 软件编号 or 计算机编号 is resolved once in
//! `rules::facts`; the rule that owns the typo reports it, and the others count the row under
//! the number it was meant to have, so one typo is one diagnostic.

pub mod free_list_disagrees;
pub mod free_list_missing;
pub mod free_not_listed;
pub mod holders_differ;
pub mod installed_count_vs_maintenance;
pub mod installed_count_vs_usage;
pub mod maintenance_unknown_id;
pub mod missing_maintenance_table;
pub mod purchase_plan_arithmetic;
pub mod stale_ledger;
pub mod statistics_differ;
pub mod too_many_computers;
pub mod usage_disagrees_with_summary;
pub mod usage_unknown_id;
pub mod users_count_differs;
