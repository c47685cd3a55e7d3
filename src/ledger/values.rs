//! Values as offices type them — dates, license terms, money, counts, checkboxes — parsed
//! into typed values that remember the cell they came from.
//!
//! Parsing never fails a file: what cannot be read becomes [`Parsed::Invalid`] with the
//! raw text kept, so a rule can point at the cell and quote what the clerk typed.

use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::workbook::text::{clean, fold_width, is_not_applicable, norm, serial_to_date};
use crate::workbook::{Cell, CellRef};

/// The outcome of reading one cell as a typed value.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed<T> {
    /// Nothing typed.
    Empty,
    /// A dash or 无: "not applicable", deliberately not filled.
    NotApplicable,
    /// A readable value.
    Value(T),
    /// Something typed that cannot be read as the column's type.
    Invalid,
}

/// A typed value with its source cell and the text the clerk typed.
#[derive(Debug, Clone, PartialEq)]
pub struct Field<T> {
    /// The parsed value.
    pub parsed: Parsed<T>,
    /// The cell as displayed (for messages).
    pub raw: String,
    /// Where it came from; `None` when the column or label is absent.
    pub cell: Option<CellRef>,
}

impl<T> Parsed<T> {
    /// Map a readable value.
    pub fn map_value<U>(self, f: impl FnOnce(T) -> U) -> Parsed<U> {
        match self {
            Parsed::Value(v) => Parsed::Value(f(v)),
            Parsed::Empty => Parsed::Empty,
            Parsed::NotApplicable => Parsed::NotApplicable,
            Parsed::Invalid => Parsed::Invalid,
        }
    }
}

impl<T> Field<T> {
    /// A field whose column or label does not exist in the table.
    pub fn absent() -> Self {
        Field {
            parsed: Parsed::Empty,
            raw: String::new(),
            cell: None,
        }
    }

    /// Build a field from a cell with a parser.
    pub fn read(cell: &Cell, at: Option<CellRef>, parse: impl FnOnce(&Cell) -> Parsed<T>) -> Self {
        Field {
            parsed: parse(cell),
            // As typed, only trimmed: a message quoting `____年__月__日` shows the blanks.
            raw: match shown_text(cell) {
                Some(s) => s.trim().to_string(),
                None => {
                    let shown = cell.display();
                    match shown.trim() {
                        t if t.len() == shown.len() => shown,
                        t => t.to_string(),
                    }
                }
            },
            cell: at,
        }
    }

    /// The value, when readable.
    pub fn value(&self) -> Option<&T> {
        match &self.parsed {
            Parsed::Value(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the clerk typed something other than a not-applicable dash.
    pub fn is_filled(&self) -> bool {
        matches!(self.parsed, Parsed::Value(_) | Parsed::Invalid)
    }

    /// Whether nothing (or only a dash) was typed.
    pub fn is_blank(&self) -> bool {
        !self.is_filled()
    }

    /// Whether something was typed that cannot be read.
    pub fn is_invalid(&self) -> bool {
        matches!(self.parsed, Parsed::Invalid)
    }

    /// Map the value, keeping cell and raw text.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Field<U> {
        Field {
            parsed: match self.parsed {
                Parsed::Value(v) => Parsed::Value(f(v)),
                Parsed::Empty => Parsed::Empty,
                Parsed::NotApplicable => Parsed::NotApplicable,
                Parsed::Invalid => Parsed::Invalid,
            },
            raw: self.raw,
            cell: self.cell,
        }
    }
}

impl<T: Serialize> Serialize for Field<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.parsed {
            Parsed::Value(v) => v.serialize(s),
            _ => s.serialize_none(),
        }
    }
}

/// 商业软件 / OEM软件 / 免费软件.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SoftwareKind {
    /// 商业软件: bought or received licenses.
    Commercial,
    /// OEM软件: preinstalled with the computer.
    Oem,
    /// 免费软件.
    Free,
}

impl SoftwareKind {
    /// All three, in template order.
    pub const ALL: [SoftwareKind; 3] = [
        SoftwareKind::Commercial,
        SoftwareKind::Oem,
        SoftwareKind::Free,
    ];

    /// The label as printed in the templates.
    pub fn label(self) -> &'static str {
        match self {
            SoftwareKind::Commercial => "商业软件",
            SoftwareKind::Oem => "OEM软件",
            SoftwareKind::Free => "免费软件",
        }
    }

    /// Read the type as typed in a cell (商业软件, 商业, OEM, 预装, 免费 …).
    pub fn from_text(s: &str) -> Option<SoftwareKind> {
        let n = norm(s);
        let n = n.trim_end_matches("类");
        match n {
            "商业软件" | "商业" | "商用软件" | "商用" | "正版商业软件" | "收费软件" => {
                Some(SoftwareKind::Commercial)
            }
            "OEM软件" | "OEM" | "OEM预装" | "OEM预装软件" | "预装软件" | "预装" | "随机预装"
            | "随机预装软件" | "随机软件" => Some(SoftwareKind::Oem),
            "免费软件" | "免费" | "开源软件" | "开源免费软件" | "免费开源软件" => {
                Some(SoftwareKind::Free)
            }
            _ => None,
        }
    }
}

/// A license term (许可期限).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LicenseTerm {
    /// 永久 / 长期 / 永久授权.
    Perpetual,
    /// An end date.
    Until(NaiveDate),
    /// A start and an end date.
    Between(NaiveDate, NaiveDate),
    /// A duration counted from the purchase time (`3年`, `36个月`).
    Months(u32),
}

impl LicenseTerm {
    /// The last day the license is valid, given the purchase date for durations; `None`
    /// for perpetual licenses or a duration without a purchase date.
    pub fn end(&self, purchased_on: Option<NaiveDate>) -> Option<NaiveDate> {
        match *self {
            LicenseTerm::Perpetual => None,
            LicenseTerm::Until(d) | LicenseTerm::Between(_, d) => Some(d),
            LicenseTerm::Months(m) => purchased_on
                .and_then(|p| p.checked_add_months(Months::new(m)))
                .and_then(|d| d.pred_opt()),
        }
    }

    /// Whether the term never ends.
    pub fn is_perpetual(&self) -> bool {
        matches!(self, LicenseTerm::Perpetual)
    }

    /// The normalised JSON object of cli.md (`{"perpetual": true}`, `{"end": …}` …).
    pub fn to_json(&self, purchased_on: Option<NaiveDate>) -> serde_json::Value {
        use serde_json::json;
        match *self {
            LicenseTerm::Perpetual => json!({"perpetual": true}),
            LicenseTerm::Until(d) => json!({"perpetual": false, "end": d.to_string()}),
            LicenseTerm::Between(s, e) => {
                json!({"perpetual": false, "start": s.to_string(), "end": e.to_string()})
            }
            LicenseTerm::Months(m) => json!({"perpetual": false, "months": m,
                "end": self.end(purchased_on).map(|d| d.to_string())}),
        }
    }

    /// How a clerk would write the term (for messages and derived sheets).
    pub fn describe(&self) -> String {
        match *self {
            LicenseTerm::Perpetual => "永久".into(),
            LicenseTerm::Until(d) => format!("至{}", d.format("%Y-%m-%d")),
            LicenseTerm::Between(s, e) => {
                format!("{}至{}", s.format("%Y-%m-%d"), e.format("%Y-%m-%d"))
            }
            LicenseTerm::Months(m) if m % 12 == 0 => format!("{}年", m / 12),
            LicenseTerm::Months(m) => format!("{m}个月"),
        }
    }
}

/// A purchase time: a day, or only a month (`2023.5`, `2023年5月`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PurchaseTime {
    /// The day, or the first day of the month.
    pub date: NaiveDate,
    /// Whether only year and month were given.
    pub month_only: bool,
}

impl PurchaseTime {
    /// The last day the purchase may have happened (end of month for month-only times).
    pub fn latest(&self) -> NaiveDate {
        if self.month_only {
            self.date
                .checked_add_months(Months::new(1))
                .and_then(|d| d.pred_opt())
                .unwrap_or(self.date)
        } else {
            self.date
        }
    }
}

impl Serialize for PurchaseTime {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.month_only {
            s.serialize_str(&self.date.format("%Y-%m").to_string())
        } else {
            s.serialize_str(&self.date.format("%Y-%m-%d").to_string())
        }
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// Text columns: trimmed text; dashes and 无 are not applicable.
pub fn text(cell: &Cell) -> Parsed<String> {
    if cell.is_blank() {
        return Parsed::Empty;
    }
    let displayed;
    let shown = match shown_text(cell) {
        Some(s) => s,
        None => {
            displayed = cell.display();
            displayed.as_str()
        }
    };
    let s = clean(shown);
    if s.is_empty() {
        Parsed::Empty
    } else if is_not_applicable(s) {
        Parsed::NotApplicable
    } else {
        Parsed::Value(s.to_string())
    }
}

/// The text a cell shows when it holds it as text ([`Cell::display`] without the copy).
fn shown_text(cell: &Cell) -> Option<&str> {
    match cell {
        Cell::Text(s) | Cell::DateIso(s) | Cell::Error(s) => Some(s),
        _ => None,
    }
}

/// Software names: like [`text`], without the `* ` marker some ledger systems put in front
/// of a name (`* 统信UOS桌面操作系统`); the marker is not part of the name.
pub fn name(cell: &Cell) -> Parsed<String> {
    match text(cell) {
        Parsed::Value(s) => {
            let rest = s
                .trim_start_matches(['*', '＊'])
                .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{3000}');
            if rest.is_empty() {
                Parsed::Value(s)
            } else {
                Parsed::Value(rest.to_string())
            }
        }
        other => other,
    }
}

/// Codes (软件编号, 计算机编号): like [`text`], with inner spaces removed and width folded,
/// so `RJ 003` and `ＲＪ003` are the same number.
pub fn code(cell: &Cell) -> Parsed<String> {
    match text(cell) {
        Parsed::Value(s) => Parsed::Value(
            fold_width(&s)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect(),
        ),
        other => other,
    }
}

/// Dates: Excel serials, ISO and Chinese forms, `20230501`, stray spaces.
pub fn date(cell: &Cell) -> Parsed<NaiveDate> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Date(serial) => serial_to_date(*serial).map_or(Parsed::Invalid, Parsed::Value),
        Cell::Number(n) => number_as_date(*n).map_or(Parsed::Invalid, Parsed::Value),
        Cell::DateIso(s) => date_from_text(s),
        Cell::Text(s) => date_from_text(s),
        Cell::Bool(_) | Cell::Error(_) => Parsed::Invalid,
    }
}

fn number_as_date(n: f64) -> Option<NaiveDate> {
    if n.fract() == 0.0 && (19_000_101.0..=21_001_231.0).contains(&n) {
        let v = n as u32;
        return NaiveDate::from_ymd_opt((v / 10000) as i32, (v / 100) % 100, v % 100);
    }
    // Serials from 1980 to 2100: a date cell whose format was lost.
    if (29_221.0..73_051.0).contains(&n) {
        return serial_to_date(n);
    }
    None
}

fn date_from_text(s: &str) -> Parsed<NaiveDate> {
    let s = clean(s);
    if s.is_empty() {
        return Parsed::Empty;
    }
    if is_not_applicable(s) {
        return Parsed::NotApplicable;
    }
    let compact = strip_time(&norm(s));
    if compact
        .chars()
        .all(|c| matches!(c, '年' | '月' | '日' | '/' | '-' | '.' | '_'))
    {
        // The template's blank "    年  月  日", or a sign line's "____年__月__日".
        return Parsed::Empty;
    }
    parse_day(&compact).map_or(Parsed::Invalid, Parsed::Value)
}

fn strip_time(s: &str) -> String {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let re = re(&TIME, r"(?:T|\s)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$");
    re.replace(s, "").into_owned()
}

fn parse_day(compact: &str) -> Option<NaiveDate> {
    let (y, m, d) = day_parts(compact)?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// Year, month and day of a date written in one of the accepted forms, before checking
/// that the day exists.
fn day_parts(compact: &str) -> Option<(i32, u32, u32)> {
    static YMD: OnceLock<Regex> = OnceLock::new();
    static PACKED: OnceLock<Regex> = OnceLock::new();
    let ymd = re(&YMD, r"^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$");
    let packed = re(&PACKED, r"^(\d{4})(\d{2})(\d{2})$");
    let c = ymd.captures(compact).or_else(|| packed.captures(compact))?;
    Some((c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?))
}

/// Why a date typed as text (a command-line option) could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTextError {
    /// Not written in any of the accepted forms.
    Format,
    /// Written correctly, but the day does not exist (2026-02-30).
    NoSuchDay,
}

/// A date written as text in any form the reader accepts in cells (2026-11-25, 2026/11/25,
/// 2026.11.25, 2026年11月25日, 20261125), telling a day that does not exist from text that
/// is not a date.
pub fn date_text(s: &str) -> Result<NaiveDate, DateTextError> {
    let compact = strip_time(&norm(clean(s)));
    let (y, m, d) = day_parts(&compact).ok_or(DateTextError::Format)?;
    NaiveDate::from_ymd_opt(y, m, d).ok_or(DateTextError::NoSuchDay)
}

/// Purchase times: any date form, or year and month only.
pub fn purchase_time(cell: &Cell) -> Parsed<PurchaseTime> {
    let day = |date| {
        Parsed::Value(PurchaseTime {
            date,
            month_only: false,
        })
    };
    match cell {
        // `2023.5` typed into a General cell arrives as the number 2023.5.
        Cell::Number(n) if (1980.0..2101.0).contains(n) => month_from_text(&cell.display()),
        Cell::Text(s) => match date_from_text(s) {
            Parsed::Value(d) => day(d),
            Parsed::Invalid => month_from_text(s),
            Parsed::Empty => Parsed::Empty,
            Parsed::NotApplicable => Parsed::NotApplicable,
        },
        other => match date(other) {
            Parsed::Value(d) => day(d),
            Parsed::Empty => Parsed::Empty,
            Parsed::NotApplicable => Parsed::NotApplicable,
            Parsed::Invalid => Parsed::Invalid,
        },
    }
}

fn month_from_text(s: &str) -> Parsed<PurchaseTime> {
    static YM: OnceLock<Regex> = OnceLock::new();
    let ym = re(&YM, r"^(\d{4})[-/.年](\d{1,2})月?(?:份)?$");
    let compact = norm(s);
    ym.captures(&compact)
        .and_then(|c| NaiveDate::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, 1))
        .map_or(Parsed::Invalid, |date| {
            Parsed::Value(PurchaseTime {
                date,
                month_only: true,
            })
        })
}

/// The longest term a bare number may give, in years: more is not a term but a typo (or a
/// year, `2025`, which a bare number never means here).
const MAX_BARE_YEARS: f64 = 50.0;

/// A bare whole number of years (`3` → 3年): ledger systems that store 许可期限 as a number
/// (the column is 许可期限（年） there) export it so; contracts state 使用年限 in years
/// (配置 二.4). Counted from 采购时间 like `3年`.
fn bare_years(n: f64) -> Option<LicenseTerm> {
    (n.fract() == 0.0 && (1.0..=MAX_BARE_YEARS).contains(&n))
        .then(|| LicenseTerm::Months(n as u32 * 12))
}

/// License terms: 永久 / 长期, an end date, a range, a duration, a bare number of years.
pub fn term(cell: &Cell) -> Parsed<LicenseTerm> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Date(_) | Cell::DateIso(_) => match date(cell) {
            Parsed::Value(d) => Parsed::Value(LicenseTerm::Until(d)),
            _ => Parsed::Invalid,
        },
        Cell::Number(n) => match bare_years(*n) {
            Some(t) => Parsed::Value(t),
            None => number_as_date(*n)
                .filter(|_| *n >= 19_000_101.0)
                .map_or(Parsed::Invalid, |d| Parsed::Value(LicenseTerm::Until(d))),
        },
        Cell::Text(s) => term_from_text(s),
        Cell::Bool(_) | Cell::Error(_) => Parsed::Invalid,
    }
}

fn term_from_text(s: &str) -> Parsed<LicenseTerm> {
    let s = clean(s);
    if s.is_empty() {
        return Parsed::Empty;
    }
    if is_not_applicable(s) {
        return Parsed::NotApplicable;
    }
    let n = norm(s);
    const PERPETUAL: [&str; 10] = [
        "永久",
        "长期",
        "永久授权",
        "永久使用",
        "永久许可",
        "长期有效",
        "无期限",
        "不限期",
        "长期使用",
        "永久有效",
    ];
    if PERPETUAL.contains(&n.as_str()) {
        return Parsed::Value(LicenseTerm::Perpetual);
    }
    if let Some(m) = duration_months(&n) {
        return Parsed::Value(LicenseTerm::Months(m));
    }
    if let Some(t) = n.parse::<f64>().ok().and_then(bare_years) {
        return Parsed::Value(t);
    }
    static DAY: OnceLock<Regex> = OnceLock::new();
    let day = re(
        &DAY,
        r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?|(\d{4})(\d{2})(\d{2})",
    );
    let dates: Vec<(usize, usize, Option<NaiveDate>)> = day
        .captures_iter(&n)
        .map(|c| {
            let m = c.get(0).expect("whole match");
            let d = if c.get(1).is_some() {
                ymd(&c[1], &c[2], &c[3])
            } else {
                ymd(&c[4], &c[5], &c[6])
            };
            (m.start(), m.end(), d)
        })
        .collect();
    let is_sep = |t: &str| {
        matches!(
            t,
            "-" | "—"
                | "——"
                | "~"
                | "～"
                | "至"
                | "到"
                | "－"
                | "–"
                | "/"
                | "起至"
                | "起"
                | "—至"
        )
    };
    let is_until_word = |t: &str| {
        matches!(
            t,
            "" | "止"
                | "到期"
                | "截止"
                | "至"
                | "到"
                | "有效"
                | "前"
                | "为止"
                | "截至"
                | "有效期至"
        )
    };
    match dates.as_slice() {
        [(s1, e1, Some(a)), (s2, e2, Some(b))]
            if *s1 == 0 && *e2 == n.len() && is_sep(&n[*e1..*s2]) =>
        {
            Parsed::Value(LicenseTerm::Between(*a, *b))
        }
        [(s1, e1, Some(d))] if is_until_word(&n[..*s1]) && is_until_word(&n[*e1..]) => {
            Parsed::Value(LicenseTerm::Until(*d))
        }
        [] => years_range(&n).map_or(Parsed::Invalid, Parsed::Value),
        _ => Parsed::Invalid,
    }
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn years_range(n: &str) -> Option<LicenseTerm> {
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let years = re(&YEARS, r"^(\d{4})年?(?:-|—|~|至|到)(\d{4})年?$");
    let c = years.captures(n)?;
    let a = NaiveDate::from_ymd_opt(c[1].parse().ok()?, 1, 1)?;
    let b = NaiveDate::from_ymd_opt(c[2].parse().ok()?, 12, 31)?;
    (a <= b).then_some(LicenseTerm::Between(a, b))
}

fn duration_months(n: &str) -> Option<u32> {
    static DUR: OnceLock<Regex> = OnceLock::new();
    let dur = re(
        &DUR,
        r"^(?:有效期|使用期|期限)?(\d+|[一二两三四五六七八九十]+)(年|个月|月)(?:期|有效|授权|使用权)?$",
    );
    let c = dur.captures(n)?;
    let qty = c[1]
        .parse::<u32>()
        .ok()
        .or_else(|| chinese_small_number(&c[1]))?;
    if qty == 0 {
        return None;
    }
    match &c[2] {
        "年" => qty.checked_mul(12),
        _ => Some(qty),
    }
}

fn chinese_small_number(s: &str) -> Option<u32> {
    let digit = |c: char| match c {
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    };
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        ['十'] => Some(10),
        [d] => digit(*d),
        ['十', d] => Some(10 + digit(*d)?),
        [d, '十'] => Some(digit(*d)? * 10),
        [a, '十', b] => Some(digit(*a)? * 10 + digit(*b)?),
        _ => None,
    }
}

/// Money in 元: numbers, `1,200.00`, `¥1200`, `1200元`, `0.12万元`.
pub fn money(cell: &Cell) -> Parsed<f64> {
    money_in(cell, Unit::Yuan)
}

/// Money in 万元, for the statistics table's 金额（万元） columns: a bare number is already
/// in 万元; `4800元` is converted.
pub fn money_wan(cell: &Cell) -> Parsed<f64> {
    money_in(cell, Unit::Wan)
}

#[derive(Clone, Copy, PartialEq)]
enum Unit {
    Yuan,
    Wan,
}

fn money_in(cell: &Cell, column: Unit) -> Parsed<f64> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Number(n) => Parsed::Value(*n),
        Cell::Text(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Parsed::Empty;
            }
            if is_not_applicable(s) {
                return Parsed::NotApplicable;
            }
            let mut n: String = norm(s)
                .chars()
                .filter(|c| !matches!(c, ',' | '，' | '¥' | '￥' | '$'))
                .collect();
            for prefix in ["人民币", "RMB", "CNY"] {
                if let Some(rest) = n.strip_prefix(prefix) {
                    n = rest.to_string();
                }
            }
            let (digits, typed) = if let Some(v) = n.strip_suffix("万元").or(n.strip_suffix("万"))
            {
                (v.to_string(), Some(Unit::Wan))
            } else if let Some(v) = n.strip_suffix('元') {
                (v.to_string(), Some(Unit::Yuan))
            } else {
                (n, None)
            };
            let factor = match (typed.unwrap_or(column), column) {
                (Unit::Wan, Unit::Yuan) => 10_000.0,
                (Unit::Yuan, Unit::Wan) => 0.0001,
                _ => 1.0,
            };
            digits
                .parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                // Only a unit conversion needs rounding (to clear float noise): a figure typed
                // as text is kept as typed, like a number cell, because 统计表 keeps 万元 with
                // four decimals and rounding to cents would change 0.4850 into 0.49.
                .map_or(Parsed::Invalid, |v| {
                    Parsed::Value(match (factor == 1.0, column) {
                        (true, _) => v,
                        (false, Unit::Yuan) => round2(v * factor),
                        (false, Unit::Wan) => (v * factor * 1e6).round() / 1e6,
                    })
                })
        }
        _ => Parsed::Invalid,
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Counts: whole numbers, text digits, full-width digits, `12个`, `12套`.
pub fn count(cell: &Cell) -> Parsed<i64> {
    match cell {
        Cell::Empty => Parsed::Empty,
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e12 => Parsed::Value(*n as i64),
        Cell::Number(_) => Parsed::Invalid,
        Cell::Text(s) => {
            let s = clean(s);
            if s.is_empty() {
                return Parsed::Empty;
            }
            if is_not_applicable(s) {
                return Parsed::NotApplicable;
            }
            let n = norm(s).replace(',', "");
            let n = n.trim_end_matches([
                '个', '套', '台', '份', '人', '次', '只', '件', '户', '部', '组',
            ]);
            n.parse::<i64>().map_or(Parsed::Invalid, Parsed::Value)
        }
        _ => Parsed::Invalid,
    }
}

/// Characters and words that mean a ticked box.
fn is_tick(n: &str) -> bool {
    matches!(
        n,
        "☑" | "☒"
            | "■"
            | "√"
            | "✓"
            | "✔"
            | "✗"
            | "✘"
            | "×"
            | "X"
            | "是"
            | "1"
            | "Y"
            | "YES"
            | "▇"
            | "●"
            | "★"
            | "TRUE"
            | "V"
            | "☑️"
            | "✅"
    )
}

/// Characters and words that mean an unticked box.
fn is_untick(n: &str) -> bool {
    matches!(
        n,
        "□" | "☐" | "口" | "否" | "0" | "N" | "NO" | "FALSE" | "○" | "◯"
    )
}

/// A checkbox cell: unticked `□`, ticked `☑ √ ✓ × x 是 1`, or the option's own text.
pub fn checkbox(cell: &Cell, option: &str) -> Parsed<bool> {
    match cell {
        Cell::Empty => Parsed::Value(false),
        Cell::Bool(b) => Parsed::Value(*b),
        Cell::Number(n) if *n == 1.0 => Parsed::Value(true),
        Cell::Number(n) if *n == 0.0 => Parsed::Value(false),
        Cell::Text(s) => {
            let n = norm(s);
            if n.is_empty() {
                return Parsed::Value(false);
            }
            if is_tick(&n) {
                return Parsed::Value(true);
            }
            if is_untick(&n) || is_not_applicable(&n) {
                return Parsed::Value(false);
            }
            let opt = norm(option);
            // "☑商业软件" or just "商业软件" typed into its own box.
            if let Some(rest) = n.strip_suffix(opt.as_str()) {
                if rest.is_empty() || is_tick(rest) {
                    return Parsed::Value(true);
                }
                if is_untick(rest) {
                    return Parsed::Value(false);
                }
            }
            Parsed::Invalid
        }
        _ => Parsed::Invalid,
    }
}

/// Which options are ticked in inline text such as `☑商业软件 □OEM软件 □免费软件`.
pub fn ticked_in_text(text: &str, options: &[&str]) -> Vec<usize> {
    let n = norm(text);
    let mut out = Vec::new();
    for (i, opt) in options.iter().enumerate() {
        let o = norm(opt);
        if let Some(pos) = n.find(&o) {
            let before: Option<char> = n[..pos].chars().last();
            if let Some(c) = before {
                if is_tick(&c.to_string()) {
                    out.push(i);
                }
            }
        }
    }
    out
}

/// 可使用版本: a list separated by 、 , ; / 及 和.
pub fn version_list(cell: &Cell) -> Parsed<Vec<String>> {
    match text(cell) {
        Parsed::Value(s) => {
            let parts: Vec<String> = fold_width(&s)
                .split(['、', ',', '，', ';', '；', '/', '\n'])
                .flat_map(|p| p.split("及"))
                .flat_map(|p| p.split("和"))
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() {
                Parsed::Empty
            } else {
                Parsed::Value(parts)
            }
        }
        Parsed::Empty => Parsed::Empty,
        Parsed::NotApplicable => Parsed::NotApplicable,
        Parsed::Invalid => Parsed::Invalid,
    }
}

/// The software type typed as text (汇总表's 软件类型 column).
pub fn kind(cell: &Cell) -> Parsed<SoftwareKind> {
    match text(cell) {
        Parsed::Value(s) => SoftwareKind::from_text(&s).map_or(Parsed::Invalid, Parsed::Value),
        Parsed::Empty => Parsed::Empty,
        Parsed::NotApplicable => Parsed::Invalid,
        Parsed::Invalid => Parsed::Invalid,
    }
}

/// Compare versions as clerks write them: `2019`, `V2019`, `2019版` are the same.
pub fn same_version(a: &str, b: &str) -> bool {
    version_key(a) == version_key(b)
}

/// The comparable form of a version string.
pub fn version_key(v: &str) -> String {
    let n = norm(v);
    let n = n.strip_prefix('V').unwrap_or(&n);
    let n = n.strip_prefix("VER").unwrap_or(n);
    n.trim_end_matches('版')
        .trim_end_matches("版本")
        .to_string()
}

/// Compare names as clerks write them: width, spaces and letter case do not matter.
pub fn same_name(a: &str, b: &str) -> bool {
    norm(a) == norm(b)
}

/// The year of a date, for the statistics year.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.to_string())
    }
    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn dates_typed_as_options() {
        for s in [
            "2026-11-25",
            "2026/11/25",
            "2026.11.25",
            "2026年11月25日",
            "20261125",
            " 2026-11-25 ",
        ] {
            assert_eq!(date_text(s), Ok(d(2026, 11, 25)), "{s}");
        }
        assert_eq!(date_text("2026-02-30"), Err(DateTextError::NoSuchDay));
        assert_eq!(date_text("20261325"), Err(DateTextError::NoSuchDay));
        assert_eq!(date_text("25.11.2026"), Err(DateTextError::Format));
        assert_eq!(date_text("明天"), Err(DateTextError::Format));
    }

    #[test]
    fn dates_in_every_listed_form() {
        let may1 = Parsed::Value(d(2023, 5, 1));
        for s in [
            "2023-05-01",
            "2023/5/1",
            "2023.5.1",
            "2023年5月1日",
            "20230501",
            " 2023 年 5 月 1 日 ",
            "2023-05-01 00:00:00",
            "２０２３年５月１日",
            "2023-5-1",
        ] {
            assert_eq!(date(&t(s)), may1, "{s}");
        }
        assert_eq!(date(&Cell::Date(45047.0)), may1);
        assert_eq!(date(&Cell::Number(45047.0)), may1);
        assert_eq!(date(&Cell::Number(20230501.0)), may1);
        assert_eq!(date(&Cell::DateIso("2023-05-01T00:00:00".into())), may1);
    }

    #[test]
    fn bad_and_blank_dates() {
        assert_eq!(date(&t("2023-13-01")), Parsed::Invalid);
        assert_eq!(date(&t("2023-02-30")), Parsed::Invalid);
        assert_eq!(date(&t("去年五月")), Parsed::Invalid);
        assert_eq!(date(&t("2023.5")), Parsed::Invalid);
        assert_eq!(date(&Cell::Number(12.0)), Parsed::Invalid);
        assert_eq!(date(&t("    年    月   日")), Parsed::Empty);
        // A sign line's blank, as generators print it.
        assert_eq!(date(&t("____年__月__日")), Parsed::Empty);
        assert_eq!(date(&t("____ 年  __ 月 __ 日")), Parsed::Empty);
        assert_eq!(date(&t("＿＿＿＿年＿＿月＿＿日")), Parsed::Empty);
        // Partly filled is not blank.
        assert_eq!(date(&t("2026年__月__日")), Parsed::Invalid);
        assert_eq!(date(&t("")), Parsed::Empty);
        assert_eq!(date(&Cell::Empty), Parsed::Empty);
        assert_eq!(date(&t("—")), Parsed::NotApplicable);
    }

    #[test]
    fn purchase_times_may_be_months() {
        let month = |y, m| {
            Parsed::Value(PurchaseTime {
                date: d(y, m, 1),
                month_only: true,
            })
        };
        assert_eq!(purchase_time(&t("2023.5")), month(2023, 5));
        assert_eq!(purchase_time(&t("2023年5月")), month(2023, 5));
        assert_eq!(purchase_time(&t("2023-11")), month(2023, 11));
        assert_eq!(purchase_time(&Cell::Number(2023.5)), month(2023, 5));
        assert_eq!(purchase_time(&Cell::Number(2023.12)), month(2023, 12));
        assert_eq!(
            purchase_time(&t("2023年5月20日")),
            Parsed::Value(PurchaseTime {
                date: d(2023, 5, 20),
                month_only: false
            })
        );
        assert_eq!(purchase_time(&t("2023年13月")), Parsed::Invalid);
        let m = PurchaseTime {
            date: d(2024, 2, 1),
            month_only: true,
        };
        assert_eq!(m.latest(), d(2024, 2, 29));
    }

    #[test]
    fn license_terms() {
        for s in ["永久", "长期", "永久授权", " 永 久 "] {
            assert_eq!(term(&t(s)), Parsed::Value(LicenseTerm::Perpetual), "{s}");
        }
        let range = Parsed::Value(LicenseTerm::Between(d(2023, 1, 1), d(2025, 12, 31)));
        assert_eq!(term(&t("2023.1.1-2025.12.31")), range);
        assert_eq!(term(&t("2023年1月1日至2025年12月31日")), range);
        assert_eq!(term(&t("2023-01-01-2025-12-31")), range);
        assert_eq!(term(&t("2023/1/1~2025/12/31")), range);
        assert_eq!(term(&t("2023-2025")), range);
        let until = Parsed::Value(LicenseTerm::Until(d(2025, 12, 31)));
        assert_eq!(term(&t("2025-12-31")), until);
        assert_eq!(term(&t("2025年12月31日止")), until);
        assert_eq!(term(&t("至2025.12.31")), until);
        assert_eq!(term(&Cell::Date(46022.0)), until);
        assert_eq!(term(&t("1年")), Parsed::Value(LicenseTerm::Months(12)));
        assert_eq!(term(&t("3年")), Parsed::Value(LicenseTerm::Months(36)));
        assert_eq!(term(&t("三年")), Parsed::Value(LicenseTerm::Months(36)));
        assert_eq!(term(&t("36个月")), Parsed::Value(LicenseTerm::Months(36)));
        assert_eq!(term(&t("—")), Parsed::NotApplicable);
        assert_eq!(term(&t("看合同")), Parsed::Invalid);
        assert_eq!(term(&t("0年")), Parsed::Invalid);
    }

    #[test]
    fn a_bare_number_is_years() {
        assert_eq!(
            term(&Cell::Number(3.0)),
            Parsed::Value(LicenseTerm::Months(36))
        );
        assert_eq!(term(&t("3")), Parsed::Value(LicenseTerm::Months(36)));
        assert_eq!(term(&t(" １ ")), Parsed::Value(LicenseTerm::Months(12)));
        assert_eq!(
            LicenseTerm::Months(36).end(Some(d(2024, 1, 15))),
            Some(d(2027, 1, 14))
        );
        // Not a number of years: zero, fractions, years, packed dates.
        assert_eq!(term(&Cell::Number(0.0)), Parsed::Invalid);
        assert_eq!(term(&Cell::Number(1.5)), Parsed::Invalid);
        assert_eq!(term(&Cell::Number(2025.0)), Parsed::Invalid);
        assert_eq!(term(&t("2025")), Parsed::Invalid);
        assert_eq!(
            term(&Cell::Number(20251231.0)),
            Parsed::Value(LicenseTerm::Until(d(2025, 12, 31)))
        );
    }

    #[test]
    fn term_end_counts_from_purchase() {
        let t3 = LicenseTerm::Months(36);
        assert_eq!(t3.end(Some(d(2021, 3, 15))), Some(d(2024, 3, 14)));
        assert_eq!(t3.end(None), None);
        assert_eq!(LicenseTerm::Perpetual.end(Some(d(2021, 3, 15))), None);
    }

    #[test]
    fn money_forms() {
        for (s, v) in [
            ("1,200.00", 1200.0),
            ("¥1200", 1200.0),
            ("￥1,200", 1200.0),
            ("1200元", 1200.0),
            ("0.12万元", 1200.0),
            ("1.5万", 15000.0),
            ("１２００", 1200.0),
        ] {
            assert_eq!(money(&t(s)), Parsed::Value(v), "{s}");
        }
        assert_eq!(money(&Cell::Number(45000.0)), Parsed::Value(45000.0));
        assert_eq!(money_wan(&t("0.12万元")), Parsed::Value(0.12));
        assert_eq!(money_wan(&t("0.4850")), Parsed::Value(0.485));
        assert_eq!(money_wan(&t("4,800元")), Parsed::Value(0.48));
        assert_eq!(money_wan(&Cell::Number(1.055)), Parsed::Value(1.055));
        // 万元 figures of the statistics table typed as text keep their four decimals.
        assert_eq!(money(&t("0.4850")), Parsed::Value(0.485));
        assert_eq!(money(&t("1.0275")), money(&Cell::Number(1.0275)));
        assert_eq!(money(&t("面议")), Parsed::Invalid);
        assert_eq!(money(&t("—")), Parsed::NotApplicable);
    }

    #[test]
    fn count_forms() {
        for (s, v) in [
            ("12", 12),
            ("１２", 12),
            ("12个", 12),
            ("12套", 12),
            ("-1", -1),
        ] {
            assert_eq!(count(&t(s)), Parsed::Value(v), "{s}");
        }
        assert_eq!(count(&Cell::Number(12.0)), Parsed::Value(12));
        assert_eq!(count(&Cell::Number(1.5)), Parsed::Invalid);
        assert_eq!(count(&t("若干")), Parsed::Invalid);
        assert_eq!(count(&t("—")), Parsed::NotApplicable);
    }

    #[test]
    fn checkboxes() {
        for s in [
            "☑",
            "☒",
            "■",
            "√",
            "✓",
            "✔",
            "✗",
            "×",
            "x",
            "X",
            "是",
            "1",
            "☑商业软件",
            "商业软件",
        ] {
            assert_eq!(checkbox(&t(s), "商业软件"), Parsed::Value(true), "{s}");
        }
        for s in ["□", "☐", "", "否", "□商业软件"] {
            assert_eq!(checkbox(&t(s), "商业软件"), Parsed::Value(false), "{s}");
        }
        assert_eq!(checkbox(&Cell::Empty, "安装"), Parsed::Value(false));
        assert_eq!(checkbox(&Cell::Number(1.0), "安装"), Parsed::Value(true));
        assert_eq!(checkbox(&t("可能"), "安装"), Parsed::Invalid);
        assert_eq!(
            ticked_in_text(
                "☑商业软件 □OEM软件 □免费软件",
                &["商业软件", "OEM软件", "免费软件"]
            ),
            vec![0]
        );
    }

    #[test]
    fn kinds_and_lists() {
        assert_eq!(
            kind(&t("商业软件")),
            Parsed::Value(SoftwareKind::Commercial)
        );
        assert_eq!(kind(&t("oem")), Parsed::Value(SoftwareKind::Oem));
        assert_eq!(kind(&t("预装")), Parsed::Value(SoftwareKind::Oem));
        assert_eq!(kind(&t(" 免费 ")), Parsed::Value(SoftwareKind::Free));
        assert_eq!(kind(&t("共享软件")), Parsed::Invalid);
        assert_eq!(kind(&Cell::Empty), Parsed::Empty);
        assert_eq!(
            version_list(&t("2019、2016,2013")),
            Parsed::Value(vec!["2019".into(), "2016".into(), "2013".into()])
        );
        assert!(same_version("2019", "V2019"));
        assert!(same_version("2019版", "２０１９"));
        assert_eq!(code(&t(" RJ 003 ")), Parsed::Value("RJ003".into()));
        assert_eq!(
            name(&t("* 统信UOS桌面操作系统")),
            Parsed::Value("统信UOS桌面操作系统".into())
        );
        assert_eq!(name(&t("＊WPS Office")), Parsed::Value("WPS Office".into()));
        assert_eq!(name(&t("7-Zip")), Parsed::Value("7-Zip".into()));
        assert_eq!(name(&t("*")), Parsed::Value("*".into()));
        assert_eq!(text(&Cell::Number(2019.0)), Parsed::Value("2019".into()));
    }
}
