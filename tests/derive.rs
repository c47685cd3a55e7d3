//! `zhengban derive` driven as a user would, on the samples, the faulty samples, workbooks
//! written with openpyxl (tests/foreign/, tests/fixtures/derive/) and saved by LibreOffice
//! (tests/resaved/, tests/foreign/resaved/).
//!
//! For every unit, the statistics table of the output equals figures worked out by hand
//! below from the ledgers' data (元 → 万元, OEM copies counted in 五 only, software of the
//! category 其他 nowhere), `check` on the output no longer reports the faults derive
//! resolves and reports nothing new, and the input's bytes are unchanged.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use zhengban::batch::{check_source, CheckOptions, UnitReport};
use zhengban::classify::Catalogue;
use zhengban::config::Config;
use zhengban::ledger::statistics::{Measure, StatColumn, StatRow, Statistics};
use zhengban::ledger::{read_unit, Unit, UnitSource};

const AS_OF: &str = "2026-11-25";

fn zhengban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run zhengban")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Copy a workbook or a unit folder into a fresh directory; returns (dir, copy).
fn copy_in(path: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let src = repo(path);
    let dst = dir.path().join(src.file_name().unwrap());
    if src.is_dir() {
        std::fs::create_dir(&dst).unwrap();
        for e in std::fs::read_dir(&src).unwrap() {
            let p = e.unwrap().path();
            std::fs::copy(&p, dst.join(p.file_name().unwrap())).unwrap();
        }
    } else {
        std::fs::copy(&src, &dst).unwrap();
    }
    (dir, dst)
}

/// Every file under a path, with its bytes.
fn snapshot(path: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<PathBuf> = if path.is_dir() {
        std::fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect()
    } else {
        vec![path.to_path_buf()]
    };
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect()
}

/// The unit the output stands for: the copies derive wrote, and for a folder the files it
/// did not need to change.
fn output_unit_files(input: &Path, out: &Path) -> Vec<PathBuf> {
    if !input.is_dir() {
        return vec![out.to_path_buf()];
    }
    let mut files = Vec::new();
    for (p, _) in snapshot(input) {
        let copy = out.join(p.file_name().unwrap());
        files.push(if copy.exists() { copy } else { p });
    }
    files
}

fn check(files: &[PathBuf]) -> UnitReport {
    let opts = CheckOptions {
        as_of: chrono::NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: None,
    };
    check_source(
        &UnitSource {
            label: "t".into(),
            files: files.to_vec(),
        },
        &opts,
    )
}

fn read(files: &[PathBuf]) -> Unit {
    read_unit(&UnitSource {
        label: "t".into(),
        files: files.to_vec(),
    })
}

fn input_files(input: &Path) -> Vec<PathBuf> {
    snapshot(input).into_iter().map(|(p, _)| p).collect()
}

/// The statistics table of a year, worked out by hand. Rows 国内, 国外, 合计; columns
/// 操作系统, 办公, 杀毒, 总计; 四 as (许可数, 万元).
struct Hand {
    people: (i64, i64),
    computers: (i64, i64, i64, i64),
    purchases: [[(f64, f64); 4]; 3],
    holdings: [[f64; 4]; 3],
}

const NONE_BOUGHT: [[(f64, f64); 4]; 3] = [[(0.0, 0.0); 4]; 3];

/// 丰都县双龙镇 (samples/README.md), 2026:
/// - 二、三 from the summary header: 45 staff, 40 using computers; 2 + 34 + 6 = 42.
/// - 四, bought in 2026: RJ011 统信UOS 6 licenses for 5,700 元 = 0.5700 万元 (国内 OS);
///   RJ010 WPS 10 licenses for 4,850 元 = 0.4850 万元 (国内 office); 国内 total 16 and
///   10,550 元 = 1.0550 万元. Nothing foreign was bought.
/// - 五 at 2026-12-31: 国内 OS 6 (UOS), office 30 + 10 = 40 (WPS RJ002 + RJ010), antivirus
///   45 (奇安信 valid to 2027-12-31) → 91; 国外 OS = OEM copies 21 + 14 + 2 = 37 (Windows
///   10, 11, Server: their 安装数量, "含预装操作系统"), office 12 (Office 2019) → 49;
///   合计 43, 52, 45, 140. Free software (7-Zip, 福昕阅读器, Chrome) counts nowhere.
const SHUANGLONG: Hand = Hand {
    people: (45, 40),
    computers: (2, 34, 6, 42),
    purchases: [
        [(6.0, 0.57), (10.0, 0.485), (0.0, 0.0), (16.0, 1.055)],
        [(0.0, 0.0); 4],
        [(6.0, 0.57), (10.0, 0.485), (0.0, 0.0), (16.0, 1.055)],
    ],
    holdings: [
        [6.0, 40.0, 45.0, 91.0],
        [37.0, 12.0, 0.0, 49.0],
        [43.0, 52.0, 45.0, 140.0],
    ],
};

/// samples/faulty/超装与OEM填价: Office 2019 (RJ001) has 8 licenses instead of 12, so 国外
/// office 8, 国外 total 37 + 8 = 45, 合计 office 40 + 8 = 48, total 136. The OEM Windows 10
/// row carries a stray 采购金额 4,500.00 (ZB107): OEM copies are no purchase, 四 stays as
/// in SHUANGLONG (no 国外 OS bought).
const OVER_DEPLOYED: Hand = Hand {
    people: (45, 40),
    computers: (2, 34, 6, 42),
    purchases: SHUANGLONG.purchases,
    holdings: [
        [6.0, 40.0, 45.0, 91.0],
        [37.0, 8.0, 0.0, 45.0],
        [43.0, 48.0, 45.0, 136.0],
    ],
};

/// tests/foreign/city-approval-bureau.xlsx (Sheet2), 2026: 总人数 4, 使用 5; 0 + 5 + 0 = 5.
/// 四: the only 2026 purchase is Adobe Acrobat Pro DC (4,800 元), category 其他: nothing.
/// 五: 国内 OS 5 (统信UOS A001, "5个"), office 50 (WPS A002), antivirus 5 (奇安信 A004,
/// to 2028-01-09) → 60; 国外 OS 2 (Windows 10 A003, commercial, no 采购时间: received, held)
/// → 2; 合计 7, 50, 5, 62.
const CITY: Hand = Hand {
    people: (4, 5),
    computers: (0, 5, 0, 5),
    purchases: NONE_BOUGHT,
    holdings: [
        [5.0, 50.0, 5.0, 60.0],
        [2.0, 0.0, 0.0, 2.0],
        [7.0, 50.0, 5.0, 62.0],
    ],
};

/// tests/foreign/county-statistics-bureau.xlsx (附件7), 2026: 总人数 9, 使用 7; 0 + 6 + 1 =
/// 7. 四: purchases are from 2019 and 2024.3: nothing. 五: 国内 antivirus 10 (瑞星, 3年
/// from 2024.3, to 2027-02-28) → 10; 国外 OS = OEM copies 6 + 1 = 7 (the OEM Windows 10
/// row's stray 3,500.00 元 counts nowhere), office 8 (Office 2016) → 15; 合计 7, 8, 10, 25.
const COUNTY: Hand = Hand {
    people: (9, 7),
    computers: (0, 6, 1, 7),
    purchases: NONE_BOUGHT,
    holdings: [
        [0.0, 0.0, 10.0, 10.0],
        [7.0, 8.0, 0.0, 15.0],
        [7.0, 8.0, 10.0, 25.0],
    ],
};

/// tests/foreign/district-education-bureau.xlsx (表5), 2026: 总人数 6, 使用 4; 0 + 4 + 0 =
/// 4. 四: WPS JY02 bought 2026.4.15, 4 licenses for 2,000 元 = 0.2000 万元 (国内 office).
/// 五: 国内 office 4, antivirus 10 (火绒 to 2028-05-31) → 14; 国外 OS = OEM JY01's 4 copies
/// → 4; 合计 4, 4, 10, 18.
const DISTRICT: Hand = Hand {
    people: (6, 4),
    computers: (0, 4, 0, 4),
    purchases: [
        [(0.0, 0.0), (4.0, 0.2), (0.0, 0.0), (4.0, 0.2)],
        [(0.0, 0.0); 4],
        [(0.0, 0.0), (4.0, 0.2), (0.0, 0.0), (4.0, 0.2)],
    ],
    holdings: [
        [0.0, 4.0, 10.0, 14.0],
        [4.0, 0.0, 0.0, 4.0],
        [4.0, 4.0, 10.0, 18.0],
    ],
};

/// The output's statistics table of 2026 equals the hand figures.
#[track_caller]
fn assert_statistics(unit: &Unit, hand: &Hand, what: &str) {
    let tables: Vec<&Statistics> = unit
        .statistics
        .iter()
        .filter(|s| s.year.is_none_or(|y| y == 2026))
        .collect();
    assert_eq!(tables.len(), 1, "{what}: one statistics table of 2026");
    let s = tables[0];
    let n = |f: &zhengban::ledger::values::Field<i64>| f.value().copied();
    assert_eq!(
        (n(&s.people_total), n(&s.people_using)),
        (Some(hand.people.0), Some(hand.people.1)),
        "{what}: 二"
    );
    assert_eq!(
        (
            n(&s.servers),
            n(&s.desktops),
            n(&s.laptops),
            n(&s.computers_total)
        ),
        (
            Some(hand.computers.0),
            Some(hand.computers.1),
            Some(hand.computers.2),
            Some(hand.computers.3)
        ),
        "{what}: 三"
    );
    let rows = [StatRow::Domestic, StatRow::Foreign, StatRow::Total];
    let cols = [
        StatColumn::Os,
        StatColumn::Office,
        StatColumn::Antivirus,
        StatColumn::Total,
    ];
    let figure = |figures: &[zhengban::ledger::statistics::Figure], r, c, m| {
        Statistics::figure(figures, r, c, m)
            .and_then(|f| f.value.value().copied())
            .unwrap_or_else(|| panic!("{what}: no figure {r:?} {c:?} {m:?}"))
    };
    for (i, &r) in rows.iter().enumerate() {
        for (j, &c) in cols.iter().enumerate() {
            let (lic, wan) = hand.purchases[i][j];
            let got = figure(&s.purchases, r, c, Measure::Licenses);
            assert_eq!(got, lic, "{what}: 四 {r:?} {c:?} 许可数");
            let got = figure(&s.purchases, r, c, Measure::Amount);
            assert!(
                (got - wan).abs() < 1e-9,
                "{what}: 四 {r:?} {c:?} 金额 {got} ≠ {wan}"
            );
            let got = figure(&s.holdings, r, c, Measure::Licenses);
            assert_eq!(got, hand.holdings[i][j], "{what}: 五 {r:?} {c:?}");
        }
    }
}

type Key = (String, Option<String>, Option<String>);

fn keys(r: &UnitReport) -> BTreeSet<Key> {
    r.diagnostics
        .iter()
        .map(|d| {
            (
                d.code.to_string(),
                d.target.sheet().map(str::to_string),
                d.target.cell().map(|c| c.a1()),
            )
        })
        .collect()
}

/// The faults derive resolves.
const RESOLVED: [&str; 7] = [
    "ZB114", "ZB401", "ZB405", "ZB410", "ZB411", "ZB414", "ZB415",
];

/// One unit: derive it (with `args`), then the output's figures, the faults left and the
/// input's bytes. `kept` lists the faults that stay because the clerk's value was kept;
/// `allowed` says which new diagnostics are expected (with why, at the call).
fn derive_case(
    path: &str,
    args: &[&str],
    hand: &Hand,
    kept: &[(&str, &str)],
    allowed: &dyn Fn(&Key) -> bool,
) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let (dir, input) = copy_in(path);
    let before_bytes = snapshot(&input);
    let before = check(&input_files(&input));
    let out = if input.is_dir() {
        dir.path().join("out")
    } else {
        dir.path().join("out.xlsx")
    };
    let mut all = vec!["derive", input.to_str().unwrap(), "--as-of", AS_OF, "-o"];
    all.push(out.to_str().unwrap());
    all.extend_from_slice(args);
    let o = zhengban(dir.path(), &all);
    let shown = text(&o);
    assert!(out.exists(), "{path}: no output\n{shown}");
    assert!(!shown.contains("panicked"), "{shown}");
    assert_eq!(snapshot(&input), before_bytes, "{path}: the input changed");

    let files = output_unit_files(&input, &out);
    let unit = read(&files);
    assert_statistics(&unit, hand, path);

    let after = check(&files);
    let (b, a) = (keys(&before), keys(&after));
    let new: Vec<&Key> = a.difference(&b).filter(|k| !allowed(k)).collect();
    assert!(new.is_empty(), "{path}: new diagnostics {new:?}\n{shown}");
    let left: Vec<&Key> = a
        .iter()
        .filter(|k| RESOLVED.contains(&k.0.as_str()))
        .filter(|k| {
            !kept
                .iter()
                .any(|(code, cell)| k.0 == *code && k.2.as_deref() == Some(*cell))
        })
        .collect();
    assert!(left.is_empty(), "{path}: derive left {left:?}\n{shown}");
    for (code, cell) in kept {
        assert!(
            shown.contains(cell) && shown.contains(code),
            "{path}: {code} {cell} not reported\n{shown}"
        );
    }
    (dir, input, out)
}

fn nothing_new(_: &Key) -> bool {
    false
}

/// A draft plan (…（草稿）) awaits its approvals: ZB502 (提示) on its empty approval lines is
/// true and expected.
fn draft_approvals(k: &Key) -> bool {
    k.0 == "ZB502" && k.1.as_deref().is_some_and(|s| s.ends_with("（草稿）"))
}

#[test]
fn samples_keep_their_statistics_and_get_a_classification() {
    for path in [
        "samples/shuanglong-national.xlsx",
        "samples/shuanglong-biao.xlsx",
        "tests/resaved/shuanglong-national.lo.xlsx",
    ] {
        let (_dir, _, out) = derive_case(path, &[], &SHUANGLONG, &[], &nothing_new);
        let unit = read(&[out]);
        assert_eq!(unit.classifications.len(), 1, "{path}");
        assert_eq!(unit.classifications[0].rows.len(), 11, "{path}");
    }
}

#[test]
fn workbooks_with_blank_derived_cells_are_completed() {
    // Written with openpyxl from the 表N sample: counts, 使用计算机人数, the 统计表, three
    // maintenance sheets, a free-list row and the plan's sums missing.
    let path = "tests/fixtures/derive/biao-blank.xlsx";
    let before = keys(&check(&[repo(path)]));
    for code in ["ZB114", "ZB401", "ZB410", "ZB415"] {
        assert!(before.iter().any(|k| k.0 == code), "fixture lacks {code}");
    }
    let (dir, input, out) = derive_case(path, &[], &SHUANGLONG, &[], &nothing_new);
    let (unit, grids) = zhengban::ledger::read_with_sources(&UnitSource {
        label: "t".into(),
        files: vec![out.clone()],
    });
    let summary = unit.summary().unwrap();
    let installed: Vec<i64> = summary
        .rows
        .iter()
        .map(|r| *r.installed.value().unwrap())
        .collect();
    assert_eq!(installed, [10, 25, 42, 5, 5, 21, 14, 2, 37, 35, 13]);
    assert_eq!(
        summary.header.people_using.as_ref().unwrap().value(),
        Some(&40)
    );
    // The 表N layout: added sheets are named and labelled 表N like the unit's own.
    let book = &grids.workbooks[0];
    let names: Vec<&str> = book.sheets.iter().map(|s| &*s.name).collect();
    for name in [
        "表3 信息统计表",
        "表7 RJ009",
        "表7 RJ010",
        "表7 RJ011",
        "软件分类",
    ] {
        assert!(names.contains(&name), "{names:?}");
    }
    let sheet = |n: &str| book.sheets.iter().find(|s| &*s.name == n).unwrap();
    assert_eq!(sheet("表3 信息统计表").get(0, 0).display(), "表3");
    assert_eq!(
        sheet("表3 信息统计表").get(1, 0).display(),
        "软件正版化工作信息统计表（2026年度）"
    );
    assert_eq!(sheet("表7 RJ009").get(0, 0).display(), "表7");
    // RJ009's log: one install per usage row (42, more than the 16 printed rows).
    let log = unit
        .maintenance
        .iter()
        .find(|m| m.id() == Some("RJ009"))
        .unwrap();
    assert_eq!(log.events.len(), 42);
    let free = unit.free_list().unwrap();
    assert!(free
        .rows
        .iter()
        .any(|r| r.name.value().map(String::as_str) == Some("福昕阅读器")));

    // Idempotent: derive on the output changes nothing; the named output is that workbook
    // unchanged.
    let again = dir.path().join("again.xlsx");
    let o = zhengban(
        dir.path(),
        &[
            "derive",
            out.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            again.to_str().unwrap(),
        ],
    );
    assert!(text(&o).contains("没有需要补填的内容"), "{}", text(&o));
    assert!(text(&o).contains("原样副本"), "{}", text(&o));
    assert_eq!(std::fs::read(&again).unwrap(), std::fs::read(&out).unwrap());
    // Without -o nothing is written: the workbook given is all there is.
    let before = std::fs::read_dir(dir.path()).unwrap().count();
    let o = zhengban(
        dir.path(),
        &["derive", out.to_str().unwrap(), "--as-of", AS_OF],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), before);
    // And a second run from the same input gives the same bytes.
    let second = dir.path().join("second.xlsx");
    let o = zhengban(
        dir.path(),
        &[
            "derive",
            input.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            second.to_str().unwrap(),
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(
        std::fs::read(&second).unwrap(),
        std::fs::read(&out).unwrap()
    );
}

#[test]
fn faulty_samples() {
    // Over-deployed Office: the figures follow the ledgers; the shortfall gets a draft plan.
    let (_d, _, out) = derive_case(
        "samples/faulty/超装与OEM填价/超装与OEM填价.xlsx",
        &[],
        &OVER_DEPLOYED,
        &[],
        &draft_approvals,
    );
    let unit = read(&[out]);
    let draft = unit
        .purchase_plans
        .iter()
        .find(|p| p.meta.sheet.ends_with("（草稿）"))
        .expect("a draft plan");
    assert_eq!(draft.rows.len(), 1);
    let row = &draft.rows[0];
    assert_eq!(
        row.name.value().map(String::as_str),
        Some("Microsoft Office 2019 专业增强版")
    );
    // 10 installs on 8 licenses: 2 short; 单价 estimated as 47,760 元 / 8 = 5,970 元.
    assert_eq!(row.count.value(), Some(&2));
    assert_eq!(row.unit_price.value(), Some(&5970.0));
    assert_eq!(row.total.value(), Some(&11940.0));
    assert_eq!(
        draft.grand_total.as_ref().and_then(|g| g.value()),
        Some(&11940.0)
    );

    // The planted 统计表 and 采购计划表 errors are typed values: kept and reported …
    let path = "samples/faulty/统计表与表单/统计表与表单.xlsx";
    let (dir, _, _) = derive_case(
        path,
        &[],
        &Hand {
            // … so the output's table still says 12 where the ledgers give 10.
            purchases: [
                [(6.0, 0.57), (12.0, 0.485), (0.0, 0.0), (16.0, 1.055)],
                [(0.0, 0.0); 4],
                SHUANGLONG.purchases[2],
            ],
            ..SHUANGLONG
        },
        &[("ZB414", "D16"), ("ZB415", "F6")],
        &nothing_new,
    );
    drop(dir);
    // … and replaced with --overwrite-derived.
    derive_case(
        path,
        &["--overwrite-derived"],
        &SHUANGLONG,
        &[],
        &nothing_new,
    );

    // A mistyped 软件编号 (ZB403) stops derive …
    let path = "samples/faulty/三本台账不一致/三本台账不一致.xlsx";
    let (dir, input) = copy_in(path);
    let o = zhengban(
        dir.path(),
        &["derive", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(text(&o).contains("ZB403") && text(&o).contains("没有补填任何内容"));
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "nothing written"
    );
    // … unless forced; the planted 安装数量 of RJ011 is kept and reported (ZB405).
    derive_case(
        path,
        &["--force"],
        &SHUANGLONG,
        &[("ZB405", "M11")],
        &nothing_new,
    );
    // Replacing every figure: RJ003's rows include the one numbered RJ03, which check
    // counts under RJ003 by its name; derive counts it too, so its right 21 stays 21 and
    // check on the output finds no count derive wrote wrong (issue 14).
    let (_d, _, out) = derive_case(
        path,
        &["--force", "--overwrite-derived"],
        &SHUANGLONG,
        &[],
        &nothing_new,
    );
    let unit = read(&[out]);
    let rj003 = unit
        .summary()
        .unwrap()
        .rows
        .iter()
        .find(|r| r.id() == Some("RJ003"))
        .unwrap();
    assert_eq!(rj003.installed.value(), Some(&21));
}

#[test]
fn foreign_workbooks() {
    for prefix in ["tests/foreign/", "tests/foreign/resaved/"] {
        let ext = if prefix.ends_with("resaved/") {
            ".lo.xlsx"
        } else {
            ".xlsx"
        };
        let city = format!("{prefix}city-approval-bureau{ext}");
        let (_d, _, out) = derive_case(&city, &[], &CITY, &[], &nothing_new);
        assert!(read(&[out]).statistics[0].meta.sheet.contains("附件5"));
        // The county's 联系电话 0251-1234 is too short (ZB504): it is not copied into the
        // added 统计表, whose 联系电话 is left for the clerk (ZB005 there).
        let county = format!("{prefix}county-statistics-bureau{ext}");
        derive_case(&county, &[], &COUNTY, &[], &|k: &Key| {
            k.0 == "ZB005" && k.1.as_deref() == Some("附件5")
        });
        // The district's mistyped JY2 (ZB403) needs --force; with it, JY2's row counts under
        // JY02 as `check` reads it: derive writes the figure check compares, no ZB405 after.
        let district = format!("{prefix}district-education-bureau{ext}");
        derive_case(
            &district,
            &["--force", "--overwrite-derived"],
            &DISTRICT,
            &[],
            &nothing_new,
        );
    }
}

#[test]
fn split_units_write_one_copy_per_changed_file() {
    // The clean split sample: only the 汇总表's file gains the 软件分类 sheet.
    let (_d, input, out) = derive_case(
        "samples/shuanglong-split",
        &[],
        &SHUANGLONG,
        &[],
        &nothing_new,
    );
    let written: Vec<_> = snapshot(&out).into_iter().map(|(p, _)| p).collect();
    assert_eq!(written, [out.join("软件使用情况汇总表.xlsx")]);
    assert!(input.join("软件使用情况汇总表.xlsx").exists());

    // Blank counts, no 统计表 and two missing logs (openpyxl): the counts and the 统计表 go
    // into the 汇总表's file, the logs into the file that holds the other logs.
    let (_d, input, out) = derive_case(
        "tests/fixtures/derive/split-blank",
        &[],
        &SHUANGLONG,
        &[],
        &nothing_new,
    );
    let written: Vec<_> = snapshot(&out).into_iter().map(|(p, _)| p).collect();
    assert_eq!(
        written,
        [
            out.join("软件使用情况汇总表.xlsx"),
            out.join("软件安装维护情况明细表.xlsx")
        ]
    );
    let logs = read(&[out.join("软件安装维护情况明细表.xlsx")]);
    let ids: Vec<&str> = logs.maintenance.iter().filter_map(|m| m.id()).collect();
    assert!(ids.contains(&"RJ010") && ids.contains(&"RJ011"), "{ids:?}");
    let summary = read(&[out.join("软件使用情况汇总表.xlsx")]);
    assert_eq!(summary.statistics.len(), 1);
    assert!(!input.join("../out/软件使用情况明细表.xlsx").exists());

    // The default output of a folder is a folder beside it, never inside the unit.
    let (dir, input) = copy_in("tests/fixtures/derive/split-blank");
    let o = zhengban(
        dir.path(),
        &["derive", input.to_str().unwrap(), "--as-of", AS_OF],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(dir
        .path()
        .join("split-blank.补填/软件使用情况汇总表.xlsx")
        .exists());
    assert_eq!(std::fs::read_dir(&input).unwrap().count(), 3);
}

#[test]
fn outputs_never_replace_anything_without_force() {
    let (dir, input) = copy_in("tests/fixtures/derive/biao-blank.xlsx");
    let original = std::fs::read(&input).unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["derive", input.to_str().unwrap(), "--as-of", AS_OF];
        args.extend_from_slice(extra);
        zhengban(dir.path(), &args)
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let out = dir.path().join("biao-blank.补填.xlsx");
    assert!(text(&o).contains("biao-blank.补填.xlsx"));
    let first = std::fs::read(&out).unwrap();
    // The default output exists now: refused, untouched.
    std::fs::write(&out, b"mine").unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("已存在"), "{}", text(&o));
    assert_eq!(std::fs::read(&out).unwrap(), b"mine");
    // --force replaces it; the input never, not even named as the output.
    let o = run(&["--force"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert_eq!(std::fs::read(&out).unwrap(), first);
    let o = run(&["--force", "-o", input.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(text(&o).contains("输入文件"), "{}", text(&o));
    assert_eq!(std::fs::read(&input).unwrap(), original);
}

#[test]
fn xls_and_ods_are_refused_with_what_to_do() {
    for path in [
        "tests/foreign/resaved/city-approval-bureau.lo.xls",
        "tests/foreign/resaved/city-approval-bureau.lo.ods",
        // a faulty one is refused at once, not first asked for --force
        "tests/layouts/resaved/township.faulty.lo.xls",
    ] {
        let (dir, input) = copy_in(path);
        let o = zhengban(
            dir.path(),
            &["derive", input.to_str().unwrap(), "--as-of", AS_OF],
        );
        assert_eq!(o.status.code(), Some(2), "{}", text(&o));
        assert!(text(&o).contains("另存为 .xlsx"), "{}", text(&o));
        assert!(!text(&o).contains("--force"), "{}", text(&o));
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}

/// Every typed cell of every sheet keeps its value and style; merges, column widths, data
/// validations and notes stay; sheets derive did not touch are the same XML part.
#[test]
fn what_the_clerk_typed_is_kept() {
    // openpyxl, 表N layout: counts, the 汇总表 header, a free-list row and the plan's sums
    // are written into three of its sheets; the fixture's note and drop-down must stay.
    let a = kept_after_derive(
        "tests/fixtures/derive/biao-blank.xlsx",
        &[],
        &["表5 汇总表", "表4 免费软件清单", "表2 采购计划表"],
    );
    let summary = a.sheet_by_name("表5 汇总表").unwrap();
    assert_eq!(summary.comments().len(), 1);
    assert!(summary.data_validations().is_some());
    let plan = a.sheet_by_name("表2 采购计划表").unwrap();
    assert_eq!(plan.cell("I1").unwrap().formula(), "F5+F6");
    // The national layout (our sample generator): derive only adds sheets (a draft plan,
    // 软件分类); every sheet it had stays the same part.
    kept_after_derive("samples/faulty/超装与OEM填价/超装与OEM填价.xlsx", &[], &[]);
    // Another openpyxl workbook: a row added below the 表4 list.
    kept_after_derive(
        "tests/foreign/district-education-bureau.xlsx",
        &["--force"],
        &["表4"],
    );
}

/// Derive `path`, compare the output with the input, and return the input as read.
fn kept_after_derive(path: &str, args: &[&str], touched: &[&str]) -> umya_spreadsheet::Workbook {
    use umya_spreadsheet as umya;
    let (dir, input) = copy_in(path);
    let out = dir.path().join("out.xlsx");
    let mut all = vec![
        "derive",
        input.to_str().unwrap(),
        "--as-of",
        AS_OF,
        "-o",
        out.to_str().unwrap(),
    ];
    all.extend_from_slice(args);
    let o = zhengban(dir.path(), &all);
    assert!(out.exists(), "{path}: {}", text(&o));
    let a = umya::reader::xlsx::read(&input).unwrap();
    let b = umya::reader::xlsx::read(&out).unwrap();
    let mut typed = 0;
    for sa in a.sheet_collection() {
        let name = sa.name();
        let sb = b.sheet_by_name(name).unwrap();
        for cell in sa.cells() {
            if cell.value().trim().is_empty() && !cell.is_formula() {
                continue;
            }
            typed += 1;
            let at = cell.coordinate().to_string();
            let other = sb
                .cell(at.as_str())
                .unwrap_or_else(|| panic!("{name} {at} lost"));
            assert_eq!(other.value(), cell.value(), "{path} {name} {at}");
            assert_eq!(other.style(), cell.style(), "{path} {name} {at} style");
            assert_eq!(
                other.formula(),
                cell.formula(),
                "{path} {name} {at} formula"
            );
        }
        let merges = |s: &umya::Worksheet| -> BTreeSet<String> {
            s.merge_cells().iter().map(|r| r.range()).collect()
        };
        assert_eq!(merges(sb), merges(sa), "{name} merges");
        for col in sa.column_dimensions() {
            let n = col.col_num();
            let w = sb
                .column_dimension_by_number(n)
                .map(|c| c.width())
                .unwrap_or_default();
            assert_eq!(w, col.width(), "{name} column {n} width");
        }
        let validations = |s: &umya::Worksheet| -> Vec<(String, String)> {
            s.data_validations()
                .map(|v| {
                    v.data_validation_list()
                        .iter()
                        .map(|d| {
                            (
                                d.sequence_of_references().get_sqref(),
                                d.formula1().to_string(),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(validations(sb), validations(sa), "{name} validations");
        let notes = |s: &umya::Worksheet| -> BTreeSet<(String, String, String)> {
            s.comments()
                .iter()
                .map(|c| {
                    (
                        c.coordinate().to_string(),
                        c.author().to_string(),
                        c.text()
                            .text()
                            .map(|t| t.value().to_string())
                            .unwrap_or_default(),
                    )
                })
                .collect()
        };
        assert!(notes(sb).is_superset(&notes(sa)), "{name} notes");
    }
    assert!(typed > 200, "{path}: only {typed} typed cells compared");

    // Sheets with nothing to derive are byte for byte the parts they were.
    let parts = |path: &Path| -> Vec<(String, Vec<u8>)> {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
        (1..=a.sheet_count())
            .map(|i| {
                let name = format!("xl/worksheets/sheet{i}.xml");
                let mut bytes = Vec::new();
                std::io::Read::read_to_end(&mut zip.by_name(&name).unwrap(), &mut bytes).unwrap();
                (name, bytes)
            })
            .collect()
    };
    let (pa, pb) = (parts(&input), parts(&out));
    let mut same = 0;
    for (i, sheet) in a.sheet_collection().iter().enumerate() {
        if touched.contains(&sheet.name()) {
            continue;
        }
        assert_eq!(pa[i], pb[i], "{path}: {} changed", sheet.name());
        same += 1;
    }
    assert_eq!(same, a.sheet_count() - touched.len(), "{path}");
    a
}

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// LibreOffice opens and prints derive's outputs (no repair); pdftoppm renders a page.
#[test]
fn libreoffice_prints_the_outputs() {
    let Some(soffice) = on_path("soffice") else {
        if std::env::var_os("ZHENGBAN_REQUIRE_SOFFICE").is_some_and(|v| v == "1") {
            panic!("ZHENGBAN_REQUIRE_SOFFICE=1 but soffice is not on PATH");
        }
        eprintln!("skip: soffice not on PATH (set ZHENGBAN_REQUIRE_SOFFICE=1 to require it)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let mut outputs = Vec::new();
    for (path, extra) in [
        ("tests/fixtures/derive/biao-blank.xlsx", None),
        ("tests/foreign/city-approval-bureau.xlsx", None),
        ("samples/faulty/超装与OEM填价/超装与OEM填价.xlsx", None),
        (
            "tests/fixtures/derive/split-blank",
            Some("软件安装维护情况明细表.xlsx"),
        ),
    ] {
        let out = dir.path().join(format!("out{}", outputs.len()));
        let o = zhengban(
            dir.path(),
            &[
                "derive",
                repo(path).to_str().unwrap(),
                "--as-of",
                AS_OF,
                "-o",
                out.to_str().unwrap(),
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let file = match extra {
            Some(name) => out.join(name),
            None => {
                let renamed = out.with_extension("xlsx");
                std::fs::rename(&out, &renamed).unwrap();
                renamed
            }
        };
        outputs.push(file);
    }
    let pdf = dir.path().join("pdf");
    let profile = dir.path().join("profile");
    let o = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf)
        .args(&outputs)
        .output()
        .unwrap();
    assert!(o.status.success(), "soffice: {}", text(&o));
    for f in &outputs {
        let p = pdf.join(f.with_extension("pdf").file_name().unwrap());
        let size = std::fs::metadata(&p)
            .unwrap_or_else(|_| panic!("no PDF of {}", f.display()))
            .len();
        assert!(size > 10_000, "{}: {size} bytes", p.display());
    }
    if let Some(pdftoppm) = on_path("pdftoppm") {
        let o = Command::new(pdftoppm)
            .args(["-png", "-r", "40", "-f", "1", "-l", "1"])
            .arg(pdf.join("out0.pdf"))
            .arg(dir.path().join("page"))
            .output()
            .unwrap();
        assert!(o.status.success(), "pdftoppm: {}", text(&o));
    }
}
