//! What counts as a unit (cli.md): a workbook; a folder of workbooks; a folder of those is
//! a batch.

use std::path::{Path, PathBuf};

use zhengban::ledger::discover;

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
    assert_eq!(labels, vec!["甲单位", "丙单位", "乙单位"]);
    let yi = units.iter().find(|u| u.label == "乙单位").unwrap();
    assert_eq!(
        yi.files.len(),
        2,
        "lock files and documents are not workbooks"
    );

    let one = discover(&[root.join("batch/乙单位")], false).unwrap();
    assert_eq!(one.len(), 1);
    assert_eq!(one[0].files.len(), 2);

    let per_file = discover(&[root.join("batch")], true).unwrap();
    assert_eq!(per_file.len(), 4);

    let single = discover(&[PathBuf::from("samples/shuanglong-national.xlsx")], false).unwrap();
    assert_eq!(single.len(), 1);
}
