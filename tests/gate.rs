//! The gate (base/gate.rs) end to end, issue 14 §2: every text zhengban writes out passes it.
//!
//! A batch whose file names are hostile — `javascript:alert(1);a.xlsx` (legal on Linux), a
//! name with U+202E that reads as another, a name with terminal escapes — goes through
//! `report -o`, `report --html`, `check --annotate` and drop mode: no page links anything but
//! `./…` and `#…`, no workbook holds a link that is not `./…`, no page holds a raw control or
//! bidi character, and nothing printed on the terminal holds one either.
//!
//! A unit with control characters in its name and cells and a 40,000-character cell, saved as
//! ods (the rebuilt copy's path) and as xlsx, goes through `report -o` and `check --annotate`:
//! every XML part of every workbook written is well-formed XML 1.0 (parsed with quick-xml,
//! and no character XML cannot hold, raw or as a reference), and no text is over Excel's
//! 32,767 UTF-16 units.
//!
//! The cases are data: [`HOSTILE_NAMES`] and [`RUNS`]; each run's outputs go through the same
//! checks.

mod support;

use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use quick_xml::events::Event;
use quick_xml::XmlVersion;
use support::{Book, Val, AS_OF, SUMMARY};

/// File names no output may pass on as they are, with the sample copied under each. The
/// last one is ordinary: its link must survive.
const HOSTILE_NAMES: &[&str] = &[
    "javascript:alert(1);a.xlsx",
    "台账\u{202e}xslx.xlsx",
    "单位\u{1b}]0;pwned\u{7}\u{1b}[2J.xlsx",
    "正常.xlsx",
];

/// The sample with faults, so that the roll-up's 诊断明细 links to cells too.
const SAMPLE: &str = "samples/faulty/超装与OEM填价/超装与OEM填价.xlsx";

/// The commands run on the hostile batch (in a folder `报送` of the working directory, each
/// file a unit), and the files each writes there.
const RUNS: &[(&[&str], &[&str])] = &[
    (
        &[
            "report",
            "报送",
            "--unit-per-file",
            "-o",
            "汇总.xlsx",
            "--html",
            "汇总.html",
        ],
        &["汇总.xlsx", "汇总.html"],
    ),
    (
        &["check", "报送", "--unit-per-file", "--annotate", "标注"],
        &[],
    ),
    (
        &["check", "报送", "--unit-per-file", "--format", "text"],
        &[],
    ),
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Run the binary in `dir`, checking as of the fixtures' date (`inspect` takes no date).
fn zhengban(dir: &Path, args: &[&str]) -> Output {
    let dated = args.first() != Some(&"inspect");
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .args(if dated { &["--as-of", AS_OF][..] } else { &[] })
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .output()
        .expect("run zhengban")
}

/// What the terminal was sent, stdout and stderr, after checking the exit code.
#[track_caller]
fn terminal_text(o: &Output, args: &[&str]) -> String {
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: exit {:?}\n{text}",
        o.status.code()
    );
    assert!(!text.contains("panicked"), "{args:?}\n{text}");
    text
}

/// Characters that must not reach a terminal or a page raw (besides line breaks and tabs).
fn hidden(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{2028}' | '\u{2029}')
}

#[track_caller]
fn assert_nothing_hidden(what: &str, text: &str) {
    let chars: Vec<char> = text.chars().collect();
    if let Some(i) = chars.iter().position(|c| hidden(*c)) {
        let around: String = chars[i.saturating_sub(40)..(i + 20).min(chars.len())]
            .iter()
            .collect();
        panic!("{what}: raw {:?} in …{around:?}…", chars[i]);
    }
}

fn read_zip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut out = Vec::new();
    for i in 0..z.len() {
        let mut f = z.by_index(i).unwrap();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        out.push((f.name().unwrap().into_owned(), data));
    }
    out
}

fn write_zip(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method = if name == "mimetype" {
            zip::CompressionMethod::Stored
        } else {
            zip::CompressionMethod::Deflated
        };
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        z.start_file(name.as_str(), options).unwrap();
        z.write_all(data).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// Whether XML 1.0 cannot hold `c`.
fn xml_illegal(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// Elements whose text Excel counts as one text against its limit.
const TEXTS: &[&str] = &["si", "is", "comment"];

/// Every part of the xlsx at `path`, checked: well-formed XML 1.0 (quick-xml, end names
/// matched, attributes well-formed), no illegal character raw or as a reference, no text of
/// a cell, shared string or comment over 32,767 UTF-16 units. Returns the parts.
#[track_caller]
fn check_xlsx(path: &Path) -> Vec<(String, String)> {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut parts = Vec::new();
    for (name, data) in read_zip(&bytes) {
        let what = format!("{} › {name}", path.display());
        let Ok(xml) = String::from_utf8(data) else {
            assert!(
                !name.ends_with(".xml") && !name.ends_with(".rels"),
                "{what}: not UTF-8"
            );
            continue;
        };
        if let Some(c) = xml.chars().find(|c| xml_illegal(*c)) {
            panic!("{what}: raw {c:?}");
        }
        let mut reader = quick_xml::Reader::from_str(&xml);
        reader.config_mut().check_end_names = true;
        let mut open: Vec<(String, usize)> = Vec::new();
        let mut run = 0usize;
        loop {
            let event = reader.read_event().unwrap_or_else(|e| {
                panic!(
                    "{what}: not well-formed at {}: {e}",
                    reader.buffer_position()
                )
            });
            let units = match &event {
                Event::Text(t) => t.xml10_content().encode_utf16().count(),
                Event::GeneralRef(r) => match r.resolve_char_ref() {
                    Ok(Some(c)) => {
                        assert!(!xml_illegal(c), "{what}: {c:?} as a reference");
                        c.len_utf16()
                    }
                    Ok(None) => 1,
                    Err(e) => panic!("{what}: bad reference: {e}"),
                },
                _ => 0,
            };
            match &event {
                Event::Start(e) | Event::Empty(e) => {
                    for a in e.attributes().with_checks(true) {
                        let a = a.unwrap_or_else(|err| panic!("{what}: attribute: {err}"));
                        let v = a
                            .normalized_value(XmlVersion::Implicit1_0)
                            .unwrap_or_else(|err| panic!("{what}: {err}"));
                        assert!(!v.chars().any(xml_illegal), "{what}: attribute {v:?}");
                    }
                    run = 0;
                    if matches!(event, Event::Start(_)) {
                        let local = e.local_name().as_ref().to_string();
                        if TEXTS.contains(&local.as_str()) {
                            open.push((local, 0));
                        }
                    }
                }
                Event::End(e) => {
                    if open
                        .last()
                        .is_some_and(|(n, _)| n.as_str() == e.local_name().as_ref())
                    {
                        let (n, total) = open.pop().unwrap();
                        assert!(total <= 32_767, "{what}: a <{n}> of {total} UTF-16 units");
                    }
                    run = 0;
                }
                Event::Eof => break,
                _ => {}
            }
            run += units;
            assert!(run <= 32_767, "{what}: a text of {run} UTF-16 units");
            if let Some((_, total)) = open.last_mut() {
                *total += units;
            }
        }
        parts.push((name, xml));
    }
    parts
}

/// The `Target` of every external relationship in the parts.
fn external_targets(parts: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (name, xml) in parts.iter().filter(|(n, _)| n.ends_with(".rels")) {
        let mut reader = quick_xml::Reader::from_str(xml);
        loop {
            match reader.read_event().unwrap() {
                Event::Start(e) | Event::Empty(e) => {
                    let get = |key: &str| {
                        e.attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == key)
                            .map(|a| {
                                a.normalized_value(XmlVersion::Implicit1_0)
                                    .unwrap()
                                    .into_owned()
                            })
                    };
                    if get("TargetMode").as_deref() == Some("External") {
                        out.push(get("Target").unwrap_or_else(|| panic!("{name}: no Target")));
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }
    out
}

/// Every `href` of a page.
fn hrefs(page: &str) -> Vec<&str> {
    page.split("href=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap())
        .collect()
}

#[test]
fn hostile_file_names_are_neither_links_nor_raw_in_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let batch = dir.path().join("报送");
    std::fs::create_dir(&batch).unwrap();
    for name in HOSTILE_NAMES {
        std::fs::copy(root().join(SAMPLE), batch.join(name)).unwrap();
    }
    for (args, written) in RUNS {
        let out = zhengban(dir.path(), args);
        let text = terminal_text(&out, args);
        assert_nothing_hidden(&format!("{args:?} on the terminal"), &text);
        // The names are there, visibly escaped.
        assert!(
            text.contains("\\u{1b}") || args[0] == "report",
            "{args:?}\n{text}"
        );
        for file in *written {
            let path = dir.path().join(file);
            if file.ends_with(".html") {
                let page = std::fs::read_to_string(&path).unwrap();
                assert_nothing_hidden(file, &page);
                assert!(page.contains("台账\\u{202e}xslx.xlsx"), "the RLO is shown");
                assert!(
                    page.contains("\\u{1b}]0;pwned\\u{7}"),
                    "the escape is shown"
                );
                let links = hrefs(&page);
                assert!(!page.to_lowercase().contains("href=\"javascript:"));
                for h in &links {
                    assert!(
                        h.starts_with("./") || h.starts_with('#'),
                        "{file}: href {h}"
                    );
                    assert!(!h.contains(':'), "{file}: href {h}");
                }
                assert!(
                    links.contains(&"./报送/正常.xlsx"),
                    "an ordinary file keeps its link: {links:?}"
                );
            } else {
                let parts = check_xlsx(&path);
                let targets = external_targets(&parts);
                for t in &targets {
                    assert!(t.starts_with("./") && !t.contains(':'), "{file}: link {t}");
                }
                assert!(
                    targets.iter().any(|t| t == "./报送/正常.xlsx"),
                    "an ordinary file keeps its link: {targets:?}"
                );
                for (name, xml) in &parts {
                    for (i, _) in xml.to_lowercase().match_indices("javascript:") {
                        let before = &xml[..i];
                        assert!(
                            !before.ends_with("Target=\"") && !before.ends_with("location=\""),
                            "{file} › {name}: a javascript: link"
                        );
                    }
                }
            }
        }
    }
    // The annotated copies were written, under names the gate escaped on the terminal.
    let copies = std::fs::read_dir(dir.path().join("标注")).unwrap().count();
    assert_eq!(copies, HOSTILE_NAMES.len());
}

#[test]
fn drop_mode_pages_and_messages_show_hostile_names_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let mut args = Vec::new();
    for name in HOSTILE_NAMES {
        std::fs::copy(root().join(SAMPLE), dir.path().join(name)).unwrap();
        args.push(*name);
    }
    let out = zhengban(dir.path(), &args);
    let text = terminal_text(&out, &args);
    assert_nothing_hidden("drop mode on the terminal", &text);
    let mut pages = 0;
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".html") {
            pages += 1;
            let page = std::fs::read_to_string(&path).unwrap();
            assert_nothing_hidden(&name, &page);
            for h in hrefs(&page) {
                assert!(
                    h.starts_with('#') || h.starts_with("./"),
                    "{name}: href {h}"
                );
            }
        }
    }
    assert_eq!(pages, HOSTILE_NAMES.len());
}

/// A 40,000-character text with a control character in it, where ZB006 quotes it whole (an
/// unreadable 采购时间).
fn long_text() -> String {
    format!("2024年{}\u{1}月", "一".repeat(40_000))
}

/// The clean fixture with control characters in the unit's name (the caption of the
/// summary), a software name and a sheet name, and the long text in a cell.
fn hostile_cells() -> Book {
    let mut b = Book::clean();
    b.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县\u{1}审计\u{1b}[2J局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日",
    )
    .set(SUMMARY, "C8", "奇安信\u{1}天擎\u{fffe}终端安全管理系统")
    .set(SUMMARY, "F8", &long_text());
    b.sheet_mut("RJ004").name = "RJ004\u{1}\u{1b}".into();
    b
}

/// `text` as ods element content: markup escaped, a control character as a character
/// reference (which calamine reads back), a line break as a new paragraph.
fn ods_text(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("</text:p><text:p>"),
            c if (c as u32) < 0x20 || c == '\u{fffe}' => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}

/// The book as an ods: values, dates and merges (what the reader needs), no formatting.
fn write_ods(book: &Book, path: &Path) {
    fn rc(a1: &str) -> (usize, usize) {
        let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
        let col = letters
            .bytes()
            .fold(0, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
            - 1;
        (a1[letters.len()..].parse::<usize>().unwrap() - 1, col)
    }
    let mut body = String::new();
    for sheet in &book.sheets {
        let merges: Vec<((usize, usize), (usize, usize))> = sheet
            .merges
            .iter()
            .map(|m| {
                let (a, b) = m.split_once(':').unwrap();
                (rc(a), rc(b))
            })
            .collect();
        body.push_str(&format!(
            "<table:table table:name=\"{}\">",
            ods_text(&sheet.name)
        ));
        for (r, row) in sheet.rows.iter().enumerate() {
            body.push_str("<table:table-row>");
            for (c, v) in row.iter().enumerate() {
                if merges.iter().any(|&(a, b)| {
                    a != (r, c) && (a.0..=b.0).contains(&r) && (a.1..=b.1).contains(&c)
                }) {
                    body.push_str("<table:covered-table-cell/>");
                    continue;
                }
                let span = merges
                    .iter()
                    .find(|(a, _)| *a == (r, c))
                    .map(|(a, b)| {
                        format!(
                            " table:number-rows-spanned=\"{}\" table:number-columns-spanned=\"{}\"",
                            b.0 - a.0 + 1,
                            b.1 - a.1 + 1
                        )
                    })
                    .unwrap_or_default();
                body.push_str(&match v {
                    Val::Empty => format!("<table:table-cell{span}/>"),
                    Val::S(t) => format!(
                        "<table:table-cell{span} office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>",
                        ods_text(t)
                    ),
                    Val::N(n) => format!(
                        "<table:table-cell{span} office:value-type=\"float\" office:value=\"{n}\"><text:p>{n}</text:p></table:table-cell>"
                    ),
                    Val::D(y, m, d) => format!(
                        "<table:table-cell{span} office:value-type=\"date\" office:date-value=\"{y:04}-{m:02}-{d:02}\"><text:p>{y:04}-{m:02}-{d:02}</text:p></table:table-cell>"
                    ),
                });
            }
            body.push_str("</table:table-row>");
        }
        body.push_str("</table:table>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet>{body}</office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let entries = vec![
        (
            "mimetype".to_string(),
            b"application/vnd.oasis.opendocument.spreadsheet".to_vec(),
        ),
        (
            "META-INF/manifest.xml".to_string(),
            manifest.as_bytes().to_vec(),
        ),
        ("content.xml".to_string(), content.into_bytes()),
    ];
    std::fs::write(path, write_zip(&entries)).unwrap();
}

/// The book as an xlsx: rust_xlsxwriter refuses a text over Excel's limit and a sheet name
/// with a control character, so those go into the parts afterwards (as the character
/// references a hostile file may hold).
fn write_xlsx(book: &Book, path: &Path) {
    const LONG: &str = "LONG-TEXT-PLACEHOLDER";
    const SHEET: &str = "SHEETPLACEHOLDER";
    let mut b = book.clone();
    b.set(SUMMARY, "F8", LONG);
    for s in &mut b.sheets {
        if s.name.contains('\u{1}') {
            s.name = SHEET.into();
        }
    }
    b.write(path);
    let sheet = book
        .sheets
        .iter()
        .find(|s| s.name.contains('\u{1}'))
        .map(|s| s.name.clone())
        .unwrap();
    let entries: Vec<(String, Vec<u8>)> = read_zip(&std::fs::read(path).unwrap())
        .into_iter()
        .map(|(name, data)| {
            let xml = String::from_utf8(data.clone());
            match xml {
                Ok(x) if x.contains(LONG) || x.contains(SHEET) => {
                    let x = x
                        .replace(LONG, &ods_text(&long_text()))
                        .replace(SHEET, &ods_text(&sheet));
                    (name, x.into_bytes())
                }
                _ => (name, data),
            }
        })
        .collect();
    std::fs::write(path, write_zip(&entries)).unwrap();
}

#[test]
fn control_characters_and_a_40000_character_cell_leave_every_workbook_valid() {
    let dir = tempfile::tempdir().unwrap();
    let book = hostile_cells();
    write_ods(&book, &dir.path().join("单位.ods"));
    write_xlsx(&book, &dir.path().join("单位2.xlsx"));
    // Read as written: the payloads reach the model (else this test proves nothing).
    let inspect = zhengban(dir.path(), &["inspect", "单位.ods"]);
    let shown = terminal_text(&inspect, &["inspect"]);
    assert_nothing_hidden("inspect", &shown);
    assert!(shown.contains("RJ004\\u{1}\\u{1b}"), "{shown}");
    for input in ["单位.ods", "单位2.xlsx"] {
        let out = zhengban(
            dir.path(),
            &[
                "report",
                input,
                "-o",
                &format!("{input}.汇总.xlsx"),
                "--html",
                &format!("{input}.汇总.html"),
            ],
        );
        let text = terminal_text(&out, &["report", input]);
        assert_nothing_hidden("report on the terminal", &text);
        let parts = check_xlsx(&dir.path().join(format!("{input}.汇总.xlsx")));
        let all: String = parts.iter().map(|(_, x)| x.as_str()).collect();
        assert!(
            all.contains("测试县\\u{1}审计\\u{1b}[2J局"),
            "the unit name, visibly"
        );
        assert!(all.contains('…'), "the long message is cut, visibly");
        let page = std::fs::read_to_string(dir.path().join(format!("{input}.汇总.html"))).unwrap();
        assert_nothing_hidden("the roll-up page", &page);
    }
    // The ods is rebuilt as an xlsx (rust_xlsxwriter): its cells, sheet names, notes and the
    // 诊断报告 all through the gate.
    let out = zhengban(dir.path(), &["check", "单位.ods", "--annotate", "标注"]);
    let text = terminal_text(&out, &["check --annotate"]);
    assert_nothing_hidden("check on the terminal", &text);
    let copy = dir.path().join("标注/单位.诊断.xlsx");
    let parts = check_xlsx(&copy);
    let book_xml = &parts
        .iter()
        .find(|(n, _)| n == "xl/workbook.xml")
        .unwrap()
        .1;
    assert!(book_xml.contains("name=\"RJ004__\""), "{book_xml}");
    let all: String = parts.iter().map(|(_, x)| x.as_str()).collect();
    assert!(
        all.contains("奇安信\\u{1}天擎\\u{fffe}终端安全管理系统"),
        "the cell, visibly"
    );
}
