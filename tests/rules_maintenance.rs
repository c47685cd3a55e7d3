//! ZB3xx — the maintenance ledger. Each test plants one fault in the clean unit and
//! snapshots what a clerk sees.
//!
//! Maintenance sheets `RJ001`–`RJ004`: part 一 values in row 6 (A编号 B名称 C版本 D/E/F类型
//! G许可数量 H可使用版本 I许可期限), part 二 data from row 9 (A序号 B安装 C卸载 D计算机编号
//! E品牌 F使用人 G部门 H版本 I日期 J数量), computers SJ-PC-001/002/003 in rows 9/10/11.

mod support;

use support::{Book, SUMMARY, USAGE};

fn codes(book: &Book) -> Vec<&'static str> {
    book.codes()
}

#[test]
fn zb301_both_boxes_ticked_and_unreadable_box() {
    let mut b = Book::clean();
    b.set("RJ002", "C10", "☑");
    b.set("RJ003", "B11", "装了");
    rule_snapshot!(
        "ZB301",
        "both_boxes_ticked_and_unreadable_box",
        b.diagnostics()
    );
}

#[test]
fn zb303_same_values_written_differently_agree() {
    let mut b = Book::clean();
    // The summary's range written the Chinese way; the name and version differ only in width,
    // case and spacing.
    b.set("RJ003", "I6", "2024年1月10日至2027年12月31日");
    b.set("RJ002", "B6", "ＷＰＳ office 2019");
    b.set("RJ002", "C6", "专业版 ");
    assert!(!codes(&b).contains(&"ZB303"), "{}", b.diagnostics());
}

#[test]
fn zb304_uninstall_from_a_mistyped_computer_names_the_likely_one() {
    let mut b = Book::clean();
    b.push_row(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-01",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-06-01",
            "#1",
        ],
    );
    rule_snapshot!(
        "ZB304",
        "uninstall_from_a_mistyped_computer_names_the_likely_one",
        b.diagnostics()
    );
}

#[test]
fn zb309_open_ended_usable_versions_are_not_checked() {
    let mut b = Book::clean();
    b.set(SUMMARY, "J7", "2019及以下版本");
    b.set("RJ002", "H6", "2019及以下版本");
    b.set("RJ002", "H10", "2016专业版");
    assert!(!codes(&b).contains(&"ZB309"), "{}", b.diagnostics());
}

#[test]
fn zb311_reinstall_on_the_same_computer_is_not_a_move() {
    let mut b = Book::clean();
    b.push_row(
        "RJ001",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-03-01",
            "#1",
        ],
    );
    b.push_row(
        "RJ001",
        &[
            "#5",
            "☑",
            "□",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-03-02",
            "#1",
        ],
    );
    assert_eq!(b.diagnostics(), "");
}

#[test]
fn zb311_new_computer_is_not_a_move() {
    // SJ-PC-001 scrapped; SJ-PC-004 is new (first seen the day it gets the OEM copy).
    let mut b = Book::clean();
    b.push_row(
        "RJ001",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-03-01",
            "#1",
        ],
    );
    b.push_row(
        "RJ001",
        &[
            "#5",
            "☑",
            "□",
            "SJ-PC-004",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-03-02",
            "#1",
        ],
    );
    assert!(!codes(&b).contains(&"ZB311"), "{}", b.diagnostics());
}

/// Only the diagnostics of some codes from rendered text (blocks start at unindented lines).
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
fn zb310_future_install_is_not_replayed() {
    // Logged ahead for a computer on order: the summary and the usage ledger rightly leave
    // it out, and the replay, stopping at the check date, does too.
    let mut b = Book::clean();
    b.push_row(
        "RJ002",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-009",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2026-12-08",
            "#1",
        ],
    );
    rule_snapshot!("ZB310", "future_install_is_not_replayed", b.diagnostics());
}

#[test]
fn zb310_future_uninstall_is_not_replayed() {
    // An uninstall planned for next month: SJ-PC-001 still has RJ002 at the check date.
    let mut b = Book::clean();
    b.push_row(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2026-12-08",
            "#1",
        ],
    );
    rule_snapshot!("ZB310", "future_uninstall_is_not_replayed", b.diagnostics());
}

/// RJ001 (OEM Windows 10) taken off SJ-PC-001, which stays in use, and logged the same day
/// on SJ-PC-004, a computer first seen that day.
fn oem_moved_to_new() -> Book {
    let mut b = Book::clean();
    b.push_row(
        "RJ001",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2025-03-01",
            "#1",
        ],
    );
    b.push_row(
        "RJ001",
        &[
            "#5",
            "☑",
            "□",
            "SJ-PC-004",
            "联想",
            "赵六",
            "办公室",
            "专业版",
            "@2025-03-01",
            "#1",
        ],
    );
    b
}

#[test]
fn zb311_oem_copy_moved_to_a_new_computer_while_the_old_stays_in_use() {
    rule_snapshot!(
        "ZB311",
        "oem_copy_moved_to_a_new_computer_while_the_old_stays_in_use",
        only(&oem_moved_to_new().diagnostics(), "ZB311")
    );
}

#[test]
fn zb311_new_computer_replacing_a_scrapped_one_is_not_a_move() {
    // SJ-PC-001 is gone from the usage ledger and gets nothing after: scrapped, and the new
    // computer came with its own copy.
    let mut b = oem_moved_to_new();
    for _ in 0..4 {
        b.delete_row(USAGE, 5);
    }
    assert!(!codes(&b).contains(&"ZB311"), "{}", b.diagnostics());
}
