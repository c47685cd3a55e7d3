//! The checked-in `templates-xlsx/` must be exactly what the generator writes today, so a
//! change to the templates cannot be merged without regenerating them.
//!
//! To update: `cargo run -- template`, or run this test with `ZHENGBAN_BLESS=1`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn checked_in() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("templates-xlsx")
}

fn file_names(dir: &Path) -> BTreeSet<String> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn checked_in_templates_match_the_generator() {
    let fresh = tempfile::tempdir().unwrap();
    zhengban::templates::write_all(fresh.path()).unwrap();
    let dir = checked_in();

    if std::env::var_os("ZHENGBAN_BLESS").is_some_and(|v| v == "1") {
        if dir.exists() {
            std::fs::remove_dir_all(&dir).unwrap();
        }
        zhengban::templates::write_all(&dir).unwrap();
        return;
    }

    let wanted = file_names(fresh.path());
    let present = file_names(&dir);
    let mut problems = Vec::new();
    for name in wanted.difference(&present) {
        problems.push(format!("缺少 {name}"));
    }
    for name in present.difference(&wanted) {
        problems.push(format!("多余 {name}（生成器已不再写出，请删除）"));
    }
    for name in wanted.intersection(&present) {
        let new = std::fs::read(fresh.path().join(name)).unwrap();
        let old = std::fs::read(dir.join(name)).unwrap();
        if new != old {
            problems.push(format!("过时 {name}"));
        }
    }
    assert!(
        problems.is_empty(),
        "templates-xlsx/ 与生成器不一致：\n  {}\n请运行 `cargo run -- template`（或 ZHENGBAN_BLESS=1 cargo test --test templates_up_to_date）后提交。",
        problems.join("\n  ")
    );
}

#[test]
fn generator_is_deterministic() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    zhengban::templates::write_all(a.path()).unwrap();
    zhengban::templates::write_all(b.path()).unwrap();
    let names = file_names(a.path());
    assert_eq!(names, file_names(b.path()));
    assert_eq!(names.len(), zhengban::templates::file_names().len());
    for name in names {
        let first = std::fs::read(a.path().join(&name)).unwrap();
        let second = std::fs::read(b.path().join(&name)).unwrap();
        assert!(first == second, "{name} differs between two runs");
    }
}
