//! Which computer of the inventories is which 计算机编号 of the usage ledger, and which
//! installed program is which ledger row: computed once per unit, read by every ZB7xx rule
//! and by the 核对结果 table (`table.rs`), so a finding and its line in the table are one
//! computation.
//!
//! A computer is matched by its name (the 计算机编号 most offices use is the host name),
//! else by its BIOS serial, else through the unit's 对照表 (`reconcile --map`), with the
//! spellings a 计算机编号 takes (`SJ-PC-01` ~ `sjpc001`). A program is matched through the
//! catalogue — the same product (Office's component entries and its suite are one product)
//! — else by one name inside the other.

use crate::classify::{match_key, Catalogue, Category, Class};
use crate::inventory::{Channel, Installed, Inventory, LicenceChannel};
use crate::ledger::summary::SummaryRow;
use crate::ledger::usage::UsageRow;
use crate::ledger::values::SoftwareKind;
use crate::ledger::Unit;
use crate::rules::facts::computer_key;
use crate::rules::Facts;

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
    /// For each row, the summary row of its software (by its resolved 软件编号).
    pub summary: Vec<Option<&'a SummaryRow>>,
    /// Its inventory, if one was collected.
    pub inventory: Option<&'a Inventory>,
    /// Whether it was matched through the 对照表 rather than by its own name or serial.
    pub mapped: bool,
    /// For each row: whether the inventory holds its software (`None`: nothing to tell it
    /// by — no inventory, one without programs (or without a system, for a system row), or
    /// a spot-check form on which the row was not ticked).
    pub found: Vec<Option<bool>>,
    /// For each row: the installed program (or the system) that is its software.
    pub installed: Vec<Option<Installed>>,
    /// Programs installed that need a license and that no row of this computer registers,
    /// one per product.
    pub unregistered: Vec<(Installed, Class)>,
    /// Rows whose installed version lies outside their summary row's 可使用版本.
    pub outside: Vec<Outside>,
    /// License channels that contradict the ledger.
    pub channels: Vec<Contradiction<'a>>,
    /// Partial product keys that end none of the ledger's 序列号 of their product.
    pub keys: Vec<ForeignKey<'a>>,
}

/// A row whose installed version is not among those the license allows.
#[derive(Debug)]
pub struct Outside {
    /// The row, among the computer's rows.
    pub row: usize,
    /// What is installed, as the inventory names it (name and version).
    pub installed: String,
    /// The 可使用版本 of the summary row.
    pub usable: Vec<String>,
}

/// A license channel the ledger contradicts.
#[derive(Debug)]
pub struct Contradiction<'a> {
    /// The row of the product, among the computer's rows.
    pub row: usize,
    /// The channel as reported.
    pub licence: &'a LicenceChannel,
    /// What the ledger says of it.
    pub conflict: Conflict,
}

/// How a license channel contradicts the ledger.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conflict {
    /// An evaluation: no license at all.
    Evaluation,
    /// Activated by a KMS host while the ledger's license is not a volume license.
    KmsWithoutVolume,
    /// Activated by the OEM key of the computer while the ledger registers a purchase.
    OemForPurchase,
    /// A retail or MAK key while the ledger says the license came with the computer.
    PurchaseForOem,
}

/// A partial product key no 序列号 of the ledger ends with.
#[derive(Debug)]
pub struct ForeignKey<'a> {
    /// The row of the product, among the computer's rows.
    pub row: usize,
    /// The summary row whose 序列号 it was held against.
    pub summary: &'a SummaryRow,
    /// The channel, with its partial key.
    pub licence: &'a LicenceChannel,
}

/// What a program is, to match one with another: its catalogue product, else its name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Known {
    Product(String),
    Name(String),
}

fn known(catalogue: &Catalogue, name: &str, version: &str) -> Known {
    known_as(catalogue.classify(name, version), name)
}

/// [`known`] of a program already classified.
fn known_as(class: Option<&Class>, name: &str) -> Known {
    match class {
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

/// The 对照表 folded for matching: 计算机编号 key → computer name key.
type Map = std::collections::HashMap<String, String>;

impl<'a> Reality<'a> {
    /// Hold the unit's usage ledger against its inventories.
    pub fn of(unit: &'a Unit, catalogue: &Catalogue, facts: &Facts<'a>) -> Reality<'a> {
        let mut reality = Reality::default();
        if unit.inventories.is_empty() {
            return reality;
        }
        let map: Map = unit
            .computer_map
            .iter()
            .map(|(number, name)| (computer_key(number), computer_key(name)))
            .filter(|(n, c)| !n.is_empty() && !c.is_empty())
            .collect();
        let summary_of = summary_lookup(unit, facts);
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
        let names: Vec<[Option<String>; 2]> = unit
            .inventories
            .iter()
            .map(|inv| {
                [&inv.computer.name, &inv.computer.serial]
                    .map(|n| n.as_deref().map(computer_key).filter(|k| !k.is_empty()))
            })
            .collect();
        let mut taken = vec![false; unit.inventories.len()];
        for number in order {
            let key = computer_key(number);
            let by = |key: &str, taken: &[bool]| {
                (!key.is_empty())
                    .then(|| {
                        names
                            .iter()
                            .enumerate()
                            .position(|(i, n)| !taken[i] && n.iter().flatten().any(|n| n == key))
                    })
                    .flatten()
            };
            let mut mapped = false;
            let mut found = by(&key, &taken);
            if found.is_none() {
                if let Some(alias) = map.get(&key) {
                    found = by(alias, &taken);
                    mapped = found.is_some();
                }
            }
            if let Some(i) = found {
                taken[i] = true;
            }
            let inventory = found.map(|i| &unit.inventories[i]);
            let rows = rows.remove(number).unwrap_or_default();
            let summary: Vec<_> = rows.iter().map(|r| summary_of(r)).collect();
            let mut computer = LedgerComputer {
                number,
                found: vec![None; rows.len()],
                installed: vec![None; rows.len()],
                rows,
                summary,
                inventory,
                mapped,
                unregistered: Vec::new(),
                outside: Vec::new(),
                channels: Vec::new(),
                keys: Vec::new(),
            };
            if let Some(inv) = inventory {
                compare(&mut computer, inv, catalogue);
            }
            reality.computers.push(computer);
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

    /// Whether no computer of the ledger was matched although both sides have some: the
    /// 计算机编号 are then not the computers' names (asset numbers), and a 对照表 is needed.
    pub fn nothing_matched(&self) -> bool {
        !self.computers.is_empty()
            && !self.unmatched.is_empty()
            && self.computers.iter().all(|c| c.inventory.is_none())
    }
}

/// The summary row of a usage row: by its place in the first usage table (whose 软件编号
/// the facts resolved, typos included), else by its own 软件编号.
fn summary_lookup<'a, 'f>(
    unit: &'a Unit,
    facts: &'f Facts<'a>,
) -> impl Fn(&UsageRow) -> Option<&'a SummaryRow> + use<'a, 'f> {
    let first: std::collections::HashMap<*const UsageRow, usize> = unit
        .usage()
        .map(|u| {
            u.rows
                .iter()
                .enumerate()
                .map(|(i, r)| (r as *const UsageRow, i))
                .collect()
        })
        .unwrap_or_default();
    move |row: &UsageRow| match first.get(&(row as *const UsageRow)) {
        Some(i) => facts.usage_summary_row(*i),
        None => row.id().and_then(|id| facts.summary_row(id)),
    }
}

/// One computer's rows against its inventory: which rows it holds and at which version,
/// what needs a license that no row registers, and the license channels against the rows.
fn compare<'a>(computer: &mut LedgerComputer<'a>, inv: &'a Inventory, catalogue: &Catalogue) {
    let os = inv.os.as_ref().map(|os| Installed {
        name: os.name.clone(),
        version: os.version.clone(),
        origin: os.origin.clone(),
        ..Installed::default()
    });
    // An operating system is known from the system's own record, never from a program entry
    // (`Microsoft Windows Desktop Runtime`, `linux-image-amd64` are not systems).
    let system = |p: &Installed| os.as_ref().is_some_and(|o| std::ptr::eq(o, p));
    // each program classified once: its class (none for a program that only names a
    // system), and what it is to match with
    let installed: Vec<(&Installed, Known, Option<&Class>)> = inv
        .software
        .iter()
        .filter(|p| !p.is_part())
        .chain(os.as_ref())
        .map(|p| {
            let class = catalogue
                .classify(&p.name, p.version.as_deref().unwrap_or(""))
                .filter(|c| c.category != Category::Os || system(p));
            (p, known_as(class, &p.name), class)
        })
        .collect();
    let ledger: Vec<(Known, bool)> = computer
        .rows
        .iter()
        .map(|r| {
            let class = catalogue.classify(&r.name.raw, &r.version.raw);
            let is_os = class.is_some_and(|c| c.category == Category::Os);
            (known_as(class, &r.name.raw), is_os)
        })
        .collect();
    for (i, (k, is_os)) in ledger.iter().enumerate() {
        let program = installed
            .iter()
            .find(|(_, p, _)| same(k, p))
            .map(|(p, _, _)| *p);
        // a system row is told only by a system record, a program row only by a program list
        // (a registry export has no system; `slmgr /dli` alone has no programs)
        let listed = if *is_os {
            inv.os.is_some()
        } else {
            !inv.software.is_empty()
        };
        computer.found[i] = if inv.checklist {
            checked(k, program.is_some(), inv, catalogue)
        } else {
            listed.then_some(program.is_some())
        };
        computer.installed[i] = program.cloned();
        if let (Some(p), Some(s)) = (program, computer.summary[i]) {
            let usable = s
                .terms()
                .and_then(|t| t.usable_versions.value())
                .cloned()
                .unwrap_or_default();
            // an inspector writes the version the screen shows (`2016`), an inventory the
            // internal one (`16.0.4266`): only the former says the marketed version
            let named = match (&p.version, inv.checklist) {
                (Some(v), true) => format!("{} {v}", p.name),
                _ => p.name.clone(),
            };
            if covers(&usable, &named) == Some(false) {
                computer.outside.push(Outside {
                    row: i,
                    installed: shown_program(p),
                    usable,
                });
            }
        }
    }
    for (program, k, class) in &installed {
        let Some(class) = class else {
            continue;
        };
        if class.needs_license != Some(true) || ledger.iter().any(|(l, _)| same(l, k)) {
            continue;
        }
        if computer
            .unregistered
            .iter()
            .any(|(_, c)| c.product == class.product)
        {
            continue;
        }
        computer
            .unregistered
            .push(((*program).clone(), (*class).clone()));
    }
    for licence in &inv.licences {
        let product = known(catalogue, &licence.product, "");
        let Some(row) = ledger.iter().position(|(l, _)| same(l, &product)) else {
            continue;
        };
        let summary = computer.summary[row];
        let kind = summary
            .and_then(SummaryRow::kind)
            .or_else(|| computer.rows[row].kind.single());
        if let Some(conflict) = conflict(licence.channel, kind, summary) {
            computer.channels.push(Contradiction {
                row,
                licence,
                conflict,
            });
        }
        if let Some(s) = summary {
            if foreign_key(licence, s) {
                computer.keys.push(ForeignKey {
                    row,
                    summary: s,
                    licence,
                });
            }
        }
    }
}

/// A program as a message names it: its name, and its version unless the name carries it
/// (`WinRAR 6.02 (64-bit)`).
pub fn shown_program(p: &Installed) -> String {
    match p.version.as_deref() {
        Some(v) if !p.name.contains(v.trim_end_matches(".0")) => format!("{} {v}", p.name),
        _ => p.name.clone(),
    }
}

/// How a license channel contradicts the type the ledger gives its product, if it does.
fn conflict(
    channel: Channel,
    kind: Option<SoftwareKind>,
    summary: Option<&SummaryRow>,
) -> Option<Conflict> {
    let volume = summary
        .and_then(SummaryRow::terms)
        .and_then(|t| t.license_type.value())
        .is_some_and(|t| is_volume(t));
    match (channel, kind) {
        (Channel::Evaluation, _) => Some(Conflict::Evaluation),
        (Channel::KmsClient, _) if !volume => Some(Conflict::KmsWithoutVolume),
        (Channel::Oem, Some(SoftwareKind::Commercial)) => Some(Conflict::OemForPurchase),
        (Channel::Retail | Channel::VolumeMak, Some(SoftwareKind::Oem)) => {
            Some(Conflict::PurchaseForOem)
        }
        _ => None,
    }
}

/// Whether a 许可类型 names a volume license, which a KMS host may activate.
fn is_volume(license_type: &str) -> bool {
    let t = crate::base::text::norm(license_type);
    [
        "批量",
        "KMS",
        "VL",
        "VOLUME",
        "大客户",
        "企业协议",
        "开放式",
        "OPEN",
        "SELECT",
    ]
    .iter()
    .any(|w| t.contains(w))
}

/// Whether a retail or MAK key ends none of the summary row's 序列号, when they are product
/// keys at all (a 授权书编号 is not: nothing to hold the key against).
fn foreign_key(licence: &LicenceChannel, summary: &SummaryRow) -> bool {
    if !matches!(licence.channel, Channel::Retail | Channel::VolumeMak) {
        return false;
    }
    let Some(partial) = licence.partial_key.as_deref().map(alnum) else {
        return false;
    };
    let Some(serials) = summary.terms().and_then(|t| t.serial.value()) else {
        return false;
    };
    let keys: Vec<String> = serials
        .split(|c: char| c.is_whitespace() || "、，,;；/|".contains(c))
        .map(alnum)
        .filter(|k| k.len() == 25)
        .collect();
    partial.len() >= 5 && !keys.is_empty() && !keys.iter().any(|k| k.ends_with(&partial))
}

fn alnum(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The version marks of a text: the years it names (`2019`), and its first number when that
/// is short (`Windows 10`, `V11`, `WinRAR 6.02` → 6).
#[derive(Debug, Default, PartialEq)]
struct Marks {
    years: Vec<u32>,
    major: Option<u32>,
}

fn marks(text: &str) -> Marks {
    let mut m = Marks::default();
    let mut first = true;
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let run: String = chars[start..i].iter().collect();
        let n: u32 = run.parse().unwrap_or(0);
        let after: String = chars[i..].iter().take(4).collect::<String>().to_lowercase();
        // `64-bit`, `x64`, `32位` describe the build, not the version
        let build = after.starts_with("-bit")
            || after.starts_with("bit")
            || after.starts_with('位')
            || (start > 0 && chars[start - 1].eq_ignore_ascii_case(&'x'));
        if build {
            continue;
        }
        if run.len() == 4 && (1990..=2099).contains(&n) {
            m.years.push(n);
        } else if first && run.len() <= 2 {
            m.major = Some(n);
        }
        first = false;
    }
    m
}

/// Whether an installed program's name is among the 可使用版本: `Some(true)` when one of them
/// names the same year or the same major version, `Some(false)` when they are comparable
/// and none does, `None` when they cannot be compared (`专业版`, or a name without a version:
/// the internal version of a program is not its marketed one — WPS 2019 is 11.1 — so only
/// what the name says is compared).
fn covers(usable: &[String], installed_name: &str) -> Option<bool> {
    let have = marks(installed_name);
    let mut comparable = false;
    for u in usable {
        let want = marks(u);
        if !want.years.is_empty() && !have.years.is_empty() {
            comparable = true;
            if want.years.iter().any(|y| have.years.contains(y)) {
                return Some(true);
            }
        } else if let (Some(w), Some(h)) = (want.major, have.major) {
            if want.years.is_empty() && have.years.is_empty() {
                comparable = true;
                if w == h {
                    return Some(true);
                }
            }
        }
    }
    comparable.then_some(false)
}

/// The home, personal or student editions an inventory shows on its system and its office
/// suites: each product as found, with the edition word.
pub fn home_editions(inv: &Inventory, catalogue: &Catalogue) -> Vec<(String, &'static str)> {
    let os = inv.os.as_ref().map(|os| {
        let edition = os.edition.as_deref().unwrap_or("");
        format!("{} {edition}", os.name).trim().to_string()
    });
    let suites = inv
        .software
        .iter()
        .filter(|p| !p.is_part())
        .filter_map(|p| {
            let class = catalogue.classify(&p.name, p.version.as_deref().unwrap_or(""))?;
            matches!(
                class.category,
                crate::classify::Category::Os | crate::classify::Category::Office
            )
            .then(|| p.name.clone())
        });
    os.into_iter()
        .chain(suites)
        .filter_map(|product| Some((product.clone(), crate::classify::home_edition(&product)?)))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn versions_compared_by_what_the_names_say() {
        // years against years
        let office = "Microsoft Office Professional Plus 2016";
        assert_eq!(covers(&v(&["2019"]), office), Some(false));
        assert_eq!(covers(&v(&["2016", "2019"]), office), Some(true));
        assert_eq!(covers(&v(&["Office 2016 专业增强版"]), office), Some(true));
        // majors against majors
        assert_eq!(
            covers(&v(&["Win10"]), "Microsoft Windows 10 专业版"),
            Some(true)
        );
        assert_eq!(
            covers(&v(&["Windows 10"]), "Microsoft Windows 7 旗舰版"),
            Some(false)
        );
        assert_eq!(covers(&v(&["V6"]), "WinRAR 6.02 (64-bit)"), Some(true));
        assert_eq!(covers(&v(&["V5"]), "WinRAR 6.02 (64-bit)"), Some(false));
        // nothing to compare: an edition, a year against an internal version, no number
        assert_eq!(covers(&v(&["专业版"]), "WPS Office (11.1.0.14309)"), None);
        assert_eq!(covers(&v(&["2019"]), "WPS Office (11.1.0.14309)"), None);
        assert_eq!(covers(&v(&["V10"]), "奇安信天擎终端安全管理系统"), None);
        assert_eq!(covers(&[], office), None);
    }

    #[test]
    fn volume_licences_by_their_words() {
        assert!(is_volume("批量许可"));
        assert!(is_volume("Microsoft 大客户授权（Select Plus）"));
        assert!(!is_volume("零售"));
        assert!(!is_volume("单机许可"));
    }
}
