//! Faulty copies of the national-layout sample: the clean unit with a few mistakes of the
//! kinds inspectors find, each planted at a known cell and listed in a manifest
//! (`samples/faulty/<name>.json`) that `tests/samples_faulty.rs` checks against `check`.
//! Each workbook sits in a folder of its own, so `zhengban check samples/faulty` sees a
//! batch of units, as an inspector's folder of submissions would be.
//!
//! A fault is an edit of the written sheets, as a clerk would make it: one cell typed
//! wrong, a row left out, a figure not updated.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Worksheet, XlsxError};

use crate::dataset::Unit;
use crate::layouts;

/// The folder of the faulty samples under the output directory.
pub const FOLDER: &str = "faulty";

/// A cell value of an edit.
#[derive(Debug, Clone, Copy)]
pub enum Val {
    /// Text.
    Text(&'static str),
    /// A number.
    Number(f64),
    /// An emptied cell.
    Blank,
}

/// One edit: sheet, A1 cell, new value.
type Edit = (&'static str, &'static str, Val);

/// One planted fault: rule code, sheet, cell (alternatives separated by `|`).
type Planted = (&'static str, &'static str, &'static str);

/// A faulty sample.
pub struct Variant {
    /// File name (without extension) under `faulty/`.
    pub name: &'static str,
    /// What is wrong, for the manifest.
    pub about: &'static str,
    /// The edits.
    pub edits: Vec<Edit>,
    /// The faults a correct checker reports, and nothing else above info.
    pub planted: Vec<Planted>,
}

const SUMMARY: &str = "附件7 汇总表";
const USAGE: &str = "附件8 明细表";

/// The faulty samples.
pub fn variants() -> Vec<Variant> {
    use Val::*;
    vec![
        Variant {
            name: "超装与OEM填价",
            about: "Office 只有 8 个许可却装了 10 台；OEM 的 Windows 10 填了采购金额；WPS 漏填序列号",
            edits: vec![
                // The unit holds 8 Office licenses: every ledger and the statistics say so.
                (SUMMARY, "I7", Number(8.0)),
                ("附件9-RJ001", "G7", Number(8.0)),
                ("附件5 信息统计表", "D22", Number(8.0)),
                ("附件5 信息统计表", "H22", Number(45.0)),
                ("附件5 信息统计表", "D23", Number(48.0)),
                ("附件5 信息统计表", "H23", Number(136.0)),
                (SUMMARY, "G12", Text("4,500.00")),
                (SUMMARY, "L8", Blank),
            ],
            planted: vec![
                ("ZB111", SUMMARY, "M7"),
                ("ZB107", SUMMARY, "G12"),
                ("ZB119", SUMMARY, "L8"),
            ],
        },
        Variant {
            name: "三本台账不一致",
            about: "明细表一处软件编号打错；汇总表统信UOS的安装数量未按明细表更新；Chrome 不在可使用免费软件清单中",
            edits: vec![
                (USAGE, "F17", Text("RJ03")),
                (SUMMARY, "M11", Number(6.0)),
                ("附件6 免费软件清单", "A7", Blank),
                ("附件6 免费软件清单", "B7", Blank),
                ("附件6 免费软件清单", "C7", Blank),
                ("附件6 免费软件清单", "D7", Blank),
                ("附件6 免费软件清单", "E7", Blank),
                ("附件6 免费软件清单", "F7", Blank),
                ("附件6 免费软件清单", "G7", Blank),
                ("附件6 免费软件清单", "H7", Blank),
                ("附件6 免费软件清单", "I7", Blank),
            ],
            planted: vec![
                ("ZB403", USAGE, "F17"),
                ("ZB405", SUMMARY, "M11"),
                ("ZB410", SUMMARY, "C17|B17|E17"),
            ],
        },
        Variant {
            name: "统计表与表单",
            about: "统计表国内办公软件许可数多填 2 个；采购计划表一行合计算错；领导小组没有组长；汇总表联系电话少了区号",
            edits: vec![
                ("附件5 信息统计表", "D16", Number(12.0)),
                ("附件4 采购计划表", "F6", Number(5850.0)),
                ("附件1 领导小组", "B5", Text("成员")),
                (
                    SUMMARY,
                    "A3",
                    Text("单位名称（盖章）：丰都县双龙镇人民政府    填表人：刘晓燕    联系电话：70651234    填表日期：2026年11月20日"),
                ),
            ],
            planted: vec![
                ("ZB414", "附件5 信息统计表", "D16"),
                ("ZB415", "附件4 采购计划表", "F6"),
                ("ZB501", "附件1 领导小组", "A2|B5"),
                ("ZB504", SUMMARY, "A3"),
            ],
        },
    ]
}

fn a1(cell: &str) -> (u32, u16) {
    let letters: String = cell
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let digits: String = cell
        .chars()
        .skip_while(|c| c.is_ascii_alphabetic())
        .collect();
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A' + 1))
        - 1;
    (digits.parse::<u32>().expect("row number") - 1, col as u16)
}

fn apply(sheet: &mut Worksheet, edits: &[Edit]) -> Result<(), XlsxError> {
    let name = sheet.name();
    for (_, cell, value) in edits.iter().filter(|(s, _, _)| *s == name) {
        let (r, c) = a1(cell);
        match *value {
            Val::Text(t) => {
                sheet.write_string(r, c, t)?;
            }
            Val::Number(n) => {
                sheet.write_number(r, c, n)?;
            }
            Val::Blank => {
                sheet.clear_cell(r, c);
            }
        }
    }
    Ok(())
}

fn manifest(v: &Variant) -> String {
    let planted: Vec<serde_json::Value> = v
        .planted
        .iter()
        .map(|(code, sheet, cell)| serde_json::json!({"code": code, "sheet": sheet, "cell": cell}))
        .collect();
    let doc = serde_json::json!({
        "about": v.about,
        "as_of": crate::dataset::check_date().to_string(),
        "expected": planted,
    });
    let mut text = serde_json::to_string_pretty(&doc).expect("manifest serialises");
    text.push('\n');
    text
}

/// Write every faulty sample and its manifest under `out/faulty/`.
pub fn write(unit: &Unit, out: &Path) -> Result<Vec<PathBuf>, XlsxError> {
    let dir = out.join(FOLDER);
    std::fs::create_dir_all(&dir)?;
    let mut written = Vec::new();
    for v in variants() {
        let unit_dir = dir.join(v.name);
        std::fs::create_dir_all(&unit_dir)?;
        let path = unit_dir.join(format!("{}.xlsx", v.name));
        written.push(layouts::write_national_edited(unit, &path, |sheet| {
            apply(sheet, &v.edits)
        })?);
        let json = dir.join(format!("{}.json", v.name));
        std::fs::write(&json, manifest(&v))?;
        written.push(json);
    }
    Ok(written)
}
