//! ZB5xx — forms. The clean unit keeps none of the forms, so these tests add them, filled as
//! the published templates lay them out (templates-xlsx/附件01, 03, 04, 10, 11), then plant
//! faults.

mod support;

use support::{Book, FREE, SUMMARY};

const GROUP: &str = "领导小组";
const DEMAND: &str = "需求申请表";
const PLAN: &str = "采购计划表";
const REQUEST: &str = "安装维护申请表";
const CONFIRM: &str = "安装维护确认单";

/// Only the diagnostics of some codes (blocks start at unindented lines), so other groups'
/// rules do not change these snapshots.
fn only(text: &str, codes: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in text.split_inclusive('\n') {
        if !line.starts_with(' ') {
            keep = codes.split(' ').any(|c| line.starts_with(c));
        }
        if keep {
            out.push_str(line);
        }
    }
    out
}

/// The clean unit plus every form, all filled in and signed.
///
/// 领导小组: header rows 3–4, column header row 6, members rows 7–9 (A序号 B分工 C姓名 D部门
/// E职务 F联系电话 G传真). 需求申请表: rows 7–9 (E申请许可数), approvals rows 11–12 (C).
/// 采购计划表: row 7, 共计 row 8, approvals rows 9–12 (C). 申请表 approvals rows 12–13 (B);
/// 确认单 signatures rows 11–12 (C).
fn forms_book() -> Book {
    let mut b = Book::clean();
    b.sheet(
        GROUP,
        &[
            &["附件1"],
            &["软件正版化工作领导小组成员信息表"],
            &[
                "单位名称（盖章）：测试县审计局",
                "",
                "",
                "",
                "",
                "填表人：王芳",
            ],
            &[
                "联系电话：023-70611234",
                "",
                "",
                "",
                "填表日期：2026年11月20日",
            ],
            &[],
            &[
                "序号",
                "分工",
                "姓名",
                "部门",
                "职务",
                "联系电话",
                "传真",
                "备注",
            ],
            &[
                "#1",
                "组长",
                "赵军",
                "局领导",
                "局长",
                "023-70610001",
                "023-70610009",
            ],
            &[
                "#2",
                "副组长",
                "李强",
                "局领导",
                "副局长",
                "13812345678",
                "—",
            ],
            &[
                "#3",
                "成员",
                "王芳",
                "办公室",
                "主任",
                "(023)7061-1234",
                "023-70610009",
            ],
        ],
    );
    b.sheet(
        DEMAND,
        &[
            &["附件3"],
            &["软件使用需求申请表"],
            &["申请部门：审计一科", "", "", "经手人：李娜"],
            &["联系电话：023-70611235", "", "", "填表日期：2026年11月2日"],
            &[],
            &[
                "序号",
                "软件类型",
                "软件用途",
                "功能需求",
                "申请许可数\n（单位：个）",
                "备注",
            ],
            &["#1", "操作系统", "办公", "Windows 10 专业版", "#2"],
            &["#2", "办公软件", "公文处理", "文字处理、电子表格", "#3"],
            &["#3", "杀毒软件", "终端防护", "病毒查杀", "#3"],
            &["#4", "其他软件"],
            &["信息化部门\n审核", "", "审核人：张伟    2026年11月5日"],
            &["资产部门\n审核", "", "审核人：刘洋    2026年11月6日"],
        ],
    );
    b.sheet(
        PLAN,
        &[
            &["附件4"],
            &["软件采购计划表"],
            &["经手人：张伟", "", "", "", "联系电话：023-70611234"],
            &["填表日期：2026年11月10日"],
            &[],
            &[
                "序号",
                "软件名称",
                "软件版本",
                "单价\n（单位：元）",
                "许可数\n（单位：个）",
                "合计\n（单位：元）",
                "备注",
            ],
            &["#1", "WPS Office 2019", "专业版", "#300", "#2", "#600"],
            &["", "共计", "", "", "", "#600"],
            &["信息化部门\n审核", "", "审核人：张伟    2026年11月11日"],
            &["资产部门\n审核", "", "审核人：刘洋    2026年11月12日"],
            &["财务部门\n审核", "", "审核人：李娜    2026年11月12日"],
            &["单位领导\n审批", "", "审批人：赵军    2026年11月13日"],
        ],
    );
    b.sheet(
        REQUEST,
        &[
            &["附件10"],
            &["软件安装维护申请表"],
            &[
                "申请部门",
                "审计二科",
                "申请人",
                "刘洋",
                "申请时间",
                "@2026-11-02",
            ],
            &["计算机编号", "SJ-PC-003", "计算机品牌", "联想"],
            &["申请类型", "", "软件名称", "", "软件版本"],
            &["安装", "☑", "7-Zip", "", "23.01"],
            &["卸载", "□"],
            &["升级", "□", "升级前", "", "升级后"],
            &["", "", "软件名称", "软件版本", "软件名称", "软件版本"],
            &[],
            &["申请原因", "解压审计资料"],
            &["申请部门\n审核", "审核人：陈静    2026年11月3日"],
            &["信息化部\n审核", "审核人：张伟    2026年11月3日"],
        ],
    );
    b.sheet(
        CONFIRM,
        &[
            &["附件11"],
            &["软件安装维护确认单"],
            &["计算机编号", "SJ-PC-003", "", "", "计算机品牌", "联想"],
            &["计算机使用人\n姓名", "刘洋", "", "", "使用部门", "审计二科"],
            &[
                "安装维护类型",
                "",
                "软件名称",
                "",
                "软件版本",
                "",
                "完成情况",
            ],
            &["安装", "☑", "7-Zip", "", "23.01", "", "☑ 完成", "□ 未完成"],
            &["卸载", "□", "", "", "", "", "□ 完成", "□ 未完成"],
            &["升级", "□", "升级前", "", "升级后", "", "完成情况"],
            &["", "", "软件名称", "软件版本", "软件名称", "软件版本"],
            &["", "", "", "", "", "", "□ 完成", "□ 未完成"],
            &["计算机使用人确认", "", "签名：刘洋    2026年11月4日"],
            &["安装维护人确认", "", "签名：张伟    2026年11月4日"],
        ],
    );
    b
}

#[test]
fn filled_forms_raise_nothing() {
    let book = forms_book();
    let text = book.diagnostics();
    assert_eq!(only(&text, "ZB0 ZB5"), "", "{text}");
    let (report, _dir) = book.check_as_of(support::AS_OF);
    let unit = &report.unit;
    assert_eq!(unit.leading_groups[0].rows.len(), 3);
    assert_eq!(unit.demands[0].rows.len(), 3);
    assert_eq!(unit.demands[0].approvals.len(), 2);
    assert_eq!(unit.purchase_plans[0].approvals.len(), 4);
    assert_eq!(unit.maintenance_requests[0].approvals.len(), 2);
    assert_eq!(unit.maintenance_confirms[0].approvals.len(), 2);
}

#[test]
fn absent_forms_raise_nothing() {
    // The clean unit keeps no leading group, demand, plan or request forms: not a fault.
    let codes = Book::clean().codes();
    assert!(!codes.iter().any(|c| c.starts_with("ZB5")), "{codes:?}");
}

#[test]
fn zb501_no_leader() {
    let mut book = forms_book();
    book.set(GROUP, "B7", "常务副组长");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB501"));
}

#[test]
fn zb501_leader_without_name() {
    let mut book = forms_book();
    book.set(GROUP, "C7", "");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB501"));
}

#[test]
fn zb502_unsigned_approvals() {
    let mut book = forms_book();
    book.set(PLAN, "C11", "审核人：            年    月    日");
    book.set(PLAN, "C12", "审批人：赵军");
    book.set(DEMAND, "C12", "审核人：    2026年11月6日");
    book.set(CONFIRM, "C11", "签名：            年    月    日");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB502"));
}

#[test]
fn zb503_demand_counts() {
    let mut book = forms_book();
    book.set(DEMAND, "E7", "若干");
    book.set(DEMAND, "E8", "#0");
    book.set(DEMAND, "E9", "");
    book.set(DEMAND, "C10", "审计分析");
    book.set(DEMAND, "E10", "#-1");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB503 ZB006"));
}

#[test]
fn zb504_implausible_numbers() {
    let mut book = forms_book();
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：7061123    填表日期：2026年11月20日",
    );
    book.set(GROUP, "F8", "1381234567");
    book.set(GROUP, "G9", "023-70610009、70610008");
    book.set(FREE, "G4", "在线客服");
    book.push_row(
        FREE,
        &[
            "#2",
            "RJ005",
            "福昕阅读器",
            "12",
            "官方网站",
            "福昕软件",
            "400-810-5888 / support@foxitsoftware.cn",
            "全局",
            "阅读PDF",
        ],
    );
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB504"));
}

#[test]
fn zb504_local_number_starting_with_one() {
    // Eight digits after the area code, of the right length: the fault is the leading 1.
    let mut book = forms_book();
    book.set(
        SUMMARY,
        "A2",
        "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：0831-15123456    填表日期：2026年11月20日",
    );
    book.set(GROUP, "F8", "010-01234567");
    insta::assert_snapshot!(only(&book.diagnostics(), "ZB504"));
}
