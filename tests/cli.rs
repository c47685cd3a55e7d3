//! The `zhengban` binary driven as a user would: exit codes (cli.md), the JSON contract,
//! rule selection, configuration, `--output`, `zhengban rule`, and the human output, whose
//! look is pinned by an insta snapshot and copied to `docs/example-check.txt`.
//!
//! To refresh the example after an intended change of the output:
//! `ZHENGBAN_BLESS=1 cargo test --test cli` (and `cargo insta review` for the snapshot).

mod support;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use support::{Book, AS_OF, SUMMARY};

/// Run the binary in `dir` with colour off; never through a terminal, so output is plain.
fn zhengban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run zhengban")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The exit code, with the output in the message when it is not the expected one.
#[track_caller]
fn assert_exit(o: &Output, code: i32) {
    assert_eq!(
        o.status.code(),
        Some(code),
        "stdout:\n{}\nstderr:\n{}",
        stdout(o),
        stderr(o)
    );
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// The clean unit with one planted ZB111: RJ002 has 3 installs on 许可数量 2 (I7 in the
/// summary and G6 in its maintenance table, so the ledgers agree on everything else).
fn over_deployed() -> Book {
    let mut b = Book::clean();
    b.set(SUMMARY, "I7", "#2").set("RJ002", "G6", "#2");
    b
}

/// A temp dir holding `name` written from `book`.
fn workdir(book: &Book, name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    book.write(&path);
    (dir, path)
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}:\n{}", stdout(o)))
}

fn codes(unit: &Value) -> Vec<String> {
    unit["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().expect("code").to_string())
        .collect()
}

#[test]
fn clean_fixture_exits_0() {
    let (dir, _) = workdir(&Book::clean(), "clean.xlsx");
    let o = zhengban(dir.path(), &["check", "clean.xlsx", "--as-of", AS_OF]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("没有发现问题"), "{}", stdout(&o));
}

#[test]
fn an_error_diagnostic_exits_1() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    let o = zhengban(dir.path(), &["check", "fault.xlsx", "--as-of", AS_OF]);
    assert_exit(&o, 1);
}

#[test]
fn human_output_names_code_cell_and_help() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    let o = zhengban(dir.path(), &["check", "fault.xlsx", "--as-of", AS_OF]);
    let out = stdout(&o);
    for wanted in [
        "错误[ZB111]",
        "fault.xlsx › 汇总表",
        "M7",
        "I7 许可数量 2",
        "修改：卸载多出的安装",
        "正版率",
        "超装    RJ002 WPS Office 2019：安装 3，许可 2，缺 1 个许可",
        "ZB111  错误     1 处  商业软件安装数量超过许可数量",
    ] {
        assert!(out.contains(wanted), "{wanted:?} missing in:\n{out}");
    }
    assert!(!out.contains('\x1b'), "colour codes in a pipe:\n{out}");
}

#[test]
fn bad_arguments_exit_2() {
    let (dir, _) = workdir(&Book::clean(), "clean.xlsx");
    std::fs::write(dir.path().join("typo.toml"), "severty = {}\n").unwrap();
    let cases: &[&[&str]] = &[
        &["check", "clean.xlsx", "--as-of", "2026-13-45"],
        &["check", "clean.xlsx", "--as-of", "25.11.2026"],
        &["check", "no-such-file.xlsx"],
        &["check", "clean.xlsx", "--config", "typo.toml"],
        &["check", "clean.xlsx", "--config", "no-such.toml"],
        &["check", "clean.xlsx", "--select", "ZB999"],
        &["check", "clean.xlsx", "--output", "clean.xlsx"],
        &["check", "clean.xlsx", "--format", "yaml"],
        &["check"],
        &["rule", "ZB999"],
    ];
    for args in cases {
        let o = zhengban(dir.path(), args);
        assert_exit(&o, 2);
        assert!(!stderr(&o).is_empty(), "{args:?}: no message on stderr");
    }
    // Refusing to overwrite the input left it as it was.
    let o = zhengban(dir.path(), &["check", "clean.xlsx", "--as-of", AS_OF]);
    assert_exit(&o, 0);
}

#[test]
fn json_has_the_keys_of_the_contract() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    let o = zhengban(
        dir.path(),
        &["check", "fault.xlsx", "--as-of", AS_OF, "--format", "json"],
    );
    assert_exit(&o, 1);
    let doc = json(&o);
    assert_eq!(doc["tool"], "zhengban");
    assert_eq!(doc["version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(doc["as_of"], AS_OF);
    let units = doc["units"].as_array().expect("units");
    assert_eq!(units.len(), 1);
    let unit = &units[0];
    assert_eq!(unit["unit"], "测试县审计局");
    assert_eq!(unit["files"], serde_json::json!(["fault.xlsx"]));
    assert_eq!(unit["counts"]["error"], 1);
    assert_eq!(unit["counts"]["warning"], 0);
    assert_eq!(unit["counts"]["info"], 0);
    let m = &unit["metrics"];
    assert_eq!(m["computers"], 3);
    assert_eq!(m["users"], 3);
    for k in ["os", "office", "antivirus"] {
        assert!(m["genuine_rate"][k].is_number(), "genuine_rate.{k}: {m}");
    }
    let d = &unit["diagnostics"][0];
    assert_eq!(d["code"], "ZB111");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["file"], "fault.xlsx");
    assert_eq!(d["sheet"], "汇总表");
    assert_eq!(d["cell"], "M7");
    assert!(d["message"].as_str().unwrap().contains("缺 1 个许可"));
    assert!(!d["help"].as_str().unwrap().is_empty());
    let r = &d["related"][0];
    assert_eq!(r["file"], "fault.xlsx");
    assert_eq!(r["sheet"], "汇总表");
    assert_eq!(r["cell"], "I7");
    assert_eq!(r["message"], "许可数量 2");
}

#[test]
fn jsonl_writes_one_unit_per_line_in_input_order() {
    let dir = tempfile::tempdir().unwrap();
    Book::clean().write(&dir.path().join("a.xlsx"));
    over_deployed().write(&dir.path().join("b.xlsx"));
    let o = zhengban(
        dir.path(),
        &[
            "check", "b.xlsx", "a.xlsx", "--as-of", AS_OF, "--format", "jsonl",
        ],
    );
    assert_exit(&o, 1);
    let out = stdout(&o);
    let lines: Vec<Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert_eq!(lines[0]["files"], serde_json::json!(["b.xlsx"]));
    // the two are one unit's ledger, twice: the findings across units are on each line,
    // after the unit's own, and counted
    let across = ["ZB601", "ZB602", "ZB602", "ZB604"];
    assert_eq!(codes(&lines[0]), [&["ZB111"][..], &across].concat());
    assert_eq!(lines[0]["counts"]["warning"], 4);
    assert_eq!(lines[0]["status"], "errors");
    assert_eq!(lines[1]["files"], serde_json::json!(["a.xlsx"]));
    assert_eq!(codes(&lines[1]), across);
    assert_eq!(lines[1]["status"], "clean");
    let related = &lines[1]["diagnostics"][0]["related"][0];
    assert_eq!(related["file"], "b.xlsx", "{related}");
    // without the rules across units, each line goes out as its unit is done
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "b.xlsx",
            "a.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
            "--ignore",
            "ZB601,ZB602,ZB604",
        ],
    );
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(codes(&lines[0]), ["ZB111"]);
    assert!(codes(&lines[1]).is_empty());
}

#[test]
fn select_and_ignore_filter_rules() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "fault.xlsx", "--as-of", AS_OF, "--format", "json"];
        args.extend_from_slice(extra);
        zhengban(dir.path(), &args)
    };
    let o = run(&["--ignore", "ZB111"]);
    assert_exit(&o, 0);
    assert!(codes(&json(&o)["units"][0]).is_empty());
    let o = run(&["--ignore", "ZB1"]);
    assert_exit(&o, 0);
    let o = run(&["--select", "ZB1"]);
    assert_exit(&o, 1);
    assert_eq!(codes(&json(&o)["units"][0]), ["ZB111"]);
    let o = run(&["--select", "ZB111", "--ignore", "ZB111"]);
    assert_exit(&o, 0);
}

#[test]
fn a_config_file_changes_a_severity() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    let toml = "[severity]\nZB111 = \"warning\"\n";
    std::fs::write(dir.path().join("mine.toml"), toml).unwrap();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "fault.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "--config",
            "mine.toml",
        ],
    );
    assert_exit(&o, 0);
    let unit = &json(&o)["units"][0];
    assert_eq!(unit["diagnostics"][0]["severity"], "warning");
    assert_eq!(unit["counts"]["warning"], 1);
    // zhengban.toml in the current directory is read without --config.
    std::fs::write(
        dir.path().join("zhengban.toml"),
        "[severity]\nZB111 = \"off\"\n",
    )
    .unwrap();
    let o = zhengban(
        dir.path(),
        &["check", "fault.xlsx", "--as-of", AS_OF, "--format", "json"],
    );
    assert_exit(&o, 0);
    assert!(codes(&json(&o)["units"][0]).is_empty());
    // and says so: in JSON, on every jsonl line, and in the human output
    let doc = json(&o);
    assert_eq!(doc["config"]["path"], "zhengban.toml");
    assert_eq!(doc["config"]["severity"]["ZB111"], "off");
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "fault.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
            "--ignore",
            "ZB2",
        ],
    );
    let line: serde_json::Value = serde_json::from_str(stdout(&o).lines().next().unwrap()).unwrap();
    assert_eq!(line["config"]["path"], "zhengban.toml");
    assert_eq!(line["config"]["ignore"][0], "ZB2");
    let o = zhengban(dir.path(), &["check", "fault.xlsx", "--as-of", AS_OF]);
    assert!(
        stdout(&o).contains("检查设置  zhengban.toml：ZB111 改为关闭"),
        "{}",
        stdout(&o)
    );
    // without a file, the defaults are not announced
    std::fs::remove_file(dir.path().join("zhengban.toml")).unwrap();
    let o = zhengban(dir.path(), &["check", "fault.xlsx", "--as-of", AS_OF]);
    assert!(!stdout(&o).contains("检查设置"), "{}", stdout(&o));
    let o = zhengban(
        dir.path(),
        &["check", "fault.xlsx", "--as-of", AS_OF, "--format", "json"],
    );
    assert!(json(&o)["config"]["path"].is_null());
}

#[test]
fn output_file_is_written_whole_and_stdout_stays_empty() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    for (format, name) in [("json", "out/report.json"), ("human", "report.txt")] {
        let o = zhengban(
            dir.path(),
            &[
                "check",
                "fault.xlsx",
                "--as-of",
                AS_OF,
                "--format",
                format,
                "--output",
                name,
            ],
        );
        assert_exit(&o, 1);
        assert_eq!(stdout(&o), "", "{format}");
        let written = std::fs::read_to_string(dir.path().join(name)).expect("output written");
        match format {
            "json" => {
                let doc: Value = serde_json::from_str(&written).expect("JSON file");
                assert_eq!(doc["units"][0]["diagnostics"][0]["code"], "ZB111");
            }
            _ => {
                assert!(written.contains("错误[ZB111]"), "{written}");
                assert!(written.contains("━━ 合计 ━━"), "{written}");
                assert!(!written.contains('\x1b'), "colour codes in a file");
            }
        }
    }
    // The atomic write leaves no temporary file behind.
    for dir in [dir.path().to_path_buf(), dir.path().join("out")] {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let name = entry.unwrap().file_name().to_string_lossy().into_owned();
            assert!(!name.ends_with(".tmp"), "left behind: {name}");
        }
    }
}

#[test]
fn rule_lists_and_explains() {
    let dir = tempfile::tempdir().unwrap();
    let o = zhengban(dir.path(), &["rule"]);
    assert_exit(&o, 0);
    let list = stdout(&o);
    assert!(
        list.lines()
            .any(|l| l.starts_with("ZB111") && l.contains("商业软件安装数量超过许可数量")),
        "{list}"
    );
    assert_eq!(list.lines().count(), zhengban::rules::RULES.len());
    for code in ["ZB111", "zb111"] {
        let o = zhengban(dir.path(), &["rule", code]);
        assert_exit(&o, 0);
        let doc = stdout(&o);
        assert!(
            doc.starts_with("ZB111 商业软件安装数量超过许可数量"),
            "{doc}"
        );
        for heading in ["\n检查什么\n", "\n为什么\n", "\n示例\n", "\n如何修改\n"] {
            assert!(doc.contains(heading), "{heading:?} missing:\n{doc}");
        }
        assert!(
            !doc.contains("**") && !doc.contains("##"),
            "Markdown drawn:\n{doc}"
        );
    }
}

#[test]
fn a_file_that_is_not_a_workbook_does_not_stop_the_run() {
    let (dir, _) = workdir(&over_deployed(), "fault.xlsx");
    std::fs::write(dir.path().join("notes.xlsx"), "这不是工作簿\n").unwrap();
    std::fs::write(dir.path().join("readme.txt"), "hello\n").unwrap();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "notes.xlsx",
            "readme.txt",
            "fault.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let doc = json(&o);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 3);
    // The workbook after the broken files was still checked.
    assert_eq!(codes(&units[2]), ["ZB111"]);
    for unit in &units[..2] {
        assert_eq!(codes(unit), ["ZB001"], "{unit}");
    }
    // The human form names the files it could not read by ZB001 — never "没有发现问题" for a
    // file that was not checked.
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "notes.xlsx",
            "readme.txt",
            "fault.xlsx",
            "--as-of",
            AS_OF,
        ],
    );
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(!out.contains("没有发现问题"), "{out}");
    assert_eq!(out.matches("错误[ZB001]").count(), 2, "{out}");
    assert!(out.contains("notes.xlsx"), "{out}");
    assert!(out.contains("readme.txt"), "{out}");
    assert!(out.contains("错误[ZB111]"), "{out}");
}

/// The human output of the planted ZB111, run as a clerk would (relative path, no colour).
fn example_output() -> String {
    let (dir, _) = workdir(&over_deployed(), "审计局台账.xlsx");
    let o = zhengban(dir.path(), &["check", "审计局台账.xlsx", "--as-of", AS_OF]);
    assert_exit(&o, 1);
    stdout(&o)
}

#[test]
fn human_output_snapshot() {
    insta::assert_snapshot!(example_output());
}

/// `docs/example-check.txt` (included by the README) is the output of today's renderer.
#[test]
fn docs_example_is_current() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/example-check.txt");
    let fresh = format!(
        "$ zhengban check 审计局台账.xlsx --as-of {AS_OF}\n{}",
        example_output()
    );
    if std::env::var_os("ZHENGBAN_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        old == fresh,
        "docs/example-check.txt is out of date; run `ZHENGBAN_BLESS=1 cargo test --test cli \
         docs_example` and commit it.\n--- new ---\n{fresh}"
    );
}

/// With several units, the JSON document waits for the findings across units and puts them
/// on each unit involved, counts and all; `--format text` adds their lines after the units.
#[test]
fn the_findings_across_units_are_on_every_unit_involved() {
    let dir = tempfile::tempdir().unwrap();
    Book::clean().write(&dir.path().join("a.xlsx"));
    std::fs::copy(dir.path().join("a.xlsx"), dir.path().join("b.xlsx")).unwrap();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "a.xlsx",
            "b.xlsx",
            "--unit-per-file",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_exit(&o, 0);
    let doc: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    for (unit, other) in [(&units[0], "b.xlsx"), (&units[1], "a.xlsx")] {
        assert_eq!(codes(unit), ["ZB601", "ZB602", "ZB602", "ZB604"], "{unit}");
        assert_eq!(unit["counts"]["warning"], 4);
        assert_eq!(unit["status"], "clean");
        assert_eq!(unit["diagnostics"][0]["related"][0]["file"], other);
        assert!(unit["fingerprint"]["rows"].as_str().unwrap().len() % 16 == 0);
    }
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "a.xlsx",
            "b.xlsx",
            "--unit-per-file",
            "--as-of",
            AS_OF,
            "--format",
            "text",
        ],
    );
    let text = stdout(&o);
    let last_unit = text.find("b.xlsx: 单位").expect("b's count line");
    let across = text.find("a.xlsx: ZB601 警告").expect("a's ZB601 line");
    assert!(across > last_unit, "after the units:\n{text}");
}
