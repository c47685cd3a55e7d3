//! Ledger 2, 软件使用情况明细表: one row per (person, computer, installed software).

use std::sync::Arc;

use chrono::NaiveDate;

use crate::base::CellRef;
use crate::schema::{TableKind, STANDARD_HEADER, USAGE_COLUMNS};
use crate::workbook::locate::Located;
use crate::workbook::Sheet;

use super::computer_context::ComputerContext;
use super::parts::Part;
use super::table::{list_frame, Choice, HeaderBlock, Implied, InvalidValue, Reader, TableMeta};
use super::values::{self, Field, LicenseTerm, Parsed, SoftwareKind};

/// The usage ledger.
#[derive(Debug, Clone, PartialEq)]
pub struct Usage {
    /// Where it was found.
    pub meta: TableMeta,
    /// 单位名称, 填表人 ….
    pub header: HeaderBlock,
    /// The rows, of every part, in sheet order.
    pub rows: Vec<UsageRow>,
    /// The other sheets the ledger continues on (one per department, one per building).
    pub parts: Vec<Part>,
}

/// One installed software on one computer.
#[derive(Debug, Clone, PartialEq)]
pub struct UsageRow {
    /// The first cell of the row.
    pub at: CellRef,
    /// 序号.
    pub seq: Field<String>,
    /// 部门.
    pub department: Field<String>,
    /// 姓名.
    pub user: Field<String>,
    /// 计算机编号.
    pub computer: Field<String>,
    /// 计算机品牌.
    pub brand: Field<String>,
    /// 软件编号.
    pub id: Field<String>,
    /// 软件名称.
    pub name: Field<String>,
    /// 软件版本.
    pub version: Field<String>,
    /// 许可期限.
    pub term: Field<LicenseTerm>,
    /// 软件类型 (three checkboxes).
    pub kind: Choice<SoftwareKind>,
    /// 安装日期.
    pub installed_on: Field<NaiveDate>,
}

impl Usage {
    /// The header block over a row: its part's, on a ledger kept one sheet per department
    /// (each with its own 填表日期), else the ledger's.
    pub fn header_of(&self, row: &UsageRow) -> &HeaderBlock {
        self.parts
            .iter()
            .find(|p| p.meta.contains(&row.at.file, &row.at.sheet, row.at.row))
            .map_or(&self.header, |p| &p.header)
    }
}

impl UsageRow {
    /// 软件编号, when filled.
    pub fn id(&self) -> Option<&str> {
        self.id.value().map(String::as_str)
    }
    /// 计算机编号, when filled.
    pub fn computer(&self) -> Option<&str> {
        self.computer.value().map(String::as_str)
    }
}

/// Parse a located usage table.
pub fn parse(
    sheet: &Sheet,
    file: &Arc<str>,
    loc: &Located,
    invalid: &mut Vec<InvalidValue>,
) -> Usage {
    let mut frame = list_frame(sheet, file, loc, USAGE_COLUMNS);
    let has_kind = ["kind", "kind_commercial", "kind_oem", "kind_free"]
        .iter()
        .any(|k| frame.meta.columns.iter().any(|c| c.key == *k));
    if frame.header.is_some() && !has_kind {
        frame.meta.missing_columns.push("软件类型");
    }
    let header = HeaderBlock::read(
        sheet,
        file,
        frame.header_block_rows().chain(frame.footer_rows()),
        STANDARD_HEADER,
        TableKind::Usage,
        invalid,
    );
    // A ledger kept one sheet per department names the department once, in its title
    // ("软件使用情况明细表（办公室）"), not in a column.
    // Or in its head ("所属科室 | 站办公室"), or only in the sheet's name ("明细（站办公室）",
    // "教务处") when the ledger is kept across sheets.
    let department = (frame.header.is_some() && frame.meta.column("department").is_none())
        .then(|| {
            department_of(&frame.meta)
                .or_else(|| {
                    let f = header.department.as_ref()?;
                    let name = f.raw.trim();
                    let cell = f.cell.clone()?;
                    (!name.is_empty()).then(|| (name.to_string(), cell))
                })
                .or_else(|| {
                    let name = department_in_sheet_name(&sheet.name)?;
                    Some((
                        name,
                        CellRef::new(file, &sheet.name, frame.meta.first_row, 0),
                    ))
                })
        })
        .flatten();
    if let Some((name, cell)) = &department {
        frame.meta.missing_columns.retain(|c| *c != "部门");
        frame.meta.implied.push(Implied {
            key: "department",
            header: "部门",
            value: name.clone(),
            cell: cell.clone(),
            per_group: false,
        });
    }
    let context = ComputerContext::read(sheet, file, &mut frame);
    let mut rd = Reader::new(
        sheet,
        file,
        TableKind::Usage,
        frame.header.as_ref(),
        USAGE_COLUMNS,
        invalid,
    );
    let rows = frame
        .rows
        .rows
        .iter()
        .map(|&r| UsageRow {
            at: rd.at(r, "seq"),
            seq: rd.text(r, "seq"),
            department: match &department {
                Some((name, cell)) => Field {
                    parsed: Parsed::Value(name.clone()),
                    raw: name.clone(),
                    cell: Some(cell.clone()),
                },
                None => context
                    .field(r, "department", values::text)
                    .unwrap_or_else(|| rd.text(r, "department")),
            },
            user: context
                .field(r, "user", values::text)
                .unwrap_or_else(|| rd.text(r, "user")),
            computer: context
                .field(r, "computer", values::code)
                .unwrap_or_else(|| rd.code(r, "computer")),
            brand: context
                .field(r, "brand", values::text)
                .unwrap_or_else(|| rd.text(r, "brand")),
            id: rd.code(r, "id"),
            name: rd.name(r, "name"),
            version: rd.text(r, "version"),
            term: rd.term(r, "term"),
            kind: rd.kind_choice(r),
            installed_on: rd.date(r, "installed_on"),
        })
        .collect();
    Usage {
        meta: frame.meta,
        header,
        rows,
        parts: Vec::new(),
    }
}

/// The department a per-department sheet names in its title's last brackets
/// ("软件使用情况明细表（办公室）" → 办公室), with the title's cell.
fn department_of(meta: &TableMeta) -> Option<(String, CellRef)> {
    let title = meta.title.as_ref()?;
    let name = bracketed(&meta.title_text)?;
    plausible_department(&name).then(|| (name, title.clone()))
}

/// A department named by a sheet of a ledger kept one sheet per department: the sheet's
/// name in brackets ("明细（站办公室）") or the whole name when it is no table's ("教务处",
/// not "明细表" or "Sheet2").
fn department_in_sheet_name(name: &str) -> Option<String> {
    let name = bracketed(name).unwrap_or_else(|| name.trim().to_string());
    let tableish = [
        "表", "台账", "明细", "登记", "软件", "使用", "清单", "汇总", "记录", "统计", "sheet",
        "Sheet", "SHEET", "工作",
    ];
    (plausible_department(&name) && !tableish.iter().any(|w| name.contains(w))).then_some(name)
}

/// The text in the last brackets a text ends with ("…明细表（办公室）" → 办公室).
fn bracketed(text: &str) -> Option<String> {
    let t = text.trim().replace('（', "(").replace('）', ")");
    let inner = t.strip_suffix(')')?;
    Some(inner[inner.rfind('(')? + 1..].trim().to_string())
}

/// Whether a name can be a department's: a year or an annex number is none.
fn plausible_department(name: &str) -> bool {
    (2..=12).contains(&name.chars().count())
        && !name.chars().any(|c| c.is_ascii_digit())
        && !name.contains("年度")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::workbook::locate::locate;

    fn read(rows: &[Vec<&str>]) -> Usage {
        read_named("装机登记", rows)
    }

    fn who(u: &Usage) -> Vec<(String, String, String)> {
        u.rows
            .iter()
            .map(|r| {
                (
                    r.computer.raw.clone(),
                    r.user.raw.clone(),
                    r.computer.cell.as_ref().map(|c| c.a1()).unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn a_caption_row_names_the_computer_of_the_rows_below_it() {
        let u = read(&[
            vec!["计算机软件装机登记表"],
            vec!["序号", "软件编号", "软件名称", "软件类型", "启用日期"],
            vec!["终端：LZ-01　　品牌：联想　　使用人：赵刚　　所属：大队部"],
            vec!["1", "L01", "Windows 10", "出厂预装", "2021-07-06"],
            vec!["2", "L04", "WPS", "付费购置", "2022-03-04"],
            vec!["终端：LZ-02　　品牌：长城　　使用人：钱芳　　所属：一中队"],
            vec!["1", "L01", "Windows 10", "出厂预装", "2021-07-06"],
        ]);
        assert!(
            u.meta.missing_columns.is_empty(),
            "{:?}",
            u.meta.missing_columns
        );
        let want = |c: &str, p: &str, a: &str| (c.to_string(), p.to_string(), a.to_string());
        assert_eq!(
            who(&u),
            vec![
                want("LZ-01", "赵刚", "A3"),
                want("LZ-01", "赵刚", "A3"),
                want("LZ-02", "钱芳", "A6"),
            ]
        );
        assert_eq!(u.rows[2].department.raw, "一中队");
        assert!(u.meta.implied.iter().all(|i| i.per_group));
    }

    #[test]
    fn a_card_head_names_the_computer_of_every_row() {
        let u = read(&[
            vec!["计算机软件安装登记卡"],
            vec![
                "单位名称",
                "某院",
                "",
                "登记人",
                "范伟",
                "登记日期",
                "2026-11-18",
            ],
            vec![
                "终端编号",
                "DT-01",
                "计算机品牌",
                "联想",
                "使用人",
                "许志刚",
                "所在部门",
                "办公室",
            ],
            vec![
                "序号",
                "软件编号",
                "软件名称",
                "软件版本",
                "软件类型",
                "安装日期",
            ],
            vec!["1", "J01", "Windows 10", "专业版", "OEM软件", "2021-05-11"],
            vec!["2", "J05", "WPS", "专业版", "商业软件", "2023-06-15"],
        ]);
        assert!(
            u.meta.missing_columns.is_empty(),
            "{:?}",
            u.meta.missing_columns
        );
        let want = |c: &str, p: &str, a: &str| (c.to_string(), p.to_string(), a.to_string());
        assert_eq!(
            who(&u),
            vec![want("DT-01", "许志刚", "B3"), want("DT-01", "许志刚", "B3")]
        );
        assert_eq!(u.rows[0].brand.raw, "联想");
        assert!(u.meta.implied.iter().all(|i| !i.per_group));
    }

    #[test]
    fn a_department_label_over_rows_is_no_caption() {
        let u = read(&[
            vec!["软件使用情况明细表"],
            vec![
                "序号",
                "部门",
                "姓名",
                "计算机编号",
                "软件编号",
                "软件名称",
                "软件类型",
                "安装日期",
            ],
            vec!["所属：办公室"],
            vec![
                "1",
                "办公室",
                "张三",
                "PC-1",
                "L01",
                "Windows 10",
                "OEM软件",
                "2021-07-06",
            ],
        ]);
        assert_eq!(u.rows[0].computer.raw, "PC-1");
        assert!(u.meta.implied.is_empty());
    }

    fn read_named(name: &str, rows: &[Vec<&str>]) -> Usage {
        let sheet = crate::workbook::text_sheet(name, rows);
        let file: Arc<str> = Arc::from("t.xlsx");
        let loc = locate(&sheet, 0)
            .into_iter()
            .find(|l| l.kind == TableKind::Usage)
            .expect("a usage table");
        parse(&sheet, &file, &loc, &mut Vec::new())
    }

    #[test]
    fn a_sheet_per_department_names_it_in_its_name_or_its_head() {
        let table = |head: Vec<&'static str>| {
            vec![
                vec!["软件使用情况明细表"],
                head,
                vec![
                    "序号",
                    "使用人",
                    "计算机编号",
                    "计算机品牌",
                    "软件编号",
                    "软件名称",
                    "软件类型",
                    "安装日期",
                ],
                vec![
                    "1",
                    "张三",
                    "PC-01",
                    "联想",
                    "RJ01",
                    "WPS",
                    "商业软件",
                    "2024-01-02",
                ],
            ]
        };
        let by_name = read_named("教务处", &table(vec!["填表人", "李四"]));
        assert_eq!(by_name.rows[0].department.raw, "教务处");
        assert!(by_name.meta.missing_columns.is_empty());
        let by_head = read_named("明细", &table(vec!["所属科室", "站办公室"]));
        assert_eq!(by_head.rows[0].department.raw, "站办公室");
        assert_eq!(
            department_in_sheet_name("明细（站办公室）").as_deref(),
            Some("站办公室")
        );
        for table_name in ["明细表", "Sheet2", "使用登记"] {
            assert_eq!(department_in_sheet_name(table_name), None, "{table_name}");
        }
    }
}
