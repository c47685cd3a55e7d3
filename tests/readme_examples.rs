//! The drop-mode, derive, inspect, configuration, roster and round examples in README.md are what the
//! binary prints today, run the way a clerk runs them: on a copy of an openpyxl-written
//! workbook, in its own folder (with the zhengban.toml the example puts beside it).
//! `ZHENGBAN_BLESS=1 cargo test --test readme_examples` rewrites them.

use std::path::Path;
use std::process::{Command, Stdio};

struct Example {
    /// The marker name in README.md: `<!-- example:NAME:begin -->`.
    name: &'static str,
    /// The workbook copied into an empty folder, and the name it gets there; a folder's
    /// contents are copied into it as they are (`file` is then unused).
    source: &'static str,
    file: &'static str,
    /// Arguments after the program name; the file is named by `file`.
    args: &'static [&'static str],
    /// The exit code the example must have.
    code: i32,
    /// Files that must exist in the folder afterwards.
    written: &'static [&'static str],
    /// Other files copied into the folder first (a zhengban.toml): (source, name).
    beside: &'static [(&'static str, &'static str)],
}

const EXAMPLES: &[Example] = &[
    Example {
        name: "round-check",
        source: "samples/round",
        file: "",
        args: &[
            "check",
            "2026年报送",
            "--roster",
            "名单.csv",
            "--as-of",
            "2026-11-25",
            "--select",
            "ZB011,ZB601,ZB603",
            "--format",
            "text",
        ],
        code: 1,
        written: &[],
        beside: &[],
    },
    Example {
        name: "round-report",
        source: "samples/round",
        file: "",
        args: &[
            "report",
            "2026年报送",
            "--roster",
            "名单.csv",
            "--previous",
            "2025年报送",
            "--as-of",
            "2026-11-25",
            "-o",
            "汇总.xlsx",
        ],
        code: 1,
        written: &["汇总.xlsx"],
        beside: &[],
    },
    Example {
        name: "drop-locked",
        source: "tests/fixtures/locked/丰都县双龙镇软件台账.xlsx",
        file: "丰都县双龙镇软件台账.xlsx",
        args: &["丰都县双龙镇软件台账.xlsx", "--as-of", "2026-11-25"],
        code: 0,
        written: &["丰都县双龙镇软件台账.诊断.xlsx"],
        beside: &[(
            "tests/fixtures/locked/~$县双龙镇软件台账.xlsx",
            "~$县双龙镇软件台账.xlsx",
        )],
    },
    Example {
        name: "roster",
        source: "tests/foreign/district-education-bureau.xlsx",
        file: "区教育局.xlsx",
        args: &[
            "check",
            "区教育局.xlsx",
            "--roster",
            "名单.csv",
            "--as-of",
            "2026-11-25",
            "--quiet",
        ],
        code: 1,
        written: &[],
        beside: &[("tests/fixtures/roster/名单.csv", "名单.csv")],
    },
    Example {
        name: "drop",
        source: "tests/foreign/district-education-bureau.xlsx",
        file: "区教育局台账.xlsx",
        args: &["区教育局台账.xlsx"],
        code: 1,
        written: &["区教育局台账.诊断.xlsx", "区教育局台账.诊断.html"],
        beside: &[],
    },
    Example {
        name: "derive",
        source: "tests/foreign/county-statistics-bureau.xlsx",
        file: "县统计局台账.xlsx",
        args: &["derive", "县统计局台账.xlsx", "--as-of", "2026-11-25"],
        code: 0,
        written: &["县统计局台账.补填.xlsx"],
        beside: &[],
    },
    Example {
        name: "inspect-own",
        source: "tests/layouts/coal-bureau.clean.xlsx",
        file: "煤炭局台账.xlsx",
        args: &["inspect", "煤炭局台账.xlsx", "--sheet", "台账一"],
        code: 0,
        written: &[],
        beside: &[],
    },
    Example {
        name: "inspect-misread",
        source: "samples/custom-layout/信息中心台账.xlsx",
        file: "信息中心台账.xlsx",
        args: &["inspect", "信息中心台账.xlsx", "--sheet", "登记"],
        code: 0,
        written: &[],
        beside: &[],
    },
    Example {
        name: "inspect-config",
        source: "samples/custom-layout/信息中心台账.xlsx",
        file: "信息中心台账.xlsx",
        args: &["inspect", "信息中心台账.xlsx", "--sheet", "登记"],
        code: 0,
        written: &[],
        beside: &[("samples/custom-layout/zhengban.toml", "zhengban.toml")],
    },
    Example {
        name: "check-config",
        source: "samples/custom-layout/信息中心台账.xlsx",
        file: "信息中心台账.xlsx",
        args: &["check", "信息中心台账.xlsx", "--as-of", "2026-11-25"],
        code: 0,
        written: &[],
        beside: &[("samples/custom-layout/zhengban.toml", "zhengban.toml")],
    },
    Example {
        name: "reality-draft",
        source: "tests/fixtures/inventory/office",
        file: "",
        args: &["convert", "清单", "--to", "xlsx", "-o", "台账草稿.xlsx"],
        code: 0,
        written: &["台账草稿.xlsx"],
        beside: &[],
    },
    Example {
        name: "reality-draft-check",
        source: "tests/fixtures/inventory/office",
        file: "",
        args: &["check", "台账草稿.xlsx", "--quiet", "--as-of", "2026-11-25"],
        code: 1,
        written: &[],
        beside: &[],
    },
    Example {
        name: "reality-reconcile",
        source: "tests/fixtures/inventory/office",
        file: "",
        args: &[
            "reconcile",
            "台账",
            "清单",
            "--map",
            "对照表.csv",
            "--as-of",
            "2026-11-25",
            "--annotate",
        ],
        code: 1,
        written: &["台账/青山县财政局软件台账.诊断.xlsx"],
        beside: &[],
    },
    Example {
        name: "reality-sample",
        source: "samples/shuanglong-national.xlsx",
        file: "双龙镇台账.xlsx",
        args: &[
            "sample",
            "双龙镇台账.xlsx",
            "--seed",
            "7",
            "-o",
            "抽查登记表.xlsx",
        ],
        code: 0,
        written: &["抽查登记表.xlsx"],
        beside: &[],
    },
    Example {
        name: "reality-spot-check",
        source: "samples/shuanglong-national.xlsx",
        file: "双龙镇台账.xlsx",
        args: &[
            "reconcile",
            "双龙镇台账.xlsx",
            "抽查登记表-已填.xlsx",
            "--as-of",
            "2026-11-25",
        ],
        code: 1,
        written: &[],
        beside: &[(
            "tests/fixtures/inventory/spot-check/抽查登记表-已填.xlsx",
            "抽查登记表-已填.xlsx",
        )],
    },
];

/// The command line shown in the README; drop mode runs with a fixed date so the example does
/// not change with the day, but the README shows it as a clerk types it.
fn shown(example: &Example) -> String {
    format!("$ zhengban {}", example.args.join(" "))
}

fn run(example: &Example, dir: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let source = root.join(example.source);
    if source.is_dir() {
        copy_into(&source, dir);
    } else {
        std::fs::copy(source, dir.join(example.file)).unwrap();
    }
    for (source, name) in example.beside {
        std::fs::copy(root.join(source), dir.join(name)).unwrap();
    }
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhengban"));
    cmd.current_dir(dir)
        .args(example.args)
        .env("NO_COLOR", "1")
        .env_remove("ZHENGBAN_PAUSE")
        // the README shows the fixed width of a pipe, whatever the caller's terminal
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    if example.name == "drop" {
        cmd.args(["--as-of", "2026-11-25"]);
    }
    // the draft checked is the one the walk-through's step before writes
    if example.name == "reality-draft-check" {
        let drafted = Command::new(env!("CARGO_BIN_EXE_zhengban"))
            .current_dir(dir)
            .args(["convert", "清单", "--to", "xlsx", "-o", "台账草稿.xlsx"])
            .output()
            .unwrap();
        assert!(drafted.status.success(), "{drafted:?}");
    }
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(example.code),
        "{}: {}",
        example.name,
        String::from_utf8_lossy(&out.stderr)
    );
    for f in example.written {
        assert!(dir.join(f).is_file(), "{}: {f} not written", example.name);
    }
    // what these commands say of their files goes to standard error, where a clerk sees it too
    let mut shown = String::new();
    if SAYS_ON_STDERR.contains(&example.name) {
        shown.push_str(&String::from_utf8(out.stderr).unwrap());
    }
    shown.push_str(&String::from_utf8(out.stdout).unwrap());
    shown
}

/// Examples whose standard error is part of what the README shows.
const SAYS_ON_STDERR: &[&str] = &["reality-draft", "reality-reconcile", "reality-sample"];

/// Copy a folder's contents, sub-folders and all, into `to`.
fn copy_into(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            std::fs::create_dir_all(&target).unwrap();
            copy_into(&path, &target);
        } else {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

#[test]
fn readme_drop_and_derive_examples_are_current() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&readme_path).unwrap();
    let bless = std::env::var("ZHENGBAN_BLESS").as_deref() == Ok("1");
    let mut stale = Vec::new();
    for example in EXAMPLES {
        let dir = tempfile::tempdir().unwrap();
        let block = format!(
            "```text\n{}\n{}```\n",
            shown(example),
            run(example, dir.path())
        );
        let begin = format!("<!-- example:{}:begin -->\n", example.name);
        let end = format!("<!-- example:{}:end -->", example.name);
        let start = readme.find(&begin).expect("begin marker") + begin.len();
        let stop = readme.find(&end).expect("end marker");
        if readme[start..stop] != block {
            stale.push(example.name);
            readme = format!("{}{}{}", &readme[..start], block, &readme[stop..]);
        }
    }
    if bless {
        std::fs::write(&readme_path, readme).unwrap();
        return;
    }
    assert!(
        stale.is_empty(),
        "README.md examples {stale:?} are out of date; run `ZHENGBAN_BLESS=1 cargo test --test readme_examples`"
    );
}
