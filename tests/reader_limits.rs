//! Hostile and broken files are read within bounds: each class of issue 8 is built here (a
//! few bytes of zip, XML or BIFF that once asked for gigabytes or hung the reader) and checked
//! through the binary under a 2 GB address-space limit (`prlimit --as`), as an inspector's
//! overnight batch would meet it: exit 0 or 1, and a ZB001 that names the limit when the file
//! is over one. A generous timeout only detects hangs; nothing here measures time.
//!
//! The limits themselves (`workbook::Limits`) are checked through the library with small
//! values, so that no test has to build a gigabyte. `ZHENGBAN_HOSTILE_BIN=path cargo test
//! --test reader_limits` runs the binary cases against another build (an older one, to see
//! which of these it fails).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use zhengban::workbook::{open_with, Limits, OpenError};

/// Address space the child may use: the promise of issue 8.
const ADDRESS_SPACE: &str = "--as=2000000000";
/// Time after which a child is taken to hang (a hostile file is read in well under a second;
/// this is for a loaded CI machine).
const HANG: Duration = Duration::from_secs(180);

struct Outcome {
    code: i32,
    /// (code, message) of every diagnostic.
    diagnostics: Vec<(String, String)>,
}

impl Outcome {
    fn zb001(&self) -> Vec<&str> {
        self.diagnostics
            .iter()
            .filter(|(c, _)| c == "ZB001")
            .map(|(_, m)| m.as_str())
            .collect()
    }

    /// Exactly one ZB001, whose message contains `text`.
    fn refused_with(&self, text: &str) {
        let z = self.zb001();
        assert!(
            z.len() == 1 && z[0].contains(text),
            "expected one ZB001 containing “{text}”, got {:?}",
            self.diagnostics
        );
        assert_eq!(self.code, 1, "an unreadable file is an error");
    }

    /// Read as a workbook (no ZB001).
    fn read(&self) {
        assert!(
            self.zb001().is_empty(),
            "expected the file to be read, got {:?}",
            self.diagnostics
        );
        assert!(matches!(self.code, 0 | 1));
    }
}

/// Check one file with the binary, under the memory limit when `prlimit` is there.
fn check(path: &Path) -> Outcome {
    let bin = std::env::var("ZHENGBAN_HOSTILE_BIN")
        .unwrap_or_else(|_| env!("CARGO_BIN_EXE_zhengban").to_string());
    let bin = bin.as_str();
    let args = [
        "check",
        path.to_str().unwrap(),
        "--as-of",
        "2026-11-25",
        "--format",
        "json",
    ];
    let mut cmd = if Command::new("prlimit").arg("--version").output().is_ok() {
        let mut c = Command::new("prlimit");
        c.arg(ADDRESS_SPACE).arg("--").arg(bin).args(args);
        c
    } else {
        let mut c = Command::new(bin);
        c.args(args);
        c
    };
    let out_path = path.with_extension("out.json");
    let out = std::fs::File::create(&out_path).unwrap();
    let mut child = cmd
        .stdout(Stdio::from(out))
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        if start.elapsed() > HANG {
            child.kill().ok();
            panic!("{} hangs the reader", path.display());
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut stderr = String::new();
    use std::io::Read;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .ok();
    let code = status.code().unwrap_or_else(|| {
        panic!(
            "{} killed the process ({status}); stderr: {stderr}",
            path.display()
        )
    });
    assert!(
        matches!(code, 0 | 1),
        "{}: exit {code}, stderr: {stderr}",
        path.display()
    );
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&out_path).unwrap())
        .unwrap_or_else(|e| panic!("{}: output is not JSON ({e})", path.display()));
    let diagnostics = json["units"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|u| u["diagnostics"].as_array().unwrap().iter())
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    Outcome { code, diagnostics }
}

// ---------------------------------------------------------------------------------------
// Building files
// ---------------------------------------------------------------------------------------

fn zip_of(parts: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, data) in parts {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(data.len() > u32::MAX as usize / 2);
        w.start_file(*name, options).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>"#;
const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

/// The parts of an xlsx whose `sheets` all point at one worksheet part.
fn xlsx_parts(sheets: usize, sheet_xml: Vec<u8>) -> Vec<(&'static str, Vec<u8>)> {
    let mut wb = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#,
    );
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#,
    );
    for i in 1..=sheets {
        wb.push_str(&format!(
            r#"<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>"#
        ));
        rels.push_str(&format!(r#"<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#));
    }
    wb.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    vec![
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes().to_vec()),
        ("_rels/.rels", ROOT_RELS.as_bytes().to_vec()),
        ("xl/workbook.xml", wb.into_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.into_bytes()),
        ("xl/worksheets/sheet1.xml", sheet_xml),
    ]
}

fn sheet_xml(sheet_data: &str, after: &str) -> Vec<u8> {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet_data}</sheetData>{after}</worksheet>"#
    )
    .into_bytes()
}

fn xlsx(sheet_data: &str) -> Vec<u8> {
    zip_of(&xlsx_parts(1, sheet_xml(sheet_data, "")))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// Make a zip entry's local and central headers declare `size` bytes inflated.
fn lie_about_size(zip: &mut [u8], name: &str, size: u32) {
    let name = name.as_bytes();
    let mut patched = 0;
    for i in 0..zip.len().saturating_sub(46) {
        let sig = &zip[i..i + 4];
        if sig == [0x50, 0x4b, 0x03, 0x04] {
            let n = u16::from_le_bytes([zip[i + 26], zip[i + 27]]) as usize;
            if zip.get(i + 30..i + 30 + n) == Some(name) {
                zip[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        } else if sig == [0x50, 0x4b, 0x01, 0x02] {
            let n = u16::from_le_bytes([zip[i + 28], zip[i + 29]]) as usize;
            if zip.get(i + 46..i + 46 + n) == Some(name) {
                zip[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
        }
    }
    assert_eq!(
        patched,
        2,
        "both headers of {}",
        String::from_utf8_lossy(name)
    );
}

fn ods(content: &str) -> Vec<u8> {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">{content}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    let deflated = zip::write::SimpleFileOptions::default();
    w.start_file("META-INF/manifest.xml", deflated).unwrap();
    w.write_all(manifest.as_bytes()).unwrap();
    w.start_file("content.xml", deflated).unwrap();
    w.write_all(content.as_bytes()).unwrap();
    w.finish().unwrap().into_inner()
}

/// An OLE compound file with the given streams.
fn ole(dir: &Path, name: &str, streams: &[(&str, Vec<u8>)]) -> PathBuf {
    let p = dir.join(name);
    let mut c = cfb::create(&p).unwrap();
    for (s, data) in streams {
        c.create_stream(s).unwrap().write_all(data).unwrap();
    }
    c.flush().unwrap();
    p
}

fn biff(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut v = typ.to_le_bytes().to_vec();
    v.extend((data.len() as u16).to_le_bytes());
    v.extend(data);
    v
}

fn bof() -> Vec<u8> {
    biff(
        0x0809,
        &[0x00, 0x06, 0x05, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    )
}

/// A BIFF8 workbook stream: globals with one sheet, then that sheet's records.
fn biff_workbook(globals: &[Vec<u8>], sheet: &[Vec<u8>]) -> Vec<u8> {
    let mut g = bof();
    for r in globals {
        g.extend(r);
    }
    let boundsheet_len = 4 + 4 + 2 + 2 + 1;
    let pos = (g.len() + boundsheet_len + 4) as u32;
    let mut bs = pos.to_le_bytes().to_vec();
    bs.extend([0, 0, 1, 0, b'S']);
    g.extend(biff(0x0085, &bs));
    g.extend(biff(0x000A, &[]));
    g.extend(bof());
    for r in sheet {
        g.extend(r);
    }
    g.extend(biff(0x000A, &[]));
    g
}

// ---------------------------------------------------------------------------------------
// Through the binary, under the memory limit
// ---------------------------------------------------------------------------------------

#[test]
fn one_cell_at_the_last_cell_of_the_grid_is_read_without_a_dense_grid() {
    let dir = tempfile::tempdir().unwrap();
    for at in ["XFD1048576", "S1048576"] {
        let p = write(
            dir.path(),
            &format!("{at}.xlsx"),
            &xlsx(&format!(
                r#"<row r="1"><c r="A1" t="inlineStr"><is><t>软件使用情况明细表</t></is></c></row><row r="{}"><c r="{at}" t="inlineStr"><is><t>x</t></is></c></row>"#,
                &at[at.find(|c: char| c.is_ascii_digit()).unwrap()..]
            )),
        );
        check(&p).read();
    }
}

#[test]
fn cells_beyond_the_grid_are_damage() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "row-beyond",
            r#"<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#,
        ),
        ("col-beyond", r#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#),
        // A row number far beyond the grid, and cells that take their place from it.
        (
            "huge-row",
            r#"<row r="4000000000"><c><v>1</v></c><c><v>2</v></c></row>"#,
        ),
    ];
    for (name, data) in cases {
        let p = write(dir.path(), &format!("{name}.xlsx"), &xlsx(data));
        let out = check(&p);
        assert_eq!(out.zb001().len(), 1, "{name}: {:?}", out.diagnostics);
        assert_eq!(out.code, 1);
    }
}

#[test]
fn a_huge_row_number_without_cells_costs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "empty-far-row.xlsx",
        &xlsx(r#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"/><row r="4000000000"/>"#),
    );
    check(&p).read();
}

#[test]
fn a_declared_billion_shared_strings_is_only_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let mut parts = xlsx_parts(
        1,
        sheet_xml(r#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#, ""),
    );
    parts.push((
        "xl/sharedStrings.xml",
        br#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1000000000" uniqueCount="1000000000"><si><t>x</t></si></sst>"#.to_vec(),
    ));
    let p = write(dir.path(), "sst.xlsx", &zip_of(&parts));
    // read without reserving room for a billion strings (24 GB), as the few there are
    check(&p).read();
}

#[test]
fn a_zip_bomb_is_refused_by_its_declared_size() {
    let dir = tempfile::tempdir().unwrap();
    // 300 MB of spaces inside one cell's text: a few hundred KB of zip.
    let mut sheet = b"<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>".to_vec();
    sheet.resize(sheet.len() + 300 * 1024 * 1024, b' ');
    sheet.extend(b"</t></is></c></row></sheetData></worksheet>");
    let bytes = zip_of(&xlsx_parts(1, sheet));
    assert!(bytes.len() < 5 * 1024 * 1024);
    let p = write(dir.path(), "bomb.xlsx", &bytes);
    check(&p).refused_with("单个部件解压大小上限");
}

#[test]
fn a_zip_part_that_inflates_to_more_than_it_declares_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut rows = String::new();
    for r in 1..=20_000 {
        rows.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>{}</t></is></c></row>"#,
            "很长的文字".repeat(40)
        ));
    }
    let mut bytes = zip_of(&xlsx_parts(1, sheet_xml(&rows, "")));
    lie_about_size(&mut bytes, "xl/worksheets/sheet1.xml", 1000);
    let p = write(dir.path(), "liar.xlsx", &bytes);
    let out = check(&p);
    assert_eq!(out.zb001().len(), 1, "{:?}", out.diagnostics);
}

#[test]
fn ten_thousand_sheets_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let parts = xlsx_parts(
        10_000,
        sheet_xml(r#"<row r="1"><c r="A1"><v>1</v></c></row>"#, ""),
    );
    let p = write(dir.path(), "sheets.xlsx", &zip_of(&parts));
    check(&p).refused_with("工作表数上限");
}

#[test]
fn two_hundred_thousand_rows_of_spaces_or_empty_formulas_are_read() {
    let dir = tempfile::tempdir().unwrap();
    // A titled 明细表 with its header row, so that the data rows below are walked.
    let header: String = [
        "序号",
        "部门",
        "姓名",
        "计算机编号",
        "计算机品牌",
        "软件编号",
        "软件名称",
        "软件版本",
        "许可期限",
        "软件类型",
        "安装日期",
    ]
    .iter()
    .zip('A'..)
    .map(|(h, c)| format!(r#"<c r="{c}2" t="inlineStr"><is><t>{h}</t></is></c>"#))
    .collect();
    let mut spaces = format!(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>软件使用情况明细表</t></is></c></row><row r="2">{header}</row>"#
    );
    let mut formulas = spaces.clone();
    for r in 3..=200_002 {
        spaces.push_str(&format!(
            r#"<row r="{r}"><c r="A{r}" t="inlineStr"><is><t xml:space="preserve">   </t></is></c><c r="M{r}" t="inlineStr"><is><t xml:space="preserve"> </t></is></c></row>"#
        ));
        formulas.push_str(&format!(r#"<row r="{r}"><c r="B{r}"><f>""</f></c></row>"#));
    }
    for (name, data) in [("spaces", spaces), ("formulas", formulas)] {
        let p = write(dir.path(), &format!("{name}.xlsx"), &xlsx(&data));
        check(&p).read();
    }
}

#[test]
fn merged_regions_over_the_whole_sheet_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let merges: String = (0..2000)
        .map(|_| r#"<mergeCell ref="A1:A1048576"/>"#)
        .collect();
    let sheet = sheet_xml(
        r#"<row r="1"><c r="A1"><v>1</v></c></row>"#,
        &format!(r#"<mergeCells count="2000">{merges}</mergeCells>"#),
    );
    let p = write(dir.path(), "merges.xlsx", &zip_of(&xlsx_parts(1, sheet)));
    check(&p).refused_with("合并区域数上限");
}

#[test]
fn a_workbook_without_its_workbook_part_is_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let parts: Vec<(&str, Vec<u8>)> = xlsx_parts(1, sheet_xml("", ""))
        .into_iter()
        .filter(|(n, _)| *n != "xl/workbook.xml")
        .collect();
    let p = write(dir.path(), "no-workbook.xlsx", &zip_of(&parts));
    check(&p).refused_with("xl/workbook.xml");
}

#[test]
fn ods_repeats_are_counted_before_calamine_expands_them() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "rows",
            r#"<table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="string" table:number-columns-repeated="100"><text:p>x</text:p></table:table-cell></table:table-row>"#,
            "单元格数上限",
        ),
        (
            "columns",
            r#"<table:table-row table:number-rows-repeated="1000"><table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="16384"/></table:table-row>"#,
            "单元格数上限",
        ),
        (
            "spaces",
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>"#,
            "文字总量上限",
        ),
    ];
    for (name, content, limit) in cases {
        let p = write(dir.path(), &format!("{name}.ods"), &ods(content));
        check(&p).refused_with(limit);
    }
    // Formatted empty rows by the million, as LibreOffice writes them, cost nothing.
    let p = write(
        dir.path(),
        "empty.ods",
        &ods(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>软件使用情况明细表</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        ),
    );
    check(&p).read();
    // A merge spanning more rows than the grid has is clamped to the grid, not trusted.
    let p = write(
        dir.path(),
        "span.ods",
        &ods(
            r#"<table:table-row><table:table-cell office:value-type="string" table:number-rows-spanned="4294967295" table:number-columns-spanned="4294967295"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        ),
    );
    let out = check(&p);
    assert!(matches!(out.code, 0 | 1));
}

#[test]
fn an_encrypted_workbook_is_called_encrypted_whatever_its_name() {
    let dir = tempfile::tempdir().unwrap();
    // Excel's and WPS's password-protected xlsx, as an .xls and as an .xlsx.
    for name in ["locked.xls", "locked.xlsx"] {
        let p = ole(
            dir.path(),
            name,
            &[
                ("EncryptionInfo", vec![4, 0, 4, 0, 0x40, 0, 0, 0]),
                ("EncryptedPackage", vec![0; 512]),
            ],
        );
        check(&p).refused_with("已加密");
    }
    // A BIFF workbook whose globals carry FILEPASS (RC4, and the older XOR obfuscation).
    for kind in [1u8, 0u8] {
        let stream = biff_workbook(&[biff(0x002F, &[kind, 0, 1, 0, 1, 0])], &[]);
        let p = ole(
            dir.path(),
            &format!("filepass{kind}.xls"),
            &[("Workbook", stream)],
        );
        check(&p).refused_with("已加密");
    }
}

#[test]
fn xls_records_that_ask_for_huge_grids_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut dims = 0u32.to_le_bytes().to_vec();
    dims.extend(4_000_000_000u32.to_le_bytes());
    dims.extend([0, 0, 0xFF, 0, 0, 0]);
    let cell = |row: u16, col: u16| {
        let mut d = row.to_le_bytes().to_vec();
        d.extend(col.to_le_bytes());
        d.extend([0, 0]);
        d.extend(1.0f64.to_le_bytes());
        biff(0x0203, &d)
    };
    let cases = [
        ("dimensions", vec![biff(0x0200, &dims)]),
        ("far-cells", vec![cell(0, 0), cell(65535, 255)]),
    ];
    for (name, records) in cases {
        let stream = biff_workbook(&[], &records);
        let p = ole(dir.path(), &format!("{name}.xls"), &[("Workbook", stream)]);
        check(&p).refused_with("单元格数上限");
    }
}

// ---------------------------------------------------------------------------------------
// Each limit, through the library with small values
// ---------------------------------------------------------------------------------------

fn open_limited(bytes: &[u8], name: &str, limits: Limits) -> Result<(), OpenError> {
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), name, bytes);
    open_with(&p, name, &limits).map(|_| ())
}

fn over(r: Result<(), OpenError>, text: &str) {
    match r {
        Err(OpenError::OverLimit(m)) | Err(OpenError::TooLarge(m)) if m.contains(text) => {}
        other => panic!("expected a limit naming “{text}”, got {other:?}"),
    }
}

#[test]
fn every_limit_is_named_when_exceeded() {
    let rows: String = (1..=50)
        .map(|r| {
            format!(r#"<row r="{r}"><c r="C{r}" t="inlineStr"><is><t>文字{r}</t></is></c></row>"#)
        })
        .collect();
    let book = xlsx(&rows);
    let ok = Limits::default();
    assert_eq!(open_limited(&book, "a.xlsx", ok), Ok(()));
    over(
        open_limited(
            &book,
            "a.xlsx",
            Limits {
                max_file_bytes: 100,
                ..ok
            },
        ),
        "上限",
    );
    over(
        open_limited(&book, "a.xlsx", Limits { max_parts: 3, ..ok }),
        "部件数上限",
    );
    over(
        open_limited(
            &book,
            "a.xlsx",
            Limits {
                max_part_bytes: 500,
                ..ok
            },
        ),
        "单个部件解压大小上限",
    );
    over(
        open_limited(
            &book,
            "a.xlsx",
            Limits {
                max_inflated_bytes: 2000,
                ..ok
            },
        ),
        "解压总大小上限",
    );
    over(
        open_limited(
            &book,
            "a.xlsx",
            Limits {
                max_sheet_cells: 100,
                ..ok
            },
        ),
        "单个工作表单元格数上限",
    );
    let two = zip_of(&xlsx_parts(2, sheet_xml(&rows, "")));
    over(
        open_limited(
            &two,
            "b.xlsx",
            Limits {
                max_workbook_cells: 300,
                ..ok
            },
        ),
        "工作簿单元格数上限",
    );
    over(
        open_limited(
            &two,
            "b.xlsx",
            Limits {
                max_sheets: 1,
                ..ok
            },
        ),
        "工作表数上限",
    );
    over(
        open_limited(
            &book,
            "a.xlsx",
            Limits {
                max_text_bytes: 100,
                ..ok
            },
        ),
        "文字总量上限",
    );
    let merged = zip_of(&xlsx_parts(
        1,
        sheet_xml(
            &rows,
            r#"<mergeCells><mergeCell ref="A1:A40"/></mergeCells>"#,
        ),
    ));
    over(
        open_limited(
            &merged,
            "m.xlsx",
            Limits {
                max_merges: 39,
                ..ok
            },
        ),
        "合并区域数上限",
    );
    let mut parts = xlsx_parts(1, sheet_xml(&rows, ""));
    let many: String = (0..200).map(|i| format!("<si><t>{i}</t></si>")).collect();
    parts.push((
        "xl/sharedStrings.xml",
        format!(
            r#"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{many}</sst>"#
        )
        .into_bytes(),
    ));
    over(
        open_limited(
            &zip_of(&parts),
            "s.xlsx",
            Limits {
                max_shared_strings: 100,
                ..ok
            },
        ),
        "共享字符串数上限",
    );
}

#[test]
fn merges_are_read_from_the_end_of_each_sheet() {
    let sheet = sheet_xml(
        r#"<row r="1"><c r="A1" t="inlineStr"><is><t>部门</t></is></c></row><row r="5"><c r="B5"><v>1</v></c></row>"#,
        r#"<mergeCells count="2"><mergeCell ref="A1:A4"/><mergeCell ref="B5:C5"/></mergeCells>"#,
    );
    let dir = tempfile::tempdir().unwrap();
    let p = write(dir.path(), "m.xlsx", &zip_of(&xlsx_parts(1, sheet)));
    let book = zhengban::workbook::open(&p, "m.xlsx").unwrap();
    let s = &book.sheets[0];
    assert_eq!(s.merges.len(), 2);
    assert_eq!(s.shown(3, 0), s.get(0, 0));
    assert!(s.merge_at(4, 2).is_some());
    assert!(s.merge_at(4, 3).is_none());
}

#[test]
fn merges_and_formulas_equal_calamines_own_on_real_workbooks() {
    use calamine::Reader;
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["samples", "tests/foreign", "tests/foreign/resaved"] {
        for e in std::fs::read_dir(dir).unwrap() {
            let p = e.unwrap().path();
            if p.extension().is_some_and(|x| x == "xlsx") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 6);
    let mut merges = 0;
    for p in files {
        let ours = zhengban::workbook::open(&p, "x").unwrap();
        let mut theirs: calamine::Xlsx<_> = calamine::open_workbook(&p).unwrap();
        for sheet in &ours.sheets {
            let expected: Vec<(u32, u32, u32, u32)> = theirs
                .merge_cells_by_sheet_name(&sheet.name)
                .unwrap()
                .iter()
                .map(|d| (d.start.0, d.start.1, d.end.0, d.end.1))
                .collect();
            let got: Vec<(u32, u32, u32, u32)> = sheet
                .merges
                .iter()
                .map(|m| (m.first_row, m.first_col, m.last_row, m.last_col))
                .collect();
            assert_eq!(got, expected, "{} › {}", p.display(), sheet.name);
            merges += got.len();
            let formulas = theirs.worksheet_formula(&sheet.name).unwrap();
            let mut expected: Vec<(u32, u32)> = match formulas.start() {
                Some((r0, c0)) => formulas
                    .used_cells()
                    .filter(|(_, _, f)| !f.is_empty())
                    .map(|(r, c, _)| (r0 + r as u32, c0 + c as u32))
                    .collect(),
                None => Vec::new(),
            };
            expected.sort_unstable();
            assert_eq!(sheet.formulas, expected, "{} › {}", p.display(), sheet.name);
        }
    }
    assert!(merges > 100, "the workbooks have merged regions ({merges})");
}
