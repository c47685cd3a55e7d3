use super::super::prelude::*;
use crate::ledger::values::same_name;

declare_rule! {
    /// ## 检查什么
    /// 可使用免费软件清单的一行与汇总表不一致：软件编号在汇总表中是另一款软件或不是免费软件，
    /// 软件名称与汇总表同一编号的名称不同，或这款软件在汇总表中用的是另一个编号、根本没有登记。
    ///
    /// ## 为什么
    /// 台账 一.7、一.12：免费软件按名称编号，调整可使用免费软件清单后更新汇总表。清单与汇总表用
    /// 同一套编号和名称，才能核对在用的免费软件是否都经过批准。
    ///
    /// ## 示例
    /// | | 软件编号 | 软件名称 |
    /// |---|---|---|
    /// | 汇总表 | RJ004 | 7-Zip |
    /// | 免费软件清单 | **RJ005** | 7-Zip |
    ///
    /// ## 如何修改
    /// 以汇总表的编号和名称为准改正清单；清单新增的软件，同时在汇总表登记。
    pub struct FreeListDisagrees {
        code: "ZB412",
        severity: Error,
        summary: "免费软件清单的编号或名称与汇总表不一致",
    }
}

const HELP: &str =
    "以汇总表的软件编号和名称为准改正清单；清单新增的软件同时在汇总表登记（台账 一.12）";

/// ZB412
pub fn check(ctx: &Context, out: &mut Sink) {
    let (Some(summary), Some(list)) = (ctx.unit.summary(), ctx.unit.free_list()) else {
        return;
    };
    // An empty summary is reported once (ZB403/ZB402), not per listed software.
    if ctx.facts.by_id.is_empty() {
        return;
    }
    let free_ids_named = |name: &str| -> Vec<&str> {
        ctx.facts
            .ids_by_name(name, None)
            .into_iter()
            .filter(|id| {
                ctx.facts
                    .summary_row(id)
                    .is_some_and(|r| r.kind() == Some(SoftwareKind::Free))
            })
            .collect()
    };
    for row in &list.rows {
        let name = row.name.value().map(String::as_str);
        let id_cell = row.id.cell.clone().or_else(|| row.name.cell.clone());
        let Some(id_cell) = id_cell else {
            continue;
        };
        match row.id.value().map(String::as_str) {
            Some(id) => {
                if let Some(s) = ctx.facts.summary_row(id) {
                    let sname = s.name.value().cloned().unwrap_or_default();
                    let named: Vec<&str> = name.map(free_ids_named).unwrap_or_default();
                    let d = if name.is_some_and(|n| !same_name(n, &sname)) {
                        match named.as_slice() {
                            [other] => out.report(
                                id_cell,
                                format!(
                                    "软件编号 {id} 在汇总表中是 {sname}，{} 在汇总表中编号为 {other}",
                                    name.unwrap_or_default()
                                ),
                                HELP,
                            ),
                            _ => match &row.name.cell {
                                Some(c) => out.report(
                                    c,
                                    format!(
                                        "软件名称 {}，汇总表 {id} 为 {sname}",
                                        name.unwrap_or_default()
                                    ),
                                    HELP,
                                ),
                                None => continue,
                            },
                        }
                    } else if s.kind().is_some_and(|k| k != SoftwareKind::Free) {
                        out.report(
                            id_cell,
                            format!(
                                "{id} {sname} 在汇总表中是{}，不是免费软件",
                                s.kind().map(|k| k.label()).unwrap_or_default()
                            ),
                            HELP,
                        )
                    } else {
                        continue;
                    };
                    if let Some(c) = &s.id.cell {
                        d.related(c, format!("汇总表 {id} {sname}"));
                    }
                } else {
                    let named: Vec<&str> = name.map(free_ids_named).unwrap_or_default();
                    let what = match named.as_slice() {
                        [one] => format!(
                            "软件编号 {id} 不在汇总表中；汇总表中 {} 的编号为 {one}",
                            name.unwrap_or_default()
                        ),
                        _ => format!("清单中的 {id} {} 不在汇总表中", name.unwrap_or_default()),
                    };
                    let d = out.report(id_cell, what, HELP);
                    if let [one] = named.as_slice() {
                        if let Some(c) = ctx.facts.summary_row(one).and_then(|r| r.id.cell.as_ref())
                        {
                            d.related(c, format!("汇总表 {one} {}", name.unwrap_or_default()));
                        }
                    } else {
                        d.related(summary.meta.anchor(), "汇总表中没有这款软件");
                    }
                }
            }
            None => {
                let Some(name) = name else {
                    continue;
                };
                let named = free_ids_named(name);
                let what = match named.as_slice() {
                    [one] => format!("软件编号为空；汇总表中 {name} 的编号为 {one}"),
                    _ => format!("清单中的 {name} 没有软件编号，汇总表中也没有这款免费软件"),
                };
                out.report(id_cell, what, HELP);
            }
        }
    }
}

/// ZB412 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB412.snap`):
/// The free list numbers 7-Zip RJ005, then lists it as 7zip under RJ004 and under WPS's RJ002.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("免费软件清单", "B4", "RJ005"),
    Edit::Push(
        "免费软件清单",
        &[
            "#2",
            "RJ004",
            "7zip",
            "23.01",
            "官方网站",
            "Igor Pavlov",
            "无",
            "全局",
            "文件压缩",
        ],
    ),
    Edit::Push(
        "免费软件清单",
        &[
            "#3",
            "RJ002",
            "7-Zip",
            "23.01",
            "官方网站",
            "Igor Pavlov",
            "无",
            "全局",
            "文件压缩",
        ],
    ),
]);
