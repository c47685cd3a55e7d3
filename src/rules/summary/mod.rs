//! ZB1xx — the summary ledger (软件使用情况汇总表; 台账 一).

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::{same_version, Field, LicenseTerm, PurchaseTime};

rules! {
    ZB101 unknown_software_type,
    ZB102 missing_software_id,
    ZB103 inconsistent_id,
    ZB104 batch_differs,
    ZB105 duplicate_batch,
    ZB106 free_software_split,
    ZB107 oem_license_fields,
    ZB108 free_license_fields,
    ZB109 missing_commercial_field,
    ZB110 partial_purchase,
    ZB111 over_deployment,
    ZB112 expired_license,
    ZB113 expiring_license,
    ZB114 invalid_install_count,
    ZB115 more_users_than_staff,
    ZB116 unreadable_term,
    ZB117 future_purchase,
    ZB118 implausible_amount,
    ZB119 missing_serial,
    ZB120 missing_software_name,
    ZB121 home_edition,
    ZB122 licensed_product_as_free,
    ZB123 unstated_edition,
    ZB124 shared_serial,
    ZB125 term_before_purchase,
}

/// How messages name a row's software: `RJ002“WPS Office 2019”`, `“7-Zip”`, `RJ005` or `此行`.
fn subject(row: &SummaryRow) -> String {
    match (row.id(), row.name.value()) {
        (Some(id), Some(name)) => format!("{id}“{name}”"),
        (None, Some(name)) => format!("“{name}”"),
        (Some(id), None) => id.to_string(),
        (None, None) => "此行".to_string(),
    }
}

/// 软件名称 and 软件版本 together, as a clerk reads them (`Windows 10 专业版`).
fn name_and_version(row: &SummaryRow) -> String {
    let name = row.name.value().map(String::as_str).unwrap_or_default();
    match row.version().and_then(|v| v.value()) {
        Some(v) if !name.is_empty() => format!("{name} {v}"),
        Some(v) => v.clone(),
        None => name.to_string(),
    }
}

/// `第7行`: the sheet row of a cell, for messages that name another row.
fn line(at: &CellRef) -> String {
    format!("第{}行", at.row + 1)
}

/// A column header without its unit line (`采购金额\n(单位:元)` → `采购金额`).
fn header_text(header: &str) -> &str {
    header.split('\n').next().unwrap_or(header).trim()
}

/// A date as the messages write it.
fn day(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// A purchase time as typed: a day, or a month when only the month was given.
fn purchase(p: &PurchaseTime) -> String {
    if p.month_only {
        p.date.format("%Y-%m").to_string()
    } else {
        day(p.date)
    }
}

/// The start of a message about a term's end: a duration names where it counts from.
fn term_lead(term: &LicenseTerm, purchased: Option<&PurchaseTime>) -> String {
    match (term, purchased) {
        (LicenseTerm::Months(_), Some(p)) => format!(
            "许可期限“{}”自采购时间 {} 起算，",
            term.describe(),
            purchase(p)
        ),
        _ => "许可".to_string(),
    }
}

/// Versions equal as clerks write them; `None` when either side is not readable.
fn versions_differ(a: &Field<String>, b: &Field<String>) -> Option<bool> {
    Some(!same_version(a.value()?, b.value()?))
}
