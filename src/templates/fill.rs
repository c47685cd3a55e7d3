//! What a filled template writes in each cell: normalised data turned into values typed as
//! a clerk types them — dates as date cells, codes as text, counts and money as numbers,
//! ☑/□ boxes, "—" in the licence columns of OEM and free rows, 许可期限 as 永久 / 至… /
//! …至… / 3年 — each in a form the reader reads back as the same value.

use super::sheet::{blank, blanks, Blank, Row, Value};
use super::style::CellKind;
use crate::normalised::{self as n, Header, Kind, Place, ToFill};
use crate::schema::{TableKind, LICENSE_COLUMNS};

pub(crate) fn text(s: &Option<String>) -> Value {
    s.as_ref().map_or(Value::Empty, |s| Value::Text(s.clone()))
}

pub(crate) fn count(v: Option<i64>) -> Value {
    v.map_or(Value::Empty, |v| Value::Number(v as f64))
}

pub(crate) fn money(v: Option<f64>) -> Value {
    v.map_or(Value::Empty, Value::Number)
}

pub(crate) fn date(d: Option<n::Date>) -> Value {
    d.map_or(Value::Empty, |d| Value::Date(d.0))
}

/// A month-only purchase time is text (`2023年5月`): a date cell would be read as a day.
fn purchase(p: Option<n::PurchaseTime>) -> Value {
    use chrono::Datelike;
    match p {
        None => Value::Empty,
        Some(p) if p.month_only => Value::Text(format!("{}年{}月", p.date.year(), p.date.month())),
        Some(p) => Value::Date(p.date),
    }
}

fn term(t: &Option<n::Term>) -> Value {
    t.as_ref()
        .map_or(Value::Empty, |t| Value::Text(t.clerk_text()))
}

/// 可使用版本 joined with 、 (the reader splits on it again).
fn versions(v: &Option<Vec<String>>) -> Value {
    match v {
        Some(v) if !v.is_empty() => Value::Text(v.join("、")),
        _ => Value::Empty,
    }
}

fn check(on: bool) -> Value {
    Value::Text(if on { "☑" } else { "□" }.into())
}

/// The three 软件类型 boxes.
fn kind_boxes(row: &mut Vec<(&'static str, Value)>, kind: Option<Kind>) {
    row.push(("kind_commercial", check(kind == Some(Kind::Commercial))));
    row.push(("kind_oem", check(kind == Some(Kind::Oem))));
    row.push(("kind_free", check(kind == Some(Kind::Free))));
}

/// The header-block blanks of `kind` with their values: the printed blanks first, then any
/// other label the data fills (a 填表日期 on 附件9, counts on a 明细表), so nothing typed in
/// a local layout is lost on the way to the national one. The 汇总表's counts are printed
/// in their own rows ([`count_of`]).
pub(crate) fn header_blanks(kind: TableKind, header: Option<&Header>) -> Vec<Blank> {
    header_blanks_to_fill(kind, header, &ToFill::NONE)
}

/// [`header_blanks`], with the printed blanks `to_fill` marks (at [`Place::Header`]) and the
/// data leaves empty highlighted for the clerk.
pub(crate) fn header_blanks_to_fill(
    kind: TableKind,
    header: Option<&Header>,
    to_fill: &ToFill,
) -> Vec<Blank> {
    let Some(h) = header else {
        return blanks(kind);
    };
    let mut out: Vec<Blank> = kind
        .printed_header()
        .iter()
        .map(|key| {
            let value = header_value(h, key);
            let open = value == Value::Empty && to_fill.contains(Place::Header(kind), key);
            blank(kind, key, if open { Value::ToFill } else { value })
        })
        .collect();
    for key in [
        "unit",
        "filler",
        "phone",
        "filled_on",
        "handler",
        "department",
        "people_total",
        "people_using",
        "servers",
        "desktops",
        "laptops",
    ] {
        let printed =
            kind.printed_header().contains(&key) || (kind == TableKind::Summary && is_count(key));
        let value = header_value(h, key);
        let labelled = kind.header_labels().iter().any(|l| l.key == key);
        if !printed && labelled && value != Value::Empty {
            out.push(blank(kind, key, value));
        }
    }
    out
}

fn is_count(key: &str) -> bool {
    matches!(
        key,
        "people_total" | "people_using" | "servers" | "desktops" | "laptops"
    )
}

/// The 汇总表 count of header key `key`, highlighted where `to_fill` marks it and the data
/// leaves it empty.
pub(crate) fn count_of(header: Option<&Header>, key: &str, to_fill: &ToFill) -> Value {
    match header.map_or(Value::Empty, |h| header_value(h, key)) {
        Value::Empty if to_fill.contains(Place::Header(TableKind::Summary), key) => Value::ToFill,
        value => value,
    }
}

/// `row` with each value `to_fill` marks at `place` that the row leaves empty highlighted
/// for the clerk; a value the data holds stays as it is.
pub(crate) fn open(mut row: Row, to_fill: &ToFill, place: Place) -> Row {
    for key in to_fill.keys(place) {
        // an unticked box of an undecided type is as empty as a blank
        let unticked = |v: &Value| {
            CellKind::for_column(key) == CellKind::Check && *v == Value::Text("□".into())
        };
        match row.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, value)) if *value == Value::Empty || unticked(value) => *value = Value::ToFill,
            Some(_) => {}
            None => row.0.push((key, Value::ToFill)),
        }
    }
    row
}

fn header_value(h: &Header, key: &str) -> Value {
    let flat = |v: &Option<Option<i64>>| count(v.flatten());
    match key {
        "unit" => text(&h.unit),
        "filler" => text(&h.filler),
        "phone" => text(&h.phone),
        "filled_on" => date(h.filled_on),
        "handler" => text(&h.handler.clone().flatten()),
        "department" => text(&h.department.clone().flatten()),
        "people_total" => flat(&h.people_total),
        "people_using" => flat(&h.people_using),
        "servers" => flat(&h.servers),
        "desktops" => flat(&h.desktops),
        "laptops" => flat(&h.laptops),
        _ => Value::Empty,
    }
}

/// A 汇总表 row. OEM and free rows show "—" in the licence columns they must leave empty,
/// as the template prints them; a value the data does carry there is written, not dropped.
pub(crate) fn summary_row(r: &n::SummaryRow) -> Row {
    let mut row = vec![
        ("id", text(&r.id)),
        ("name", text(&r.name)),
        ("version", text(&r.version)),
        (
            "kind",
            r.kind
                .map_or(Value::Empty, |k| Value::Text(k.label().into())),
        ),
        ("purchased_on", purchase(r.purchased_on)),
        ("amount", money(r.amount)),
        ("license_type", text(&r.license_type)),
        ("license_count", count(r.license_count)),
        ("usable_versions", versions(&r.usable_versions)),
        ("term", term(&r.term)),
        ("serial", text(&r.serial)),
        ("installed", count(r.installed)),
    ];
    if matches!(r.kind, Some(Kind::Oem | Kind::Free)) {
        for (key, value) in &mut row {
            if LICENSE_COLUMNS.contains(key) && *value == Value::Empty {
                *value = Value::Printed("—");
            }
        }
    }
    Row(row)
}

/// A 明细表 row.
pub(crate) fn usage_row(r: &n::UsageRow) -> Row {
    let mut row = vec![
        ("department", text(&r.department)),
        ("user", text(&r.user)),
        ("computer", text(&r.computer)),
        ("brand", text(&r.brand)),
        ("id", text(&r.id)),
        ("name", text(&r.name)),
        ("version", text(&r.version)),
        ("term", term(&r.term)),
    ];
    kind_boxes(&mut row, r.kind);
    row.push(("installed_on", date(r.installed_on)));
    Row(row)
}

/// Part 一 of 附件9.
pub(crate) fn info_row(i: &n::SoftwareInfo, id: Option<&str>) -> Row {
    let mut row = vec![
        ("id", text(&id.map(str::to_string))),
        ("name", text(&i.name)),
        ("version", text(&i.version)),
    ];
    kind_boxes(&mut row, i.kind);
    row.extend([
        ("license_count", count(i.license_count)),
        ("usable_versions", versions(&i.usable_versions)),
        ("term", term(&i.term)),
    ]);
    Row(row)
}

/// A row of part 二 of 附件9.
pub(crate) fn event_row(e: &n::Event) -> Row {
    Row(vec![
        ("install", check(e.action == Some(n::Action::Install))),
        ("uninstall", check(e.action == Some(n::Action::Uninstall))),
        ("computer", text(&e.computer)),
        ("brand", text(&e.brand)),
        ("user", text(&e.user)),
        ("department", text(&e.department)),
        ("version", text(&e.version)),
        ("date", date(e.date)),
        ("count", count(e.count)),
    ])
}

/// A row of the free list.
pub(crate) fn free_row(r: &n::FreeListRow) -> Row {
    Row(vec![
        ("id", text(&r.id)),
        ("name", text(&r.name)),
        ("version", text(&r.version)),
        ("source", text(&r.source)),
        ("vendor", text(&r.vendor)),
        ("vendor_contact", text(&r.vendor_contact)),
        ("departments", text(&r.departments)),
        ("reason", text(&r.reason)),
    ])
}

/// A row of the purchase plan.
pub(crate) fn plan_row(r: &n::PlanRow) -> Row {
    Row(vec![
        ("name", text(&r.name)),
        ("version", text(&r.version)),
        ("unit_price", money(r.unit_price)),
        ("count", count(r.count)),
        ("total", money(r.total)),
        ("note", text(&r.note)),
    ])
}

/// The purchase plan's 共计 row.
pub(crate) fn plan_total(total: Option<f64>) -> Row {
    Row(vec![
        ("name", Value::Printed("共计")),
        ("total", money(total)),
    ])
}

/// A row of the demand form.
pub(crate) fn demand_row(r: &n::DemandRow) -> Row {
    Row(vec![
        ("kind", text(&r.kind)),
        ("purpose", text(&r.purpose)),
        ("requirement", text(&r.requirement)),
        ("count", count(r.count)),
    ])
}

/// A member of the leading group.
pub(crate) fn member_row(r: &n::Member) -> Row {
    Row(vec![
        ("role", text(&r.role)),
        ("name", text(&r.name)),
        ("department", text(&r.department)),
        ("title", text(&r.title)),
        ("phone", text(&r.phone)),
        ("fax", text(&r.fax)),
    ])
}

/// A row of the 软件分类 sheet.
pub(crate) fn classification_row(r: &n::ClassificationRow) -> Row {
    Row(vec![
        ("id", text(&r.id)),
        ("name", text(&r.name)),
        (
            "category",
            r.category
                .map_or(Value::Empty, |c| Value::Text(c.label().into())),
        ),
        (
            "origin",
            r.origin
                .map_or(Value::Empty, |o| Value::Text(o.label().into())),
        ),
    ])
}

/// Approval rows as (label, signature line): the data's when it has them, else the
/// template's blank ones. The role keeps its words; a break before its closing 审核 / 审批
/// lays it out like the template's labels.
pub(crate) fn approval_rows(
    data: Option<&Vec<n::Approval>>,
    template: &[(&str, &str)],
) -> Vec<(String, String)> {
    let Some(list) = data else {
        return template
            .iter()
            .map(|(l, s)| (l.to_string(), s.to_string()))
            .collect();
    };
    list.iter()
        .enumerate()
        .map(|(i, a)| {
            let role = a
                .role
                .clone()
                .or_else(|| template.get(i).map(|(l, _)| l.replace('\n', "")))
                .unwrap_or_default();
            let signer = if role.ends_with("审批") {
                "审批人"
            } else {
                "审核人"
            };
            let label = match role.char_indices().rev().nth(1) {
                Some((at, _)) if at > 0 && (role.ends_with("审核") || role.ends_with("审批")) =>
                {
                    format!("{}\n{}", &role[..at], &role[at..])
                }
                _ => role.clone(),
            };
            let person = a.person.clone().unwrap_or_else(|| " ".repeat(12));
            let date = a.date.map_or("年    月    日".to_string(), |d| {
                use chrono::Datelike;
                format!("{}年{}月{}日", d.0.year(), d.0.month(), d.0.day())
            });
            (label, format!("{signer}：{person}    {date}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn approval_lines_read_like_the_template() {
        let list = vec![
            n::Approval {
                role: Some("信息化部门审核".into()),
                person: Some("王强".into()),
                date: Some(n::Date(
                    chrono::NaiveDate::from_ymd_opt(2026, 3, 6).unwrap(),
                )),
            },
            n::Approval {
                role: Some("单位领导审批".into()),
                person: None,
                date: None,
            },
        ];
        let rows = approval_rows(Some(&list), &[]);
        assert_eq!(rows[0].0, "信息化部门\n审核");
        assert_eq!(rows[0].1, "审核人：王强    2026年3月6日");
        assert_eq!(rows[1].0, "单位领导\n审批");
        assert!(rows[1].1.starts_with("审批人："));
        assert!(rows[1].1.ends_with("年    月    日"));
        let blank = approval_rows(None, &[("资产部门\n审核", "审核人：")]);
        assert_eq!(blank, vec![("资产部门\n审核".into(), "审核人：".into())]);
    }

    #[test]
    fn oem_rows_show_dashes_where_they_hold_nothing() {
        let row = summary_row(&n::SummaryRow {
            id: Some("RJ003".into()),
            kind: Some(Kind::Oem),
            version: Some("22H2".into()),
            amount: Some(10.0),
            installed: Some(21),
            ..Default::default()
        });
        assert_eq!(row.get("license_count"), &Value::Printed("—"));
        assert_eq!(
            row.get("amount"),
            &Value::Number(10.0),
            "kept, for check to report"
        );
        assert_eq!(row.get("version"), &Value::Text("22H2".into()));
        assert_eq!(row.get("id"), &Value::Text("RJ003".into()));
    }
}
