//! The one unit behind every sample, 丰都县双龙镇人民政府, kept as data rather than as a
//! workbook so that every layout and the expected model come from the same facts.
//!
//! The history is written as it happened (computers arriving, licenses bought, software
//! installed and uninstalled, a computer scrapped); the usage ledger, install counts and
//! statistics are computed from it, and [`Unit::assert_consistent`] refuses a dataset that a
//! correct checker would fault, so an edit here cannot quietly make the "clean" sample dirty.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};

/// A calendar day (the dataset's dates are literals, so a bad one is a bug here).
pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date literal")
}

/// The date the clean sample must pass a check on (`--as-of`).
pub fn check_date() -> NaiveDate {
    day(2026, 11, 25)
}

/// 商业软件 / OEM软件 / 免费软件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// 商业软件.
    Commercial,
    /// OEM软件.
    Oem,
    /// 免费软件.
    Free,
}

impl Kind {
    /// The three kinds in template order.
    pub const ALL: [Kind; 3] = [Kind::Commercial, Kind::Oem, Kind::Free];

    /// The label printed in the ledgers.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Commercial => "商业软件",
            Kind::Oem => "OEM软件",
            Kind::Free => "免费软件",
        }
    }

    /// The key of the normalised JSON.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Commercial => "commercial",
            Kind::Oem => "oem",
            Kind::Free => "free",
        }
    }
}

/// Category of the statistics table (derive.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Category {
    /// 操作系统.
    Os,
    /// 办公软件.
    Office,
    /// 杀毒软件.
    Antivirus,
    /// 其他: not counted.
    Other,
}

/// 国内 / 国外.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// 国内.
    Domestic,
    /// 国外.
    Foreign,
}

/// 许可期限 as the unit's contracts state it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// 永久.
    Perpetual,
    /// A start and an end day.
    Between(NaiveDate, NaiveDate),
}

impl Term {
    /// The last valid day, if the license ends.
    pub fn end(self) -> Option<NaiveDate> {
        match self {
            Term::Perpetual => None,
            Term::Between(_, end) => Some(end),
        }
    }
}

/// The license fields of a commercial software number.
#[derive(Debug, Clone)]
pub struct License {
    /// 采购时间.
    pub purchased_on: NaiveDate,
    /// Price of one license in 元 (the ledger records the total).
    pub unit_price: f64,
    /// 许可类型.
    pub license_type: &'static str,
    /// 许可数量.
    pub count: i64,
    /// 可使用版本.
    pub usable_versions: &'static [&'static str],
    /// 许可期限.
    pub term: Term,
    /// 序列号.
    pub serial: &'static str,
}

impl License {
    /// 采购金额 in 元.
    pub fn amount(&self) -> f64 {
        self.unit_price * self.count as f64
    }
}

/// One software number (软件编号) of the summary ledger.
#[derive(Debug, Clone)]
pub struct Software {
    /// 软件编号.
    pub id: &'static str,
    /// 软件名称.
    pub name: &'static str,
    /// 软件版本; free software has none (台账 一.9).
    pub version: Option<&'static str>,
    /// 软件类型.
    pub kind: Kind,
    /// License fields; commercial software only (台账 一.6, 一.9).
    pub license: Option<License>,
    /// Category for the statistics table.
    pub category: Category,
    /// Origin for the statistics table.
    pub origin: Origin,
}

/// Server, desktop or laptop (the summary's 计算机情况).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Machine {
    /// 服务器.
    Server,
    /// 台式机.
    Desktop,
    /// 便携机.
    Laptop,
}

/// One computer, with its one user and department.
#[derive(Debug, Clone)]
pub struct Computer {
    /// 计算机编号.
    pub id: &'static str,
    /// 计算机品牌.
    pub brand: &'static str,
    /// Kind of machine.
    pub machine: Machine,
    /// 使用人.
    pub user: &'static str,
    /// 使用部门.
    pub department: &'static str,
}

/// 安装 or 卸载.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// 安装.
    Install,
    /// 卸载.
    Uninstall,
}

/// One row of a maintenance ledger (always one copy).
#[derive(Debug, Clone)]
pub struct Event {
    /// 软件编号.
    pub software: &'static str,
    /// 计算机编号.
    pub computer: &'static str,
    /// 安装 / 卸载.
    pub action: Action,
    /// 安装/卸载日期.
    pub date: NaiveDate,
}

/// One row of the usage ledger, computed by replaying the events.
#[derive(Debug, Clone)]
pub struct UsageRow<'a> {
    /// The computer.
    pub computer: &'a Computer,
    /// The software.
    pub software: &'a Software,
    /// 安装日期: the install still in force.
    pub installed_on: NaiveDate,
}

/// An approval or signature line; `label` is printed as typed, its role is `label` without
/// whitespace (what the reader reports).
#[derive(Debug, Clone)]
pub struct Approval {
    /// "党政办\n审核".
    pub label: &'static str,
    /// 审核人 / 审批人 / 签名.
    pub signer_word: &'static str,
    /// The person.
    pub person: &'static str,
    /// The day signed.
    pub date: NaiveDate,
}

/// A member of the leading group.
#[derive(Debug, Clone)]
pub struct Member {
    /// 分工.
    pub role: &'static str,
    /// 姓名.
    pub name: &'static str,
    /// 部门.
    pub department: &'static str,
    /// 职务.
    pub title: &'static str,
    /// 联系电话.
    pub phone: &'static str,
    /// 传真, where the member has one.
    pub fax: Option<&'static str>,
}

/// One row of the demand form.
#[derive(Debug, Clone)]
pub struct DemandRow {
    /// 软件类型 (操作系统 …).
    pub kind: &'static str,
    /// 软件用途.
    pub purpose: &'static str,
    /// 功能需求.
    pub requirement: &'static str,
    /// 申请许可数.
    pub count: i64,
    /// 备注.
    pub note: &'static str,
}

/// 软件使用需求申请表.
#[derive(Debug, Clone)]
pub struct Demand {
    /// 申请部门.
    pub department: &'static str,
    /// 经手人.
    pub handler: &'static str,
    /// 联系电话.
    pub phone: &'static str,
    /// 填表日期.
    pub filled_on: NaiveDate,
    /// Requests, in the order of the template's pre-printed types.
    pub rows: Vec<DemandRow>,
    /// Approval block.
    pub approvals: Vec<Approval>,
}

/// One row of the purchase plan.
#[derive(Debug, Clone)]
pub struct PlanRow {
    /// 软件名称.
    pub name: &'static str,
    /// 软件版本.
    pub version: &'static str,
    /// 单价 (元).
    pub unit_price: f64,
    /// 许可数.
    pub count: i64,
    /// 备注.
    pub note: &'static str,
}

impl PlanRow {
    /// 合计 (元).
    pub fn total(&self) -> f64 {
        self.unit_price * self.count as f64
    }
}

/// 软件采购计划表.
#[derive(Debug, Clone)]
pub struct Plan {
    /// 经手人.
    pub handler: &'static str,
    /// 联系电话.
    pub phone: &'static str,
    /// 填表日期.
    pub filled_on: NaiveDate,
    /// Planned purchases.
    pub rows: Vec<PlanRow>,
    /// Approval block.
    pub approvals: Vec<Approval>,
}

impl Plan {
    /// 共计 (元).
    pub fn grand_total(&self) -> f64 {
        self.rows.iter().map(PlanRow::total).sum()
    }
}

/// A row of the free-software list (name from the summary).
#[derive(Debug, Clone)]
pub struct FreeEntry {
    /// 软件编号.
    pub id: &'static str,
    /// 软件版本 approved.
    pub version: &'static str,
    /// 软件来源.
    pub source: &'static str,
    /// 软件厂商名称.
    pub vendor: &'static str,
    /// 软件厂商客服联系方式.
    pub contact: &'static str,
    /// 使用部门.
    pub departments: &'static str,
    /// 使用原因.
    pub reason: &'static str,
}

/// The one install request (and its confirmation) the samples fill.
#[derive(Debug, Clone)]
pub struct Request {
    /// 计算机编号.
    pub computer: &'static str,
    /// 软件编号 installed.
    pub software: &'static str,
    /// The version shown on the forms.
    pub version: &'static str,
    /// 申请时间.
    pub applied_on: NaiveDate,
    /// 申请原因.
    pub reason: &'static str,
    /// Approvals of the request.
    pub approvals: Vec<Approval>,
    /// Signatures of the confirmation (user, installer).
    pub confirmations: Vec<Approval>,
}

/// Section 一 of the statistics table.
#[derive(Debug, Clone)]
pub struct ResponsibleDept {
    /// 部门名称.
    pub name: &'static str,
    /// 负责人姓名.
    pub head: &'static str,
    /// 负责人电话.
    pub phone: &'static str,
    /// 传真.
    pub fax: &'static str,
}

/// The unit: everything the samples print.
#[derive(Debug, Clone)]
pub struct Unit {
    /// 单位名称.
    pub name: &'static str,
    /// 填表人 of the ledgers.
    pub filler: &'static str,
    /// 联系电话 of the ledgers.
    pub phone: &'static str,
    /// 填表日期 of the summary, usage and statistics tables.
    pub filled_on: NaiveDate,
    /// 总人数 (some staff use no computer).
    pub people_total: i64,
    /// Software numbers, by 软件编号.
    pub software: Vec<Software>,
    /// Every computer the ledgers mention, including scrapped ones.
    pub computers: Vec<Computer>,
    /// Maintenance events in date order.
    pub events: Vec<Event>,
    /// 领导小组成员.
    pub leading_group: Vec<Member>,
    /// 填表日期 of the leading-group table.
    pub leading_group_filled_on: NaiveDate,
    /// 承诺人 of the pledge and the day signed.
    pub pledge: (&'static str, NaiveDate),
    /// 需求申请表.
    pub demand: Demand,
    /// 采购计划表.
    pub plan: Plan,
    /// 可使用免费软件清单.
    pub free_list: Vec<FreeEntry>,
    /// 填表日期 of the free list.
    pub free_list_filled_on: NaiveDate,
    /// Section 一 of the statistics table.
    pub responsible: ResponsibleDept,
    /// The year the statistics table reports.
    pub statistics_year: i32,
    /// 安装维护申请表 and 确认单.
    pub request: Request,
}

/// Sections 四 and 五 of the statistics table: rows 国内, 国外, 合计; columns 操作系统,
/// 办公软件, 杀毒软件, 总计.
#[derive(Debug, Clone, PartialEq)]
pub struct Statistics {
    /// 四: (许可数, 金额 in 万元) per row and column.
    pub purchases: [[(i64, f64); 4]; 3],
    /// 五: 许可数 per row and column.
    pub holdings: [[i64; 4]; 3],
}

/// 元 → 万元 with the table's four decimals (one decimal place of 万元 per 元).
pub fn wan(yuan: f64) -> f64 {
    yuan.round() / 10_000.0
}

impl Unit {
    /// The software with this number.
    pub fn software(&self, id: &str) -> &Software {
        self.software
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("unknown software {id}"))
    }

    /// The computer with this number.
    pub fn computer(&self, id: &str) -> &Computer {
        self.computers
            .iter()
            .find(|c| c.id == id)
            .unwrap_or_else(|| panic!("unknown computer {id}"))
    }

    /// Summary rows in template order: commercial, then OEM, then free.
    pub fn summary_order(&self) -> Vec<&Software> {
        let mut rows: Vec<&Software> = self.software.iter().collect();
        rows.sort_by_key(|s| (s.kind, s.id));
        rows
    }

    /// The events of one software number, in date order.
    pub fn events_of(&self, id: &str) -> Vec<&Event> {
        self.events.iter().filter(|e| e.software == id).collect()
    }

    /// The usage ledger: what the replay leaves installed, grouped by computer (in the
    /// order of `computers`) and, per computer, OS, office, antivirus, then the rest.
    pub fn usage(&self) -> Vec<UsageRow<'_>> {
        let mut installed: BTreeMap<(&str, &str), NaiveDate> = BTreeMap::new();
        for e in &self.events {
            match e.action {
                Action::Install => installed.insert((e.computer, e.software), e.date),
                Action::Uninstall => installed.remove(&(e.computer, e.software)),
            };
        }
        let mut rows = Vec::new();
        for computer in &self.computers {
            let mut here: Vec<UsageRow> = installed
                .iter()
                .filter(|((c, _), _)| *c == computer.id)
                .map(|((_, s), date)| UsageRow {
                    computer,
                    software: self.software(s),
                    installed_on: *date,
                })
                .collect();
            here.sort_by_key(|r| (r.software.category, r.software.id));
            rows.extend(here);
        }
        rows
    }

    /// 安装数量 of a software number: its rows in the usage ledger.
    pub fn installed(&self, id: &str) -> i64 {
        self.usage().iter().filter(|r| r.software.id == id).count() as i64
    }

    /// The computers in use (those in the usage ledger).
    pub fn computers_in_use(&self) -> Vec<&Computer> {
        let usage = self.usage();
        self.computers
            .iter()
            .filter(|c| usage.iter().any(|r| r.computer.id == c.id))
            .collect()
    }

    /// 服务器数, 台式机数, 便携机数 of the computers in use.
    pub fn machine_counts(&self) -> (i64, i64, i64) {
        let in_use = self.computers_in_use();
        let n = |m: Machine| in_use.iter().filter(|c| c.machine == m).count() as i64;
        (n(Machine::Server), n(Machine::Desktop), n(Machine::Laptop))
    }

    /// 使用计算机人数: distinct users in the usage ledger.
    pub fn people_using(&self) -> i64 {
        let names: BTreeSet<&str> = self.usage().iter().map(|r| r.computer.user).collect();
        names.len() as i64
    }

    /// The newest maintenance event.
    pub fn newest_event(&self) -> NaiveDate {
        self.events
            .iter()
            .map(|e| e.date)
            .max()
            .expect("events exist")
    }

    /// Sections 四 and 五 for the statistics year, as derive.md computes them.
    pub fn statistics(&self) -> Statistics {
        let year = self.statistics_year;
        let year_end = day(year, 12, 31);
        let col = |c: Category| match c {
            Category::Os => Some(0),
            Category::Office => Some(1),
            Category::Antivirus => Some(2),
            Category::Other => None,
        };
        let row = |o: Origin| match o {
            Origin::Domestic => 0,
            Origin::Foreign => 1,
        };
        let mut licenses = [[0i64; 4]; 3];
        let mut yuan = [[0f64; 4]; 3];
        let mut held = [[0i64; 4]; 3];
        for s in &self.software {
            let Some(c) = col(s.category) else { continue };
            let r = row(s.origin);
            match (&s.license, s.kind) {
                (Some(l), Kind::Commercial) => {
                    if l.purchased_on.year() == year {
                        licenses[r][c] += l.count;
                        yuan[r][c] += l.amount();
                    }
                    let valid = l.term.end().is_none_or(|end| end >= year_end);
                    if l.purchased_on <= year_end && valid {
                        held[r][c] += l.count;
                    }
                }
                (_, Kind::Oem) if s.category == Category::Os => {
                    held[r][c] += self.installed(s.id);
                }
                _ => {}
            }
        }
        for r in 0..2 {
            licenses[r][3] = licenses[r][..3].iter().sum();
            yuan[r][3] = yuan[r][..3].iter().sum();
            held[r][3] = held[r][..3].iter().sum();
        }
        for c in 0..4 {
            licenses[2][c] = licenses[0][c] + licenses[1][c];
            yuan[2][c] = yuan[0][c] + yuan[1][c];
            held[2][c] = held[0][c] + held[1][c];
        }
        let mut purchases = [[(0i64, 0f64); 4]; 3];
        for r in 0..3 {
            for c in 0..4 {
                purchases[r][c] = (licenses[r][c], wan(yuan[r][c]));
            }
        }
        Statistics {
            purchases,
            holdings: held,
        }
    }

    /// Panic where the dataset breaks a rule of rules.md that a clean unit must satisfy.
    pub fn assert_consistent(&self) {
        let as_of = check_date();
        let mut on: BTreeSet<(&str, &str)> = BTreeSet::new();
        let mut copies: BTreeMap<&str, i64> = BTreeMap::new();
        let mut oem_left: BTreeSet<&str> = BTreeSet::new();
        let mut last = NaiveDate::MIN;
        for e in &self.events {
            let s = self.software(e.software);
            self.computer(e.computer);
            assert!(e.date >= last, "events out of date order at {e:?}");
            last = e.date;
            assert!(
                e.date <= self.filled_on && e.date <= as_of,
                "{e:?} in the future"
            );
            let n = copies.entry(e.software).or_default();
            match e.action {
                Action::Install => {
                    assert!(
                        on.insert((e.computer, e.software)),
                        "{e:?}: already installed"
                    );
                    *n += 1;
                    if let Some(l) = &s.license {
                        assert!(*n <= l.count, "{e:?}: more copies than licenses");
                        assert!(e.date >= l.purchased_on, "{e:?}: before the purchase");
                        assert!(l.term.end().is_none_or(|end| e.date <= end));
                    }
                    if s.kind == Kind::Oem {
                        assert!(!oem_left.contains(e.software), "{e:?}: OEM moved");
                    }
                }
                Action::Uninstall => {
                    assert!(on.remove(&(e.computer, e.software)), "{e:?}: not installed");
                    *n -= 1;
                    if s.kind == Kind::Oem {
                        oem_left.insert(e.software);
                    }
                }
            }
        }
        let usage = self.usage();
        let mut per_computer: BTreeMap<&str, Vec<Category>> = BTreeMap::new();
        for r in &usage {
            per_computer
                .entry(r.computer.id)
                .or_default()
                .push(r.software.category);
        }
        for (computer, cats) in &per_computer {
            let count = |c: Category| cats.iter().filter(|x| **x == c).count();
            assert_eq!(count(Category::Os), 1, "{computer}: one OS");
            assert_eq!(count(Category::Antivirus), 1, "{computer}: one antivirus");
            let server = self.computer(computer).machine == Machine::Server;
            // Servers carry no office suite; every PC carries exactly one.
            assert_eq!(count(Category::Office), usize::from(!server), "{computer}");
        }
        for s in &self.software {
            let net: i64 = self
                .events_of(s.id)
                .iter()
                .map(|e| match e.action {
                    Action::Install => 1,
                    Action::Uninstall => -1,
                })
                .sum();
            assert_eq!(net, self.installed(s.id), "{}: net installs", s.id);
            if let Some(l) = &s.license {
                assert_eq!(s.kind, Kind::Commercial);
                assert!(self.installed(s.id) <= l.count, "{}: over-deployed", s.id);
                assert!(l.purchased_on <= self.filled_on);
                // No ZB112/ZB113 on the check date: ends after it by more than 90 days.
                if let Some(end) = l.term.end() {
                    assert!(
                        end > as_of + chrono::Days::new(90),
                        "{}: expires soon",
                        s.id
                    );
                }
            } else {
                assert_ne!(
                    s.kind,
                    Kind::Commercial,
                    "{}: commercial needs a license",
                    s.id
                );
            }
            assert_eq!(
                s.version.is_none(),
                s.kind == Kind::Free,
                "{}: version",
                s.id
            );
            if s.kind == Kind::Free {
                assert!(
                    self.free_list.iter().any(|f| f.id == s.id),
                    "{}: not on the free list",
                    s.id
                );
            }
        }
        let (servers, desktops, laptops) = self.machine_counts();
        assert!(self.computers_in_use().len() as i64 <= servers + desktops + laptops);
        assert!(self.people_using() <= self.people_total);
        // 台账 一.13, 二.3: updated at least every half year (ZB413).
        let half_year_before = |d: NaiveDate| d - chrono::Months::new(6);
        assert!(self.filled_on >= half_year_before(self.newest_event()));
        assert!(self.filled_on >= half_year_before(as_of) && self.filled_on <= as_of);
        // The plan is what was then bought.
        for row in &self.plan.rows {
            assert!(self.software.iter().any(|s| {
                s.name == row.name
                    && s.version == Some(row.version)
                    && s.license.as_ref().is_some_and(|l| {
                        l.count == row.count
                            && l.unit_price == row.unit_price
                            && l.purchased_on > self.plan.filled_on
                    })
            }));
        }
    }
}

/// Users and computers, one row each: (计算机编号, 品牌, machine, 使用人, 部门). Listed by
/// department so the usage ledger reads as offices keep it; SL-PC-012 was scrapped in 2026.
const COMPUTERS: &[(&str, &str, Machine, &str, &str)] = {
    use Machine::*;
    &[
        ("SL-PC-001", "清华同方", Desktop, "陈志强", "党政办"),
        ("SL-SV-01", "戴尔", Server, "陈志强", "党政办"),
        ("SL-SV-02", "戴尔", Server, "陈志强", "党政办"),
        ("SL-PC-002", "清华同方", Desktop, "周建华", "党政办"),
        ("SL-PC-003", "清华同方", Desktop, "刘晓燕", "党政办"),
        ("SL-PC-013", "戴尔", Desktop, "谭玉兰", "党政办"),
        ("SL-PC-023", "联想", Desktop, "秦海波", "党政办"),
        ("SL-NB-001", "联想", Laptop, "冉丽君", "党政办"),
        ("SL-PC-031", "华为", Desktop, "向东升", "党政办"),
        ("SL-PC-004", "清华同方", Desktop, "杨光明", "经济发展办"),
        ("SL-PC-014", "戴尔", Desktop, "李春梅", "经济发展办"),
        ("SL-PC-021", "联想", Desktop, "何永福", "经济发展办"),
        ("SL-PC-024", "联想", Desktop, "罗小琴", "经济发展办"),
        ("SL-NB-002", "联想", Laptop, "熊伟", "经济发展办"),
        ("SL-PC-005", "清华同方", Desktop, "张秀英", "社会事务办"),
        ("SL-PC-015", "戴尔", Desktop, "汪德明", "社会事务办"),
        ("SL-PC-022", "联想", Desktop, "蒋红梅", "社会事务办"),
        ("SL-PC-025", "联想", Desktop, "曾庆华", "社会事务办"),
        ("SL-NB-003", "联想", Laptop, "徐丽萍", "社会事务办"),
        ("SL-PC-006", "清华同方", Desktop, "邓国平", "财政办"),
        ("SL-PC-007", "长城", Desktop, "彭晓霞", "财政办"),
        ("SL-PC-020", "联想", Desktop, "傅云峰", "财政办"),
        ("SL-PC-030", "联想", Desktop, "廖敏", "财政办"),
        ("SL-PC-008", "长城", Desktop, "王志刚", "规划建设办"),
        ("SL-PC-016", "戴尔", Desktop, "黄世军", "规划建设办"),
        ("SL-PC-026", "联想", Desktop, "任小龙", "规划建设办"),
        ("SL-NB-004", "华为", Laptop, "袁静", "规划建设办"),
        ("SL-PC-009", "长城", Desktop, "殷德友", "综治办"),
        ("SL-PC-017", "戴尔", Desktop, "隆春燕", "综治办"),
        ("SL-PC-027", "联想", Desktop, "付强", "综治办"),
        ("SL-NB-005", "华为", Laptop, "程红", "综治办"),
        ("SL-PC-010", "长城", Desktop, "秦大勇", "农业服务中心"),
        ("SL-PC-018", "联想", Desktop, "冉光辉", "农业服务中心"),
        ("SL-PC-028", "联想", Desktop, "谭明兴", "农业服务中心"),
        ("SL-NB-006", "华为", Laptop, "杨玉梅", "农业服务中心"),
        ("SL-PC-032", "华为", Desktop, "陈家富", "农业服务中心"),
        ("SL-PC-011", "长城", Desktop, "黄丽", "便民服务中心"),
        ("SL-PC-012", "戴尔", Desktop, "何晓东", "便民服务中心"),
        ("SL-PC-035", "华为", Desktop, "何晓东", "便民服务中心"),
        ("SL-PC-019", "联想", Desktop, "刘婷婷", "便民服务中心"),
        ("SL-PC-029", "联想", Desktop, "王芳", "便民服务中心"),
        ("SL-PC-033", "华为", Desktop, "张宇航", "便民服务中心"),
        ("SL-PC-034", "华为", Desktop, "周雪", "便民服务中心"),
    ]
};

/// Windows computers whose users need Chrome for online government services (经济发展办,
/// 规划建设办, 便民服务中心); SL-PC-025 gets it later through the request form.
const CHROME: &[&str] = &[
    "SL-PC-004",
    "SL-PC-008",
    "SL-PC-011",
    "SL-PC-012",
    "SL-PC-014",
    "SL-PC-016",
    "SL-PC-019",
    "SL-PC-021",
    "SL-PC-024",
    "SL-PC-026",
    "SL-PC-029",
    "SL-NB-002",
    "SL-NB-004",
];

/// Software numbers as the ledger was set up in December 2023, plus the 2025 and 2026
/// purchases. Names carry the edition (ZB123); OEM and free rows carry no license fields.
fn software() -> Vec<Software> {
    use Category::*;
    use Kind::*;
    use Origin::*;
    let oem = |id, name, version| Software {
        id,
        name,
        version: Some(version),
        kind: Oem,
        license: None,
        category: Os,
        origin: Foreign,
    };
    let free = |id, name| Software {
        id,
        name,
        version: None,
        kind: Free,
        license: None,
        category: Other,
        origin: Foreign,
    };
    let wps = |id, purchased_on, count, serial| Software {
        id,
        name: "WPS Office 2019 专业版",
        version: Some("2019"),
        kind: Commercial,
        license: Some(License {
            purchased_on,
            unit_price: if id == "RJ002" { 480.0 } else { 485.0 },
            license_type: "批量许可",
            count,
            usable_versions: &["2019"],
            term: Term::Perpetual,
            serial,
        }),
        category: Office,
        origin: Domestic,
    };
    vec![
        Software {
            id: "RJ001",
            name: "Microsoft Office 2019 专业增强版",
            version: Some("2019"),
            kind: Commercial,
            license: Some(License {
                purchased_on: day(2020, 9, 15),
                unit_price: 3980.0,
                license_type: "批量许可",
                count: 12,
                usable_versions: &["2019", "2016"],
                term: Term::Perpetual,
                serial: "NB6PJ-3TK8R-QD94W-VXM2C-7HGF4",
            }),
            category: Office,
            origin: Foreign,
        },
        wps(
            "RJ002",
            day(2021, 3, 18),
            30,
            "8TQ4K-2W7PD-M3XHN-J9CRV-6YBFG",
        ),
        oem("RJ003", "Windows 10 专业版", "22H2"),
        oem("RJ004", "Windows 11 专业版", "23H2"),
        oem("RJ005", "Windows Server 2019 标准版", "1809"),
        free("RJ006", "7-Zip"),
        free("RJ007", "福昕阅读器"),
        free("RJ008", "Google Chrome"),
        Software {
            id: "RJ009",
            name: "奇安信天擎终端安全管理系统",
            version: Some("V10"),
            kind: Commercial,
            license: Some(License {
                purchased_on: day(2024, 12, 26),
                unit_price: 150.0,
                license_type: "终端授权",
                count: 45,
                usable_versions: &["V10"],
                term: Term::Between(day(2025, 1, 1), day(2027, 12, 31)),
                serial: "QAX-TQ10-2501-0034-7752",
            }),
            category: Antivirus,
            origin: Domestic,
        },
        wps(
            "RJ010",
            day(2026, 3, 20),
            10,
            "K7MXP-4RDJ2-9QWVB-HT6CN-3FGY8",
        ),
        Software {
            id: "RJ011",
            name: "统信UOS桌面操作系统 专业版",
            version: Some("V20"),
            kind: Commercial,
            license: Some(License {
                purchased_on: day(2026, 4, 10),
                unit_price: 950.0,
                license_type: "单机许可",
                count: 6,
                usable_versions: &["V20"],
                term: Term::Perpetual,
                serial: "UOS-V20P-2604-E8C1-93A7",
            }),
            category: Os,
            origin: Domestic,
        },
    ]
}

/// Appends events in the order things happened.
#[derive(Default)]
struct History {
    events: Vec<Event>,
}

impl History {
    fn add(
        &mut self,
        software: &'static str,
        computers: &[&'static str],
        action: Action,
        date: NaiveDate,
    ) {
        for &computer in computers {
            self.events.push(Event {
                software,
                computer,
                action,
                date,
            });
        }
    }

    fn install(&mut self, software: &'static str, computers: &[&'static str], date: NaiveDate) {
        self.add(software, computers, Action::Install, date);
    }

    fn uninstall(&mut self, software: &'static str, computers: &[&'static str], date: NaiveDate) {
        self.add(software, computers, Action::Uninstall, date);
    }

    /// Windows computers set up on arrival: the preinstalled OS, 7-Zip everywhere, and on
    /// PCs (not servers) the PDF reader and, where the office needs it, Chrome.
    fn arrive(&mut self, os: &'static str, computers: &[&'static str], date: NaiveDate) {
        self.install(os, computers, date);
        self.install("RJ006", computers, date);
        let pcs: Vec<&'static str> = computers
            .iter()
            .copied()
            .filter(|c| !c.starts_with("SL-SV"))
            .collect();
        self.install("RJ007", &pcs, date);
        let chrome: Vec<&'static str> =
            pcs.iter().copied().filter(|c| CHROME.contains(c)).collect();
        self.install("RJ008", &chrome, date);
    }
}

/// The computer numbers `{prefix}NNN` for `range`, taken from `COMPUTERS` so that events hold
/// `'static` ids and a number missing from the table fails loudly.
fn numbered(prefix: &'static str, range: std::ops::RangeInclusive<u32>) -> Vec<&'static str> {
    range
        .map(|n| {
            let id = format!("{prefix}{n:03}");
            COMPUTERS
                .iter()
                .map(|c| c.0)
                .find(|c| *c == id)
                .unwrap_or_else(|| panic!("{id} not in COMPUTERS"))
        })
        .collect()
}

fn history() -> Vec<Event> {
    let mut h = History::default();
    // 2020: the first batch of desktops (Windows 10 OEM); Office 2019 bought for them.
    let batch1 = numbered("SL-PC-", 1..=11);
    h.arrive("RJ003", &batch1, day(2020, 8, 20));
    h.install("RJ001", &batch1, day(2020, 9, 22));
    // 2021: the second batch, with the first WPS purchase.
    let batch2 = numbered("SL-PC-", 12..=22);
    h.arrive("RJ003", &batch2, day(2021, 3, 25));
    h.install("RJ002", &batch2, day(2021, 3, 26));
    // 2022: two servers.
    let servers = ["SL-SV-01", "SL-SV-02"];
    h.arrive("RJ005", &servers, day(2022, 8, 16));
    // 2023: Windows 11 desktops and laptops, WPS from the 2021 licenses.
    let mut batch3 = numbered("SL-PC-", 23..=30);
    batch3.extend(numbered("SL-NB-", 1..=6));
    h.arrive("RJ004", &batch3, day(2023, 6, 12));
    h.install("RJ002", &batch3, day(2023, 6, 13));
    // 2024: 财政办 SL-PC-007 moves from Office 2019 to WPS (统一部署).
    h.uninstall("RJ001", &["SL-PC-007"], day(2024, 5, 20));
    h.install("RJ002", &["SL-PC-007"], day(2024, 5, 20));
    // 2025: antivirus for every computer then in use.
    let mut all: Vec<&'static str> = batch1.clone();
    all.extend(&batch2);
    all.extend(servers);
    all.extend(&batch3);
    h.install("RJ009", &all, day(2025, 1, 15));
    // 2026: 国产 desktops with UOS and the second WPS purchase; SL-PC-035 replaces the
    // broken SL-PC-012, whose software is uninstalled as it is scrapped.
    let batch4 = numbered("SL-PC-", 31..=35);
    h.install("RJ011", &batch4, day(2026, 4, 21));
    h.install("RJ010", &batch4, day(2026, 4, 22));
    h.install("RJ009", &batch4, day(2026, 4, 22));
    for sw in ["RJ003", "RJ002", "RJ006", "RJ007", "RJ008", "RJ009"] {
        h.uninstall(sw, &["SL-PC-012"], day(2026, 4, 23));
    }
    // September: Chrome for 社会事务办 on request (the filled 申请表 and 确认单).
    h.install("RJ008", &["SL-PC-025"], day(2026, 9, 10));
    let mut events = h.events;
    events.sort_by_key(|e| e.date);
    events
}

fn approval(
    label: &'static str,
    signer_word: &'static str,
    person: &'static str,
    date: NaiveDate,
) -> Approval {
    Approval {
        label,
        signer_word,
        person,
        date,
    }
}

/// The unit, built and checked.
pub fn unit() -> Unit {
    let phone = "023-70651234";
    let unit = Unit {
        name: "丰都县双龙镇人民政府",
        filler: "刘晓燕",
        phone,
        filled_on: day(2026, 11, 20),
        people_total: 45,
        software: software(),
        computers: COMPUTERS
            .iter()
            .map(|&(id, brand, machine, user, department)| Computer {
                id,
                brand,
                machine,
                user,
                department,
            })
            .collect(),
        events: history(),
        leading_group: vec![
            Member {
                role: "组长",
                name: "付文彬",
                department: "镇政府",
                title: "党委副书记、镇长",
                phone: "023-70651001",
                fax: Some("023-70651000"),
            },
            Member {
                role: "副组长",
                name: "冉启明",
                department: "镇政府",
                title: "党委委员、副镇长",
                phone: "13983526417",
                fax: None,
            },
            Member {
                role: "成员",
                name: "周建华",
                department: "党政办",
                title: "主任",
                phone,
                fax: Some("023-70651000"),
            },
            Member {
                role: "成员",
                name: "邓国平",
                department: "财政办",
                title: "主任",
                phone: "023-70651236",
                fax: None,
            },
            Member {
                role: "成员",
                name: "杨光明",
                department: "经济发展办",
                title: "主任",
                phone: "023-70651238",
                fax: None,
            },
            Member {
                role: "成员",
                name: "王志刚",
                department: "规划建设办",
                title: "主任",
                phone: "023-70651239",
                fax: None,
            },
            Member {
                role: "成员",
                name: "陈志强",
                department: "党政办",
                title: "信息化管理员",
                phone: "15123457896",
                fax: None,
            },
        ],
        leading_group_filled_on: day(2026, 2, 16),
        pledge: ("何晓东", day(2026, 4, 23)),
        demand: Demand {
            department: "党政办",
            handler: "陈志强",
            phone,
            filled_on: day(2026, 2, 26),
            rows: vec![
                DemandRow {
                    kind: "操作系统",
                    purpose: "新增国产计算机及替换报废计算机",
                    requirement: "国产桌面操作系统专业版，适配华为台式机，支持政务办公软件",
                    count: 6,
                    note: "含1套备用",
                },
                DemandRow {
                    kind: "办公软件",
                    purpose: "新增计算机日常办公",
                    requirement: "文字、表格、演示处理，兼容OFD及Microsoft Office格式",
                    count: 10,
                    note: "",
                },
            ],
            approvals: vec![
                approval("党政办\n审核", "审核人", "周建华", day(2026, 2, 27)),
                approval("财政办\n审核", "审核人", "邓国平", day(2026, 2, 28)),
            ],
        },
        plan: Plan {
            handler: "陈志强",
            phone,
            filled_on: day(2026, 3, 5),
            rows: vec![
                PlanRow {
                    name: "统信UOS桌面操作系统 专业版",
                    version: "V20",
                    unit_price: 950.0,
                    count: 6,
                    note: "政府采购",
                },
                PlanRow {
                    name: "WPS Office 2019 专业版",
                    version: "2019",
                    unit_price: 485.0,
                    count: 10,
                    note: "政府采购",
                },
            ],
            approvals: vec![
                approval("党政办\n审核", "审核人", "周建华", day(2026, 3, 6)),
                approval("财政办\n审核", "审核人", "邓国平", day(2026, 3, 6)),
                approval("分管机关领导\n审核", "审核人", "冉启明", day(2026, 3, 9)),
                approval("单位领导\n审批", "审批人", "付文彬", day(2026, 3, 10)),
            ],
        },
        free_list: vec![
            FreeEntry {
                id: "RJ006",
                version: "24.08",
                source: "官方网站 https://www.7-zip.org",
                vendor: "Igor Pavlov",
                contact: "https://www.7-zip.org",
                departments: "全镇各科室",
                reason: "文件压缩与解压缩",
            },
            FreeEntry {
                id: "RJ007",
                version: "12.1",
                source: "官方网站 https://www.foxitsoftware.cn",
                vendor: "福建福昕软件开发股份有限公司",
                contact: "https://www.foxitsoftware.cn",
                departments: "全镇各科室",
                reason: "阅读PDF格式公文",
            },
            FreeEntry {
                id: "RJ008",
                version: "130.0",
                source: "官方网站 https://www.google.cn/chrome",
                vendor: "Google LLC",
                contact: "https://support.google.com/chrome",
                departments: "经济发展办、规划建设办、便民服务中心、社会事务办",
                reason: "访问政务服务网及业务系统",
            },
        ],
        free_list_filled_on: day(2026, 9, 9),
        responsible: ResponsibleDept {
            name: "党政办",
            head: "周建华",
            phone,
            fax: "023-70651000",
        },
        statistics_year: 2026,
        request: Request {
            computer: "SL-PC-025",
            software: "RJ008",
            version: "130.0",
            applied_on: day(2026, 9, 8),
            reason: "办理城乡居民医保、社保业务的网上系统需使用 Chrome 浏览器",
            approvals: vec![
                approval("申请部门\n审核", "审核人", "张秀英", day(2026, 9, 8)),
                approval("党政办\n审核", "审核人", "周建华", day(2026, 9, 9)),
            ],
            confirmations: vec![
                approval("计算机使用人\n确认", "签名", "曾庆华", day(2026, 9, 10)),
                approval("安装维护人\n确认", "签名", "陈志强", day(2026, 9, 10)),
            ],
        },
    };
    unit.assert_consistent();
    unit
}
