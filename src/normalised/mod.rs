//! The normalised data of one unit (cli.md "Normalised data") as plain serde types: what
//! `convert --to json` writes and what `convert --to xlsx` reads back, so the two sides are
//! one schema by construction. Nothing here knows cells, sheets or the reader's model; the
//! renderer fills these types from the model and the template writer fills sheets from them.
//!
//! Absent and `null` mean the same on input. On output every key of cli.md is written
//! (`null` where empty); the optional header counts and labels follow [`Header::canonical`].

mod read;
mod to_fill;
mod values;

pub use read::{parse, ImportError};
pub use to_fill::{Place, ToFill};
pub use values::{Date, PurchaseTime, Term};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::schema::TableKind;

/// The source cell of each value of a row (`--with-cells`): key → A1 reference.
pub type Cells = Map<String, Value>;

/// 商业软件 / OEM软件 / 免费软件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "软件类型 \"commercial\"、\"oem\" 或 \"free\""
)]
pub enum Kind {
    /// 商业软件.
    Commercial,
    /// OEM软件.
    Oem,
    /// 免费软件.
    Free,
}

impl Kind {
    /// The label printed in the templates.
    pub fn label(self) -> &'static str {
        match self {
            Kind::Commercial => "商业软件",
            Kind::Oem => "OEM软件",
            Kind::Free => "免费软件",
        }
    }
}

/// 安装 / 卸载.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "操作 \"install\"（安装）或 \"uninstall\"（卸载）"
)]
pub enum Action {
    /// 安装.
    Install,
    /// 卸载.
    Uninstall,
}

impl Action {
    /// The label printed in the templates.
    pub fn label(self) -> &'static str {
        match self {
            Action::Install => "安装",
            Action::Uninstall => "卸载",
        }
    }
}

/// A software category of the 软件分类 sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "类别 \"os\"、\"office\"、\"antivirus\" 或 \"other\""
)]
pub enum Category {
    /// 操作系统.
    Os,
    /// 办公软件.
    Office,
    /// 杀毒软件.
    Antivirus,
    /// 其他.
    Other,
}

impl Category {
    /// The label a clerk writes.
    pub fn label(self) -> &'static str {
        match self {
            Category::Os => "操作系统",
            Category::Office => "办公软件",
            Category::Antivirus => "杀毒软件",
            Category::Other => "其他",
        }
    }
}

/// 国内 / 国外.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "\"domestic\"（国内）或 \"foreign\"（国外）"
)]
pub enum Origin {
    /// 国内.
    Domestic,
    /// 国外.
    Foreign,
}

impl Origin {
    /// The label a clerk writes.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Domestic => "国内",
            Origin::Foreign => "国外",
        }
    }
}

/// A row of the statistics sections 四 and 五.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "\"domestic\"、\"foreign\" 或 \"total\""
)]
pub enum StatRow {
    /// 国内.
    Domestic,
    /// 国外.
    Foreign,
    /// 合计.
    Total,
}

impl StatRow {
    /// In print order.
    pub const ALL: [StatRow; 3] = [StatRow::Domestic, StatRow::Foreign, StatRow::Total];

    /// The row's label in the table (软件属性).
    pub fn label(self) -> &'static str {
        match self {
            StatRow::Domestic => "国内",
            StatRow::Foreign => "国外",
            StatRow::Total => "合计",
        }
    }
}

/// A column group of the statistics sections 四 and 五.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "\"os\"、\"office\"、\"antivirus\" 或 \"total\""
)]
pub enum StatColumn {
    /// 操作系统软件.
    Os,
    /// 办公软件.
    Office,
    /// 杀毒软件.
    Antivirus,
    /// 总计.
    Total,
}

impl StatColumn {
    /// In print order.
    pub const ALL: [StatColumn; 4] = [
        StatColumn::Os,
        StatColumn::Office,
        StatColumn::Antivirus,
        StatColumn::Total,
    ];

    /// The column group's heading in the table.
    pub fn label(self) -> &'static str {
        match self {
            StatColumn::Os => "操作系统软件（含预装操作系统）",
            StatColumn::Office => "办公软件",
            StatColumn::Antivirus => "杀毒软件",
            StatColumn::Total => "总计",
        }
    }
}

/// 许可数（个） or 金额（万元）.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    rename_all = "lowercase",
    expecting = "\"licenses\"（许可数）或 \"amount\"（金额）"
)]
pub enum Measure {
    /// 许可数（个）.
    Licenses,
    /// 金额（万元）.
    Amount,
}

impl Measure {
    /// The measure's heading, with its unit.
    pub fn label(self) -> &'static str {
        match self {
            Measure::Licenses => "许可数（个）",
            Measure::Amount => "金额（万元）",
        }
    }
}

/// One office's normalised ledgers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "一个单位的台账数据（JSON 对象）")]
pub struct UnitData {
    /// 单位名称.
    #[serde(default)]
    pub unit: String,
    /// The files the data was read from.
    #[serde(default)]
    pub files: Vec<String>,
    /// 软件使用情况汇总表.
    pub summary: Option<SummaryTable>,
    /// 软件使用情况明细表.
    pub usage: Option<UsageTable>,
    /// 软件安装维护情况明细表, one per software number.
    #[serde(default)]
    pub maintenance: Vec<MaintenanceTable>,
    /// 可使用免费软件清单.
    pub free_list: Option<FreeListTable>,
    /// 软件正版化工作信息统计表.
    pub statistics: Option<StatisticsTable>,
    /// 软件采购计划表.
    pub purchase_plan: Option<PurchasePlanTable>,
    /// 软件使用需求申请表.
    pub demand: Option<DemandTable>,
    /// 软件正版化工作领导小组成员信息表.
    pub leading_group: Option<LeadingGroupTable>,
    /// 软件分类: written only when the unit keeps one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<ClassificationTable>,
}

/// A header block: 单位名称, 填表人, 联系电话, 填表日期 and the labels some tables add.
///
/// The optional keys are doubly optional: the outer `None` leaves the key out of the JSON,
/// `Some(None)` writes `null`. [`Header::canonical`] decides which, per table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "表头信息（JSON 对象）")]
pub struct Header {
    /// 单位名称.
    pub unit: Option<String>,
    /// 填表人.
    pub filler: Option<String>,
    /// 联系电话.
    pub phone: Option<String>,
    /// 填表日期.
    pub filled_on: Option<Date>,
    /// 总人数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_total: Option<Option<i64>>,
    /// 使用计算机人数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub people_using: Option<Option<i64>>,
    /// 服务器数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub servers: Option<Option<i64>>,
    /// 台式机数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub desktops: Option<Option<i64>>,
    /// 便携机数.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub laptops: Option<Option<i64>>,
    /// 经手人.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handler: Option<Option<String>>,
    /// 申请部门.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<Option<String>>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

impl Header {
    /// The one key set for a table of `kind`: the four standard keys always; the counts of
    /// the 汇总表 always there (its template prints them); 经手人 and 申请部门 always where
    /// the table prints them; any other optional key only when it holds a value. So a
    /// header survives JSON → workbook → JSON whatever labels the source showed.
    pub fn canonical(mut self, kind: TableKind) -> Header {
        let printed = kind.printed_header();
        let always_counts = kind == TableKind::Summary;
        fn settle<T>(slot: &mut Option<Option<T>>, always: bool) {
            let value = slot.take().flatten();
            *slot = match (value, always) {
                (Some(v), _) => Some(Some(v)),
                (None, true) => Some(None),
                (None, false) => None,
            };
        }
        for slot in [
            &mut self.people_total,
            &mut self.people_using,
            &mut self.servers,
            &mut self.desktops,
            &mut self.laptops,
        ] {
            settle(slot, always_counts);
        }
        settle(&mut self.handler, printed.contains(&"handler"));
        settle(&mut self.department, printed.contains(&"department"));
        self
    }
}

/// 软件使用情况汇总表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "汇总表（JSON 对象）")]
pub struct SummaryTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block with the people and computer counts.
    #[serde(default)]
    pub header: Header,
    /// One row per software number.
    #[serde(default)]
    pub rows: Vec<SummaryRow>,
}

/// One software number of the 汇总表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "汇总表的一行（JSON 对象）")]
pub struct SummaryRow {
    /// 软件编号.
    pub id: Option<String>,
    /// 软件名称.
    pub name: Option<String>,
    /// 软件版本 (none for free software).
    pub version: Option<String>,
    /// 软件类型.
    pub kind: Option<Kind>,
    /// 采购时间.
    pub purchased_on: Option<PurchaseTime>,
    /// 采购金额 (元).
    pub amount: Option<f64>,
    /// 许可类型.
    pub license_type: Option<String>,
    /// 许可数量.
    pub license_count: Option<i64>,
    /// 可使用版本.
    pub usable_versions: Option<Vec<String>>,
    /// 许可期限.
    pub term: Option<Term>,
    /// 序列号.
    pub serial: Option<String>,
    /// 安装数量.
    pub installed: Option<i64>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件使用情况明细表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "明细表（JSON 对象）")]
pub struct UsageTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block.
    #[serde(default)]
    pub header: Header,
    /// One row per (person, computer, installed software).
    #[serde(default)]
    pub rows: Vec<UsageRow>,
}

/// One installed software on one computer.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "明细表的一行（JSON 对象）")]
pub struct UsageRow {
    /// 部门.
    pub department: Option<String>,
    /// 姓名.
    pub user: Option<String>,
    /// 计算机编号.
    pub computer: Option<String>,
    /// 计算机品牌.
    pub brand: Option<String>,
    /// 软件编号.
    pub id: Option<String>,
    /// 软件名称.
    pub name: Option<String>,
    /// 软件版本.
    pub version: Option<String>,
    /// 许可期限.
    pub term: Option<Term>,
    /// 软件类型 (the one ticked box).
    pub kind: Option<Kind>,
    /// 安装日期.
    pub installed_on: Option<Date>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件安装维护情况明细表 of one software number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "安装维护情况明细表（JSON 对象）")]
pub struct MaintenanceTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// 软件编号 (the same as `info.id`).
    pub id: Option<String>,
    /// Header block.
    #[serde(default)]
    pub header: Header,
    /// Part 一、软件基本信息.
    #[serde(default)]
    pub info: SoftwareInfo,
    /// Part 二、软件安装卸载明细.
    #[serde(default)]
    pub events: Vec<Event>,
}

impl MaintenanceTable {
    /// 软件编号, from part 一 or the table's own key.
    pub fn software_id(&self) -> Option<&str> {
        self.info.id.as_deref().or(self.id.as_deref())
    }
}

/// Part 一、软件基本信息.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "软件基本信息（JSON 对象）")]
pub struct SoftwareInfo {
    /// 软件编号.
    pub id: Option<String>,
    /// 软件名称.
    pub name: Option<String>,
    /// 软件版本.
    pub version: Option<String>,
    /// 软件类型.
    pub kind: Option<Kind>,
    /// 许可数量.
    pub license_count: Option<i64>,
    /// 可使用版本.
    pub usable_versions: Option<Vec<String>>,
    /// 许可期限.
    pub term: Option<Term>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// One install or uninstall.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "安装卸载明细的一行（JSON 对象）")]
pub struct Event {
    /// 安装 or 卸载.
    pub action: Option<Action>,
    /// 计算机编号.
    pub computer: Option<String>,
    /// 计算机品牌.
    pub brand: Option<String>,
    /// 使用人.
    pub user: Option<String>,
    /// 使用部门.
    pub department: Option<String>,
    /// 安装/卸载版本.
    pub version: Option<String>,
    /// 安装/卸载日期.
    pub date: Option<Date>,
    /// 安装数量.
    pub count: Option<i64>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 可使用免费软件清单.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "可使用免费软件清单（JSON 对象）")]
pub struct FreeListTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block.
    #[serde(default)]
    pub header: Header,
    /// The approved free software.
    #[serde(default)]
    pub rows: Vec<FreeListRow>,
}

/// One approved free software.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "免费软件清单的一行（JSON 对象）")]
pub struct FreeListRow {
    /// 软件编号.
    pub id: Option<String>,
    /// 软件名称.
    pub name: Option<String>,
    /// 软件版本.
    pub version: Option<String>,
    /// 软件来源.
    pub source: Option<String>,
    /// 软件厂商名称.
    pub vendor: Option<String>,
    /// 软件厂商客服联系方式.
    pub vendor_contact: Option<String>,
    /// 使用部门.
    pub departments: Option<String>,
    /// 使用原因.
    pub reason: Option<String>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件正版化工作信息统计表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "信息统计表（JSON 对象）")]
pub struct StatisticsTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block.
    #[serde(default)]
    pub header: Header,
    /// The year reported (printed in the title, "（2026年度）").
    pub year: Option<i32>,
    /// 一、负责软件正版化工作部门情况.
    #[serde(default)]
    pub department: StatDepartment,
    /// 二、人员情况.
    #[serde(default)]
    pub people: StatPeople,
    /// 三、计算机情况.
    #[serde(default)]
    pub computers: StatComputers,
    /// 四、本年度软件采购情况.
    #[serde(default)]
    pub purchases: Vec<Figure>,
    /// 五、累计拥有软件许可情况 (licence counts only).
    #[serde(default)]
    pub holdings: Vec<Figure>,
}

/// Section 一 of the statistics table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "部门情况（JSON 对象）")]
pub struct StatDepartment {
    /// 部门名称.
    pub name: Option<String>,
    /// 部门负责人姓名.
    pub head: Option<String>,
    /// 部门负责人电话.
    pub phone: Option<String>,
    /// 部门传真.
    pub fax: Option<String>,
}

/// Section 二 of the statistics table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "人员情况（JSON 对象）")]
pub struct StatPeople {
    /// 总人数.
    pub total: Option<i64>,
    /// 使用计算机人数.
    pub using: Option<i64>,
}

/// Section 三 of the statistics table.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "计算机情况（JSON 对象）")]
pub struct StatComputers {
    /// 服务器数.
    pub servers: Option<i64>,
    /// 台式机数.
    pub desktops: Option<i64>,
    /// 便携机数.
    pub laptops: Option<i64>,
    /// 合计.
    pub total: Option<i64>,
}

/// One figure of sections 四 or 五.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "统计数（含 row、column、measure、value 的对象）"
)]
pub struct Figure {
    /// 国内 / 国外 / 合计.
    pub row: StatRow,
    /// The column group.
    pub column: StatColumn,
    /// 许可数 or 金额.
    pub measure: Measure,
    /// The figure (万元 for amounts).
    pub value: Option<f64>,
}

/// An approval or signature line.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "审核栏（含 role、person、date 的对象）"
)]
pub struct Approval {
    /// What is approved ("信息化部门审核").
    pub role: Option<String>,
    /// 审核人 / 审批人.
    pub person: Option<String>,
    /// The date.
    pub date: Option<Date>,
}

/// 软件采购计划表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "采购计划表（JSON 对象）")]
pub struct PurchasePlanTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block (经手人, 联系电话, 填表日期).
    #[serde(default)]
    pub header: Header,
    /// Planned purchases.
    #[serde(default)]
    pub rows: Vec<PlanRow>,
    /// The 共计 row's amount (元).
    pub grand_total: Option<f64>,
    /// The approval block; absent on input means the template's blank one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<Vec<Approval>>,
}

/// One planned purchase.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "采购计划表的一行（JSON 对象）")]
pub struct PlanRow {
    /// 软件名称.
    pub name: Option<String>,
    /// 软件版本.
    pub version: Option<String>,
    /// 单价 (元).
    pub unit_price: Option<f64>,
    /// 许可数.
    pub count: Option<i64>,
    /// 合计 (元).
    pub total: Option<f64>,
    /// 备注.
    pub note: Option<String>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件使用需求申请表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "需求申请表（JSON 对象）")]
pub struct DemandTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block (申请部门, 经手人, 联系电话, 填表日期).
    #[serde(default)]
    pub header: Header,
    /// The requests.
    #[serde(default)]
    pub rows: Vec<DemandRow>,
    /// The approval block; absent on input means the template's blank one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approvals: Option<Vec<Approval>>,
}

/// One requested software.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "需求申请表的一行（JSON 对象）")]
pub struct DemandRow {
    /// 软件类型 (操作系统 / 办公软件 / 杀毒软件 / 其他软件).
    pub kind: Option<String>,
    /// 软件用途.
    pub purpose: Option<String>,
    /// 功能需求.
    pub requirement: Option<String>,
    /// 申请许可数.
    pub count: Option<i64>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件正版化工作领导小组成员信息表.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "领导小组成员信息表（JSON 对象）")]
pub struct LeadingGroupTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// Header block.
    #[serde(default)]
    pub header: Header,
    /// Members.
    #[serde(default)]
    pub rows: Vec<Member>,
}

/// One member of the leading group.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "领导小组成员信息表的一行（JSON 对象）"
)]
pub struct Member {
    /// 分工.
    pub role: Option<String>,
    /// 姓名.
    pub name: Option<String>,
    /// 部门.
    pub department: Option<String>,
    /// 职务.
    pub title: Option<String>,
    /// 联系电话.
    pub phone: Option<String>,
    /// 传真.
    pub fax: Option<String>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}

/// 软件分类: the unit's own classification.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "软件分类（JSON 对象）")]
pub struct ClassificationTable {
    /// Source file.
    pub file: Option<String>,
    /// Source sheet.
    pub sheet: Option<String>,
    /// One row per software number.
    #[serde(default)]
    pub rows: Vec<ClassificationRow>,
}

/// One software number's class.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "软件分类的一行（JSON 对象）")]
pub struct ClassificationRow {
    /// 软件编号.
    pub id: Option<String>,
    /// 软件名称.
    pub name: Option<String>,
    /// 类别.
    pub category: Option<Category>,
    /// 国内/国外.
    pub origin: Option<Origin>,
    /// Source cells.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cells: Option<Cells>,
}
