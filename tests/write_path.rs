//! The write path, driven through the binary (issue 14, items 4 and 5): an interrupt leaves
//! no temporary file and keeps the outputs already in place; one unit whose copy cannot be
//! written never takes the batch or its report down; and any file name the OS allows (GBK
//! bytes from a Windows zip unpacked on Linux, 78 Chinese characters) is read, shown and
//! written from.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const AS_OF: &str = "2026-11-25";
/// A workbook no code of ours wrote (LibreOffice), and one with planted errors (openpyxl).
const CLEAN: &str = "tests/resaved/shuanglong-national.lo.xlsx";
const FAULTY: &str = "tests/foreign/district-education-bureau.xlsx";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn command(dir: &Path, args: &[&std::ffi::OsStr]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhengban"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

fn zhengban(dir: &Path, args: &[&str]) -> Output {
    let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
    command(dir, &args).output().expect("run zhengban")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Every file below `dir`, at any depth.
fn files_below(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(p);
            }
        }
    }
    out
}

/// The temporary files of outputs (`.zb…tmp`, or any `.tmp`) left below `dir`.
fn temporaries(dir: &Path) -> Vec<PathBuf> {
    files_below(dir)
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".tmp") || name.starts_with(".zb")
        })
        .collect()
}

/// Whether `bytes` is a whole zip (ends with the end-of-central-directory record).
fn whole_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK")
        && bytes.len() >= 22
        && bytes[bytes.len().saturating_sub(22 + 0xFFFF)..]
            .windows(4)
            .any(|w| w == b"PK\x05\x06")
}

/// A batch of `n` unit folders, each holding a copy of the clean workbook.
fn batch(dir: &Path, n: usize) -> PathBuf {
    let batch = dir.join("报送材料");
    let bytes = std::fs::read(root().join(CLEAN)).unwrap();
    for i in 0..n {
        let unit = batch.join(format!("单位{i:03}"));
        std::fs::create_dir_all(&unit).unwrap();
        std::fs::write(unit.join("台账.xlsx"), &bytes).unwrap();
    }
    batch
}

/// Ctrl-C (and SIGTERM) in the middle of a 300-unit `check --annotate DIR -o r.jsonl`:
/// the process ends with 130, no temporary file is left (neither a copy's nor the report's),
/// every copy already in place is whole, and the unfinished report is not there.
#[cfg(unix)]
#[test]
fn an_interrupt_removes_temporary_files_and_keeps_finished_outputs() {
    for signal in ["INT", "TERM"] {
        let dir = tempfile::tempdir().unwrap();
        batch(dir.path(), 300);
        let mut child = command(
            dir.path(),
            &[
                "check".as_ref(),
                "报送材料".as_ref(),
                "--annotate".as_ref(),
                "标注".as_ref(),
                "-o".as_ref(),
                "r.jsonl".as_ref(),
                "--format".as_ref(),
                "jsonl".as_ref(),
                "--as-of".as_ref(),
                AS_OF.as_ref(),
                "-j".as_ref(),
                "2".as_ref(),
            ],
        )
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zhengban");
        // Wait until the batch is under way: a copy is in place, so others are being
        // written and the report's temporary file exists.
        let copies = dir.path().join("标注");
        let start = Instant::now();
        let started = loop {
            let done = std::fs::read_dir(&copies)
                .map(|d| d.filter_map(Result::ok).any(|e| !is_temporary(&e.path())))
                .unwrap_or(false);
            if done {
                break true;
            }
            if start.elapsed() > Duration::from_secs(120) || child.try_wait().unwrap().is_some() {
                break false;
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        assert!(started, "no copy was written within two minutes");
        assert!(
            !temporaries(dir.path()).is_empty(),
            "the report is being written to a temporary file"
        );
        // The shell's own `kill`: no kill binary needs to be installed.
        let killed = Command::new("sh")
            .arg("-c")
            .arg(format!("kill -{signal} {}", child.id()))
            .status()
            .unwrap();
        assert!(killed.success());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(130), "{}", text(&out.stderr));
        assert!(
            text(&out.stderr).contains("已中断"),
            "{}",
            text(&out.stderr)
        );
        assert!(!text(&out.stderr).contains("panicked"));
        assert_eq!(
            temporaries(dir.path()),
            Vec::<PathBuf>::new(),
            "SIG{signal}"
        );
        assert!(!dir.path().join("r.jsonl").exists(), "an unfinished report");
        let kept: Vec<PathBuf> = files_below(&copies);
        assert!(!kept.is_empty(), "the copies in place are kept");
        for p in kept {
            assert!(
                whole_zip(&std::fs::read(&p).unwrap()),
                "{} is cut short",
                p.display()
            );
        }
    }
}

fn is_temporary(p: &Path) -> bool {
    let name = p.file_name().unwrap().to_string_lossy();
    name.ends_with(".tmp") || name.starts_with(".zb")
}

#[path = "hostile/build.rs"]
mod build;

/// The faulty workbook with a hyperlink that has no `ref` on its first sheet: read and
/// checked as always, but the workbook editor behind the annotated copy panics on it.
fn copy_breaker(path: &Path) {
    let bytes = std::fs::read(root().join(FAULTY)).unwrap();
    let mut parts = build::read_zip(&bytes).unwrap();
    let (_, sheet) = parts
        .iter_mut()
        .find(|(name, _)| name == "xl/worksheets/sheet1.xml")
        .unwrap();
    let xml = String::from_utf8(sheet.clone()).unwrap().replace(
        "</sheetData>",
        "</sheetData><hyperlinks><hyperlink r:id=\"rId99\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"/></hyperlinks>",
    );
    *sheet = xml.into_bytes();
    std::fs::write(path, build::write_zip(&parts)).unwrap();
}

/// The codes of each unit of a JSON Lines report.
fn codes_by_unit(jsonl: &str) -> Vec<(String, Vec<String>)> {
    jsonl
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).unwrap();
            let codes = v["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| d["code"].as_str().unwrap().to_string())
                .collect();
            (v["files"].to_string(), codes)
        })
        .collect()
}

/// A unit with a part the copy writer once choked on (a hyperlink without `ref`: the old
/// editor panicked) costs nothing: its findings are the same as without `--annotate`,
/// every unit's copy and the report are written, and no panic message is shown. (The
/// per-unit guard a panic would meet is tested in `base::panic` and `commands::annotate`.)
#[test]
fn a_copy_that_cannot_be_made_never_takes_the_batch_down() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("报送材料");
    for (unit, from) in [("甲", None), ("乙", Some(FAULTY)), ("丙", Some(CLEAN))] {
        std::fs::create_dir_all(batch.join(unit)).unwrap();
        let to = batch.join(unit).join(format!("{unit}台账.xlsx"));
        match from {
            Some(f) => drop(std::fs::copy(root().join(f), &to).unwrap()),
            None => copy_breaker(&to),
        }
    }
    let plain = zhengban(
        dir.path(),
        &[
            "check",
            "报送材料",
            "--format",
            "jsonl",
            "-o",
            "plain.jsonl",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(plain.status.code(), Some(1), "{}", text(&plain.stderr));
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "报送材料",
            "--annotate",
            "标注",
            "--format",
            "jsonl",
            "-o",
            "r.jsonl",
            "--as-of",
            AS_OF,
        ],
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(
        codes_by_unit(&read("r.jsonl")),
        codes_by_unit(&read("plain.jsonl"))
    );
    assert!(!read("r.jsonl").contains("内部出错"), "findings replaced");
    assert!(dir.path().join("标注/乙台账.诊断.xlsx").is_file(), "{err}");
    assert!(dir.path().join("标注/丙台账.诊断.xlsx").is_file(), "{err}");
    assert!(dir.path().join("标注/甲台账.诊断.xlsx").is_file(), "{err}");
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());

    // Drop mode: every unit's summary, page and copy.
    let o = zhengban(
        dir.path(),
        &[
            "报送材料/甲/甲台账.xlsx",
            "报送材料/乙/乙台账.xlsx",
            "报送材料/丙/丙台账.xlsx",
            "--as-of",
            AS_OF,
        ],
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = text(&o.stdout);
    assert_eq!(out.matches("错误 5").count(), 2, "{out}");
    for unit in ["甲", "乙", "丙"] {
        let page = batch.join(unit).join(format!("{unit}台账.诊断.html"));
        assert!(page.is_file(), "{}: {out}{err}", page.display());
    }
    for unit in ["甲", "乙", "丙"] {
        assert!(batch
            .join(unit)
            .join(format!("{unit}台账.诊断.xlsx"))
            .is_file());
    }
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
}

/// 78 Chinese characters: the copy's name (246 bytes) fits in 255, and so must the
/// temporary file it is written to first. Four more and the copy's name does not fit:
/// that is said in Chinese, with what to do, and nothing is left behind.
#[cfg(unix)]
#[test]
fn long_names_are_written_and_names_too_long_are_said_so() {
    let dir = tempfile::tempdir().unwrap();
    let stem = "台".repeat(78);
    std::fs::copy(root().join(CLEAN), dir.path().join(format!("{stem}.xlsx"))).unwrap();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            &format!("{stem}.xlsx"),
            "--annotate",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
    assert!(dir.path().join(format!("{stem}.诊断.xlsx")).is_file());

    let dir = tempfile::tempdir().unwrap();
    let stem = "台".repeat(82);
    std::fs::copy(root().join(CLEAN), dir.path().join(format!("{stem}.xlsx"))).unwrap();
    let o = zhengban(
        dir.path(),
        &[
            "check",
            &format!("{stem}.xlsx"),
            "--annotate",
            "--as-of",
            AS_OF,
        ],
    );
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("文件名太长（258 字节"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1, "{err}");
}

/// 台账.xlsx in GBK, as a Windows zip unpacked on UOS or Kylin leaves it.
#[cfg(unix)]
fn gbk_name() -> std::ffi::OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.xlsx").to_os_string()
}

/// A workbook whose name is not UTF-8 is read, as an argument and inside a batch folder,
/// and named with its bytes escaped in the human and the JSON report (the JSON string holds
/// the characters `\xCC`, i.e. `"\\xCC…"`); derive's copy and drop mode's page are named
/// from the same bytes.
#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_read_shown_and_written_from() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = gbk_name();
    std::fs::copy(root().join(FAULTY), dir.path().join(&name)).unwrap();
    let shown = "\\xCC\\xA8\\xD5\\xCB.xlsx";

    let args = |extra: &[&str]| -> Output {
        let mut all: Vec<&std::ffi::OsStr> = vec!["check".as_ref(), name.as_os_str()];
        all.extend(extra.iter().map(|a| std::ffi::OsStr::new(*a)));
        command(dir.path(), &all).output().unwrap()
    };
    let o = args(&["--as-of", AS_OF]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(out.contains(shown), "{out}");
    assert!(!out.contains('\u{FFFD}'), "{out}");
    assert!(out.contains("ZB405"), "{out}");

    let o = args(&["--as-of", AS_OF, "--format", "json"]);
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["units"][0]["files"][0], shown, "{doc}");

    // Inside a batch folder.
    let batch = dir.path().join("报送材料");
    std::fs::create_dir_all(batch.join("甲")).unwrap();
    std::fs::copy(root().join(FAULTY), batch.join("甲").join(&name)).unwrap();
    std::fs::create_dir_all(batch.join("乙")).unwrap();
    std::fs::copy(root().join(CLEAN), batch.join("乙/乙.xlsx")).unwrap();
    let o = zhengban(
        dir.path(),
        &["check", "报送材料", "--format", "jsonl", "--as-of", AS_OF],
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    let units = codes_by_unit(&text(&o.stdout));
    let gbk = units
        .iter()
        .find(|(files, _)| files.contains("甲"))
        .unwrap();
    assert!(gbk.0.contains("报送材料/甲/\\\\xCC"), "{units:?}");
    assert!(gbk.1.contains(&"ZB405".to_string()), "{units:?}");

    // derive: 台账.补填.xlsx with the input's bytes.
    let o = command(
        dir.path(),
        &[
            "derive".as_ref(),
            name.as_os_str(),
            "--as-of".as_ref(),
            AS_OF.as_ref(),
            "--force".as_ref(),
        ],
    )
    .output()
    .unwrap();
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{}",
        text(&o.stderr)
    );
    let derived = std::ffi::OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.\xe8\xa1\xa5\xe5\xa1\xab.xlsx");
    assert!(dir.path().join(derived).is_file(), "{}", text(&o.stdout));
    assert!(text(&o.stdout).contains("\\xCC\\xA8\\xD5\\xCB.补填.xlsx"));

    // Drop mode: the page beside it, named from the same bytes; the copy, or (until the
    // copy writer opens the path itself) a message that says why not, never "找不到".
    let o = command(
        dir.path(),
        &[name.as_os_str(), "--as-of".as_ref(), AS_OF.as_ref()],
    )
    .output()
    .unwrap();
    let err = text(&o.stderr);
    assert!(!err.contains("panicked"), "{err}");
    let copy = std::ffi::OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.\xe8\xaf\x8a\xe6\x96\xad.xlsx");
    if !dir.path().join(copy).exists() {
        assert!(
            err.contains("\\xCC\\xA8\\xD5\\xCB.xlsx 生成批注副本：它的文件名不是 UTF-8 编码"),
            "{err}"
        );
        assert!(!err.contains("找不到"), "{err}");
    }
    let page = std::ffi::OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.\xe8\xaf\x8a\xe6\x96\xad.html");
    assert!(dir.path().join(page).is_file(), "{}", text(&o.stdout));
    assert_eq!(temporaries(dir.path()), Vec::<PathBuf>::new());
}

/// The annotated copy of a workbook whose name is not UTF-8, named from its bytes, under
/// `check --annotate` and in drop mode.
#[cfg(unix)]
#[test]
fn the_copy_of_a_name_that_is_not_utf8_is_made() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = gbk_name();
    std::fs::copy(root().join(FAULTY), dir.path().join(&name)).unwrap();
    let copy = std::ffi::OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.\xe8\xaf\x8a\xe6\x96\xad.xlsx");
    let o = command(
        dir.path(),
        &[
            "check".as_ref(),
            name.as_os_str(),
            "--annotate".as_ref(),
            "标注".as_ref(),
            "--as-of".as_ref(),
            AS_OF.as_ref(),
        ],
    )
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(dir.path().join("标注").join(copy).is_file());
    assert!(text(&o.stderr).contains("\\xCC\\xA8\\xD5\\xCB.诊断.xlsx"));
    let o = command(
        dir.path(),
        &[name.as_os_str(), "--as-of".as_ref(), AS_OF.as_ref()],
    )
    .output()
    .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o.stderr));
    assert!(dir.path().join(copy).is_file());
}
