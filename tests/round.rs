//! A round as an inspector receives it: 41 submissions from a roster of 43 units, foldered
//! every way offices folder them — sub-folders of scans and old copies, a copy beside the
//! original, a unit's file one folder deep or three, files loose in the round's folder —
//! with missing units, one off the roster, 简称 and 全称, a name two roster units share, one
//! workbook sent by two units, a serial two units register, the shipped sample sent by two,
//! a 单位名称 copied, and last year's round checked to JSONL. The test asserts every unit's
//! status and codes, and what the roll-up says against last year.

mod support;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_json::Value;
use support::{Book, AS_OF, SUMMARY};

/// The roster's towns, in the roster's order.
const TOWNS: [&str; 42] = [
    "城关镇",
    "三合镇",
    "名山镇",
    "包鸾镇",
    "湛普镇",
    "树人镇",
    "社坛镇",
    "许明寺镇",
    "董家镇",
    "三元镇",
    "武平镇",
    "虎威镇",
    "仁沙镇",
    "龙河镇",
    "双路镇",
    "栗子乡",
    "三建乡",
    "南天湖镇",
    "太平坝乡",
    "暨龙镇",
    "兴义镇",
    "十直镇",
    "江池镇",
    "青龙乡",
    "保合镇",
    "兴龙镇",
    "都督乡",
    "双龙镇",
    "仙女湖镇",
    "龙孔镇",
    "三坝乡",
    "高家镇",
    "花园镇",
    "丰稔镇",
    "平都镇",
    "石龙镇",
    "大池镇",
    "木兰镇",
    "金竹镇",
    "长江镇",
    "龙城镇",
    "新华镇",
];

fn full(town: &str) -> String {
    format!("丰都县{town}人民政府")
}

/// A unit's own ledger, made from the test suite's clean unit: its name, its computers
/// (numbered with `pc`) and its license serials (tagged with `tag`).
fn ledger(name: &str, pc: &str, tag: &str) -> Book {
    let mut b = Book::clean();
    b.replace("测试县审计局", name)
        .replace("SJ-PC-", &format!("{pc}-PC-"))
        .replace("WPS-2019-8842-1173", &format!("WPS-2019-{tag}-1173"))
        .replace("QAX-V10-55120", &format!("QAX-V10-{tag}-55120"));
    b
}

fn write(book: &Book, path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    book.write(path);
}

/// Last year's version of a ledger: another user on one computer, the 填表日期 a year back.
fn last_year_of(book: &Book) -> Book {
    let mut b = book.clone();
    b.replace("刘洋", "赵强")
        .replace("2026年11月20日", "2025年11月20日");
    b
}

/// This year's round under `dir/2026年报送`, last year's under `dir/2025年报送`, the roster
/// as `dir/名单.csv`.
fn build(dir: &Path) {
    let now = dir.join("2026年报送");
    let then = dir.join("2025年报送");
    let mut roster = String::from("序号,单位名称\n");
    for (i, t) in TOWNS.iter().enumerate() {
        roster.push_str(&format!("{},{}\n", i + 1, full(t)));
    }
    roster.push_str(&format!("{},丰都县高家镇中心学校\n", TOWNS.len() + 1));
    std::fs::write(dir.join("名单.csv"), roster).unwrap();

    let sent_nothing = ["三元镇", "武平镇", "虎威镇"];
    let special = [
        "三合镇",
        "名山镇",
        "包鸾镇",
        "湛普镇",
        "许明寺镇",
        "树人镇",
        "董家镇",
        "双龙镇",
        "暨龙镇",
        "兴义镇",
        "高家镇",
        "龙河镇",
        "双路镇",
    ];
    for (i, town) in TOWNS.iter().enumerate() {
        if sent_nothing.contains(town) || special.contains(town) {
            continue;
        }
        let book = ledger(&full(town), &format!("T{i:02}"), &format!("S{i:02}"));
        // offices folder their submissions every way
        let path = match i % 3 {
            0 => now.join(town).join(format!("{town}台账.xlsx")),
            1 => now.join(full(town)).join("软件正版化台账.xlsx"),
            _ => now.join(format!("{town}.xlsx")),
        };
        write(&book, &path);
        write(&last_year_of(&book), &then.join(town).join("台账.xlsx"));
    }
    // errors of its own
    let mut b = ledger(&full("三合镇"), "SH", "SH");
    b.set(SUMMARY, "I7", "#2").set("RJ002", "G6", "#2");
    write(&b, &now.join("三合镇").join("三合镇台账.xlsx"));
    // stamped scans and last year's copy filed in sub-folders
    let b = ledger(&full("名山镇"), "MS", "MS");
    write(&b, &now.join("名山镇").join("名山镇台账.xlsx"));
    write(
        &last_year_of(&b),
        &now.join("名山镇")
            .join("2025年旧版")
            .join("名山镇台账.xlsx"),
    );
    std::fs::create_dir_all(now.join("名山镇").join("盖章扫描件")).unwrap();
    std::fs::write(
        now.join("名山镇/盖章扫描件/汇总表盖章页.pdf"),
        b"%PDF-1.4\n%%EOF\n",
    )
    .unwrap();
    write(&last_year_of(&b), &then.join("名山镇").join("台账.xlsx"));
    // the ledger sent twice, once as a copy
    let b = ledger(&full("包鸾镇"), "BL", "BL");
    write(&b, &now.join("包鸾镇").join("台账.xlsx"));
    std::fs::copy(
        now.join("包鸾镇/台账.xlsx"),
        now.join("包鸾镇/台账 - 副本.xlsx"),
    )
    .unwrap();
    // 湛普镇 sent 许明寺镇's workbook as its own
    let b = ledger(&full("许明寺镇"), "XM", "XM");
    write(&b, &now.join("许明寺镇").join("台账.xlsx"));
    write(&b, &now.join("湛普镇").join("台账.xlsx"));
    // 董家镇 registered 社坛镇's WPS serial
    let mut b = ledger(&full("董家镇"), "DJ", "DJ");
    b.replace("WPS-2019-DJ-1173", "WPS-2019-S06-1173");
    write(&b, &now.join("董家镇").join("台账.xlsx"));
    // 树人镇 kept the sample's 单位名称 on its own ledger
    write(
        &ledger(&full("双龙镇"), "SR", "SR"),
        &now.join("树人镇").join("台账.xlsx"),
    );
    // 双龙镇 sent the shipped sample, and 暨龙镇 sent it too, unchanged
    for town in ["双龙镇", "暨龙镇"] {
        std::fs::create_dir_all(now.join(town)).unwrap();
        std::fs::copy(
            "samples/shuanglong-national.xlsx",
            now.join(town).join(format!("{town}台账.xlsx")),
        )
        .unwrap();
    }
    // however deep
    write(
        &ledger(&full("兴义镇"), "XY", "XY"),
        &now.join("兴义镇")
            .join("2026")
            .join("正式")
            .join("台账.xlsx"),
    );
    // a name two roster units share, and the ledger says no more
    write(
        &ledger("高家镇", "GJ", "GJ"),
        &now.join("高家镇").join("台账.xlsx"),
    );
    // 城关镇 sent again under another folder
    write(
        &ledger(&full("城关镇"), "CGB", "CGB"),
        &now.join("城关镇（补报）").join("台账.xlsx"),
    );
    // not on the roster
    write(
        &ledger("丰都县档案局", "DA", "DA"),
        &now.join("县档案局").join("台账.xlsx"),
    );
    // 龙河镇 sent last year's ledger again; 双路镇's Adobe licenses are gone without a trace
    let b = ledger(&full("龙河镇"), "LH", "LH");
    write(&b, &now.join("龙河镇").join("台账.xlsx"));
    let mut old = b.clone();
    old.replace("2026年11月20日", "2025年11月20日");
    write(&old, &then.join("龙河镇").join("台账.xlsx"));
    let b = ledger(&full("双路镇"), "SL", "SL");
    write(&b, &now.join("双路镇").join("台账.xlsx"));
    let mut old = last_year_of(&b);
    old.push_row(
        SUMMARY,
        &[
            "#5",
            "RJ005",
            "Adobe Acrobat DC",
            "2020",
            "商业软件",
            "@2023-05-10",
            "#9000",
            "单机许可",
            "#5",
            "2020",
            "永久",
            "ADBE-2023-5501-SL",
            "#0",
        ],
    );
    write(&old, &then.join("双路镇").join("台账.xlsx"));
    // last year only
    write(
        &ledger("丰都县文化馆", "WH", "WH"),
        &then.join("县文化馆").join("台账.xlsx"),
    );
}

fn zhengban(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

/// What `check --format jsonl` said of each unit: its source (or 未报送 and its name), its
/// status and its codes.
fn units(jsonl: &str) -> BTreeMap<String, (String, Vec<String>)> {
    let mut got = BTreeMap::new();
    for line in jsonl.lines() {
        let u: Value = serde_json::from_str(line).unwrap();
        let key = u["source"].as_str().map_or_else(
            || format!("未报送 {}", u["unit"].as_str().unwrap()),
            |s| s.trim_start_matches("2026年报送/").to_string(),
        );
        let codes: Vec<String> = u["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        got.insert(key, (u["status"].as_str().unwrap().to_string(), codes));
    }
    got
}

#[test]
fn a_round_of_forty_units() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    build(dir);
    // last year's round, as its inspector checked it
    let o = zhengban(
        dir,
        &[
            "check",
            "2025年报送",
            "--as-of",
            "2025-11-25",
            "--format",
            "jsonl",
            "-o",
            "去年.jsonl",
        ],
    );
    assert!(o.status.code().is_some_and(|c| c <= 1), "{o:?}");

    let o = zhengban(
        dir,
        &[
            "check",
            "2026年报送",
            "--roster",
            "名单.csv",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
        ],
    );
    assert_eq!(o.status.code(), Some(1), "ZB011 and 三合镇's own errors");
    let got = units(&String::from_utf8(o.stdout).unwrap());
    let serials = |n: usize| vec!["ZB602"; n];
    let mut expected = BTreeMap::new();
    type Expected = BTreeMap<String, (&'static str, Vec<&'static str>)>;
    let expect =
        |e: &mut Expected, source: &str, status: &'static str, codes: Vec<&'static str>| {
            e.insert(source.to_string(), (status, codes));
        };
    expect(&mut expected, "三合镇", "errors", vec!["ZB111"]);
    // last year's copy in a sub-folder, the copy beside the original: set aside, noted
    expect(&mut expected, "名山镇", "clean", vec!["ZB015"]);
    expect(&mut expected, "包鸾镇", "clean", vec!["ZB015"]);
    expect(&mut expected, "兴义镇", "clean", vec![]);
    // one workbook sent by two units, 单位名称 and all
    expect(
        &mut expected,
        "许明寺镇",
        "clean",
        [vec!["ZB601"], serials(2)].concat(),
    );
    expect(
        &mut expected,
        "湛普镇",
        "clean",
        [vec!["ZB603", "ZB601"], serials(2)].concat(),
    );
    expect(&mut expected, "社坛镇", "clean", vec!["ZB602"]);
    expect(&mut expected, "董家镇", "clean", vec!["ZB602"]);
    expect(&mut expected, "树人镇", "clean", vec!["ZB603"]);
    // the shipped sample, sent by its unit and by another
    expect(
        &mut expected,
        "双龙镇",
        "clean",
        [vec!["ZB601"], serials(5)].concat(),
    );
    expect(
        &mut expected,
        "暨龙镇",
        "clean",
        [vec!["ZB603", "ZB601"], serials(5)].concat(),
    );
    expect(&mut expected, "城关镇", "clean", vec!["ZB604"]);
    expect(&mut expected, "城关镇（补报）", "clean", vec!["ZB604"]);
    expect(&mut expected, "县档案局", "clean", vec!["ZB012"]);
    expect(&mut expected, "高家镇", "clean", vec!["ZB012"]);
    expect(&mut expected, "龙河镇", "clean", vec![]);
    expect(&mut expected, "双路镇", "clean", vec![]);
    for name in ["三元镇", "武平镇", "虎威镇", "高家镇"] {
        expect(
            &mut expected,
            &format!("未报送 {}", full(name)),
            "missing",
            vec!["ZB011"],
        );
    }
    expect(
        &mut expected,
        "未报送 丰都县高家镇中心学校",
        "missing",
        vec!["ZB011"],
    );
    for (i, town) in TOWNS.iter().enumerate() {
        let source = match i % 3 {
            0 => town.to_string(),
            1 => full(town),
            _ => format!("{town}.xlsx"),
        };
        if !expected.keys().any(|k| k.contains(town)) {
            expect(&mut expected, &source, "clean", vec![]);
        }
    }
    let got: BTreeMap<String, (&str, Vec<&str>)> = got
        .iter()
        .map(|(k, (s, c))| {
            (
                k.clone(),
                (s.as_str(), c.iter().map(String::as_str).collect()),
            )
        })
        .collect();
    assert_eq!(
        got.len(),
        46,
        "41 submissions and 5 roster units that sent nothing"
    );
    assert_eq!(got, expected);

    // the roll-up against last year
    let o = zhengban(
        dir,
        &[
            "report",
            "2026年报送",
            "--roster",
            "名单.csv",
            "--previous",
            "去年.jsonl",
            "--as-of",
            AS_OF,
            "-o",
            "汇总.xlsx",
            "--html",
            "汇总.html",
        ],
    );
    let said = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(
        said.contains("与上年比较（去年.jsonl）：今年新报送 "),
        "{said}"
    );
    let mut wb = calamine::open_workbook_auto(dir.join("汇总.xlsx")).unwrap();
    let range = calamine::Reader::worksheet_range(&mut wb, "与上年比较").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let row = |name: &str| -> &Vec<String> {
        rows.iter()
            .find(|r| r.get(1).is_some_and(|n| n == name))
            .unwrap_or_else(|| panic!("{name} not in 与上年比较"))
    };
    let remarks = |name: &str| row(name).last().unwrap().clone();
    assert_eq!(remarks(&full("龙河镇")), "台账与上年逐行相同，没有更新");
    assert_eq!(
        remarks(&full("双路镇")),
        "上年登记的 Adobe Acrobat DC（RJ005）许可 5 个，今年的汇总表里没有了，安装维护明细表中也没有卸载记录"
    );
    assert_eq!(remarks("丰都县文化馆"), "上年报送了，今年没有");
    assert_eq!(
        remarks("丰都县档案局"),
        "上年没有报送（或名称、文件夹都变了）"
    );
    // figures then and now: computers, commercial licenses (5 WPS + 5 奇安信)
    assert_eq!(row(&full("龙河镇"))[4..8], ["3", "3", "10", "10"]);
    assert_eq!(row(&full("双路镇"))[6..8], ["15", "10"]);
    assert_eq!(remarks(&full("仁沙镇")), "");
    let html = std::fs::read_to_string(dir.join("汇总.html")).unwrap();
    assert!(html.contains("<h2 id=\"previous\">与上年比较</h2>"));
    assert!(html.contains("台账与上年逐行相同，没有更新"));
}
