//! The normalised model (`zhengban convert --to json`) the samples must read back as,
//! computed from the dataset and never by reading the files, so that a reader fault shows as
//! a difference instead of being copied into the expectation.
//!
//! The keys that name where a table was found (`files`, `file`, `sheet`) differ per layout
//! and are left out.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde_json::{json, Map, Value};

use crate::dataset::{Action, Approval, Software, Term, Unit};

/// Where the model is written under the output directory.
pub const PATH: &str = "expected/shuanglong.json";

/// Write the model as `convert --to json` prints it; returns the file written.
pub fn write(unit: &Unit, out: &Path) -> std::io::Result<PathBuf> {
    let path = out.join(PATH);
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut text = serde_json::to_string_pretty(&model(unit)).expect("JSON values serialise");
    text.push('\n');
    std::fs::write(&path, text)?;
    Ok(path)
}

fn iso(d: NaiveDate) -> Value {
    Value::String(d.format("%Y-%m-%d").to_string())
}

fn term(t: Term) -> Value {
    match t {
        Term::Perpetual => json!({"perpetual": true}),
        Term::Between(a, b) => json!({"perpetual": false, "start": iso(a), "end": iso(b)}),
    }
}

fn opt(s: Option<&str>) -> Value {
    s.map_or(Value::Null, |s| Value::String(s.to_string()))
}

/// A header block: the four standard keys (null where the table has no such label) and the
/// extra keys some tables have.
fn header(
    unit: Option<&str>,
    filler: Option<&str>,
    phone: &str,
    filled_on: Option<NaiveDate>,
    extra: &[(&str, Value)],
) -> Value {
    let mut m = Map::new();
    m.insert("unit".into(), opt(unit));
    m.insert("filler".into(), opt(filler));
    m.insert("phone".into(), Value::String(phone.into()));
    m.insert("filled_on".into(), filled_on.map_or(Value::Null, iso));
    for (k, v) in extra {
        m.insert((*k).into(), v.clone());
    }
    Value::Object(m)
}

fn standard_header(u: &Unit, filled_on: NaiveDate) -> Value {
    header(Some(u.name), Some(u.filler), u.phone, Some(filled_on), &[])
}

fn approvals(list: &[Approval]) -> Value {
    list.iter()
        .map(|a| {
            let role: String = a.label.chars().filter(|c| !c.is_whitespace()).collect();
            json!({"role": role, "person": a.person, "date": iso(a.date)})
        })
        .collect()
}

/// The license fields of a summary row: filled for commercial rows, null otherwise.
fn license_fields(s: &Software, row: &mut Map<String, Value>) {
    let fields = match &s.license {
        Some(l) => vec![
            ("purchased_on", iso(l.purchased_on)),
            ("amount", json!(l.amount())),
            ("license_type", json!(l.license_type)),
            ("license_count", json!(l.count)),
            ("usable_versions", json!(l.usable_versions)),
            ("term", term(l.term)),
            ("serial", json!(l.serial)),
        ],
        None => [
            "purchased_on",
            "amount",
            "license_type",
            "license_count",
            "usable_versions",
            "term",
            "serial",
        ]
        .into_iter()
        .map(|k| (k, Value::Null))
        .collect(),
    };
    for (k, v) in fields {
        row.insert(k.into(), v);
    }
}

/// The whole model of the unit.
pub fn model(u: &Unit) -> Value {
    let (servers, desktops, laptops) = u.machine_counts();
    let summary_rows: Vec<Value> = u
        .summary_order()
        .into_iter()
        .map(|s| {
            let mut row = Map::new();
            row.insert("id".into(), json!(s.id));
            row.insert("name".into(), json!(s.name));
            row.insert("version".into(), opt(s.version));
            row.insert("kind".into(), json!(s.kind.key()));
            license_fields(s, &mut row);
            row.insert("installed".into(), json!(u.installed(s.id)));
            Value::Object(row)
        })
        .collect();
    let summary = json!({
        "header": header(Some(u.name), Some(u.filler), u.phone, Some(u.filled_on), &[
            ("people_total", json!(u.people_total)),
            ("people_using", json!(u.people_using())),
            ("servers", json!(servers)),
            ("desktops", json!(desktops)),
            ("laptops", json!(laptops)),
        ]),
        "rows": summary_rows,
    });

    let usage_rows: Vec<Value> = u
        .usage()
        .iter()
        .map(|r| {
            let s = r.software;
            json!({
                "department": r.computer.department,
                "user": r.computer.user,
                "computer": r.computer.id,
                "brand": r.computer.brand,
                "id": s.id,
                "name": s.name,
                "version": opt(s.version),
                "term": s.license.as_ref().map_or(Value::Null, |l| term(l.term)),
                "kind": s.kind.key(),
                "installed_on": iso(r.installed_on),
            })
        })
        .collect();
    let usage = json!({"header": standard_header(u, u.filled_on), "rows": usage_rows});

    let maintenance: Vec<Value> = u
        .software
        .iter()
        .map(|s| {
            let l = s.license.as_ref();
            let events: Vec<Value> = u
                .events_of(s.id)
                .iter()
                .map(|e| {
                    let c = u.computer(e.computer);
                    json!({
                        "action": match e.action {
                            Action::Install => "install",
                            Action::Uninstall => "uninstall",
                        },
                        "computer": c.id,
                        "brand": c.brand,
                        "user": c.user,
                        "department": c.department,
                        "version": opt(s.version),
                        "date": iso(e.date),
                        "count": 1,
                    })
                })
                .collect();
            json!({
                "id": s.id,
                "header": header(Some(u.name), Some(u.filler), u.phone, None, &[]),
                "info": {
                    "id": s.id,
                    "name": s.name,
                    "version": opt(s.version),
                    "kind": s.kind.key(),
                    "license_count": l.map_or(Value::Null, |l| json!(l.count)),
                    "usable_versions": l.map_or(Value::Null, |l| json!(l.usable_versions)),
                    "term": l.map_or(Value::Null, |l| term(l.term)),
                },
                "events": events,
            })
        })
        .collect();

    let free_rows: Vec<Value> = u
        .free_list
        .iter()
        .map(|f| {
            json!({
                "id": f.id,
                "name": u.software(f.id).name,
                "version": f.version,
                "source": f.source,
                "vendor": f.vendor,
                "vendor_contact": f.contact,
                "departments": f.departments,
                "reason": f.reason,
            })
        })
        .collect();
    let free_list = json!({
        "header": standard_header(u, u.free_list_filled_on),
        "rows": free_rows,
    });

    let stats = u.statistics();
    let rows = ["domestic", "foreign", "total"];
    let columns = ["os", "office", "antivirus", "total"];
    let mut purchases = Vec::new();
    let mut holdings = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        for (c, column) in columns.iter().enumerate() {
            let (n, wan) = stats.purchases[r][c];
            purchases.push(
                json!({"row": row, "column": column, "measure": "licenses", "value": n as f64}),
            );
            purchases
                .push(json!({"row": row, "column": column, "measure": "amount", "value": wan}));
            let held = stats.holdings[r][c] as f64;
            holdings
                .push(json!({"row": row, "column": column, "measure": "licenses", "value": held}));
        }
    }
    let org = &u.responsible;
    let statistics = json!({
        "header": standard_header(u, u.filled_on),
        "year": u.statistics_year,
        "department": {"name": org.name, "head": org.head, "phone": org.phone, "fax": org.fax},
        "people": {"total": u.people_total, "using": u.people_using()},
        "computers": {"servers": servers, "desktops": desktops, "laptops": laptops,
                      "total": servers + desktops + laptops},
        "purchases": purchases,
        "holdings": holdings,
    });

    let plan = &u.plan;
    let purchase_plan = json!({
        "header": header(None, None, plan.phone, Some(plan.filled_on), &[
            ("handler", json!(plan.handler)),
        ]),
        "rows": plan.rows.iter().map(|r| json!({
            "name": r.name,
            "version": r.version,
            "unit_price": r.unit_price,
            "count": r.count,
            "total": r.total(),
            "note": r.note,
        })).collect::<Vec<_>>(),
        "grand_total": plan.grand_total(),
        "approvals": approvals(&plan.approvals),
    });

    let d = &u.demand;
    let demand = json!({
        "header": header(None, None, d.phone, Some(d.filled_on), &[
            ("handler", json!(d.handler)),
            ("department", json!(d.department)),
        ]),
        "rows": d.rows.iter().map(|r| json!({
            "kind": r.kind,
            "purpose": r.purpose,
            "requirement": r.requirement,
            "count": r.count,
        })).collect::<Vec<_>>(),
        "approvals": approvals(&d.approvals),
    });

    let leading_group = json!({
        "header": standard_header(u, u.leading_group_filled_on),
        "rows": u.leading_group.iter().map(|m| json!({
            "role": m.role,
            "name": m.name,
            "department": m.department,
            "title": m.title,
            "phone": m.phone,
            "fax": opt(m.fax),
        })).collect::<Vec<_>>(),
    });

    json!({
        "unit": u.name,
        "summary": summary,
        "usage": usage,
        "maintenance": maintenance,
        "free_list": free_list,
        "statistics": statistics,
        "purchase_plan": purchase_plan,
        "demand": demand,
        "leading_group": leading_group,
    })
}
