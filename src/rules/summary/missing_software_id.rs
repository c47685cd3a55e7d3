use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表某行的**软件编号**为空。
    ///
    /// ## 为什么
    /// 软件编号把三本台账连在一起：明细表按编号登记每台计算机上的软件，每个编号“建立一份相应
    /// 软件的《软件安装维护情况明细表》”（台账 三.3）。没有编号，这一行无法与明细表和安装维护
    /// 记录核对。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 |
    /// |---|---|---|
    /// | **（空）** | WinRAR 6 | 商业软件 |
    ///
    /// ## 如何修改
    /// 按编号规则分配一个尚未使用的编号（名称或版本不同的商业、OEM软件用不同编号，同名免费软件
    /// 共用一个编号；台账 一.2、一.5、一.7、一.8），并在明细表和安装维护情况明细表中使用同一编号。
    pub struct MissingSoftwareId {
        code: "ZB102",
        severity: Error,
        summary: "软件编号为空",
    }
}

/// ZB102
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(cell) = &row.id.cell else {
            continue;
        };
        // A ledger without numbers knows its software by name: an empty name is ZB120's.
        if row.id.is_filled() || summary.meta.keyed_by_name {
            continue;
        }
        let message = match row.name.value() {
            Some(name) => format!("“{name}”的软件编号为空"),
            None => "软件编号为空".to_string(),
        };
        // Where the other ledgers already number this software, that number is the fix;
        // their rows are this fault's consequences, shown as related.
        let name = row.name.value().map(String::as_str);
        let mine = |n: Option<&String>| {
            ctx.facts
                .idless_row(ctx.unit, n.map(String::as_str))
                .is_some_and(|r| std::ptr::eq(r, row))
        };
        let mut used: Vec<(CellRef, String)> = Vec::new();
        if name.is_some() {
            if let Some(u) = ctx.unit.usage() {
                for r in u.rows.iter().filter(|r| mine(r.name.value())) {
                    if let (Some(id), Some(c)) = (r.id(), &r.id.cell) {
                        if !ctx.facts.by_id.contains_key(id) {
                            used.push((c.clone(), format!("明细表用编号 {id}")));
                        }
                    }
                }
            }
            for m in ctx
                .unit
                .maintenance
                .iter()
                .filter(|m| mine(m.info.name.value()))
            {
                if let (Some(id), Some(c)) = (m.id(), &m.info.id.cell) {
                    if !ctx.facts.by_id.contains_key(id) {
                        used.push((c.clone(), format!("安装维护明细表用编号 {id}")));
                    }
                }
            }
        }
        let numbers: std::collections::BTreeSet<&str> = used
            .iter()
            .filter_map(|(_, t)| t.rsplit(' ').next())
            .collect();
        let help = match numbers.iter().collect::<Vec<_>>().as_slice() {
            [one] => format!(
                "明细表和安装维护情况明细表登记此软件用的是 {one}：在汇总表补填 {one}（台账 一.2、三.3）"
            ),
            _ => "分配一个未用过的软件编号，并在明细表和该软件的安装维护情况明细表中使用同一编号（台账 一.2、一.5、一.7，三.3）".to_string(),
        };
        let d = out.report(cell, message, help);
        for (c, t) in used {
            d.related(c, t);
        }
    }
}

/// ZB102 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB102.snap`):
/// RJ003's 软件编号 left empty.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "B8", ""),
]);
