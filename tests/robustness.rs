//! No input makes the reader or the checker panic: damaged, truncated and foreign files
//! become ZB001-style "unreadable" records and the rest of the unit is still read.

mod support;

use std::path::PathBuf;

use zhengban::ledger::{read_unit, UnitSource};

fn read(paths: Vec<PathBuf>) -> zhengban::ledger::Unit {
    read_unit(&UnitSource {
        label: "x".into(),
        files: paths,
    })
}

/// A tiny deterministic generator, so failures reproduce.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn truncated_and_corrupted_workbooks_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.xlsx");
    support::Book::clean().write(&good);
    let bytes = std::fs::read(&good).unwrap();
    let mut rng = Lcg(7);
    let mut paths = Vec::new();
    for i in 0..24 {
        let cut = bytes.len() * (i + 1) / 25;
        let p = dir.path().join(format!("cut{i}.xlsx"));
        std::fs::write(&p, &bytes[..cut]).unwrap();
        paths.push(p);
    }
    for i in 0..24 {
        let mut b = bytes.clone();
        for _ in 0..(1 + i * 3) {
            let at = (rng.next() as usize) % b.len();
            b[at] = rng.next() as u8;
        }
        let p = dir.path().join(format!("flip{i}.xlsx"));
        std::fs::write(&p, &b).unwrap();
        paths.push(p);
    }
    let mut flipped_unreadable = 0;
    for (i, p) in paths.iter().enumerate() {
        // Each file alone, and each beside a good file: the good one is still read.
        let unit = read(vec![p.clone()]);
        if i < 24 {
            // A cut file has lost its zip directory: it is always unreadable.
            assert_eq!(unit.unreadable.len(), 1, "{}", p.display());
        }
        // A flipped byte may fall where it does no harm; when it does, the one record names
        // the file and says why.
        for (name, why) in &unit.unreadable {
            assert_eq!(**name, *p.display().to_string(), "{}", p.display());
            assert!(!why.to_string().is_empty(), "{}", p.display());
        }
        if i >= 24 && !unit.unreadable.is_empty() {
            flipped_unreadable += 1;
        }
        let unit = read(vec![p.clone(), good.clone()]);
        assert!(unit.summary().is_some(), "{}", p.display());
    }
    // The flips reach the reader's error paths, not only harmless bytes.
    assert!(flipped_unreadable > 0, "no flipped file was unreadable");
}

#[test]
fn things_that_are_not_workbooks() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.xlsx", vec![]),
        ("text.xlsx", "这不是工作簿\n".as_bytes().to_vec()),
        ("text.xls", b"not an ole file at all".to_vec()),
        ("zip.xlsx", b"PK\x03\x04garbage".to_vec()),
        ("pdf.ods", b"%PDF-1.4\n".to_vec()),
        ("ole.xlsx", {
            let mut v = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
            v.extend(std::iter::repeat_n(0u8, 600));
            v
        }),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let unit = read(vec![p.clone()]);
        assert_eq!(unit.unreadable.len(), 1, "{name}");
        assert!(!unit.unreadable[0].1.to_string().is_empty());
    }
}

#[test]
fn checking_garbage_reports_and_does_not_panic() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("garbage.xlsx");
    std::fs::write(&p, b"garbage").unwrap();
    let report = support::check_path(&p, support::AS_OF);
    assert_eq!(report.unit.unreadable.len(), 1);
    let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, ["ZB001"]);
}

/// Values clerks type, good and bad, that rules must survive in any cell.
const ODD_VALUES: &[&str] = &[
    "", "—", "/", "无", "0", "-3", "#1.5", "#-1", "#0", "#99999999", "@1900-01-01", "@2099-12-31",
    "2023.13.05", "永久", "3年", "0年", "2025-01-01至2024-01-01", "☑", "□", "√", "☑☑", "商业软件",
    "OEM软件", "免费软件", "共享软件", "RJ001", "RJ999", "SJ-PC-001", "SJ-PC-999", "家庭版",
    "WinRAR", "Windows 10 家庭中文版", "合计", "审核人：", "软件编号", "软件使用情况明细表",
    "1,200.00元", "0.12万元", "１２个", "\n", "🙂",
    "非常长的软件名称非常长的软件名称非常长的软件名称非常长的软件名称非常长的软件名称非常长的软件名称非常长的软件名称",
];

#[test]
fn any_value_in_any_cell_never_panics_a_rule() {
    let mut rng = Lcg(2026);
    for round in 0..40 {
        let mut book = support::Book::clean();
        let sheets: Vec<String> = book.sheets.iter().map(|s| s.name.clone()).collect();
        for _ in 0..(3 + round % 12) {
            let sheet = &sheets[(rng.next() as usize) % sheets.len()];
            let row = 1 + (rng.next() % 18) as usize;
            let col = (b'A' + (rng.next() % 13) as u8) as char;
            let value = ODD_VALUES[(rng.next() as usize) % ODD_VALUES.len()];
            book.set(sheet, &format!("{col}{row}"), value);
        }
        if round % 7 == 3 {
            let victim = sheets[(rng.next() as usize) % sheets.len()].clone();
            book.remove_sheet(&victim);
        }
        // Panics fail the test; the diagnostics themselves may be anything.
        let (report, _dir) = book.check_as_of(support::AS_OF);
        let _ = zhengban::render::terminal::unit(
            &report,
            false,
            zhengban::render::terminal::FIXED_WIDTH,
        );
        let catalogue = zhengban::classify::Catalogue::default();
        let ctx = zhengban::render::json::JsonContext {
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            year: 2026,
            catalogue: &catalogue,
            config: &zhengban::config::Config::default(),
        };
        let _ = zhengban::render::json::unit_value(&report, &ctx);
    }
}
