//! The terminal output follows the width it is given (`COLUMNS`, as a terminal of that size
//! would): `check` and drop mode run at 80 and 160 columns on the faulty samples and on a
//! workbook whose ZB405 lists five long 计算机编号; no line is wider than the terminal
//! (counted as a terminal counts, CJK two columns), and no 计算机编号 or 软件编号 is cut in two
//! across lines. Without `COLUMNS` and without a terminal the fixed width stays.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use unicode_width::UnicodeWidthStr;

const LONG: &str = "tests/fixtures/width/long-computer-numbers.xlsx";

fn run(dir: &Path, args: &[&str], columns: Option<usize>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhengban"));
    cmd.args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("ZHENGBAN_PAUSE")
        .env_remove("COLUMNS")
        .stdin(Stdio::null());
    if let Some(c) = columns {
        cmd.env("COLUMNS", c.to_string());
    }
    cmd.output().expect("run zhengban")
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The numbers the diagnostics of `path` speak of (computer and software numbers in their
/// messages, as JSON gives them whole).
fn items(path: &str) -> BTreeSet<String> {
    let o = run(
        root(),
        &["check", path, "--as-of", "2026-11-25", "--format", "json"],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let number = regex::Regex::new(r"[A-Za-z]+(?:-[A-Za-z0-9]+)+|[A-Z]{2,}\d+").unwrap();
    let mut found = BTreeSet::new();
    let mut texts = Vec::new();
    for unit in json["units"].as_array().unwrap() {
        for d in unit["diagnostics"].as_array().unwrap() {
            texts.push(d["message"].as_str().unwrap_or_default().to_string());
            texts.push(d["help"].as_str().unwrap_or_default().to_string());
            for r in d["related"].as_array().into_iter().flatten() {
                texts.push(r["message"].as_str().unwrap_or_default().to_string());
            }
        }
    }
    for t in texts {
        found.extend(number.find_iter(&t).map(|m| m.as_str().to_string()));
    }
    assert!(!found.is_empty(), "{path}: no numbers in the messages");
    found
}

/// A line's text after what miette and the summary draw before it.
fn text_start(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c.is_whitespace() || ('\u{2500}'..='\u{257f}').contains(&c) || "×▶☞·│".contains(c)
    })
}

fn assert_fits(out: &str, width: usize, items: &BTreeSet<String>, what: &str) {
    for line in out.lines() {
        assert!(
            line.width() <= width,
            "{what}: {} columns at {width}:\n{line}\n\n{out}",
            line.width()
        );
    }
    let lines: Vec<&str> = out.lines().collect();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0].trim_end(), text_start(pair[1]));
        for item in items {
            for k in 1..item.len() {
                assert!(
                    !(a.ends_with(&item[..k]) && b.starts_with(&item[k..])),
                    "{what}: {item} cut across lines at {width}:\n{}\n{}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }
}

#[test]
fn check_wraps_to_the_width_without_cutting_a_number() {
    for path in [LONG, "samples/faulty"] {
        let items = items(path);
        for width in [80, 160] {
            let o = run(
                root(),
                &["check", path, "--as-of", "2026-11-25"],
                Some(width),
            );
            assert_eq!(o.status.code(), Some(1));
            let out = String::from_utf8(o.stdout).unwrap();
            assert_fits(&out, width, &items, path);
        }
    }
}

#[test]
fn a_wide_terminal_gets_long_lines_and_a_narrow_one_short() {
    let at = |w| {
        let o = run(root(), &["check", LONG, "--as-of", "2026-11-25"], Some(w));
        String::from_utf8(o.stdout).unwrap()
    };
    let widest = |s: &str| s.lines().map(|l| l.width()).max().unwrap();
    let (narrow, fixed, wide) = (at(80), at(100), at(160));
    assert!(widest(&narrow) <= 80);
    assert!(widest(&wide) > 100, "160 columns are used:\n{wide}");
    // The five numbers of ZB405 take three lines at 80 columns and two at 160.
    let lines_of = |s: &str| {
        s.lines()
            .skip_while(|l| !l.contains("× 安装数量 6"))
            .take_while(|l| !l.contains('╭'))
            .count()
    };
    assert!(lines_of(&narrow) > lines_of(&wide), "{narrow}\n{wide}");
    // Without COLUMNS and with standard output a pipe, the fixed width of 100 stays.
    let piped = run(root(), &["check", LONG, "--as-of", "2026-11-25"], None);
    assert_eq!(String::from_utf8(piped.stdout).unwrap(), fixed);
}

#[test]
fn the_drop_summary_wraps_to_the_width() {
    let items = items(LONG);
    for width in [80, 160] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(root().join(LONG), dir.path().join("台账.xlsx")).unwrap();
        let o = run(
            dir.path(),
            &["台账.xlsx", "--as-of", "2026-11-25"],
            Some(width),
        );
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8(o.stdout).unwrap();
        assert_fits(&out, width, &items, "drop");
        for n in 31..=35 {
            assert!(
                out.contains(&format!("SHUANGLONG-TOWN-GOV-OFFICE-PC-0{n}")),
                "the summary lists every number whole:\n{out}"
            );
        }
    }
}

/// `--quiet`: one line per unit with errors when it fits, the unit's place and codes on the
/// next line when it does not — never a path broken by the terminal.
#[test]
fn quiet_lines_fit_the_width() {
    let items = items("samples/faulty");
    for width in [80, 160] {
        let o = run(
            root(),
            &[
                "check",
                "samples/faulty",
                "--as-of",
                "2026-11-25",
                "--quiet",
            ],
            Some(width),
        );
        assert_eq!(o.status.code(), Some(1));
        let out = String::from_utf8(o.stdout).unwrap();
        assert_fits(&out, width, &items, "samples/faulty --quiet");
        assert!(out.contains("samples/faulty/"), "{out}");
    }
}
