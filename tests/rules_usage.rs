//! ZB2xx — the usage ledger (明细表): each rule proven on the clean unit with planted faults.
//!
//! 明细表 data rows 5–15: PC-001 (张伟, 办公室, 联想) rows 5–8, PC-002 (李娜, 审计一科, 华为)
//! rows 9–12, PC-003 (刘洋, 审计二科, 联想) rows 13–15; software RJ001–RJ004 in that order
//! (PC-003 has no RJ004). Columns: A序号 B部门 C姓名 D计算机编号 E品牌 F软件编号 G软件名称
//! H版本 I许可期限 J商业 K OEM L免费 M安装日期.

mod support;

use support::{Book, SUMMARY, USAGE};

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

fn count(book: &Book, code: &str) -> usize {
    book.codes().iter().filter(|c| **c == code).count()
}

#[test]
fn zb201_empty_cells() {
    let mut book = Book::clean();
    book.set(USAGE, "D6", "");
    // An empty 软件编号 whose name identifies the summary number.
    book.set(USAGE, "F7", "");
    book.set(USAGE, "M8", "—");
    // A department merged over PC-003's rows but left blank: one cell, one diagnostic.
    for r in 13..=15 {
        book.set(USAGE, &format!("B{r}"), "");
    }
    book.sheet_mut(USAGE).merges.push("B13:B15".into());
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB201"));
}

#[test]
fn zb201_merged_department_is_filled() {
    let mut book = Book::clean();
    // 审计一科 typed once, merged over PC-002's rows.
    for r in 10..=12 {
        book.set(USAGE, &format!("B{r}"), "");
    }
    book.sheet_mut(USAGE).merges.push("B9:B12".into());
    assert_eq!(count(&book, "ZB201"), 0, "{}", book.diagnostics());
}

#[test]
fn zb202_kind_boxes() {
    let mut book = Book::clean();
    book.set(USAGE, "K6", "☑"); // two ticked
    book.set(USAGE, "J10", "□"); // none ticked
    book.set(USAGE, "J14", "可能"); // unreadable box
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB202 ZB006"));
}

#[test]
fn zb202_type_typed_in_one_column() {
    let mut book = Book::clean();
    // 软件类型 typed into one column instead of the published three boxes is a layout the
    // reader accepts: no missing column, and ZB202 reports the unreadable and empty types.
    book.sheet_mut(USAGE).merges.clear();
    book.set(USAGE, "J3", "软件类型");
    for r in 4..=15 {
        for c in ["J", "K", "L"] {
            book.set(USAGE, &format!("{c}{r}"), "");
        }
    }
    let kinds = ["OEM软件", "商业软件", "商业软件", "免费软件"];
    for r in 5..=15 {
        let si = (r - 5) % 4;
        book.set(USAGE, &format!("J{r}"), kinds[si]);
    }
    book.set(USAGE, "J6", "共享软件");
    book.set(USAGE, "J10", "");
    let codes = book.codes();
    assert!(!codes.contains(&"ZB003"), "{codes:?}");
    let text = book.diagnostics();
    assert!(
        text.contains("ZB202 error 明细表!J6: 软件类型“共享软件”无法识别"),
        "{text}"
    );
    assert!(
        text.contains("ZB202 error 明细表!J10: 软件类型为空"),
        "{text}"
    );
}

#[test]
fn zb203_brand_conflict() {
    let mut book = Book::clean();
    book.set(USAGE, "E6", "华为");
    // Case and spacing do not make another brand.
    book.set(USAGE, "E10", " 华 为 ");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB203"));
}

#[test]
fn zb204_duplicates() {
    let mut book = Book::clean();
    book.push_row(
        USAGE,
        &[
            "#12",
            "办公室",
            "张伟",
            "SJ-PC-001",
            "联想",
            "RJ002",
            "WPS Office 2019",
            "专业版",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-01",
        ],
    );
    // A mistyped number that the name resolves to RJ002 is the same software.
    book.push_row(
        USAGE,
        &[
            "#13",
            "审计一科",
            "李娜",
            "SJ-PC-002",
            "华为",
            "RJ0002",
            "WPS Office 2019",
            "专业版",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-02",
        ],
    );
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB204"));
}

#[test]
fn zb205_install_after_filled_or_check_date() {
    let mut book = Book::clean();
    book.set(USAGE, "M5", "@2026-11-21"); // after 填表日期 2026-11-20
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB205"));

    // Without a 填表日期, the check date (2026-11-25) bounds the date.
    let mut book = Book::clean();
    book.set(
        USAGE,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234",
    );
    book.set(USAGE, "M5", "@2026-11-21");
    book.set(USAGE, "M9", "@2026-12-01");
    insta::assert_snapshot!("zb205_check_date", only(&book.diagnostics(), "ZB205"));
}

#[test]
fn zb206_owner_conflict() {
    let mut book = Book::clean();
    book.set(USAGE, "C6", "李娜");
    book.set(USAGE, "B7", "审计一科");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB206"));
}

#[test]
fn zb207_computer_without_os() {
    let mut book = Book::clean();
    // PC-003 loses its Windows row: WPS and 奇安信 are classified, none is an OS.
    book.delete_row(USAGE, 13);
    // PC-004 holds only software the catalogue cannot place: no judgement.
    book.push_row(
        USAGE,
        &[
            "#11",
            "办公室",
            "陈静",
            "SJ-PC-004",
            "联想",
            "RJ009",
            "机关业务管理系统",
            "V2",
            "永久",
            "☑",
            "□",
            "□",
            "@2024-03-06",
        ],
    );
    // PC-005: one classified (WPS) and one unplaceable: reported, naming the unplaceable.
    for (id, name, version) in [
        ("RJ002", "WPS Office 2019", "专业版"),
        ("RJ010", "档案管理系统", "V3"),
    ] {
        book.push_row(
            USAGE,
            &[
                "#12",
                "办公室",
                "赵敏",
                "SJ-PC-005",
                "华为",
                id,
                name,
                version,
                "永久",
                "☑",
                "□",
                "□",
                "@2024-03-06",
            ],
        );
    }
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB207"));
}

#[test]
fn zb207_silent_on_clean_computers() {
    assert_eq!(count(&Book::clean(), "ZB207"), 0);
}

#[test]
fn zb208_install_after_license_end() {
    let mut book = Book::clean();
    // RJ003's term ends 2025-01-09; PC-003's copy is dated after it.
    book.set(SUMMARY, "K8", "2024.1.10-2025.1.9");
    for r in [7, 11, 15] {
        book.set(USAGE, &format!("I{r}"), "2024.1.10-2025.1.9");
    }
    book.set(USAGE, "M15", "@2025-06-01");
    // A number the summary does not know: the row's own term decides.
    book.push_row(
        USAGE,
        &[
            "#12",
            "审计二科",
            "刘洋",
            "SJ-PC-003",
            "联想",
            "RJ099",
            "某绘图软件",
            "2020",
            "2020.1.1-2023.12.31",
            "☑",
            "□",
            "□",
            "@2024-03-05",
        ],
    );
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB208"));
}

#[test]
fn zb208_perpetual_and_oem_never_end() {
    let mut book = Book::clean();
    book.set(USAGE, "M6", "@2026-01-05"); // WPS, 永久
    book.set(USAGE, "M5", "@2026-01-05"); // Windows, OEM
    assert_eq!(count(&book, "ZB208"), 0, "{}", book.diagnostics());
}
