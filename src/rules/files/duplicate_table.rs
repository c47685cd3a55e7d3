use super::super::prelude::*;
use crate::ledger::table::TableMeta;

declare_rule! {
    /// ## 检查什么
    /// 一个单位只应有一份的表出现了两份：汇总表、明细表、可使用免费软件清单、领导小组成员
    /// 信息表、软件分类表，同一年度的信息统计表；或同一软件编号有两份安装维护情况明细表。
    ///
    /// ## 为什么
    /// 两份汇总表或明细表无法判断哪份有效，检查只使用第一份，第二份中的登记被忽略。台账 三.3：
    /// “每一个软件编号对应的软件，建立一份相应软件的《软件安装维护情况明细表》”。
    ///
    /// ## 示例
    /// 工作表“RJ002”和“RJ002(2)”都是软件编号 RJ002 的安装维护情况明细表：
    /// `软件编号 RJ002 已有一份安装维护情况明细表，同一软件编号只应建一份`
    ///
    /// ## 如何修改
    /// 把两份表的登记合并到一份，删除多余的一份。若第二份其实是另一采购批次的软件，在汇总表中
    /// 为它登记新的软件编号（台账 一.3），并改正此表的软件编号。
    pub struct DuplicateTable {
        code: "ZB008",
        severity: Error,
        summary: "同一种只应有一份的表出现多份",
    }
}

fn report_extra(out: &mut Sink, first: &TableMeta, extra: &TableMeta, what: &str) {
    out.report(
        extra.anchor(),
        format!("又一份{what}：一个单位只应有一份，检查只使用第一份"),
        "把两份表的内容合并到一份，删除多余的一份（台账管理规定：三种台账各一份，安装维护情况明细表每个软件编号一份）",
    )
    .related(first.anchor(), format!("第一份{}", first.kind.short_name()));
}

/// ZB008
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    let singles: [Vec<&TableMeta>; 5] = [
        unit.summaries.iter().map(|t| &t.meta).collect(),
        unit.usages.iter().map(|t| &t.meta).collect(),
        unit.free_lists.iter().map(|t| &t.meta).collect(),
        unit.leading_groups.iter().map(|t| &t.meta).collect(),
        unit.classifications.iter().map(|t| &t.meta).collect(),
    ];
    for metas in &singles {
        if let Some((first, rest)) = metas.split_first() {
            for extra in rest {
                report_extra(out, first, extra, first.kind.title());
            }
        }
    }
    // An annual report: one per year (a workbook may keep several years').
    for (i, s) in unit.statistics.iter().enumerate() {
        if let Some(first) = unit.statistics[..i].iter().find(|f| f.year == s.year) {
            let what = match s.year {
                Some(y) => format!("{y}年度的{}", s.meta.kind.title()),
                None => format!("未注明年度的{}", s.meta.kind.title()),
            };
            report_extra(out, &first.meta, &s.meta, &what);
        }
    }
    // Maintenance tables by the number they belong to, typos resolved.
    let key = |i: usize| -> Option<String> {
        ctx.facts
            .maintenance_ids
            .get(i)
            .and_then(|r| r.as_ref())
            .map(|r| r.id.clone())
            .or_else(|| unit.maintenance[i].id().map(str::to_string))
    };
    for i in 0..unit.maintenance.len() {
        let Some(id) = key(i) else {
            continue;
        };
        let Some(first) = (0..i).find(|&j| key(j).as_deref() == Some(id.as_str())) else {
            continue;
        };
        let m = &unit.maintenance[i];
        let typed = match m.id() {
            Some(t) if t != id => format!("（此表写的是 {t}，按软件名称即 {id}）"),
            _ => String::new(),
        };
        let at = m.info.id.cell.clone().unwrap_or_else(|| m.meta.anchor());
        let f = &unit.maintenance[first];
        let first_at = f.info.id.cell.clone().unwrap_or_else(|| f.meta.anchor());
        out.report(
            at,
            format!(
                "软件编号 {id} 已有一份安装维护情况明细表（工作表“{}”）{typed}，同一软件编号只应建一份",
                f.meta.sheet
            ),
            "把两份的安装卸载记录合并到一份，删除多余的一份；若是另一采购批次，在汇总表中以新的软件编号登记并改正此表的编号（台账 三.3、一.3）",
        )
        .related(first_at, format!("第一份：软件编号 {id}"));
    }
}

/// ZB008 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB008.snap`):
/// A second usage ledger and a second RJ002 maintenance sheet.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::CopySheet("明细表", "明细表(2)"),
    Edit::CopySheet("RJ002", "RJ002(2)"),
])
.showing("ZB008");
