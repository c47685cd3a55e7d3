//! The same unit written the ways offices actually keep it, so the reader is tested on the
//! variation it claims to absorb rather than on one tidy file.
//!
//! - National (附件1–11): one merged "label：value" header cell, real date cells, money as
//!   numbers, ☑/□ boxes, 部门/姓名/计算机编号 merged over each computer's rows.
//! - 双龙镇 (表1–表9): labels and values in separate cells, line breaks and full-width
//!   brackets in headers, dates and some money typed as text, √ and blank boxes, sheets in
//!   another order.
//! - Split: the national sheets spread over three workbooks in one folder.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use crate::dataset::{Action, Approval, Kind, Software, Term, Unit};

/// The national layout's file under the output directory.
pub const NATIONAL: &str = "shuanglong-national.xlsx";
/// The 双龙镇 layout.
pub const BIAO: &str = "shuanglong-biao.xlsx";
/// The folder of the split layout.
pub const SPLIT: &str = "shuanglong-split";

/// Which template family a sheet follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// 正版软件管理工作指南 附件1–11.
    National,
    /// 双龙镇 表1–表9.
    Biao,
}

type Res = Result<(), XlsxError>;

/// Write every layout into `out`; returns the files written.
pub fn write_all(unit: &Unit, out: &Path) -> Result<Vec<PathBuf>, XlsxError> {
    let mut written = Vec::new();
    std::fs::create_dir_all(out)?;

    let national: Vec<Worksheet> = national_sheets(unit)?.into_iter().map(|(_, s)| s).collect();
    written.push(save(unit, national, &out.join(NATIONAL))?);
    written.push(save(unit, biao_sheets(unit)?, &out.join(BIAO))?);

    let split = out.join(SPLIT);
    std::fs::create_dir_all(&split)?;
    // Workbooks consume their sheets, so the split layout builds its own copy.
    let mut books: [Vec<Worksheet>; 3] = Default::default();
    for (book, sheet) in national_sheets(unit)? {
        books[book as usize].push(sheet);
    }
    let names = [
        "软件使用情况汇总表.xlsx",
        "软件使用情况明细表.xlsx",
        "软件安装维护情况明细表.xlsx",
    ];
    for (sheets, name) in books.into_iter().zip(names) {
        written.push(save(unit, sheets, &split.join(name))?);
    }
    Ok(written)
}

/// Write the national layout to `path` after `edit` has changed its sheets (the faulty
/// samples).
pub fn write_national_edited(
    unit: &Unit,
    path: &Path,
    mut edit: impl FnMut(&mut Worksheet) -> Res,
) -> Result<PathBuf, XlsxError> {
    let mut sheets: Vec<Worksheet> = national_sheets(unit)?.into_iter().map(|(_, s)| s).collect();
    for sheet in &mut sheets {
        edit(sheet)?;
    }
    save(unit, sheets, path)
}

/// The workbook of the split layout a sheet goes to (in file order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Book {
    Summary,
    Usage,
    Maintenance,
}

fn save(unit: &Unit, sheets: Vec<Worksheet>, path: &Path) -> Result<PathBuf, XlsxError> {
    let mut book = Workbook::new();
    // A fixed creation time (not "now"): re-running the generator must give identical bytes.
    let created = excel_date(unit.filled_on)?.and_hms(9, 30, 0)?;
    let properties = DocProperties::new()
        .set_author(unit.filler)
        .set_company(unit.name)
        .set_creation_datetime(&created);
    book.set_properties(&properties);
    for sheet in sheets {
        book.push_worksheet(sheet);
    }
    book.save(path)?;
    Ok(path.to_path_buf())
}

fn national_sheets(u: &Unit) -> Result<Vec<(Book, Worksheet)>, XlsxError> {
    let s = Style::National;
    let mut out = vec![
        (Book::Summary, leading_group(u, s, "附件1 领导小组")?),
        (Book::Summary, pledge(u, s, "附件2 承诺书")?),
        (Book::Summary, demand(u, s, "附件3 需求申请表")?),
        (Book::Summary, plan(u, s, "附件4 采购计划表")?),
        (Book::Summary, statistics(u, s, "附件5 信息统计表")?),
        (Book::Summary, free_list(u, s, "附件6 免费软件清单")?),
        (Book::Summary, summary(u, s, "附件7 汇总表")?),
        (Book::Usage, usage(u, s, "附件8 明细表")?),
    ];
    for sw in &u.software {
        let name = format!("附件9-{}", sw.id);
        out.push((Book::Maintenance, maintenance(u, sw, s, &name)?));
    }
    out.push((Book::Summary, request(u, s, "附件10 维护申请表")?));
    out.push((Book::Summary, confirm(u, s, "附件11 维护确认单")?));
    Ok(out)
}

fn biao_sheets(u: &Unit) -> Result<Vec<Worksheet>, XlsxError> {
    let s = Style::Biao;
    let mut out = vec![summary(u, s, "表5 汇总表")?, usage(u, s, "表6 明细表")?];
    for sw in &u.software {
        out.push(maintenance(u, sw, s, &format!("表7 {}", sw.id))?);
    }
    out.extend([
        free_list(u, s, "表4 免费软件清单")?,
        statistics(u, s, "表3 统计表")?,
        demand(u, s, "表1 需求申请表")?,
        plan(u, s, "表2 采购计划表")?,
        request(u, s, "表8 维护申请表")?,
        confirm(u, s, "表9 维护确认单")?,
        leading_group(u, s, "领导小组")?,
        pledge(u, s, "承诺书")?,
    ]);
    Ok(out)
}

/// A column header: national text, 双龙镇 text, width.
type Head = (&'static str, &'static str, f64);

/// One sheet being written, with the formats of its style.
struct Page {
    ws: Worksheet,
    style: Style,
    title: Format,
    annex: Format,
    block: Format,
    head: Format,
    cell: Format,
    center: Format,
    date: Format,
    money: Format,
    wan: Format,
}

impl Page {
    fn new(style: Style, name: &str, widths: &[f64]) -> Result<Page, XlsxError> {
        let mut ws = Worksheet::new();
        ws.set_name(name)?;
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        ws.set_paper_size(9);
        ws.set_landscape();
        ws.set_print_fit_to_pages(1, 0);
        let base = Format::new().set_font_name("宋体").set_font_size(10.5);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap();
        let center = cell.clone().set_align(FormatAlign::Center);
        Ok(Page {
            ws,
            style,
            title: base
                .clone()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            annex: base.clone().set_bold().set_font_name("黑体"),
            block: base.clone().set_align(FormatAlign::VerticalCenter),
            head: center.clone().set_bold(),
            date: center.clone().set_num_format("yyyy-mm-dd"),
            money: cell.clone().set_num_format("#,##0.00"),
            wan: center.clone().set_num_format("0.0000"),
            center,
            cell,
        })
    }

    fn national(&self) -> bool {
        self.style == Style::National
    }

    fn text(&mut self, r: u32, c: u16, s: &str) -> Res {
        self.ws.write_string_with_format(r, c, s, &self.cell)?;
        Ok(())
    }

    fn centered(&mut self, r: u32, c: u16, s: &str) -> Res {
        self.ws.write_string_with_format(r, c, s, &self.center)?;
        Ok(())
    }

    fn blank(&mut self, r: u32, c: u16) -> Res {
        self.ws.write_blank(r, c, &self.cell)?;
        Ok(())
    }

    fn count(&mut self, r: u32, c: u16, n: i64) -> Res {
        self.ws
            .write_number_with_format(r, c, n as f64, &self.center)?;
        Ok(())
    }

    /// A version: 双龙镇 clerks type `2019` into a General cell, which stores a number.
    fn version(&mut self, r: u32, c: u16, v: &str) -> Res {
        match v.parse::<u32>() {
            Ok(n) if !self.national() => self.count(r, c, i64::from(n)),
            _ => self.centered(r, c, v),
        }
    }

    /// A date: a real date cell (national) or text in the forms clerks type, alternating
    /// with `i` so one table holds both.
    fn date(&mut self, r: u32, c: u16, d: NaiveDate, i: usize) -> Res {
        if self.national() {
            self.ws
                .write_datetime_with_format(r, c, &excel_date(d)?, &self.date)?;
            Ok(())
        } else {
            let s = if i.is_multiple_of(2) {
                chinese_date(d)
            } else {
                format!("{}.{}.{}", d.year(), d.month(), d.day())
            };
            self.centered(r, c, &s)
        }
    }

    /// Money in 元: a number, or (双龙镇, every other row) text such as `¥4,500.00`.
    fn money(&mut self, r: u32, c: u16, v: f64, i: usize) -> Res {
        if self.national() || i % 2 == 1 {
            self.ws.write_number_with_format(r, c, v, &self.money)?;
            Ok(())
        } else {
            self.text(r, c, &format!("¥{}", thousands(v)))
        }
    }

    /// A checkbox: ☑/□ (national) or √/blank (双龙镇).
    fn tick(&mut self, r: u32, c: u16, on: bool) -> Res {
        match (self.national(), on) {
            (true, true) => self.centered(r, c, "☑"),
            (true, false) => self.centered(r, c, "□"),
            (false, true) => self.centered(r, c, "√"),
            (false, false) => self.blank(r, c),
        }
    }

    fn merge(&mut self, r1: u32, c1: u16, r2: u32, c2: u16, s: &str, head: bool) -> Res {
        let f = if head { &self.head } else { &self.cell };
        if r1 == r2 && c1 == c2 {
            self.ws.write_string_with_format(r1, c1, s, f)?;
        } else {
            self.ws.merge_range(r1, c1, r2, c2, s, f)?;
        }
        Ok(())
    }

    /// A number in a merged cell: merge, then overwrite the first cell.
    fn merged_count(&mut self, r: u32, c1: u16, c2: u16, n: i64) -> Res {
        if c1 != c2 {
            self.ws.merge_range(r, c1, r, c2, "", &self.center)?;
        }
        self.count(r, c1, n)
    }

    /// The "附件N"/"表N" line (when the table has a number) and the title; the next row.
    fn title(&mut self, number: Option<&str>, title: &str, width: u16) -> Result<u32, XlsxError> {
        let mut r = 0;
        if let Some(n) = number {
            self.ws.write_string_with_format(r, 0, n, &self.annex)?;
            r += 1;
        }
        self.ws
            .merge_range(r, 0, r, width - 1, title, &self.title)?;
        self.ws.set_row_height(r, 32)?;
        Ok(r + 1)
    }

    /// The "label：value" block: one merged cell (national) or label and value cells.
    fn header_block(
        &mut self,
        r: u32,
        pairs: &[(&str, String)],
        width: u16,
    ) -> Result<u32, XlsxError> {
        if self.national() {
            let text: Vec<String> = pairs.iter().map(|(l, v)| format!("{l}{v}")).collect();
            self.ws
                .merge_range(r, 0, r, width - 1, &text.join("    "), &self.block)?;
        } else {
            for (i, (label, value)) in pairs.iter().enumerate() {
                let c = 2 * i as u16;
                self.ws
                    .write_string_with_format(r, c, *label, &self.block)?;
                self.ws
                    .write_string_with_format(r, c + 1, value, &self.block)?;
            }
        }
        self.ws.set_row_height(r, 24)?;
        Ok(r + 1)
    }

    /// A one-row column header.
    fn column_header(&mut self, r: u32, heads: &[Head]) -> Res {
        for (c, (national, biao, _)) in heads.iter().enumerate() {
            let text = if self.national() { national } else { biao };
            self.ws
                .write_string_with_format(r, c as u16, *text, &self.head)?;
        }
        self.ws.set_row_height(r, 30)?;
        Ok(())
    }

    /// A two-row header whose columns `group.0..=group.1` sit under the group text `group.2`
    /// (软件类型 over three checkbox columns). National merges the other headers down.
    fn two_row_header(&mut self, r: u32, heads: &[Head], group: (u16, u16, &str)) -> Res {
        let (g1, g2, label) = group;
        for (c, (national, biao, _)) in heads.iter().enumerate() {
            let c = c as u16;
            let text = if self.national() { national } else { biao };
            if (g1..=g2).contains(&c) {
                self.ws
                    .write_string_with_format(r + 1, c, *text, &self.head)?;
            } else if self.national() {
                self.ws.merge_range(r, c, r + 1, c, text, &self.head)?;
            } else {
                self.ws.write_string_with_format(r, c, *text, &self.head)?;
            }
        }
        if self.national() {
            self.ws.merge_range(r, g1, r, g2, label, &self.head)?;
        } else {
            self.ws.write_string_with_format(r, g1, label, &self.head)?;
        }
        Ok(())
    }

    /// Approval or signature lines: the role in the first column, then "审核人：X  date"
    /// (national, one merged cell) or label, person and date in cells (双龙镇).
    fn approvals(
        &mut self,
        mut r: u32,
        approvals: &[Approval],
        width: u16,
    ) -> Result<u32, XlsxError> {
        for (i, a) in approvals.iter().enumerate() {
            self.merge(r, 0, r, 1, a.label, true)?;
            if self.national() {
                let line = format!(
                    "{}：{}    {}",
                    a.signer_word,
                    a.person,
                    chinese_date(a.date)
                );
                self.merge(r, 2, r, width - 1, &line, false)?;
            } else {
                self.text(r, 2, &format!("{}：", a.signer_word))?;
                self.text(r, 3, a.person)?;
                self.date(r, 4, a.date, i + 1)?;
                for c in 5..width {
                    self.blank(r, c)?;
                }
            }
            self.ws.set_row_height(r, 36)?;
            r += 1;
        }
        Ok(r)
    }

    fn done(self) -> Worksheet {
        self.ws
    }
}

fn widths(heads: &[Head]) -> Vec<f64> {
    heads.iter().map(|h| h.2).collect()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// `2026年11月20日`.
fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// `47760.0` → `47,760.00`.
fn thousands(v: f64) -> String {
    let cents = (v * 100.0).round() as i64;
    let whole = (cents / 100).to_string();
    let mut grouped = String::new();
    for (i, ch) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    format!("{grouped}.{:02}", cents % 100)
}

/// 许可期限 as typed: `2025.1.1-2027.12.31`, or the long form the 双龙镇 usage ledger uses.
fn term_text(term: Term, long: bool) -> String {
    match term {
        Term::Perpetual => "永久".into(),
        Term::Between(a, b) if long => format!("{}至{}", chinese_date(a), chinese_date(b)),
        Term::Between(a, b) => format!(
            "{}.{}.{}-{}.{}.{}",
            a.year(),
            a.month(),
            a.day(),
            b.year(),
            b.month(),
            b.day()
        ),
    }
}

fn number(style: Style, national: u8, biao: Option<u8>) -> Option<String> {
    match style {
        Style::National => Some(format!("附件{national}")),
        Style::Biao => biao.map(|n| format!("表{n}")),
    }
}

fn standard_pairs(u: &Unit, filled_on: NaiveDate) -> Vec<(&'static str, String)> {
    vec![
        ("单位名称（盖章）：", u.name.to_string()),
        ("填表人：", u.filler.to_string()),
        ("联系电话：", u.phone.to_string()),
        ("填表日期：", chinese_date(filled_on)),
    ]
}

const SUMMARY_HEAD: &[Head] = &[
    ("序号", "序号", 5.0),
    ("软件编号", "软件\n编号", 8.0),
    ("软件名称", "软件名称", 24.0),
    ("软件版本", "软件版本", 8.0),
    ("软件类型", "软件类型", 9.0),
    ("采购时间", "采购时间", 12.0),
    ("采购金额\n(单位:元)", "采购金额\n（单位：元）", 12.0),
    ("许可类型", "许可类型", 9.0),
    ("许可数量", "许可数量", 7.0),
    ("可使用版本", "可使用版本", 10.0),
    ("许可期限", "许可期限", 18.0),
    ("序列号", "序列号", 30.0),
    ("安装数量", "安装数量", 7.0),
];

fn summary(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &widths(SUMMARY_HEAD))?;
    let width = SUMMARY_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 7, Some(5)).as_deref(),
        "软件使用情况汇总表",
        width,
    )?;
    r = p.header_block(r, &standard_pairs(u, u.filled_on), width)?;
    let (servers, desktops, laptops) = u.machine_counts();
    let laptop_label = if p.national() {
        "便携式数"
    } else {
        "便携机数"
    };
    for (label, pairs) in [
        (
            "人员情况",
            vec![
                ("总人数", u.people_total),
                ("使用计算机人数", u.people_using()),
            ],
        ),
        (
            "计算机情况",
            vec![
                ("服务器数", servers),
                ("台式机数", desktops),
                (laptop_label, laptops),
            ],
        ),
    ] {
        p.centered(r, 0, label)?;
        for (i, (l, v)) in pairs.iter().enumerate() {
            let c = 1 + 2 * i as u16;
            p.centered(r, c, l)?;
            p.count(r, c + 1, *v)?;
        }
        r += 1;
    }
    p.column_header(r, SUMMARY_HEAD)?;
    p.ws.set_repeat_rows(r, r)?;
    r += 1;
    let mut previous: Option<Kind> = None;
    for (i, s) in u.summary_order().into_iter().enumerate() {
        // The 双龙镇 copy leaves a spacer row between the type groups of its template.
        if !p.national() && previous.is_some_and(|k| k != s.kind) {
            r += 1;
        }
        previous = Some(s.kind);
        p.count(r, 0, i as i64 + 1)?;
        p.centered(r, 1, s.id)?;
        p.text(r, 2, s.name)?;
        match s.version {
            Some(v) => p.version(r, 3, v)?,
            None => p.blank(r, 3)?,
        }
        p.centered(r, 4, s.kind.label())?;
        match &s.license {
            Some(l) => {
                p.date(r, 5, l.purchased_on, i)?;
                p.money(r, 6, l.amount(), i)?;
                p.centered(r, 7, l.license_type)?;
                if p.national() || i % 2 == 1 {
                    p.count(r, 8, l.count)?;
                } else {
                    p.centered(r, 8, &format!("{}套", l.count))?;
                }
                p.centered(r, 9, &l.usable_versions.join("、"))?;
                p.centered(r, 10, &term_text(l.term, false))?;
                p.text(r, 11, l.serial)?;
            }
            // The 双龙镇 template prints OEM and free rows with one merged license cell.
            None if !p.national() => p.merge(r, 5, r, 11, "—", false)?,
            None => {
                for c in 5..=11 {
                    p.centered(r, c, "—")?;
                }
            }
        }
        p.count(r, 12, u.installed(s.id))?;
        r += 1;
    }
    Ok(p.done())
}

const USAGE_HEAD: &[Head] = &[
    ("序号", "序号", 5.0),
    ("部门", "部门", 12.0),
    ("姓名", "姓名", 8.0),
    ("计算机编号", "计算机\n编号", 11.0),
    ("计算机品牌", "计算机\n品牌", 9.0),
    ("软件编号", "软件\n编号", 7.0),
    ("软件名称", "软件名称", 24.0),
    ("软件版本", "软件版本", 8.0),
    ("许可期限", "许可期限", 18.0),
    ("商业软件", "商业软件", 6.0),
    ("OEM软件", "OEM软件", 6.0),
    ("免费软件", "免费软件", 6.0),
    ("安装日期", "安装日期", 12.0),
];

fn usage(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &widths(USAGE_HEAD))?;
    let width = USAGE_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 8, Some(6)).as_deref(),
        "软件使用情况明细表",
        width,
    )?;
    r = p.header_block(r, &standard_pairs(u, u.filled_on), width)?;
    p.two_row_header(r, USAGE_HEAD, (9, 11, "软件类型"))?;
    p.ws.set_repeat_rows(r, r + 1)?;
    r += 2;
    let rows = u.usage();
    let mut i = 0;
    while i < rows.len() {
        let computer = rows[i].computer;
        let n = rows[i..]
            .iter()
            .take_while(|row| row.computer.id == computer.id)
            .count();
        for (k, row) in rows[i..i + n].iter().enumerate() {
            let r = r + k as u32;
            let sw = row.software;
            p.count(r, 0, (i + k) as i64 + 1)?;
            if !p.national() {
                p.centered(r, 1, computer.department)?;
                p.centered(r, 2, computer.user)?;
                p.centered(r, 3, computer.id)?;
            }
            p.centered(r, 4, computer.brand)?;
            p.centered(r, 5, sw.id)?;
            p.text(r, 6, sw.name)?;
            match sw.version {
                Some(v) => p.version(r, 7, v)?,
                None => p.blank(r, 7)?,
            }
            match &sw.license {
                Some(l) => p.centered(r, 8, &term_text(l.term, !p.national()))?,
                None => p.centered(r, 8, "—")?,
            }
            for (c, kind) in (9..).zip(Kind::ALL) {
                p.tick(r, c, sw.kind == kind)?;
            }
            p.date(r, 12, row.installed_on, i + k)?;
        }
        if p.national() {
            let last = r + n as u32 - 1;
            p.merge(r, 1, last, 1, computer.department, false)?;
            p.merge(r, 2, last, 2, computer.user, false)?;
            p.merge(r, 3, last, 3, computer.id, false)?;
        }
        r += n as u32;
        i += n;
    }
    Ok(p.done())
}

// Part 一 and part 二 of a maintenance sheet share columns; EVENT_HEAD's widths suit both.
const INFO_HEAD: &[Head] = &[
    ("软件编号", "软件编号", 0.0),
    ("软件名称", "软件名称", 0.0),
    ("软件版本", "软件版本", 0.0),
    ("商业软件", "商业\n软件", 0.0),
    ("OEM软件", "OEM\n软件", 0.0),
    ("免费软件", "免费\n软件", 0.0),
    ("许可数量", "许可数量", 0.0),
    ("可使用版本", "可使用版本", 0.0),
    ("许可期限", "许可期限", 0.0),
];

const EVENT_HEAD: &[Head] = &[
    ("序号", "序号", 10.0),
    ("安装", "安装", 24.0),
    ("卸载", "卸载", 9.0),
    ("计算机编号", "计算机编号", 11.0),
    ("计算机品牌", "计算机品牌", 9.0),
    ("使用人", "使用人", 9.0),
    ("使用部门", "使用部门", 12.0),
    ("安装/卸载\n版本", "安装/卸载\n版本", 10.0),
    ("安装/卸载\n日期", "安装/卸载\n日期", 18.0),
    ("安装数量", "安装数量", 8.0),
];

fn maintenance(u: &Unit, sw: &Software, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &widths(EVENT_HEAD))?;
    let width = EVENT_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 9, Some(7)).as_deref(),
        "软件安装维护情况明细表",
        width,
    )?;
    let pairs = [
        ("单位名称：", u.name.to_string()),
        ("填表人：", u.filler.to_string()),
        ("联系电话：", u.phone.to_string()),
    ];
    r = p.header_block(r, &pairs, width)?;
    section(&mut p, r, "一、软件基本信息", width)?;
    r += 1;
    p.two_row_header(r, INFO_HEAD, (3, 5, "软件类型"))?;
    r += 2;
    p.centered(r, 0, sw.id)?;
    p.text(r, 1, sw.name)?;
    match sw.version {
        Some(v) => p.version(r, 2, v)?,
        None => p.blank(r, 2)?,
    }
    for (c, kind) in (3..).zip(Kind::ALL) {
        p.tick(r, c, sw.kind == kind)?;
    }
    match &sw.license {
        Some(l) => {
            p.count(r, 6, l.count)?;
            p.centered(r, 7, &l.usable_versions.join("、"))?;
            p.centered(r, 8, &term_text(l.term, false))?;
        }
        None => {
            for c in 6..=8 {
                p.centered(r, c, "—")?;
            }
        }
    }
    r += 1;
    if !p.national() {
        // The 双龙镇 template keeps two empty rows under part 一.
        for rr in r..r + 2 {
            for c in 0..9 {
                p.blank(rr, c)?;
            }
        }
        r += 2;
    }
    section(&mut p, r, "二、软件安装卸载明细", width)?;
    r += 1;
    p.column_header(r, EVENT_HEAD)?;
    r += 1;
    let events = u.events_of(sw.id);
    for (i, e) in events.iter().enumerate() {
        let computer = u.computer(e.computer);
        p.count(r, 0, i as i64 + 1)?;
        p.tick(r, 1, e.action == Action::Install)?;
        p.tick(r, 2, e.action == Action::Uninstall)?;
        p.centered(r, 3, computer.id)?;
        p.centered(r, 4, computer.brand)?;
        p.centered(r, 5, computer.user)?;
        p.centered(r, 6, computer.department)?;
        match sw.version {
            Some(v) => p.version(r, 7, v)?,
            None => p.blank(r, 7)?,
        }
        p.date(r, 8, e.date, i)?;
        p.count(r, 9, 1)?;
        r += 1;
    }
    if p.national() {
        // Unused numbered rows of the printed template, as clerks leave them.
        for k in 0..3 {
            p.count(r, 0, (events.len() + k) as i64 + 1)?;
            p.tick(r, 1, false)?;
            p.tick(r, 2, false)?;
            for c in 3..width {
                p.blank(r, c)?;
            }
            r += 1;
        }
    }
    Ok(p.done())
}

/// A section line ("一、软件基本信息"), merged across the table in the national layout.
fn section(p: &mut Page, r: u32, text: &str, width: u16) -> Res {
    let f = p.block.clone().set_bold();
    if p.national() {
        p.ws.merge_range(r, 0, r, width - 1, text, &f)?;
    } else {
        p.ws.write_string_with_format(r, 0, text, &f)?;
    }
    Ok(())
}

const FREE_HEAD: &[Head] = &[
    ("序号", "序号", 5.0),
    ("软件编号", "软件编号", 9.0),
    ("软件名称", "软件名称", 14.0),
    ("软件版本", "软件版本", 8.0),
    ("软件来源", "软件来源", 26.0),
    ("软件厂商名称", "软件厂商名称", 22.0),
    ("软件厂商\n客服联系方式", "软件厂商\n客服联系方式", 26.0),
    ("使用部门", "使用部门", 22.0),
    ("使用原因", "使用原因", 18.0),
];

fn free_list(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &widths(FREE_HEAD))?;
    let width = FREE_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 6, Some(4)).as_deref(),
        "可使用免费软件清单",
        width,
    )?;
    r = p.header_block(r, &standard_pairs(u, u.free_list_filled_on), width)?;
    p.column_header(r, FREE_HEAD)?;
    r += 1;
    for (i, f) in u.free_list.iter().enumerate() {
        p.count(r, 0, i as i64 + 1)?;
        p.centered(r, 1, f.id)?;
        p.text(r, 2, u.software(f.id).name)?;
        p.centered(r, 3, f.version)?;
        p.text(r, 4, f.source)?;
        p.text(r, 5, f.vendor)?;
        p.text(r, 6, f.contact)?;
        p.text(r, 7, f.departments)?;
        p.text(r, 8, f.reason)?;
        r += 1;
    }
    if p.national() {
        for k in u.free_list.len()..8 {
            p.count(r, 0, k as i64 + 1)?;
            for c in 1..width {
                p.blank(r, c)?;
            }
            r += 1;
        }
    }
    Ok(p.done())
}

fn statistics(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(
        style,
        name,
        &[10.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0, 10.0, 11.0],
    )?;
    let width = 9;
    let national = p.national();
    let title = if national {
        format!("软件正版化工作信息统计表（{}年度）", u.statistics_year)
    } else {
        "软件正版化工作信息统计表".to_string()
    };
    let mut r = p.title(number(style, 5, Some(3)).as_deref(), &title, width)?;
    r = p.header_block(r, &standard_pairs(u, u.filled_on), width)?;
    // Sections 一–三: labels over values; national spreads each over two or three columns.
    let spans: [(u16, u16); 4] = if national {
        [(0, 1), (2, 3), (4, 5), (6, 8)]
    } else {
        [(0, 0), (1, 1), (2, 2), (3, 3)]
    };
    let (servers, desktops, laptops) = u.machine_counts();
    let org = &u.responsible;
    let (dept, who) = if national {
        ("部门", "部门负责人")
    } else {
        ("单位", "单位负责人")
    };
    section(
        &mut p,
        r,
        &format!("一、负责软件正版化工作{dept}情况"),
        width,
    )?;
    let labels = [
        format!("{dept}名称"),
        format!("{who}姓名"),
        format!("{who}电话"),
        format!("{dept}传真"),
    ];
    for (i, (l, v)) in labels
        .iter()
        .zip([org.name, org.head, org.phone, org.fax])
        .enumerate()
    {
        let (c1, c2) = spans[i];
        p.merge(r + 1, c1, r + 1, c2, l, true)?;
        p.merge(r + 2, c1, r + 2, c2, v, false)?;
    }
    r += 3;
    let counts: [(&str, Vec<(&str, i64)>); 2] = [
        (
            "二、人员情况",
            vec![
                ("总人数", u.people_total),
                ("使用计算机人数", u.people_using()),
            ],
        ),
        (
            "三、计算机情况",
            vec![
                ("服务器数", servers),
                ("台式机数", desktops),
                ("便携机数", laptops),
                ("合计", servers + desktops + laptops),
            ],
        ),
    ];
    for (title, pairs) in counts {
        section(&mut p, r, title, width)?;
        for (i, (l, v)) in pairs.iter().enumerate() {
            let (c1, c2) = spans[i];
            p.merge(r + 1, c1, r + 1, c2, l, true)?;
            p.merged_count(r + 2, c1, c2, *v)?;
        }
        r += 3;
    }
    let stats = u.statistics();
    let origins = ["国内", "国外", "合计"];
    let attribute = if national {
        "软件属性"
    } else {
        "软件\n属性"
    };
    section(&mut p, r, "四、本年度软件采购情况", width)?;
    r += 1;
    let groups = [
        "操作系统软件\n(不含预装操作系统)",
        "办公软件",
        "杀毒软件",
        "总计",
    ];
    let (licenses, amount) = if national {
        ("许可数（个）", "金额（万元）")
    } else {
        ("许可数（个）", "金额\n（万元）")
    };
    if national {
        p.merge(r, 0, r + 1, 0, attribute, true)?;
    } else {
        p.merge(r, 0, r, 0, attribute, true)?;
        p.ws.write_blank(r + 1, 0, &p.head)?;
    }
    for (g, text) in groups.iter().enumerate() {
        let c = 1 + 2 * g as u16;
        if national {
            p.merge(r, c, r, c + 1, text, true)?;
        } else {
            p.merge(r, c, r, c, text, true)?;
            p.ws.write_blank(r, c + 1, &p.head)?;
        }
        p.merge(r + 1, c, r + 1, c, licenses, true)?;
        p.merge(r + 1, c + 1, r + 1, c + 1, amount, true)?;
    }
    r += 2;
    for (row, origin) in origins.iter().enumerate() {
        p.centered(r, 0, origin)?;
        for (g, (n, wan)) in stats.purchases[row].iter().enumerate() {
            let c = 1 + 2 * g as u16;
            p.count(r, c, *n)?;
            if national {
                p.ws.write_number_with_format(r, c + 1, *wan, &p.wan)?;
            } else {
                p.centered(r, c + 1, &format!("{wan:.4}"))?;
            }
        }
        r += 1;
    }
    section(&mut p, r, "五、累计拥有软件许可情况", width)?;
    r += 1;
    let holding_heads = [
        attribute,
        "操作系统软件\n(含预装操作系统)\n许可数（个）",
        "办公软件\n许可数（个）",
        "杀毒软件\n许可数（个）",
        "总计",
    ];
    let five_spans: [(u16, u16); 4] = if national {
        [(1, 2), (3, 4), (5, 6), (7, 8)]
    } else {
        [(1, 1), (2, 2), (3, 3), (4, 4)]
    };
    p.merge(r, 0, r, 0, holding_heads[0], true)?;
    for (i, (c1, c2)) in five_spans.iter().enumerate() {
        p.merge(r, *c1, r, *c2, holding_heads[i + 1], true)?;
    }
    p.ws.set_row_height(r, 45)?;
    r += 1;
    for (row, origin) in origins.iter().enumerate() {
        p.centered(r, 0, origin)?;
        for (i, (c1, c2)) in five_spans.iter().enumerate() {
            p.merged_count(r, *c1, *c2, stats.holdings[row][i])?;
        }
        r += 1;
    }
    Ok(p.done())
}

const DEMAND_HEAD: &[Head] = &[
    ("序号", "序号", 6.0),
    ("软件类型", "软件类型", 12.0),
    ("软件用途", "软件用途", 26.0),
    ("功能需求", "功能需求", 40.0),
    ("申请许可数\n(单位：个)", "申请许可数\n（单位：个）", 12.0),
    ("备注", "备注", 14.0),
];

fn demand(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let d = &u.demand;
    let mut p = Page::new(style, name, &widths(DEMAND_HEAD))?;
    let width = DEMAND_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 3, Some(1)).as_deref(),
        "软件使用需求申请表",
        width,
    )?;
    let pairs = [
        ("申请部门：", d.department.to_string()),
        ("经手人：", d.handler.to_string()),
        ("联系电话：", d.phone.to_string()),
        ("填表日期：", chinese_date(d.filled_on)),
    ];
    r = p.header_block(r, &pairs, width)?;
    p.column_header(r, DEMAND_HEAD)?;
    r += 1;
    let printed = ["操作系统", "办公软件", "杀毒软件", "其他软件"];
    let extra = if p.national() { 2 } else { 0 };
    for i in 0..printed.len() + extra {
        p.count(r, 0, i as i64 + 1)?;
        let kind = printed.get(i).copied().unwrap_or("");
        p.centered(r, 1, kind)?;
        match d
            .rows
            .iter()
            .find(|row| row.kind == kind && !kind.is_empty())
        {
            Some(row) => {
                p.text(r, 2, row.purpose)?;
                p.text(r, 3, row.requirement)?;
                p.count(r, 4, row.count)?;
                p.text(r, 5, row.note)?;
            }
            None => {
                for c in 2..width {
                    p.blank(r, c)?;
                }
            }
        }
        r += 1;
    }
    p.approvals(r, &d.approvals, width)?;
    Ok(p.done())
}

const PLAN_HEAD: &[Head] = &[
    ("序号", "序号", 6.0),
    ("软件名称", "软件名称", 28.0),
    ("软件版本", "软件版本", 10.0),
    ("单价\n(单位：元)", "单价\n（单位：元）", 12.0),
    ("许可数\n(单位：个)", "许可数\n（单位：个）", 12.0),
    ("合计\n(单位：元)", "合计\n（单位：元）", 14.0),
    ("备注", "备注", 14.0),
];

fn plan(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let plan = &u.plan;
    let mut p = Page::new(style, name, &widths(PLAN_HEAD))?;
    let width = PLAN_HEAD.len() as u16;
    let mut r = p.title(
        number(style, 4, Some(2)).as_deref(),
        "软件采购计划表",
        width,
    )?;
    let pairs = [
        ("经手人：", plan.handler.to_string()),
        ("联系电话：", plan.phone.to_string()),
        ("填表日期：", chinese_date(plan.filled_on)),
    ];
    r = p.header_block(r, &pairs, width)?;
    p.column_header(r, PLAN_HEAD)?;
    r += 1;
    // The template prints five numbered rows and a 共计 row.
    for i in 0..5 {
        p.count(r, 0, i as i64 + 1)?;
        match plan.rows.get(i) {
            Some(row) => {
                p.text(r, 1, row.name)?;
                p.version(r, 2, row.version)?;
                p.money(r, 3, row.unit_price, i)?;
                p.count(r, 4, row.count)?;
                p.money(r, 5, row.total(), i)?;
                p.text(r, 6, row.note)?;
            }
            None => {
                for c in 1..width {
                    p.blank(r, c)?;
                }
            }
        }
        r += 1;
    }
    p.count(r, 0, 6)?;
    p.merge(r, 1, r, 4, "共计", false)?;
    p.money(r, 5, plan.grand_total(), 0)?;
    p.blank(r, 6)?;
    r += 1;
    p.approvals(r, &plan.approvals, width)?;
    Ok(p.done())
}

const GROUP_HEAD: &[Head] = &[
    ("序号", "序号", 6.0),
    ("分工", "分工", 8.0),
    ("姓名", "姓名", 9.0),
    ("部门", "部门", 12.0),
    ("职务", "职务", 18.0),
    ("联系电话", "联系电话", 14.0),
    ("传真", "传真", 14.0),
    ("备注", "备注", 8.0),
];

fn leading_group(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &widths(GROUP_HEAD))?;
    let width = GROUP_HEAD.len() as u16;
    let title = "软件正版化工作领导小组成员信息表";
    let mut r = p.title(number(style, 1, None).as_deref(), title, width)?;
    r = p.header_block(r, &standard_pairs(u, u.leading_group_filled_on), width)?;
    p.column_header(r, GROUP_HEAD)?;
    r += 1;
    let rows = if p.national() {
        8
    } else {
        u.leading_group.len()
    };
    for i in 0..rows {
        p.count(r, 0, i as i64 + 1)?;
        match u.leading_group.get(i) {
            Some(m) => {
                p.centered(r, 1, m.role)?;
                p.centered(r, 2, m.name)?;
                p.centered(r, 3, m.department)?;
                p.centered(r, 4, m.title)?;
                p.centered(r, 5, m.phone)?;
                match m.fax {
                    Some(f) => p.centered(r, 6, f)?,
                    None => p.blank(r, 6)?,
                }
                p.blank(r, 7)?;
            }
            None => {
                for c in 1..width {
                    p.blank(r, c)?;
                }
            }
        }
        r += 1;
    }
    Ok(p.done())
}

fn pledge(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let mut p = Page::new(style, name, &[14.0; 6])?;
    let r = p.title(number(style, 2, None).as_deref(), "使用正版软件承诺书", 6)?;
    let body = "本人承诺严格遵守单位软件正版化工作相关规定，不私自在计算机办公设备及系统中安装或卸载软件。\
                本人若违反单位软件正版化工作相关规定，全部后果由本人负责。";
    let wrap = p.block.clone().set_text_wrap().set_align(FormatAlign::Top);
    p.ws.merge_range(r + 1, 0, r + 4, 5, body, &wrap)?;
    let (signer, date) = u.pledge;
    if p.national() {
        p.ws.write_string_with_format(r + 6, 3, format!("承诺人签字：{signer}"), &p.block)?;
    } else {
        p.ws.write_string_with_format(r + 6, 3, "承诺人签字：", &p.block)?;
        p.ws.write_string_with_format(r + 6, 4, signer, &p.block)?;
    }
    p.ws.write_string_with_format(r + 7, 4, chinese_date(date), &p.block)?;
    Ok(p.done())
}

fn request(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let q = &u.request;
    let computer = u.computer(q.computer);
    let sw = u.software(q.software);
    let mut p = Page::new(style, name, &[14.0, 8.0, 16.0, 12.0, 16.0, 12.0])?;
    let mut r = p.title(
        number(style, 10, Some(8)).as_deref(),
        "软件安装维护申请表",
        6,
    )?;
    for (c, (label, value)) in [("申请部门", computer.department), ("申请人", computer.user)]
        .iter()
        .enumerate()
    {
        p.merge(r, 2 * c as u16, r, 2 * c as u16, label, true)?;
        p.centered(r, 2 * c as u16 + 1, value)?;
    }
    p.merge(r, 4, r, 4, "申请时间", true)?;
    p.date(r, 5, q.applied_on, 0)?;
    r += 1;
    p.merge(r, 0, r, 0, "计算机编号", true)?;
    p.merge(r, 1, r, 2, computer.id, false)?;
    p.merge(r, 3, r, 3, "计算机品牌", true)?;
    p.merge(r, 4, r, 5, computer.brand, false)?;
    r += 1;
    p.merge(r, 0, r, 1, "申请类型", true)?;
    p.merge(r, 2, r, 3, "软件名称", true)?;
    p.merge(r, 4, r, 5, "软件版本", true)?;
    r += 1;
    for (label, on) in [("安装", true), ("卸载", false)] {
        p.merge(r, 0, r, 0, label, true)?;
        p.tick(r, 1, on)?;
        p.merge(r, 2, r, 3, if on { sw.name } else { "" }, false)?;
        p.merge(r, 4, r, 5, if on { q.version } else { "" }, false)?;
        r += 1;
    }
    p.merge(r, 0, r + 2, 0, "升级", true)?;
    p.tick(r, 1, false)?;
    p.merge(r, 2, r, 3, "升级前", true)?;
    p.merge(r, 4, r, 5, "升级后", true)?;
    p.blank(r + 1, 1)?;
    p.blank(r + 2, 1)?;
    for (c, h) in ["软件名称", "软件版本", "软件名称", "软件版本"]
        .iter()
        .enumerate()
    {
        p.merge(r + 1, c as u16 + 2, r + 1, c as u16 + 2, h, true)?;
        p.blank(r + 2, c as u16 + 2)?;
    }
    r += 3;
    p.merge(r, 0, r, 0, "申请原因", true)?;
    p.merge(r, 1, r, 5, q.reason, false)?;
    p.ws.set_row_height(r, 36)?;
    r += 1;
    p.approvals(r, &q.approvals, 6)?;
    Ok(p.done())
}

fn confirm(u: &Unit, style: Style, name: &str) -> Result<Worksheet, XlsxError> {
    let q = &u.request;
    let computer = u.computer(q.computer);
    let sw = u.software(q.software);
    let mut p = Page::new(style, name, &[16.0, 8.0, 16.0, 10.0, 16.0, 10.0, 18.0])?;
    let (done, not_done) = if p.national() {
        ("☑完成", "□未完成")
    } else {
        ("√完成", "□未完成")
    };
    let mut r = p.title(
        number(style, 11, Some(9)).as_deref(),
        "软件安装维护确认单",
        7,
    )?;
    for (label, value, label2, value2) in [
        ("计算机编号", computer.id, "计算机品牌", computer.brand),
        (
            "计算机使用人姓名",
            computer.user,
            "使用部门",
            computer.department,
        ),
    ] {
        p.merge(r, 0, r, 0, label, true)?;
        p.merge(r, 1, r, 2, value, false)?;
        p.merge(r, 3, r, 3, label2, true)?;
        p.merge(r, 4, r, 6, value2, false)?;
        r += 1;
    }
    p.merge(r, 0, r, 1, "安装维护类型", true)?;
    p.merge(r, 2, r, 3, "软件名称", true)?;
    p.merge(r, 4, r, 5, "软件版本", true)?;
    p.merge(r, 6, r, 6, "完成情况", true)?;
    r += 1;
    for (label, on) in [("安装", true), ("卸载", false)] {
        p.merge(r, 0, r, 0, label, true)?;
        p.tick(r, 1, on)?;
        p.merge(r, 2, r, 3, if on { sw.name } else { "" }, false)?;
        p.merge(r, 4, r, 5, if on { q.version } else { "" }, false)?;
        let status = if on {
            format!("{done} {not_done}")
        } else {
            "□完成 □未完成".to_string()
        };
        p.centered(r, 6, &status)?;
        r += 1;
    }
    p.merge(r, 0, r + 2, 0, "升级", true)?;
    p.tick(r, 1, false)?;
    p.merge(r, 2, r, 3, "升级前", true)?;
    p.merge(r, 4, r, 5, "升级后", true)?;
    p.merge(r, 6, r + 1, 6, "完成情况", true)?;
    p.blank(r + 1, 1)?;
    p.blank(r + 2, 1)?;
    for (c, h) in ["软件名称", "软件版本", "软件名称", "软件版本"]
        .iter()
        .enumerate()
    {
        p.merge(r + 1, c as u16 + 2, r + 1, c as u16 + 2, h, true)?;
        p.blank(r + 2, c as u16 + 2)?;
    }
    p.centered(r + 2, 6, "□完成 □未完成")?;
    r += 3;
    p.approvals(r, &q.confirmations, 7)?;
    Ok(p.done())
}
