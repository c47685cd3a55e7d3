//! Acceptance on workbooks we did not write: files laid out like real offices' ledgers,
//! made with openpyxl (tests/foreign/make_foreign.py) and resaved by LibreOffice, each with
//! planted faults listed in a manifest. Every planted fault must be found at its cell, and
//! nothing else above info may be reported.

mod support;

use std::path::Path;

use serde_json::Value;
use zhengban::rules::{Severity, Target};

fn check_against_manifest(workbook: &Path, manifest: &Path) {
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    let as_of = manifest["as_of"].as_str().unwrap();
    let report = support::check_path(workbook, as_of);
    let found: Vec<(String, String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| match &d.target {
            Target::Cell(c) => (d.code.to_string(), c.sheet.to_string(), c.a1()),
            other => (
                d.code.to_string(),
                other.sheet().unwrap_or("").to_string(),
                String::new(),
            ),
        })
        .collect();
    let rendered = zhengban::render::text::render(&report.diagnostics);
    let mut matched = vec![false; found.len()];
    for e in manifest["expected"].as_array().unwrap() {
        let code = e["code"].as_str().unwrap();
        let sheet = e["sheet"].as_str().unwrap();
        let cells: Vec<&str> = e["cell"].as_str().unwrap().split('|').collect();
        let hit = found
            .iter()
            .position(|(c, s, a)| c == code && s == sheet && cells.contains(&a.as_str()));
        match hit {
            Some(i) => matched[i] = true,
            None => panic!(
                "{}: planted {code} at {sheet}!{} not found.\nDiagnostics:\n{rendered}",
                workbook.display(),
                cells.join("|")
            ),
        }
    }
    let extra: Vec<&(String, String, String)> = found
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(f, _)| f)
        .collect();
    assert!(
        extra.is_empty(),
        "{}: reported beyond the planted faults: {extra:?}\nDiagnostics:\n{rendered}",
        workbook.display()
    );
}

fn dir() -> &'static Path {
    Path::new("tests/foreign")
}

#[test]
fn county_statistics_bureau_xlsx() {
    check_against_manifest(
        &dir().join("county-statistics-bureau.xlsx"),
        &dir().join("county-statistics-bureau.json"),
    );
}

#[test]
fn city_approval_bureau_xlsx() {
    check_against_manifest(
        &dir().join("city-approval-bureau.xlsx"),
        &dir().join("city-approval-bureau.json"),
    );
}

/// The normalised model without the keys that name files.
fn model(path: &Path) -> Value {
    fn strip(v: Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .filter(|(k, _)| k != "file" && k != "files")
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.into_iter().map(strip).collect()),
            other => other,
        }
    }
    let unit = zhengban::ledger::read_unit(&zhengban::ledger::UnitSource {
        label: "x".into(),
        files: vec![path.to_path_buf()],
    });
    assert!(
        unit.unreadable.is_empty(),
        "{}: {:?}",
        path.display(),
        unit.unreadable
    );
    strip(zhengban::render::normalised::unit_json(&unit, true))
}

#[test]
fn district_education_bureau_xlsx() {
    check_against_manifest(
        &dir().join("district-education-bureau.xlsx"),
        &dir().join("district-education-bureau.json"),
    );
}

#[test]
fn libreoffice_resaves_read_the_same() {
    for name in [
        "county-statistics-bureau",
        "city-approval-bureau",
        "district-education-bureau",
    ] {
        let original = model(&dir().join(format!("{name}.xlsx")));
        for ext in ["xlsx", "xls", "ods"] {
            let resaved = dir().join(format!("resaved/{name}.lo.{ext}"));
            assert_eq!(model(&resaved), original, "{}", resaved.display());
            check_against_manifest(&resaved, &dir().join(format!("{name}.json")));
        }
    }
}
