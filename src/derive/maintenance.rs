//! One 软件安装维护情况明细表 per summary 软件编号 that has none (derive.md 3): part 一 copied
//! from the summary row as the clerk typed it, part 二 bootstrapped with one 安装 row per
//! 明细表 row of that number, dated with its 安装日期 and in date order — so a unit that never
//! kept maintenance logs starts with logs that agree with its other two ledgers.

use std::collections::BTreeSet;

use crate::base::CellRef;
use crate::edit::{Addr, Value};
use crate::ledger::summary::{Licence, SummaryRow};
use crate::ledger::values::{Parsed, SoftwareKind};
use crate::schema::TableKind;

use super::blank::{blank, BlankError};
use super::counts::Counted;
use super::layout::unique_name;
use super::plan::{Grow, Mark, NewSheet};
use super::{Ctx, NOTE};

const TICKED: &str = "☑";
const UNTICKED: &str = "□";
const NONE: &str = "—";

/// Text as the clerk typed it, or nothing.
fn typed_text(f: &crate::ledger::values::Field<impl Sized>) -> Option<Value> {
    f.is_filled().then(|| Value::Text(f.raw.clone()))
}

/// Add the missing maintenance tables.
pub(crate) fn add_missing(ctx: &mut Ctx, counted: &Counted) -> Result<(), BlankError> {
    let unit = ctx.unit;
    let Some(summary) = unit.summary() else {
        return Ok(());
    };
    let Some(usage) = unit.usage() else {
        return Ok(());
    };
    let have: BTreeSet<&str> = unit.maintenance.iter().filter_map(|m| m.id()).collect();
    let mut seen = BTreeSet::new();
    let missing: Vec<&SummaryRow> = summary
        .rows
        .iter()
        .filter(|r| {
            r.id()
                .is_some_and(|id| !have.contains(id) && seen.insert(id.to_string()))
        })
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let Some(file) = ctx.file_for(TableKind::Maintenance) else {
        return Ok(());
    };
    let b = blank(TableKind::Maintenance)?;
    let template = &b.unit.maintenance[0];
    let at = |c: &CellRef| Addr::new(c.row, c.col);
    let title = template
        .meta
        .title
        .clone()
        .expect("the template has a title");
    let col = |key: &str| template.meta.column(key);
    let (_, header_last) = template
        .meta
        .header_rows
        .expect("the template has a column header");
    let first_row = header_last + 1;
    let printed = crate::templates::printed_rows(TableKind::Maintenance);
    let last_col = template
        .meta
        .columns
        .iter()
        .map(|c| c.col)
        .max()
        .unwrap_or(0);
    for row in missing {
        let id = row.id().expect("filtered on id");
        let mut cells: Vec<(Addr, Value, Mark)> = vec![(
            at(&title),
            Value::Text(TableKind::Maintenance.title().to_string()),
            Mark::Plain,
        )];
        if let (Some(label), true) = (
            ctx.layout.annex_label(TableKind::Maintenance),
            title.row > 0,
        ) {
            cells.push((Addr::new(title.row - 1, 0), Value::Text(label), Mark::Plain));
        }
        let mut to_fill = Vec::new();
        ctx.header_block(&template.header, &mut cells, &mut to_fill);
        // Part 一, from the summary row.
        let info = &template.info;
        let mut put = |field: &Option<CellRef>, value: Option<Value>| {
            if let (Some(c), Some(v)) = (field, value) {
                cells.push((at(c), v, Mark::Derived));
            }
        };
        put(&info.id.cell, Some(Value::Text(id.to_string())));
        put(&info.name.cell, typed_text(&row.name));
        let kind = row.kind();
        for (cell, k) in info.kind.cells.iter().zip(SoftwareKind::ALL) {
            let tick = if kind == Some(k) { TICKED } else { UNTICKED };
            put(&Some(cell.clone()), Some(Value::Text(tick.into())));
        }
        match &row.licence {
            Licence::Commercial(t) | Licence::Unknown(t) => {
                put(&info.version.cell, typed_text(&t.version));
                put(
                    &info.license_count.cell,
                    match &t.license_count.parsed {
                        Parsed::Value(n) => Some(Value::Number(*n as f64)),
                        _ => typed_text(&t.license_count),
                    },
                );
                put(&info.usable_versions.cell, typed_text(&t.usable_versions));
                put(&info.term.cell, typed_text(&t.term));
            }
            Licence::Oem { version, .. } => {
                put(&info.version.cell, typed_text(version));
                for f in [
                    &info.license_count.cell,
                    &info.usable_versions.cell,
                    &info.term.cell,
                ] {
                    put(f, Some(Value::Text(NONE.into())));
                }
            }
            Licence::Free { .. } => {
                for f in [
                    &info.version.cell,
                    &info.license_count.cell,
                    &info.usable_versions.cell,
                    &info.term.cell,
                ] {
                    put(f, Some(Value::Text(NONE.into())));
                }
            }
        }
        // Part 二: one install per usage row, in date order (rows without a date last).
        let mut rows: Vec<usize> = counted.usage_rows.get(id).cloned().unwrap_or_default();
        rows.sort_by_key(|&i| {
            let d = usage.rows[i].installed_on.value().copied();
            (d.is_none(), d, i)
        });
        for (n, &i) in rows.iter().enumerate() {
            let u = &usage.rows[i];
            let r = first_row + n as u32;
            let mut event = |key: &str, value: Option<Value>| {
                if let (Some(c), Some(v)) = (col(key), value) {
                    cells.push((Addr::new(r, c), v, Mark::Derived));
                }
            };
            event("seq", Some(Value::Number((n + 1) as f64)));
            event("install", Some(Value::Text(TICKED.into())));
            event("uninstall", Some(Value::Text(UNTICKED.into())));
            event("computer", typed_text(&u.computer));
            event("brand", typed_text(&u.brand));
            event("user", typed_text(&u.user));
            event("department", typed_text(&u.department));
            event("version", typed_text(&u.version));
            event(
                "date",
                match u.installed_on.value() {
                    Some(d) => Some(Value::Date(*d)),
                    None => typed_text(&u.installed_on),
                },
            );
            event("count", Some(Value::Number(1.0)));
        }
        let grow = (rows.len() as u32 > printed).then(|| Grow {
            last_printed: first_row + printed - 1,
            extra: rows.len() as u32 - printed,
            insert: false,
            cols: (0, last_col),
        });
        let taken = ctx.taken_names(&file);
        let name = unique_name(&ctx.layout.maintenance_sheet_name(id), &taken);
        let software = row.name.value().cloned().unwrap_or_default();
        ctx.plan.file_mut(&file).sheets.push(NewSheet {
            name,
            kind: TableKind::Maintenance,
            grow,
            cells,
            to_fill,
            note: (
                at(&title),
                format!(
                    "{NOTE}：软件基本信息取自汇总表 {id}；安装卸载明细按软件使用情况明细表补登，每台计算机一条安装记录，日期为安装日期"
                ),
            ),
            what: format!("{id} {software} 的安装维护明细，{} 条安装记录", rows.len()),
        });
    }
    Ok(())
}
