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
        let killed = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(child.id().to_string())
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
