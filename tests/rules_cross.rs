//! ZB4xx — across ledgers and tables. Each test plants one fault in the clean unit and
//! snapshots what a clerk sees; the typo tests show that one mistyped number is one
//! diagnostic, not a flood.
//!
//! 汇总表 rows 6–9 = RJ001–RJ004 (M = 安装数量); header E3 使用计算机人数, E4 台式机数.
//! 明细表 rows 5–8 SJ-PC-001 (张伟: RJ001–RJ004), 9–12 SJ-PC-002 (李娜: RJ001–RJ004),
//! 13–15 SJ-PC-003 (刘洋: RJ001–RJ003); D 计算机编号, F 软件编号, H 软件版本.
//! Maintenance sheets RJ001–RJ004: part 一 in row 6, events from row 9 (D 计算机编号).

mod support;

use support::{Book, SUMMARY, USAGE};

const HEADER_2024: &str =
    "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2024年11月20日";

fn codes(b: &Book) -> Vec<&'static str> {
    b.codes()
}

// ---------------------------------------------------------------- one typo, one diagnostic

#[test]
fn zb403_unknown_number_and_name() {
    let mut b = Book::clean();
    b.set(USAGE, "F8", "RJ009").set(USAGE, "G8", "某看图软件");
    let codes = codes(&b);
    assert_eq!(
        codes.iter().filter(|c| **c == "ZB403").count(),
        1,
        "{codes:?}"
    );
    rule_snapshot!("ZB403", "unknown_number_and_name", b.diagnostics());
}

#[test]
fn zb407_uninstall_logged_under_a_mistyped_computer_points_both_ways() {
    // SJ-PC-001's WPS was uninstalled and removed from the usage ledger, but the log
    // recorded the uninstall under SJ-PC-01: ZB304 and ZB407 point at each other.
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
    b.delete_row(USAGE, 6);
    b.set(SUMMARY, "M7", "#2");
    rule_snapshot!(
        "ZB407",
        "uninstall_logged_under_a_mistyped_computer_points_both_ways",
        b.diagnostics()
    );
}

#[test]
fn zb407_mistyped_computer_in_the_usage_ledger_is_one_diagnostic() {
    let mut b = Book::clean();
    b.set(USAGE, "D11", "SJ-PC-02");
    let codes = codes(&b);
    assert!(!codes.contains(&"ZB408"), "{codes:?}");
    rule_snapshot!(
        "ZB407",
        "mistyped_computer_in_the_usage_ledger_is_one_diagnostic",
        b.diagnostics()
    );
}

#[test]
fn zb407_computer_numbered_differently_in_the_two_ledgers_is_one_diagnostic() {
    let mut b = Book::clean();
    for cell in ["D5", "D6", "D7", "D8"] {
        b.set(USAGE, cell, "SJ-PC-01");
    }
    rule_snapshot!(
        "ZB407",
        "computer_numbered_differently_in_the_two_ledgers_is_one_diagnostic",
        b.diagnostics()
    );
}

// ---------------------------------------------------------------- one rule each

#[test]
fn zb401_not_per_number_without_any_maintenance_table() {
    let mut b = Book::clean();
    for s in ["RJ001", "RJ002", "RJ003", "RJ004"] {
        b.remove_sheet(s);
    }
    assert!(!codes(&b).contains(&"ZB401"), "{}", b.diagnostics());
}

#[test]
fn zb402_maintenance_number_of_another_software() {
    let mut b = Book::clean();
    b.set("RJ003", "A6", "RJ002");
    rule_snapshot!(
        "ZB402",
        "maintenance_number_of_another_software",
        b.diagnostics()
    );
}

#[test]
fn zb404_version_and_type_disagree() {
    let mut b = Book::clean();
    b.set(USAGE, "H6", "个人版");
    b.set(USAGE, "K13", "□").set(USAGE, "L13", "☑");
    rule_snapshot!("ZB404", "version_and_type_disagree", b.diagnostics());
}

#[test]
fn zb407_install_missing_from_the_usage_ledger() {
    let mut b = Book::clean();
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
            "@2024-06-01",
            "#1",
        ],
    );
    rule_snapshot!(
        "ZB407",
        "install_missing_from_the_usage_ledger",
        b.diagnostics()
    );
}

#[test]
fn zb407_usage_row_without_install_and_after_uninstall() {
    let mut b = Book::clean();
    b.delete_row("RJ002", 11); // SJ-PC-003's install of RJ002 never logged
    b.push_row(
        "RJ003",
        &[
            "#4",
            "□",
            "☑",
            "SJ-PC-001",
            "联想",
            "张伟",
            "办公室",
            "V10 标准版",
            "@2025-06-01",
            "#1",
        ],
    );
    rule_snapshot!(
        "ZB407",
        "usage_row_without_install_and_after_uninstall",
        b.diagnostics()
    );
}

#[test]
fn zb407_log_without_any_event_is_one_diagnostic() {
    let mut b = Book::clean();
    for _ in 0..3 {
        b.delete_row("RJ002", 9);
    }
    rule_snapshot!(
        "ZB407",
        "log_without_any_event_is_one_diagnostic",
        b.diagnostics()
    );
}

#[test]
fn zb407_computer_missing_from_every_log_is_one_diagnostic() {
    let mut b = Book::clean();
    b.set(SUMMARY, "E4", "#4");
    for (seq, id, name, version, term, boxes) in [
        ("#12", "RJ001", "Windows 10", "专业版", "", ["□", "☑", "□"]),
        (
            "#13",
            "RJ002",
            "WPS Office 2019",
            "专业版",
            "永久",
            ["☑", "□", "□"],
        ),
        (
            "#14",
            "RJ003",
            "奇安信天擎终端安全管理系统",
            "V10 标准版",
            "2024.1.10-2027.12.31",
            ["☑", "□", "□"],
        ),
    ] {
        b.push_row(
            USAGE,
            &[
                seq,
                "办公室",
                "张伟",
                "SJ-PC-004",
                "联想",
                id,
                name,
                version,
                term,
                boxes[0],
                boxes[1],
                boxes[2],
                "@2024-06-01",
            ],
        );
    }
    rule_snapshot!(
        "ZB407",
        "computer_missing_from_every_log_is_one_diagnostic",
        b.diagnostics()
    );
}

#[test]
fn zb407_computer_missing_from_the_usage_ledger_is_one_diagnostic() {
    let mut b = Book::clean();
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
            "@2024-06-01",
            "#1",
        ],
    );
    b.push_row(
        "RJ003",
        &[
            "#4",
            "☑",
            "□",
            "SJ-PC-004",
            "联想",
            "王五",
            "办公室",
            "V10 标准版",
            "@2024-06-01",
            "#1",
        ],
    );
    rule_snapshot!(
        "ZB407",
        "computer_missing_from_the_usage_ledger_is_one_diagnostic",
        b.diagnostics()
    );
}

#[test]
fn zb407_empty_usage_ledger_is_one_diagnostic() {
    let mut b = Book::clean();
    let usage = b.sheet_mut(USAGE);
    usage.rows.truncate(4);
    b.set(SUMMARY, "E3", "");
    rule_snapshot!(
        "ZB407",
        "empty_usage_ledger_is_one_diagnostic",
        b.diagnostics()
    );
}

#[test]
fn zb403_empty_summary_is_one_diagnostic() {
    let mut b = Book::clean();
    let summary = b.sheet_mut(SUMMARY);
    summary.rows.truncate(5);
    rule_snapshot!("ZB403", "empty_summary_is_one_diagnostic", b.diagnostics());
}

// ---------------------------------------------------------------- statistics (ZB414)

/// The figures of a 2024 statistics table: 二 (总人数, 使用计算机人数), 三 (服务器, 台式机,
/// 便携机, 合计), 四 rows 国内/国外/合计 × 8, 五 rows × 4.
struct Stats {
    people: [&'static str; 2],
    computers: [&'static str; 4],
    purchases: [[&'static str; 8]; 3],
    holdings: [[&'static str; 4]; 3],
}

/// What the clean unit's ledgers say for 2024: 奇安信 (domestic antivirus) bought in 2024,
/// 5 licenses for 900 元; held at the end of 2024: WPS 5 + 奇安信 5 domestic, OEM Windows 3.
fn stats_2024() -> Stats {
    Stats {
        people: ["#5", "#3"],
        computers: ["#0", "#3", "#0", "#3"],
        purchases: [
            ["#0", "#0", "#0", "#0", "#5", "#0.09", "#5", "#0.09"],
            ["#0", "#0", "#0", "#0", "#0", "#0", "#0", "#0"],
            ["#0", "#0", "#0", "#0", "#5", "#0.09", "#5", "#0.09"],
        ],
        holdings: [
            ["#0", "#5", "#5", "#10"],
            ["#3", "#0", "#0", "#3"],
            ["#3", "#5", "#5", "#13"],
        ],
    }
}

/// Add a 软件正版化工作信息统计表 in the published layout (nine columns A–I).
fn add_statistics(b: &mut Book, title: &str, s: &Stats) {
    let origins = ["国内", "国外", "合计"];
    let mut lines: Vec<Vec<&str>> = vec![
        vec![title],
        vec![HEADER_2024],
        vec!["一、负责软件正版化工作部门情况"],
        vec![
            "部门名称",
            "",
            "",
            "部门负责人姓名",
            "",
            "部门负责人电话",
            "",
            "部门传真",
        ],
        vec![
            "办公室",
            "",
            "",
            "王芳",
            "",
            "023-70611234",
            "",
            "023-70611235",
        ],
        vec!["二、人员情况"],
        vec!["总人数", "", "", "", "", "使用计算机人数"],
        vec![s.people[0], "", "", "", "", s.people[1]],
        vec!["三、计算机情况"],
        vec!["服务器数", "", "", "台式机数", "", "便携机数", "", "合计"],
        vec![
            s.computers[0],
            "",
            "",
            s.computers[1],
            "",
            s.computers[2],
            "",
            s.computers[3],
        ],
        vec!["四、本年度软件采购情况"],
        vec![
            "软件属性",
            "操作系统软件\n(不含预装操作系统)",
            "",
            "办公软件",
            "",
            "杀毒软件",
            "",
            "总计",
        ],
        vec![
            "",
            "许可数（个）",
            "金额\n（万元）",
            "许可数（个）",
            "金额\n（万元）",
            "许可数（个）",
            "金额\n（万元）",
            "许可数（个）",
            "金额\n（万元）",
        ],
    ];
    for (o, row) in origins.iter().zip(&s.purchases) {
        let mut l = vec![*o];
        l.extend(row.iter().copied());
        lines.push(l);
    }
    lines.push(vec!["五、累计拥有软件许可情况"]);
    lines.push(vec![
        "软件属性",
        "操作系统软件\n(含预装操作系统)\n许可数（个）",
        "",
        "办公软件\n许可数（个）",
        "",
        "杀毒软件\n许可数（个）",
        "",
        "总计",
    ]);
    for (o, row) in origins.iter().zip(&s.holdings) {
        lines.push(vec![*o, row[0], "", row[1], "", row[2], "", row[3]]);
    }
    let slices: Vec<&[&str]> = lines.iter().map(|l| l.as_slice()).collect();
    b.sheet("统计表", &slices);
    let sheet = b.sheet_mut("统计表");
    for m in ["B13:C13", "D13:E13", "F13:G13", "H13:I13", "A13:A14"] {
        sheet.merges.push(m.into());
    }
    // The harness writes merged cells as text, so only the headers of 五 are merged.
    for (a, z) in [("B", "C"), ("D", "E"), ("F", "G"), ("H", "I")] {
        sheet.merges.push(format!("{a}19:{z}19"));
    }
}

#[test]
fn zb414_statistics_matching_the_ledgers_of_its_year_is_clean() {
    let mut b = Book::clean();
    add_statistics(
        &mut b,
        "软件正版化工作信息统计表（2024年度）",
        &stats_2024(),
    );
    assert_eq!(b.diagnostics(), "");
}

#[test]
fn zb414_each_wrong_figure_once_with_both_values() {
    let mut b = Book::clean();
    let mut s = stats_2024();
    s.people[0] = "#6"; // 二 总人数
    s.computers[3] = "#4"; // 三 合计 0 + 3 + 0 written as 4
    s.purchases[0][5] = "#0.9"; // 四 国内 杀毒 金额, totals left as 0.09
                                // 五 国内 办公 6 with the totals added up from it: only the part is wrong.
    s.holdings[0][1] = "#6";
    s.holdings[0][3] = "#11";
    s.holdings[2][1] = "#6";
    s.holdings[2][3] = "#14";
    add_statistics(&mut b, "软件正版化工作信息统计表（2024年度）", &s);
    rule_snapshot!(
        "ZB414",
        "each_wrong_figure_once_with_both_values",
        b.diagnostics()
    );
}

#[test]
fn zb414_figures_are_compared_with_the_year_the_table_states() {
    // The 2024 figures under a 2026 title: nothing was bought in 2026.
    let mut b = Book::clean();
    add_statistics(
        &mut b,
        "软件正版化工作信息统计表（2026年度）",
        &stats_2024(),
    );
    rule_snapshot!(
        "ZB414",
        "figures_are_compared_with_the_year_the_table_states",
        b.diagnostics()
    );
}

#[test]
fn zb414_empty_table_is_one_diagnostic() {
    let mut b = Book::clean();
    let blank = Stats {
        people: [""; 2],
        computers: [""; 4],
        purchases: [[""; 8]; 3],
        holdings: [[""; 4]; 3],
    };
    add_statistics(&mut b, "软件正版化工作信息统计表（2024年度）", &blank);
    rule_snapshot!("ZB414", "empty_table_is_one_diagnostic", b.diagnostics());
}

// ---------------------------------------------------------------- purchase plan (ZB415)

fn add_plan(b: &mut Book, rows: &[[&str; 7]], grand: &str) {
    let mut lines: Vec<Vec<&str>> = vec![
        vec!["软件采购计划表"],
        vec!["经手人：王芳    联系电话：023-70611234    填表日期：2026年11月20日"],
        vec![
            "序号",
            "软件名称",
            "软件版本",
            "单价\n（单位：元）",
            "许可数\n（单位：个）",
            "合计\n（单位：元）",
            "备注",
        ],
    ];
    for r in rows {
        lines.push(r.to_vec());
    }
    lines.push(vec!["", "共计", "", "", "", grand, ""]);
    let slices: Vec<&[&str]> = lines.iter().map(|l| l.as_slice()).collect();
    b.sheet("采购计划", &slices);
}

const PLAN: [[&str; 7]; 2] = [
    [
        "#1",
        "WPS Office 2019",
        "专业版",
        "#300",
        "#6",
        "#1800",
        "补足许可",
    ],
    [
        "#2",
        "奇安信天擎终端安全管理系统",
        "V10 标准版",
        "#180",
        "#2",
        "#360",
        "",
    ],
];

#[test]
fn zb415_correct_plan_is_clean() {
    let mut b = Book::clean();
    add_plan(&mut b, &PLAN, "#2160");
    assert!(!codes(&b).contains(&"ZB415"), "{}", b.diagnostics());
}

#[test]
fn zb415_row_total_wrong_grand_total_adds_typed_rows() {
    let mut b = Book::clean();
    let mut rows = PLAN;
    rows[0][5] = "#1500";
    add_plan(&mut b, &rows, "#1860");
    rule_snapshot!(
        "ZB415",
        "row_total_wrong_grand_total_adds_typed_rows",
        b.diagnostics()
    );
}

#[test]
fn zb415_grand_total_wrong() {
    let mut b = Book::clean();
    add_plan(&mut b, &PLAN, "#2000");
    rule_snapshot!("ZB415", "grand_total_wrong", b.diagnostics());
}
