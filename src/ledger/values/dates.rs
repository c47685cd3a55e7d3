//! Dates as typed (Excel serials, ISO and Chinese forms, `20230501`), purchase times that
//! may name only a month, and dates given as text on the command line.

#[allow(unused_imports)]
use super::*;

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

pub(super) fn number_as_date(n: f64) -> Option<NaiveDate> {
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

pub(super) fn date_from_text(s: &str) -> Parsed<NaiveDate> {
    let s = clean(s);
    if s.is_empty() {
        return Parsed::Empty;
    }
    if is_not_applicable(s) {
        return Parsed::NotApplicable;
    }
    let compact = strip_weekday(&strip_time(&norm(s)));
    if compact
        .chars()
        .all(|c| matches!(c, '年' | '月' | '日' | '/' | '-' | '.' | '_'))
    {
        // The template's blank "    年  月  日", or a sign line's "____年__月__日".
        return Parsed::Empty;
    }
    parse_day(&compact).map_or(Parsed::Invalid, Parsed::Value)
}

pub(super) fn strip_time(s: &str) -> String {
    static TIME: OnceLock<Regex> = OnceLock::new();
    let re = re(
        &TIME,
        r"(?:T|\s)?[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?$",
    );
    re.replace(s, "").into_owned()
}

/// A date with its weekday ("2025-04-02 星期三", "2025年4月2日（周三）"), as a ledger
/// exported from a calendar or typed by a careful clerk writes it: the weekday adds nothing.
fn strip_weekday(s: &str) -> String {
    static WEEKDAY: OnceLock<Regex> = OnceLock::new();
    let re = re(&WEEKDAY, r"\(?(?:星期|礼拜|周)[一二三四五六日天]\)?$");
    re.replace(s, "").trim_end().to_string()
}

pub(super) fn parse_day(compact: &str) -> Option<NaiveDate> {
    let (y, m, d) = day_parts(compact).or_else(|| day_parts(&han_date(compact)?))?;
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A date written in Chinese numerals, as on a signed document ("二〇二六年十一月二十七日"), in
/// Arabic digits ("2026年11月27日"): the year digit by digit, month and day as numbers.
fn han_date(compact: &str) -> Option<String> {
    fn digit(c: char) -> Option<u32> {
        "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c)
            .map(|p| p as u32)
            .or((c == '零' || c == 'O' || c == 'o').then_some(0))
    }
    // 十一 = 11, 二十七 = 27, 十 = 10, 三十 = 30.
    fn number(s: &str) -> Option<u32> {
        match s.split_once('十') {
            Some((tens, ones)) => {
                let tens = if tens.is_empty() {
                    1
                } else {
                    digit(tens.chars().next()?).filter(|_| tens.chars().count() == 1)?
                };
                let ones = if ones.is_empty() {
                    0
                } else {
                    digit(ones.chars().next()?).filter(|_| ones.chars().count() == 1)?
                };
                Some(tens * 10 + ones)
            }
            None => {
                let mut chars = s.chars();
                let one = digit(chars.next()?)?;
                chars.next().is_none().then_some(one)
            }
        }
    }
    let (year, rest) = compact.split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let day = rest
        .strip_suffix('日')
        .or_else(|| rest.strip_suffix('号'))?;
    let year: String = year
        .chars()
        .map(|c| digit(c).and_then(|d| char::from_digit(d, 10)))
        .collect::<Option<_>>()?;
    Some(format!("{year}年{}月{}日", number(month)?, number(day)?))
}

/// Year, month and day of a date written in one of the accepted forms, before checking
/// that the day exists.
pub(super) fn day_parts(compact: &str) -> Option<(i32, u32, u32)> {
    static YMD: OnceLock<Regex> = OnceLock::new();
    static PACKED: OnceLock<Regex> = OnceLock::new();
    let ymd = re(
        &YMD,
        r"^([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})[日号]?$",
    );
    let packed = re(&PACKED, r"^([0-9]{4})([0-9]{2})([0-9]{2})$");
    // Two digits for the year, year first as Chinese dates always are ("21.05.17"); not
    // with slashes, which American dates (05/17/21) use in another order.
    static SHORT: OnceLock<Regex> = OnceLock::new();
    let short = re(
        &SHORT,
        r"^([0-9]{2})([-.年])([0-9]{1,2})[-.月]([0-9]{1,2})[日号]?$",
    );
    if let Some(c) = short.captures(compact) {
        let yy: i32 = c[1].parse().ok()?;
        let year = if yy < 80 { 2000 + yy } else { 1900 + yy };
        return Some((year, c[3].parse().ok()?, c[4].parse().ok()?));
    }
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

pub(super) fn month_from_text(s: &str) -> Parsed<PurchaseTime> {
    static YM: OnceLock<Regex> = OnceLock::new();
    let ym = re(&YM, r"^([0-9]{4})[-/.年]([0-9]{1,2})月?(?:份)?$");
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

/// The year of a date, for the statistics year.
pub fn year_of(d: NaiveDate) -> i32 {
    d.year()
}
