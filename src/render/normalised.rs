//! The normalised model as JSON and CSV (`zhengban convert`), for other systems and for
//! checking the reader: dates ISO, money in 元, counts as integers, choices as the option.

use serde_json::{json, Map, Value};

use crate::ledger::forms::Approval;
use crate::ledger::statistics::Figure;
use crate::ledger::table::{Choice, HeaderBlock, TableMeta};
use crate::ledger::values::Field;
use crate::ledger::Unit;

/// Builds one JSON row, noting each value's source cell when asked.
struct Row {
    values: Map<String, Value>,
    cells: Map<String, Value>,
    with_cells: bool,
}

impl Row {
    fn new(with_cells: bool) -> Self {
        Row {
            values: Map::new(),
            cells: Map::new(),
            with_cells,
        }
    }

    fn put<T: serde::Serialize>(&mut self, key: &str, f: &Field<T>) -> &mut Self {
        self.values
            .insert(key.into(), serde_json::to_value(f).unwrap_or(Value::Null));
        self.cell(key, f.cell.as_ref());
        self
    }

    fn put_value(
        &mut self,
        key: &str,
        v: Value,
        cell: Option<&crate::workbook::CellRef>,
    ) -> &mut Self {
        self.values.insert(key.into(), v);
        self.cell(key, cell);
        self
    }

    fn choice<T: serde::Serialize + Copy>(&mut self, key: &str, c: &Choice<T>) -> &mut Self {
        let v = c.single().map_or(Value::Null, |k| {
            serde_json::to_value(k).unwrap_or(Value::Null)
        });
        self.put_value(key, v, c.cell())
    }

    fn cell(&mut self, key: &str, cell: Option<&crate::workbook::CellRef>) {
        if let (true, Some(c)) = (self.with_cells, cell) {
            self.cells.insert(key.into(), Value::String(c.a1()));
        }
    }

    fn done(mut self) -> Value {
        if self.with_cells {
            self.values
                .insert("cells".into(), Value::Object(self.cells));
        }
        Value::Object(self.values)
    }
}

fn header_json(h: &HeaderBlock, with_cells: bool) -> Value {
    let mut r = Row::new(with_cells);
    let text = |f: &Option<Field<String>>| f.clone().unwrap_or_else(Field::absent);
    let count = |f: &Option<Field<i64>>| f.clone().unwrap_or_else(Field::absent);
    r.put("unit", &text(&h.unit))
        .put("filler", &text(&h.filler))
        .put("phone", &text(&h.phone))
        .put(
            "filled_on",
            &h.filled_on.clone().unwrap_or_else(Field::absent),
        );
    for (key, f) in [
        ("people_total", &h.people_total),
        ("people_using", &h.people_using),
        ("servers", &h.servers),
        ("desktops", &h.desktops),
        ("laptops", &h.laptops),
    ] {
        if f.is_some() {
            r.put(key, &count(f));
        }
    }
    for (key, f) in [("handler", &h.handler), ("department", &h.department)] {
        if f.is_some() {
            r.put(key, &text(f));
        }
    }
    r.done()
}

fn table_json(meta: &TableMeta, extra: Vec<(&str, Value)>) -> Value {
    let mut m = Map::new();
    m.insert("file".into(), Value::String(meta.file.to_string()));
    m.insert("sheet".into(), Value::String(meta.sheet.to_string()));
    for (k, v) in extra {
        m.insert(k.into(), v);
    }
    Value::Object(m)
}

fn approvals_json(a: &[Approval]) -> Value {
    Value::Array(
        a.iter()
            .map(|a| json!({"role": a.role, "person": a.person, "date": a.date}))
            .collect(),
    )
}

fn figures_json(figures: &[Figure]) -> Value {
    Value::Array(
        figures
            .iter()
            .map(|f| json!({"row": f.row, "column": f.column, "measure": f.measure, "value": f.value}))
            .collect(),
    )
}

/// The normalised model of one unit (cli.md "Normalised data").
pub fn unit_json(unit: &Unit, with_cells: bool) -> Value {
    let summary = unit.summary().map(|s| {
        let rows = s
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("id", &row.id).put("name", &row.name);
                match row.version() {
                    Some(v) => r.put("version", v),
                    None => r.put_value("version", Value::Null, None),
                };
                r.put("kind", &row.kind);
                match row.terms() {
                    Some(t) => {
                        let purchased = t.purchased_on.value().map(|p| p.date);
                        r.put("purchased_on", &t.purchased_on)
                            .put("amount", &t.amount)
                            .put("license_type", &t.license_type)
                            .put("license_count", &t.license_count)
                            .put("usable_versions", &t.usable_versions)
                            .put_value(
                                "term",
                                t.term.value().map_or(Value::Null, |v| v.to_json(purchased)),
                                t.term.cell.as_ref(),
                            )
                            .put("serial", &t.serial);
                    }
                    None => {
                        for key in crate::schema::LICENSE_COLUMNS {
                            r.put_value(key, Value::Null, None);
                        }
                    }
                }
                r.put("installed", &row.installed);
                r.done()
            })
            .collect();
        table_json(
            &s.meta,
            vec![
                ("header", header_json(&s.header, with_cells)),
                ("rows", Value::Array(rows)),
            ],
        )
    });
    let usage = unit.usage().map(|u| {
        let rows = u
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("department", &row.department)
                    .put("user", &row.user)
                    .put("computer", &row.computer)
                    .put("brand", &row.brand)
                    .put("id", &row.id)
                    .put("name", &row.name)
                    .put("version", &row.version)
                    .put_value(
                        "term",
                        row.term.value().map_or(Value::Null, |t| t.to_json(None)),
                        row.term.cell.as_ref(),
                    )
                    .choice("kind", &row.kind)
                    .put("installed_on", &row.installed_on);
                r.done()
            })
            .collect();
        table_json(
            &u.meta,
            vec![
                ("header", header_json(&u.header, with_cells)),
                ("rows", Value::Array(rows)),
            ],
        )
    });
    let maintenance = unit
        .maintenance
        .iter()
        .map(|m| {
            let mut info = Row::new(with_cells);
            info.put("id", &m.info.id)
                .put("name", &m.info.name)
                .put("version", &m.info.version)
                .choice("kind", &m.info.kind)
                .put("license_count", &m.info.license_count)
                .put("usable_versions", &m.info.usable_versions)
                .put_value(
                    "term",
                    m.info.term.value().map_or(Value::Null, |t| t.to_json(None)),
                    m.info.term.cell.as_ref(),
                );
            let events = m
                .events
                .iter()
                .map(|e| {
                    let mut r = Row::new(with_cells);
                    r.choice("action", &e.action)
                        .put("computer", &e.computer)
                        .put("brand", &e.brand)
                        .put("user", &e.user)
                        .put("department", &e.department)
                        .put("version", &e.version)
                        .put("date", &e.date)
                        .put("count", &e.count);
                    r.done()
                })
                .collect();
            table_json(
                &m.meta,
                vec![
                    (
                        "id",
                        serde_json::to_value(&m.info.id).unwrap_or(Value::Null),
                    ),
                    ("header", header_json(&m.header, with_cells)),
                    ("info", info.done()),
                    ("events", Value::Array(events)),
                ],
            )
        })
        .collect::<Vec<_>>();
    let free_list = unit.free_list().map(|f| {
        let rows = f
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("id", &row.id)
                    .put("name", &row.name)
                    .put("version", &row.version)
                    .put("source", &row.source)
                    .put("vendor", &row.vendor)
                    .put("vendor_contact", &row.vendor_contact)
                    .put("departments", &row.departments)
                    .put("reason", &row.reason);
                r.done()
            })
            .collect();
        table_json(
            &f.meta,
            vec![
                ("header", header_json(&f.header, with_cells)),
                ("rows", Value::Array(rows)),
            ],
        )
    });
    let statistics = unit.statistics.first().map(|s| {
        table_json(
            &s.meta,
            vec![
                ("header", header_json(&s.header, with_cells)),
                ("year", json!(s.year)),
                (
                    "department",
                    json!({"name": s.department, "head": s.head_name, "phone": s.head_phone, "fax": s.fax}),
                ),
                (
                    "people",
                    json!({"total": s.people_total, "using": s.people_using}),
                ),
                (
                    "computers",
                    json!({"servers": s.servers, "desktops": s.desktops, "laptops": s.laptops,
                           "total": s.computers_total}),
                ),
                ("purchases", figures_json(&s.purchases)),
                ("holdings", figures_json(&s.holdings)),
            ],
        )
    });
    let purchase_plan = unit.purchase_plans.first().map(|p| {
        let rows = p
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("name", &row.name)
                    .put("version", &row.version)
                    .put("unit_price", &row.unit_price)
                    .put("count", &row.count)
                    .put("total", &row.total)
                    .put("note", &row.note);
                r.done()
            })
            .collect();
        table_json(
            &p.meta,
            vec![
                ("header", header_json(&p.header, with_cells)),
                ("rows", Value::Array(rows)),
                (
                    "grand_total",
                    p.grand_total.as_ref().map_or(Value::Null, |f| {
                        serde_json::to_value(f).unwrap_or(Value::Null)
                    }),
                ),
                ("approvals", approvals_json(&p.approvals)),
            ],
        )
    });
    let demand = unit.demands.first().map(|d| {
        let rows = d
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("kind", &row.kind)
                    .put("purpose", &row.purpose)
                    .put("requirement", &row.requirement)
                    .put("count", &row.count);
                r.done()
            })
            .collect();
        table_json(
            &d.meta,
            vec![
                ("header", header_json(&d.header, with_cells)),
                ("rows", Value::Array(rows)),
                ("approvals", approvals_json(&d.approvals)),
            ],
        )
    });
    let leading_group = unit.leading_groups.first().map(|g| {
        let rows = g
            .rows
            .iter()
            .map(|row| {
                let mut r = Row::new(with_cells);
                r.put("role", &row.role)
                    .put("name", &row.name)
                    .put("department", &row.department)
                    .put("title", &row.title)
                    .put("phone", &row.phone)
                    .put("fax", &row.fax);
                r.done()
            })
            .collect();
        table_json(
            &g.meta,
            vec![
                ("header", header_json(&g.header, with_cells)),
                ("rows", Value::Array(rows)),
            ],
        )
    });
    json!({
        "unit": unit.name,
        "files": unit.files.iter().map(|f| f.to_string()).collect::<Vec<_>>(),
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

/// One CSV file per list table: (file name, contents). Values are the normalised JSON
/// scalars; lists are joined with 、 and terms written as a clerk would.
pub fn unit_csv(unit: &Unit) -> Vec<(String, String)> {
    let model = unit_json(unit, false);
    let mut out = Vec::new();
    let mut table = |name: &str, rows: Option<&Vec<Value>>, prefix: Vec<(&str, String)>| {
        let Some(rows) = rows else { return };
        let mut keys: Vec<String> = prefix.iter().map(|(k, _)| k.to_string()).collect();
        for r in rows {
            if let Value::Object(m) = r {
                for k in m.keys() {
                    if !keys.contains(k) {
                        keys.push(k.clone());
                    }
                }
            }
        }
        let mut text = csv_line(keys.iter().map(String::as_str));
        for r in rows {
            let cells: Vec<String> = keys
                .iter()
                .map(|k| {
                    prefix
                        .iter()
                        .find(|(p, _)| p == k)
                        .map(|(_, v)| v.clone())
                        .unwrap_or_else(|| csv_value(r.get(k).unwrap_or(&Value::Null)))
                })
                .collect();
            text.push_str(&csv_line(cells.iter().map(String::as_str)));
        }
        out.push((format!("{name}.csv"), text));
    };
    table("summary", model["summary"]["rows"].as_array(), vec![]);
    table("usage", model["usage"]["rows"].as_array(), vec![]);
    let mut events = Vec::new();
    for m in model["maintenance"].as_array().into_iter().flatten() {
        for e in m["events"].as_array().into_iter().flatten() {
            let mut e = e.clone();
            if let Value::Object(obj) = &mut e {
                obj.insert("id".into(), m["id"].clone());
            }
            events.push(e);
        }
    }
    if !model["maintenance"].as_array().is_none_or(|a| a.is_empty()) {
        table("maintenance", Some(&events), vec![]);
    }
    table("free_list", model["free_list"]["rows"].as_array(), vec![]);
    table(
        "purchase_plan",
        model["purchase_plan"]["rows"].as_array(),
        vec![],
    );
    table("demand", model["demand"]["rows"].as_array(), vec![]);
    table(
        "leading_group",
        model["leading_group"]["rows"].as_array(),
        vec![],
    );
    out
}

fn csv_value(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(a) => a.iter().map(csv_value).collect::<Vec<_>>().join("、"),
        Value::Object(o) => {
            if o.get("perpetual") == Some(&Value::Bool(true)) {
                "永久".into()
            } else {
                let start = o.get("start").and_then(Value::as_str);
                let end = o.get("end").and_then(Value::as_str);
                let months = o.get("months").and_then(Value::as_u64);
                match (start, end, months) {
                    (_, _, Some(m)) => format!("{m}个月"),
                    (Some(s), Some(e), _) => format!("{s}至{e}"),
                    (None, Some(e), _) => e.to_string(),
                    _ => String::new(),
                }
            }
        }
        other => other.to_string(),
    }
}

fn csv_line<'a>(cells: impl Iterator<Item = &'a str>) -> String {
    let mut line: Vec<String> = Vec::new();
    for c in cells {
        if c.contains([',', '"', '\n', '\r']) {
            line.push(format!("\"{}\"", c.replace('"', "\"\"")));
        } else {
            line.push(c.to_string());
        }
    }
    let mut s = line.join(",");
    s.push_str("\r\n");
    s
}
