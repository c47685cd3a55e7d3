//! `convert` both ways on every sample and every foreign workbook (openpyxl-written and
//! their LibreOffice resaves): workbook → JSON → national templates → JSON gives the same
//! JSON; the filled workbook reads with nothing unread (no ZB003/ZB004/ZB006), `check`
//! finds in it exactly what it finds in the source, and filling again gives the same bytes.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::Value;
use zhengban::batch::{check_read_unit, CheckOptions};
use zhengban::classify::Catalogue;
use zhengban::config::Config;
use zhengban::ledger::{discover, read_unit, Unit, UnitSource};
use zhengban::normalised;
use zhengban::render::normalised::unit_json;
use zhengban::templates::build_filled;

const AS_OF: &str = "2026-11-25";

/// Every workbook (or one-unit folder) the project holds that we did not write by hand.
fn inputs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![
        root.join("samples/shuanglong-national.xlsx"),
        root.join("samples/shuanglong-biao.xlsx"),
        root.join("samples/shuanglong-split"),
    ];
    let listed = |dir: &str, want_dirs: bool| {
        let mut v: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| {
                if want_dirs {
                    p.is_dir()
                } else {
                    p.extension()
                        .is_some_and(|e| e == "xlsx" || e == "xls" || e == "ods")
                }
            })
            .collect();
        v.sort();
        v
    };
    out.extend(listed("samples/faulty", true));
    out.extend(listed("tests/foreign", false));
    out.extend(listed("tests/foreign/resaved", false));
    out
}

fn source(path: &Path) -> UnitSource {
    let sources = discover(&[path.to_path_buf()], false).unwrap();
    assert_eq!(sources.len(), 1, "{} is one unit", path.display());
    sources.into_iter().next().unwrap()
}

/// The normalised JSON without the keys that say where a table was found.
fn located_nowhere(mut v: Value) -> Value {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(m) => {
                for key in ["file", "sheet", "files"] {
                    m.remove(key);
                }
                m.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    strip(&mut v);
    v
}

/// Whether the unit's maintenance tables share one sheet (a flat log).
fn maintenance_on_one_sheet(json: &Value) -> bool {
    let tables = json["maintenance"].as_array().cloned().unwrap_or_default();
    tables.len() > 1 && tables.iter().all(|t| t["sheet"] == tables[0]["sheet"])
}

/// `first` with each maintenance table's part 一 fields that it leaves null taken from
/// `second`.
fn with_part_one_from(mut first: Value, second: &Value) -> Value {
    let Some(tables) = first["maintenance"].as_array_mut() else {
        return first;
    };
    for (i, t) in tables.iter_mut().enumerate() {
        let Some(info) = t["info"].as_object_mut() else {
            continue;
        };
        for (key, value) in info.iter_mut() {
            if value.is_null() {
                *value = second["maintenance"][i]["info"][key].clone();
            }
        }
    }
    first
}

fn codes(unit: Unit) -> Vec<String> {
    let opts = CheckOptions {
        as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: None,
    };
    let mut codes: Vec<String> = check_read_unit(unit, Default::default(), &opts)
        .diagnostics
        .iter()
        .map(|d| d.code.to_string())
        .collect();
    codes.sort();
    codes
}

/// The model is exactly what the JSON says: nothing left unread or unrecognised.
fn assert_fully_read(unit: &Unit, what: &str) {
    assert!(unit.unreadable.is_empty(), "{what}: {:?}", unit.unreadable);
    assert!(
        unit.invalid_values.is_empty(),
        "{what}: unreadable values (ZB006) {:#?}",
        unit.invalid_values
    );
    assert!(unit.formula_problems.is_empty(), "{what}");
    for (meta, _) in unit.tables() {
        assert!(
            meta.unknown_columns.is_empty(),
            "{what} › {}: unknown columns (ZB004) {:?}",
            meta.sheet,
            meta.unknown_columns
        );
        assert!(
            meta.missing_columns.is_empty(),
            "{what} › {}: missing columns (ZB003) {:?}",
            meta.sheet,
            meta.missing_columns
        );
    }
}

#[test]
fn every_sample_and_foreign_workbook_survives_the_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = inputs();
    assert!(inputs.len() >= 15, "{inputs:?}");
    // Workbooks whose diagnostics were compared code for code: not none.
    let mut compared = 0;
    for (index, path) in inputs.iter().enumerate() {
        let what = path.display().to_string();
        let original = read_unit(&source(path));
        let first = unit_json(&original, false);
        let source_codes = codes(original.clone());
        let lossless = original.invalid_values.is_empty();
        drop(original);

        // Through the JSON text, as an IT system would hand it over.
        let data = normalised::parse(&serde_json::to_string_pretty(&first).unwrap())
            .unwrap_or_else(|e| panic!("{what}: our own JSON is refused: {e}"));
        assert_eq!(data.len(), 1);
        let bytes = build_filled(&data[0]).unwrap();
        // Under the original's name: a unit whose tables state no 单位名称 is named after
        // its file, and that name is not table data the JSON could carry back.
        let folder = dir.path().join(index.to_string());
        std::fs::create_dir_all(&folder).unwrap();
        let stem = path.file_stem().unwrap().to_string_lossy();
        let filled = folder.join(format!("{stem}.xlsx"));
        std::fs::write(&filled, &bytes).unwrap();

        let again = read_unit(&source(&filled));
        assert_fully_read(&again, &format!("{what} filled"));
        let second = unit_json(&again, false);
        // A flat log (every software's events on one sheet, no part 一) becomes one national
        // sheet per software with part 一 completed from the summary: the fields the first
        // JSON left open may be stated in the second, nothing else may change.
        let flat_log = maintenance_on_one_sheet(&first);
        let first = if flat_log {
            with_part_one_from(first, &second)
        } else {
            first
        };
        assert_eq!(
            located_nowhere(second.clone()),
            located_nowhere(first),
            "{what}: xlsx → json → xlsx → json changed the data"
        );
        // Without unreadable values, moving to the national layout neither hides a fault
        // nor invents one.
        if lossless && !flat_log {
            assert_eq!(codes(again), source_codes, "{what}: diagnostics changed");
            compared += 1;
        } else if lossless {
            // One sheet per software has one header block each: the blank header the flat
            // log had once (ZB005) is now reported per sheet; no other code may appear or go.
            let distinct = |mut v: Vec<String>| {
                v.dedup();
                v
            };
            assert_eq!(
                distinct(codes(again)),
                distinct(source_codes),
                "{what}: diagnostics changed"
            );
        }

        // A fixed point: the filled workbook converts to the same workbook, byte for byte.
        let data = normalised::parse(&second.to_string()).unwrap();
        assert_eq!(
            build_filled(&data[0]).unwrap(),
            bytes,
            "{what}: filling is not stable"
        );
    }
    assert!(compared > 0, "no workbook's diagnostics were compared");
}

#[test]
fn a_local_layout_moves_to_the_national_one() {
    let unit = read_unit(&source(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/shuanglong-biao.xlsx"),
    ));
    let data = zhengban::render::normalised::unit_data(&unit, false);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("national.xlsx");
    std::fs::write(&path, build_filled(&data).unwrap()).unwrap();
    let (national, grids) = zhengban::ledger::read_with_sources(&source(&path));
    let sheets: Vec<&str> = national.books[0].sheets.iter().map(|s| &**s).collect();
    assert_eq!(
        &sheets[..7],
        [
            "附件1 领导小组",
            "附件3 需求申请表",
            "附件4 采购计划表",
            "附件5 信息统计表",
            "附件6 免费软件清单",
            "附件7 使用情况汇总表",
            "附件8 使用情况明细表"
        ]
    );
    assert_eq!(sheets.len(), 7 + unit.maintenance.len());
    assert!(
        sheets[7..].iter().all(|s| s.starts_with("附件9-RJ")),
        "{sheets:?}"
    );
    let title = national.statistics[0].meta.title_text.clone();
    assert!(title.contains("2026年度"), "{title}");

    // Values typed as a clerk types them.
    use zhengban::workbook::Cell;
    let cell = |at: &Option<zhengban::base::CellRef>| {
        let at = at.as_ref().expect("a cell");
        grids
            .sheet(&at.file, &at.sheet)
            .unwrap()
            .get(at.row, at.col)
            .clone()
    };
    let summary = national.summary().unwrap();
    let office = &summary.rows[0];
    let terms = office.commercial().unwrap();
    assert_eq!(cell(&office.id.cell), Cell::Text("RJ001".into()));
    assert!(matches!(cell(&terms.purchased_on.cell), Cell::Date(_)));
    assert_eq!(cell(&terms.amount.cell), Cell::Number(47760.0));
    assert_eq!(cell(&terms.license_count.cell), Cell::Number(12.0));
    assert_eq!(cell(&terms.term.cell), Cell::Text("永久".into()));
    assert_eq!(cell(&office.installed.cell), Cell::Number(10.0));
    let oem = summary
        .rows
        .iter()
        .find(|r| r.kind() == Some(zhengban::ledger::values::SoftwareKind::Oem))
        .unwrap();
    let sheet = grids.sheet(&oem.at.file, &oem.at.sheet).unwrap();
    let amount_col = summary
        .meta
        .columns
        .iter()
        .find(|c| c.key == "amount")
        .unwrap()
        .col;
    assert_eq!(sheet.get(oem.at.row, amount_col), &Cell::Text("—".into()));
    let usage = &national.usage().unwrap().rows[0];
    let boxes: Vec<Cell> = usage
        .kind
        .cells
        .iter()
        .map(|c| cell(&Some(c.clone())))
        .collect();
    assert_eq!(
        boxes,
        [
            Cell::Text("□".into()),
            Cell::Text("☑".into()),
            Cell::Text("□".into())
        ],
        "{usage:?}"
    );
    assert!(matches!(cell(&usage.installed_on.cell), Cell::Date(_)));
}
