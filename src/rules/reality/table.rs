//! The 核对结果: what `reconcile` found, computer by computer — one line per 计算机编号 of
//! the ledger and per computer collected that the ledger lacks — as plain data for the
//! annotated copy's sheet and the JSON report. Drawn from the same [`Reality`] the ZB7xx
//! rules report from, so a line and the findings behind it cannot disagree.

use serde::Serialize;

use super::matching::{home_editions, shown_program, Conflict, Reality};
use crate::base::CellRef;
use crate::classify::Catalogue;

/// One computer as reconciled.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComputerCheck {
    /// The 计算机编号 of the ledger (empty for a computer the ledger lacks).
    pub number: String,
    /// Where the computer's first row is in the ledger.
    #[serde(skip)]
    pub cell: Option<CellRef>,
    /// The computer's name in its inventory, when one was collected.
    pub collected_as: Option<String>,
    /// Whether the inventory was found through the 对照表.
    pub mapped: bool,
    /// The inventory's files.
    pub sources: Vec<String>,
    /// Ledger rows of the computer.
    pub registered: usize,
    /// Ledger rows whose software was found on it.
    pub confirmed: usize,
    /// Installed, needing a license, not registered (as installed).
    pub unregistered: Vec<String>,
    /// Registered, not found (as registered).
    pub not_found: Vec<String>,
    /// Other findings in a few words: versions, license channels, keys, home editions.
    pub remarks: Vec<String>,
    /// The outcome.
    pub verdict: Verdict,
}

/// How a computer came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Ledger and computer agree.
    Agrees,
    /// Something needing a license is installed unregistered, or a home edition runs.
    Unlicensed,
    /// They differ otherwise (rows not found, versions, channels, keys).
    Differs,
    /// In the ledger, not collected.
    NotCollected,
    /// Collected, not in the ledger.
    NotInLedger,
}

impl Verdict {
    /// The word on the 核对结果 sheet.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Agrees => "一致",
            Verdict::Unlicensed => "有未登记的需许可软件",
            Verdict::Differs => "不一致",
            Verdict::NotCollected => "没有采集",
            Verdict::NotInLedger => "不在明细表中",
        }
    }
}

/// The 核对结果 of a unit (empty when it was not reconciled).
pub fn table(reality: &Reality, catalogue: &Catalogue) -> Vec<ComputerCheck> {
    let mut out = Vec::new();
    for c in &reality.computers {
        let name = |i: usize| crate::base::text::clean(&c.rows[i].name.raw).to_string();
        let mut remarks: Vec<String> = Vec::new();
        for o in &c.outside {
            remarks.push(format!(
                "{}：可使用版本 {}",
                o.installed,
                o.usable.join("、")
            ));
        }
        for ch in &c.channels {
            remarks.push(format!(
                "{}：{}",
                ch.licence.product,
                match ch.conflict {
                    Conflict::Evaluation => "评估版",
                    Conflict::KmsWithoutVolume => "KMS 激活，台账不是批量许可",
                    Conflict::OemForPurchase => "OEM 激活，台账为采购",
                    Conflict::PurchaseForOem => "零售/MAK 激活，台账为 OEM",
                }
            ));
        }
        for k in &c.keys {
            remarks.push(format!(
                "{}：密钥 …{} 不在汇总表",
                k.licence.product,
                k.licence.partial_key.as_deref().unwrap_or_default()
            ));
        }
        let homes = c
            .inventory
            .map(|inv| home_editions(inv, catalogue))
            .unwrap_or_default();
        for (product, _) in &homes {
            remarks.push(format!("{product}：家庭版或个人版"));
        }
        let unregistered: Vec<String> = c
            .unregistered
            .iter()
            .map(|(p, _)| shown_program(p))
            .collect();
        let not_found: Vec<String> = c
            .found
            .iter()
            .enumerate()
            .filter(|(_, f)| **f == Some(false))
            .map(|(i, _)| name(i))
            .collect();
        let verdict = if c.inventory.is_none() {
            Verdict::NotCollected
        } else if !unregistered.is_empty() || !homes.is_empty() {
            Verdict::Unlicensed
        } else if !not_found.is_empty() || !remarks.is_empty() {
            Verdict::Differs
        } else {
            Verdict::Agrees
        };
        out.push(ComputerCheck {
            number: c.number.to_string(),
            cell: c
                .rows
                .first()
                .map(|r| r.computer.cell.clone().unwrap_or_else(|| r.at.clone())),
            collected_as: c.inventory.and_then(|i| i.computer.name.clone()),
            mapped: c.mapped,
            sources: c
                .inventory
                .map(|i| i.sources.iter().map(|s| s.to_string()).collect())
                .unwrap_or_default(),
            registered: c.rows.len(),
            confirmed: c.found.iter().filter(|f| **f == Some(true)).count(),
            unregistered,
            not_found,
            remarks,
            verdict,
        });
    }
    for inv in &reality.unmatched {
        out.push(ComputerCheck {
            number: String::new(),
            cell: None,
            collected_as: inv
                .computer
                .name
                .clone()
                .or_else(|| inv.computer.serial.clone()),
            mapped: false,
            sources: inv.sources.iter().map(|s| s.to_string()).collect(),
            registered: 0,
            confirmed: 0,
            unregistered: Vec::new(),
            not_found: Vec::new(),
            remarks: home_editions(inv, catalogue)
                .into_iter()
                .map(|(p, _)| format!("{p}：家庭版或个人版"))
                .collect(),
            verdict: Verdict::NotInLedger,
        });
    }
    out
}
