//! A real spreadsheet application opens the filled templates: LibreOffice prints the
//! workbook `convert --to xlsx` writes from the 双龙镇 sample, and its own resave of that
//! workbook reads back as the same data. Skipped when `soffice` is not installed, unless
//! `ZHENGBAN_REQUIRE_SOFFICE=1` says it must run.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use zhengban::ledger::{read_unit, UnitSource};
use zhengban::render::normalised::{unit_data, unit_json};

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn read(path: &Path) -> zhengban::ledger::Unit {
    read_unit(&UnitSource {
        label: "x".into(),
        files: vec![path.to_path_buf()],
    })
}

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

#[test]
fn libreoffice_prints_and_resaves_a_filled_ledger() {
    let Some(soffice) = on_path("soffice") else {
        if std::env::var_os("ZHENGBAN_REQUIRE_SOFFICE").is_some_and(|v| v == "1") {
            panic!("ZHENGBAN_REQUIRE_SOFFICE=1 but soffice is not on PATH");
        }
        eprintln!("skip: soffice not on PATH (set ZHENGBAN_REQUIRE_SOFFICE=1 to require it)");
        return;
    };
    let work = tempfile::tempdir().unwrap();
    let source = read(Path::new("samples/shuanglong-biao.xlsx"));
    let filled = work.path().join("national.xlsx");
    std::fs::write(
        &filled,
        zhengban::templates::build_filled(&unit_data(&source, false)).unwrap(),
    )
    .unwrap();

    let profile = work.path().join("profile");
    for (format, dir) in [("pdf", "pdf"), ("xlsx", "resaved")] {
        let output = Command::new(&soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args(["--headless", "--convert-to", format, "--outdir"])
            .arg(work.path().join(dir))
            .arg(&filled)
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "soffice --convert-to {format} exited with {}:\n{}{}",
            output.status,
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let pdf = work.path().join("pdf/national.pdf");
    let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
    assert!(size > 10_000, "PDF is nearly empty ({size} bytes)");
    if let Some(pdfinfo) = on_path("pdfinfo") {
        let info = Command::new(pdfinfo).arg(&pdf).output().unwrap();
        let pages: usize = String::from_utf8_lossy(&info.stdout)
            .lines()
            .find_map(|l| l.strip_prefix("Pages:"))
            .and_then(|p| p.trim().parse().ok())
            .unwrap();
        // Seven tables and eleven 附件9 sheets, the 明细表 over several pages.
        assert!(pages >= 18, "{pages} pages");
    }

    let resaved = read(&work.path().join("resaved/national.xlsx"));
    assert!(
        resaved.invalid_values.is_empty(),
        "{:?}",
        resaved.invalid_values
    );
    assert_eq!(
        located_nowhere(unit_json(&resaved, false)),
        located_nowhere(unit_json(&source, false)),
        "LibreOffice's resave of the filled ledger reads as the source"
    );
}
