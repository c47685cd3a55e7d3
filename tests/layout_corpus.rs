//! Acceptance on ledgers offices laid out themselves (tests/layouts … tests/layouts4, corpora
//! written by four hands with openpyxl from one data model per office, never by our writer;
//! each was held back while the reader was tuned on the ones before, and measured before it
//! was worked on): their own
//! titles and words, subtotals and notes, ledgers split over sheets or files, header blocks in
//! one cell. For every layout, as xlsx and as LibreOffice resaved it (xls, ods):
//! - the clean unit gets no error and no warning;
//! - every planted fault of the faulty unit is reported with its code at its cell, and
//!   nothing else above info is (beyond what a fault may bring along by the letter of the
//!   rules, the manifest's `may_also`);
//! - `derive` fills the blanked unit with the figures the generator computed from its own
//!   data (安装数量 per number, 使用计算机人数, the statistics table).

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use zhengban::rules::{Severity, Target};

const CORPORA: [&str; 4] = [
    "tests/layouts",
    "tests/layouts2",
    "tests/layouts3",
    "tests/layouts4",
];

/// Every layout of every corpus: (its folder, its name, its manifest).
fn manifests() -> Vec<(PathBuf, String, Value)> {
    let mut out: Vec<(PathBuf, String, Value)> = CORPORA
        .iter()
        .flat_map(|dir| {
            std::fs::read_dir(dir).unwrap().filter_map(move |e| {
                let p = e.unwrap().path();
                (p.extension()? == "json").then(|| {
                    let name = p.file_stem().unwrap().to_string_lossy().into_owned();
                    let m: Value =
                        serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
                    (PathBuf::from(dir), name, m)
                })
            })
        })
        .collect();
    out.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    assert!(out.len() >= 7 + 13 + 9 + 8, "every corpus: {}", out.len());
    out
}

/// The unit as written (a workbook, or a folder of workbooks), and as LibreOffice resaved it.
fn formats(dir: &Path, name: &str, variant: &str) -> Vec<PathBuf> {
    let written = dir.join(format!("{name}.{variant}.xlsx"));
    if written.exists() {
        return vec![
            written,
            dir.join(format!("resaved/{name}.{variant}.lo.xls")),
            dir.join(format!("resaved/{name}.{variant}.lo.ods")),
        ];
    }
    vec![
        dir.join(format!("{name}.{variant}")),
        dir.join(format!("resaved/{name}.{variant}.lo.xls")),
        dir.join(format!("resaved/{name}.{variant}.lo.ods")),
    ]
}

/// Errors and warnings as (code, sheet, A1).
fn findings(path: &Path, as_of: &str) -> (Vec<(String, String, String)>, String) {
    let report = check(path, as_of);
    let found = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| match &d.target {
            Target::Cell(c) => (d.code.to_string(), c.sheet.to_string(), c.a1()),
            other => (
                d.code.to_string(),
                other.sheet().unwrap_or("").to_string(),
                String::new(),
            ),
        })
        .collect();
    (found, zhengban::render::text::render(&report.diagnostics))
}

/// Check a unit given as a workbook or as a folder of workbooks.
fn check(path: &Path, as_of: &str) -> zhengban::batch::UnitReport {
    if !path.is_dir() {
        return support::check_path(path, as_of);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| zhengban::ledger::is_workbook_path(p))
        .collect();
    files.sort();
    let opts = zhengban::batch::CheckOptions {
        as_of: chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap(),
        config: zhengban::config::Config::default(),
        catalogue: zhengban::classify::Catalogue::default(),
        roster: None,
    };
    zhengban::batch::check_source(
        &zhengban::ledger::UnitSource {
            label: "unit".into(),
            files,
        },
        &opts,
    )
}

#[test]
fn clean_units_have_no_errors_or_warnings() {
    let mut failures = Vec::new();
    for (dir, name, m) in manifests() {
        let as_of = m["as_of"].as_str().unwrap();
        for path in formats(&dir, &name, "clean") {
            let (found, text) = findings(&path, as_of);
            if !found.is_empty() {
                failures.push(format!("{}:\n{text}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Whether a finding is a planted fault (or one it may bring along) of the manifest.
fn planted(e: &Value, f: &(String, String, String)) -> bool {
    let cells: Vec<&str> = e["cell"].as_str().unwrap_or("").split('|').collect();
    f.0 == e["code"].as_str().unwrap()
        && f.1 == e["sheet"].as_str().unwrap_or("")
        && cells.contains(&f.2.as_str())
}

#[test]
fn planted_faults_are_found_at_their_cells_and_nothing_else() {
    let mut failures = Vec::new();
    for (dir, name, m) in manifests() {
        let as_of = m["as_of"].as_str().unwrap();
        let expected = m["faulty"]["expected"].as_array().unwrap();
        for path in formats(&dir, &name, "faulty") {
            let (found, text) = findings(&path, as_of);
            for e in expected {
                if !found.iter().any(|f| planted(e, f)) {
                    failures.push(format!(
                        "{}: planted {} at {}!{} not found ({})",
                        path.display(),
                        e["code"],
                        e["sheet"],
                        e["cell"],
                        e["why"]
                    ));
                }
            }
            let companions: Vec<&Value> = expected
                .iter()
                .flat_map(|e| e["may_also"].as_array().into_iter().flatten())
                .collect();
            for f in &found {
                let known = expected.iter().any(|e| planted(e, f))
                    || companions.iter().any(|c| {
                        // A companion is named by its code, with or without a place.
                        c["code"].as_str() == Some(f.0.as_str())
                            && (c.get("cell").is_none() || planted(c, f))
                    });
                if !known {
                    failures.push(format!(
                        "{}: reported beyond the planted faults: {f:?}\n{text}",
                        path.display()
                    ));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A statistics figure of the normalised model: (section, 国内/国外, column, measure).
fn figure(model: &Value, section: &str, row: &str, column: &str, measure: &str) -> Option<f64> {
    model["statistics"][section]
        .as_array()?
        .iter()
        .find(|f| f["row"] == row && f["column"] == column && f["measure"] == measure)?["value"]
        .as_f64()
}

#[test]
fn derive_fills_the_figures_the_generator_computed() {
    let tmp = tempfile::tempdir().unwrap();
    let mut failures = Vec::new();
    for (dir, name, m) in manifests() {
        let want = &m["derive"];
        let input = dir.join(want["file"].as_str().unwrap());
        let out = if input.is_dir() {
            tmp.path().join(format!("{name}.out"))
        } else {
            tmp.path().join(format!("{name}.out.xlsx"))
        };
        let run = Command::new(env!("CARGO_BIN_EXE_zhengban"))
            .args(["derive"])
            .arg(&input)
            .args(["--as-of", m["as_of"].as_str().unwrap()])
            .args(["--year", &want["year"].to_string()])
            .arg("-o")
            .arg(&out)
            .output()
            .unwrap();
        // A clean unit blanked for derive has nothing that stops it.
        if !run.status.success() || !out.exists() {
            failures.push(format!(
                "{name}: derive refused ({:?}):\n{}{}",
                run.status.code(),
                String::from_utf8_lossy(&run.stdout),
                String::from_utf8_lossy(&run.stderr)
            ));
            continue;
        }
        // A folder unit's copy is a folder of the changed files: read with the unchanged ones.
        let files: Vec<PathBuf> = if input.is_dir() {
            let mut fs: Vec<PathBuf> = std::fs::read_dir(&input)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| zhengban::ledger::is_workbook_path(p))
                .map(|p| {
                    let changed = out.join(p.file_name().unwrap());
                    if changed.exists() {
                        changed
                    } else {
                        p
                    }
                })
                .collect();
            fs.sort();
            fs
        } else {
            vec![out.clone()]
        };
        let unit = zhengban::ledger::read_unit(&zhengban::ledger::UnitSource {
            label: name.clone(),
            files,
        });
        let model = zhengban::render::normalised::unit_json(&unit, false);
        let mut check = |what: String, expected: f64, got: Option<f64>| {
            if got.is_none_or(|g| (g - expected).abs() > 1e-6) {
                failures.push(format!("{name}: {what}: expected {expected}, got {got:?}"));
            }
        };
        let rows = model["summary"]["rows"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for (id, n) in want["installed"].as_object().unwrap() {
            let got = rows
                .iter()
                .find(|r| r["id"] == id.as_str())
                .and_then(|r| r["installed"].as_f64());
            check(format!("安装数量 {id}"), n.as_f64().unwrap(), got);
        }
        check(
            "使用计算机人数".into(),
            want["people_using"].as_f64().unwrap(),
            model["summary"]["header"]["people_using"].as_f64(),
        );
        let stats = &want["statistics"];
        for key in ["total", "using"] {
            check(
                format!("统计表 人员 {key}"),
                stats["people"][key].as_f64().unwrap(),
                model["statistics"]["people"][key].as_f64(),
            );
        }
        for key in ["servers", "desktops", "laptops", "total"] {
            check(
                format!("统计表 计算机 {key}"),
                stats["computers"][key].as_f64().unwrap(),
                model["statistics"]["computers"][key].as_f64(),
            );
        }
        for origin in ["domestic", "foreign"] {
            for cat in ["os", "office", "antivirus"] {
                let p = &stats["purchases"][origin][cat];
                check(
                    format!("统计表 四 {origin} {cat} 许可数"),
                    p[0].as_f64().unwrap(),
                    figure(&model, "purchases", origin, cat, "licenses"),
                );
                check(
                    format!("统计表 四 {origin} {cat} 金额"),
                    p[1].as_f64().unwrap(),
                    figure(&model, "purchases", origin, cat, "amount")
                        .map(|v| (v * 1e4).round() / 1e4),
                );
                check(
                    format!("统计表 五 {origin} {cat}"),
                    stats["holdings"][origin][cat].as_f64().unwrap(),
                    figure(&model, "holdings", origin, cat, "licenses"),
                );
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
