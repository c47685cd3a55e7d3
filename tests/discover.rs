//! What counts as a unit (cli.md): a workbook; a folder of workbooks; a folder of those is
//! a batch, every sub-folder of which is a unit whatever it holds.

use std::path::{Path, PathBuf};

use zhengban::ledger::discover::FileKind;
use zhengban::ledger::{discover, discover_units};

fn touch(p: &Path) {
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, b"x").unwrap();
}

#[test]
fn units_from_files_and_folders() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path();
    touch(&root.join("batch/甲单位.xlsx"));
    touch(&root.join("batch/乙单位/汇总表.xlsx"));
    touch(&root.join("batch/乙单位/明细表.xls"));
    touch(&root.join("batch/乙单位/说明.docx"));
    touch(&root.join("batch/乙单位/~$汇总表.xlsx"));
    touch(&root.join("batch/丙单位/台账.ods"));
    touch(&root.join("batch/空文件夹/readme.txt"));
    let units = discover(&[root.join("batch")], false).unwrap();
    let labels: Vec<&str> = units.iter().map(|u| u.label.as_str()).collect();
    assert_eq!(labels, vec!["丙单位", "乙单位", "甲单位", "空文件夹"]);
    let yi = units.iter().find(|u| u.label == "乙单位").unwrap();
    assert_eq!(
        yi.files.len(),
        2,
        "lock files and documents are not workbooks"
    );
    let found = discover_units(&[root.join("batch")], false);
    let yi = found
        .units
        .iter()
        .find(|u| u.source.label == "乙单位")
        .unwrap();
    // the lock file is no workbook of the unit, but says 汇总表.xlsx is open
    let kinds: Vec<FileKind> = yi.others.iter().map(|o| o.kind).collect();
    assert_eq!(kinds, vec![FileKind::Document, FileKind::Lock]);
    assert!(yi.others[1]
        .locks
        .as_deref()
        .is_some_and(|w| w.ends_with("汇总表.xlsx")));
    let empty = found
        .units
        .iter()
        .find(|u| u.source.label == "空文件夹")
        .unwrap();
    assert!(empty.source.files.is_empty());
    assert_eq!(empty.others[0].kind, FileKind::Text);

    let one = discover(&[root.join("batch/乙单位")], false).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].files.len(), 2);

    let per_file = discover(&[root.join("batch")], true).unwrap();
    assert_eq!(
        per_file.len(),
        5,
        "four workbooks and the folder without any"
    );

    let single = discover(&[PathBuf::from("samples/shuanglong-national.xlsx")], false).unwrap();
    assert_eq!(single.len(), 1);
}

#[test]
fn loose_files_in_a_batch() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("batch");
    touch(&root.join("单位1/台账.xlsx"));
    touch(&root.join("单位2.et"));
    touch(&root.join("通知.pdf"));
    let found = discover_units(std::slice::from_ref(&root), false);
    let labels: Vec<&str> = found
        .units
        .iter()
        .map(|u| u.source.label.as_str())
        .collect();
    assert_eq!(
        labels,
        ["单位1", "单位2"],
        "a WPS spreadsheet is a submission"
    );
    assert_eq!(found.units[1].others[0].kind, FileKind::WpsSpreadsheet);
    assert_eq!(found.skipped.len(), 1, "the notice is listed, not a unit");
    assert!(found.skipped[0].path.ends_with("通知.pdf"));
}

#[test]
fn a_batch_without_any_workbook_is_still_a_batch() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("batch");
    touch(&root.join("单位1/扫描件.pdf"));
    touch(&root.join("单位2/照片/1.jpg"));
    std::fs::create_dir_all(root.join("单位3")).unwrap();
    let found = discover_units(std::slice::from_ref(&root), false);
    let labels: Vec<&str> = found
        .units
        .iter()
        .map(|u| u.source.label.as_str())
        .collect();
    assert_eq!(labels, ["单位1", "单位2", "单位3"]);
    assert!(found.units[1].others[0].path.ends_with("照片/1.jpg"));
    assert_eq!(found.units[1].others[0].kind, FileKind::Image);
}

#[test]
fn a_file_named_twice_is_one_unit() {
    let d = tempfile::tempdir().unwrap();
    let a = d.path().join("a.xlsx");
    touch(&a);
    let dotted = d.path().join(".").join("a.xlsx");
    let units = discover(
        &[a.clone(), a.clone(), dotted, d.path().to_path_buf()],
        false,
    )
    .unwrap();
    assert_eq!(units.len(), 1, "{units:?}");
}

/// A submission is one unit however it is foldered (its scans and last year's copy in
/// sub-folders are its own), while a folder of categories (乡镇/, 部门/) holding units'
/// folders is a batch again.
#[test]
fn a_unit_folder_keeps_its_sub_folders_and_a_category_is_a_batch() {
    let d = tempfile::tempdir().unwrap();
    let root = d.path().join("报送");
    touch(&root.join("乡镇/城关镇/城关镇台账.xlsx"));
    touch(&root.join("乡镇/城关镇/2025年旧版/城关镇台账.xlsx"));
    touch(&root.join("乡镇/城关镇/盖章扫描件/第1页.pdf"));
    touch(&root.join("乡镇/三合街道/台账.xlsx"));
    touch(&root.join("部门/教育局/2026/台账.xlsx"));
    touch(&root.join("部门/财政局/台账.xlsx"));
    touch(&root.join("卫健委.xlsx"));
    let found = discover_units(std::slice::from_ref(&root), false);
    let units: Vec<(String, usize)> = found
        .units
        .iter()
        .map(|u| (u.source.label.clone(), u.source.files.len()))
        .collect();
    assert_eq!(
        units,
        [
            ("三合街道".to_string(), 1),
            ("城关镇".to_string(), 2),
            ("卫健委".to_string(), 1),
            ("教育局".to_string(), 1),
            ("财政局".to_string(), 1),
        ]
    );
    let chengguan = found
        .units
        .iter()
        .find(|u| u.source.label == "城关镇")
        .unwrap();
    assert_eq!(chengguan.others.len(), 1, "the scan belongs to the unit");
}
