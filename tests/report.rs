//! `zhengban report` driven as an inspector would: the roll-up of the samples, its summed
//! statistics against the per-unit statistics of `check --format jsonl` added up here, the
//! same roll-up from shards, merging of the same unit, hostile cell text, and real clients
//! (LibreOffice opens and prints the workbook; headless Chromium renders the page). The
//! client tests are skipped when the program is missing, unless `ZHENGBAN_REQUIRE_SOFFICE=1`
//! or `ZHENGBAN_REQUIRE_CHROMIUM=1` says it must run.

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{open_workbook_auto, Data, Reader};
use serde_json::Value;

/// The units of the roll-up test: the samples, the seeded faults and the foreign workbooks.
const SHARD_1: &[&str] = &[
    "samples/shuanglong-biao.xlsx",
    "samples/shuanglong-national.xlsx",
    "samples/shuanglong-split",
];
const SHARD_2: &[&str] = &[
    "samples/faulty",
    "tests/foreign/city-approval-bureau.xlsx",
    "tests/foreign/county-statistics-bureau.xlsx",
    "tests/foreign/district-education-bureau.xlsx",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary from the repository root, so that sample paths read as a user types them.
fn zhengban(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run zhengban")
}

#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn all_inputs() -> Vec<&'static str> {
    SHARD_1.iter().chain(SHARD_2).copied().collect()
}

/// `check --format jsonl -o path` over `inputs`.
fn shard(inputs: &[&str], path: &Path) {
    let mut args = vec![
        "check",
        "--as-of",
        support::AS_OF,
        "--format",
        "jsonl",
        "-o",
    ];
    args.push(s(path));
    args.extend(inputs);
    let o = zhengban(&args);
    assert!(o.status.code() == Some(0) || o.status.code() == Some(1));
}

fn report(inputs: &[&str], xlsx: &Path, html: Option<&Path>) -> Output {
    let mut args = vec!["report", "--as-of", support::AS_OF, "-o", s(xlsx)];
    if let Some(h) = html {
        args.extend(["--html", s(h)]);
    }
    args.extend(inputs);
    zhengban(&args)
}

/// Every sheet of a workbook as rows of cells.
fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb = open_workbook_auto(path).expect("open roll-up");
    let names = wb.sheet_names().to_vec();
    names
        .into_iter()
        .map(|n| {
            let range = wb.worksheet_range(&n).expect("sheet");
            let rows = range.rows().map(|r| r.to_vec()).collect();
            (n, rows)
        })
        .collect()
}

/// The non-empty cells of a sheet at their absolute positions.
fn filled(path: &Path, name: &str) -> Vec<(u32, u32, String)> {
    let mut wb = open_workbook_auto(path).expect("open");
    let range = wb.worksheet_range(name).expect("sheet");
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .filter(|(_, _, v)| !v.to_string().is_empty())
        .map(|(r, c, v)| (r0 + r as u32, c0 + c as u32, v.to_string()))
        .collect()
}

fn sheet<'a>(all: &'a [(String, Vec<Vec<Data>>)], name: &str) -> &'a [Vec<Data>] {
    &all.iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
        .1
}

fn row_of(rows: &[Vec<Data>], text: &str) -> usize {
    rows.iter()
        .position(|r| r.iter().any(|c| matches!(c, Data::String(t) if t == text)))
        .unwrap_or_else(|| panic!("no cell {text:?}"))
}

fn number(rows: &[Vec<Data>], r: usize, c: usize) -> f64 {
    match &rows[r][c] {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("no number at row {r} col {c}: {other:?}"),
    }
}

fn units_of(jsonl: &Path) -> Vec<Value> {
    std::fs::read_to_string(jsonl)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}

const ORIGINS: [&str; 3] = ["domestic", "foreign", "total"];
const GROUPS: [&str; 4] = ["os", "office", "antivirus", "total"];

#[test]
fn summed_statistics_equal_the_units_statistics_added_up() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("all.jsonl");
    shard(&all_inputs(), &jsonl);
    let units = units_of(&jsonl);
    assert_eq!(units.len(), 9, "six sample units and three foreign ones");

    // Added up here from each unit's own figures, not by the roll-up's code.
    let int = |v: &Value| v.as_i64().unwrap_or(0);
    let mut people = [0i64; 2];
    let mut computers = [0i64; 4];
    let mut purchases = [[(0i64, 0.0f64); 4]; 3];
    let mut holdings = [[0i64; 4]; 3];
    for u in &units {
        let st = &u["statistics"];
        assert_eq!(st["year"], 2026, "{}", u["unit"]);
        people[0] += int(&st["people"]["total"]);
        people[1] += int(&st["people"]["using"]);
        for (i, k) in ["servers", "desktops", "laptops", "total"]
            .iter()
            .enumerate()
        {
            computers[i] += int(&st["computers"][k]);
        }
        for (r, o) in ORIGINS.iter().enumerate() {
            for (c, g) in GROUPS.iter().enumerate() {
                let p = &st["purchases"][o][g];
                purchases[r][c].0 += int(&p["licenses"]);
                purchases[r][c].1 += p["amount"].as_f64().unwrap();
                holdings[r][c] += int(&st["holdings"][o][g]);
            }
        }
    }
    assert!(
        holdings[2][3] > 0 && purchases[2][3].0 > 0,
        "the samples hold licenses"
    );

    let xlsx = dir.path().join("汇总.xlsx");
    let o = report(&all_inputs(), &xlsx, None);
    assert_exit(&o, 1);
    let book = sheets(&xlsx);
    let t = sheet(&book, "信息统计表");
    let r2 = row_of(t, "二、人员情况") + 2;
    assert_eq!(number(t, r2, 0) as i64, people[0]);
    assert_eq!(number(t, r2, 5) as i64, people[1]);
    let r3 = row_of(t, "三、计算机情况") + 2;
    for (i, col) in [0, 3, 5, 7].iter().enumerate() {
        assert_eq!(number(t, r3, *col) as i64, computers[i], "三 column {i}");
    }
    let r4 = row_of(t, "四、本年度软件采购情况") + 3;
    let r5 = row_of(t, "五、累计拥有软件许可情况") + 2;
    for r in 0..3 {
        for c in 0..4 {
            let col = 1 + 2 * c;
            assert_eq!(
                number(t, r4 + r, col) as i64,
                purchases[r][c].0,
                "四 {r},{c}"
            );
            let amount = number(t, r4 + r, col + 1);
            assert!(
                (amount - purchases[r][c].1).abs() < 5e-5,
                "四 {r},{c}: {amount} ≠ {}",
                purchases[r][c].1
            );
            assert_eq!(number(t, r5 + r, col) as i64, holdings[r][c], "五 {r},{c}");
        }
    }

    // One row per unit, each with its status; the totals row adds up the errors.
    let list = sheet(&book, "单位汇总");
    let head = row_of(list, "序号");
    let rows: Vec<&Vec<Data>> = list[head + 2..]
        .iter()
        .filter(|r| matches!(r[0], Data::Float(_)))
        .collect();
    assert_eq!(rows.len(), 9);
    let errors: f64 = units
        .iter()
        .map(|u| u["counts"]["error"].as_f64().unwrap())
        .sum();
    let total = row_of(list, "合计");
    assert_eq!(number(list, total, 5), errors);
    let statuses: Vec<String> = rows.iter().map(|r| r[4].to_string()).collect();
    assert_eq!(
        statuses.iter().filter(|s| *s == "合格").count(),
        3,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| *s == "有错误").count(),
        6,
        "{statuses:?}"
    );

    // Every diagnostic of every unit, once.
    let diags = sheet(&book, "诊断明细");
    let listed = diags[3..]
        .iter()
        .filter(|r| matches!(r[0], Data::Float(_)))
        .count();
    let all: usize = units
        .iter()
        .map(|u| u["diagnostics"].as_array().unwrap().len())
        .sum();
    assert_eq!(listed, all);
}

#[test]
fn a_roll_up_of_shards_equals_the_roll_up_of_the_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let (s1, s2) = (
        dir.path().join("shard-1.jsonl"),
        dir.path().join("shard-2.jsonl"),
    );
    shard(SHARD_1, &s1);
    shard(SHARD_2, &s2);
    let (a, ah) = (dir.path().join("a.xlsx"), dir.path().join("a.html"));
    let (b, bh) = (dir.path().join("b.xlsx"), dir.path().join("b.html"));
    assert_exit(&report(&all_inputs(), &a, Some(&ah)), 1);
    // The shards in the other order: the roll-up does not depend on how it was split.
    let o = report(&[s(&s2), s(&s1)], &b, Some(&bh));
    assert_exit(&o, 1);
    assert_eq!(sheets(&a), sheets(&b));
    assert_eq!(
        std::fs::read_to_string(&ah).unwrap(),
        std::fs::read_to_string(&bh).unwrap()
    );
    // A wildcard the shell did not expand (cmd.exe, PowerShell) is expanded here.
    let c = dir.path().join("c.xlsx");
    let pattern = dir.path().join("shard-*.jsonl");
    assert_exit(&report(&[s(&pattern)], &c, None), 1);
    assert_eq!(sheets(&a), sheets(&c));
    // So is a folder that holds the shards and no workbook.
    let folder = dir.path().join("shards");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(&s1, folder.join("1.jsonl")).unwrap();
    std::fs::copy(&s2, folder.join("2.jsonl")).unwrap();
    let d = dir.path().join("d.xlsx");
    assert_exit(&report(&[s(&folder)], &d, None), 1);
    assert_eq!(sheets(&a), sheets(&d));
}

#[test]
fn the_same_unit_from_a_shard_and_a_workbook_counts_once() {
    let dir = tempfile::tempdir().unwrap();
    let s1 = dir.path().join("shard-1.jsonl");
    shard(SHARD_1, &s1);
    let out = dir.path().join("汇总.xlsx");
    let o = report(
        &[
            s(&s1),
            "samples/shuanglong-national.xlsx",
            "samples/shuanglong-national.xlsx",
        ],
        &out,
        None,
    );
    assert_exit(&o, 0);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("共 3 个单位"), "{text}");
    assert!(text.contains("只计一次"), "{text}");
    let book = sheets(&out);
    let notes = sheet(&book, "说明");
    let merged = notes
        .iter()
        .flatten()
        .filter(|c| c.to_string().contains("只计一次"))
        .count();
    assert_eq!(merged, 2, "two copies dropped, each noted");
}

/// A hand-made shard whose texts are markup and formulas, under a test-only code (`ZT…`):
/// no rule made it.
fn hostile_shard(dir: &Path) -> PathBuf {
    let line = serde_json::json!({
        "unit": "<script>alert('单位')</script>",
        "files": ["不存在/=1+1.xlsx"],
        "counts": {"error": 1, "warning": 0, "info": 0},
        "metrics": {"computers": 2, "users": 2,
                    "genuine_rate": {"os": 0.5, "office": null, "antivirus": 1.0}},
        "diagnostics": [{
            "code": "ZT111", "severity": "error", "file": "不存在/=1+1.xlsx",
            "sheet": "=SUM(A1:A2)", "cell": "M3",
            "message": "=HYPERLINK(\"http://example.com\",\"点我\")",
            "help": "<img src=x onerror=alert(1)>", "related": []
        }]
    });
    let p = dir.join("hostile.jsonl");
    std::fs::write(&p, format!("{line}\nnot a unit\n")).unwrap();
    p
}

#[test]
fn cell_text_stays_text_in_the_workbook_and_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let shard = hostile_shard(dir.path());
    let (xlsx, html) = (dir.path().join("r.xlsx"), dir.path().join("r.html"));
    let o = report(&[s(&shard)], &xlsx, Some(&html));
    // The unit has an error and a line could not be read: exit 1, and the line is named.
    assert_exit(&o, 1);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("第 2 行"), "{text}");

    let mut wb = open_workbook_auto(&xlsx).unwrap();
    for name in wb.sheet_names().to_vec() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name} has a formula"
        );
    }
    let book = sheets(&xlsx);
    let diags = sheet(&book, "诊断明细");
    let r = row_of(diags, "ZT111");
    assert_eq!(
        diags[r][7],
        Data::String("=HYPERLINK(\"http://example.com\",\"点我\")".into())
    );
    assert_eq!(diags[r][3], Data::String("=SUM(A1:A2)".into()));
    let list = sheet(&book, "单位汇总");
    assert!(list
        .iter()
        .flatten()
        .any(|c| *c == Data::String("<script>alert('单位')</script>".into())));

    let page = std::fs::read_to_string(&html).unwrap();
    // One script element, the page's own (sorting, filtering), after every cell's text.
    assert_eq!(
        page.matches("<script").count(),
        1,
        "a script element from a cell"
    );
    assert!(page.rfind("<script>").unwrap() > page.rfind("&lt;script&gt;").unwrap());
    assert!(!page.contains("<img"), "an img element in the page");
    assert!(page.contains("&lt;script&gt;alert(&#39;单位&#39;)&lt;/script&gt;"));
    // Self-contained: nothing to fetch.
    for fetch in ["<link", "@import", "url(", "<iframe", "<object"] {
        assert!(!page.contains(fetch), "{fetch} in the page");
    }
}

#[test]
fn bad_arguments_and_unreadable_shards_stop_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("r.xlsx");
    let o = zhengban(&["report", "samples/shuanglong-national.xlsx"]);
    assert_exit(&o, 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("-o 汇总.xlsx"));
    assert_exit(&report(&["没有这个.jsonl"], &out, None), 2);
    let o = report(
        &["samples/shuanglong-national.xlsx"],
        &dir.path().join("r.html"),
        None,
    );
    assert_exit(&o, 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("--html"));
    let doc = dir.path().join("other.json");
    std::fs::write(&doc, "{\n\"summary\": {}\n}\n").unwrap();
    let o = report(&[s(&doc)], &out, None);
    assert_exit(&o, 2);
    assert!(String::from_utf8_lossy(&o.stderr).contains("不是 zhengban check 输出"));
    // An existing roll-up is kept without --force.
    std::fs::write(&out, b"old").unwrap();
    assert_exit(
        &report(&["samples/shuanglong-national.xlsx"], &out, None),
        2,
    );
    assert_eq!(std::fs::read(&out).unwrap(), b"old");
}

#[test]
fn units_of_another_year_are_listed_not_summed() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2025.jsonl");
    let o = zhengban(&[
        "check",
        "--as-of",
        support::AS_OF,
        "--year",
        "2025",
        "--format",
        "jsonl",
        "-o",
        s(&old),
        "samples/shuanglong-national.xlsx",
    ]);
    assert_exit(&o, 0);
    assert_eq!(units_of(&old)[0]["statistics"]["year"], 2025);
    let out = dir.path().join("r.xlsx");
    let o = zhengban(&[
        "report",
        "--as-of",
        support::AS_OF,
        "--year",
        "2026",
        "-o",
        s(&out),
        s(&old),
        "samples/shuanglong-biao.xlsx",
    ]);
    assert_exit(&o, 0);
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(text.contains("计入信息统计表 1 个单位"), "{text}");
    assert!(text.contains("2025 年度"), "{text}");
}

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn required(program: &str, var: &str) -> Option<PathBuf> {
    let found = on_path(program);
    if found.is_none() {
        if std::env::var_os(var).is_some_and(|v| v == "1") {
            panic!("{var}=1 but {program} is not on PATH");
        }
        eprintln!("skip: {program} not on PATH (set {var}=1 to require it)");
    }
    found
}

#[test]
fn libreoffice_opens_and_prints_the_roll_up() {
    let Some(soffice) = required("soffice", "ZHENGBAN_REQUIRE_SOFFICE") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("汇总.xlsx");
    assert_exit(&report(&all_inputs(), &xlsx, None), 1);
    let profile = dir.path().join("profile");
    let pdf_dir = dir.path().join("pdf");
    let xlsx_dir = dir.path().join("resaved");
    for (format, out) in [("pdf", &pdf_dir), ("xlsx", &xlsx_dir)] {
        let o = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", format, "--outdir"])
            .arg(out)
            .arg(&xlsx)
            .output()
            .unwrap();
        assert!(o.status.success(), "soffice {format}: {o:?}");
    }
    let pdf = pdf_dir.join("汇总.pdf");
    let size = std::fs::metadata(&pdf).expect("PDF written").len();
    assert!(size > 20_000, "PDF nearly empty ({size} bytes)");
    // What LibreOffice saved back still holds the summed table and every unit.
    let resaved = sheets(&xlsx_dir.join("汇总.xlsx"));
    let names: Vec<&str> = resaved.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "单位汇总",
            "信息统计表",
            "规则统计",
            "正版率",
            "诊断明细",
            "说明"
        ]
    );
    assert_eq!(
        filled(&xlsx, "信息统计表"),
        filled(&xlsx_dir.join("汇总.xlsx"), "信息统计表"),
        "信息统计表 survives LibreOffice"
    );
    if let Some(pdftoppm) = on_path("pdftoppm") {
        let o = Command::new(pdftoppm)
            .args(["-png", "-r", "40", "-f", "1", "-l", "1"])
            .arg(&pdf)
            .arg(dir.path().join("page"))
            .output()
            .unwrap();
        assert!(o.status.success());
        // pdftoppm numbers pages with as many digits as the last page needs
        let drawn = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| e.ok())
            .any(|e| {
                let name = e.file_name().to_string_lossy().into_owned();
                name.starts_with("page-") && name.ends_with(".png")
            });
        assert!(drawn, "page 1 drawn");
    }
}

#[test]
fn chromium_renders_the_page_and_shows_markup_as_text() {
    let Some(chromium) = required("chromium", "ZHENGBAN_REQUIRE_CHROMIUM") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let shard = hostile_shard(dir.path());
    let (xlsx, html) = (dir.path().join("r.xlsx"), dir.path().join("r.html"));
    let mut inputs = all_inputs();
    inputs.push(s(&shard));
    assert_exit(&report(&inputs, &xlsx, Some(&html)), 1);
    let run = |extra: &[&str]| {
        Command::new(&chromium)
            .args(["--headless", "--no-sandbox", "--disable-gpu"])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("chrome").display()
            ))
            .args(extra)
            .arg(format!("file://{}", html.display()))
            .output()
            .unwrap()
    };
    let shot = dir.path().join("page.png");
    let o = run(&[
        &format!("--screenshot={}", shot.display()),
        "--window-size=1280,2000",
    ]);
    assert!(o.status.success(), "{o:?}");
    let png = std::fs::read(&shot).expect("screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 20_000);
    // The DOM Chromium built: no element came from a cell, the text is there as text.
    let o = run(&["--dump-dom"]);
    let dom = String::from_utf8_lossy(&o.stdout);
    assert!(dom.contains("<h1>软件正版化检查汇总</h1>"), "{dom}");
    assert_eq!(
        dom.matches("<script").count(),
        1,
        "a script element was built"
    );
    assert!(!dom.contains("<img"), "an img element was built");
    assert!(dom.contains("&lt;script&gt;alert('单位')&lt;/script&gt;"));
    if let Ok(keep) = std::env::var("ZHENGBAN_KEEP_SCREENSHOT") {
        std::fs::copy(&shot, keep).unwrap();
    }
}

/// A round as it arrives: a folder per unit, several of them copies of one sample that all
/// state the sample's 单位名称, one foreign ledger and one folder without a ledger.
fn round(dir: &Path) -> PathBuf {
    let round = dir.join("报送材料");
    let sample = root().join("samples/shuanglong-national.xlsx");
    for town in ["01_双龙镇", "02_三合街道", "03_名山街道", "10_董家镇"] {
        std::fs::create_dir_all(round.join(town)).unwrap();
        std::fs::copy(&sample, round.join(town).join("台账.xlsx")).unwrap();
    }
    let foreign = round.join("04_统计局");
    std::fs::create_dir_all(&foreign).unwrap();
    std::fs::copy(
        root().join("tests/foreign/county-statistics-bureau.xlsx"),
        foreign.join("县统计局台账.xlsx"),
    )
    .unwrap();
    std::fs::create_dir_all(round.join("05_空")).unwrap();
    round
}

/// The cells of the 单位汇总 rows: (单位名称, 报送文件夹/文件, 台账文件).
fn unit_rows(xlsx: &Path) -> Vec<(String, String, String)> {
    let book = sheets(xlsx);
    let list = sheet(&book, "单位汇总");
    let head = row_of(list, "序号");
    assert_eq!(list[head][2], Data::String("报送文件夹/文件".into()));
    list[head + 2..]
        .iter()
        .filter(|r| matches!(r[0], Data::Float(_)))
        .map(|r| (r[1].to_string(), r[2].to_string(), r[3].to_string()))
        .collect()
}

#[test]
fn every_row_says_which_folder_the_unit_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let round = round(dir.path());
    let (xlsx, html) = (dir.path().join("汇总.xlsx"), dir.path().join("汇总.html"));
    assert_exit(&report(&[s(&round)], &xlsx, Some(&html)), 1);
    let rows = unit_rows(&xlsx);
    let same: Vec<&(String, String, String)> = rows
        .iter()
        .filter(|r| r.0 == "丰都县双龙镇人民政府")
        .collect();
    assert_eq!(same.len(), 4, "{rows:?}");
    // Told apart by their folders, in the folders' natural order; the file is named from
    // its folder.
    let folders: Vec<String> = same
        .iter()
        .map(|r| {
            Path::new(&r.1)
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into()
        })
        .collect();
    assert_eq!(
        folders,
        ["01_双龙镇", "02_三合街道", "03_名山街道", "10_董家镇"]
    );
    assert!(same.iter().all(|r| r.2 == "台账.xlsx"), "{same:?}");
    assert!(rows
        .iter()
        .any(|r| r.1.ends_with("05_空") && r.2 == "（没有文件）"));

    // The same from check's JSON lines.
    let jsonl = dir.path().join("round.jsonl");
    shard(&[s(&round)], &jsonl);
    let from_json = dir.path().join("json.xlsx");
    assert_exit(&report(&[s(&jsonl)], &from_json, None), 1);
    assert_eq!(unit_rows(&from_json), rows);

    // The page: the column beside the name, one row per folder.
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains(">报送文件夹/文件</th>"));
    for town in folders {
        assert_eq!(page.matches(&format!("{town}</td>")).count(), 2, "{town}");
    }
}

/// A part of the roll-up workbook's zip as text.
fn part(xlsx: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
    text
}

#[test]
fn the_charts_rank_label_and_fit_their_axis() {
    let dir = tempfile::tempdir().unwrap();
    let round = round(dir.path());
    let mut inputs = vec![s(&round)];
    inputs.push("samples/faulty/超装与OEM填价");
    let (xlsx, html) = (dir.path().join("汇总.xlsx"), dir.path().join("汇总.html"));
    assert_exit(&report(&inputs, &xlsx, Some(&html)), 1);
    let book = sheets(&xlsx);

    // 正版率: lowest first; the label names the folder; the axis starts at 90 % and says so.
    let rates = sheet(&book, "正版率");
    let head = row_of(rates, "图表标签");
    let first = &rates[head + 1];
    assert!(number(rates, head + 1, 4) < 1.0, "{first:?}");
    assert_eq!(
        first[6].to_string(),
        "丰都县双龙镇人民政府（超装与OEM填价）"
    );
    let labels: Vec<String> = rates[head + 1..].iter().map(|r| r[6].to_string()).collect();
    assert!(labels.contains(&"丰都县双龙镇人民政府（02_三合街道）".to_string()));
    // 规则统计: most findings first, labelled by the rule's summary.
    let rules = sheet(&book, "规则统计");
    let head = row_of(rules, "图表标签");
    let totals: Vec<f64> = (head + 1..rules.len())
        .filter(|&r| matches!(rules[r][6], Data::Float(_)))
        .map(|r| number(rules, r, 6))
        .collect();
    assert!(
        totals.len() > 2 && totals.windows(2).all(|w| w[0] >= w[1]),
        "{totals:?}"
    );
    for r in &rules[head + 1..] {
        let (code, summary) = (r[0].to_string(), r[1].to_string());
        assert!(!summary.is_empty(), "{code} has no summary");
        assert_eq!(r[7].to_string(), format!("{code} {summary}"));
    }

    // Native charts: bars with values on them, drawn from the label columns.
    let charts: Vec<String> = (1..=2)
        .map(|i| part(&xlsx, &format!("xl/charts/chart{i}.xml")))
        .collect();
    let rules_chart = charts.iter().find(|c| c.contains("规则统计!")).unwrap();
    let rates_chart = charts.iter().find(|c| c.contains("正版率!")).unwrap();
    for c in &charts {
        assert!(c.contains("<c:barDir val=\"bar\"/>"), "horizontal bars");
        assert!(c.contains("<c:showVal val=\"1\"/>"), "values on the bars");
    }
    assert!(
        rules_chart.contains("<c:f>规则统计!$H$"),
        "categories: the labels"
    );
    assert!(
        rates_chart.contains("<c:f>正版率!$G$"),
        "categories: the labels"
    );
    assert!(rates_chart.contains("<c:min val=\"0.9\"/>"), "axis fitted");
    assert!(rates_chart.contains("横轴从 90% 起"), "and labelled so");

    // The page's charts say the same.
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.contains("正版率（注意：横轴从 90% 起，不是从 0 起）"));
    assert!(
        page.contains(">超装与OEM填价</text>"),
        "the folder under the name"
    );
    let code = &rules[row_of(rules, "图表标签") + 1][0].to_string();
    let summary = zhengban::rules::rule(code).unwrap().summary;
    assert!(page.contains(&format!("<title>{code} {summary}</title>")));
}

/// The page with a probe appended after its own script: what the probe writes into `#out`
/// comes back through `--dump-dom`, read as JSON.
fn probe_page(chromium: &Path, html: &Path, probe: &str, width: u32) -> Value {
    let page = std::fs::read_to_string(html).unwrap();
    let probed = html.with_file_name("probe.html");
    let script = format!(
        "<script>var out={{}};{probe}\nvar p=document.createElement('pre');p.id='out';p.textContent=JSON.stringify(out);document.body.appendChild(p);</script></body>"
    );
    std::fs::write(&probed, page.replace("</body>", &script)).unwrap();
    let profile = tempfile::tempdir().unwrap();
    let o = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={width},900"))
        .arg("--dump-dom")
        .arg(format!("file://{}", probed.display()))
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&o.stdout);
    let start = dom.find("<pre id=\"out\">").expect("probe ran") + "<pre id=\"out\">".len();
    let end = start + dom[start..].find("</pre>").unwrap();
    let text = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    serde_json::from_str(&text).unwrap()
}

#[test]
fn chromium_sorts_by_a_clicked_header_filters_and_fits_1280_pixels() {
    let Some(chromium) = required("chromium", "ZHENGBAN_REQUIRE_CHROMIUM") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let round = round(dir.path());
    let (xlsx, html) = (dir.path().join("汇总.xlsx"), dir.path().join("汇总.html"));
    assert_exit(
        &report(
            &[s(&round), "tests/foreign/district-education-bureau.xlsx"],
            &xlsx,
            Some(&html),
        ),
        1,
    );
    let got = probe_page(
        &chromium,
        &html,
        r#"
var t=document.getElementById('units-table');
function head(col){return t.querySelector('th[data-col="'+col+'"]');}
function column(col){return [].map.call(t.tBodies[0].rows,function(r){return r.cells[col].textContent;});}
head(8).click();out.computers_up=column(8);out.arrow_up=head(8).getAttribute('aria-sort');
head(8).click();out.computers_down=column(8);out.arrow_down=head(8).getAttribute('aria-sort');
head(2).click();out.sources=column(2);
var box=document.querySelector('.tools[data-table="units-table"] input');
box.value='名山街道';box.dispatchEvent(new Event('input'));
out.shown=[].filter.call(t.tBodies[0].rows,function(r){return r.style.display!=='none';}).length;
out.foot=t.tFoot.rows[0].cells[0].textContent;
out.width=document.documentElement.scrollWidth;out.inner=window.innerWidth;
"#,
        1280,
    );
    let strings = |k: &str| -> Vec<String> {
        got[k]
            .as_array()
            .unwrap_or_else(|| panic!("{k}: {got}"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    // Numbers sort as numbers (4 before 42, 42 after 5), again reverses, the arrow says so.
    let up: Vec<f64> = strings("computers_up")
        .iter()
        .map(|v| v.parse().unwrap())
        .collect();
    assert!(up.windows(2).all(|w| w[0] <= w[1]), "{up:?}");
    assert!(up.first() < up.last(), "{up:?}");
    let mut down = strings("computers_down");
    down.reverse();
    assert_eq!(down, strings("computers_up"));
    assert_eq!(got["arrow_up"], "ascending");
    assert_eq!(got["arrow_down"], "descending");
    let sources = strings("sources");
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(sources.iter().any(|s| s.ends_with("10_董家镇")));
    // The filter leaves the one unit whose row holds the text; the totals stay.
    assert_eq!(got["shown"], 1);
    assert!(got["foot"].as_str().unwrap().starts_with("合计"));
    // No part of the page is wider than the window: wide tables scroll in their own box.
    let (width, inner) = (
        got["width"].as_u64().unwrap(),
        got["inner"].as_u64().unwrap(),
    );
    assert_eq!(inner, 1280);
    assert!(
        width <= inner,
        "the page is {width} px wide in a {inner} px window"
    );
}
