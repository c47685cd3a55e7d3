//! Each faulty sample (the clean unit with planted mistakes, written by the sample
//! generator) reports its faults at the right cells, nothing more, and `check` exits 1.

mod support;

use std::path::Path;
use std::process::Command;

const FAULTY: &str = "samples/faulty";

fn variants() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(FAULTY)
        .unwrap()
        .filter_map(|e| {
            let p = e.unwrap().path();
            p.is_dir()
                .then(|| p.file_name().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

#[test]
fn planted_faults_are_found_at_their_cells() {
    let names = variants();
    assert_eq!(names.len(), 3);
    for name in names {
        let workbook = Path::new(FAULTY).join(&name).join(format!("{name}.xlsx"));
        let manifest = Path::new(FAULTY).join(format!("{name}.json"));
        support::check_against_manifest(&workbook, &manifest);
    }
}

#[test]
fn the_faulty_folder_is_a_batch_that_exits_1() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args([
            "check",
            FAULTY,
            "--as-of",
            "2026-11-25",
            "--format",
            "jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), 3, "one unit per sub-folder");
    for line in lines {
        let unit: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(
            unit["counts"]["error"].as_u64().unwrap() + unit["counts"]["warning"].as_u64().unwrap()
                >= 3
        );
    }
}
