//! The official tables as published: titles, header-block labels and column headers.
//!
//! One description serves both sides: the template writer prints the published text, the
//! reader matches what offices actually typed against the published text and its aliases.

use serde::Serialize;

/// The eleven tables of the national guide (附件1–11).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TableKind {
    /// 附件1 软件正版化工作领导小组成员信息表
    LeadingGroup,
    /// 附件2 使用正版软件承诺书
    Pledge,
    /// 附件3 软件使用需求申请表
    Demand,
    /// 附件4 软件采购计划表
    PurchasePlan,
    /// 附件5 软件正版化工作信息统计表
    Statistics,
    /// 附件6 可使用免费软件清单
    FreeList,
    /// 附件7 软件使用情况汇总表 (ledger 1)
    Summary,
    /// 附件8 软件使用情况明细表 (ledger 2)
    Usage,
    /// 附件9 软件安装维护情况明细表 (ledger 3, one per software ID)
    Maintenance,
    /// 附件10 软件安装维护申请表
    MaintenanceRequest,
    /// 附件11 软件安装维护确认单
    MaintenanceConfirm,
    /// 软件分类: the tool's own sheet (derive.md) overriding the built-in classification.
    Classification,
}

impl TableKind {
    /// Every kind, in the order of the national guide.
    pub const ALL: [TableKind; 11] = [
        TableKind::LeadingGroup,
        TableKind::Pledge,
        TableKind::Demand,
        TableKind::PurchasePlan,
        TableKind::Statistics,
        TableKind::FreeList,
        TableKind::Summary,
        TableKind::Usage,
        TableKind::Maintenance,
        TableKind::MaintenanceRequest,
        TableKind::MaintenanceConfirm,
    ];

    /// Every kind the reader recognises: the eleven official tables and 软件分类.
    pub const RECOGNISED: [TableKind; 12] = [
        TableKind::LeadingGroup,
        TableKind::Pledge,
        TableKind::Demand,
        TableKind::PurchasePlan,
        TableKind::Statistics,
        TableKind::FreeList,
        TableKind::Summary,
        TableKind::Usage,
        TableKind::Maintenance,
        TableKind::MaintenanceRequest,
        TableKind::MaintenanceConfirm,
        TableKind::Classification,
    ];

    /// The published title.
    pub fn title(self) -> &'static str {
        match self {
            TableKind::LeadingGroup => "软件正版化工作领导小组成员信息表",
            TableKind::Pledge => "使用正版软件承诺书",
            TableKind::Demand => "软件使用需求申请表",
            TableKind::PurchasePlan => "软件采购计划表",
            TableKind::Statistics => "软件正版化工作信息统计表",
            TableKind::FreeList => "可使用免费软件清单",
            TableKind::Summary => "软件使用情况汇总表",
            TableKind::Usage => "软件使用情况明细表",
            TableKind::Maintenance => "软件安装维护情况明细表",
            TableKind::MaintenanceRequest => "软件安装维护申请表",
            TableKind::MaintenanceConfirm => "软件安装维护确认单",
            TableKind::Classification => "软件分类",
        }
    }

    /// Shorter titles offices use instead of the published one (matched after normalisation).
    pub fn title_aliases(self) -> &'static [&'static str] {
        match self {
            TableKind::LeadingGroup => &[
                "软件正版化工作领导小组成员名单",
                "软件正版化领导小组成员信息表",
            ],
            TableKind::Pledge => &[],
            TableKind::Demand => &["软件需求申请表"],
            TableKind::PurchasePlan => &["软件采购计划"],
            TableKind::Statistics => &["软件正版化信息统计表", "软件正版化工作统计表"],
            TableKind::FreeList => &["可使用免费软件目录", "免费软件清单"],
            TableKind::Summary => &["软件使用汇总表", "软件使用情况汇总"],
            TableKind::Usage => &["软件使用明细表", "软件使用情况明细"],
            TableKind::Maintenance => &["软件安装维护明细表", "软件安装维护情况明细"],
            TableKind::MaintenanceRequest => &["软件安装维护申请"],
            TableKind::MaintenanceConfirm => &["软件安装维护确认表"],
            TableKind::Classification => &["软件分类表"],
        }
    }

    /// The kind a user names in a config file: its key (`usage`), its title, its short name
    /// (明细表), a common form of its title, or its annex (附件8).
    pub fn from_name(name: &str) -> Option<TableKind> {
        let n = crate::base::text::norm(name);
        TableKind::RECOGNISED.into_iter().find(|k| {
            let forms = [k.key(), k.title(), k.short_name()];
            forms
                .iter()
                .chain(k.title_aliases())
                .any(|f| crate::base::text::norm(f) == n)
                || (k.national_number() > 0 && n == format!("附件{}", k.national_number()))
        })
    }

    /// The column of this table a user names in a config file: its key (`computer`), its
    /// published header (计算机编号, with or without the unit in brackets) or a known
    /// spelling of it.
    pub fn column_named(self, name: &str) -> Option<&'static ColumnSpec> {
        use crate::base::text::{norm, norm_no_parens};
        let n = norm(name);
        self.columns().iter().find(|c| {
            c.key.eq_ignore_ascii_case(name.trim())
                || norm(c.header) == n
                || norm_no_parens(c.header) == n
                || c.aliases.iter().any(|a| norm(a) == n)
        })
    }

    /// The annex number in the national guide (附件N).
    pub fn national_number(self) -> u8 {
        match self {
            TableKind::LeadingGroup => 1,
            TableKind::Pledge => 2,
            TableKind::Demand => 3,
            TableKind::PurchasePlan => 4,
            TableKind::Statistics => 5,
            TableKind::FreeList => 6,
            TableKind::Summary => 7,
            TableKind::Usage => 8,
            TableKind::Maintenance => 9,
            TableKind::MaintenanceRequest => 10,
            TableKind::MaintenanceConfirm => 11,
            TableKind::Classification => 0,
        }
    }

    /// The table number in the 双龙镇 adoption (表N), where it has one.
    pub fn shuanglong_number(self) -> Option<u8> {
        match self {
            TableKind::LeadingGroup | TableKind::Pledge | TableKind::Classification => None,
            other => Some(other.national_number() - 2),
        }
    }

    /// The key used in JSON and in messages (`summary`, `usage`, …).
    pub fn key(self) -> &'static str {
        match self {
            TableKind::LeadingGroup => "leading_group",
            TableKind::Pledge => "pledge",
            TableKind::Demand => "demand",
            TableKind::PurchasePlan => "purchase_plan",
            TableKind::Statistics => "statistics",
            TableKind::FreeList => "free_list",
            TableKind::Summary => "summary",
            TableKind::Usage => "usage",
            TableKind::Maintenance => "maintenance",
            TableKind::MaintenanceRequest => "maintenance_request",
            TableKind::MaintenanceConfirm => "maintenance_confirm",
            TableKind::Classification => "classification",
        }
    }

    /// A short Chinese name for messages (汇总表, 明细表 …).
    pub fn short_name(self) -> &'static str {
        match self {
            TableKind::LeadingGroup => "领导小组成员信息表",
            TableKind::Pledge => "承诺书",
            TableKind::Demand => "需求申请表",
            TableKind::PurchasePlan => "采购计划表",
            TableKind::Statistics => "信息统计表",
            TableKind::FreeList => "免费软件清单",
            TableKind::Summary => "汇总表",
            TableKind::Usage => "明细表",
            TableKind::Maintenance => "安装维护情况明细表",
            TableKind::MaintenanceRequest => "安装维护申请表",
            TableKind::MaintenanceConfirm => "安装维护确认单",
            TableKind::Classification => "软件分类",
        }
    }

    /// The list columns of this table, where it is a list (forms have none).
    pub fn columns(self) -> &'static [ColumnSpec] {
        match self {
            TableKind::LeadingGroup => LEADING_GROUP_COLUMNS,
            TableKind::Demand => DEMAND_COLUMNS,
            TableKind::PurchasePlan => PURCHASE_PLAN_COLUMNS,
            TableKind::FreeList => FREE_LIST_COLUMNS,
            TableKind::Summary => SUMMARY_COLUMNS,
            TableKind::Usage => USAGE_COLUMNS,
            TableKind::Maintenance => MAINTENANCE_EVENT_COLUMNS,
            TableKind::Classification => CLASSIFICATION_COLUMNS,
            TableKind::Pledge
            | TableKind::Statistics
            | TableKind::MaintenanceRequest
            | TableKind::MaintenanceConfirm => &[],
        }
    }

    /// The header-block keys the published table prints, in print order. The schema lists
    /// more spellings for the reader; this is what the published tables show (附件4 has no
    /// 单位名称, 附件9 no 填表日期, the forms none). ZB005 expects exactly these.
    pub fn printed_header(self) -> &'static [&'static str] {
        match self {
            TableKind::LeadingGroup
            | TableKind::Statistics
            | TableKind::FreeList
            | TableKind::Summary
            | TableKind::Usage => &["unit", "filler", "phone", "filled_on"],
            TableKind::Demand => &["department", "handler", "phone", "filled_on"],
            TableKind::PurchasePlan => &["handler", "phone", "filled_on"],
            TableKind::Maintenance => &["unit", "filler", "phone"],
            TableKind::Pledge
            | TableKind::MaintenanceRequest
            | TableKind::MaintenanceConfirm
            | TableKind::Classification => &[],
        }
    }

    /// The header-block labels printed above the column headers.
    pub fn header_labels(self) -> &'static [HeaderLabel] {
        match self {
            TableKind::LeadingGroup
            | TableKind::Statistics
            | TableKind::FreeList
            | TableKind::Usage => STANDARD_HEADER,
            TableKind::Summary => STANDARD_HEADER,
            TableKind::Demand => DEMAND_HEADER,
            TableKind::PurchasePlan => PURCHASE_PLAN_HEADER,
            TableKind::Maintenance => MAINTENANCE_HEADER,
            TableKind::Pledge
            | TableKind::MaintenanceRequest
            | TableKind::MaintenanceConfirm
            | TableKind::Classification => &[],
        }
    }
}

/// One column of a list table.
#[derive(Debug, Clone, Copy)]
pub struct ColumnSpec {
    /// Stable key (also the JSON key of the normalised value).
    pub key: &'static str,
    /// The header text as published; `\n` where the template breaks the line.
    pub header: &'static str,
    /// For a sub-column under a merged group header: the group's text.
    pub group: Option<&'static str>,
    /// Other spellings seen in offices' files (matched after normalisation).
    pub aliases: &'static [&'static str],
    /// Whether the table is unusable without it (ZB003).
    pub required: bool,
    /// Column width in the templates, in Excel character units.
    pub width: f64,
    /// Whether the published template prints this column; reader-only alternatives
    /// (a layout some offices use instead of the published one) are not printed.
    pub printed: bool,
    /// The words a header no alias spells names this column by, when the header is no
    /// known spelling: each cue is groups joined by `+`, every group met (one of its
    /// `|` alternatives appears in the header; a group led by `!` must not). 授权终端数 is a
    /// licence count by "授权|许可+数", whoever coined it.
    pub cues: &'static [&'static str],
}

const fn col(key: &'static str, header: &'static str, width: f64) -> ColumnSpec {
    ColumnSpec {
        key,
        header,
        group: None,
        aliases: &[],
        required: false,
        width,
        printed: true,
        cues: &[],
    }
}

const fn req(key: &'static str, header: &'static str, width: f64) -> ColumnSpec {
    ColumnSpec {
        key,
        header,
        group: None,
        aliases: &[],
        required: true,
        width,
        printed: true,
        cues: &[],
    }
}

impl ColumnSpec {
    const fn alias(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }
    const fn under(mut self, group: &'static str) -> Self {
        self.group = Some(group);
        self
    }
    const fn alternative(mut self) -> Self {
        self.printed = false;
        self
    }
    const fn cue(mut self, cues: &'static [&'static str]) -> Self {
        self.cues = cues;
        self
    }
}

/// 序号, common to every list.
pub const SEQ: ColumnSpec = col("seq", "序号", 6.0).alias(&["编号序号", "No", "NO"]);

/// 附件7 软件使用情况汇总表.
pub const SUMMARY_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("id", "软件编号", 11.0).alias(ID_ALIASES).cue(ID_CUES),
    req("name", "软件名称", 22.0)
        .alias(NAME_ALIASES)
        .cue(NAME_CUES),
    col("version", "软件版本", 12.0)
        .alias(VERSION_ALIASES)
        .cue(VERSION_CUES),
    // The type typed as text, as published; some offices tick one of three boxes under a
    // merged 软件类型 instead. The summary reader requires one form or the other.
    col("kind", "软件类型", 11.0)
        .alias(KIND_ALIASES)
        .cue(KIND_CUES),
    col("purchased_on", "采购时间", 12.0)
        .alias(&[
            "采购日期",
            "购买时间",
            "购买日期",
            "购置日期",
            "购置时间",
            "购入日期",
            "购入时间",
            "购进日期",
            "合同日期",
            "合同签订日期",
        ])
        .cue(&["购|成交|验收|合同|签订|到货+日期|时间|年月|日|月份"]),
    col("amount", "采购金额\n(单位:元)", 12.0)
        .alias(&[
            "采购金额",
            "金额",
            "采购价格",
            "价格",
            "购置金额",
            "购买金额",
            "采购总价",
            "总价",
            "购置费用",
            "采购费用",
            "合同金额",
        ])
        .cue(&["金额|价格|总价|费用|价款|成交价|总额+!单价"]),
    // Some offices keep the unit price and the number of licences and no total: the amount is
    // their product (the summary reader computes it).
    col("unit_price", "单价", 10.0)
        .alias(&["单价(元)", "采购单价", "合同单价", "购置单价"])
        .alternative()
        .cue(&["单价"]),
    col("license_type", "许可类型", 11.0)
        .alias(&[
            "授权类型",
            "授权方式",
            "许可方式",
            "授权形式",
            "许可形式",
            "授权类别",
            "许可种类",
            "授权模式",
            "许可类别",
        ])
        .cue(&["授权|许可|协议+类型|种类|方式|形式|类别|模式"]),
    col("license_count", "许可数量", 9.0)
        .alias(&[
            "许可数",
            "授权数量",
            "授权数",
            "采购数量",
            "购买数量",
            "许可证数量",
            "授权点数",
            "许可点数",
            "许可套数",
            "授权套数",
            "许可用户数",
            "许可证数",
            "授权用户数",
        ])
        .cue(LICENSE_COUNT_CUES),
    col("usable_versions", "可使用版本", 12.0)
        .alias(&[
            "可用版本",
            "授权版本",
            "适用版本",
            "可装版本",
            "允许安装版本",
            "授权版本范围",
            "可部署版本",
            "许可版本",
        ])
        .cue(USABLE_CUES),
    col("term", "许可期限", 14.0)
        .alias(&[
            "授权期限",
            "使用期限",
            "有效期",
            "有效期限",
            "许可有效期",
            "授权有效期",
            "有效期至",
            "授权截止日期",
            "到期日期",
            "授权截至",
            "授权截止",
            "授权到期",
            "授权到期日",
            "到期日",
            "使用年限",
            "授权年限",
        ])
        .cue(TERM_CUES),
    // A term kept in two columns under one 许可期限 (起始日期 | 截止日期): the header reader
    // maps the end here; no header names it alone.
    col("term_end", "许可期限截止日期", 12.0).alternative(),
    col("serial", "序列号", 18.0)
        .alias(&[
            "序列号/授权码",
            "序列号/激活码",
            "激活码/序列号",
            "授权码/序列号",
            "授权码",
            "许可证号",
            "许可证编号",
            "许可证(授权书)编号",
            "授权书编号",
            "授权证书编号",
            "许可证书编号",
            "许可证书号",
            "授权证号",
            "授权证书号",
            "产品密钥",
            "注册码",
            "激活码",
        ])
        .cue(&["序列号|密钥|激活码|注册码|授权码|证号|凭证|证书|许可证|授权书"]),
    req("installed", "安装数量", 9.0)
        .alias(&[
            "安装数",
            "已安装数量",
            "已安装数",
            "安装台数",
            "已装数量",
            "使用数量",
            "装机数",
            "装机数量",
            "安装点数",
            "已安装",
            "部署数量",
            "部署数",
            "在用台数",
            "在用数量",
            "装机台数",
        ])
        .cue(&["装|在用|部署|使用|现用|已用+数|台次|量+!人|许可|授权"]),
    col("kind_commercial", "商业软件", 9.5)
        .under("软件类型")
        .alias(KIND_COMMERCIAL_BOX)
        .cue(KIND_COMMERCIAL_CUES)
        .alternative(),
    col("kind_oem", "OEM软件", 9.5)
        .under("软件类型")
        .alias(KIND_OEM_BOX)
        .cue(KIND_OEM_CUES)
        .alternative(),
    col("kind_free", "免费软件", 9.5)
        .under("软件类型")
        .alias(KIND_FREE_BOX)
        .cue(KIND_FREE_CUES)
        .alternative(),
    SUPPLIER,
    NOTE,
    ASSET,
    HANDLER,
];

/// The keys of the columns offices add that no check reads ([`SUPPLIER`], [`NOTE`] …).
pub const UNCHECKED_COLUMNS: [&str; 6] = [
    "supplier",
    "note",
    "asset",
    "room",
    "computer_type",
    "handler",
];

/// Columns offices add that the checks do not read: known, so that they are not reported as
/// unrecognised, and listed by `inspect` for what they are.
const SUPPLIER: ColumnSpec = col("supplier", "供货商", 14.0)
    .alias(&["供应商", "经销商", "销售商", "供货单位"])
    .alternative();
const NOTE: ColumnSpec = col("note", "备注", 12.0)
    .alias(&["说明", "备注说明"])
    .alternative();
const ASSET: ColumnSpec = col("asset", "资产编号", 12.0)
    .alias(&["资产卡片号", "固定资产编号", "资产卡片编号", "资产号"])
    .alternative();
const HANDLER: ColumnSpec = col("handler", "经办人", 9.0)
    .alias(&["经手人", "操作人", "维护人", "安装人"])
    .alternative();
const ROOM: ColumnSpec = col("room", "房间号", 8.0)
    .alias(&["房间", "存放地点", "所在位置", "楼层房间", "办公地点"])
    .alternative();
const COMPUTER_TYPE: ColumnSpec = col("computer_type", "计算机类型", 10.0)
    .alias(&["设备类型", "机型", "计算机类别", "设备类别", "电脑类型"])
    .alternative();

/// The 汇总表 columns only commercial software fills: OEM rows leave them empty (台账 一.6),
/// free rows too (and 软件版本 as well, 台账 一.9); the template prints "—" across them.
pub const LICENSE_COLUMNS: [&str; 7] = [
    "purchased_on",
    "amount",
    "license_type",
    "license_count",
    "usable_versions",
    "term",
    "serial",
];

/// The three boxes of 软件类型, as offices head them.
const KIND_COMMERCIAL_BOX: &[&str] = &[
    "商业",
    "采购",
    "购买",
    "商业授权",
    "自购",
    "购置",
    "付费",
    "收费",
    "收费软件",
];
const KIND_OEM_BOX: &[&str] = &[
    "OEM",
    "预装软件",
    "预装",
    "随机预装",
    "整机预装",
    "出厂预装",
    "整机自带",
];
const KIND_FREE_BOX: &[&str] = &["免费", "开源", "免费下载", "免费获取"];
/// The three boxes by their words ("采购类", "预装类", "免费类").
const KIND_COMMERCIAL_CUES: &[&str] = &["采购|购买|购置|商业|付费|收费|有偿|自购"];
const KIND_OEM_CUES: &[&str] = &["预装|预置|OEM|随机|出厂|自带|整机"];
const KIND_FREE_CUES: &[&str] = &["免费|开源|无偿"];

/// 附件8 软件使用情况明细表.
pub const USAGE_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("department", "部门", 12.0)
        .alias(&[
            "使用部门",
            "所在部门",
            "科室",
            "处室",
            "所在科室",
            "使用科室",
            "部门(科室)",
            "所属部门",
            "所属科室",
            "股室",
            "所属股室",
            "班组",
            "组别",
            "科室(部门)",
            "使用组",
            "教研组",
            "使用单位",
            "责任部门",
        ])
        .cue(DEPARTMENT_CUES),
    req("user", "姓名", 8.0)
        .alias(&[
            "使用人",
            "使用人姓名",
            "使用者",
            "使用者姓名",
            "责任人",
            "保管人",
            "使用人员",
            "使用民警",
            "使用干部",
            "持有人",
            "使用教师",
        ])
        .cue(USER_CUES),
    req("computer", "计算机编号", 12.0)
        .alias(&[
            "电脑编号",
            "设备编号",
            "计算机资产编号",
            "终端编号",
            "主机编号",
            "机器编号",
            "设备标签号",
            "资产标签号",
        ])
        .cue(COMPUTER_CUES),
    col("brand", "计算机品牌", 11.0)
        .alias(&[
            "电脑品牌",
            "品牌",
            "品牌型号",
            "计算机品牌型号",
            "设备品牌",
            "终端品牌",
        ])
        .cue(BRAND_CUES),
    req("id", "软件编号", 10.0).alias(ID_ALIASES).cue(ID_CUES),
    req("name", "软件名称", 20.0)
        .alias(NAME_ALIASES)
        .cue(NAME_CUES),
    col("version", "软件版本", 11.0)
        .alias(VERSION_ALIASES)
        .cue(VERSION_CUES),
    col("term", "许可期限", 12.0)
        .alias(&[
            "授权期限",
            "使用期限",
            "有效期",
            "有效期限",
            "授权截至",
            "授权到期",
            "授权到期日",
            "有效期至",
            "到期日期",
        ])
        .cue(TERM_CUES),
    // Checkbox sub-columns as published; some offices type the type into one column
    // instead ("kind"). The usage reader requires one form or the other.
    col("kind_commercial", "商业软件", 9.5)
        .under("软件类型")
        .alias(KIND_COMMERCIAL_BOX)
        .cue(KIND_COMMERCIAL_CUES),
    col("kind_oem", "OEM软件", 9.5)
        .under("软件类型")
        .alias(KIND_OEM_BOX)
        .cue(KIND_OEM_CUES),
    col("kind_free", "免费软件", 9.5)
        .under("软件类型")
        .alias(KIND_FREE_BOX)
        .cue(KIND_FREE_CUES),
    col("kind", "软件类型", 10.0)
        .alias(KIND_ALIASES)
        .alternative()
        .cue(KIND_CUES),
    req("installed_on", "安装日期", 12.0)
        .alias(&[
            "安装时间",
            "装机日期",
            "装机时间",
            "安装日",
            "部署日期",
            "部署时间",
            "启用日期",
            "启用时间",
        ])
        .cue(&["装|部署|启用+日期|时间|日+!卸"]),
    ROOM,
    COMPUTER_TYPE,
    ASSET,
    NOTE,
];

/// 附件9 part 二、软件安装卸载明细.
pub const MAINTENANCE_EVENT_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    // Two checkbox columns as published; some offices use one column holding 安装 or 卸载
    // ("action"). The maintenance reader requires one form or the other.
    col("install", "安装", 6.0).alias(&["安装□"]),
    col("uninstall", "卸载", 6.0).alias(&["卸载□"]),
    col("action", "安装/卸载", 8.0)
        .alias(&[
            "操作类型",
            "维护类型",
            "安装或卸载",
            "安装卸载",
            "操作",
            "安装/卸载/升级",
            "变更类型",
            "事项",
            "维护事项",
            "装/卸",
            "装卸",
            "安装/删除",
        ])
        .alternative()
        .cue(&["操作|动作|变更|维护|事项+!日期|时间|人|员|数"]),
    req("computer", "计算机编号", 12.0)
        .alias(&[
            "电脑编号",
            "设备编号",
            "终端编号",
            "主机编号",
            "机器编号",
            "设备标签号",
            "资产标签号",
            "终端",
        ])
        .cue(COMPUTER_CUES),
    col("brand", "计算机品牌", 11.0)
        .alias(&["电脑品牌", "品牌", "设备品牌", "品牌型号", "终端品牌"])
        .cue(BRAND_CUES),
    req("user", "使用人", 9.0)
        .alias(&[
            "姓名",
            "使用人姓名",
            "使用者",
            "使用者姓名",
            "责任人",
            "保管人",
            "使用人员",
            "使用民警",
            "使用教师",
        ])
        .cue(USER_CUES),
    col("department", "使用部门", 11.0)
        .alias(&[
            "部门",
            "科室",
            "处室",
            "使用科室",
            "所在部门",
            "所属部门",
            "股室",
            "班组",
            "组别",
            "使用组",
            "教研组",
            "使用单位",
            "所属",
            "所属单位",
        ])
        .cue(DEPARTMENT_CUES),
    col("version", "安装/卸载\n版本", 11.0)
        .alias(&[
            "版本",
            "安装版本",
            "安装卸载版本",
            "软件版本",
            "版本号",
            "产品版本",
            "发行版本",
        ])
        .cue(VERSION_CUES),
    req("date", "安装/卸载\n日期", 12.0)
        .alias(&[
            "日期",
            "安装日期",
            "安装卸载日期",
            "操作日期",
            "变更日期",
            "维护日期",
            "时间",
            "安装/卸载时间",
            "变更时间",
            "部署时间",
        ])
        .cue(&["日期|时间|日+!购|采购"]),
    req("count", "安装数量", 9.0)
        .alias(&["数量", "安装/卸载数量", "台数", "套数"])
        .cue(&["数|台次+!人|许可|授权|号"]),
    // A flat log of every software in one sheet, as ledger systems export it: each row
    // names its software instead of a part 一 above (the reader splits it by number).
    HANDLER,
    col("software_id", "软件编号", 10.0)
        .alias(&["软件编码", "软件资产编码", "登记号"])
        .alternative()
        .cue(ID_CUES),
    col("software_name", "软件名称", 18.0)
        .alias(&["软件产品", "产品名称", "软件产品名称", "软件名称及版本"])
        .alternative()
        .cue(NAME_CUES),
];

/// 附件9 part 一、软件基本信息.
pub const MAINTENANCE_INFO_COLUMNS: &[ColumnSpec] = &[
    req("id", "软件编号", 12.0).alias(ID_ALIASES),
    col("name", "软件名称", 12.0).alias(&["名称", "软件全称", "软件产品", "产品名称"]),
    col("version", "软件版本", 12.0).alias(VERSION_ALIASES),
    col("kind_commercial", "商业软件", 9.5)
        .under("软件类型")
        .alias(KIND_COMMERCIAL_BOX)
        .cue(KIND_COMMERCIAL_CUES),
    col("kind_oem", "OEM软件", 9.5)
        .under("软件类型")
        .alias(KIND_OEM_BOX)
        .cue(KIND_OEM_CUES),
    col("kind_free", "免费软件", 9.5)
        .under("软件类型")
        .alias(KIND_FREE_BOX)
        .cue(KIND_FREE_CUES),
    col("license_count", "许可数量", 9.0).alias(&[
        "许可数",
        "授权数量",
        "授权数",
        "授权点数",
        "许可套数",
        "授权套数",
        "许可用户数",
        "许可证数",
    ]),
    col("usable_versions", "可使用版本", 11.0).alias(&[
        "可用版本",
        "授权版本",
        "适用版本",
        "可装版本",
        "可部署版本",
        "允许安装版本",
        "授权版本范围",
    ]),
    col("term", "许可期限", 12.0).alias(&[
        "授权期限",
        "有效期",
        "有效期限",
        "使用期限",
        "授权截至",
        "授权到期",
        "授权到期日",
        "使用年限",
    ]),
];

/// 附件6 可使用免费软件清单.
pub const FREE_LIST_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("id", "软件编号", 10.0).alias(ID_ALIASES).cue(ID_CUES),
    req("name", "软件名称", 18.0)
        .alias(NAME_ALIASES)
        .cue(NAME_CUES),
    col("version", "软件版本", 10.0)
        .alias(VERSION_ALIASES)
        .cue(VERSION_CUES),
    col("source", "软件来源", 14.0)
        .alias(&[
            "来源",
            "下载地址",
            "获取方式",
            "获取途径",
            "来源网址",
            "下载网址",
            "下载渠道",
            "来源网站",
            "获取来源",
            "下载来源",
        ])
        .cue(&["下载|来源|渠道|获取|途径|网址"]),
    col("vendor", "软件厂商名称", 16.0)
        .alias(&[
            "厂商名称",
            "软件厂商",
            "厂商",
            "开发商",
            "开发者",
            "生产厂商",
            "厂家",
            "开发单位",
            "开发厂商",
            "开发公司",
        ])
        .cue(&["开发|厂商|厂家|公司|出品+!联系|电话|客服"]),
    col("vendor_contact", "软件厂商\n客服联系方式", 16.0)
        .alias(&[
            "客服联系方式",
            "厂商客服联系方式",
            "联系方式",
            "客服电话",
            "厂商联系方式",
            "服务电话",
            "客服",
        ])
        .cue(&["联系|电话|客服|热线"]),
    col("departments", "使用部门", 12.0)
        .alias(&["使用科室", "使用处室", "使用范围", "使用股室"])
        .cue(DEPARTMENT_CUES),
    col("reason", "使用原因", 16.0)
        .alias(&["用途", "主要用途", "使用理由", "功能"])
        .cue(&["用途|原因|理由|功能|目的"]),
    NOTE,
];

/// Cues (see [`ColumnSpec::cues`]) shared by several lists.
/// A list of software numbers each row by its asset code where it keeps no 软件编号 (资产编码
/// AL-RJ-01); 资产编号, spelled so, is a computer's and known as such.
const ID_CUES: &[&str] = &["软件|产品+标识|代码|编码|编号|代号", "资产+编码|代码"];
const NAME_CUES: &[&str] = &["软件|产品+名称|品名|名字+!厂|商|版|号"];
const VERSION_CUES: &[&str] = &["版+!可|准|适用|授权|许可|范围|允许|装|卸"];
const USABLE_CUES: &[&str] = &["版+可|准|适用|授权|许可|范围|允许"];
const KIND_CUES: &[&str] = &["途径|来源|属性|性质|取得|获得|获取+!下载|网"];
const TERM_CUES: &[&str] = &["期限|截止|截至|有效期|到期|期满|服务期|年限"];
const LICENSE_COUNT_CUES: &[&str] = &["授权|许可|协议+数|点|套|份+!期|号|版|码|日|时|价|额|类|式"];
const DEPARTMENT_CUES: &[&str] = &["部门|科室|处室|股室|部室|班组|归属"];
const USER_CUES: &[&str] = &["使用者|使用人|操作员|用户|保管|责任人|领用|姓名|持有|用机人"];
const COMPUTER_CUES: &[&str] = &[
    "计算机|电脑|终端|主机|设备|机器|整机+编号|名|标识|号|编码|代码+!品牌|厂|型|类|手机|电话",
    "IP|机号|机器号|电脑号",
];
const BRAND_CUES: &[&str] = &["品牌|厂商|厂家|制造商|生产商|生产厂+!软件"];

/// 软件类型 typed as text, as offices head it (an own ledger says how the software came).
const KIND_ALIASES: &[&str] = &[
    "类型",
    "软件类别",
    "类别",
    "来源类型",
    "软件性质",
    "软件属性",
    "取得方式",
    "获取方式",
    "来源方式",
    "授权性质",
    "软件来源",
];

/// 软件编号 as offices head it in every list.
const ID_ALIASES: &[&str] = &[
    "编号",
    "软件编码",
    "软件代码",
    "软件ID",
    "软件资产编码",
    "登记号",
];
/// 软件名称 as offices head it.
const NAME_ALIASES: &[&str] = &[
    "名称",
    "产品名称",
    "软件产品名称",
    "软件全称",
    "软件产品",
    // Name and version in one cell ("Windows 10 专业版"), written alike in every table.
    "软件名称及版本",
    "软件名称及版本号",
    "软件名称和版本",
    "名称及版本",
];
/// 软件版本 as offices head it.
const VERSION_ALIASES: &[&str] = &["版本", "版本号", "产品版本", "发行版本"];

/// 附件4 软件采购计划表.
pub const PURCHASE_PLAN_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("name", "软件名称", 20.0).cue(NAME_CUES),
    col("version", "软件版本", 12.0).cue(VERSION_CUES),
    col("unit_price", "单价\n（单位：元）", 12.0)
        .alias(&["单价"])
        .cue(&["单价"]),
    col("count", "许可数\n（单位：个）", 12.0)
        .alias(&["许可数", "数量"])
        .cue(&["数+!人|号"]),
    col("total", "合计\n（单位：元）", 12.0)
        .alias(&["合计", "金额"])
        .cue(&["金额|合计|总价|小计|总额+!单价"]),
    col("note", "备注", 16.0),
];

/// 附件3 软件使用需求申请表.
pub const DEMAND_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("kind", "软件类型", 12.0),
    col("purpose", "软件用途", 18.0),
    col("requirement", "功能需求", 22.0),
    col("count", "申请许可数\n（单位：个）", 12.0).alias(&["申请许可数", "许可数"]),
    col("note", "备注", 14.0),
];

/// 软件分类 (derive.md): the unit's corrections to the built-in classification.
pub const CLASSIFICATION_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("id", "软件编号", 10.0).alias(ID_ALIASES).cue(ID_CUES),
    col("name", "软件名称", 22.0).alias(NAME_ALIASES),
    req("category", "类别", 10.0).alias(&["软件类别", "分类", "类型"]),
    req("origin", "国内/国外", 10.0).alias(&["国内国外", "产地", "国别", "来源"]),
];

/// 附件1 软件正版化工作领导小组成员信息表.
pub const LEADING_GROUP_COLUMNS: &[ColumnSpec] = &[
    SEQ,
    req("role", "分工", 9.0).alias(&["职责分工", "小组职务"]),
    req("name", "姓名", 9.0),
    col("department", "部门", 14.0).alias(&["单位", "所在部门"]),
    col("title", "职务", 12.0),
    col("phone", "联系电话", 14.0).alias(&["电话"]),
    col("fax", "传真", 14.0),
    col("note", "备注", 10.0),
];

/// A label of a header block ("单位名称（盖章）：…").
#[derive(Debug, Clone, Copy)]
pub struct HeaderLabel {
    /// Stable key (`unit`, `filler`, `phone`, `filled_on`, …).
    pub key: &'static str,
    /// The label as published (without the colon).
    pub label: &'static str,
    /// Other spellings.
    pub aliases: &'static [&'static str],
}

const fn hl(
    key: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
) -> HeaderLabel {
    HeaderLabel {
        key,
        label,
        aliases,
    }
}

/// 单位名称（盖章） · 填表人 · 联系电话 · 填表日期 (and the summary's people/computer counts).
pub const STANDARD_HEADER: &[HeaderLabel] = &[
    // Section names (人员情况：…　计算机情况：…) hold no value: known so that the value
    // before one ends there.
    hl(
        "section",
        "人员情况",
        &[
            "计算机情况",
            "人员基本情况",
            "计算机基本情况",
            "计算机配备情况",
        ],
    ),
    UNIT_LABEL,
    FILLER_LABEL,
    PHONE_LABEL,
    FILLED_ON_LABEL,
    // A ledger kept one sheet (or workbook) per department says whose it is in its head.
    hl(
        "department",
        "所属部门",
        &[
            "所属科室",
            "使用部门",
            "使用科室",
            "部门",
            "科室",
            "处室",
            "股室",
        ],
    ),
    hl(
        "people_total",
        "总人数",
        &[
            "人员总数",
            "总人数（人）",
            "职工总数",
            "在编人数",
            "干部职工总数",
            "教职工总数",
            "职工人数",
            "员工总数",
            "员工人数",
            "在岗人数",
            "在职人数",
            "干部职工人数",
        ],
    ),
    hl(
        "people_using",
        "使用计算机人数",
        &[
            "使用电脑人数",
            "计算机使用人数",
            "使用计算机的人数",
            "用机人数",
            "其中使用计算机",
            "其中使用计算机人数",
        ],
    ),
    hl("servers", "服务器数", &["服务器数量", "服务器"]),
    hl(
        "desktops",
        "台式机数",
        &[
            "台式机数量",
            "台式机",
            "台式计算机数",
            "台式电脑",
            "台式计算机",
        ],
    ),
    hl(
        "laptops",
        "便携机数",
        &[
            "便携式数",
            "便携机数量",
            "笔记本数",
            "笔记本电脑数",
            "便携机",
            "笔记本电脑",
            "便携式计算机",
            "笔记本",
            "笔记本计算机",
            "便携计算机",
            "便携电脑",
        ],
    ),
];

/// The labels every header block spells its own way: 单位名称, 填表人, 联系电话, 填表日期.
const UNIT_LABEL: HeaderLabel = hl("unit", "单位名称（盖章）", UNIT_ALIASES);
/// 单位名称 as 附件4 and 附件9 print it (without 盖章).
const PLAIN_UNIT_LABEL: HeaderLabel = hl("unit", "单位名称", UNIT_ALIASES);
const UNIT_ALIASES: &[&str] = &[
    "单位名称（盖章）",
    "单位名称(盖章)",
    "单位名称",
    "填报单位",
    "填报单位（盖章）",
    "填报单位(盖章)",
    "单位（盖章）",
    "单位",
    "填报单位（公章）",
    "填报单位(公章)",
    "单位名称（公章）",
    "填报学校",
    "报送单位",
    "编制单位",
    "填报单位盖章",
];
const FILLER_LABEL: HeaderLabel = hl(
    "filler",
    "填表人",
    &[
        "填报人",
        "制表人",
        "填写人",
        "联系人",
        "统计人",
        "报送人",
        "登记人",
        "编制人",
        "制表",
        "经办人",
        "经手人",
    ],
);
const PHONE_LABEL: HeaderLabel = hl(
    "phone",
    "联系电话",
    &[
        "电话",
        "联系方式",
        "办公电话",
        "手机",
        "手机号码",
        "联系手机",
    ],
);
const FILLED_ON_LABEL: HeaderLabel = hl(
    "filled_on",
    "填表日期",
    &[
        "填报日期",
        "制表日期",
        "填写日期",
        "填表时间",
        "填报时间",
        "制表时间",
        "报送日期",
        "统计日期",
        "报送时间",
        "登记日期",
        "编制日期",
        "日期",
    ],
);

/// A computer's particulars written once instead of in columns: a usage card's head
/// (终端编号 | DT-01 | 计算机品牌 | 联想 …) or a caption row over the computer's software
/// ("终端：LZ-01　品牌：联想　使用人：赵刚　所属：大队部").
pub const COMPUTER_LABELS: &[HeaderLabel] = &[
    hl(
        "computer",
        "计算机编号",
        &[
            "终端编号",
            "电脑编号",
            "设备编号",
            "主机编号",
            "机器编号",
            "终端",
            "计算机",
            "IP地址",
            "计算机名",
            "主机名",
        ],
    ),
    hl(
        "brand",
        "计算机品牌",
        &[
            "品牌",
            "电脑品牌",
            "终端品牌",
            "品牌型号",
            "设备品牌",
            "生产厂商",
            "整机厂商",
        ],
    ),
    hl(
        "user",
        "使用人",
        &["姓名", "使用人姓名", "责任人", "使用者", "保管人", "操作员"],
    ),
    hl(
        "department",
        "部门",
        &[
            "所在部门",
            "使用部门",
            "所属部门",
            "所属",
            "科室",
            "所在科室",
            "处室",
            "使用科室",
            "归属部门",
        ],
    ),
];

/// 附件3's header: 申请部门 · 经手人 · 联系电话 · 填表日期.
pub const DEMAND_HEADER: &[HeaderLabel] = &[
    hl("department", "申请部门", &["申请单位"]),
    hl("handler", "经手人", &["经办人"]),
    hl("phone", "联系电话", &["电话"]),
    hl("filled_on", "填表日期", &["填报日期", "日期"]),
];

/// 附件4's header: 经手人 · 联系电话 · 填表日期.
pub const PURCHASE_PLAN_HEADER: &[HeaderLabel] = &[
    PLAIN_UNIT_LABEL,
    hl("handler", "经手人", &["经办人"]),
    PHONE_LABEL,
    FILLED_ON_LABEL,
];

/// 附件9's header: 单位名称 · 填表人 · 联系电话.
pub const MAINTENANCE_HEADER: &[HeaderLabel] =
    &[PLAIN_UNIT_LABEL, FILLER_LABEL, PHONE_LABEL, FILLED_ON_LABEL];

/// The three software types of the ledgers, in template order.
pub const SOFTWARE_KINDS: [&str; 3] = ["商业软件", "OEM软件", "免费软件"];

/// 附件9 part 一 written as "label：value" pairs instead of a header row and a value row.
pub const MAINTENANCE_INFO_LABELS: &[HeaderLabel] = &[
    hl(
        "id",
        "软件编号",
        &["软件编码", "编号", "软件资产编码", "登记号"],
    ),
    hl(
        "name",
        "软件名称",
        &["名称", "软件全称", "软件产品", "产品名称"],
    ),
    hl(
        "version",
        "软件版本",
        &["版本", "版本号", "产品版本", "发行版本"],
    ),
    hl(
        "kind",
        "软件类型",
        &[
            "来源类型",
            "软件类别",
            "类别",
            "类型",
            "软件来源",
            "来源",
            "取得方式",
            "来源方式",
            "授权性质",
            "软件性质",
        ],
    ),
    hl(
        "license_count",
        "许可数量",
        &[
            "许可数",
            "授权数量",
            "授权数",
            "授权点数",
            "许可套数",
            "授权套数",
            "许可用户数",
        ],
    ),
    hl(
        "usable_versions",
        "可使用版本",
        &[
            "可用版本",
            "授权版本",
            "适用版本",
            "可装版本",
            "可部署版本",
            "允许安装版本",
        ],
    ),
    hl(
        "term",
        "许可期限",
        &[
            "授权期限",
            "有效期",
            "有效期限",
            "使用期限",
            "有效期至",
            "授权截至",
            "授权到期",
            "授权到期日",
            "使用年限",
        ],
    ),
];

/// The columns the published template prints, in order.
pub fn printed(specs: &[ColumnSpec]) -> Vec<ColumnSpec> {
    specs.iter().copied().filter(|s| s.printed).collect()
}

pub mod spot_check;
