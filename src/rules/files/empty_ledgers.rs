use super::super::prelude::*;
use crate::ledger::table::TableMeta;

declare_rule! {
    /// ## 检查什么
    /// 找到了软件台账，但汇总表、明细表和安装维护情况明细表中一行登记也没有——通常是报送了
    /// 空白模板，或只填了表头。
    ///
    /// ## 为什么
    /// 台账管理规定：“及时建立、更新和维护软件台账”。一份没有任何登记的台账，其余规则无从
    /// 检查，看上去却“没有错误”；检查人员需要知道这个单位的台账其实是空的。
    ///
    /// ## 示例
    /// 报送的是 `zhengban template` 写出的空白模板：
    /// `台账是空白的：汇总表、明细表和安装维护情况明细表都没有登记任何一行`
    ///
    /// ## 如何修改
    /// 按单位的实际情况逐台计算机、逐个软件填写三种台账后再报送。单位确实没有任何计算机和
    /// 软件的，请在说明中写明，不要只交空白模板。
    pub struct EmptyLedgers {
        code: "ZB010",
        severity: Error,
        summary: "台账没有任何登记（空白模板）",
    }
}

/// ZB010
pub fn check(ctx: &Context, out: &mut Sink) {
    let unit = ctx.unit;
    let filled = unit.summaries.iter().any(|t| !t.rows.is_empty())
        || unit.usages.iter().any(|t| !t.rows.is_empty())
        || unit.maintenance.iter().any(|t| !t.events.is_empty());
    if filled {
        return;
    }
    let found: Vec<&TableMeta> = unit
        .summaries
        .iter()
        .map(|t| &t.meta)
        .chain(unit.usages.iter().map(|t| &t.meta))
        .chain(unit.maintenance.iter().map(|t| &t.meta))
        .collect();
    // Without any ledger, ZB002 says what is missing.
    let Some(first) = found.first() else {
        return;
    };
    let mut names: Vec<&str> = found.iter().map(|m| m.kind.short_name()).collect();
    names.dedup();
    let which = match names.len() {
        1 => names[0].to_string(),
        2 => format!("{}和{}", names[0], names[1]),
        _ => format!(
            "{}和{}",
            names[..names.len() - 1].join("、"),
            names[names.len() - 1]
        ),
    };
    let all = if names.len() > 1 { "都" } else { "" };
    out.report(
        first.anchor(),
        format!("台账是空白的：{which}{all}没有登记任何一行"),
        "按单位的实际情况逐台计算机、逐个软件填写汇总表、明细表和安装维护情况明细表后再报送；空白模板不能作为台账（台账管理规定：及时建立、更新和维护软件台账）",
    );
}

/// ZB010 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB010.snap`):
/// The blank national template, checked as it is.
const TRIGGER: Trigger = Trigger::file("templates-xlsx/正版软件管理台账模板.xlsx").showing("ZB010");
