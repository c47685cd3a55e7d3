//! Baseline for the benchmark: calamine alone reads every cell of every sheet of every
//! workbook given (files or folders), on one thread, and prints what it saw so that no
//! work can be optimised away.

use std::path::{Path, PathBuf};

use calamine::{open_workbook_auto, Data, Reader};

fn workbooks(arg: &Path, out: &mut Vec<PathBuf>) {
    if arg.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(arg)
            .expect("readable folder")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            workbooks(&e, out);
        }
    } else if arg
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| matches!(e, "xlsx" | "xlsm" | "xls" | "ods"))
    {
        out.push(arg.to_path_buf());
    }
}

fn main() {
    let mut files = Vec::new();
    for a in std::env::args_os().skip(1) {
        workbooks(Path::new(&a), &mut files);
    }
    let (mut cells, mut text_bytes, mut sheets) = (0u64, 0u64, 0u64);
    for f in &files {
        let mut book = open_workbook_auto(f).expect("readable workbook");
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).expect("readable sheet");
            sheets += 1;
            for (_, _, d) in range.used_cells() {
                cells += 1;
                if let Data::String(s) = d {
                    text_bytes += s.len() as u64;
                }
            }
        }
    }
    println!(
        "{} workbooks, {sheets} sheets, {cells} cells, {text_bytes} bytes of text",
        files.len()
    );
}
