//! The 核对结果 sheet of the annotated copy `reconcile --annotate` writes: one line per
//! computer — the ledger's, then those collected that the ledger lacks — with what was
//! confirmed, what is installed unregistered, what is registered and not found, and the
//! other findings in a few words; each 计算机编号 links to its first row in the 明细表.

use std::sync::Arc;

use super::{link_location, row_height};
use crate::batch::UnitReport;
use crate::edit::marked::{ReportLine, ReportSheet};
use crate::rules::{ComputerCheck, Verdict};

/// The name the sheet takes when it is free.
const SHEET: &str = "核对结果";

const HEADER: [&str; 10] = [
    "序号",
    "结论",
    "计算机编号",
    "采集到的计算机",
    "登记软件",
    "核对一致",
    "装有未登记的需许可软件",
    "登记了但没有找到",
    "其他问题",
    "采集文件",
];

const WIDTHS: [f64; 10] = [6.0, 14.0, 14.0, 16.0, 9.0, 9.0, 30.0, 26.0, 40.0, 28.0];

/// The sheet for the copy of `file`, when the unit was reconciled; `taken` are the sheet
/// names already in the copy.
pub(super) fn sheet(report: &UnitReport, file: &Arc<str>, taken: &[String]) -> Option<ReportSheet> {
    let checks = &report.metrics.reconciliation;
    if checks.is_empty() {
        return None;
    }
    let count = |v: Verdict| checks.iter().filter(|c| c.verdict == v).count();
    let in_ledger = checks.iter().filter(|c| !c.number.is_empty()).count();
    let about = vec![
        format!(
            "明细表中 {in_ledger} 台计算机：{} 台一致，{} 台有未登记的需许可软件，{} 台不一致，{} 台没有采集；另采集到 {} 台不在明细表中的计算机。",
            count(Verdict::Agrees),
            count(Verdict::Unlicensed),
            count(Verdict::Differs),
            count(Verdict::NotCollected),
            count(Verdict::NotInLedger),
        ),
        "每一处不一致在“诊断报告”中有一条诊断（ZB7xx），在台账的单元格上有批注。".to_string(),
    ];
    let lines = checks
        .iter()
        .enumerate()
        .map(|(n, c)| line(n, c, file))
        .collect();
    Some(ReportSheet {
        name: crate::base::gate::sheet_name(SHEET, taken),
        title: "与计算机实际安装情况的核对结果".to_string(),
        about,
        header: HEADER.iter().map(|h| h.to_string()).collect(),
        widths: WIDTHS.to_vec(),
        link_col: 2,
        lines,
        empty: "没有核对任何计算机。".to_string(),
        footer: vec![
            "“一致”：明细表登记的软件都在这台计算机上，装着的需许可软件都已登记，版本、激活渠道与台账相符。"
                .to_string(),
        ],
    })
}

fn line(n: usize, c: &ComputerCheck, file: &Arc<str>) -> ReportLine {
    let number = if c.number.is_empty() {
        "（明细表中没有）".to_string()
    } else {
        c.number.clone()
    };
    let collected = match (&c.collected_as, c.mapped) {
        (Some(name), true) => format!("{name}（按对照表）"),
        (Some(name), false) => name.clone(),
        (None, _) if c.verdict == Verdict::NotCollected => "—".to_string(),
        (None, _) => "（没有计算机名）".to_string(),
    };
    let cells = vec![
        (n + 1).to_string(),
        c.verdict.word().to_string(),
        number,
        collected,
        c.registered.to_string(),
        if c.verdict == Verdict::NotCollected {
            "—".to_string()
        } else {
            c.confirmed.to_string()
        },
        c.unregistered.join("\n"),
        c.not_found.join("\n"),
        c.remarks.join("\n"),
        c.sources.join("\n"),
    ];
    let fill = match c.verdict {
        Verdict::Agrees => "FFC6EFCE",
        Verdict::Unlicensed => super::severity_argb(crate::rules::Severity::Error),
        Verdict::Differs => super::severity_argb(crate::rules::Severity::Warning),
        Verdict::NotCollected | Verdict::NotInLedger => {
            super::severity_argb(crate::rules::Severity::Info)
        }
    };
    let link = c
        .cell
        .as_ref()
        .filter(|cell| cell.file == *file)
        .map(|cell| {
            (
                link_location(&cell.sheet, &cell.a1()),
                format!("跳到明细表 {}", cell.a1()),
            )
        });
    ReportLine {
        height: row_height(&cells, &WIDTHS),
        cells,
        fill: fill.to_string(),
        link,
    }
}
