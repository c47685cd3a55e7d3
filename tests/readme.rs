//! The example output in README.md is what `check` prints today. `ZHENGBAN_BLESS=1 cargo test
//! --test readme` rewrites it; any other value (`ZHENGBAN_BLESS=0`) only checks.

use std::process::Command;

const BEGIN: &str = "<!-- example:begin -->\n";
const END: &str = "<!-- example:end -->";
const ARGS: [&str; 4] = [
    "check",
    "tests/foreign/district-education-bureau.xlsx",
    "--as-of",
    "2026-11-25",
];

#[test]
fn readme_example_is_current() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(ARGS)
        .env("NO_COLOR", "1")
        // the README shows the fixed width of a pipe, whatever the caller's terminal
        .env_remove("COLUMNS")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the example has errors");
    let block = format!(
        "```text\n$ zhengban {}\n{}```\n",
        ARGS.join(" "),
        String::from_utf8(out.stdout).unwrap()
    );
    let readme = std::fs::read_to_string("README.md").unwrap();
    let start = readme.find(BEGIN).expect("begin marker") + BEGIN.len();
    let end = readme.find(END).expect("end marker");
    if std::env::var("ZHENGBAN_BLESS").as_deref() == Ok("1") {
        let updated = format!("{}{}{}", &readme[..start], block, &readme[end..]);
        std::fs::write("README.md", updated).unwrap();
        return;
    }
    assert!(
        readme[start..end] == block,
        "README.md example is out of date; run `ZHENGBAN_BLESS=1 cargo test --test readme`"
    );
}
