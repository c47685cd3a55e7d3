use super::super::prelude::*;

declare_rule! {
    /// ## 检查什么
    /// 汇总表某行的**软件名称**为空（任何软件类型）。
    ///
    /// ## 为什么
    /// 软件编号按软件名称（和版本）分配（台账 一.2、一.5、一.7）；没有名称，就无法确认这个编号
    /// 登记的是什么软件，也无法与明细表、免费软件清单核对。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 软件类型 |
    /// |---|---|---|
    /// | RJ005 | **（空）** | 商业软件 |
    ///
    /// ## 如何修改
    /// 按采购合同、授权证书或软件本身显示的名称填写，与明细表中的名称一致。
    pub struct MissingSoftwareName {
        code: "ZB120",
        severity: Error,
        summary: "软件名称为空",
    }
}

/// ZB120
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    for row in &summary.rows {
        let Some(cell) = &row.name.cell else {
            continue;
        };
        if row.name.is_filled() {
            continue;
        }
        let message = match row.id() {
            Some(id) => format!("软件编号 {id} 的软件名称为空"),
            None => "软件名称为空".to_string(),
        };
        out.report(
            cell,
            message,
            "按采购合同、授权证书或软件本身显示的名称填写，与明细表中的名称一致（台账 一.2、一.7）",
        );
    }
}

/// ZB120 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB120.snap`):
/// RJ003's 软件名称 left empty.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "C8", ""),
]);
