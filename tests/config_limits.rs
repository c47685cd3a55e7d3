//! The reading limits are configurable: `[limits]` in zhengban.toml lowers or raises each
//! default, through the binary as a user runs it, and a bad value is refused with the line.

use std::path::Path;
use std::process::Command;

fn run(dir: &Path, toml: &str, workbook: &Path) -> (i32, String, String) {
    std::fs::write(dir.join("zhengban.toml"), toml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .current_dir(dir)
        .args(["check", "--as-of", "2026-11-25", "--format", "json"])
        .arg(workbook)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/shuanglong-national.xlsx")
}

fn zb001_messages(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    v["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["diagnostics"].as_array().cloned().unwrap_or_default())
        .filter(|d| d["code"] == "ZB001")
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_lowered_limit_refuses_the_file_and_names_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), "[limits]\nsheet-cells = 1000\n", &sample());
    assert_eq!(code, 1, "{err}");
    let messages = zb001_messages(&out);
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("单个工作表单元格数上限") && messages[0].contains("1,000"),
        "{messages:?}"
    );
}

#[test]
fn the_defaults_read_the_sample_and_a_raised_limit_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run(dir.path(), "", &sample());
    assert_eq!(code, 0, "{err}");
    let (raised, out_raised, err) = run(
        dir.path(),
        "[limits]\nsheet-cells = 40000000\nfile-mib = 2000\n",
        &sample(),
    );
    assert_eq!(raised, 0, "{err}");
    assert!(zb001_messages(&out).is_empty());
    assert_eq!(out, out_raised);
}

#[test]
fn zero_and_unknown_limit_keys_are_refused_with_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), "[limits]\nsheets = 0\n", &sample());
    assert_eq!(code, 2);
    assert!(err.contains("读取上限 sheets 不能为 0"), "{err}");
    assert!(err.contains("sheets = 0"), "the line is shown: {err}");
    let (code, _, err) = run(dir.path(), "[limits]\nsheet-cell = 9\n", &sample());
    assert_eq!(code, 2);
    assert!(
        err.contains("sheet-cell") && err.contains("sheet-cells"),
        "{err}"
    );
}
