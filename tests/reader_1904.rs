//! Dates of a workbook in the 1904 date system (Excel for Mac's old default, still set in
//! some templates) are the dates the clerk typed: the serials are 1,462 days smaller than in
//! the 1900 system, and calamine's own conversion undoes that.
//!
//! The fixture is tests/foreign/county-statistics-bureau.xlsx saved by openpyxl with the 1904
//! epoch (tests/fixtures/date1904/make.py): the same ledger, so it must read to the same model
//! and show the same planted faults.

mod support;

use std::path::Path;

use serde_json::Value;

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
    assert!(unit.unreadable.is_empty(), "{:?}", unit.unreadable);
    strip(zhengban::render::normalised::unit_json(&unit, true))
}

const ORIGINAL: &str = "tests/foreign/county-statistics-bureau.xlsx";
const IN_1904: &str = "tests/fixtures/date1904/county-statistics-bureau-1904.xlsx";

#[test]
fn a_1904_workbook_reads_to_the_same_ledger_as_its_1900_twin() {
    assert_eq!(model(Path::new(IN_1904)), model(Path::new(ORIGINAL)));
}

#[test]
fn a_1904_workbook_shows_the_planted_faults_and_nothing_else() {
    support::check_against_manifest(
        Path::new(IN_1904),
        Path::new("tests/foreign/county-statistics-bureau.json"),
    );
}

#[test]
fn date_cells_of_a_1904_workbook_hold_their_1900_serials() {
    let twin = zhengban::workbook::open(Path::new(IN_1904), "1904").unwrap();
    let original = zhengban::workbook::open(Path::new(ORIGINAL), "1900").unwrap();
    let mut dates = 0;
    for (a, b) in twin.sheets.iter().zip(&original.sheets) {
        for (ra, rb) in a.rows.iter().zip(&b.rows) {
            for (ca, cb) in ra.iter().zip(rb) {
                if let zhengban::workbook::Cell::Date(_) = cb {
                    assert_eq!(ca, cb, "{}", a.name);
                    dates += 1;
                }
            }
        }
    }
    assert!(dates > 20, "the fixture has date cells ({dates})");
}
