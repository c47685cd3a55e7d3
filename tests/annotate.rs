//! The annotated copy (`check --annotate`, derive.md "Annotated copy"), read back with
//! umya-spreadsheet and compared with the input: the marked cells are exactly the cells the
//! diagnostics point at (filled by severity) and the cells they involve (a lighter fill),
//! each with a note carrying the code; 诊断报告 comes first, lists every diagnostic with a
//! link to its cell, an autofilter and a frozen header; everything the clerk typed — values,
//! formulas, styles, merges, widths, validations, notes of their own, print titles — is as it
//! was; and the input's bytes are unchanged. LibreOffice must open the copies (gated like
//! `tests/templates_libreoffice.rs`).

mod support;

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use umya_spreadsheet::{Workbook, Worksheet};
use zhengban::batch::UnitReport;
use zhengban::render::annotate::{annotate, REPORT_SHEET};
use zhengban::rules::{Severity, Target};

use support::check_path;

const AS_OF: &str = "2026-11-25";

fn as_of() -> chrono::NaiveDate {
    chrono::NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap()
}

fn hash(path: &Path) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    std::fs::read(path).unwrap().hash(&mut h);
    h.finish()
}

fn read_xlsx(bytes: &[u8]) -> Workbook {
    umya_spreadsheet::reader::xlsx::read_reader(std::io::Cursor::new(bytes), true).unwrap()
}

/// (sheet, 1-based col, 1-based row)
type Place = (String, u32, u32);

/// The cells diagnostics point at, with the severity and code of each.
type Primary = BTreeMap<Place, Vec<(Severity, &'static str)>>;

fn fill_of(ws: &Worksheet, col: u32, row: u32) -> Option<String> {
    let cell = ws.cell((col, row))?;
    let fill = cell.style().fill()?.pattern_fill()?;
    fill.foreground_color().map(|c| c.argb_str())
}

fn note_text(c: &umya_spreadsheet::Comment) -> String {
    let t = c.text();
    if let Some(r) = t.rich_text() {
        r.text().to_string()
    } else {
        t.text().map(|t| t.value().to_string()).unwrap_or_default()
    }
}

fn notes(ws: &Worksheet) -> BTreeMap<(u32, u32), String> {
    ws.comments()
        .iter()
        .map(|c| {
            (
                (c.coordinate().col_num(), c.coordinate().row_num()),
                note_text(c),
            )
        })
        .collect()
}

/// The cells a diagnostic of `file` points at (primary) and involves (related), 1-based,
/// moved to the top-left cell of a merge, with the severities concerned.
fn expected_marks(report: &UnitReport, file: &str) -> (Primary, BTreeSet<Place>) {
    let shown = |c: &zhengban::base::CellRef| -> Place {
        let (r, col) = report
            .sources
            .sheet(&c.file, &c.sheet)
            .and_then(|s| s.merge_at(c.row, c.col))
            .map(|m| (m.first_row, m.first_col))
            .unwrap_or((c.row, c.col));
        (c.sheet.to_string(), col + 1, r + 1)
    };
    let mut primary: Primary = BTreeMap::new();
    let mut related = BTreeSet::new();
    for d in &report.diagnostics {
        if let Target::Cell(c) = &d.target {
            if &*c.file == file {
                primary
                    .entry(shown(c))
                    .or_default()
                    .push((d.severity, d.code));
            }
        }
        for r in &d.related {
            if let Target::Cell(c) = &r.target {
                if &*c.file == file && r.target != d.target {
                    related.insert(shown(c));
                }
            }
        }
    }
    (primary, related)
}

fn primary_colour(s: Severity) -> &'static str {
    match s {
        Severity::Error => "FFFF8A8A",
        Severity::Warning => "FFFFC34D",
        Severity::Info => "FF8DB9EA",
    }
}

/// The name of the workbook's default font (the first in xl/styles.xml), which a cell
/// without a style of its own shows.
fn default_font(xlsx: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/styles.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let fonts = &xml[xml.find("<fonts").unwrap()..];
    let name = fonts.split("<name val=\"").nth(1).unwrap();
    name[..name.find('"').unwrap()].to_string()
}

/// A marked cell's style is the original but for the fill. Where the original had no style
/// of its own (the workbook default), the copy spells the default out: the default font, no
/// borders, the General number format.
fn assert_same_but_fill(
    orig: &umya_spreadsheet::Style,
    copy: &umya_spreadsheet::Style,
    default_font: &str,
    at: &str,
) {
    match orig.font() {
        Some(f) => assert_eq!(copy.font(), Some(f), "{at} font"),
        None => {
            if let Some(f) = copy.font() {
                assert_eq!(f.name(), default_font, "{at} default font");
            }
        }
    }
    match orig.borders() {
        Some(b) => assert_eq!(copy.borders(), Some(b), "{at} borders"),
        None => {
            if let Some(b) = copy.borders() {
                for side in [b.left(), b.right(), b.top(), b.bottom(), b.diagonal()] {
                    assert_eq!(
                        side.style(),
                        &umya_spreadsheet::BorderStyleValues::None,
                        "{at} no borders"
                    );
                }
            }
        }
    }
    match orig.number_format() {
        Some(n) => assert_eq!(copy.number_format(), Some(n), "{at} number format"),
        None => {
            if let Some(n) = copy.number_format() {
                assert_eq!(n.number_format_id(), 0, "{at} General");
            }
        }
    }
    assert_eq!(orig.alignment(), copy.alignment(), "{at} alignment");
    assert_eq!(orig.protection(), copy.protection(), "{at} protection");
}

/// Every sheet's cells, styles, merges, widths, validations and notes of `original` are in
/// `copy`, except the fill (and an added note) of the `marked` cells.
fn assert_kept(original: &Workbook, copy: &Workbook, marked: &BTreeSet<Place>, default_font: &str) {
    let names: Vec<&str> = original
        .sheet_collection()
        .iter()
        .map(|s| s.name())
        .collect();
    let copied: Vec<&str> = copy.sheet_collection().iter().map(|s| s.name()).collect();
    assert_eq!(copied[0], REPORT_SHEET, "诊断报告 comes first");
    assert_eq!(
        &copied[1..],
        &names[..],
        "the clerk's sheets, in their order"
    );
    for ws in original.sheet_collection() {
        let cp = copy.sheet_by_name(ws.name()).unwrap();
        for cell in ws.cells() {
            let (col, row) = (cell.coordinate().col_num(), cell.coordinate().row_num());
            let at = format!("{}!{}", ws.name(), cell.coordinate());
            let Some(c) = cp.cell((col, row)) else {
                // Only a cell with nothing in it may be left out (`<c r="D11" t="inlineStr"/>`
                // as openpyxl writes an empty string).
                assert!(
                    cell.value().is_empty()
                        && cell.formula().is_empty()
                        && cell.style() == &umya_spreadsheet::Style::default(),
                    "{at} lost"
                );
                continue;
            };
            assert_eq!(c.value(), cell.value(), "{at} value");
            assert_eq!(c.formula(), cell.formula(), "{at} formula");
            if marked.contains(&(ws.name().to_string(), col, row)) {
                assert_same_but_fill(cell.style(), c.style(), default_font, &at);
            } else {
                assert_eq!(cell.style(), c.style(), "{at} style");
            }
        }
        let merges = |w: &Worksheet| -> BTreeSet<String> {
            w.merge_cells().iter().map(|r| r.range()).collect()
        };
        assert_eq!(merges(cp), merges(ws), "{} merges", ws.name());
        for col in ws.column_dimensions() {
            let c = cp
                .column_dimension_by_number(col.col_num())
                .unwrap_or_else(|| panic!("{} column {} lost", ws.name(), col.col_num()));
            assert_eq!(
                c.width(),
                col.width(),
                "{} column {} width",
                ws.name(),
                col.col_num()
            );
        }
        let validations = |w: &Worksheet| -> Vec<String> {
            w.data_validations()
                .map(|v| {
                    v.data_validation_list()
                        .iter()
                        .map(|d| {
                            let refs: Vec<String> = d
                                .sequence_of_references()
                                .range_collection()
                                .iter()
                                .map(|r| r.range())
                                .collect();
                            format!("{} {} {:?}", refs.join(" "), d.formula1(), d.operator())
                        })
                        .collect()
                })
                .unwrap_or_default()
        };
        assert_eq!(
            validations(cp),
            validations(ws),
            "{} validations",
            ws.name()
        );
        let theirs = notes(ws);
        let ours = notes(cp);
        for (at, text) in &theirs {
            let kept = ours
                .get(at)
                .unwrap_or_else(|| panic!("{} note at {at:?} lost", ws.name()));
            assert!(
                kept.starts_with(text.as_str()),
                "{} note {at:?}: {kept}",
                ws.name()
            );
        }
    }
}

/// Each `<definedName localSheetId=N>` of the copy names the sheet at position N.
fn assert_names_scoped_right(bytes: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("xl/workbook.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let sheets: Vec<String> = xml
        .split("<sheet ")
        .skip(1)
        .map(|s| {
            let name = s.split("name=\"").nth(1).unwrap();
            name[..name.find('"').unwrap()].to_string()
        })
        .collect();
    for d in xml.split("<definedName ").skip(1) {
        let Some(id) = d.split("localSheetId=\"").nth(1) else {
            continue;
        };
        let id: usize = id[..id.find('"').unwrap()].parse().unwrap();
        let body = &d[d.find('>').unwrap() + 1..d.find("</definedName>").unwrap()];
        assert!(
            body.contains(&sheets[id]),
            "name scoped to sheet {id} ({}) refers to {body}",
            sheets[id]
        );
    }
}

/// The 1-based row of the 诊断报告's list header (序号 in column A), under its title block.
fn header_row(ws: &Worksheet) -> u32 {
    (1..=20)
        .find(|&r| ws.cell((1, r)).is_some_and(|c| c.value() == "序号"))
        .expect("a 序号 header")
}

/// The 诊断报告's title block: title, unit, file, check date, counts, version — each line
/// merged across the list so that it prints whole.
fn assert_title_block(ws: &Worksheet, report: &UnitReport, file: &str) {
    let text = |r: u32| {
        ws.cell((1, r))
            .map(|c| c.value().to_string())
            .unwrap_or_default()
    };
    let name = Path::new(file).file_name().unwrap().to_string_lossy();
    let counts = format!(
        "检查结果：错误 {} · 警告 {} · 提示 {}",
        report.count(Severity::Error),
        report.count(Severity::Warning),
        report.count(Severity::Info)
    );
    let lines: Vec<String> = (1..header_row(ws)).map(text).collect();
    assert_eq!(
        lines,
        [
            "软件正版化台账诊断报告".to_string(),
            format!("单位名称：{}", report.unit.name),
            format!("文件：{name}"),
            format!("检查日期：{AS_OF}"),
            counts,
            format!("zhengban 版本 {}", env!("CARGO_PKG_VERSION")),
            String::new(),
        ]
    );
    let merged: Vec<String> = ws.merge_cells().iter().map(|m| m.range()).collect();
    for r in 1..=6 {
        assert!(
            merged.iter().any(|m| m.starts_with(&format!("A{r}:"))),
            "title line {r} merged across: {merged:?}"
        );
    }
}

/// The 诊断报告 rows: one per diagnostic, in order, with the link to its cell.
fn assert_report_sheet(copy: &Workbook, report: &UnitReport, file: &str) {
    let ws = copy.sheet(0).unwrap();
    assert_eq!(ws.name(), REPORT_SHEET);
    assert_title_block(ws, report, file);
    let top = header_row(ws);
    let multi = report.unit.files.len() > 1;
    let header: Vec<String> = (1..=9 + multi as u32)
        .map(|c| {
            ws.cell((c, top))
                .map(|c| c.value().to_string())
                .unwrap_or_default()
        })
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap() as u32 + 1;
    assert_eq!(&header[..3], ["序号", "级别", "代码"]);
    for name in ["工作表", "单元格", "问题", "修改建议", "规则", "相关位置"] {
        col(name);
    }
    for (i, d) in report.diagnostics.iter().enumerate() {
        let r = top + 1 + i as u32;
        let text = |c: u32| {
            ws.cell((c, r))
                .map(|c| c.value().to_string())
                .unwrap_or_default()
        };
        assert_eq!(text(col("代码")), d.code, "row {r}");
        assert_eq!(text(col("级别")), d.severity.label(), "row {r}");
        assert_eq!(text(col("问题")), d.message, "row {r}");
        let link = ws
            .cell((col("单元格"), r))
            .and_then(|c| c.hyperlink())
            .map(|h| (h.url().to_string(), h.location()));
        match &d.target {
            Target::Cell(c) if &*c.file == file => {
                assert_eq!(text(col("单元格")), c.a1());
                assert_eq!(
                    link,
                    Some((format!("'{}'!{}", c.sheet, c.a1()), true)),
                    "row {r}"
                );
            }
            Target::Sheet { file: f, sheet } if &**f == file => {
                assert_eq!(link, Some((format!("'{sheet}'!A1"), true)), "row {r}");
            }
            _ => assert_eq!(link, None, "row {r}: no link out of this file"),
        }
    }
    let filter = ws.auto_filter().expect("autofilter").range().range();
    assert!(filter.starts_with(&format!("A{top}:")), "{filter}");
    assert!(
        filter.ends_with(&(report.diagnostics.len().max(1) as u32 + top).to_string()),
        "{filter}"
    );
    let pane = ws.sheets_views().sheet_view_list()[0]
        .pane()
        .expect("frozen header");
    assert_eq!(
        pane.vertical_split(),
        top as f64,
        "frozen under the list's header"
    );
    assert_eq!(copy.workbook_view().active_tab(), 0, "opens on 诊断报告");
}

/// Annotate every file of the unit at `path` (copied to a temp dir first) and check every
/// copy; returns the report and the copies' bytes by input file.
fn annotate_and_check(path: &Path) -> (UnitReport, Vec<(PathBuf, Vec<u8>)>) {
    let report = check_path(path, AS_OF);
    assert!(!report.diagnostics.is_empty(), "a faulty workbook");
    let before = hash(path);
    let copies: Vec<_> = annotate(&report, as_of())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(hash(path), before, "input bytes unchanged");
    let mut out = Vec::new();
    for copy in copies {
        assert!(!copy.rebuilt);
        let file = copy.input.display().to_string();
        let original = umya_spreadsheet::reader::xlsx::read(&copy.input).unwrap();
        let annotated = read_xlsx(&copy.bytes);
        let (primary, related) = expected_marks(&report, &file);
        let marked: BTreeSet<Place> = primary.keys().cloned().chain(related.clone()).collect();
        // The marked cells are exactly the cells concerned.
        let mut changed = BTreeSet::new();
        for ws in original.sheet_collection() {
            let cp = annotated.sheet_by_name(ws.name()).unwrap();
            let mut places: BTreeSet<(u32, u32)> = cp
                .cells()
                .iter()
                .map(|c| (c.coordinate().col_num(), c.coordinate().row_num()))
                .collect();
            places.extend(
                ws.cells()
                    .iter()
                    .map(|c| (c.coordinate().col_num(), c.coordinate().row_num())),
            );
            for (col, row) in places {
                if fill_of(ws, col, row) != fill_of(cp, col, row) {
                    changed.insert((ws.name().to_string(), col, row));
                }
            }
        }
        assert_eq!(changed, marked, "filled cells of {file}");
        for (place, found) in &primary {
            let ws = annotated.sheet_by_name(&place.0).unwrap();
            let worst = found.iter().map(|(s, _)| *s).min().unwrap();
            assert_eq!(
                fill_of(ws, place.1, place.2).as_deref(),
                Some(primary_colour(worst)),
                "{place:?}"
            );
            let note = notes(ws)
                .get(&(place.1, place.2))
                .cloned()
                .unwrap_or_default();
            for (_, code) in found {
                assert!(note.contains(code), "{place:?} note lacks {code}: {note}");
            }
        }
        for place in related.difference(&primary.keys().cloned().collect()) {
            let ws = annotated.sheet_by_name(&place.0).unwrap();
            let fill = fill_of(ws, place.1, place.2).unwrap();
            assert!(
                !["FFFF8A8A", "FFFFC34D", "FF8DB9EA"].contains(&fill.as_str()),
                "{place:?} related, lighter: {fill}"
            );
            let note = notes(ws)
                .get(&(place.1, place.2))
                .cloned()
                .unwrap_or_default();
            assert!(note.contains("有关"), "{place:?}: {note}");
        }
        let font = default_font(&std::fs::read(&copy.input).unwrap());
        assert_kept(&original, &annotated, &marked, &font);
        assert_report_sheet(&annotated, &report, &file);
        assert_names_scoped_right(&copy.bytes);
        out.push((copy.input, copy.bytes));
    }
    (report, out)
}

fn temp_copy(src: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let to = dir.path().join(src.file_name().unwrap());
    if src.is_dir() {
        std::fs::create_dir(&to).unwrap();
        for e in std::fs::read_dir(src).unwrap() {
            let e = e.unwrap().path();
            std::fs::copy(&e, to.join(e.file_name().unwrap())).unwrap();
        }
    } else {
        std::fs::copy(src, &to).unwrap();
    }
    (dir, to)
}

#[test]
fn faulty_samples_are_marked_exactly_where_the_diagnostics_are() {
    for name in ["三本台账不一致", "统计表与表单", "超装与OEM填价"] {
        let src = Path::new("samples/faulty")
            .join(name)
            .join(format!("{name}.xlsx"));
        let (_dir, path) = temp_copy(&src);
        annotate_and_check(&path);
    }
}

#[test]
fn an_openpyxl_workbook_is_marked_and_kept() {
    let (_dir, path) = temp_copy(Path::new("tests/foreign/district-education-bureau.xlsx"));
    let (report, copies) = annotate_and_check(&path);
    let codes: BTreeSet<&str> = report.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(
        codes,
        ["ZB403", "ZB405", "ZB410", "ZB414", "ZB415"]
            .into_iter()
            .collect()
    );
    let copy = read_xlsx(&copies[0].1);
    let summary = copy.sheet_by_name("表5").unwrap();
    assert_eq!(
        fill_of(summary, 13, 8).as_deref(),
        Some("FFFF8A8A"),
        "M8 red"
    );
    let note = &notes(summary)[&(13, 8)];
    assert!(note.starts_with("ZB405 错误\n安装数量 5"), "{note}");
    assert!(
        note.contains("《软件台账管理规定》一.13"),
        "regulation named: {note}"
    );
    // The usage row the ZB405 names is lighter, with a note saying which diagnostic.
    let usage = copy.sheet_by_name("表6").unwrap();
    let note = &notes(usage)[&(6, 8)];
    assert!(note.starts_with("与 表5 › M8 的 ZB405 错误有关"), "{note}");
}

#[test]
fn notes_validations_and_print_titles_of_the_clerk_are_kept() {
    let (_dir, path) = temp_copy(Path::new("tests/fixtures/annotate/commented.xlsx"));
    let (_, copies) = annotate_and_check(&path);
    let copy = read_xlsx(&copies[0].1);
    let summary = copy.sheet_by_name("表5").unwrap();
    let n = notes(summary);
    let m8 = &n[&(13, 8)];
    assert!(
        m8.starts_with("财务科：这个数待核对"),
        "the clerk's note first: {m8}"
    );
    assert!(m8.contains("ZB405"), "ours added: {m8}");
    assert_eq!(
        n[&(3, 7)],
        "2026 年统一采购",
        "an unmarked cell's note untouched"
    );
    let author = summary
        .comments()
        .iter()
        .find(|c| c.coordinate().col_num() == 13 && c.coordinate().row_num() == 8)
        .unwrap()
        .author()
        .to_string();
    assert_eq!(author, "李会计");
}

#[test]
fn a_split_unit_gets_one_copy_per_file() {
    // The sample unit whose tables are spread over three files: each file gets its own copy,
    // whose 诊断报告 has a 文件 column for the whole unit.
    let (dir, path) = temp_copy(Path::new("samples/shuanglong-split"));
    let sources = zhengban::ledger::discover(&[path], false).unwrap();
    assert_eq!(sources.len(), 1, "one unit");
    let opts = zhengban::batch::CheckOptions {
        as_of: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
        config: Default::default(),
        catalogue: Default::default(),
        roster: None,
    };
    let report = zhengban::batch::check_source(&sources[0], &opts);
    let copies: Vec<_> = annotate(&report, as_of())
        .into_iter()
        .map(Result::unwrap)
        .collect();
    assert_eq!(copies.len(), report.unit.files.len());
    assert_eq!(
        copies.len(),
        3,
        "汇总表, 明细表 and 安装维护情况明细表 files"
    );
    for c in &copies {
        assert!(c.file_name.ends_with(".诊断.xlsx"));
        let book = read_xlsx(&c.bytes);
        assert_eq!(book.sheet(0).unwrap().name(), REPORT_SHEET);
        let ws = book.sheet(0).unwrap();
        assert_eq!(
            ws.cell((4, header_row(ws))).unwrap().value(),
            "文件",
            "a 文件 column"
        );
    }
    drop(dir);
}

#[test]
fn xls_and_ods_get_a_rebuilt_copy_with_the_same_marks() {
    for ext in ["ods", "xls"] {
        let src = PathBuf::from(format!(
            "tests/foreign/resaved/district-education-bureau.lo.{ext}"
        ));
        let (_dir, path) = temp_copy(&src);
        let before = hash(&path);
        let report = check_path(&path, AS_OF);
        let copies: Vec<_> = annotate(&report, as_of())
            .into_iter()
            .map(Result::unwrap)
            .collect();
        assert_eq!(hash(&path), before);
        assert_eq!(copies.len(), 1);
        let c = &copies[0];
        assert!(c.rebuilt);
        assert_eq!(c.file_name, "district-education-bureau.lo.诊断.xlsx");
        let book = read_xlsx(&c.bytes);
        assert_eq!(book.sheet(0).unwrap().name(), REPORT_SHEET);
        let file = path.display().to_string();
        assert_title_block(book.sheet(0).unwrap(), &report, &file);
        let (primary, _) = expected_marks(&report, &file);
        for (place, found) in &primary {
            let ws = book.sheet_by_name(&place.0).unwrap();
            let worst = found.iter().map(|(s, _)| *s).min().unwrap();
            assert_eq!(
                fill_of(ws, place.1, place.2).as_deref(),
                Some(primary_colour(worst)),
                "{ext} {place:?}"
            );
            let note = notes(ws)
                .get(&(place.1, place.2))
                .cloned()
                .unwrap_or_default();
            assert!(note.contains(found[0].1), "{ext} {place:?}: {note}");
        }
        // The values are there, and the 诊断报告 says the formatting is not.
        let summary = book.sheet_by_name("表5").unwrap();
        assert_eq!(summary.cell((13, 8)).unwrap().value(), "5");
        let report_ws = book.sheet(0).unwrap();
        let footer: String = report_ws
            .cells()
            .iter()
            .map(|c| c.value().to_string())
            .collect();
        assert!(footer.contains("不是 xlsx 格式"), "{footer}");
    }
}

fn zhengban(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
}

#[test]
fn check_annotate_writes_beside_or_into_a_folder_and_never_overwrites() {
    let (dir, path) = temp_copy(Path::new("tests/foreign/district-education-bureau.xlsx"));
    let before = hash(&path);
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "district-education-bureau.xlsx",
            "--annotate",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let copy = dir.path().join("district-education-bureau.诊断.xlsx");
    assert!(copy.is_file());
    assert!(String::from_utf8_lossy(&o.stderr).contains("已写出批注副本"));
    // the copy the command wrote: its 诊断报告 opens with the title block, the date given,
    // and its lines still link to their cells
    let written = read_xlsx(&std::fs::read(&copy).unwrap());
    assert_report_sheet(
        &written,
        &check_path(&path, AS_OF),
        &path.display().to_string(),
    );
    let first = hash(&copy);
    // Again without --force: refused before any work, the copy kept.
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "district-education-bureau.xlsx",
            "--annotate",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在"));
    assert_eq!(hash(&copy), first);
    // With --force it is replaced (same content: the copy is deterministic).
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "district-education-bureau.xlsx",
            "--annotate",
            "--force",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    // Into a folder.
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "district-education-bureau.xlsx",
            "--annotate=批注",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(dir
        .path()
        .join("批注/district-education-bureau.诊断.xlsx")
        .is_file());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout stays JSON");
    assert_eq!(json["units"].as_array().unwrap().len(), 1);
    // Into a folder named after a space, as the README writes it: the folder is no unit.
    let o = zhengban(
        dir.path(),
        &[
            "check",
            "district-education-bureau.xlsx",
            "--annotate",
            "标注/",
            "--format",
            "json",
            "--as-of",
            AS_OF,
        ],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(dir
        .path()
        .join("标注/district-education-bureau.诊断.xlsx")
        .is_file());
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout stays JSON");
    assert_eq!(json["units"].as_array().unwrap().len(), 1);
    assert_eq!(hash(&path), before, "input bytes unchanged");
}

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|d| d.join(program))
        .find(|c| c.is_file())
}

#[test]
fn libreoffice_opens_the_annotated_copies() {
    let Some(soffice) = on_path("soffice") else {
        if std::env::var_os("ZHENGBAN_REQUIRE_SOFFICE").is_some_and(|v| v == "1") {
            panic!("ZHENGBAN_REQUIRE_SOFFICE=1 but soffice is not on PATH");
        }
        eprintln!("skip: soffice not on PATH (set ZHENGBAN_REQUIRE_SOFFICE=1 to require it)");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let mut copies = Vec::new();
    for src in [
        "tests/foreign/district-education-bureau.xlsx",
        "tests/fixtures/annotate/commented.xlsx",
        "samples/faulty/三本台账不一致/三本台账不一致.xlsx",
        "tests/foreign/resaved/district-education-bureau.lo.ods",
    ] {
        let report = check_path(Path::new(src), AS_OF);
        for c in annotate(&report, as_of()) {
            let c = c.unwrap();
            let name = format!("{}-{}", copies.len(), c.file_name);
            let out = work.path().join(&name);
            std::fs::write(&out, &c.bytes).unwrap();
            copies.push(out);
        }
    }
    let pdf = work.path().join("pdf");
    let output = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            work.path().join("profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf)
        .args(&copies)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for c in &copies {
        let p = pdf.join(c.with_extension("pdf").file_name().unwrap());
        let size = std::fs::metadata(&p)
            .unwrap_or_else(|_| panic!("no PDF for {}", c.display()))
            .len();
        assert!(size > 1000, "{} printed", c.display());
    }
    if let Some(pdftoppm) = on_path("pdftoppm") {
        let first = pdf.join(copies[0].with_extension("pdf").file_name().unwrap());
        let status = Command::new(pdftoppm)
            .args(["-png", "-r", "40", "-f", "1", "-l", "1"])
            .arg(&first)
            .arg(work.path().join("page"))
            .status()
            .unwrap();
        assert!(status.success());
    }
}
