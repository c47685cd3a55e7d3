//! Which computer of the inventories is which 计算机编号 of the usage ledger, and which
//! installed program is which ledger row: computed once per unit, read by every ZB7xx rule.
//!
//! A computer is matched by its name (the 计算机编号 most offices use is the host name),
//! else by its BIOS serial, with the spellings a 计算机编号 takes (`SJ-PC-01` ~ `sjpc001`).
//! A program is matched through the catalogue — the same product (Office's component
//! entries and its suite are one product) — else by one name inside the other.

use crate::classify::{match_key, Catalogue, Class};
use crate::inventory::{Installed, Inventory};
use crate::ledger::usage::UsageRow;
use crate::ledger::Unit;
use crate::rules::facts::computer_key;

/// The ledger's computers held against the inventories.
#[derive(Debug, Default)]
pub struct Reality<'a> {
    /// Each 计算机编号 of the usage ledger, in the ledger's order.
    pub computers: Vec<LedgerComputer<'a>>,
    /// Inventories of computers the ledger does not list.
    pub unmatched: Vec<&'a Inventory>,
}

/// One computer of the usage ledger and what was found on it.
#[derive(Debug)]
pub struct LedgerComputer<'a> {
    /// The 计算机编号 as typed.
    pub number: &'a str,
    /// Its usage rows.
    pub rows: Vec<&'a UsageRow>,
    /// Its inventory, if one was collected.
    pub inventory: Option<&'a Inventory>,
    /// For each row: whether the inventory holds its software (`None`: nothing to tell it
    /// by — no inventory, or one without programs).
    pub found: Vec<Option<bool>>,
    /// Programs installed that need a license and that no row of this computer registers,
    /// one per product.
    pub unregistered: Vec<(Installed, Class)>,
}

/// What a program is, to match one with another: its catalogue product, else its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    Product(String),
    Name(String),
}

fn known(catalogue: &Catalogue, name: &str, version: &str) -> Known {
    match catalogue.classify(name, version) {
        Some(c) => Known::Product(c.product.clone()),
        None => Known::Name(match_key(name, "")),
    }
}

/// Whether a ledger row's program and an installed one are the same program.
fn same(a: &Known, b: &Known) -> bool {
    match (a, b) {
        (Known::Product(x), Known::Product(y)) => x == y,
        (Known::Name(x), Known::Name(y))
        | (Known::Product(x), Known::Name(y))
        | (Known::Name(y), Known::Product(x)) => {
            let long = |s: &str| s.chars().count() >= 3;
            long(x) && long(y) && (x.contains(y.as_str()) || y.contains(x.as_str()))
        }
    }
}

impl<'a> Reality<'a> {
    /// Hold the unit's usage ledger against its inventories.
    pub fn of(unit: &'a Unit, catalogue: &Catalogue) -> Reality<'a> {
        let mut reality = Reality::default();
        if unit.inventories.is_empty() {
            return reality;
        }
        let mut order: Vec<&str> = Vec::new();
        let mut rows: std::collections::HashMap<&str, Vec<&UsageRow>> = Default::default();
        for row in unit.usages.iter().flat_map(|u| &u.rows) {
            let number = crate::base::text::clean(&row.computer.raw);
            if number.is_empty() {
                continue;
            }
            if !rows.contains_key(number) {
                order.push(number);
            }
            rows.entry(number).or_default().push(row);
        }
        let mut taken = vec![false; unit.inventories.len()];
        for number in order {
            let key = computer_key(number);
            let inventory = unit.inventories.iter().enumerate().find(|(i, inv)| {
                !taken[*i]
                    && [&inv.computer.name, &inv.computer.serial]
                        .into_iter()
                        .flatten()
                        .any(|n| !key.is_empty() && computer_key(n) == key)
            });
            if let Some((i, _)) = inventory {
                taken[i] = true;
            }
            let inventory = inventory.map(|(_, inv)| inv);
            let rows = rows.remove(number).unwrap_or_default();
            let (found, unregistered) = match inventory {
                Some(inv) => compare(&rows, inv, catalogue),
                None => (vec![None; rows.len()], Vec::new()),
            };
            reality.computers.push(LedgerComputer {
                number,
                rows,
                inventory,
                found,
                unregistered,
            });
        }
        reality.unmatched = unit
            .inventories
            .iter()
            .zip(&taken)
            .filter(|(_, t)| !**t)
            .map(|(inv, _)| inv)
            .collect();
        reality
    }
}

/// One computer's rows against its inventory: which rows it holds, and what needs a
/// license that no row registers.
fn compare(
    rows: &[&UsageRow],
    inv: &Inventory,
    catalogue: &Catalogue,
) -> (Vec<Option<bool>>, Vec<(Installed, Class)>) {
    let os = inv.os.as_ref().map(|os| Installed {
        name: os.name.clone(),
        version: os.version.clone(),
        origin: os.origin.clone(),
        ..Installed::default()
    });
    let installed: Vec<(&Installed, Known)> = inv
        .software
        .iter()
        .chain(os.as_ref())
        .map(|p| {
            (
                p,
                known(catalogue, &p.name, p.version.as_deref().unwrap_or("")),
            )
        })
        .collect();
    let ledger: Vec<Known> = rows
        .iter()
        .map(|r| known(catalogue, &r.name.raw, &r.version.raw))
        .collect();
    let found = ledger
        .iter()
        .map(|k| {
            let holds = || installed.iter().any(|(_, p)| same(k, p));
            if inv.checklist {
                return checked(k, holds(), inv, catalogue);
            }
            (!inv.software.is_empty() || inv.os.is_some()).then(holds)
        })
        .collect();
    let mut unregistered: Vec<(Installed, Class)> = Vec::new();
    for (program, k) in &installed {
        let Some(class) =
            catalogue.classify(&program.name, program.version.as_deref().unwrap_or(""))
        else {
            continue;
        };
        if class.needs_license != Some(true) || ledger.iter().any(|l| same(l, k)) {
            continue;
        }
        if unregistered.iter().any(|(_, c)| c.product == class.product) {
            continue;
        }
        unregistered.push(((*program).clone(), class.clone()));
    }
    (found, unregistered)
}

/// A row against a checklist (a spot-check form), which tells only what was looked at:
/// found, or missing only where it was ticked absent; otherwise not known.
fn checked(row: &Known, holds: bool, inv: &Inventory, catalogue: &Catalogue) -> Option<bool> {
    let absent = || {
        inv.absent.iter().any(|p| {
            same(
                row,
                &known(catalogue, &p.name, p.version.as_deref().unwrap_or("")),
            )
        })
    };
    (holds || absent()).then_some(holds)
}
