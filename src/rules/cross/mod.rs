//! ZB4xx — across ledgers and tables. A mistyped 软件编号 or 计算机编号 is resolved once in
//! `rules::facts`; the rule that owns the typo reports it, and the others count the row under
//! the number it was meant to have, so one typo is one diagnostic.

rules! {
    ZB401 missing_maintenance_table,
    ZB402 maintenance_unknown_id,
    ZB403 usage_unknown_id,
    ZB404 usage_disagrees_with_summary,
    ZB405 installed_count_vs_usage,
    ZB406 installed_count_vs_maintenance,
    ZB407 holders_differ,
    ZB408 too_many_computers,
    ZB409 users_count_differs,
    ZB410 free_not_listed,
    ZB411 free_list_missing,
    ZB412 free_list_disagrees,
    ZB413 stale_ledger,
    ZB414 statistics_differ,
    ZB415 purchase_plan_arithmetic,
    ZB416 install_before_purchase,
    ZB417 maintenance_brand_differs,
}
