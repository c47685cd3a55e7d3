//! `zhengban reconcile` over an office as an inspector meets one: 青山县财政局, 19 computers
//! in a clean ledger, their inventories in every format the readers take
//! (tests/fixtures/inventory/office, written by tests/fixtures/make_office.py; the README
//! there says which published shape each file follows). One discrepancy is planted on each
//! faulty computer; the others match their ledger rows exactly and must draw no ZB7xx.

use std::path::PathBuf;
use std::process::Command;

use serde_json::Value;
use zhengban::inventory::{read_folder, Channel, Inventory};

const AS_OF: &str = "2026-11-25";
const USAGE: &str = "附件8 明细表";

/// The planted faults: (code, where). Where is `sheet!cell` for a ledger cell, the
/// inventory file for a finding at a file, `单位` for one about the unit.
const PLANTED: &[(&str, &str)] = &[
    // CZJ-PC-04 (collector): Adobe Acrobat DC installed, not registered; its first row's 计算机编号
    ("ZB701", "附件8 明细表!D19"),
    // CZJ-PC-15 (osqueryd log): 福昕阅读器 registered, uninstalled; the row's 软件名称
    ("ZB702", "附件8 明细表!G63"),
    // CZJ-PC-07 (collector): Office Professional Plus 2016 16.0.4266 on a row of RJ001,
    // 可使用版本 2019; the row's 软件版本
    ("ZB703", "附件8 明细表!H33"),
    // CZJ-PC-05 (collector): OEM Windows row, VOLUME_KMSCLIENT against kms.03k.org
    ("ZB704", "附件8 明细表!G24"),
    // CZJ-PC-06 (GLPI): Office 2019 on a trial licence (licenseinfos trial: true)
    ("ZB704", "附件8 明细表!G29"),
    // CZJ-PC-03 (osquery + slmgr /dli + ospp /dstatus): Windows registered under the
    // purchased batch RJ002, slmgr says OEM_DM
    ("ZB704", "附件8 明细表!G15"),
    // CZJ-PC-13 (GLPI): Windows 10 家庭中文版; its first row's 计算机编号
    ("ZB705", "附件8 明细表!D52"),
    // CZJ-PC-14 (collector): Office VOLUME_MAK key …J3QXW, RJ001's 序列号 ends 4FV9C
    ("ZB706", "附件7 汇总表!L7"),
    // CZJ-PC-17 (collector): a computer the ledger lacks, at its inventory
    ("ZB707", "清单/CZJ-PC-17.zbinv.txt"),
    // CZJ-PC-16: in the ledger, nothing collected (one message for the unit)
    ("ZB707", "单位"),
];

/// Computers whose inventories match their ledger rows exactly (财-2019-007 is CZJ-PC-11 by
/// 对照表.csv).
const CLEAN: &[&str] = &[
    "CZJ-PC-01",
    "CZJ-PC-02",
    "CZJ-PC-08",
    "CZJ-PC-09",
    "CZJ-PC-10",
    "财-2019-007",
    "CZJ-PC-11",
    "CZJ-PC-12",
    "CZJ-PC-18",
    "CZJ-PC-19",
    "CZJ-PC-20",
];

fn office() -> PathBuf {
    std::env::current_dir()
        .unwrap()
        .join("tests/fixtures/inventory/office")
}

#[derive(Debug, Clone)]
struct Finding {
    code: String,
    place: String,
    message: String,
}

fn run(args: &[&str]) -> (Option<i32>, Vec<Finding>) {
    let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(office())
        .args(args)
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    let unit: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}\n{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    // `check` prints a batch of units, `reconcile` the one unit
    let unit = match unit.get("units") {
        Some(units) => units[0].clone(),
        None => unit,
    };
    let found = unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let text = |k: &str| d[k].as_str().unwrap_or("").to_string();
            let place = match (text("sheet"), text("file")) {
                (sheet, _) if !sheet.is_empty() => format!("{sheet}!{}", text("cell")),
                (_, file) if !file.is_empty() => file,
                _ => "单位".to_string(),
            };
            Finding {
                code: text("code"),
                place,
                message: text("message"),
            }
        })
        .collect();
    (o.status.code(), found)
}

fn reconcile(map: bool) -> (Option<i32>, Vec<Finding>) {
    let mut args = vec!["reconcile", "台账", "清单"];
    if map {
        args.extend(["--map", "对照表.csv"]);
    }
    run(&args)
}

fn places(found: &[Finding]) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = found
        .iter()
        .filter(|f| f.code.starts_with("ZB7"))
        .map(|f| (f.code.clone(), f.place.clone()))
        .collect();
    out.sort();
    out
}

fn planted() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = PLANTED
        .iter()
        .map(|(c, p)| (c.to_string(), p.to_string()))
        .collect();
    out.sort();
    out
}

fn message<'a>(found: &'a [Finding], code: &str, place: &str) -> &'a str {
    found
        .iter()
        .find(|f| f.code == code && f.place == place)
        .map_or("", |f| f.message.as_str())
}

#[test]
fn the_ledger_alone_is_clean() {
    let (status, found) = run(&["check", "台账"]);
    assert_eq!(status, Some(0));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn every_planted_fault_and_nothing_else() {
    let (status, found) = reconcile(true);
    // ZB701 and ZB705 are errors
    assert_eq!(status, Some(1), "{found:#?}");
    let others: Vec<&Finding> = found
        .iter()
        .filter(|f| !f.code.starts_with("ZB7"))
        .collect();
    assert!(others.is_empty(), "the ledger is clean: {others:#?}");
    assert_eq!(places(&found), planted(), "{found:#?}");
    for f in found.iter().filter(|f| f.code.starts_with("ZB7")) {
        for pc in CLEAN {
            assert!(!f.message.contains(pc), "{pc} is clean: {f:#?}");
        }
    }
    assert!(message(&found, "ZB704", "附件8 明细表!G24").contains("kms.03k.org"));
    let unit = message(&found, "ZB707", "单位");
    assert!(
        unit.contains("1 台") && unit.contains("CZJ-PC-16"),
        "{unit}"
    );
}

#[test]
fn without_the_map_the_asset_numbered_computer_is_not_found() {
    let (status, found) = reconcile(false);
    assert_eq!(status, Some(1), "{found:#?}");
    let mut expected = planted();
    expected.push(("ZB707".into(), "清单/CZJ-PC-11.json".into()));
    expected.sort();
    assert_eq!(places(&found), expected, "{found:#?}");
    assert!(message(&found, "ZB707", "清单/CZJ-PC-11.json").contains("CZJ-PC-11"));
    let unit = message(&found, "ZB707", "单位");
    assert!(
        unit.contains("2 台") && unit.contains("财-2019-007") && unit.contains("CZJ-PC-16"),
        "{unit}"
    );
}

/// What the rules already on main find (ZB701, ZB702, ZB705, ZB707 of CZJ-PC-17), each at
/// its cell, whatever else is reported.
#[test]
fn the_faults_of_the_existing_rules_are_found() {
    let (status, found) = reconcile(false);
    assert_eq!(status, Some(1));
    let got = places(&found);
    for (code, place) in [
        ("ZB701", format!("{USAGE}!D19")),
        ("ZB702", format!("{USAGE}!G63")),
        ("ZB705", format!("{USAGE}!D52")),
        ("ZB707", "清单/CZJ-PC-17.zbinv.txt".to_string()),
        ("ZB707", "清单/CZJ-PC-11.json".to_string()),
    ] {
        assert!(
            got.contains(&(code.to_string(), place.clone())),
            "{code} at {place}: {found:#?}"
        );
    }
    assert!(message(&found, "ZB701", &format!("{USAGE}!D19")).contains("Adobe Acrobat DC"));
    assert!(message(&found, "ZB702", &format!("{USAGE}!G63")).contains("福昕阅读器"));
    assert!(message(&found, "ZB705", &format!("{USAGE}!D52")).contains("家庭中文版"));
}

fn named<'a>(all: &'a [Inventory], name: &str) -> &'a Inventory {
    all.iter()
        .find(|i| i.computer.name.as_deref() == Some(name))
        .unwrap_or_else(|| panic!("no inventory of {name}"))
}

fn from_file<'a>(all: &'a [Inventory], file: &str) -> &'a Inventory {
    all.iter()
        .find(|i| i.sources.iter().any(|s| s.ends_with(file)))
        .unwrap_or_else(|| panic!("no inventory from {file}"))
}

/// Each file is read as the format it is, with what the planted faults rest on: the readers
/// alone, before any rule.
#[test]
fn every_file_is_read_as_its_format() {
    let (all, errors) = read_folder(&office().join("清单"));
    assert!(errors.is_empty(), "{errors:?}");
    // every file gave something (a file-name or merging step may join some of them)
    for entry in std::fs::read_dir(office().join("清单")).unwrap() {
        let file = entry.unwrap().file_name().into_string().unwrap();
        from_file(&all, &file);
    }
    let mut names: Vec<String> = all.iter().filter_map(|i| i.computer.name.clone()).collect();
    names.sort();
    names.dedup();
    // dpkg-query prints no computer name: CZJ-PC-12 only from its file's name, if at all
    names.retain(|n| n != "CZJ-PC-12");
    let want: Vec<String> = [
        1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 14, 15, 17, 18, 19, 20,
    ]
    .iter()
    .map(|n| format!("CZJ-PC-{n:02}"))
    .collect();
    assert_eq!(names, want);

    let licence = |inv: &Inventory, product: &str| {
        inv.licences
            .iter()
            .find(|l| l.product.contains(product))
            .map(|l| (l.channel, l.partial_key.clone(), l.kms_host.clone()))
    };
    let key = |k: &str| Some(k.to_string());
    // collectors
    let pc01 = named(&all, "CZJ-PC-01");
    assert_eq!(
        licence(pc01, "Windows"),
        Some((Channel::VolumeMak, key("8G3FH"), None))
    );
    assert_eq!(
        licence(pc01, "Office 19"),
        Some((Channel::VolumeMak, key("4FV9C"), None))
    );
    assert_eq!(
        pc01.os.as_ref().and_then(|o| o.edition.as_deref()),
        Some("Professional")
    );
    assert_eq!(
        licence(named(&all, "CZJ-PC-05"), "Windows"),
        Some((Channel::KmsClient, key("T83GX"), key("kms.03k.org")))
    );
    assert_eq!(
        licence(named(&all, "CZJ-PC-14"), "Office 19"),
        Some((Channel::VolumeMak, key("J3QXW"), None))
    );
    assert!(named(&all, "CZJ-PC-07")
        .software
        .iter()
        .any(|p| p.name == "Microsoft Office Professional Plus 2016"
            && p.version.as_deref() == Some("16.0.4266.1001")));
    let uos = named(&all, "CZJ-PC-10");
    assert_eq!(
        uos.os.as_ref().map(|o| o.name.as_str()),
        Some("UnionTech OS Desktop 20 Pro")
    );
    assert!(uos.software.iter().any(|p| p.name == "wps-office"));
    // slmgr /dli (GBK, Chinese labels) and ospp.vbs /dstatus
    assert_eq!(
        licence(from_file(&all, "CZJ-PC-03 激活.txt"), "Windows"),
        Some((Channel::Oem, key("6F4BT"), None))
    );
    assert_eq!(
        licence(from_file(&all, "CZJ-PC-03 ospp.txt"), "Office 19"),
        Some((Channel::VolumeMak, key("4FV9C"), None))
    );
    // GLPI
    assert_eq!(
        licence(named(&all, "CZJ-PC-06"), "Office"),
        Some((Channel::Evaluation, key("P6J7D"), None))
    );
    assert_eq!(
        named(&all, "CZJ-PC-13")
            .os
            .as_ref()
            .map(|o| o.name.as_str()),
        Some("Microsoft Windows 10 家庭中文版")
    );
    // registry CSV: two computers, the key without a DisplayName skipped
    let pc08 = named(&all, "CZJ-PC-08");
    assert!(pc08.os.is_none() && pc08.software.iter().all(|p| !p.name.is_empty()));
    assert_eq!(named(&all, "CZJ-PC-09").software.len(), 7);
    // osqueryd log: 福昕阅读器 not on CZJ-PC-15, on CZJ-PC-20 nothing missing
    assert!(!named(&all, "CZJ-PC-15")
        .software
        .iter()
        .any(|p| p.name.contains("福昕")));
    assert!(named(&all, "CZJ-PC-20").os.is_some());
    // dpkg-query -W on 银河麒麟
    let kylin = from_file(&all, "CZJ-PC-12_dpkg-query-W.txt");
    assert!(kylin.software.iter().any(|p| p.name == "libc6"));
    assert!(kylin.software.iter().any(|p| p.name == "kylin-nm"));
}
