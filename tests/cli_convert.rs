//! `zhengban convert` from the command line: JSON to stdout or a file, CSV per table.

use std::process::Command;

fn zhengban() -> Command {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
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
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["unit"], "丰都县双龙镇人民政府");
    let row = &v["summary"]["rows"][0];
    assert!(
        row["cells"]["id"].as_str().unwrap().starts_with('B'),
        "{row}"
    );
    assert_eq!(v["maintenance"].as_array().unwrap().len(), 11);
}

#[test]
fn csv_one_file_per_table() {
    let dir = tempfile::tempdir().unwrap();
    let out = zhengban()
        .args([
            "convert",
            "samples/shuanglong-split",
            "--to",
            "csv",
            "--out",
        ])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for name in [
        "summary.csv",
        "usage.csv",
        "maintenance.csv",
        "free_list.csv",
    ] {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        assert!(text.starts_with('\u{FEFF}'), "{name} has a BOM for Excel");
        let mut lines = text.trim_start_matches('\u{FEFF}').lines();
        let header = lines.next().unwrap();
        assert!(
            header.contains("id") || header.contains("department"),
            "{name}: {header}"
        );
        assert!(lines.count() > 0, "{name} has rows");
    }
    let summary = std::fs::read_to_string(dir.path().join("summary.csv")).unwrap();
    assert!(summary.contains("RJ001,Microsoft Office 2019"), "{summary}");
    assert!(summary.contains("永久"));
}

#[test]
fn csv_needs_an_output_directory() {
    let out = zhengban()
        .args(["convert", "samples/shuanglong-national.xlsx", "--to", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
}

#[test]
fn refuses_to_overwrite_the_input() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.xlsx");
    std::fs::copy("samples/shuanglong-national.xlsx", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let out = zhengban()
        .args(["convert", "--to", "json", "--out"])
        .arg(&input)
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read(&input).unwrap(), before, "input untouched");
}
