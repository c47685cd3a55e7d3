//! An inspector's batch, driven through the binary: every unit folder is a unit whatever it
//! holds (empty, a scan, a WPS `.et` file, a blank template), the same file reached twice
//! is one unit, names sort naturally, `--quiet` and `--format text` say which unit and
//! which cell, the file system cannot hang or end the batch, and a full disk is exit 2.
//!
//! The workbooks are ones no code of ours wrote: the sample resaved by LibreOffice and the
//! district bureau's ledger written with openpyxl (five planted errors).

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const AS_OF: &str = "2026-11-25";
const CLEAN: &str = "tests/resaved/shuanglong-national.lo.xlsx";
const FAULTY: &str = "tests/foreign/district-education-bureau.xlsx";
const BLANK: &str = "templates-xlsx/正版软件管理台账模板.xlsx";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn zhengban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("run zhengban")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("UTF-8 stdout")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

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

fn copy(from: &str, to: &Path) {
    std::fs::create_dir_all(to.parent().unwrap()).unwrap();
    std::fs::copy(root().join(from), to).unwrap();
}

/// 报送材料/ with six unit folders: clean, empty, PDF only, blank template, faulty, `.et`
/// only — numbered so that plain string order would put 单位10 second.
fn batch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("报送材料");
    copy(CLEAN, &b.join("单位1/台账.xlsx"));
    std::fs::create_dir_all(b.join("单位2")).unwrap();
    std::fs::create_dir_all(b.join("单位3")).unwrap();
    std::fs::write(b.join("单位3/扫描件.pdf"), b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n").unwrap();
    copy(BLANK, &b.join("单位4/台账.xlsx"));
    copy(FAULTY, &b.join("单位5/台账.xlsx"));
    // WPS 表格's own format is an OLE container like .xls.
    std::fs::create_dir_all(b.join("单位10")).unwrap();
    std::fs::write(
        b.join("单位10/软件台账.et"),
        [
            &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1][..],
            &[0; 504],
        ]
        .concat(),
    )
    .unwrap();
    dir
}

fn json(o: &Output) -> Value {
    serde_json::from_str(&stdout(o)).unwrap_or_else(|e| panic!("{e}:\n{}", stdout(o)))
}

fn codes(unit: &Value) -> Vec<&str> {
    unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

fn messages(unit: &Value) -> String {
    unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}\n", d["message"], d["help"]))
        .collect()
}

/// The folder a unit of the batch came from: its first file's folder, or the folder its
/// first diagnostic names.
fn folder(unit: &Value) -> String {
    let place = unit["files"][0]
        .as_str()
        .or_else(|| unit["diagnostics"][0]["file"].as_str())
        .unwrap_or_default()
        .to_string();
    place
        .strip_prefix("报送材料/")
        .unwrap_or(&place)
        .split('/')
        .next()
        .unwrap()
        .to_string()
}

#[test]
fn every_unit_folder_is_listed_once_with_its_status() {
    let dir = batch();
    #[cfg(unix)]
    std::os::unix::fs::symlink("单位1", dir.path().join("报送材料/单位1的快捷方式")).unwrap();
    // The same unit named a second time, and its workbook a third.
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "报送材料",
            "报送材料/单位1",
            "报送材料/单位1/台账.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_exit(&o, 1);
    let doc = json(&o);
    let units = doc["units"].as_array().unwrap();
    let folders: Vec<String> = units.iter().map(folder).collect();
    assert_eq!(
        folders,
        ["单位1", "单位2", "单位3", "单位4", "单位5", "单位10"],
        "{doc:#}"
    );
    let [clean, empty, pdf, blank, faulty, et] = &units[..] else {
        unreachable!()
    };
    assert_eq!(clean["counts"]["error"], 0, "{clean:#}");
    assert_eq!(codes(empty), ["ZB002"]);
    assert!(messages(empty).contains("没有任何文件"), "{empty:#}");
    assert_eq!(empty["unit"], "单位2");
    assert_eq!(empty["diagnostics"][0]["file"], "报送材料/单位2");
    assert_eq!(codes(pdf), ["ZB002"]);
    assert!(messages(pdf).contains("扫描件.pdf（PDF"), "{pdf:#}");
    assert!(
        messages(pdf).contains("扫描件、PDF 和照片不能代替台账"),
        "{pdf:#}"
    );
    assert_eq!(codes(et), ["ZB002"]);
    assert!(messages(et).contains("软件台账.et（WPS 表格文件"), "{et:#}");
    assert!(
        messages(et).contains("另存为”Excel 工作簿（.xlsx）"),
        "{et:#}"
    );
    assert!(codes(blank).contains(&"ZB010"), "{blank:#}");
    assert_eq!(blank["counts"]["error"], 1, "{blank:#}");
    assert_eq!(faulty["counts"]["error"], 5, "{faulty:#}");
}

#[test]
fn names_sort_naturally_and_files_count_once() {
    let dir = tempfile::tempdir().unwrap();
    for n in [10, 2, 1, 100] {
        copy(CLEAN, &dir.path().join(format!("批/单位{n}.xlsx")));
    }
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "批",
            "批/单位2.xlsx",
            "--unit-per-file",
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
        ],
    );
    assert_exit(&o, 0);
    let files: Vec<String> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap()["files"][0].to_string())
        .collect();
    assert_eq!(
        files,
        [
            "\"批/单位1.xlsx\"",
            "\"批/单位2.xlsx\"",
            "\"批/单位10.xlsx\"",
            "\"批/单位100.xlsx\""
        ]
    );
}

#[test]
fn quiet_names_each_unit_with_errors_in_one_line() {
    let dir = batch();
    let o = zhengban(
        dir.path(),
        &["check", "报送材料", "--as-of", AS_OF, "--quiet"],
    );
    assert_exit(&o, 1);
    let out = stdout(&o);
    let failing: Vec<&str> = out.lines().filter(|l| l.starts_with('✗')).collect();
    assert_eq!(failing.len(), 5, "{out}");
    for (line, unit) in failing
        .iter()
        .zip(["单位2", "单位3", "单位4", "单位5", "单位10"])
    {
        assert!(line.contains(&format!("报送材料/{unit}")), "{line}");
        assert!(line.contains("错误 "), "{line}");
    }
    assert!(failing[3].contains("ZB405"), "{}", failing[3]);
    assert!(!out.contains("错误[ZB"), "no diagnostic blocks:\n{out}");
    assert!(
        out.contains("━━ 合计 ━━ 检查了 6 个单位、3 个文件"),
        "{out}"
    );
    assert!(out.contains("有错误的单位 5 个，没有错误的 1 个"), "{out}");
    assert!(out.contains("ZB010"), "{out}");
}

#[test]
fn text_lines_name_file_sheet_and_cell() {
    let dir = batch();
    let o = zhengban(
        dir.path(),
        &["check", "报送材料", "--as-of", AS_OF, "--format", "text"],
    );
    assert_exit(&o, 1);
    let out = stdout(&o);
    for line in out.lines() {
        assert!(
            line.starts_with("报送材料/单位"),
            "a line without its place: {line}"
        );
    }
    assert!(
        out.contains("报送材料/单位5/台账.xlsx:表5!M8: ZB405 错误：安装数量 5"),
        "{out}"
    );
    assert!(
        out.contains(
            "报送材料/单位5/台账.xlsx:表5!M8: ZB405 相关 报送材料/单位5/台账.xlsx:表6!F8："
        ),
        "{out}"
    );
    assert!(
        out.contains("报送材料/单位2: ZB002 错误：没有找到台账"),
        "{out}"
    );
    // A clean unit is listed too.
    assert!(
        out.contains("报送材料/单位1: 单位“丰都县双龙镇人民政府” 错误 0"),
        "{out}"
    );
}

/// Run with a guard against hangs (not a timing: a run that works takes seconds).
fn run_guarded(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let id = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        if rx
            .recv_timeout(std::time::Duration::from_secs(300))
            .is_err()
        {
            let _ = Command::new("kill").arg("-9").arg(id.to_string()).status();
        }
    });
    let _ = &mut child;
    let out = child.wait_with_output().unwrap();
    let _ = tx.send(());
    out
}

#[cfg(unix)]
#[test]
fn symlink_loops_end_and_count_once() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("批");
    copy(CLEAN, &b.join("单位1/台账.xlsx"));
    copy(FAULTY, &b.join("单位2/台账.xlsx"));
    std::os::unix::fs::symlink(".", b.join("单位1/loop")).unwrap();
    std::os::unix::fs::symlink("..", b.join("单位2/up")).unwrap();
    std::os::unix::fs::symlink("a", b.join("单位2/b")).unwrap();
    std::os::unix::fs::symlink("b", b.join("单位2/a")).unwrap();
    std::os::unix::fs::symlink("self.xlsx", b.join("单位2/self.xlsx")).unwrap();
    let o = run_guarded(
        dir.path(),
        &["check", "批", "--as-of", AS_OF, "--format", "jsonl"],
    );
    assert_exit(&o, 1);
    let units: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(units.len(), 2, "{}", stdout(&o));
    assert_eq!(codes(&units[0]), Vec::<&str>::new());
    // The looping workbook link is named (ZB001), the rest of the unit checked.
    assert!(codes(&units[1]).contains(&"ZB001"), "{:#}", units[1]);
    assert!(codes(&units[1]).contains(&"ZB405"), "{:#}", units[1]);
}

#[test]
fn thread_counts_are_clamped() {
    let dir = batch();
    let base = ["check", "报送材料", "--as-of", AS_OF, "--format", "jsonl"];
    let one = zhengban(dir.path(), &[&base[..], &["-j", "1"]].concat());
    assert_exit(&one, 1);
    for j in ["2000", "0", "3"] {
        let o = zhengban(dir.path(), &[&base[..], &["-j", j]].concat());
        assert_exit(&o, 1);
        assert_eq!(
            stdout(&o),
            stdout(&one),
            "-j {j}: same output in the same order"
        );
    }
}

#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_exit_2_in_every_format() {
    let dir = batch();
    for format in ["human", "json", "jsonl", "text"] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let o = Command::new(env!("CARGO_BIN_EXE_zhengban"))
            .args(["check", "报送材料", "--as-of", AS_OF, "--format", format])
            .current_dir(dir.path())
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{format}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("无法写入标准输出：磁盘已满"),
            "{format}: {}",
            stderr(&o)
        );
    }
}

/// An unreadable unit folder is a ZB001 of that unit; the batch goes on. Root reads any
/// folder whatever its mode, so as root the check runs as `nobody` through `setpriv`.
#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_folder_is_a_zb001_and_the_batch_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = batch();
    let locked = dir.path().join("报送材料/单位3");
    let as_root = Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0");
    let mut cmd = if as_root {
        let setpriv = Command::new("setpriv").arg("--version").output();
        if setpriv.is_err() {
            eprintln!("skipped: running as root and setpriv is missing, so no folder can be made unreadable");
            return;
        }
        // nobody must reach the binary and the batch, just not the locked folder.
        let mut p = dir.path().to_path_buf();
        loop {
            let _ = std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755));
            if !p.pop() || p.as_os_str().is_empty() || p == Path::new("/tmp") {
                break;
            }
        }
        for entry in walk(&dir.path().join("报送材料")) {
            let mode = if entry.is_dir() { 0o755 } else { 0o644 };
            std::fs::set_permissions(&entry, std::fs::Permissions::from_mode(mode)).unwrap();
        }
        let mut c = Command::new("setpriv");
        c.args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "--inh-caps=-all",
        ])
        .arg(env!("CARGO_BIN_EXE_zhengban"));
        c
    } else {
        Command::new(env!("CARGO_BIN_EXE_zhengban"))
    };
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let o = cmd
        .args(["check", "报送材料", "--as-of", AS_OF, "--format", "json"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    if as_root && !stderr(&o).is_empty() && o.status.code() == Some(127) {
        eprintln!(
            "skipped: setpriv could not run the binary as nobody: {}",
            stderr(&o)
        );
        return;
    }
    assert_exit(&o, 1);
    let doc = json(&o);
    let units = doc["units"].as_array().unwrap();
    assert_eq!(units.len(), 6, "{doc:#}");
    let third = &units[2];
    assert_eq!(codes(third), ["ZB001"], "{third:#}");
    assert!(
        messages(third).contains("无法打开文件夹：没有权限"),
        "{third:#}"
    );
    assert_eq!(
        units[4]["counts"]["error"], 5,
        "the units after it were checked"
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn json_to_a_file_is_the_document_written_whole() {
    let dir = batch();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "报送材料",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "-o",
            "结果.json",
        ],
    );
    assert_exit(&o, 1);
    assert!(stdout(&o).is_empty());
    let text = std::fs::read_to_string(dir.path().join("结果.json")).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(doc["units"].as_array().unwrap().len(), 6);
    let on_stdout = zhengban(
        dir.path(),
        &["check", "报送材料", "--as-of", AS_OF, "--format", "json"],
    );
    assert_eq!(stdout(&on_stdout), text);
}

/// A jsonl line stands on its own: which program wrote it, and where the unit came from —
/// also a folder without any ledger, whose `files` is empty.
#[test]
fn every_jsonl_line_says_its_source_and_its_writer() {
    let dir = batch();
    let o = zhengban(
        dir.path(),
        &["check", "报送材料", "--as-of", AS_OF, "--format", "jsonl"],
    );
    let lines: Vec<Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(lines.len() > 2);
    for l in &lines {
        assert_eq!(l["tool"], "zhengban");
        assert_eq!(l["version"], env!("CARGO_PKG_VERSION"));
        assert!(
            l["source"].as_str().unwrap().starts_with("报送材料/单位"),
            "{l}"
        );
    }
    let empty = lines
        .iter()
        .find(|l| l["source"] == "报送材料/单位2")
        .expect("the folder without a ledger is listed by its source");
    assert_eq!(empty["files"], serde_json::json!([]));
}

/// A unit kept in three workbooks, named together (a clerk drops them together, or the
/// shell expands `*.xlsx`), is one unit, as the same files in a folder are: the files state
/// one 单位名称 and each holds tables the others lack. `--unit-per-file` still splits them.
#[test]
fn workbooks_named_together_that_complement_each_other_are_one_unit() {
    let d = tempfile::tempdir().unwrap();
    let split = root().join("samples/shuanglong-split");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&split).unwrap() {
        let p = entry.unwrap().path();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        std::fs::copy(&p, d.path().join(&name)).unwrap();
        names.push(name);
    }
    names.sort();
    assert_eq!(names.len(), 3);
    let mut args = vec!["check", "--as-of", AS_OF, "--format", "json"];
    args.extend(names.iter().map(String::as_str));
    let out = zhengban(d.path(), &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), 1, "{units:#?}");
    assert_eq!(units[0]["unit"], "丰都县双龙镇人民政府");
    assert_eq!(units[0]["files"].as_array().unwrap().len(), 3);
    assert_eq!(units[0]["diagnostics"].as_array().unwrap().len(), 0);

    let mut per_file = vec![
        "check",
        "--as-of",
        AS_OF,
        "--format",
        "json",
        "--unit-per-file",
    ];
    per_file.extend(names.iter().map(String::as_str));
    let out = zhengban(d.path(), &per_file);
    assert_eq!(out.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 3);

    // dropped together: one report, named after the unit, beside the files
    let mut dropped = vec!["--as-of", AS_OF];
    dropped.extend(names.iter().map(String::as_str));
    let out = zhengban(d.path(), &dropped);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(d.path().join("丰都县双龙镇人民政府.诊断.html").is_file());
    assert_eq!(stdout(&out).matches("━━").count(), 2, "{}", stdout(&out));
}

/// Files named together are joined only on evidence: two offices' ledgers stay two units,
/// and so do two copies of one ledger (their tables repeat each other, they do not
/// complement each other).
#[test]
fn workbooks_named_together_stay_apart_without_evidence() {
    let d = tempfile::tempdir().unwrap();
    std::fs::copy(root().join(CLEAN), d.path().join("双龙镇.xlsx")).unwrap();
    std::fs::copy(root().join(CLEAN), d.path().join("双龙镇 - 副本.xlsx")).unwrap();
    std::fs::copy(root().join(FAULTY), d.path().join("教育局.xlsx")).unwrap();
    let out = zhengban(
        d.path(),
        &[
            "check",
            "--as-of",
            AS_OF,
            "--format",
            "json",
            "双龙镇.xlsx",
            "双龙镇 - 副本.xlsx",
            "教育局.xlsx",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let files: Vec<usize> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["files"].as_array().unwrap().len())
        .collect();
    assert_eq!(files, vec![1, 1, 1]);
}

/// In a round of submissions each entry is one unit however it is foldered: a unit folder
/// holding its ledger, last year's copy in a sub-folder and a folder of stamped scans is one
/// unit, not three; the old copy and a "- 副本" sent beside the original are set aside with
/// one note each (ZB015) instead of every table reported twice.
#[test]
fn a_submission_is_one_unit_however_it_is_foldered() {
    let d = tempfile::tempdir().unwrap();
    let round = d.path().join("报送材料");
    let a = round.join("双龙镇");
    copy_dir(&root().join("tests/fixtures/copies"), &a);
    let b = round.join("教育局");
    std::fs::create_dir_all(&b).unwrap();
    std::fs::copy(root().join(FAULTY), b.join("台账.xlsx")).unwrap();
    std::fs::copy(root().join(FAULTY), b.join("台账 - 副本.xlsx")).unwrap();
    std::fs::copy(root().join(CLEAN), round.join("城关镇.xlsx")).unwrap();
    let out = zhengban(
        d.path(),
        &["check", "报送材料", "--as-of", AS_OF, "--format", "json"],
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let units = v["units"].as_array().unwrap();
    let summary: Vec<(String, Vec<String>)> = units
        .iter()
        .map(|u| {
            let mut codes: Vec<String> = u["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
                .filter(|c| c.starts_with("ZB0"))
                .collect();
            codes.dedup();
            (u["source"].as_str().unwrap().to_string(), codes)
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            ("报送材料/双龙镇".to_string(), vec!["ZB015".to_string()]),
            ("报送材料/城关镇.xlsx".to_string(), vec![]),
            ("报送材料/教育局".to_string(), vec!["ZB015".to_string()]),
        ],
        "{units:#?}"
    );
    let copy = units[2]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "ZB015")
        .unwrap();
    assert_eq!(
        copy["file"], "报送材料/教育局/台账 - 副本.xlsx",
        "the original is read"
    );
    assert!(
        copy["message"].as_str().unwrap().contains("内容完全相同"),
        "{copy}"
    );

    // the unit folder named on its own is the same one unit
    let out = zhengban(
        d.path(),
        &[
            "check",
            "报送材料/双龙镇",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["units"].as_array().unwrap().len(), 1, "{v:#}");
    assert_eq!(out.status.code(), Some(0));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else {
            std::fs::copy(&p, &target).unwrap();
        }
    }
}

/// `--roster`: each unit of the inspector's list is matched to a submission by its folder
/// (the 文件夹 column), its full 单位名称 or a short name inside it; a roster unit that sent
/// nothing is a unit of its own with status `missing` and ZB011; a submission off the list,
/// or matching several units of it, gets ZB012 — never a guess.
#[test]
fn a_round_is_checked_against_the_roster() {
    let d = tempfile::tempdir().unwrap();
    let round = d.path().join("round");
    std::fs::create_dir_all(round.join("双龙镇")).unwrap();
    std::fs::copy(root().join(CLEAN), round.join("双龙镇/台账.xlsx")).unwrap();
    std::fs::copy(root().join(FAULTY), round.join("区教育局.xlsx")).unwrap();
    for folder in ["三合", "丰都县", "县林业局"] {
        std::fs::create_dir_all(round.join(folder)).unwrap();
        std::fs::write(round.join(folder).join("盖章页.pdf"), b"%PDF-1.4\n%%EOF\n").unwrap();
    }
    // the roster as an office keeps it: a title, then 序号 · 单位名称 · 文件夹
    let roster = d.path().join("名单.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    let rows: &[&[&str]] = &[
        &["2026年度软件正版化检查名单"],
        &["序号", "单位名称", "文件夹"],
        &["1", "丰都县双龙镇人民政府", ""],
        &["2", "某区教育局", ""],
        &["3", "丰都县三合街道办事处", "三合"],
        &["4", "丰都县许明寺镇人民政府", ""],
        &["5", "丰都县双路镇人民政府", ""],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write(r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&roster).unwrap();
    let out = zhengban(
        d.path(),
        &[
            "check",
            "round",
            "--roster",
            "名单.xlsx",
            "--as-of",
            AS_OF,
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let seen: Vec<(String, String, Vec<String>)> = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let codes: Vec<String> = u["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
                .filter(|c| c == "ZB011" || c == "ZB012")
                .collect();
            (
                u["unit"].as_str().unwrap().to_string(),
                u["status"].as_str().unwrap().to_string(),
                codes,
            )
        })
        .collect();
    let s = |a: &str, b: &str, c: &[&str]| {
        (
            a.to_string(),
            b.to_string(),
            c.iter().map(|x| x.to_string()).collect::<Vec<_>>(),
        )
    };
    assert_eq!(
        seen,
        vec![
            s("三合", "no-ledger", &[]),
            s("丰都县", "no-ledger", &["ZB012"]),
            s("某区教育局", "errors", &[]),
            s("县林业局", "no-ledger", &["ZB012"]),
            s("丰都县双龙镇人民政府", "clean", &[]),
            s("丰都县许明寺镇人民政府", "missing", &["ZB011"]),
            s("丰都县双路镇人民政府", "missing", &["ZB011"]),
        ],
        "{seen:#?}"
    );
    let text = stdout(&out);
    assert!(
        text.contains("丰都县 对得上名单中的 4 个单位") && text.contains("无法确定是哪一个"),
        "the short name 丰都县 is stated as ambiguous: {text}"
    );
}

/// A roster that cannot be used stops the run before anything is checked: exit 2 and why.
#[test]
fn an_unusable_roster_is_said_and_stops_the_run() {
    let d = tempfile::tempdir().unwrap();
    std::fs::write(d.path().join("无表头.csv"), "a,b\n1,2\n").unwrap();
    for (roster, why) in [
        ("不存在.xlsx", "无法读取名单 不存在.xlsx"),
        ("无表头.csv", "没有标题为“单位名称”的列"),
    ] {
        for command in ["check", "report"] {
            let mut args = vec![command, "--roster", roster, "--as-of", AS_OF];
            let clean = root().join(CLEAN);
            let clean = clean.to_str().unwrap();
            args.push(clean);
            if command == "report" {
                args.extend(["-o", "汇总.xlsx"]);
            }
            let out = zhengban(d.path(), &args);
            assert_eq!(out.status.code(), Some(2), "{command} {roster}");
            assert!(stderr(&out).contains(why), "{}", stderr(&out));
        }
    }
    assert!(!d.path().join("汇总.xlsx").exists());
}

/// A round already checked (`check --format jsonl`) is placed on the roster by `report` as
/// a checked unit is: by the folder it came from as well as the name it states.
#[test]
fn report_places_units_read_back_from_jsonl_by_their_folder() {
    let d = tempfile::tempdir().unwrap();
    let round = root().join("tests/fixtures/roster/round");
    let out = zhengban(
        d.path(),
        &[
            "check",
            round.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "--format",
            "jsonl",
            "-o",
            "上轮.jsonl",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let roster = root().join("tests/fixtures/roster/名单-文件夹.csv");
    let out = zhengban(
        d.path(),
        &[
            "report",
            "上轮.jsonl",
            "--roster",
            roster.to_str().unwrap(),
            "--as-of",
            AS_OF,
            "-o",
            "汇总.xlsx",
        ],
    );
    let text = stdout(&out);
    assert!(text.contains("共 2 个单位"), "{text}");
    assert!(
        !text.contains("未报送"),
        "the folder 双龙镇 is the roster's 城关镇 entry: {text}"
    );
}
