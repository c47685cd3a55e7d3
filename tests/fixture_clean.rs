//! The clean fixture unit reads completely and triggers no diagnostic.

mod support;

use support::{Book, AS_OF};

#[test]
fn clean_fixture_is_read_completely() {
    let (report, _dir) = Book::clean().check_as_of(AS_OF);
    let unit = &report.unit;
    assert_eq!(unit.name, "测试县审计局");
    assert_eq!(unit.summary().unwrap().rows.len(), 4);
    assert_eq!(unit.usage().unwrap().rows.len(), 11);
    assert_eq!(unit.maintenance.len(), 4);
    assert_eq!(unit.free_list().unwrap().rows.len(), 1);
    assert!(unit.invalid_values.is_empty(), "{:?}", unit.invalid_values);
    for (meta, _) in unit.tables() {
        assert!(
            meta.missing_columns.is_empty(),
            "{:?}: {:?}",
            meta.kind,
            meta.missing_columns
        );
        assert!(
            meta.unknown_columns.is_empty(),
            "{:?}: {:?}",
            meta.kind,
            meta.unknown_columns
        );
    }
    let m = &unit.maintenance[1];
    assert_eq!(m.id(), Some("RJ002"));
    assert_eq!(m.events.len(), 3);
    assert_eq!(report.metrics.computers, 3);
    assert_eq!(report.metrics.users, 3);
}

#[test]
fn clean_fixture_has_no_diagnostics() {
    let text = Book::clean().diagnostics();
    assert_eq!(text, "", "{text}");
}
