//! Test fixtures: small workbooks in the national layout, built in code so that each rule
//! test is "the clean unit plus one planted fault".
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use zhengban::batch::{check_source, CheckOptions, UnitReport};
use zhengban::classify::Catalogue;
use zhengban::config::Config;
use zhengban::ledger::UnitSource;

/// A cell value.
#[derive(Debug, Clone, PartialEq)]
pub enum Val {
    /// Nothing.
    Empty,
    /// Text.
    S(String),
    /// A number.
    N(f64),
    /// A date cell (formatted yyyy-mm-dd).
    D(i32, u32, u32),
}

impl From<&str> for Val {
    fn from(s: &str) -> Self {
        if s.is_empty() {
            Val::Empty
        } else {
            Val::S(s.to_string())
        }
    }
}
impl From<f64> for Val {
    fn from(n: f64) -> Self {
        Val::N(n)
    }
}
impl From<i32> for Val {
    fn from(n: i32) -> Self {
        Val::N(n as f64)
    }
}

/// One sheet: rows of cells and merged ranges ("A1:M1").
#[derive(Debug, Clone)]
pub struct SheetData {
    pub name: String,
    pub rows: Vec<Vec<Val>>,
    pub merges: Vec<String>,
}

/// A workbook to write.
#[derive(Debug, Clone)]
pub struct Book {
    pub sheets: Vec<SheetData>,
}

fn a1_to_rc(a1: &str) -> (usize, usize) {
    let letters: String = a1.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits: String = a1.chars().skip_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters
        .to_ascii_uppercase()
        .bytes()
        .fold(0usize, |acc, b| acc * 26 + (b - b'A' + 1) as usize)
        - 1;
    (digits.parse::<usize>().expect("row number") - 1, col)
}

fn row(cells: &[&str]) -> Vec<Val> {
    cells.iter().map(|s| Val::from(*s)).collect()
}

/// Parse a fixture cell: `#123` is a number, `@2024-01-02` a date cell, else text.
fn cell(s: &str) -> Val {
    if let Some(n) = s.strip_prefix('#') {
        Val::N(n.parse().expect("number"))
    } else if let Some(d) = s.strip_prefix('@') {
        let d = NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("date");
        use chrono::Datelike;
        Val::D(d.year(), d.month(), d.day())
    } else {
        Val::from(s)
    }
}

fn rows(lines: &[&[&str]]) -> Vec<Vec<Val>> {
    lines
        .iter()
        .map(|l| l.iter().map(|s| cell(s)).collect())
        .collect()
}

pub const SUMMARY: &str = "汇总表";
pub const USAGE: &str = "明细表";
pub const FREE: &str = "免费软件清单";
pub const GROUP: &str = "领导小组";
pub const DEMAND: &str = "需求申请表";
pub const PLAN: &str = "采购计划表";
pub const REQUEST: &str = "安装维护申请表";
pub const CONFIRM: &str = "安装维护确认单";

impl Book {
    /// An empty workbook.
    pub fn empty() -> Book {
        Book { sheets: Vec::new() }
    }

    /// Add a sheet from fixture rows (`#n` numbers, `@date` dates, else text).
    pub fn sheet(&mut self, name: &str, lines: &[&[&str]]) -> &mut Self {
        self.sheets.push(SheetData {
            name: name.into(),
            rows: rows(lines),
            merges: Vec::new(),
        });
        self
    }

    /// The clean unit: 测试县审计局, 3 computers, 4 software numbers, every ledger consistent.
    ///
    /// 汇总表 rows: RJ001 Windows 10 OEM (row 6), RJ002 WPS commercial (row 7), RJ003 奇安信
    /// commercial (row 8), RJ004 7-Zip free (row 9). Columns A–M as published.
    /// 明细表 data from row 5: A序号 B部门 C姓名 D计算机编号 E品牌 F软件编号 G软件名称 H版本
    /// I许可期限 J商业 K OEM L免费 M安装日期.
    /// Maintenance sheets RJ001–RJ004: part 一 values in row 5 (A编号 B名称 C版本 D/E/F类型
    /// G许可数量 H可使用版本 I许可期限), part 二 data from row 8 (A序号 B安装 C卸载 D计算机编号
    /// E品牌 F使用人 G部门 H版本 I日期 J数量).
    pub fn clean() -> Book {
        let mut b = Book::empty();
        b.sheet(SUMMARY, &[
            &["软件使用情况汇总表"],
            &["单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日"],
            &["人员情况", "总人数", "#5", "使用计算机人数", "#3"],
            &["计算机情况", "服务器数", "#0", "台式机数", "#3", "便携机数", "#0"],
            &["序号", "软件编号", "软件名称", "软件版本", "软件类型", "采购时间", "采购金额\n(单位:元)", "许可类型", "许可数量", "可使用版本", "许可期限", "序列号", "安装数量"],
            &["#1", "RJ001", "Windows 10", "专业版", "OEM软件", "—", "—", "—", "—", "—", "—", "—", "#3"],
            &["#2", "RJ002", "WPS Office 2019", "专业版", "商业软件", "@2023-03-15", "#1500", "批量许可", "#5", "专业版", "永久", "WPS-2019-8842-1173", "#3"],
            &["#3", "RJ003", "奇安信天擎终端安全管理系统", "V10 标准版", "商业软件", "@2024-01-10", "#900", "批量许可", "#5", "V10 标准版", "2024.1.10-2027.12.31", "QAX-V10-55120", "#3"],
            &["#4", "RJ004", "7-Zip", "", "免费软件", "—", "—", "—", "—", "—", "—", "—", "#2"],
        ]);
        let computers = [
            ("办公室", "张伟", "SJ-PC-001", "联想"),
            ("审计一科", "李娜", "SJ-PC-002", "华为"),
            ("审计二科", "刘洋", "SJ-PC-003", "联想"),
        ];
        let software: [(&str, &str, &str, &str, usize); 4] = [
            ("RJ001", "Windows 10", "专业版", "", 1),
            ("RJ002", "WPS Office 2019", "专业版", "永久", 0),
            (
                "RJ003",
                "奇安信天擎终端安全管理系统",
                "V10 标准版",
                "2024.1.10-2027.12.31",
                0,
            ),
            ("RJ004", "7-Zip", "", "", 2),
        ];
        let dates = ["2024-03-01", "2024-03-02", "2024-03-05"];
        let mut usage: Vec<Vec<String>> = vec![
            vec!["软件使用情况明细表".into()],
            vec!["单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日".into()],
            ["序号", "部门", "姓名", "计算机编号", "计算机品牌", "软件编号", "软件名称", "软件版本", "许可期限", "软件类型", "", "", "安装日期"].iter().map(|s| s.to_string()).collect(),
            ["", "", "", "", "", "", "", "", "", "商业软件", "OEM软件", "免费软件", ""].iter().map(|s| s.to_string()).collect(),
        ];
        let mut seq = 0;
        for (ci, (dept, user, pc, brand)) in computers.iter().enumerate() {
            for (si, (id, name, version, term, kind)) in software.iter().enumerate() {
                if si == 3 && ci == 2 {
                    continue; // 7-Zip only on two computers
                }
                seq += 1;
                let mut boxes = ["□", "□", "□"];
                boxes[*kind] = "☑";
                usage.push(vec![
                    format!("#{seq}"),
                    dept.to_string(),
                    user.to_string(),
                    pc.to_string(),
                    brand.to_string(),
                    id.to_string(),
                    name.to_string(),
                    version.to_string(),
                    term.to_string(),
                    boxes[0].into(),
                    boxes[1].into(),
                    boxes[2].into(),
                    format!("@{}", dates[ci]),
                ]);
            }
        }
        let usage_refs: Vec<Vec<&str>> = usage
            .iter()
            .map(|r| r.iter().map(String::as_str).collect())
            .collect();
        let usage_slices: Vec<&[&str]> = usage_refs.iter().map(|r| r.as_slice()).collect();
        b.sheet(USAGE, &usage_slices);
        b.sheets.last_mut().unwrap().merges.push("J3:L3".into());
        for (si, (id, name, version, term, kind)) in software.iter().enumerate() {
            let mut boxes = ["□", "□", "□"];
            boxes[*kind] = "☑";
            let licenses = match si {
                1 | 2 => "#5",
                _ => "—",
            };
            let usable = if si == 1 || si == 2 { *version } else { "—" };
            let term_cell = if term.is_empty() { "—" } else { term };
            let mut lines: Vec<Vec<String>> = vec![
                vec!["软件安装维护情况明细表".into()],
                vec![
                    "单位名称：测试县审计局".into(),
                    "".into(),
                    "".into(),
                    "填表人：王芳".into(),
                    "".into(),
                    "".into(),
                    "联系电话：023-70611234".into(),
                ],
                vec!["一、软件基本信息".into()],
                [
                    "软件编号",
                    "软件名称",
                    "软件版本",
                    "软件类型",
                    "",
                    "",
                    "许可数量",
                    "可使用版本",
                    "许可期限",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
                [
                    *id, *name, *version, boxes[0], boxes[1], boxes[2], licenses, usable, term_cell,
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
                vec!["二、软件安装卸载明细".into()],
                [
                    "序号",
                    "安装",
                    "卸载",
                    "计算机编号",
                    "计算机品牌",
                    "使用人",
                    "使用部门",
                    "安装/卸载版本",
                    "安装/卸载日期",
                    "安装数量",
                ]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            ];
            // Part 一's 软件类型 sub-header goes in the row under its header.
            lines.insert(
                4,
                ["", "", "", "商业软件", "OEM软件", "免费软件", "", "", ""]
                    .iter()
                    .map(|s| s.to_string())
                    .collect(),
            );
            let mut seq = 0;
            for (ci, (dept, user, pc, brand)) in computers.iter().enumerate() {
                if si == 3 && ci == 2 {
                    continue;
                }
                seq += 1;
                lines.push(vec![
                    format!("#{seq}"),
                    "☑".into(),
                    "□".into(),
                    pc.to_string(),
                    brand.to_string(),
                    user.to_string(),
                    dept.to_string(),
                    version.to_string(),
                    format!("@{}", dates[ci]),
                    "#1".into(),
                ]);
            }
            let refs: Vec<Vec<&str>> = lines
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            let slices: Vec<&[&str]> = refs.iter().map(|r| r.as_slice()).collect();
            b.sheet(id, &slices);
            b.sheets.last_mut().unwrap().merges.push("D4:F4".into());
        }
        b.sheet(FREE, &[
            &["可使用免费软件清单"],
            &["单位名称（盖章）：测试县审计局    填表人：王芳    联系电话：023-70611234    填表日期：2026年11月20日"],
            &["序号", "软件编号", "软件名称", "软件版本", "软件来源", "软件厂商名称", "软件厂商\n客服联系方式", "使用部门", "使用原因"],
            &["#1", "RJ004", "7-Zip", "23.01", "官方网站 www.7-zip.org", "Igor Pavlov", "无", "全局", "文件压缩解压"],
        ]);
        b
    }

    /// The sheet named `name`.
    pub fn sheet_mut(&mut self, name: &str) -> &mut SheetData {
        self.sheets
            .iter_mut()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
    }

    /// Set one cell (`#n` number, `@yyyy-mm-dd` date, else text; "" empties it).
    pub fn set(&mut self, sheet: &str, a1: &str, value: &str) -> &mut Self {
        let (r, c) = a1_to_rc(a1);
        let s = self.sheet_mut(sheet);
        if s.rows.len() <= r {
            s.rows.resize(r + 1, Vec::new());
        }
        if s.rows[r].len() <= c {
            s.rows[r].resize(c + 1, Val::Empty);
        }
        s.rows[r][c] = cell(value);
        self
    }

    /// Replace text in every text cell of every sheet (a unit's name, its computer
    /// numbers' prefix), as a clerk does who starts from another unit's workbook.
    pub fn replace(&mut self, from: &str, to: &str) -> &mut Self {
        for sheet in &mut self.sheets {
            for cell in sheet.rows.iter_mut().flatten() {
                if let Val::S(text) = cell {
                    if text.contains(from) {
                        *text = text.replace(from, to);
                    }
                }
            }
        }
        self
    }

    /// Append a row to a sheet.
    pub fn push_row(&mut self, sheet: &str, cells: &[&str]) -> &mut Self {
        let s = self.sheet_mut(sheet);
        s.rows.push(cells.iter().map(|v| cell(v)).collect());
        self
    }

    /// Remove a sheet.
    pub fn remove_sheet(&mut self, name: &str) -> &mut Self {
        self.sheets.retain(|s| s.name != name);
        self
    }

    /// Delete a row (1-based), shifting the rows below up.
    pub fn delete_row(&mut self, sheet: &str, row: usize) -> &mut Self {
        let s = self.sheet_mut(sheet);
        if row - 1 < s.rows.len() {
            s.rows.remove(row - 1);
        }
        self
    }

    /// Write the workbook.
    pub fn write(&self, path: &Path) {
        let mut wb = Workbook::new();
        let date_fmt = Format::new().set_num_format("yyyy-mm-dd");
        for s in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&s.name).expect("sheet name");
            for m in &s.merges {
                let (a, b) = m.split_once(':').expect("range");
                let (r0, c0) = a1_to_rc(a);
                let (r1, c1) = a1_to_rc(b);
                let first = match s.rows.get(r0).and_then(|r| r.get(c0)) {
                    Some(Val::S(t)) => t.clone(),
                    _ => String::new(),
                };
                ws.merge_range(
                    r0 as u32,
                    c0 as u16,
                    r1 as u32,
                    c1 as u16,
                    &first,
                    &Format::new(),
                )
                .expect("merge");
            }
            for (r, row) in s.rows.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    let in_merge_tail = s.merges.iter().any(|m| {
                        let (a, b) = m.split_once(':').unwrap();
                        let (r0, c0) = a1_to_rc(a);
                        let (r1, c1) = a1_to_rc(b);
                        (r0..=r1).contains(&r) && (c0..=c1).contains(&c) && (r, c) != (r0, c0)
                    });
                    let is_merge_head = s
                        .merges
                        .iter()
                        .any(|m| a1_to_rc(m.split_once(':').unwrap().0) == (r, c));
                    // A merge's text went in with the merge; a number or date is written
                    // over its first cell.
                    if in_merge_tail || (is_merge_head && !matches!(v, Val::N(_) | Val::D(..))) {
                        continue;
                    }
                    let (r, c) = (r as u32, c as u16);
                    match v {
                        Val::Empty => {}
                        Val::S(t) => {
                            ws.write_string(r, c, t).expect("write");
                        }
                        Val::N(n) => {
                            ws.write_number(r, c, *n).expect("write");
                        }
                        Val::D(y, m, d) => {
                            let dt = ExcelDateTime::from_ymd(*y as u16, *m as u8, *d as u8)
                                .expect("date");
                            ws.write_datetime_with_format(r, c, &dt, &date_fmt)
                                .expect("write");
                        }
                    }
                }
            }
        }
        wb.save(path).expect("save workbook");
    }

    /// Write into a temp dir and check with the given check date; returns the report.
    pub fn check_as_of(&self, as_of: &str) -> (UnitReport, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("fixture.xlsx");
        self.write(&path);
        (check_path(&path, as_of), dir)
    }

    /// Check as of 2026-11-25 and render the diagnostics as text.
    pub fn diagnostics(&self) -> String {
        let (report, _dir) = self.check_as_of(AS_OF);
        zhengban::render::text::render(&report.diagnostics)
    }

    /// The codes reported, in order.
    pub fn codes(&self) -> Vec<&'static str> {
        let (report, _dir) = self.check_as_of(AS_OF);
        report.diagnostics.iter().map(|d| d.code).collect()
    }
}

/// The check date of the fixtures.
pub const AS_OF: &str = "2026-11-25";

/// Check a workbook or folder as one unit.
pub fn check_path(path: &Path, as_of: &str) -> UnitReport {
    let opts = CheckOptions {
        as_of: NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: None,
    };
    let source = UnitSource {
        label: "fixture".into(),
        files: vec![PathBuf::from(path)],
    };
    check_source(&source, &opts)
}

/// Check a workbook against a manifest of planted faults (`{"as_of", "expected": [{"code",
/// "sheet", "cell"}]}`, a cell may list alternatives "G6|F6"): every planted fault is
/// reported at its cell, and nothing else above info is.
pub fn check_against_manifest(workbook: &Path, manifest: &Path) {
    use serde_json::Value;
    use zhengban::rules::{Severity, Target};
    let manifest: Value =
        serde_json::from_str(&std::fs::read_to_string(manifest).unwrap()).unwrap();
    let as_of = manifest["as_of"].as_str().unwrap();
    let report = check_path(workbook, as_of);
    let found: Vec<(String, String, String)> = report
        .diagnostics
        .iter()
        .filter(|d| d.severity != Severity::Info)
        .map(|d| match &d.target {
            Target::Cell(c) => (d.code.to_string(), c.sheet.to_string(), c.a1()),
            other => (
                d.code.to_string(),
                other.sheet().unwrap_or("").to_string(),
                String::new(),
            ),
        })
        .collect();
    let rendered = zhengban::render::text::render(&report.diagnostics);
    let mut matched = vec![false; found.len()];
    for e in manifest["expected"].as_array().unwrap() {
        let code = e["code"].as_str().unwrap();
        let sheet = e["sheet"].as_str().unwrap();
        let cells: Vec<&str> = e["cell"].as_str().unwrap().split('|').collect();
        let hit = found
            .iter()
            .position(|(c, s, a)| c == code && s == sheet && cells.contains(&a.as_str()));
        match hit {
            Some(i) => matched[i] = true,
            None => panic!(
                "{}: planted {code} at {sheet}!{} not found.\nDiagnostics:\n{rendered}",
                workbook.display(),
                cells.join("|")
            ),
        }
    }
    let extra: Vec<&(String, String, String)> = found
        .iter()
        .zip(&matched)
        .filter(|(_, m)| !**m)
        .map(|(f, _)| f)
        .collect();
    assert!(
        extra.is_empty(),
        "{}: reported beyond the planted faults: {extra:?}\nDiagnostics:\n{rendered}",
        workbook.display()
    );
}

impl Book {
    /// The clean unit plus every form, all filled in and signed.
    ///
    /// 领导小组: header rows 3–4, column header row 6, members rows 7–9 (A序号 B分工 C姓名 D部门
    /// E职务 F联系电话 G传真). 需求申请表: rows 7–9 (E申请许可数), approvals rows 11–12 (C).
    /// 采购计划表: row 7, 共计 row 8, approvals rows 9–12 (C). 申请表 approvals rows 12–13 (B);
    /// 确认单 signatures rows 11–12 (C).
    pub fn clean_with_forms() -> Book {
        let mut b = Book::clean();
        b.sheet(
            GROUP,
            &[
                &["附件1"],
                &["软件正版化工作领导小组成员信息表"],
                &[
                    "单位名称（盖章）：测试县审计局",
                    "",
                    "",
                    "",
                    "",
                    "填表人：王芳",
                ],
                &[
                    "联系电话：023-70611234",
                    "",
                    "",
                    "",
                    "填表日期：2026年11月20日",
                ],
                &[],
                &[
                    "序号",
                    "分工",
                    "姓名",
                    "部门",
                    "职务",
                    "联系电话",
                    "传真",
                    "备注",
                ],
                &[
                    "#1",
                    "组长",
                    "赵军",
                    "局领导",
                    "局长",
                    "023-70610001",
                    "023-70610009",
                ],
                &[
                    "#2",
                    "副组长",
                    "李强",
                    "局领导",
                    "副局长",
                    "13812345678",
                    "—",
                ],
                &[
                    "#3",
                    "成员",
                    "王芳",
                    "办公室",
                    "主任",
                    "(023)7061-1234",
                    "023-70610009",
                ],
            ],
        );
        b.sheet(
            DEMAND,
            &[
                &["附件3"],
                &["软件使用需求申请表"],
                &["申请部门：审计一科", "", "", "经手人：李娜"],
                &["联系电话：023-70611235", "", "", "填表日期：2026年11月2日"],
                &[],
                &[
                    "序号",
                    "软件类型",
                    "软件用途",
                    "功能需求",
                    "申请许可数\n（单位：个）",
                    "备注",
                ],
                &["#1", "操作系统", "办公", "Windows 10 专业版", "#2"],
                &["#2", "办公软件", "公文处理", "文字处理、电子表格", "#3"],
                &["#3", "杀毒软件", "终端防护", "病毒查杀", "#3"],
                &["#4", "其他软件"],
                &["信息化部门\n审核", "", "审核人：张伟    2026年11月5日"],
                &["资产部门\n审核", "", "审核人：刘洋    2026年11月6日"],
            ],
        );
        b.sheet(
            PLAN,
            &[
                &["附件4"],
                &["软件采购计划表"],
                &["经手人：张伟", "", "", "", "联系电话：023-70611234"],
                &["填表日期：2026年11月10日"],
                &[],
                &[
                    "序号",
                    "软件名称",
                    "软件版本",
                    "单价\n（单位：元）",
                    "许可数\n（单位：个）",
                    "合计\n（单位：元）",
                    "备注",
                ],
                &["#1", "WPS Office 2019", "专业版", "#300", "#2", "#600"],
                &["", "共计", "", "", "", "#600"],
                &["信息化部门\n审核", "", "审核人：张伟    2026年11月11日"],
                &["资产部门\n审核", "", "审核人：刘洋    2026年11月12日"],
                &["财务部门\n审核", "", "审核人：李娜    2026年11月12日"],
                &["单位领导\n审批", "", "审批人：赵军    2026年11月13日"],
            ],
        );
        b.sheet(
            REQUEST,
            &[
                &["附件10"],
                &["软件安装维护申请表"],
                &[
                    "申请部门",
                    "审计二科",
                    "申请人",
                    "刘洋",
                    "申请时间",
                    "@2026-11-02",
                ],
                &["计算机编号", "SJ-PC-003", "计算机品牌", "联想"],
                &["申请类型", "", "软件名称", "", "软件版本"],
                &["安装", "☑", "7-Zip", "", "23.01"],
                &["卸载", "□"],
                &["升级", "□", "升级前", "", "升级后"],
                &["", "", "软件名称", "软件版本", "软件名称", "软件版本"],
                &[],
                &["申请原因", "解压审计资料"],
                &["申请部门\n审核", "审核人：陈静    2026年11月3日"],
                &["信息化部\n审核", "审核人：张伟    2026年11月3日"],
            ],
        );
        b.sheet(
            CONFIRM,
            &[
                &["附件11"],
                &["软件安装维护确认单"],
                &["计算机编号", "SJ-PC-003", "", "", "计算机品牌", "联想"],
                &["计算机使用人\n姓名", "刘洋", "", "", "使用部门", "审计二科"],
                &[
                    "安装维护类型",
                    "",
                    "软件名称",
                    "",
                    "软件版本",
                    "",
                    "完成情况",
                ],
                &["安装", "☑", "7-Zip", "", "23.01", "", "☑ 完成", "□ 未完成"],
                &["卸载", "□", "", "", "", "", "□ 完成", "□ 未完成"],
                &["升级", "□", "升级前", "", "升级后", "", "完成情况"],
                &["", "", "软件名称", "软件版本", "软件名称", "软件版本"],
                &["", "", "", "", "", "", "□ 完成", "□ 未完成"],
                &["计算机使用人确认", "", "签名：刘洋    2026年11月4日"],
                &["安装维护人确认", "", "签名：张伟    2026年11月4日"],
            ],
        );
        b
    }
}

/// Only the diagnostics of some codes from rendered text (space-separated prefixes; blocks
/// start at unindented lines), so that other groups' rules do not churn a snapshot.
pub fn only(text: &str, codes: &str) -> String {
    let mut out = String::new();
    let mut keep = false;
    for line in text.split_inclusive('\n') {
        if !line.starts_with(' ') {
            keep = codes.split(' ').any(|c| line.starts_with(c));
        }
        if keep {
            out.push_str(line);
        }
    }
    out
}

/// Write a rule's trigger into `dir`; returns the unit's files.
pub fn build_trigger(trigger: &zhengban::rules::Trigger, dir: &Path) -> Vec<PathBuf> {
    use zhengban::rules::{Base, Edit};
    let mut book = match trigger.base {
        Base::Clean => Book::clean(),
        Base::CleanWithForms => Book::clean_with_forms(),
        Base::File(path) => {
            assert!(
                trigger.edits.is_empty(),
                "a checked-in file is checked as it is"
            );
            return vec![PathBuf::from(path)];
        }
    };
    let mut formulas = Vec::new();
    for edit in trigger.edits {
        match edit {
            Edit::Set(sheet, a1, value) => {
                book.set(sheet, a1, value);
            }
            Edit::Push(sheet, cells) => {
                book.push_row(sheet, cells);
            }
            Edit::DeleteRow(sheet, row) => {
                book.delete_row(sheet, *row);
            }
            Edit::RemoveSheet(sheet) => {
                book.remove_sheet(sheet);
            }
            Edit::Merge(sheet, range) => book.sheet_mut(sheet).merges.push(range.to_string()),
            Edit::CopySheet(from, to) => {
                let mut copy = book.sheet_mut(from).clone();
                copy.name = to.to_string();
                book.sheets.push(copy);
            }
            Edit::Formula(sheet, a1, formula, error) => {
                formulas.push((*sheet, *a1, *formula, *error));
            }
        }
    }
    let path = dir.join("fixture.xlsx");
    book.write(&path);
    if !formulas.is_empty() {
        write_formulas(&path, &formulas);
    }
    vec![path]
}

/// Put formulas into a written workbook (the harness writes values only): sheet, cell,
/// formula, and the error it caches or none for a blank result.
pub fn write_formulas(path: &Path, cells: &[(&str, &str, &str, Option<&str>)]) {
    let mut wb = umya_spreadsheet::reader::xlsx::read(path).unwrap();
    for (sheet, a1, formula, error) in cells {
        let cell = wb.sheet_by_name_mut(sheet).unwrap().cell_mut(*a1);
        cell.set_formula(*formula);
        match error {
            Some(e) => {
                cell.set_formula_result_error(e.parse().unwrap());
            }
            None => {
                cell.set_formula_result_blank();
            }
        }
    }
    umya_spreadsheet::writer::xlsx::write(&wb, path).unwrap();
}

/// Check a rule's trigger: its files as one unit; a folder that holds several units, or
/// any trigger with a roster or last year's round, as a round the way `check` reads one (with the roster, the
/// roster's units that sent nothing included; the findings across units on each unit
/// involved), every unit's diagnostics in one report.
pub fn check_trigger_files(
    files: &[PathBuf],
    roster: Option<&str>,
    previous: Option<&str>,
    inventory: Option<&str>,
) -> UnitReport {
    if let Some(folder) = inventory {
        // `reconcile`: the unit's ledger held against its computers' inventories
        let opts = CheckOptions {
            as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
            config: Config::default(),
            catalogue: Catalogue::default(),
            roster: None,
        };
        let source = UnitSource {
            label: "fixture".into(),
            files: files.to_vec(),
        };
        let (mut unit, sources) = zhengban::ledger::read_within(&source, &Default::default());
        let (inventories, failed) = zhengban::inventory::read_any(Path::new(folder));
        assert!(failed.is_empty(), "{folder}: {failed:?}");
        unit.inventories = inventories;
        return zhengban::batch::check_read_unit(unit, sources, &opts);
    }
    let found = zhengban::ledger::units_named(files, false, &Default::default());
    if roster.is_none() && previous.is_none() && found.units.len() < 2 {
        return check_files(files);
    }
    let opts = CheckOptions {
        as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: roster.map(|r| {
            std::sync::Arc::new(zhengban::ledger::roster::read_roster(Path::new(r)).unwrap())
        }),
    };
    // last year's round, checked a year earlier, as `report --previous` checks a folder
    let previous = previous
        .map(|p| {
            let last = CheckOptions {
                as_of: opts.as_of - chrono::Months::new(12),
                roster: None,
                ..opts.clone()
            };
            let units =
                zhengban::ledger::units_named(&[PathBuf::from(p)], false, &Default::default());
            units
                .units
                .iter()
                .filter_map(|u| {
                    let report = zhengban::batch::check_discovered(u, &last);
                    zhengban::batch::Left::of(&report, &last).into_print()
                })
                .collect()
        })
        .unwrap_or_default();
    let mut reports = zhengban::batch::check_round(&found.units, &opts, previous);
    let mut all = reports.remove(0);
    for r in reports {
        all.diagnostics.extend(r.diagnostics);
    }
    all
}

pub fn check_files(files: &[PathBuf]) -> UnitReport {
    let opts = CheckOptions {
        as_of: NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap(),
        config: Config::default(),
        catalogue: Catalogue::default(),
        roster: None,
    };
    // A folder (a unit with the files around its workbooks) as discovery finds it.
    if let [one] = files {
        if one.is_dir() {
            let found = zhengban::ledger::units_named(files, false, &Default::default());
            assert_eq!(found.units.len(), 1, "{one:?} is one unit");
            return zhengban::batch::check_discovered(&found.units[0], &opts);
        }
    }
    let source = UnitSource {
        label: "fixture".into(),
        files: files.to_vec(),
    };
    check_source(&source, &opts)
}

/// Snapshot a rule's diagnostics under its code, in one namespace for every test file:
/// `rule_snapshot!("ZB112", "by_duration", text)` writes
/// `tests/snapshots/rules__ZB112__by_duration.snap`; the rule's trigger
/// (`tests/rule_coverage.rs`) writes `rules__ZB112.snap`.
#[macro_export]
macro_rules! rule_snapshot {
    ($code:literal, $case:literal, $text:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(concat!("rules__", $code, "__", $case), $text);
        })
    };
}

/// Every sheet of a written workbook as text, in the workbook's order (numbers as Excel
/// shows them without a format: `4`, not `4.0`).
pub fn sheet_values(path: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto(path).expect("workbook");
    let names = book.sheet_names().to_vec();
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("sheet");
            let rows = range
                .rows()
                .map(|r| {
                    r.iter()
                        .map(|c| match c {
                            Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                            Data::Empty => String::new(),
                            other => other.to_string(),
                        })
                        .collect()
                })
                .collect();
            (name, rows)
        })
        .collect()
}
