//! The hostile corpus (issue 8): inputs that once aborted, hung or misled the binary, each run
//! under a 2 GB address-space limit. Every one must end with exit 0 or 1, without a panic,
//! within the hang timeout, and be reported: read, or a ZB001 that names the limit, the
//! damage or the password. Small reproducers are committed in `tests/hostile/corpus/`
//! (`make_corpus.py` writes them); those big on disk — zip bombs, 200k rows, 10,000 sheets —
//! and the symlink loops are made here at run time.
//!
//! `ZHENGBAN_TEST_BIN=path/to/zhengban cargo test --test hostile` runs it on another build.
//! The corpus of the write path (the annotated copy, drop mode, derive) is in `write.rs`.

mod build;
mod child;
#[path = "../support/mod.rs"]
mod support;
mod terminal;
/// The write path's corpus (issue 14): tests/hostile/write.rs.
mod write;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use build::{bomb, ods_head, ods_parts, sheet_xml, text_cell, write_zip, xlsx_parts, ODS_TAIL};
use child::{check_jsonl, names, unit_files, verify, zb001, HANG};

/// Words of a ZB001 message that names a limit.
const LIMIT: &[&str] = &["上限", "限制", "超过", "过大", "过多", "太大", "太多"];
/// Words of a ZB001 message that names damage (or a part that is missing).
const DAMAGE: &[&str] = &["损坏", "不完整", "缺少", "无法", "不是"];
/// The word of a ZB001 message about an open password.
const ENCRYPTED: &[&str] = &["加密"];

/// What a corpus file must come to.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// Read: no ZB001 about it.
    Read,
    /// Unreadable: a ZB001 about it whose message has one of these words.
    Refused(&'static [&'static [&'static str]]),
    /// Read, or refused with a ZB001 whose message has one of these words.
    Either(&'static [&'static [&'static str]]),
}

/// The committed reproducers and what each must come to.
const COMMITTED: &[(&str, Expect)] = &[
    // calamine's dense grid for one far cell: ≈550 GB.
    ("cell-XFD1048576.xlsx", Expect::Either(&[LIMIT])),
    // Hung: the grid of 19 × 1048576 cells walked row by row.
    ("cell-S1048576.xlsx", Expect::Either(&[LIMIT])),
    // One row past Excel's last.
    ("cell-A1048577.xlsx", Expect::Either(&[LIMIT, DAMAGE])),
    // Found by the mutation test: a row number past 32 bits in a cell reference (aborted).
    ("cell-B99999999999.xlsx", Expect::Either(&[LIMIT, DAMAGE])),
    ("dimension-A1-XFD1048576.xlsx", Expect::Either(&[LIMIT])),
    // 24 GB would be reserved for shared strings that are not there: the count is a hint,
    // taken out of calamine's copy, and the few strings there are read.
    ("sst-uniqueCount-1000000000.xlsx", Expect::Read),
    // Huge row numbers whose cells have no reference of their own.
    ("row-r-1048576-no-cell-ref.xlsx", Expect::Either(&[LIMIT])),
    (
        "row-r-4294967295-no-cell-ref.xlsx",
        Expect::Either(&[LIMIT, DAMAGE]),
    ),
    // ods repeats: one element standing for a million rows or the full width.
    ("ods-rows-repeated-1048575.ods", Expect::Either(&[LIMIT])),
    (
        "ods-rows-repeated-2147483647.ods",
        Expect::Either(&[LIMIT, DAMAGE]),
    ),
    ("ods-columns-repeated-16384.ods", Expect::Either(&[LIMIT])),
    // Was "缺少汇总表" (ZB002) rather than a file that cannot be read.
    ("no-workbook-xml.xlsx", Expect::Refused(&[DAMAGE])),
    // Open passwords: OOXML package, the same under an .xls name (was "damaged"), BIFF8.
    ("encrypted.xlsx", Expect::Refused(&[ENCRYPTED])),
    ("encrypted-ooxml-named.xls", Expect::Refused(&[ENCRYPTED])),
    ("encrypted-filepass.xls", Expect::Refused(&[ENCRYPTED])),
    // Found by the mutation test: 7 bytes flipped in a LibreOffice .xls make calamine index
    // past a record (xls.rs:633); the reader's guard catches the panic.
    (
        "mutant-xls-record-out-of-range.xls",
        Expect::Either(&[DAMAGE]),
    ),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile/corpus")
}

/// One GiB and a little, in MiB.
const BOMB_MIB: usize = 1024;

/// The sheet head and tail around a bomb's gigabyte inside one inline string.
fn sheet_bomb_ends() -> (String, String) {
    let xml = sheet_xml(&format!(
        r#"<row r="1">{}</row><row r="2"><c r="A2" t="inlineStr"><is><t>@@</t></is></c></row>"#,
        text_cell("A1", "软件使用情况汇总表")
    ));
    let (head, tail) = xml.split_once("@@").expect("marker");
    (head.to_string(), tail.to_string())
}

fn sheet_bomb(mib: usize) -> Vec<u8> {
    let (head, tail) = sheet_bomb_ends();
    let parts = xlsx_parts(&[("汇总表".into(), String::new())], None);
    let others: Vec<_> = parts
        .into_iter()
        .filter(|(n, _)| n != "xl/worksheets/sheet1.xml")
        .collect();
    bomb(
        &others,
        "xl/worksheets/sheet1.xml",
        head.as_bytes(),
        b'A',
        mib,
        tail.as_bytes(),
    )
}

fn sst_bomb(mib: usize) -> Vec<u8> {
    let sheet =
        sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>"#);
    let parts = xlsx_parts(&[("汇总表".into(), sheet)], Some(String::new()));
    let others: Vec<_> = parts
        .into_iter()
        .filter(|(n, _)| n != "xl/sharedStrings.xml")
        .collect();
    let head = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>软件使用情况汇总表</t></si><si><t>"#;
    bomb(
        &others,
        "xl/sharedStrings.xml",
        head.as_bytes(),
        b'A',
        mib,
        b"</t></si></sst>",
    )
}

fn ods_bomb(mib: usize) -> Vec<u8> {
    let head = format!(
        "{}<table:table-row><table:table-cell office:value-type=\"string\"><text:p>",
        ods_head()
    );
    let tail = format!("</text:p></table:table-cell></table:table-row>{ODS_TAIL}");
    bomb(
        &ods_parts(),
        "content.xml",
        head.as_bytes(),
        b'A',
        mib,
        tail.as_bytes(),
    )
}

/// An xlsx of one sheet: a title and `rows` rows made by `row(r)` (1-based row numbers).
fn long_sheet(rows: u32, row: impl Fn(u32) -> String) -> Vec<u8> {
    let mut data = format!(
        r#"<row r="1">{}</row>"#,
        text_cell("A1", "软件使用情况汇总表")
    );
    for r in 2..=rows + 1 {
        data.push_str(&row(r));
    }
    write_zip(&xlsx_parts(&[("汇总表".into(), sheet_xml(&data))], None))
}

/// The reproducers made at run time, written into `dir`.
fn generated(dir: &Path) -> Vec<(PathBuf, Expect)> {
    let mut out = Vec::new();
    let mut put = |name: &str, bytes: Vec<u8>, expect: Expect| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).expect("write corpus file");
        out.push((p, expect));
    };
    put(
        "bomb-sheet.xlsx",
        sheet_bomb(BOMB_MIB),
        Expect::Refused(&[LIMIT]),
    );
    put(
        "bomb-sst.xlsx",
        sst_bomb(BOMB_MIB),
        Expect::Refused(&[LIMIT]),
    );
    put(
        "bomb-content.ods",
        ods_bomb(BOMB_MIB),
        Expect::Refused(&[LIMIT]),
    );
    // Formatted blank rows as offices have them by the ten thousand: read, and fast.
    put(
        "rows-of-spaces-200k.xlsx",
        long_sheet(200_000, |r| {
            format!(r#"<row r="{r}">{}</row>"#, text_cell(&format!("A{r}"), " "))
        }),
        Expect::Read,
    );
    put(
        "empty-formulas-200k.xlsx",
        long_sheet(200_000, |r| {
            format!(r#"<row r="{r}"><c r="B{r}" t="str"><f>""</f><v></v></c></row>"#)
        }),
        Expect::Read,
    );
    // 10,000 <sheet> entries, all pointing at one small worksheet.
    let sheet = sheet_xml(&format!(
        r#"<row r="1">{}</row>"#,
        text_cell("A1", "软件使用情况汇总表")
    ));
    let mut parts = xlsx_parts(&[("表1".into(), sheet)], None);
    for (name, data) in parts.iter_mut() {
        if name == "xl/workbook.xml" {
            *data = build::many_sheets_book(10_000);
        }
    }
    put(
        "sheets-10000.xlsx",
        write_zip(&parts),
        Expect::Either(&[LIMIT]),
    );
    out
}

/// Whether `message` has one word of one of `kinds`.
fn says(message: &str, kinds: &[&[&str]]) -> bool {
    kinds.iter().any(|k| k.iter().any(|w| message.contains(w)))
}

/// What is wrong with how `file` was reported in `units`, if anything.
fn judge(units: &[serde_json::Value], file: &Path, expect: Expect) -> Option<String> {
    let unit = units
        .iter()
        .find(|u| unit_files(u).iter().any(|f| names(f, file)))?;
    let refusals = zb001(unit, file);
    let shown = refusals.join(" / ");
    match (expect, refusals.is_empty()) {
        (Expect::Read, true) => None,
        (Expect::Read, false) => Some(format!("should be read, got ZB001: {shown}")),
        (Expect::Refused(_), true) => Some(format!("should be a ZB001, got: {}", codes(unit))),
        (Expect::Refused(kinds) | Expect::Either(kinds), false) => {
            (!refusals.iter().any(|m| says(m, kinds)))
                .then(|| format!("ZB001 should name {kinds:?}: {shown}"))
        }
        (Expect::Either(_), true) => None,
    }
}

fn codes(unit: &serde_json::Value) -> String {
    unit["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|d| {
            format!(
                "{} {}",
                d["code"].as_str().unwrap_or("?"),
                d["message"].as_str().unwrap_or("")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn every_reproducer_is_reported_within_limits() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let mut cases: Vec<(PathBuf, Expect)> = COMMITTED
        .iter()
        .map(|(name, e)| {
            let p = corpus_dir().join(name);
            assert!(
                p.is_file(),
                "{} is missing: run make_corpus.py",
                p.display()
            );
            (p, *e)
        })
        .collect();
    cases.extend(generated(tmp.path()));

    // Each file alone first, two at a time: a failure names its file.
    let failures = Mutex::new(Vec::new());
    let next = std::sync::atomic::AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let Some((file, expect)) = cases.get(i) else {
                    break;
                };
                let files = std::slice::from_ref(file);
                let outcome = check_jsonl(tmp.path(), files, HANG);
                let fault = match verify(&outcome, files) {
                    Err(e) => Some(e),
                    Ok(units) => judge(&units, file, *expect),
                };
                if let Some(f) = fault {
                    let name = file.file_name().unwrap().to_string_lossy().into_owned();
                    failures.lock().unwrap().push(format!("{name}: {f}"));
                }
            });
        }
    });
    let mut failures = failures.into_inner().unwrap();
    failures.sort();
    assert!(
        failures.is_empty(),
        "{} of {} reproducers failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );

    // Then all of them in one batch, as an inspector's folder would hold them: the batch
    // survives every one and reports each.
    let files: Vec<PathBuf> = cases.iter().map(|(p, _)| p.clone()).collect();
    let outcome = check_jsonl(tmp.path(), &files, HANG * files.len() as u32);
    let units = verify(&outcome, &files).unwrap_or_else(|e| panic!("the whole corpus: {e}"));
    for (file, expect) in &cases {
        if let Some(f) = judge(&units, file, *expect) {
            panic!("{} in the batch: {f}", file.display());
        }
    }
}

/// The bombs are what they claim: valid zips whose big entry inflates, CRC and all, to the
/// declared size (checked on 64 MiB bombs, built the same way as the 1 GiB ones, whose
/// declared sizes are checked).
#[test]
fn bombs_inflate_to_what_they_declare() {
    use std::io::Read;
    type Maker = fn(usize) -> Vec<u8>;
    let makers: [(&str, Maker); 3] = [
        ("xl/worksheets/sheet1.xml", sheet_bomb),
        ("xl/sharedStrings.xml", sst_bomb),
        ("content.xml", ods_bomb),
    ];
    for (entry, make) in makers {
        let small = make(64);
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&small)).expect("a zip");
        for i in 0..z.len() {
            let mut f = z.by_index(i).expect("entry");
            let declared = f.size();
            let name = f.name().expect("entry name").into_owned();
            let mut n = 0u64;
            let mut buf = vec![0u8; 1 << 20];
            let mut tail = Vec::new();
            loop {
                let k = f.read(&mut buf).expect("inflates with a good CRC");
                if k == 0 {
                    break;
                }
                n += k as u64;
                tail = buf[..k].to_vec();
            }
            assert_eq!(n, declared, "{entry}: {name}");
            if name == entry {
                assert!(n > 64 << 20, "{entry} inflates to {n}");
                assert!(String::from_utf8_lossy(&tail).ends_with('>'), "{entry}");
            }
        }
        let big = make(BOMB_MIB);
        assert!(big.len() < 3 << 20, "{entry}: {} bytes on disk", big.len());
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(&big)).expect("a zip");
        let f = z.by_name(entry).expect("bomb entry");
        assert!(f.size() >= 1 << 30, "{entry} declares {}", f.size());
    }
}

/// A `loop -> .` link must not turn one unit into 41, nor two such links hang the batch;
/// a link to itself is reported, not skipped.
#[test]
fn symlink_loops_are_followed_once() {
    use std::os::unix::fs::symlink;
    let tmp = tempfile::tempdir().expect("tempdir");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/shuanglong-national.xlsx");
    let one = tmp.path().join("一个环");
    std::fs::create_dir(&one).unwrap();
    std::fs::copy(&sample, one.join("台账.xlsx")).unwrap();
    symlink(".", one.join("loop")).unwrap();
    let two = tmp.path().join("两个环");
    std::fs::create_dir(&two).unwrap();
    std::fs::copy(&sample, two.join("台账.xlsx")).unwrap();
    symlink(".", two.join("a")).unwrap();
    symlink(".", two.join("b")).unwrap();
    symlink("自己.xlsx", two.join("自己.xlsx")).unwrap();

    let mut failures = Vec::new();
    for dir in [&one, &two] {
        let args: Vec<std::ffi::OsString> = vec![
            "check".into(),
            "--format".into(),
            "jsonl".into(),
            "--as-of".into(),
            "2026-11-25".into(),
            dir.as_os_str().to_owned(),
        ];
        let outcome = child::run(tmp.path(), &args, HANG);
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(f) = outcome.fault() {
            failures.push(format!("{name}: {f}"));
            continue;
        }
        let units = match child::units(&outcome.stdout) {
            Ok(u) => u,
            Err(e) => {
                failures.push(format!("{name}: {e}"));
                continue;
            }
        };
        let ledger = dir.join("台账.xlsx");
        let seen: usize = units
            .iter()
            .map(|u| unit_files(u).iter().filter(|f| names(f, &ledger)).count())
            .sum();
        if seen != 1 {
            failures.push(format!(
                "{name}: 台账.xlsx checked {seen} times in {} units",
                units.len()
            ));
        }
        if dir == &two {
            let this = dir.join("自己.xlsx");
            let reported = units.iter().any(|u| {
                unit_files(u).iter().any(|f| names(f, &this)) || !zb001(u, &this).is_empty()
            });
            if !reported {
                failures.push(format!("{name}: the self-link 自己.xlsx is not reported"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
