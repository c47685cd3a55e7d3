//! The reader gives the same model from a sample resaved by a real spreadsheet program
//! (LibreOffice) as xlsx, xls and ods: the committed resaves, and a fresh resave when
//! LibreOffice is installed.

use std::path::{Path, PathBuf};

use serde_json::Value;
use zhengban::ledger::{read_unit, UnitSource};

fn model(path: &Path) -> Value {
    fn strip(v: Value) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.into_iter()
                    .filter(|(k, _)| k != "file" && k != "files")
                    .map(|(k, v)| (k, strip(v)))
                    .collect(),
            ),
            Value::Array(a) => Value::Array(a.into_iter().map(strip).collect()),
            other => other,
        }
    }
    let unit = read_unit(&UnitSource {
        label: "x".into(),
        files: vec![path.to_path_buf()],
    });
    assert!(
        unit.unreadable.is_empty(),
        "{}: {:?}",
        path.display(),
        unit.unreadable
    );
    assert!(
        unit.invalid_values.is_empty(),
        "{}: {:?}",
        path.display(),
        unit.invalid_values
    );
    strip(zhengban::render::normalised::unit_json(&unit, true))
}

const ORIGINAL: &str = "samples/shuanglong-national.xlsx";

#[test]
fn committed_libreoffice_resaves_read_the_same() {
    let original = model(Path::new(ORIGINAL));
    for ext in ["xlsx", "xls", "ods"] {
        let p = PathBuf::from(format!("tests/resaved/shuanglong-national.lo.{ext}"));
        assert_eq!(model(&p), original, "{}", p.display());
    }
}

#[test]
fn fresh_libreoffice_resave_reads_the_same() {
    let available = std::process::Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("ZHENGBAN_REQUIRE_SOFFICE").is_none(),
            "soffice is required but missing"
        );
        eprintln!("skipped: soffice not installed");
        return;
    }
    let original = model(Path::new(ORIGINAL));
    let dir = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    for ext in ["xlsx", "xls"] {
        let out = dir.path().join(ext);
        let status = std::process::Command::new("soffice")
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.path().display()
            ))
            .args(["--headless", "--convert-to", ext, "--outdir"])
            .arg(&out)
            .arg(ORIGINAL)
            .output()
            .unwrap();
        assert!(status.status.success(), "{status:?}");
        let p = out.join(format!("shuanglong-national.{ext}"));
        assert_eq!(model(&p), original, "{}", p.display());
    }
}
