use super::super::prelude::*;
use crate::ledger::table::HeaderBlock;

declare_rule! {
    /// ## 检查什么
    /// 表头的 单位名称、填表人、联系电话、填表日期 未填写，或模板印有的这一栏整个缺失（只对
    /// 按模板标题认出的表；单位自己的表样印有哪些栏，就检查哪些栏）。
    /// 需求申请表、采购计划表对应的是 申请部门、经手人。每张表报告一次，列出所有未填的栏。
    ///
    /// ## 为什么
    /// 台账是单位对软件使用情况的正式登记，须能查到是哪个单位、由谁、在哪天填写的
    /// （台账管理规定：信息化部门负责软件台账的建立、更新和维护）。填表日期还用于判断台账是否
    /// 按时更新（台账 一.13、二.3）。
    ///
    /// ## 示例
    /// `单位名称（盖章）：测试县审计局    填表人：        联系电话：    填表日期：2026年11月20日`
    ///
    /// `汇总表表头未填写：填表人、联系电话`
    ///
    /// ## 如何修改
    /// 在表头相应位置补填；模板印有而表中缺失的栏，按模板补上“标签：内容”。
    pub struct EmptyHeaderField {
        code: "ZB005",
        severity: Warning,
        summary: "表头的单位名称、填表人、联系电话或填表日期未填写",
    }
}

/// A label's state: `None` when absent, else whether it is blank and its value cell.
type State = Option<(bool, Option<CellRef>)>;

/// Each checked label: key, label and state.
fn fields(h: &HeaderBlock) -> [(&'static str, &'static str, State); 6] {
    fn state<T>(f: &Option<Field<T>>) -> State {
        f.as_ref().map(|f| (f.is_blank(), f.cell.clone()))
    }
    [
        ("unit", "单位名称", state(&h.unit)),
        ("department", "申请部门", state(&h.department)),
        ("filler", "填表人", state(&h.filler)),
        ("handler", "经手人", state(&h.handler)),
        ("phone", "联系电话", state(&h.phone)),
        ("filled_on", "填表日期", state(&h.filled_on)),
    ]
}

/// ZB005
pub fn check(ctx: &Context, out: &mut Sink) {
    for (meta, header) in ctx.unit.tables() {
        let Some(header) = header else {
            continue;
        };
        // An office's own form prints the labels it prints: one it lacks is no fault.
        let expected = if meta.is_published_form() {
            meta.kind.printed_header()
        } else {
            &[]
        };
        let mut empty: Vec<(&str, Option<CellRef>)> = Vec::new();
        let mut absent: Vec<&str> = Vec::new();
        for (key, label, state) in fields(header) {
            match state {
                Some((true, cell)) => empty.push((label, cell)),
                Some((false, _)) => {}
                None if expected.contains(&key) => absent.push(label),
                None => {}
            }
        }
        if empty.is_empty() && absent.is_empty() {
            continue;
        }
        let name = meta.kind.short_name();
        let mut parts = Vec::new();
        if !empty.is_empty() {
            let labels: Vec<&str> = empty.iter().map(|(l, _)| *l).collect();
            parts.push(format!("未填写：{}", labels.join("、")));
        }
        if !absent.is_empty() {
            parts.push(format!("缺少“{}”栏", absent.join("”“")));
        }
        let target = empty
            .iter()
            .find_map(|(_, c)| c.clone())
            .unwrap_or_else(|| meta.anchor());
        let d = out.report(
            &target,
            format!("{name}表头{}", parts.join("；")),
            "在表头补填单位名称、填表人（经手人）、联系电话和填表日期；缺少的栏按模板补上“标签：内容”（台账管理规定：信息化部门负责台账的建立、更新和维护）",
        );
        let mut seen = vec![target];
        for (label, cell) in &empty {
            if let Some(c) = cell.as_ref().filter(|c| !seen.contains(c)) {
                d.related(c, format!("{label}：（空）"));
                seen.push(c.clone());
            }
        }
    }
}

/// ZB005 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB005.snap`):
/// 填表人 and 联系电话 left empty; the RJ002 sheet lost its 填表人 label altogether.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "A2", "单位名称（盖章）：测试县审计局    填表人：    联系电话：    填表日期：2026年11月20日"),
    Edit::Set("RJ002", "D2", ""),
])
.showing("ZB005");
