//! The model as normalised data (`zhengban convert`), for other systems and for checking the
//! reader: dates ISO, money in 元, counts as integers, choices as the option. The JSON is
//! the serialised [`UnitData`]; the CSV files are built from the same typed rows, one file
//! per list table, with formula-leading text neutralised.

use serde_json::Value;

use crate::base::CellRef;
use crate::ledger::forms::Approval;
use crate::ledger::statistics::{self as stats, Figure};
use crate::ledger::summary::{Licence, StrayValue};
use crate::ledger::table::{Choice, HeaderBlock, TableMeta};
use crate::ledger::values::{Field, LicenseTerm, SoftwareKind};
use crate::ledger::{maintenance, Unit};
use crate::normalised as n;
use crate::schema::TableKind;
use crate::workbook::Cell;

/// The source cells of one row, collected only when asked for (`--with-cells`).
struct Cells(Option<n::Cells>);

impl Cells {
    fn new(with_cells: bool) -> Self {
        Cells(with_cells.then(n::Cells::new))
    }

    fn note(&mut self, key: &str, cell: Option<&CellRef>) {
        if let (Some(map), Some(c)) = (&mut self.0, cell) {
            map.insert(key.into(), Value::String(c.a1()));
        }
    }

    /// The value of a field, noting its cell.
    fn get<T: Clone>(&mut self, key: &str, f: &Field<T>) -> Option<T> {
        self.note(key, f.cell.as_ref());
        f.value().cloned()
    }

    fn choice<T: Copy>(&mut self, key: &str, c: &Choice<T>) -> Option<T> {
        self.note(key, c.cell());
        c.single()
    }

    fn done(self) -> Option<n::Cells> {
        self.0
    }
}

fn kind(k: SoftwareKind) -> n::Kind {
    match k {
        SoftwareKind::Commercial => n::Kind::Commercial,
        SoftwareKind::Oem => n::Kind::Oem,
        SoftwareKind::Free => n::Kind::Free,
    }
}

fn action(a: maintenance::Action) -> n::Action {
    match a {
        maintenance::Action::Install => n::Action::Install,
        maintenance::Action::Uninstall => n::Action::Uninstall,
    }
}

fn term(t: &LicenseTerm, purchased_on: Option<chrono::NaiveDate>) -> n::Term {
    match *t {
        LicenseTerm::Perpetual => n::Term::Perpetual,
        LicenseTerm::Until(d) => n::Term::Until(d),
        LicenseTerm::Between(a, b) => n::Term::Between(a, b),
        LicenseTerm::Months(m) => n::Term::months(m, purchased_on),
    }
}

fn date(f: &Field<chrono::NaiveDate>) -> Option<n::Date> {
    f.value().copied().map(n::Date)
}

fn header(h: &HeaderBlock, kind: TableKind, with_cells: bool) -> n::Header {
    // Cells are noted in the order of cli.md's keys.
    let mut cells = Cells::new(with_cells);
    let text = |cells: &mut Cells, key: &str, f: &Option<Field<String>>| {
        f.as_ref().and_then(|f| cells.get(key, f))
    };
    let count = |cells: &mut Cells, key: &str, f: &Option<Field<i64>>| {
        Some(f.as_ref().and_then(|f| cells.get(key, f)))
    };
    let unit = text(&mut cells, "unit", &h.unit);
    let filler = text(&mut cells, "filler", &h.filler);
    let phone = text(&mut cells, "phone", &h.phone);
    let filled_on = h.filled_on.as_ref().and_then(|f| {
        cells.note("filled_on", f.cell.as_ref());
        date(f)
    });
    let people_total = count(&mut cells, "people_total", &h.people_total);
    let people_using = count(&mut cells, "people_using", &h.people_using);
    let servers = count(&mut cells, "servers", &h.servers);
    let desktops = count(&mut cells, "desktops", &h.desktops);
    let laptops = count(&mut cells, "laptops", &h.laptops);
    let handler = text(&mut cells, "handler", &h.handler);
    let department = text(&mut cells, "department", &h.department);
    n::Header {
        unit,
        filler,
        phone,
        filled_on,
        people_total,
        people_using,
        servers,
        desktops,
        laptops,
        handler: Some(handler),
        department: Some(department),
        cells: cells.done(),
    }
    .canonical(kind)
}

/// A value typed into a licence column that the row's type leaves empty (an OEM row's
/// 采购金额, a free row's 软件版本): carried as what it reads as, so a faulty row stays
/// faulty through a conversion (ZB107, ZB108 on the result too) instead of being cleaned.
fn carry_stray(row: &mut n::SummaryRow, stray: &StrayValue, cells: &mut Cells) {
    use crate::ledger::values::{self as v, Parsed};
    let cell = Cell::Text(stray.raw.clone());
    fn value<T>(p: Parsed<T>) -> Option<T> {
        match p {
            Parsed::Value(x) => Some(x),
            _ => None,
        }
    }
    let text = || value(v::text(&cell));
    match stray.column {
        "version" => row.version = text(),
        "purchased_on" => {
            row.purchased_on = value(v::purchase_time(&cell)).map(|p| n::PurchaseTime {
                date: p.date,
                month_only: p.month_only,
            })
        }
        "amount" => row.amount = value(v::money(&cell)),
        "license_type" => row.license_type = text(),
        "license_count" => row.license_count = value(v::count(&cell)),
        "usable_versions" => row.usable_versions = value(v::version_list(&cell)),
        "term" => {
            let purchased = row.purchased_on.map(|p| p.date);
            row.term = value(v::term(&cell)).map(|t| term(&t, purchased));
        }
        "serial" => row.serial = text(),
        _ => return,
    }
    cells.note(stray.column, Some(&stray.cell));
}

fn location(meta: &TableMeta) -> (Option<String>, Option<String>) {
    (Some(meta.file.to_string()), Some(meta.sheet.to_string()))
}

fn approvals(list: &[Approval]) -> Option<Vec<n::Approval>> {
    Some(
        list.iter()
            .map(|a| n::Approval {
                role: Some(a.role.clone()),
                person: a.person.value().cloned(),
                date: date(&a.date),
            })
            .collect(),
    )
}

fn figures(list: &[Figure]) -> Vec<n::Figure> {
    list.iter()
        .map(|f| n::Figure {
            row: match f.row {
                stats::StatRow::Domestic => n::StatRow::Domestic,
                stats::StatRow::Foreign => n::StatRow::Foreign,
                stats::StatRow::Total => n::StatRow::Total,
            },
            column: match f.column {
                stats::StatColumn::Os => n::StatColumn::Os,
                stats::StatColumn::Office => n::StatColumn::Office,
                stats::StatColumn::Antivirus => n::StatColumn::Antivirus,
                stats::StatColumn::Total => n::StatColumn::Total,
            },
            measure: match f.measure {
                stats::Measure::Licenses => n::Measure::Licenses,
                stats::Measure::Amount => n::Measure::Amount,
            },
            value: f.value.value().copied(),
        })
        .collect()
}

/// The normalised data of one unit (cli.md "Normalised data").
pub fn unit_data(unit: &Unit, with_cells: bool) -> n::UnitData {
    let summary = unit.summary().map(|s| {
        let (file, sheet) = location(&s.meta);
        let rows = s
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                let id = c.get("id", &row.id);
                let name = c.get("name", &row.name);
                let version = row.version().and_then(|v| c.get("version", v));
                let kind = c.get("kind", &row.kind).map(kind);
                let mut out = n::SummaryRow {
                    id,
                    name,
                    version,
                    kind,
                    ..Default::default()
                };
                let strays = match &row.licence {
                    Licence::Oem { stray, .. } | Licence::Free { stray } => stray.as_slice(),
                    _ => &[],
                };
                for stray in strays {
                    carry_stray(&mut out, stray, &mut c);
                }
                if let Some(t) = row.terms() {
                    let purchased = t.purchased_on.value().map(|p| p.date);
                    out.purchased_on =
                        c.get("purchased_on", &t.purchased_on)
                            .map(|p| n::PurchaseTime {
                                date: p.date,
                                month_only: p.month_only,
                            });
                    out.amount = c.get("amount", &t.amount);
                    out.license_type = c.get("license_type", &t.license_type);
                    out.license_count = c.get("license_count", &t.license_count);
                    out.usable_versions = c.get("usable_versions", &t.usable_versions);
                    out.term = c.get("term", &t.term).map(|v| term(&v, purchased));
                    out.serial = c.get("serial", &t.serial);
                }
                out.installed = c.get("installed", &row.installed);
                out.cells = c.done();
                out
            })
            .collect();
        n::SummaryTable {
            file,
            sheet,
            header: header(&s.header, TableKind::Summary, with_cells),
            rows,
        }
    });
    let usage = unit.usage().map(|u| {
        let (file, sheet) = location(&u.meta);
        let rows = u
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::UsageRow {
                    department: c.get("department", &row.department),
                    user: c.get("user", &row.user),
                    computer: c.get("computer", &row.computer),
                    brand: c.get("brand", &row.brand),
                    id: c.get("id", &row.id),
                    name: c.get("name", &row.name),
                    version: c.get("version", &row.version),
                    term: c.get("term", &row.term).map(|t| term(&t, None)),
                    kind: c.choice("kind", &row.kind).map(kind),
                    installed_on: {
                        c.note("installed_on", row.installed_on.cell.as_ref());
                        date(&row.installed_on)
                    },
                    cells: c.done(),
                }
            })
            .collect();
        n::UsageTable {
            file,
            sheet,
            header: header(&u.header, TableKind::Usage, with_cells),
            rows,
        }
    });
    let maintenance = unit
        .maintenance
        .iter()
        .map(|m| {
            let (file, sheet) = location(&m.meta);
            let mut c = Cells::new(with_cells);
            let info = n::SoftwareInfo {
                id: c.get("id", &m.info.id),
                name: c.get("name", &m.info.name),
                version: c.get("version", &m.info.version),
                kind: c.choice("kind", &m.info.kind).map(kind),
                license_count: c.get("license_count", &m.info.license_count),
                usable_versions: c.get("usable_versions", &m.info.usable_versions),
                term: c.get("term", &m.info.term).map(|t| term(&t, None)),
                cells: c.done(),
            };
            let events = m
                .events
                .iter()
                .map(|e| {
                    let mut c = Cells::new(with_cells);
                    n::Event {
                        action: c.choice("action", &e.action).map(action),
                        computer: c.get("computer", &e.computer),
                        brand: c.get("brand", &e.brand),
                        user: c.get("user", &e.user),
                        department: c.get("department", &e.department),
                        version: c.get("version", &e.version),
                        date: {
                            c.note("date", e.date.cell.as_ref());
                            date(&e.date)
                        },
                        count: c.get("count", &e.count),
                        cells: c.done(),
                    }
                })
                .collect();
            n::MaintenanceTable {
                file,
                sheet,
                id: info.id.clone(),
                header: header(&m.header, TableKind::Maintenance, with_cells),
                info,
                events,
            }
        })
        .collect();
    let free_list = unit.free_list().map(|f| {
        let (file, sheet) = location(&f.meta);
        let rows = f
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::FreeListRow {
                    id: c.get("id", &row.id),
                    name: c.get("name", &row.name),
                    version: c.get("version", &row.version),
                    source: c.get("source", &row.source),
                    vendor: c.get("vendor", &row.vendor),
                    vendor_contact: c.get("vendor_contact", &row.vendor_contact),
                    departments: c.get("departments", &row.departments),
                    reason: c.get("reason", &row.reason),
                    cells: c.done(),
                }
            })
            .collect();
        n::FreeListTable {
            file,
            sheet,
            header: header(&f.header, TableKind::FreeList, with_cells),
            rows,
        }
    });
    let statistics = unit.statistics.first().map(|s| {
        let (file, sheet) = location(&s.meta);
        n::StatisticsTable {
            file,
            sheet,
            header: header(&s.header, TableKind::Statistics, with_cells),
            year: s.year,
            department: n::StatDepartment {
                name: s.department.value().cloned(),
                head: s.head_name.value().cloned(),
                phone: s.head_phone.value().cloned(),
                fax: s.fax.value().cloned(),
            },
            people: n::StatPeople {
                total: s.people_total.value().copied(),
                using: s.people_using.value().copied(),
            },
            computers: n::StatComputers {
                servers: s.servers.value().copied(),
                desktops: s.desktops.value().copied(),
                laptops: s.laptops.value().copied(),
                total: s.computers_total.value().copied(),
            },
            purchases: figures(&s.purchases),
            holdings: figures(&s.holdings),
        }
    });
    let purchase_plan = unit.purchase_plans.first().map(|p| {
        let (file, sheet) = location(&p.meta);
        let rows = p
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::PlanRow {
                    name: c.get("name", &row.name),
                    version: c.get("version", &row.version),
                    unit_price: c.get("unit_price", &row.unit_price),
                    count: c.get("count", &row.count),
                    total: c.get("total", &row.total),
                    note: c.get("note", &row.note),
                    cells: c.done(),
                }
            })
            .collect();
        n::PurchasePlanTable {
            file,
            sheet,
            header: header(&p.header, TableKind::PurchasePlan, with_cells),
            rows,
            grand_total: p.grand_total.as_ref().and_then(|f| f.value().copied()),
            approvals: approvals(&p.approvals),
        }
    });
    let demand = unit.demands.first().map(|d| {
        let (file, sheet) = location(&d.meta);
        let rows = d
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::DemandRow {
                    kind: c.get("kind", &row.kind),
                    purpose: c.get("purpose", &row.purpose),
                    requirement: c.get("requirement", &row.requirement),
                    count: c.get("count", &row.count),
                    cells: c.done(),
                }
            })
            .collect();
        n::DemandTable {
            file,
            sheet,
            header: header(&d.header, TableKind::Demand, with_cells),
            rows,
            approvals: approvals(&d.approvals),
        }
    });
    let leading_group = unit.leading_groups.first().map(|g| {
        let (file, sheet) = location(&g.meta);
        let rows = g
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::Member {
                    role: c.get("role", &row.role),
                    name: c.get("name", &row.name),
                    department: c.get("department", &row.department),
                    title: c.get("title", &row.title),
                    phone: c.get("phone", &row.phone),
                    fax: c.get("fax", &row.fax),
                    cells: c.done(),
                }
            })
            .collect();
        n::LeadingGroupTable {
            file,
            sheet,
            header: header(&g.header, TableKind::LeadingGroup, with_cells),
            rows,
        }
    });
    let classification = unit.classifications.first().map(|t| {
        let (file, sheet) = location(&t.meta);
        let rows = t
            .rows
            .iter()
            .map(|row| {
                let mut c = Cells::new(with_cells);
                n::ClassificationRow {
                    id: c.get("id", &row.id),
                    name: c.get("name", &row.name),
                    category: c.get("category", &row.category).map(|k| match k {
                        stats::Category::Os => n::Category::Os,
                        stats::Category::Office => n::Category::Office,
                        stats::Category::Antivirus => n::Category::Antivirus,
                        stats::Category::Other => n::Category::Other,
                    }),
                    origin: c.get("origin", &row.origin).map(|o| match o {
                        stats::Origin::Domestic => n::Origin::Domestic,
                        stats::Origin::Foreign => n::Origin::Foreign,
                    }),
                    cells: c.done(),
                }
            })
            .collect();
        n::ClassificationTable { file, sheet, rows }
    });
    n::UnitData {
        unit: unit.name.clone(),
        files: unit.files.iter().map(|f| f.to_string()).collect(),
        summary,
        usage,
        maintenance,
        free_list,
        statistics,
        purchase_plan,
        demand,
        leading_group,
        classification,
    }
}

/// The normalised model of one unit as a JSON value.
pub fn unit_json(unit: &Unit, with_cells: bool) -> Value {
    serde_json::to_value(unit_data(unit, with_cells)).expect("normalised data serialises")
}
