//! ZB1xx — the summary ledger: each rule proven on the clean unit with one planted fault.
//!
//! 汇总表 rows: 6 RJ001 Windows 10 专业版 OEM, 7 RJ002 WPS commercial, 8 RJ003 奇安信 commercial,
//! 9 RJ004 7-Zip free. Columns: A序号 B编号 C名称 D版本 E类型 F采购时间 G金额 H许可类型
//! I许可数量 J可使用版本 K许可期限 L序列号 M安装数量. Header: C3 总人数, E3 使用计算机人数.

mod support;

use support::{Book, FREE, SUMMARY, USAGE};

/// Usage rows (明细表) holding each software number, as the clean fixture lays them out.
fn usage_rows(id: &str) -> &'static [u32] {
    match id {
        "RJ001" => &[5, 9, 13],
        "RJ002" => &[6, 10, 14],
        "RJ003" => &[7, 11, 15],
        "RJ004" => &[8, 12],
        _ => &[],
    }
}

/// The summary row of each software number.
fn summary_row(id: &str) -> u32 {
    match id {
        "RJ001" => 6,
        "RJ002" => 7,
        "RJ003" => 8,
        _ => 9,
    }
}

/// Change a software's name in every ledger, so that only the summary rules see a change.
fn rename(book: &mut Book, id: &str, name: &str) {
    book.set(SUMMARY, &format!("C{}", summary_row(id)), name);
    for r in usage_rows(id) {
        book.set(USAGE, &format!("G{r}"), name);
    }
    book.set(id, "B6", name);
    if id == "RJ004" {
        book.set(FREE, "C4", name);
    }
}

/// Change a software's version in every ledger.
fn reversion(book: &mut Book, id: &str, version: &str) {
    book.set(SUMMARY, &format!("D{}", summary_row(id)), version);
    for r in usage_rows(id) {
        book.set(USAGE, &format!("H{r}"), version);
    }
    book.set(id, "C6", version);
    for r in 9..9 + usage_rows(id).len() {
        book.set(id, &format!("H{r}"), version);
    }
}

fn has(book: &Book, code: &str) -> bool {
    book.codes().contains(&code)
}

#[test]
fn helpers_keep_the_fixture_clean() {
    let mut b = Book::clean();
    rename(&mut b, "RJ002", "WPS Office 2019");
    reversion(&mut b, "RJ001", "专业版");
    assert_eq!(b.diagnostics(), "");
}

// ZB103
#[test]
fn inconsistent_id_name() {
    let mut b = Book::clean();
    b.push_row(
        SUMMARY,
        &[
            "#5",
            "RJ002",
            "Microsoft Office 2016",
            "标准版",
            "商业软件",
            "@2022-06-01",
            "#2400",
            "批量许可",
            "#2",
            "标准版",
            "永久",
            "MSO-2016-7731",
            "#0",
        ],
    );
    rule_snapshot!("ZB103", "inconsistent_id_name", b.diagnostics());
    assert!(!has(&b, "ZB104"), "another product is not another batch");
}

// ZB103: free software keeps its number across versions.
#[test]
fn free_software_versions_share_a_number() {
    let mut b = Book::clean();
    b.push_row(
        SUMMARY,
        &[
            "#5",
            "RJ004",
            "7-Zip",
            "",
            "免费软件",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "#0",
        ],
    );
    assert!(!has(&b, "ZB103"));
}

// ZB105: a second batch with its own serial number is fine.
#[test]
fn second_batch_with_own_serial_is_not_a_duplicate() {
    let mut b = Book::clean();
    b.push_row(
        SUMMARY,
        &[
            "#5",
            "RJ005",
            "WPS Office 2019",
            "专业版",
            "商业软件",
            "@2023-03-15",
            "#1500",
            "批量许可",
            "#5",
            "专业版",
            "永久",
            "WPS-2019-8842-1174",
            "#0",
        ],
    );
    assert!(!has(&b, "ZB105"));
}

// ZB110: a gift has neither.
#[test]
fn gift_has_neither_purchase_field() {
    let mut b = Book::clean();
    b.set(SUMMARY, "F8", "");
    b.set(SUMMARY, "G8", "");
    assert!(!has(&b, "ZB110"));
}

/// RJ003's 许可期限 changed in every ledger, so that only the summary rules speak.
fn set_rj003_term(b: &mut Book, term: &str) {
    b.set(SUMMARY, "K8", term).set("RJ003", "I6", term);
    for cell in ["I7", "I11", "I15"] {
        b.set(USAGE, cell, term);
    }
}

// ZB112: a duration counts from the purchase time.
#[test]
fn expired_license_by_duration() {
    let mut b = Book::clean();
    b.set(SUMMARY, "F8", "@2021-03-15");
    set_rj003_term(&mut b, "3年");
    rule_snapshot!("ZB112", "expired_license_by_duration", b.diagnostics());
}

// ZB112: nothing installed, nothing to report.
#[test]
fn expired_license_without_installs() {
    let mut b = Book::clean();
    b.set(SUMMARY, "K8", "2026.6.30");
    b.set(SUMMARY, "M8", "#0");
    assert!(!has(&b, "ZB112"));
}

// ZB113: 91 days ahead is outside the window.
#[test]
fn license_ending_after_the_window() {
    let mut b = Book::clean();
    b.set(SUMMARY, "K8", "2027-02-24");
    assert!(!has(&b, "ZB113"));
    b.set(SUMMARY, "K8", "2027-02-23");
    assert!(has(&b, "ZB113"));
}

// ZB117: the month of the 填表日期 itself is not later.
#[test]
fn purchase_in_the_month_of_filling() {
    let mut b = Book::clean();
    b.set(SUMMARY, "F8", "2026.11");
    assert!(!has(&b, "ZB117"));
}

// ZB117: after the check date when the 填表日期 is later still.
#[test]
fn purchase_after_the_check_date() {
    let mut b = Book::clean();
    b.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2026年12月31日",
    );
    b.set(SUMMARY, "F8", "@2026-12-01");
    let text = b.diagnostics();
    assert!(
        text.contains("ZB117 error 汇总表!F8: 采购时间 2026-12-01 晚于检查日期 2026-11-25"),
        "{text}"
    );
}

// ZB118: zero licenses (ZB111 then also reports the installs beyond them).
#[test]
fn zero_license_count() {
    let mut b = Book::clean();
    b.set(SUMMARY, "I8", "#0");
    rule_snapshot!("ZB118", "zero_license_count", b.diagnostics());
}

// ZB119: site licenses are exempt.
#[test]
fn site_license_needs_no_serial() {
    let mut b = Book::clean();
    b.set(SUMMARY, "H7", "场地许可");
    b.set(SUMMARY, "L7", "");
    assert!(!has(&b, "ZB119"));
}

// ZB121 owns a personal edition registered as free; ZB122 stays silent.
#[test]
fn personal_edition_registered_as_free() {
    let mut b = Book::clean();
    rename(&mut b, "RJ004", "WPS Office 个人版");
    rule_snapshot!(
        "ZB121",
        "personal_edition_registered_as_free",
        b.diagnostics()
    );
}

// ZB123: an edition in the version counts; free products without editions are not checked.
#[test]
fn stated_editions() {
    let mut b = Book::clean();
    rename(&mut b, "RJ001", "统信UOS桌面操作系统");
    reversion(&mut b, "RJ001", "V20 专业版");
    assert!(!has(&b, "ZB123"));
    let mut b = Book::clean();
    rename(&mut b, "RJ001", "Windows 10");
    reversion(&mut b, "RJ001", "神州网信政府版");
    assert!(!has(&b, "ZB123"));
    let mut b = Book::clean();
    rename(&mut b, "RJ001", "Ubuntu");
    reversion(&mut b, "RJ001", "22.04");
    assert!(!has(&b, "ZB123"));
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

/// RJ003's license batch written as a generator writes it: two lines (rows 8–9), one per
/// serial number, every other cell merged down over both; 7-Zip moves to row 10.
fn rj003_batch_block(b: &mut Book) {
    b.push_row(
        SUMMARY,
        &[
            "#4",
            "RJ004",
            "7-Zip",
            "",
            "免费软件",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "—",
            "#2",
        ],
    );
    for c in 'A'..='M' {
        b.set(SUMMARY, &format!("{c}9"), "");
        if c != 'L' {
            b.sheet_mut(SUMMARY).merges.push(format!("{c}8:{c}9"));
        }
    }
    b.set(SUMMARY, "L9", "QAX-V10-55121");
}

// The batch block is one software number: no ZB104 for two rows of one number differing in
// 序列号, no ZB405 for rows counted twice.
#[test]
fn batch_block_is_one_row() {
    let mut b = Book::clean();
    rj003_batch_block(&mut b);
    assert_eq!(b.diagnostics(), "");
}

// ZB102: an empty 软件编号 merged over a batch's two lines is one fault.
#[test]
fn missing_software_id_merged_over_a_batch() {
    let mut b = Book::clean();
    rj003_batch_block(&mut b);
    b.set(SUMMARY, "B8", "");
    rule_snapshot!(
        "ZB102",
        "missing_software_id_merged_over_a_batch",
        only(&b.diagnostics(), "ZB102")
    );
}

// ZB109: an empty 许可类型 merged over a batch's two lines is one fault.
#[test]
fn missing_commercial_field_merged_over_a_batch() {
    let mut b = Book::clean();
    rj003_batch_block(&mut b);
    b.set(SUMMARY, "H8", "");
    rule_snapshot!(
        "ZB109",
        "missing_commercial_field_merged_over_a_batch",
        b.diagnostics()
    );
}

// ZB123: a version without edition merged over a batch's two lines is one fault.
#[test]
fn unstated_edition_merged_over_a_batch() {
    let mut b = Book::clean();
    rj003_batch_block(&mut b);
    rename(&mut b, "RJ003", "银河麒麟桌面操作系统");
    reversion(&mut b, "RJ003", "V10");
    b.set(SUMMARY, "J8", "V10");
    b.set("RJ003", "H6", "V10");
    rule_snapshot!(
        "ZB123",
        "unstated_edition_merged_over_a_batch",
        only(&b.diagnostics(), "ZB123")
    );
}

// ZB123: the edition may be stated in 可使用版本 (the license is for 专业版).
#[test]
fn edition_stated_in_usable_versions() {
    let mut b = Book::clean();
    reversion(&mut b, "RJ002", "2019");
    assert_eq!(b.diagnostics(), "");
}
