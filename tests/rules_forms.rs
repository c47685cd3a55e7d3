//! ZB5xx — forms. The clean unit keeps none of the forms, so these tests add them, filled as
//! the published templates lay them out (templates-xlsx/附件01, 03, 04, 10, 11), then plant
//! faults.

mod support;

use support::{Book, GROUP, SUMMARY};

/// Only the diagnostics of some codes (blocks start at unindented lines), so other groups'
/// rules do not change these snapshots.
fn only(text: &str, codes: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in text.split_inclusive('\n') {
        if !line.starts_with(' ') {
            keep = codes.split(' ').any(|c| line.starts_with(c));
        }
        if keep {
            out.push_str(line);
        }
    }
    out
}

#[test]
fn filled_forms_raise_nothing() {
    let book = Book::clean_with_forms();
    let text = book.diagnostics();
    assert_eq!(only(&text, "ZB0 ZB5"), "", "{text}");
    let (report, _dir) = book.check_as_of(support::AS_OF);
    let unit = &report.unit;
    assert_eq!(unit.leading_groups[0].rows.len(), 3);
    assert_eq!(unit.demands[0].rows.len(), 3);
    assert_eq!(unit.demands[0].approvals.len(), 2);
    assert_eq!(unit.purchase_plans[0].approvals.len(), 4);
    assert_eq!(unit.maintenance_requests[0].approvals.len(), 2);
    assert_eq!(unit.maintenance_confirms[0].approvals.len(), 2);
}

#[test]
fn absent_forms_raise_nothing() {
    // The clean unit keeps no leading group, demand, plan or request forms: not a fault.
    let codes = Book::clean().codes();
    assert!(!codes.iter().any(|c| c.starts_with("ZB5")), "{codes:?}");
}

#[test]
fn zb501_leader_without_name() {
    let mut book = Book::clean_with_forms();
    book.set(GROUP, "C7", "");
    rule_snapshot!(
        "ZB501",
        "leader_without_name",
        only(&book.diagnostics(), "ZB501")
    );
}

#[test]
fn zb504_local_number_starting_with_one() {
    // Eight digits after the area code, of the right length: the fault is the leading 1.
    let mut book = Book::clean_with_forms();
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：0831-15123456    填表日期：2026年11月20日",
    );
    book.set(GROUP, "F8", "010-01234567");
    rule_snapshot!(
        "ZB504",
        "local_number_starting_with_one",
        only(&book.diagnostics(), "ZB504")
    );
}
