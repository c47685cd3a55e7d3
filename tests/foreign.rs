//! Acceptance on workbooks we did not write: files laid out like real offices' ledgers,
//! made with openpyxl (tests/foreign/make_foreign.py) and resaved by LibreOffice, each with
//! planted faults listed in a manifest. Every planted fault must be found at its cell, and
//! nothing else above info may be reported.

mod support;

use support::check_against_manifest;

use std::path::Path;

use serde_json::Value;

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
