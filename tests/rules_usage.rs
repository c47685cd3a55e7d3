//! ZB2xx — the usage ledger (明细表): each rule proven on the clean unit with planted faults.
//!
//! 明细表 data rows 5–15: PC-001 (张伟, 办公室, 联想) rows 5–8, PC-002 (李娜, 审计一科, 华为)
//! rows 9–12, PC-003 (刘洋, 审计二科, 联想) rows 13–15; software RJ001–RJ004 in that order
//! (PC-003 has no RJ004). Columns: A序号 B部门 C姓名 D计算机编号 E品牌 F软件编号 G软件名称
//! H版本 I许可期限 J商业 K OEM L免费 M安装日期.

mod support;

use support::{Book, USAGE};

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
fn zb205_check_date() {
    // Without a 填表日期, the check date (2026-11-25) bounds the date.
    let mut book = Book::clean();
    book.set(
        USAGE,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234",
    );
    book.set(USAGE, "M5", "@2026-11-21");
    book.set(USAGE, "M9", "@2026-12-01");
    rule_snapshot!("ZB205", "check_date", only(&book.diagnostics(), "ZB205"));
}

#[test]
fn zb207_silent_on_clean_computers() {
    assert_eq!(count(&Book::clean(), "ZB207"), 0);
}

#[test]
fn zb208_perpetual_and_oem_never_end() {
    let mut book = Book::clean();
    book.set(USAGE, "M6", "@2026-01-05"); // WPS, 永久
    book.set(USAGE, "M5", "@2026-01-05"); // Windows, OEM
    assert_eq!(count(&book, "ZB208"), 0, "{}", book.diagnostics());
}
