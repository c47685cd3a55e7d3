//! A ledger drafted from the computers' inventories (`convert <清单> --to xlsx`): an office
//! that never kept ledgers starts from what is really installed — 明细表 a row per computer
//! and per program that counts, 汇总表 a row per product, 附件9 a log per product with one
//! 安装 per computer, 免费软件清单 the free ones — and fills in only what the computers
//! cannot tell (部门, the purchase and the license), each such blank marked for the writer.
//!
//! What counts as a program worth a row, by evidence:
//! - the operating system, from the inventory's own OS record (a program that only names
//!   Windows — "Windows PC Health Check", a driver package — is not the OS);
//! - every program the catalogue classifies, one row per product per computer: Office's
//!   suite entry stands for its components, language packs and updates, which are dropped;
//! - updates, hotfixes, language packs, runtimes, redistributables, drivers, SDKs and
//!   components are never rows: no license is bought for them and no clerk registers them;
//! - on a package manager's list (dpkg, rpm, or a name shaped like a package: `libc6`,
//!   `gnome-calculator`), only the packages the catalogue knows: the rest are the system's
//!   libraries and tools, thousands of them;
//! - every other program of a Windows list (`百度网盘`, `CCleaner`) and every 玲珑 (`ll-cli`)
//!   application is a user application: listed under its own name with its 软件类型 left
//!   for the clerk, since the ledger must show all software on the computer (台账 二.1).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use regex::Regex;

use crate::base::text::norm;
use crate::classify::{Catalogue, Category, Class};
use crate::inventory::{Channel, Installed, Inventory};
use crate::normalised::{
    Action, Date, Event, FreeListRow, FreeListTable, Header, Kind, MaintenanceTable, Place,
    SoftwareInfo, SummaryRow, SummaryTable, ToFill, UnitData, UsageRow, UsageTable,
};
use crate::schema::{TableKind, LICENSE_COLUMNS};

/// The prefix of the software numbers a draft assigns (`RJ001`: 软件), as the samples and
/// the published examples number them.
const ID_PREFIX: &str = "RJ";

/// Catalogue entries that name a kind of product rather than one product (WeChat and QQ are
/// both 即时通讯): their programs keep their own names, one row each.
const FAMILIES: [&str; 8] = [
    "即时通讯",
    "输入法",
    "压缩工具",
    "国产CAD",
    "国产Linux",
    "版式软件",
    "360浏览器/压缩",
    "Adobe",
];

/// A ledger drafted from inventories, and the blanks only the clerk can fill.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// The three ledgers (and the free list when free software is installed).
    pub unit: UnitData,
    /// What the clerk is to fill in.
    pub to_fill: ToFill,
    /// Computers left out, with why (in the user's words).
    pub left_out: Vec<String>,
}

/// One computer: its inventories merged (a collector's file and an `slmgr` text of it).
struct Machine<'a> {
    name: Option<String>,
    inventories: Vec<&'a Inventory>,
}

/// One program that counts, on one computer.
#[derive(Debug, Clone)]
struct Program {
    /// The summary row it belongs to: its name and type.
    key: (String, Option<Kind>),
    version: Option<String>,
    installed_on: Option<chrono::NaiveDate>,
    category: Option<Category>,
    vendor: Option<String>,
}

/// Draft the ledgers of the computers `inventories` describe.
pub fn draft(inventories: &[Inventory], catalogue: &Catalogue) -> Draft {
    let mut out = Draft::default();
    let mut usage = UsageTable::default();
    let mut programs: Vec<Program> = Vec::new();
    for machine in machines(inventories) {
        let found = programs_of(&machine, catalogue);
        if found.is_empty() {
            let files: Vec<&str> = machine
                .inventories
                .iter()
                .flat_map(|i| i.sources.iter().map(|s| &**s))
                .collect();
            out.left_out.push(format!(
                "{}（{}）：清单中没有操作系统，也没有要登记的软件，没有写入草稿",
                machine.name.as_deref().unwrap_or("未命名的计算机"),
                files.join("、")
            ));
            continue;
        }
        let first = machine.inventories[0];
        let computer = &first.computer;
        let user = machine
            .inventories
            .iter()
            .find_map(|i| i.computer.user.as_deref())
            .and_then(person);
        for p in found {
            usage.rows.push(UsageRow {
                user: user.clone(),
                computer: machine.name.clone(),
                brand: computer.manufacturer.as_deref().and_then(brand),
                name: Some(p.key.0.clone()),
                version: p.version.clone(),
                kind: p.key.1,
                installed_on: p.installed_on.map(Date),
                ..UsageRow::default()
            });
            programs.push(p);
        }
    }
    let summary = summary(&programs, &mut usage, &mut out.to_fill);
    for (i, row) in usage.rows.iter().enumerate() {
        let place = Place::Row(TableKind::Usage, i);
        out.to_fill.mark(place, "department");
        for (key, empty) in [
            ("user", row.user.is_none()),
            ("computer", row.computer.is_none()),
            ("brand", row.brand.is_none()),
            ("version", row.version.is_none()),
            ("installed_on", row.installed_on.is_none()),
            // the license's term, for software bought
            ("term", row.kind == Some(Kind::Commercial)),
        ] {
            if empty {
                out.to_fill.mark(place, key);
            }
        }
        if row.kind.is_none() {
            for key in ["kind_commercial", "kind_oem", "kind_free"] {
                out.to_fill.mark(place, key);
            }
        }
    }
    out.unit.maintenance = maintenance(&summary, &usage, &mut out.to_fill);
    out.unit.free_list = free_list(&summary, &programs, &mut out.to_fill);
    for kind in [TableKind::Summary, TableKind::Usage, TableKind::Maintenance] {
        header(kind, &mut out.to_fill);
    }
    for key in [
        "people_total",
        "people_using",
        "servers",
        "desktops",
        "laptops",
    ] {
        out.to_fill.mark(Place::Header(TableKind::Summary), key);
    }
    if !usage.rows.is_empty() {
        out.unit.summary = Some(SummaryTable {
            header: Header::default().canonical(TableKind::Summary),
            rows: summary,
            ..SummaryTable::default()
        });
        usage.header = Header::default().canonical(TableKind::Usage);
        out.unit.usage = Some(usage);
    }
    out
}

/// The computers, each with its inventories: by name (a collector's file and a license text of
/// one computer are one), else by serial; an inventory naming neither is a computer of its own.
fn machines(inventories: &[Inventory]) -> Vec<Machine<'_>> {
    let mut out: Vec<Machine> = Vec::new();
    for inv in inventories {
        let name = inv
            .computer
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty());
        let key = name.or(inv.computer.serial.as_deref()).map(norm);
        let same = key.as_ref().and_then(|k| {
            out.iter().position(|m| {
                let i = m.inventories[0];
                let theirs = m.name.as_deref().or(i.computer.serial.as_deref()).map(norm);
                theirs.as_ref() == Some(k)
            })
        });
        match same {
            Some(at) => out[at].inventories.push(inv),
            None => out.push(Machine {
                name: name.map(String::from),
                inventories: vec![inv],
            }),
        }
    }
    // the order of 计算机编号 a clerk looks things up in; unnamed computers last
    out.sort_by(|a, b| (a.name.is_none(), &a.name).cmp(&(b.name.is_none(), &b.name)));
    out
}

/// The programs of one computer that count: its OS, then one per product.
fn programs_of(machine: &Machine, catalogue: &Catalogue) -> Vec<Program> {
    let mut out = Vec::new();
    if let Some(os) = machine.inventories.iter().find_map(|i| i.os.as_ref()) {
        let name = os_name(&os.name);
        let class = catalogue.classify(&os.name, os.version.as_deref().unwrap_or(""));
        let channel = machine
            .inventories
            .iter()
            .flat_map(|i| &i.licences)
            .find(|l| {
                catalogue
                    .classify(&l.product, "")
                    .is_some_and(|c| c.category == Category::Os)
            })
            .map(|l| l.channel);
        let kind = match channel {
            // preinstalled: the license came with the computer
            Some(Channel::Oem) => Some(Kind::Oem),
            Some(Channel::Retail | Channel::VolumeMak | Channel::KmsClient) => {
                Some(Kind::Commercial)
            }
            _ => class.and_then(kind_of),
        };
        out.push(Program {
            key: (name, kind),
            version: os.version.as_deref().and_then(short_version),
            installed_on: None,
            category: Some(Category::Os),
            vendor: class.map(|c| c.vendor.clone()).filter(|v| !v.is_empty()),
        });
    }
    let mut products: Vec<String> = Vec::new();
    let mut rest: Vec<Program> = Vec::new();
    for p in machine.inventories.iter().flat_map(|i| &i.software) {
        if p.is_part() {
            continue;
        }
        let class = catalogue.classify(&p.name, p.version.as_deref().unwrap_or(""));
        let listed_as_app = p.source.as_deref() == Some("ll-cli");
        if is_package(p) && !listed_as_app && class.is_none() {
            continue;
        }
        let program = match class {
            // the OS is the inventory's OS record, not a program named after it
            Some(c) if c.category == Category::Os => continue,
            Some(c) => {
                let name = if FAMILIES.contains(&c.product.as_str()) {
                    own_name(&p.name)
                } else {
                    c.product.clone()
                };
                Program {
                    key: (name, kind_of(c)),
                    version: p.version.as_deref().and_then(short_version),
                    installed_on: p.installed_on,
                    category: Some(c.category),
                    vendor: Some(c.vendor.clone()).filter(|v| !v.is_empty()),
                }
            }
            None => Program {
                key: (own_name(&p.name), None),
                version: p.version.as_deref().and_then(short_version),
                installed_on: p.installed_on,
                category: None,
                vendor: p.publisher.clone(),
            },
        };
        // one row per product per computer: the first entry stands for the rest
        let seen = norm(&program.key.0);
        if products.contains(&seen) {
            continue;
        }
        products.push(seen);
        rest.push(program);
    }
    rest.sort_by_key(order);
    out.extend(rest);
    out
}

/// Print order: by type (commercial, OEM, free, undecided), then category, then name.
fn order(p: &Program) -> (u8, u8, String) {
    let kind = match p.key.1 {
        Some(Kind::Commercial) => 0,
        Some(Kind::Oem) => 1,
        Some(Kind::Free) => 2,
        None => 3,
    };
    let category = match p.category {
        Some(Category::Os) => 0,
        Some(Category::Office) => 1,
        Some(Category::Antivirus) => 2,
        Some(Category::Other) => 3,
        None => 4,
    };
    (kind, category, norm(&p.key.0))
}

/// The 软件类型 the catalogue implies: a license needed, commercial; none, free; an edition
/// that decides (360, 火绒), the clerk's call.
fn kind_of(class: &Class) -> Option<Kind> {
    match class.needs_license {
        Some(true) => Some(Kind::Commercial),
        Some(false) => Some(Kind::Free),
        None => None,
    }
}

/// The summary: one row per (name, type), numbered in print order; every usage row gets the
/// number of its row.
fn summary(programs: &[Program], usage: &mut UsageTable, to_fill: &mut ToFill) -> Vec<SummaryRow> {
    let mut groups: BTreeMap<(u8, u8, String), (Program, Vec<usize>)> = BTreeMap::new();
    for (i, p) in programs.iter().enumerate() {
        let mut at = order(p);
        at.2 = format!("{}\u{0}{:?}", at.2, p.key.1);
        groups
            .entry(at)
            .or_insert_with(|| (p.clone(), Vec::new()))
            .1
            .push(i);
    }
    let mut rows = Vec::new();
    for (n, (first, members)) in groups.into_values().enumerate() {
        let id = format!("{ID_PREFIX}{:03}", n + 1);
        for &i in &members {
            usage.rows[i].id = Some(id.clone());
        }
        let place = Place::Row(TableKind::Summary, n);
        let kind = first.key.1;
        let versions: Vec<&Option<String>> =
            members.iter().map(|&i| &programs[i].version).collect();
        let version = match kind {
            // what was bought (`2019 专业版`) is on the contract, not on the computer
            Some(Kind::Commercial) | None => None,
            Some(Kind::Oem) if versions.iter().all(|v| *v == versions[0]) => versions[0].clone(),
            Some(Kind::Oem) => None,
            // free rows carry no version (台账 一.9)
            Some(Kind::Free) => None,
        };
        if version.is_none() && kind != Some(Kind::Free) {
            to_fill.mark(place, "version");
        }
        match kind {
            Some(Kind::Commercial) | None => {
                for key in LICENSE_COLUMNS {
                    to_fill.mark(place, key);
                }
            }
            Some(Kind::Oem | Kind::Free) => {}
        }
        if kind.is_none() {
            to_fill.mark(place, "kind");
        }
        rows.push(SummaryRow {
            id: Some(id),
            name: Some(first.key.0.clone()),
            version,
            kind,
            installed: Some(members.len() as i64),
            ..SummaryRow::default()
        });
    }
    rows
}

/// A 附件9 log per summary row: part 一 as the summary says, part 二 an 安装 per usage row,
/// in date order (unknown dates last, for the clerk).
fn maintenance(
    summary: &[SummaryRow],
    usage: &UsageTable,
    to_fill: &mut ToFill,
) -> Vec<MaintenanceTable> {
    let mut out = Vec::new();
    for (n, row) in summary.iter().enumerate() {
        let mut rows: Vec<&UsageRow> = usage.rows.iter().filter(|u| u.id == row.id).collect();
        rows.sort_by_key(|u| (u.installed_on.is_none(), u.installed_on, u.computer.clone()));
        let events: Vec<Event> = rows
            .iter()
            .map(|u| Event {
                action: Some(Action::Install),
                computer: u.computer.clone(),
                brand: u.brand.clone(),
                user: u.user.clone(),
                department: None,
                version: u.version.clone(),
                date: u.installed_on,
                count: Some(1),
                ..Event::default()
            })
            .collect();
        for (e, event) in events.iter().enumerate() {
            let place = Place::Event(n, e);
            to_fill.mark(place, "department");
            for (key, empty) in [
                ("user", event.user.is_none()),
                ("computer", event.computer.is_none()),
                ("brand", event.brand.is_none()),
                ("version", event.version.is_none()),
                ("date", event.date.is_none()),
            ] {
                if empty {
                    to_fill.mark(place, key);
                }
            }
        }
        let info_place = Place::Info(n);
        if row.version.is_none() && row.kind != Some(Kind::Free) {
            to_fill.mark(info_place, "version");
        }
        if matches!(row.kind, Some(Kind::Commercial) | None) {
            for key in ["license_count", "usable_versions", "term"] {
                to_fill.mark(info_place, key);
            }
        }
        if row.kind.is_none() {
            for key in ["kind_commercial", "kind_oem", "kind_free"] {
                to_fill.mark(info_place, key);
            }
        }
        out.push(MaintenanceTable {
            id: row.id.clone(),
            header: Header::default().canonical(TableKind::Maintenance),
            info: SoftwareInfo {
                id: row.id.clone(),
                name: row.name.clone(),
                version: row.version.clone(),
                kind: row.kind,
                ..SoftwareInfo::default()
            },
            events,
            ..MaintenanceTable::default()
        });
    }
    out
}

/// The free software the summary uses, for the 免费软件清单 a unit must keep (配置 二.2):
/// number, name and vendor from the catalogue; source, contact, departments and reason the
/// clerk's.
fn free_list(
    summary: &[SummaryRow],
    programs: &[Program],
    to_fill: &mut ToFill,
) -> Option<FreeListTable> {
    let mut rows = Vec::new();
    for row in summary.iter().filter(|r| r.kind == Some(Kind::Free)) {
        let vendor = programs
            .iter()
            .find(|p| Some(&p.key.0) == row.name.as_ref() && p.key.1 == row.kind)
            .and_then(|p| p.vendor.clone());
        let place = Place::Row(TableKind::FreeList, rows.len());
        for key in ["source", "vendor_contact", "departments", "reason"] {
            to_fill.mark(place, key);
        }
        if vendor.is_none() {
            to_fill.mark(place, "vendor");
        }
        rows.push(FreeListRow {
            id: row.id.clone(),
            name: row.name.clone(),
            vendor,
            ..FreeListRow::default()
        });
    }
    if rows.is_empty() {
        return None;
    }
    header(TableKind::FreeList, to_fill);
    Some(FreeListTable {
        header: Header::default().canonical(TableKind::FreeList),
        rows,
        ..FreeListTable::default()
    })
}

/// The header blanks of `kind` (单位名称, 填表人, 联系电话, 填表日期): the clerk's.
fn header(kind: TableKind, to_fill: &mut ToFill) {
    for key in kind.printed_header() {
        to_fill.mark(Place::Header(kind), key);
    }
}

/// A package of a package manager's list: named so (`dpkg`, `rpm`), or shaped like one
/// (`libc6`, `gnome-calculator`: lower case, no spaces), as GLPI lists a Linux computer's.
fn is_package(p: &Installed) -> bool {
    if matches!(p.source.as_deref(), Some("dpkg" | "rpm")) {
        return true;
    }
    let name = p.name.trim();
    !name.is_empty()
        && name.chars().all(|c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '+' | '-' | '_' | ':')
        })
}

/// A program's name without the version, architecture and language its installer adds
/// (`7-Zip 23.01 (x64)` → `7-Zip`, `Mozilla Firefox (x64 zh-CN)` → `Mozilla Firefox`).
fn own_name(name: &str) -> String {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        Regex::new(
            r"(?i)\s*\((?:[^)]*\d[^)]*|x64|x86|[a-z]{2}-[a-z]{2})\)|\s+-\s+.*$|\s+v?\d+(?:\.\d+)+\S*",
        )
        .expect("a valid pattern")
    });
    let short = re.replace_all(name, "").trim().to_string();
    if short.is_empty() {
        name.trim().to_string()
    } else {
        short
    }
}

/// The OS as a ledger names it: as the system does, without the vendor's prefix
/// (`Microsoft Windows 10 专业版` → `Windows 10 专业版`), so the edition the license is for
/// stays in the name.
fn os_name(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    name.strip_prefix("Microsoft ").unwrap_or(&name).to_string()
}

/// A version as a ledger writes it: major and minor (`11.1.0.14309` → `11.1`, dpkg's
/// `1:2.39.5-0+deb12u3` → `2.39`); a version that is no number (`V10`) as it is.
fn short_version(v: &str) -> Option<String> {
    let v = v.trim();
    let v = v.split_once(':').map_or(v, |(epoch, rest)| {
        if epoch.chars().all(|c| c.is_ascii_digit()) {
            rest
        } else {
            v
        }
    });
    if v.is_empty() {
        return None;
    }
    if !v.starts_with(|c: char| c.is_ascii_digit()) {
        return Some(v.to_string());
    }
    let numeric: String = v
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let parts: Vec<&str> = numeric.split('.').filter(|p| !p.is_empty()).collect();
    Some(parts.iter().take(2).copied().collect::<Vec<_>>().join("."))
}

/// 计算机品牌 as offices write it: the brand in Chinese for the common makers (`LENOVO` →
/// 联想, `Hewlett-Packard` → 惠普), else the manufacturer as the BIOS names it. The model
/// (`ThinkCentre M720t`) is no brand, and in the narrow column it would break every row
/// onto three lines.
fn brand(manufacturer: &str) -> Option<String> {
    const BRANDS: [(&str, &str); 14] = [
        ("LENOVO", "联想"),
        ("HUAWEI", "华为"),
        ("HEWLETT", "惠普"),
        ("HP", "惠普"),
        ("DELL", "戴尔"),
        ("ASUS", "华硕"),
        ("ACER", "宏碁"),
        ("TONGFANG", "同方"),
        ("HAIER", "海尔"),
        ("FOUNDER", "方正"),
        ("GREATWALL", "长城"),
        ("INSPUR", "浪潮"),
        ("SUGON", "曙光"),
        ("APPLE", "苹果"),
    ];
    let m = manufacturer.trim();
    if m.is_empty() {
        return None;
    }
    let key = norm(m);
    let first = key
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    BRANDS
        .iter()
        .find(|(word, _)| first == *word || (word.len() > 2 && key.starts_with(word)))
        .map(|(_, name)| name.to_string())
        .or_else(|| Some(m.to_string()))
}

/// 姓名 from the account logged on: its user part (`CZJ-BGS-01\张伟` → `张伟`); a built-in
/// account (Administrator, root, local…) names no person and is left for the clerk.
fn person(account: &str) -> Option<String> {
    let user = account.rsplit(['\\', '/']).next().unwrap_or(account).trim();
    let user = user.split('@').next().unwrap_or(user).trim();
    const BUILT_IN: [&str; 9] = [
        "administrator",
        "admin",
        "root",
        "user",
        "local",
        "guest",
        "system",
        "管理员",
        "defaultaccount",
    ];
    (!user.is_empty() && !BUILT_IN.contains(&user.to_lowercase().as_str()))
        .then(|| user.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_versions_and_people() {
        assert_eq!(own_name("7-Zip 23.01 (x64)"), "7-Zip");
        assert_eq!(own_name("Mozilla Firefox (x64 zh-CN)"), "Mozilla Firefox");
        assert_eq!(own_name("搜狗输入法 13.0正式版"), "搜狗输入法");
        assert_eq!(own_name("百度网盘"), "百度网盘");
        assert_eq!(short_version("11.1.0.14309").as_deref(), Some("11.1"));
        assert_eq!(short_version("1:2.39.5-0+deb12u3").as_deref(), Some("2.39"));
        assert_eq!(short_version("V10").as_deref(), Some("V10"));
        assert_eq!(short_version(" ").as_deref(), None);
        assert_eq!(os_name("Microsoft Windows 7 专业版 "), "Windows 7 专业版");
        assert_eq!(person("CZJ-BGS-01\\Administrator"), None);
        assert_eq!(person("SJ\\张伟"), Some("张伟".into()));
        assert_eq!(brand("LENOVO").as_deref(), Some("联想"));
        assert_eq!(brand("Hewlett-Packard").as_deref(), Some("惠普"));
        assert_eq!(brand("HP").as_deref(), Some("惠普"));
        assert_eq!(brand("Dell Inc.").as_deref(), Some("戴尔"));
        assert_eq!(brand("Micro-Star").as_deref(), Some("Micro-Star"));
        assert_eq!(brand(" ").as_deref(), None);
    }
}
