//! 许可期限 as typed: 永久 / 长期, an end date, a range of dates, a duration, a bare number
//! of years.

#[allow(unused_imports)]
use super::*;

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

    /// The first day the license is valid, when the term states one (a range of dates).
    pub fn start(&self) -> Option<NaiveDate> {
        match *self {
            LicenseTerm::Between(s, _) => Some(s),
            _ => None,
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

/// The longest term a bare number may give, in years: more is not a term but a typo (or a
/// year, `2025`, which a bare number never means here).
pub(super) const MAX_BARE_YEARS: f64 = 50.0;

/// A bare whole number of years (`3` → 3年): ledger systems that store 许可期限 as a number
/// (the column is 许可期限（年） there) export it so; contracts state 使用年限 in years
/// (配置 二.4). Counted from 采购时间 like `3年`.
pub(super) fn bare_years(n: f64) -> Option<LicenseTerm> {
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

pub(super) fn term_from_text(s: &str) -> Parsed<LicenseTerm> {
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
        r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})[日号]?|([0-9]{4})([0-9]{2})([0-9]{2})",
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

pub(super) fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

pub(super) fn years_range(n: &str) -> Option<LicenseTerm> {
    static YEARS: OnceLock<Regex> = OnceLock::new();
    let years = re(&YEARS, r"^([0-9]{4})年?(?:-|—|~|至|到)([0-9]{4})年?$");
    let c = years.captures(n)?;
    let a = NaiveDate::from_ymd_opt(c[1].parse().ok()?, 1, 1)?;
    let b = NaiveDate::from_ymd_opt(c[2].parse().ok()?, 12, 31)?;
    (a <= b).then_some(LicenseTerm::Between(a, b))
}

pub(super) fn duration_months(n: &str) -> Option<u32> {
    static DUR: OnceLock<Regex> = OnceLock::new();
    let dur = re(
        &DUR,
        r"^(?:有效期|使用期|期限)?([0-9]+|[一二两三四五六七八九十]+)(年|个月|月)(?:期|有效|授权|使用权)?$",
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

pub(super) fn chinese_small_number(s: &str) -> Option<u32> {
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
