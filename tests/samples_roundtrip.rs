//! The committed samples (`samples/`): each layout of the same unit reads back as the model
//! computed from the dataset, with nothing unread along the way, and the files are exactly
//! what the generator writes today.
//!
//! The generator's modules are compiled in here rather than run through a nested
//! `cargo run --example`, so the freshness check needs no second cargo and works under any
//! profile or target directory CI picks.

#[path = "../examples/make_samples/dataset.rs"]
mod dataset;
#[path = "../examples/make_samples/expected.rs"]
mod expected;
#[path = "../examples/make_samples/faults.rs"]
mod faults;
#[path = "../examples/make_samples/layouts.rs"]
mod layouts;

use std::path::{Path, PathBuf};

use serde_json::Value;
use zhengban::ledger::{discover, read_unit, Unit};
use zhengban::render::normalised::unit_json;

const REGENERATE: &str = "run `cargo run --example make_samples` and commit samples/";

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Drop the keys that say where a table was found: they differ between layouts.
fn strip_locations(v: &mut Value) {
    match v {
        Value::Object(m) => {
            for key in ["file", "sheet", "files"] {
                m.remove(key);
            }
            m.values_mut().for_each(strip_locations);
        }
        Value::Array(a) => a.iter_mut().for_each(strip_locations),
        _ => {}
    }
}

/// The JSON pointer of the first place where `actual` differs from `expected`, with both
/// values, or `None` when they are equal.
fn first_difference(expected: &Value, actual: &Value, pointer: &str) -> Option<String> {
    let show = |v: Option<&Value>| v.map_or("(missing)".to_string(), Value::to_string);
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            let mut keys: Vec<&String> = e.keys().chain(a.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|k| {
                let at = format!("{pointer}/{k}");
                match (e.get(k), a.get(k)) {
                    (Some(x), Some(y)) => first_difference(x, y, &at),
                    (x, y) => Some(format!("{at}: expected {}, read {}", show(x), show(y))),
                }
            })
        }
        (Value::Array(e), Value::Array(a)) => e
            .iter()
            .zip(a)
            .enumerate()
            .find_map(|(i, (x, y))| first_difference(x, y, &format!("{pointer}/{i}")))
            .or_else(|| {
                (e.len() != a.len())
                    .then(|| format!("{pointer}: expected {} items, read {}", e.len(), a.len()))
            }),
        _ if expected == actual => None,
        _ => Some(format!("{pointer}: expected {expected}, read {actual}")),
    }
}

fn read_layout(path: &Path) -> Unit {
    let sources = discover(&[path.to_path_buf()], false).expect("samples are listable");
    assert_eq!(sources.len(), 1, "{} is one unit", path.display());
    read_unit(&sources[0])
}

/// Everything the reader met was understood: no unreadable file or value, no unknown or
/// missing column, no formula without a value.
fn assert_fully_read(unit: &Unit, layout: &str) {
    assert!(
        unit.unreadable.is_empty(),
        "{layout}: {:?}",
        unit.unreadable
    );
    assert!(
        unit.invalid_values.is_empty(),
        "{layout}: unreadable values {:#?}",
        unit.invalid_values
    );
    assert!(unit.formula_problems.is_empty(), "{layout}");
    for (meta, _) in unit.tables() {
        assert!(
            meta.unknown_columns.is_empty() && meta.missing_columns.is_empty(),
            "{layout} › {}: unknown {:?}, missing {:?}",
            meta.sheet,
            meta.unknown_columns,
            meta.missing_columns
        );
    }
    for (kind, count) in [
        ("summary", unit.summaries.len()),
        ("usage", unit.usages.len()),
        ("free list", unit.free_lists.len()),
        ("statistics", unit.statistics.len()),
        ("purchase plan", unit.purchase_plans.len()),
        ("demand", unit.demands.len()),
        ("leading group", unit.leading_groups.len()),
        ("pledge", unit.pledges.len()),
        ("request", unit.maintenance_requests.len()),
        ("confirmation", unit.maintenance_confirms.len()),
    ] {
        assert_eq!(count, 1, "{layout}: {kind} tables");
    }
}

fn check_layout(name: &str) {
    let expected_path = samples().join(expected::PATH);
    let text = std::fs::read_to_string(&expected_path).expect("expected model is committed");
    let expected: Value = serde_json::from_str(&text).expect("expected model is JSON");
    let unit = read_layout(&samples().join(name));
    assert_fully_read(&unit, name);
    let mut actual = unit_json(&unit, false);
    strip_locations(&mut actual);
    if let Some(diff) = first_difference(&expected, &actual, "") {
        panic!(
            "{name} does not read back as {}:\n{diff}",
            expected_path.display()
        );
    }
}

#[test]
fn national_layout_reads_back_as_the_dataset() {
    check_layout(layouts::NATIONAL);
}

#[test]
fn biao_layout_reads_back_as_the_dataset() {
    check_layout(layouts::BIAO);
}

#[test]
fn split_layout_reads_back_as_the_dataset() {
    check_layout(layouts::SPLIT);
    assert_eq!(read_layout(&samples().join(layouts::SPLIT)).files.len(), 3);
}

/// Every file under `dir`, relative to it, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    fn walk(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable directory") {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                walk(&path, base, out);
            } else {
                out.push(path.strip_prefix(base).expect("under base").to_path_buf());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

#[test]
fn committed_samples_are_what_the_generator_writes() {
    let tmp = tempfile::tempdir().expect("temporary directory");
    let unit = dataset::unit();
    layouts::write_all(&unit, tmp.path()).expect("layouts are written");
    expected::write(&unit, tmp.path()).expect("expected model is written");
    faults::write(&unit, tmp.path()).expect("faulty samples are written");
    let generated = files_under(tmp.path());
    // samples/custom-layout and samples/round are written by their own scripts (an office's
    // layout the reader cannot place without zhengban.toml; a round of submissions made
    // with openpyxl), not by this generator.
    let committed: Vec<PathBuf> = files_under(&samples())
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .filter(|p| !p.starts_with("custom-layout") && !p.starts_with("round"))
        .collect();
    assert_eq!(
        committed, generated,
        "samples/ holds other files: {REGENERATE}"
    );
    for file in &generated {
        let fresh = std::fs::read(tmp.path().join(file)).expect("generated file");
        let old = std::fs::read(samples().join(file)).expect("committed file");
        assert!(
            fresh == old,
            "samples/{} is stale: {REGENERATE}",
            file.display()
        );
    }
}

#[test]
fn first_difference_names_the_pointer() {
    let a: Value = serde_json::json!({"rows": [{"id": "RJ001", "n": 1}], "x": null});
    let b: Value = serde_json::json!({"rows": [{"id": "RJ001", "n": 2}], "x": null});
    assert_eq!(first_difference(&a, &a, ""), None);
    assert_eq!(
        first_difference(&a, &b, "").as_deref(),
        Some("/rows/0/n: expected 1, read 2")
    );
    let mut with_location =
        serde_json::json!({"files": [], "summary": {"file": "f", "sheet": "s"}});
    strip_locations(&mut with_location);
    assert_eq!(with_location, serde_json::json!({"summary": {}}));
}
