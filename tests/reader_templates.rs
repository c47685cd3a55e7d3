//! The reader recognises every table of the blank templates the tool writes, with every
//! column, and finds no data rows in them.

use std::path::PathBuf;

use zhengban::ledger::{read_unit, Unit, UnitSource};

fn read(path: PathBuf) -> Unit {
    read_unit(&UnitSource {
        label: "t".into(),
        files: vec![path],
    })
}

fn assert_all_tables(unit: &Unit) {
    assert!(unit.unreadable.is_empty(), "{:?}", unit.unreadable);
    assert_eq!(unit.leading_groups.len(), 1, "领导小组");
    assert_eq!(unit.pledges.len(), 1, "承诺书");
    assert_eq!(unit.demands.len(), 1, "需求申请表");
    assert_eq!(unit.purchase_plans.len(), 1, "采购计划表");
    assert_eq!(unit.statistics.len(), 1, "统计表");
    assert_eq!(unit.free_lists.len(), 1, "免费软件清单");
    assert_eq!(unit.summaries.len(), 1, "汇总表");
    assert_eq!(unit.usages.len(), 1, "明细表");
    assert_eq!(unit.maintenance.len(), 1, "安装维护情况明细表");
    assert_eq!(unit.maintenance_requests.len(), 1, "申请表");
    assert_eq!(unit.maintenance_confirms.len(), 1, "确认单");
    for (meta, _) in unit.tables() {
        assert!(
            meta.missing_columns.is_empty(),
            "{:?} lacks {:?}",
            meta.kind,
            meta.missing_columns
        );
        assert!(
            meta.unknown_columns.is_empty(),
            "{:?} has unknown {:?}",
            meta.kind,
            meta.unknown_columns
        );
    }
    let s = unit.summary().unwrap();
    assert!(s.rows.is_empty(), "blank summary rows: {}", s.rows.len());
    assert!(unit.usage().unwrap().rows.is_empty());
    assert!(unit.maintenance[0].events.is_empty());
    assert!(unit.invalid_values.is_empty(), "{:?}", unit.invalid_values);
    assert_eq!(unit.statistics[0].purchases.len(), 3 * 8);
    assert_eq!(unit.statistics[0].holdings.len(), 3 * 4);
}

#[test]
fn all_in_one_template() {
    let unit = read(PathBuf::from("templates-xlsx/正版软件管理台账模板.xlsx"));
    assert_all_tables(&unit);
}

#[test]
fn per_table_templates_as_one_folder_unit() {
    let sources = zhengban::ledger::discover(&[PathBuf::from("templates-xlsx")], false).unwrap();
    assert_eq!(sources.len(), 1);
    let files: Vec<PathBuf> = sources[0]
        .files
        .iter()
        .filter(|f| !f.to_string_lossy().contains("台账模板"))
        .cloned()
        .collect();
    assert_eq!(files.len(), 11);
    let unit = read_unit(&UnitSource {
        label: "t".into(),
        files,
    });
    assert_all_tables(&unit);
}
