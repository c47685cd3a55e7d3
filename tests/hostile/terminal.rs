//! Terminal injection (issue 8 §3): cell text, a sheet name and file names carrying escape
//! sequences (window title, clear screen, an OSC-8 link), BEL, NUL, C1 controls, DEL and
//! bidi overrides reach `human` and `text` output only escaped (`\u{1b}`), whatever the
//! format; with colour on, the only escape sequences are our own colour codes.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::child;
use super::support::{Book, SUMMARY};

const TITLE: &str = "\x1b]0;pwned\x07";
const CLEAR: &str = "\x1b[2J";
const LINK: &str = "\x1b]8;;http://evil.example/\x1b\\点我\x1b]8;;\x1b\\";
/// Everything at once, for cells and the sheet name.
const ALL: &str = "\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example/\x1b\\点我\x1b]8;;\x1b\\\x07\0\u{202e}\u{2066}\u{200f}\u{9b}\x7f\n";
/// File names cannot hold NUL or `/`: the link points nowhere in particular.
const FILE_LINK: &str = "\x1b]8;;file:x\x1b\\链接\x1b]8;;\x1b\\";

/// Characters that must not reach a terminal from the input (render/escape.rs).
fn unsafe_char(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

/// A unit whose summary sheet carries the payloads in its name, in the unit name, in a
/// software name on a row with a planted fault (ZB111, so the grid shows the row) and in a
/// date (ZB006 quotes it); saved under a hostile file name, beside an unreadable file with
/// another (ZB001 names the file).
fn hostile_unit(dir: &Path) -> Vec<PathBuf> {
    let mut b = Book::clean();
    b.set(
        SUMMARY,
        "A2",
        &format!("单位名称（盖章）：测试县{}审计局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日", ALL.trim_end()),
    )
    .set(SUMMARY, "C7", &format!("WPS{ALL}Office 2019"))
    .set(SUMMARY, "I7", "#2")
    .set("RJ002", "G6", "#2")
    .set(SUMMARY, "F8", &format!("2024{CLEAR}年1月10日{TITLE}"));
    b.sheet_mut(SUMMARY).name = "汇总表PAYLOAD".into();
    let good = dir.join(format!("台账{TITLE}{CLEAR}{FILE_LINK}\u{202e}xslx.xlsx"));
    b.write(&good);
    // Sheet names cannot hold `[ ] / \` in a spreadsheet program; a hostile file has them
    // anyway: put the payload into workbook.xml directly.
    let bytes = std::fs::read(&good).unwrap();
    let mut entries = super::build::read_zip(&bytes).expect("a zip");
    for (name, data) in entries.iter_mut() {
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(data.clone()).unwrap();
            assert!(text.contains("PAYLOAD"));
            *data = text.replace("PAYLOAD", ALL).into_bytes();
        }
    }
    std::fs::write(&good, super::build::write_zip(&entries)).unwrap();
    let bad = dir.join(format!("坏{CLEAR}\x07\u{202e}{LINK_FREE}.xlsx"));
    std::fs::write(&bad, b"PK\x03\x04 not really a zip").unwrap();
    vec![good, bad]
}

/// A harmless tail for the second file name (its OSC-8 link would need a `/`).
const LINK_FREE: &str = "\x1b]8;;x\x07";

fn check(dir: &Path, files: &[PathBuf], format: &str) -> child::Outcome {
    let mut args: Vec<OsString> = [
        "check",
        "--as-of",
        "2026-11-25",
        "--unit-per-file",
        "--format",
        format,
    ]
    .iter()
    .map(OsString::from)
    .collect();
    args.extend(files.iter().map(|f| f.as_os_str().to_owned()));
    let o = child::run(dir, &args, child::HANG);
    assert!(o.fault().is_none(), "{format}: {:?}", o.fault());
    o
}

/// The first unsafe characters of `out`, with some context, for the failure message.
fn first_unsafe(out: &str) -> Vec<String> {
    out.char_indices()
        .filter(|(_, c)| unsafe_char(*c))
        .take(5)
        .map(|(i, c)| {
            let from = out[..i].char_indices().rev().nth(20).map_or(0, |(j, _)| j);
            format!("{c:?} after {:?}", &out[from..i])
        })
        .collect()
}

#[test]
fn payloads_reach_the_model_but_not_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let files = hostile_unit(tmp.path());

    // The payloads really are read: the JSON (which escapes them itself) holds them raw.
    let json = check(tmp.path(), &files, "jsonl");
    let units = child::units(&json.stdout).expect("jsonl");
    let strings = {
        let mut v = Vec::new();
        collect_strings(&serde_json::Value::Array(units), &mut v);
        v
    };
    for needle in [TITLE, CLEAR, LINK, "\0", "\u{202e}", "\u{9b}"] {
        assert!(
            strings.iter().any(|s| s.contains(needle)),
            "{needle:?} never reached the output: the test would prove nothing"
        );
    }
    assert!(
        strings.iter().any(|s| s.contains(&format!("汇总表{ALL}"))),
        "sheet name"
    );

    for format in ["human", "text"] {
        let out = check(tmp.path(), &files, format);
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(!text.contains('\x1b'), "{format}: ESC with NO_COLOR");
        let bad = first_unsafe(&text);
        assert!(
            bad.is_empty(),
            "{format}: raw controls in the output: {bad:#?}"
        );
        // Shown, not dropped: the clerk sees that something odd is in the file.
        for shown in ["\\u{1b}]0;pwned\\u{7}", "\\u{1b}[2J", "\\u{202e}"] {
            assert!(
                text.contains(shown),
                "{format}: {shown} not shown in\n{text}"
            );
        }
    }
    let human = String::from_utf8(check(tmp.path(), &files, "human").stdout).unwrap();
    for shown in ["\\u{0}", "\\u{9b}", "\\u{7f}", "\\u{2066}", "\\u{200f}"] {
        assert!(
            human.contains(shown),
            "human: {shown} not shown in\n{human}"
        );
    }
}

fn collect_strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// On a terminal with colour the output holds escape sequences: only our colour codes
/// (`ESC [ digits ; … m`). Run through `script`, which gives the binary a pseudo-terminal.
#[test]
fn with_colour_the_only_sequences_are_ours() {
    let script = Path::new("/usr/bin/script");
    assert!(
        script.exists(),
        "script (util-linux) gives the binary a terminal"
    );
    let tmp = tempfile::tempdir().unwrap();
    hostile_unit(tmp.path());
    let out = std::process::Command::new(script)
        .args([
            "-qec",
            r#"exec "$ZHENGBAN" check --as-of 2026-11-25 --unit-per-file -- *.xlsx"#,
            "/dev/null",
        ])
        .current_dir(tmp.path())
        .env("ZHENGBAN", child::binary())
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run script");
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("错误"),
        "no report through the terminal:\n{text}"
    );
    let mut sequences = 0;
    let mut chars = text.chars().peekable();
    let mut seen = String::new();
    while let Some(c) = chars.next() {
        seen.push(c);
        if c == '\x1b' {
            let mut seq = String::new();
            while let Some(&d) = chars.peek() {
                seq.push(d);
                chars.next();
                if d.is_ascii_alphabetic() || seq.len() > 16 {
                    break;
                }
            }
            let ours = seq.starts_with('[')
                && seq.ends_with('m')
                && seq[1..seq.len() - 1]
                    .chars()
                    .all(|d| d.is_ascii_digit() || d == ';');
            let context: String = seen
                .chars()
                .rev()
                .take(30)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            assert!(ours, "foreign sequence ESC{seq:?} after {context:?}");
            sequences += 1;
        } else {
            // The pseudo-terminal turns each \n into \r\n.
            assert!(
                !unsafe_char(c) || c == '\r',
                "raw {c:?} after {:?}",
                seen.chars().rev().take(30).collect::<String>()
            );
        }
    }
    assert!(
        sequences > 0,
        "colour was off: the test proves nothing\n{text}"
    );
}
