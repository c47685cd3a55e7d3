//! The binary as a child process under the limits of issue 8: a 2 GB address space (so a
//! huge allocation aborts the child, not the test), a wall-clock timeout that only detects
//! hangs, and what it printed, for the hostile corpus and the mutation test.
#![allow(dead_code)]

use std::ffi::OsString;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The address-space limit of the "done when" (`prlimit --as=2000000000`).
pub const ADDRESS_SPACE: u64 = 2_000_000_000;

/// How long one file may take before the child counts as hung. Not a speed test: a file
/// that is read at all is read in well under a second.
pub const HANG: Duration = Duration::from_secs(20);

/// The binary under test: the one cargo built for these tests, or `ZHENGBAN_TEST_BIN`
/// (to try the harness on another build, e.g. a release build of another branch).
pub fn binary() -> PathBuf {
    std::env::var_os("ZHENGBAN_TEST_BIN")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_BIN_EXE_zhengban")))
}

/// What a child did.
#[derive(Debug)]
pub struct Outcome {
    /// How it ended; `None` when it was killed for hanging.
    pub status: Option<ExitStatus>,
    /// Its standard output.
    pub stdout: Vec<u8>,
    /// Its standard error.
    pub stderr: Vec<u8>,
}

impl Outcome {
    /// The exit code, when it exited (rather than died of a signal or hung).
    pub fn code(&self) -> Option<i32> {
        self.status.and_then(|s| s.code())
    }

    /// Standard error as text.
    pub fn stderr_text(&self) -> String {
        String::from_utf8_lossy(&self.stderr).into_owned()
    }

    /// Why this run is not what a hostile input may cause (exit 0 or 1 within the timeout),
    /// or `None` when it is fine. A panic the reader's guard catches (the file becomes a
    /// ZB001) is not a crash; one that escapes exits 101 and is.
    pub fn fault(&self) -> Option<String> {
        use std::os::unix::process::ExitStatusExt;
        let err = self.stderr_text();
        let tail: String = err.trim().chars().take(600).collect();
        match self.status {
            None => Some("hung: killed after the timeout".into()),
            Some(s) => match (s.code(), s.signal()) {
                (_, Some(sig)) => Some(format!("killed by signal {sig}; stderr: {tail}")),
                (Some(0 | 1), _) => None,
                (code, _) => Some(format!("exit code {code:?}; stderr: {tail}")),
            },
        }
    }
}

/// Run the binary with `args` in `dir`, under the address-space limit, killed after
/// `timeout`. Colour is off (`NO_COLOR`), as in a pipe.
pub fn run(dir: &Path, args: &[OsString], timeout: Duration) -> Outcome {
    let prlimit = Path::new("/usr/bin/prlimit");
    assert!(
        prlimit.exists(),
        "prlimit (util-linux) is needed to run the binary under a memory limit"
    );
    let mut cmd = Command::new(prlimit);
    cmd.arg(format!("--as={ADDRESS_SPACE}"))
        .arg("--")
        .arg(binary())
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // A backtrace of an abort is long and slow to print; the test shows its own.
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("start zhengban under prlimit");
    // Drain both pipes while waiting, so a chatty child never blocks on a full pipe.
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait().expect("wait for zhengban") {
            Some(s) => break Some(s),
            None if start.elapsed() > timeout => {
                // prlimit execs the binary, so this pid is zhengban itself.
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    Outcome {
        status,
        stdout: out.join().unwrap_or_default(),
        stderr: err.join().unwrap_or_default(),
    }
}

/// `check --format jsonl` over `files`, each file its own unit.
pub fn check_jsonl(dir: &Path, files: &[PathBuf], timeout: Duration) -> Outcome {
    let mut args: Vec<OsString> = ["check", "--format", "jsonl", "--as-of", "2026-11-25"]
        .iter()
        .map(OsString::from)
        .collect();
    args.push("--unit-per-file".into());
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    run(dir, &args, timeout)
}

/// The unit objects of a jsonl output; an error names the first line that is not a JSON
/// object. Objects without `files` (a summary line, should one be added) are skipped.
pub fn units(stdout: &[u8]) -> Result<Vec<Value>, String> {
    let text = std::str::from_utf8(stdout).map_err(|e| format!("stdout is not UTF-8: {e}"))?;
    let mut units = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(line)
            .map_err(|e| format!("line {} is not JSON ({e}): {line:.200}", n + 1))?;
        if !v.is_object() {
            return Err(format!("line {} is not a JSON object: {line:.200}", n + 1));
        }
        if v.get("files").is_some() {
            units.push(v);
        }
    }
    Ok(units)
}

/// The files a unit object names.
pub fn unit_files(unit: &Value) -> Vec<String> {
    unit["files"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|f| f.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// Whether the path as the output shows it is `file` (the output may show it relative, or
/// with the folders it was given with).
pub fn names(shown: &str, file: &Path) -> bool {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !name.is_empty() && Path::new(shown).file_name().and_then(|n| n.to_str()) == Some(name)
}

/// The ZB001 diagnostics of a unit about `file`: (message, file as shown).
pub fn zb001(unit: &Value, file: &Path) -> Vec<String> {
    unit["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] == "ZB001")
        .filter(|d| d["file"].as_str().is_some_and(|f| names(f, file)))
        .filter_map(|d| d["message"].as_str().map(str::to_string))
        .collect()
}

/// Check a jsonl outcome over `files` (each its own unit): exit 0/1, output parses, and
/// each file is in exactly one unit. Returns the units, or what is wrong.
pub fn verify(outcome: &Outcome, files: &[PathBuf]) -> Result<Vec<Value>, String> {
    if let Some(f) = outcome.fault() {
        return Err(f);
    }
    let units = units(&outcome.stdout)?;
    for f in files {
        let n = units
            .iter()
            .filter(|u| unit_files(u).iter().any(|s| names(s, f)))
            .count();
        if n != 1 {
            return Err(format!(
                "{} is in {n} units of the output, not 1",
                f.display()
            ));
        }
    }
    Ok(units)
}
