use super::super::prelude::*;
use crate::ledger::values::phone::{self, Fault, Number};

declare_rule! {
    /// ## 检查什么
    /// 联系电话、传真不像有效的中国电话号码：表头的联系电话，领导小组成员的联系电话和传真，
    /// 信息统计表的负责人电话和传真，免费软件清单的软件厂商客服联系方式。有效的号码是带区号的
    /// 固定电话（023-70611234、(0571)8888888，可带 +86 和分机号）、11 位手机号、400/800 电话；
    /// 厂商客服联系方式也可以是 95 开头的客服短号、电子邮箱或网址，填“无”或“—”不算错。
    ///
    /// ## 为什么
    /// 这些号码是检查、核实时联系责任人和软件厂商的途径（软件正版化工作责任制度：推进责任
    /// 落实到人）。缺区号的固定电话、少一位的手机号都打不通。
    ///
    /// ## 示例
    /// `联系电话：7061123`
    ///
    /// `联系电话“7061123”不是有效的电话号码：固定电话缺少区号`
    ///
    /// ## 如何修改
    /// 固定电话写区号加号码（如 023-70611234），手机写 11 位号码；多个号码用“、”分开。
    pub struct ImplausiblePhone {
        code: "ZB504",
        severity: Warning,
        summary: "联系电话或传真不是有效的电话号码",
    }
}

const HELP: &str = "固定电话写区号加号码（如 023-70611234），手机写 11 位号码（如 13812345678），也可写 400/800 电话；多个号码用“、”分开";

/// Check an office's number: a short service number is a vendor's line, not an office's.
fn office(out: &mut Sink, label: &str, field: &Field<String>) {
    let (Some(text), Some(cell)) = (field.value(), field.cell.as_ref()) else {
        return;
    };
    let problem = match phone::parse_all(text) {
        Ok(numbers) if numbers.contains(&Number::Service) => {
            Some("95、96 等开头的短号是服务热线，不是单位的电话".to_string())
        }
        Ok(_) => None,
        Err((part, fault)) => Some(describe(text, &part, fault)),
    };
    if let Some(problem) = problem {
        out.report(
            cell,
            format!("{label}“{text}”不是有效的电话号码：{problem}"),
            HELP,
        );
    }
}

fn describe(text: &str, part: &str, fault: Fault) -> String {
    if part == text.trim() {
        fault.describe().to_string()
    } else {
        format!("其中“{part}”{}", fault.describe())
    }
}

/// ZB504
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    for (_, header) in unit.tables() {
        if let Some(f) = header.and_then(|h| h.phone.as_ref()) {
            office(out, "联系电话", f);
        }
    }
    for group in &unit.leading_groups {
        for m in &group.rows {
            office(out, "联系电话", &m.phone);
            office(out, "传真", &m.fax);
        }
    }
    for s in &unit.statistics {
        office(out, "负责人电话", &s.head_phone);
        office(out, "传真", &s.fax);
    }
    for list in &unit.free_lists {
        for row in &list.rows {
            let f = &row.vendor_contact;
            let (Some(text), Some(cell)) = (f.value(), f.cell.as_ref()) else {
                continue;
            };
            let bad = phone::contact_parts(text)
                .into_iter()
                .find_map(|part| phone::parse_all(&part).err());
            if let Some((part, fault)) = bad {
                let problem = if fault == Fault::NotANumber {
                    if part == text.trim() {
                        "不是电话、电子邮箱或网址".to_string()
                    } else {
                        format!("其中“{part}”不是电话、电子邮箱或网址")
                    }
                } else {
                    describe(text, &part, fault)
                };
                out.report(
                    cell,
                    format!("软件厂商客服联系方式“{text}”无效：{problem}"),
                    "填写厂商的客服电话（如 400-810-5888）、电子邮箱或网址；没有的填“无”",
                );
            }
        }
    }
}

/// ZB504 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB504.snap`):
/// Phone numbers too short, a mobile of 10 digits, two numbers in a cell, words, and a hotline
/// with an e-mail.
const TRIGGER: Trigger = Trigger::forms(&[
    Edit::Set("汇总表", "A2", "单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：7061123    填表日期：2026年11月20日"),
    Edit::Set("领导小组", "F8", "1381234567"),
    Edit::Set("领导小组", "G9", "023-70610009、70610008"),
    Edit::Set("免费软件清单", "G4", "在线客服"),
    Edit::Push(
        "免费软件清单",
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
    ),
])
.showing("ZB504");
