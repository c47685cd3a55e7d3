//! `zhengban convert` from the command line: JSON to stdout or a file, CSV per table, the
//! official templates filled from JSON, batches as one document per unit, bad JSON told
//! by its path, formula-leading CSV text neutralised, inputs never replaced.

use std::path::Path;
use std::process::{Command, Output};

fn zhengban() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn json_to_stdout_with_cells() {
    let out = zhengban()
        .args([
            "convert",
            "samples/shuanglong-national.xlsx",
            "--to",
            "json",
            "--with-cells",
        ])
        .output()
        .unwrap();
    ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["unit"], "丰都县双龙镇人民政府");
    let row = &v["summary"]["rows"][0];
    assert!(
        row["cells"]["id"].as_str().unwrap().starts_with('B'),
        "{row}"
    );
    assert_eq!(v["maintenance"].as_array().unwrap().len(), 11);
}

fn csv_rows(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(
        bytes.starts_with("\u{FEFF}".as_bytes()),
        "{} has a BOM for Excel",
        path.display()
    );
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[3..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_one_file_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = zhengban()
        .args(["convert", "samples/shuanglong-split", "--to", "csv", "-o"])
        .arg(dir.path())
        .output()
        .unwrap();
    ok(&out);
    for (name, first) in [
        ("软件使用情况汇总表.csv", "软件编号"),
        ("软件使用情况明细表.csv", "部门"),
        ("软件安装维护情况明细表.csv", "软件编号"),
        ("可使用免费软件清单.csv", "软件编号"),
        ("软件采购计划表.csv", "软件名称"),
        ("软件使用需求申请表.csv", "软件类型"),
        ("软件正版化工作领导小组成员信息表.csv", "分工"),
    ] {
        let rows = csv_rows(&dir.path().join(name));
        assert_eq!(rows[0][0], first, "{name}");
        assert!(rows.len() > 1, "{name} has rows");
    }
    let summary = csv_rows(&dir.path().join("软件使用情况汇总表.csv"));
    assert_eq!(
        summary[1][..6],
        [
            "RJ001",
            "Microsoft Office 2019 专业增强版",
            "2019",
            "商业软件",
            "2020-09-15",
            "47760"
        ]
    );
    assert_eq!(summary[1][8], "2019、2016");
    assert_eq!(summary[1][9], "永久");
    let usage = csv_rows(&dir.path().join("软件使用情况明细表.csv"));
    assert_eq!(usage.len(), 1 + 209);
}

#[test]
fn csv_needs_an_output_directory() {
    let out = zhengban()
        .args(["convert", "samples/shuanglong-national.xlsx", "--to", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--output"), "{}", stderr(&out));
}

#[test]
fn refuses_to_overwrite_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.xlsx");
    std::fs::copy("samples/shuanglong-national.xlsx", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    for to in ["json", "xlsx"] {
        let out = zhengban()
            .args(["convert", "--force", "--to", to, "-o"])
            .arg(&input)
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{to}");
        assert!(stderr(&out).contains("输入文件"), "{}", stderr(&out));
    }
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
}

/// An input workbook that sits in the CSV folder under a table's file name is never
/// replaced, not even with --force; other existing files need --force.
#[test]
fn csv_never_replaces_an_input_in_its_folder() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("台账.xlsx");
    std::fs::copy("samples/shuanglong-national.xlsx", &input).unwrap();
    // The same file under the name the summary's CSV gets: replacing it replaces the input.
    std::fs::hard_link(&input, dir.path().join("软件使用情况汇总表.csv")).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = zhengban()
        .args(["convert", "--to", "csv", "--force", "-o"])
        .arg(dir.path())
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(stderr(&out).contains("输入文件"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
    assert!(
        !dir.path().join("软件使用情况明细表.csv").exists(),
        "nothing written when one file is refused"
    );

    let other = tempfile::tempdir().unwrap();
    let taken = other.path().join("软件使用情况明细表.csv");
    std::fs::write(&taken, "mine").unwrap();
    let run = |force: bool| {
        let mut cmd = zhengban();
        cmd.args([
            "convert",
            "samples/shuanglong-national.xlsx",
            "--to",
            "csv",
            "-o",
        ])
        .arg(other.path());
        if force {
            cmd.arg("--force");
        }
        cmd.output().unwrap()
    };
    let out = run(false);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("已存在"), "{}", stderr(&out));
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "mine");
    ok(&run(true));
    assert_ne!(std::fs::read_to_string(&taken).unwrap(), "mine");
}

#[test]
fn csv_neutralises_formula_leading_text() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("data.json");
    let cases = [
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
        ("+1+1", "'+1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        (
            "=HYPERLINK(\"http://example.com\",\"点这里\")",
            "'=HYPERLINK(\"http://example.com\",\"点这里\")",
        ),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("-5", "-5"),
    ];
    let rows: Vec<serde_json::Value> = cases
        .iter()
        .map(|(typed, _)| serde_json::json!({"id": "RJ006", "name": typed, "reason": typed}))
        .collect();
    let data = serde_json::json!({"unit": "某局", "free_list": {"rows": rows}});
    std::fs::write(&json, data.to_string()).unwrap();
    let out_dir = dir.path().join("csv");
    let out = zhengban()
        .arg("convert")
        .arg(&json)
        .args(["--to", "csv", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    ok(&out);
    let rows = csv_rows(&out_dir.join("可使用免费软件清单.csv"));
    for ((typed, written), row) in cases.iter().zip(&rows[1..]) {
        assert_eq!(row[1], *written, "{typed:?}");
        assert_eq!(row[7], *written, "{typed:?}");
    }
    // The summary's counts are numbers and stay so, negative or not.
    let data = serde_json::json!({"summary": {"rows": [{"id": "RJ001", "installed": -5}]}});
    std::fs::write(&json, data.to_string()).unwrap();
    let out = zhengban()
        .arg("convert")
        .arg(&json)
        .args(["--to", "csv", "--force", "-o"])
        .arg(&out_dir)
        .output()
        .unwrap();
    ok(&out);
    let rows = csv_rows(&out_dir.join("软件使用情况汇总表.csv"));
    assert_eq!(rows[1][11], "-5");
}

#[test]
fn json_back_into_the_official_templates() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("data.json");
    let out = zhengban()
        .args([
            "convert",
            "samples/shuanglong-biao.xlsx",
            "--to",
            "json",
            "-o",
        ])
        .arg(&json)
        .output()
        .unwrap();
    ok(&out);
    let book = dir.path().join("台账.xlsx");
    let out = zhengban()
        .arg("convert")
        .arg(&json)
        .args(["--to", "xlsx", "-o"])
        .arg(&book)
        .output()
        .unwrap();
    ok(&out);
    let out = zhengban()
        .arg("check")
        .arg(&book)
        .args(["--as-of", "2026-11-25", "--format", "json"])
        .output()
        .unwrap();
    ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"][0]["unit"], "丰都县双龙镇人民政府");
    assert_eq!(v["units"][0]["diagnostics"], serde_json::json!([]));
    // A second run keeps the existing workbook.
    let again = zhengban()
        .arg("convert")
        .arg(&json)
        .args(["--to", "xlsx", "-o"])
        .arg(&book)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(2));
    assert!(stderr(&again).contains("--force"), "{}", stderr(&again));
}

#[test]
fn bad_json_is_told_by_its_path_in_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let json = dir.path().join("data.json");
    std::fs::write(
        &json,
        r#"{"unit": "某局", "summary": {"rows": [{"id": "RJ001"}, {"id": "RJ002", "purchased_on": "2023/5/1"}]}}"#,
    )
    .unwrap();
    let out = zhengban()
        .arg("convert")
        .arg(&json)
        .args(["--to", "xlsx", "-o"])
        .arg(dir.path().join("x.xlsx"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let e = stderr(&out);
    assert!(e.contains("summary.rows[1].purchased_on"), "{e}");
    assert!(e.contains("采购时间"), "{e}");
    assert!(!dir.path().join("x.xlsx").exists());
}

/// A batch folder of three units: one JSON document per unit (an array), one jsonl line per
/// unit, one CSV folder and one workbook per unit — each holding only its own unit's tables.
#[test]
fn a_batch_gives_one_document_per_unit() {
    let units = ["三本台账不一致", "统计表与表单", "超装与OEM填价"];
    let out = zhengban()
        .args(["convert", "samples/faulty", "--to", "json"])
        .output()
        .unwrap();
    ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = v.as_array().expect("an array of units");
    assert_eq!(docs.len(), 3);
    for (doc, name) in docs.iter().zip(units) {
        let files = doc["files"].as_array().unwrap();
        assert_eq!(files.len(), 1, "{name}");
        assert!(files[0].as_str().unwrap().contains(name), "{files:?}");
        for table in ["summary", "usage", "free_list"] {
            assert!(
                doc[table]["file"].as_str().unwrap().contains(name),
                "{name} › {table} comes from its own folder"
            );
        }
        assert_eq!(doc["maintenance"].as_array().unwrap().len(), 11, "{name}");
    }

    let out = zhengban()
        .args(["convert", "samples/faulty", "--to", "jsonl"])
        .output()
        .unwrap();
    ok(&out);
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.as_slice(), docs.as_slice());

    let dir = tempfile::tempdir().unwrap();
    let out = zhengban()
        .args(["convert", "samples/faulty", "--to", "csv", "-o"])
        .arg(dir.path().join("csv"))
        .output()
        .unwrap();
    ok(&out);
    for name in units {
        assert!(dir
            .path()
            .join("csv")
            .join(name)
            .join("软件使用情况汇总表.csv")
            .is_file());
    }

    // The jsonl back into one workbook per unit.
    let jsonl = dir.path().join("batch.jsonl");
    std::fs::write(&jsonl, &text).unwrap();
    let books = dir.path().join("books");
    let out = zhengban()
        .arg("convert")
        .arg(&jsonl)
        .args(["--to", "xlsx", "-o"])
        .arg(&books)
        .output()
        .unwrap();
    ok(&out);
    let mut written: Vec<String> = std::fs::read_dir(&books)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    // All three state the same 单位名称; the names are kept apart.
    assert_eq!(
        written,
        [
            "丰都县双龙镇人民政府 (2).xlsx",
            "丰都县双龙镇人民政府 (3).xlsx",
            "丰都县双龙镇人民政府.xlsx"
        ]
    );
    let out = zhengban()
        .arg("check")
        .arg(&books)
        .args([
            "--unit-per-file",
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 3);
}

/// A unit folder with no workbook converts to nothing, and says so (exit 1), rather than
/// writing an empty document as if all were well.
#[test]
fn a_unit_without_a_workbook_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let unit = dir.path().join("某单位");
    std::fs::create_dir(&unit).unwrap();
    std::fs::write(unit.join("台账扫描件.pdf"), b"%PDF-1.7").unwrap();
    let out = zhengban()
        .args(["convert", "--to", "json"])
        .arg(&unit)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("没有找到可读取的工作簿"),
        "{}",
        stderr(&out)
    );
}

/// The 信息统计表 is in the CSV output too, one figure a row, each figure the one the
/// normalised JSON holds for that row, column and measure.
#[test]
fn csv_carries_the_statistics_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = zhengban()
        .args([
            "convert",
            "samples/shuanglong-national.xlsx",
            "--to",
            "csv",
            "-o",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    ok(&out);
    let rows = csv_rows(&dir.path().join("软件正版化工作信息统计表.csv"));
    assert_eq!(
        rows[0],
        ["统计年度", "部分", "项目", "软件类别", "指标", "数值"]
    );
    let sections: std::collections::BTreeSet<&str> =
        rows[1..].iter().map(|r| r[1].as_str()).collect();
    assert_eq!(sections.len(), 5, "{sections:?}");
    let json = zhengban()
        .args([
            "convert",
            "samples/shuanglong-national.xlsx",
            "--to",
            "json",
        ])
        .output()
        .unwrap();
    ok(&json);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let stats = &v["statistics"];
    assert_eq!(rows[1][0], stats["year"].to_string());
    let people = rows.iter().find(|r| r[2] == "使用计算机人数").unwrap();
    assert_eq!(people[5], stats["people"]["using"].to_string());
    let label = |row: &str, column: &str, measure: &str| {
        let row = match row {
            "domestic" => "国内",
            "foreign" => "国外",
            _ => "合计",
        };
        let column = match column {
            "os" => "操作系统软件（含预装操作系统）",
            "office" => "办公软件",
            "antivirus" => "杀毒软件",
            _ => "总计",
        };
        let measure = if measure == "licenses" {
            "许可数（个）"
        } else {
            "金额（万元）"
        };
        (row, column, measure)
    };
    let mut checked = 0;
    for (section, key) in [
        ("四、本年度软件采购情况", "purchases"),
        ("五、累计拥有软件许可情况", "holdings"),
    ] {
        for f in stats[key].as_array().unwrap() {
            let (row, column, measure) = label(
                f["row"].as_str().unwrap(),
                f["column"].as_str().unwrap(),
                f["measure"].as_str().unwrap(),
            );
            let line = rows
                .iter()
                .find(|r| r[1] == section && r[2] == row && r[3] == column && r[4] == measure)
                .unwrap_or_else(|| panic!("{section} {row} {column} {measure}"));
            let want = f["value"].as_f64().unwrap();
            assert_eq!(line[5].parse::<f64>().unwrap(), want, "{line:?}");
            checked += 1;
        }
    }
    assert!(checked >= 32, "{checked} figures");
}
