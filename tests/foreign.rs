//! Acceptance on workbooks we did not write: files laid out like real offices' ledgers,
//! made with openpyxl (tests/foreign/make_foreign.py) and resaved by LibreOffice, each with
//! planted faults listed in a manifest. Every planted fault must be found at its cell, and
//! nothing else above info may be reported. Where the generator also wrote the model the
//! reader must make of a workbook (`NAME.model.json`), the reader's model must be exactly that.

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

/// The ledgers of a model, the part `NAME.model.json` states.
fn ledgers(model: &Value) -> Value {
    let mut out = serde_json::Map::new();
    for key in ["summary", "usage", "maintenance", "free_list"] {
        out.insert(key.into(), model[key].clone());
    }
    Value::Object(out)
}

/// The reader's model of a workbook equals the one its generator wrote down.
fn reads_as_expected(name: &str) {
    let path = dir().join(format!("{name}.model.json"));
    let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let got = ledgers(&model(&dir().join(format!("{name}.xlsx"))));
    let expected = ledgers(&expected);
    if got != expected {
        // Point at the first table and row that differ, not at two pages of JSON.
        for key in ["summary", "usage", "maintenance", "free_list"] {
            assert_eq!(
                serde_json::to_string_pretty(&got[key]).unwrap(),
                serde_json::to_string_pretty(&expected[key]).unwrap(),
                "{name}: {key} differs from {}",
                path.display()
            );
        }
    }
}

#[test]
fn county_water_bureau_generator_layout() {
    reads_as_expected("county-water-bureau");
    check_against_manifest(
        &dir().join("county-water-bureau.xlsx"),
        &dir().join("county-water-bureau.json"),
    );
}

#[test]
fn city_ecology_bureau_java_system_layout() {
    reads_as_expected("city-ecology-bureau");
    check_against_manifest(
        &dir().join("city-ecology-bureau.xlsx"),
        &dir().join("city-ecology-bureau.json"),
    );
}

#[test]
fn libreoffice_resaves_read_the_same() {
    for name in [
        "county-statistics-bureau",
        "city-approval-bureau",
        "district-education-bureau",
        "county-water-bureau",
        "city-ecology-bureau",
    ] {
        let original = model(&dir().join(format!("{name}.xlsx")));
        for ext in ["xlsx", "xls", "ods"] {
            let resaved = dir().join(format!("resaved/{name}.lo.{ext}"));
            assert_eq!(model(&resaved), original, "{}", resaved.display());
            check_against_manifest(&resaved, &dir().join(format!("{name}.json")));
        }
    }
}
