//! A real spreadsheet application must open every template and print it: LibreOffice
//! converts each workbook to PDF. Skipped when `soffice` is not installed, unless
//! `ZHENGBAN_REQUIRE_SOFFICE=1` says it must run.
//!
//! Where poppler's `pdfinfo` is present, each single-table workbook must also print on
//! one A4 page, as the published tables do; `pdftoppm` renders the first page of the
//! all-in-one workbook as a smoke test of the rasteriser path used for manual review.

use std::path::{Path, PathBuf};
use std::process::Command;

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn pdf_pages(pdfinfo: &Path, pdf: &Path) -> u32 {
    let output = Command::new(pdfinfo).arg(pdf).output().unwrap();
    assert!(
        output.status.success(),
        "pdfinfo failed on {}",
        pdf.display()
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|line| line.strip_prefix("Pages:"))
        .and_then(|pages| pages.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count for {}", pdf.display()))
}

#[test]
fn libreoffice_prints_every_template() {
    let Some(soffice) = on_path("soffice") else {
        if std::env::var_os("ZHENGBAN_REQUIRE_SOFFICE").is_some_and(|v| v == "1") {
            panic!("ZHENGBAN_REQUIRE_SOFFICE=1 but soffice is not on PATH");
        }
        eprintln!("skip: soffice not on PATH (set ZHENGBAN_REQUIRE_SOFFICE=1 to require it)");
        return;
    };

    let work = tempfile::tempdir().unwrap();
    let xlsx = work.path().join("xlsx");
    let pdf = work.path().join("pdf");
    let profile = work.path().join("profile");
    zhengban::templates::write_all(&xlsx).unwrap();
    let names = zhengban::templates::file_names();

    // One soffice process for all files; a private profile so parallel runs do not
    // fight over the user's LibreOffice lock.
    let output = Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf)
        .args(names.iter().map(|name| xlsx.join(name)))
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "soffice exited with {}:\n{}{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );

    let pdfinfo = on_path("pdfinfo");
    for name in &names {
        let out = pdf.join(Path::new(name).with_extension("pdf"));
        let size = std::fs::metadata(&out)
            .unwrap_or_else(|_| panic!("no PDF for {name}"))
            .len();
        assert!(size > 1000, "PDF of {name} is nearly empty ({size} bytes)");
        if let Some(pdfinfo) = &pdfinfo {
            let pages = pdf_pages(pdfinfo, &out);
            if name == zhengban::templates::ALL_IN_ONE_FILE {
                assert_eq!(pages, 11, "{name}: one page per table");
            } else {
                assert_eq!(pages, 1, "{name} should print on one page");
            }
        }
    }

    if let Some(pdftoppm) = on_path("pdftoppm") {
        let all = pdf.join(Path::new(zhengban::templates::ALL_IN_ONE_FILE).with_extension("pdf"));
        let prefix = work.path().join("page");
        let status = Command::new(pdftoppm)
            .args(["-r", "50", "-png", "-f", "1", "-l", "1", "-singlefile"])
            .arg(&all)
            .arg(&prefix)
            .status()
            .unwrap();
        assert!(status.success(), "pdftoppm exited with {status}");
        let png = prefix.with_extension("png");
        assert!(std::fs::metadata(&png)
            .map(|m| m.len() > 1000)
            .unwrap_or(false));
    }
}
