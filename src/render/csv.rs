//! The list tables of one unit as CSV files for Excel and WPS (`convert --to csv`): one file
//! per table, UTF-8 with a BOM, headers as the templates print them, values as a clerk
//! reads them. Built from the typed normalised rows with the csv crate; text that a
//! spreadsheet would run as a formula is neutralised by the gate (base/gate.rs).

use crate::base::gate;
use crate::normalised::{self as n, UnitData};

/// One CSV file: its name and its bytes (with the BOM).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvFile {
    /// File name, e.g. `软件使用情况汇总表.csv`.
    pub name: String,
    /// UTF-8 bytes, starting with a byte-order mark so Excel reads the Chinese text.
    pub bytes: Vec<u8>,
}

/// A CSV cell before neutralising.
#[derive(Clone)]
enum V {
    Text(String),
    Number(f64),
    Blank,
}

impl V {
    fn text(s: &Option<String>) -> V {
        s.as_ref().map_or(V::Blank, |s| V::Text(s.clone()))
    }
    fn str(s: &str) -> V {
        V::Text(s.to_string())
    }
    fn count(v: Option<i64>) -> V {
        v.map_or(V::Blank, |v| V::Number(v as f64))
    }
    fn money(v: Option<f64>) -> V {
        v.map_or(V::Blank, V::Number)
    }
    fn date(d: Option<n::Date>) -> V {
        d.map_or(V::Blank, |d| V::Text(d.0.format("%Y-%m-%d").to_string()))
    }
    fn list(v: &Option<Vec<String>>) -> V {
        v.as_ref().map_or(V::Blank, |v| V::Text(v.join("、")))
    }
    fn term(t: &Option<n::Term>) -> V {
        t.as_ref().map_or(V::Blank, |t| V::Text(t.clerk_text()))
    }

    fn render(&self) -> String {
        match self {
            V::Blank => String::new(),
            V::Number(v) if v.fract() == 0.0 && v.abs() < 1e15 => format!("{}", *v as i64),
            V::Number(v) => format!("{v}"),
            V::Text(s) => gate::csv_field(s).into_owned(),
        }
    }
}

fn file(name: &str, header: &[&str], rows: Vec<Vec<V>>) -> CsvFile {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::from("\u{FEFF}".as_bytes()));
    // Writing into memory cannot fail.
    w.write_record(header).expect("CSV into memory");
    for row in rows {
        w.write_record(row.iter().map(V::render))
            .expect("CSV into memory");
    }
    CsvFile {
        name: format!("{name}.csv"),
        bytes: w.into_inner().expect("CSV into memory"),
    }
}

fn kind(k: Option<n::Kind>) -> V {
    k.map_or(V::Blank, |k| V::str(k.label()))
}

/// One CSV file per table the unit has, in the order of the national guide's ledgers:
/// 汇总表, 明细表, 安装维护情况明细表 (all software numbers in one file), 免费软件清单,
/// 采购计划表, 需求申请表, 领导小组, 软件分类, then the 信息统计表 as one figure a row
/// (see [`statistics_csv`]).
pub fn unit_csv(unit: &UnitData) -> Vec<CsvFile> {
    let mut out = Vec::new();
    if let Some(s) = &unit.summary {
        let rows = s
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.id),
                    V::text(&r.name),
                    V::text(&r.version),
                    kind(r.kind),
                    r.purchased_on.map_or(V::Blank, |p| V::Text(p.iso())),
                    V::money(r.amount),
                    V::text(&r.license_type),
                    V::count(r.license_count),
                    V::list(&r.usable_versions),
                    V::term(&r.term),
                    V::text(&r.serial),
                    V::count(r.installed),
                ]
            })
            .collect();
        out.push(file(
            "软件使用情况汇总表",
            &[
                "软件编号",
                "软件名称",
                "软件版本",
                "软件类型",
                "采购时间",
                "采购金额（元）",
                "许可类型",
                "许可数量",
                "可使用版本",
                "许可期限",
                "序列号",
                "安装数量",
            ],
            rows,
        ));
    }
    if let Some(u) = &unit.usage {
        let rows = u
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.department),
                    V::text(&r.user),
                    V::text(&r.computer),
                    V::text(&r.brand),
                    V::text(&r.id),
                    V::text(&r.name),
                    V::text(&r.version),
                    V::term(&r.term),
                    kind(r.kind),
                    V::date(r.installed_on),
                ]
            })
            .collect();
        out.push(file(
            "软件使用情况明细表",
            &[
                "部门",
                "姓名",
                "计算机编号",
                "计算机品牌",
                "软件编号",
                "软件名称",
                "软件版本",
                "许可期限",
                "软件类型",
                "安装日期",
            ],
            rows,
        ));
    }
    if !unit.maintenance.is_empty() {
        let rows = unit
            .maintenance
            .iter()
            .flat_map(|m| {
                let id = m.software_id().map(str::to_string);
                m.events.iter().map(move |e| {
                    vec![
                        V::text(&id),
                        e.action.map_or(V::Blank, |a| V::str(a.label())),
                        V::text(&e.computer),
                        V::text(&e.brand),
                        V::text(&e.user),
                        V::text(&e.department),
                        V::text(&e.version),
                        V::date(e.date),
                        V::count(e.count),
                    ]
                })
            })
            .collect();
        out.push(file(
            "软件安装维护情况明细表",
            &[
                "软件编号",
                "安装/卸载",
                "计算机编号",
                "计算机品牌",
                "使用人",
                "使用部门",
                "安装/卸载版本",
                "安装/卸载日期",
                "安装数量",
            ],
            rows,
        ));
    }
    if let Some(f) = &unit.free_list {
        let rows = f
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.id),
                    V::text(&r.name),
                    V::text(&r.version),
                    V::text(&r.source),
                    V::text(&r.vendor),
                    V::text(&r.vendor_contact),
                    V::text(&r.departments),
                    V::text(&r.reason),
                ]
            })
            .collect();
        out.push(file(
            "可使用免费软件清单",
            &[
                "软件编号",
                "软件名称",
                "软件版本",
                "软件来源",
                "软件厂商名称",
                "软件厂商客服联系方式",
                "使用部门",
                "使用原因",
            ],
            rows,
        ));
    }
    if let Some(p) = &unit.purchase_plan {
        let rows = p
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.name),
                    V::text(&r.version),
                    V::money(r.unit_price),
                    V::count(r.count),
                    V::money(r.total),
                    V::text(&r.note),
                ]
            })
            .collect();
        out.push(file(
            "软件采购计划表",
            &[
                "软件名称",
                "软件版本",
                "单价（元）",
                "许可数（个）",
                "合计（元）",
                "备注",
            ],
            rows,
        ));
    }
    if let Some(d) = &unit.demand {
        let rows = d
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.kind),
                    V::text(&r.purpose),
                    V::text(&r.requirement),
                    V::count(r.count),
                ]
            })
            .collect();
        out.push(file(
            "软件使用需求申请表",
            &["软件类型", "软件用途", "功能需求", "申请许可数（个）"],
            rows,
        ));
    }
    if let Some(g) = &unit.leading_group {
        let rows = g
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.role),
                    V::text(&r.name),
                    V::text(&r.department),
                    V::text(&r.title),
                    V::text(&r.phone),
                    V::text(&r.fax),
                ]
            })
            .collect();
        out.push(file(
            "软件正版化工作领导小组成员信息表",
            &["分工", "姓名", "部门", "职务", "联系电话", "传真"],
            rows,
        ));
    }
    if let Some(c) = &unit.classification {
        let rows = c
            .rows
            .iter()
            .map(|r| {
                vec![
                    V::text(&r.id),
                    V::text(&r.name),
                    r.category.map_or(V::Blank, |k| V::str(k.label())),
                    r.origin.map_or(V::Blank, |o| V::str(o.label())),
                ]
            })
            .collect();
        out.push(file(
            "软件分类",
            &["软件编号", "软件名称", "类别", "国内/国外"],
            rows,
        ));
    }
    if let Some(t) = &unit.statistics {
        out.push(statistics_csv(t));
    }
    out
}

/// The 信息统计表 is a form, not a list: as CSV, one figure a row — section, item, and for
/// sections 四 and 五 the 软件属性 row, the software column and the measure — so that it
/// filters and pivots in Excel, and units' files stack into one table.
fn statistics_csv(t: &n::StatisticsTable) -> CsvFile {
    let year = t.year.map_or(V::Blank, |y| V::Number(f64::from(y)));
    let mut rows: Vec<Vec<V>> = Vec::new();
    let mut item = |section: &str, name: &str, value: V| {
        rows.push(vec![
            year.clone(),
            V::str(section),
            V::str(name),
            V::Blank,
            V::Blank,
            value,
        ]);
    };
    const ONE: &str = "一、负责软件正版化工作部门情况";
    item(ONE, "部门名称", V::text(&t.department.name));
    item(ONE, "部门负责人姓名", V::text(&t.department.head));
    item(ONE, "部门负责人电话", V::text(&t.department.phone));
    item(ONE, "部门传真", V::text(&t.department.fax));
    const TWO: &str = "二、人员情况";
    item(TWO, "总人数", V::count(t.people.total));
    item(TWO, "使用计算机人数", V::count(t.people.using));
    const THREE: &str = "三、计算机情况";
    item(THREE, "服务器数", V::count(t.computers.servers));
    item(THREE, "台式机数", V::count(t.computers.desktops));
    item(THREE, "便携机数", V::count(t.computers.laptops));
    item(THREE, "合计", V::count(t.computers.total));
    for (section, figures) in [
        ("四、本年度软件采购情况", &t.purchases),
        ("五、累计拥有软件许可情况", &t.holdings),
    ] {
        for f in figures {
            rows.push(vec![
                year.clone(),
                V::str(section),
                V::str(f.row.label()),
                V::str(f.column.label()),
                V::str(f.measure.label()),
                V::money(f.value),
            ]);
        }
    }
    file(
        "软件正版化工作信息统计表",
        &["统计年度", "部分", "项目", "软件类别", "指标", "数值"],
        rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_leading_text_is_neutralised() {
        for (typed, written) in [
            ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"),
            ("+1+1", "'+1+1"),
            ("@SUM(1)", "'@SUM(1)"),
            (
                "=HYPERLINK(\"http://x\",\"点我\")",
                "'=HYPERLINK(\"http://x\",\"点我\")",
            ),
            ("\t=1", "'\t=1"),
            ("\r=1", "'\r=1"),
            ("-1+2", "'-1+2"),
            ("-", "'-"),
            ("-5", "-5"),
            ("-1.5", "-1.5"),
            ("+3", "+3"),
            ("RJ001", "RJ001"),
            ("", ""),
        ] {
            assert_eq!(gate::csv_field(typed), written, "{typed:?}");
        }
    }

    #[test]
    fn csv_cells_keep_their_neutralised_text_through_a_csv_reader() {
        let unit = UnitData {
            free_list: Some(n::FreeListTable {
                rows: vec![n::FreeListRow {
                    id: Some("=cmd|' /C calc'!A0".into()),
                    name: Some("\t=1".into()),
                    version: Some("-5".into()),
                    source: Some("\r=1".into()),
                    vendor: Some("a,\"b\"\nc".into()),
                    ..Default::default()
                }],
                ..Default::default()
            }),
            ..Default::default()
        };
        let files = unit_csv(&unit);
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].name, "可使用免费软件清单.csv");
        let bytes = &files[0].bytes;
        assert!(bytes.starts_with("\u{FEFF}".as_bytes()));
        let mut rd = csv::Reader::from_reader(&bytes[3..]);
        let row = rd.records().next().unwrap().unwrap();
        assert_eq!(&row[0], "'=cmd|' /C calc'!A0");
        assert_eq!(&row[1], "'\t=1");
        assert_eq!(&row[2], "-5");
        assert_eq!(&row[3], "'\r=1");
        assert_eq!(&row[4], "a,\"b\"\nc");
    }
}
