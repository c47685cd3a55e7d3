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
fn zb301_neither_box_ticked() {
    let mut b = Book::clean();
    b.set("RJ002", "B10", "□");
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb301_both_boxes_ticked_and_unreadable_box() {
    let mut b = Book::clean();
    b.set("RJ002", "C10", "☑");
    b.set("RJ003", "B11", "装了");
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb302_missing_fields_and_bad_count() {
    let mut b = Book::clean();
    b.set("RJ002", "D10", "");
    b.set("RJ002", "F11", "");
    b.set("RJ003", "J9", "#0");
    b.set("RJ003", "I10", "");
    b.set("RJ004", "J10", "若干");
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb303_part_one_disagrees_with_summary() {
    let mut b = Book::clean();
    b.set("RJ002", "G6", "#50");
    b.set("RJ002", "B6", "WPS Office 2016");
    b.set("RJ003", "I6", "2024.1.10-2026.1.9");
    b.set("RJ003", "D6", "□").set("RJ003", "F6", "☑");
    b.set("RJ001", "G6", "#3");
    insta::assert_snapshot!(b.diagnostics());
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
fn zb304_uninstall_from_a_computer_without_it() {
    let mut b = Book::clean();
    b.push_row(
        "RJ002",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-009",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-06-01",
            "#1",
        ],
    );
    insta::assert_snapshot!(b.diagnostics());
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
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb305_install_repeated_without_uninstall() {
    let mut b = Book::clean();
    b.push_row(
        "RJ002",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "专业版",
            "@2024-06-01",
            "#1",
        ],
    );
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb306_one_misplaced_row_is_one_diagnostic() {
    let mut b = Book::clean();
    b.set("RJ002", "I9", "@2024-03-10");
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb307_copies_exceed_licenses_for_a_while() {
    let mut b = Book::clean();
    b.set(SUMMARY, "I7", "#3").set("RJ002", "G6", "#3");
    b.push_row(
        "RJ002",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-004",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-04-01",
            "#1",
        ],
    );
    b.push_row(
        "RJ002",
        &[
            "#5",
            "□",
            "☑",
            "SJ-PC-004",
            "联想",
            "王五",
            "办公室",
            "专业版",
            "@2024-04-10",
            "#1",
        ],
    );
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb307_not_repeated_when_the_summary_shows_the_over_deployment() {
    let mut b = Book::clean();
    b.set(SUMMARY, "I7", "#2").set("RJ002", "G6", "#2");
    let codes = codes(&b);
    assert!(codes.contains(&"ZB111"), "{codes:?}");
    assert!(!codes.contains(&"ZB307"), "{codes:?}");
}

#[test]
fn zb308_install_after_the_license_ended() {
    let mut b = Book::clean();
    // A one-year license bought 2024-01-10 ends 2025-01-09.
    b.set(SUMMARY, "K8", "1年").set("RJ003", "I6", "1年");
    for cell in ["I7", "I11", "I15"] {
        b.set(USAGE, cell, "1年");
    }
    b.set("RJ003", "I11", "@2025-03-01");
    insta::assert_snapshot!(b.diagnostics());
}

#[test]
fn zb309_install_of_an_unlicensed_version() {
    let mut b = Book::clean();
    b.set("RJ002", "H10", "个人版");
    insta::assert_snapshot!(b.diagnostics());
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
fn zb310_event_after_the_check_date() {
    let mut b = Book::clean();
    b.set("RJ002", "I11", "@2062-03-05");
    insta::assert_snapshot!(b.diagnostics());
}

/// RJ001 (OEM Windows 10): SJ-PC-001 is scrapped and its copy reappears on SJ-PC-003, a
/// computer in use since 2024 that never had RJ001.
fn oem_moved() -> Book {
    let mut b = Book::clean();
    b.set("RJ001", "B11", "□").set("RJ001", "C11", "☑");
    b.set("RJ001", "D11", "SJ-PC-001")
        .set("RJ001", "F11", "张伟");
    b.set("RJ001", "G11", "办公室")
        .set("RJ001", "I11", "@2025-03-01");
    b.push_row(
        "RJ001",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-003",
            "联想",
            "刘洋",
            "审计二科",
            "专业版",
            "@2025-03-02",
            "#1",
        ],
    );
    b.set(SUMMARY, "M6", "#2");
    b.delete_row(USAGE, 5);
    b
}

#[test]
fn zb311_oem_copy_moved_to_another_computer() {
    insta::assert_snapshot!(oem_moved().diagnostics());
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
    insta::assert_snapshot!(b.diagnostics());
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
    insta::assert_snapshot!(b.diagnostics());
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
    insta::assert_snapshot!(only(&oem_moved_to_new().diagnostics(), "ZB311"));
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
