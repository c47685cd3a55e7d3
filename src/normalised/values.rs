//! The normalised scalar forms that JSON has no type for — dates, purchase months and
//! license terms — with strict parsing and Chinese messages, since an IT system that
//! writes `2023/5/1` should be told what we expect rather than get a blank cell.

use std::fmt;

use chrono::{Months, NaiveDate};
use serde::de::{self, Deserializer, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// A calendar day, written `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub NaiveDate);

fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `YYYY-MM-DD` with a four-digit year and two-digit month and day.
fn parse_day(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::from_ymd_opt(
        s[0..4].parse().ok()?,
        s[5..7].parse().ok()?,
        s[8..10].parse().ok()?,
    )
}

/// `YYYY-MM`.
fn parse_month(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    let shaped = b.len() == 7
        && b[4] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || c.is_ascii_digit());
    if !shaped {
        return None;
    }
    NaiveDate::from_ymd_opt(s[0..4].parse().ok()?, s[5..7].parse().ok()?, 1)
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&iso(self.0))
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("日期字符串 YYYY-MM-DD（如 \"2023-05-01\"）")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Date, E> {
                parse_day(s).map(Date).ok_or_else(|| {
                    E::custom(format!(
                        "日期 \"{s}\" 不对：应为 YYYY-MM-DD 格式的有效日期（如 \"2023-05-01\"）"
                    ))
                })
            }
        }
        d.deserialize_str(V)
    }
}

/// A purchase time: a day, or only year and month (`2023-05`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PurchaseTime {
    /// The day, or the first of the month.
    pub date: NaiveDate,
    /// Whether only year and month are known.
    pub month_only: bool,
}

impl PurchaseTime {
    /// `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.
    pub fn iso(&self) -> String {
        if self.month_only {
            self.date.format("%Y-%m").to_string()
        } else {
            iso(self.date)
        }
    }
}

impl Serialize for PurchaseTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.iso())
    }
}

impl<'de> Deserialize<'de> for PurchaseTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = PurchaseTime;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("采购时间字符串 YYYY-MM-DD 或 YYYY-MM")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<PurchaseTime, E> {
                if let Some(date) = parse_day(s) {
                    return Ok(PurchaseTime {
                        date,
                        month_only: false,
                    });
                }
                parse_month(s)
                    .map(|date| PurchaseTime {
                        date,
                        month_only: true,
                    })
                    .ok_or_else(|| {
                        E::custom(format!(
                            "采购时间 \"{s}\" 不对：应为 YYYY-MM-DD 或只写年月 YYYY-MM（如 \"2023-05\"）"
                        ))
                    })
            }
        }
        d.deserialize_str(V)
    }
}

/// A license term (许可期限).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    /// 永久.
    Perpetual,
    /// Valid until a day.
    Until(NaiveDate),
    /// Valid from a day to a day.
    Between(NaiveDate, NaiveDate),
    /// A duration from the purchase time; `end` is the last valid day, where known.
    Months {
        /// Months.
        months: u32,
        /// The last valid day, computed from the purchase time.
        end: Option<NaiveDate>,
    },
}

impl Term {
    /// A duration with its end counted from the purchase date.
    pub fn months(months: u32, purchased_on: Option<NaiveDate>) -> Term {
        let end = purchased_on
            .and_then(|p| p.checked_add_months(Months::new(months)))
            .and_then(|d| d.pred_opt());
        Term::Months { months, end }
    }

    /// The term as a clerk writes it, in a form the reader reads back as the same term:
    /// 永久, 至2025-12-31, 2023-01-01至2025-12-31, 3年, 18个月.
    pub fn clerk_text(&self) -> String {
        match *self {
            Term::Perpetual => "永久".into(),
            Term::Until(d) => format!("至{}", iso(d)),
            Term::Between(a, b) => format!("{}至{}", iso(a), iso(b)),
            Term::Months { months, .. } if months % 12 == 0 => format!("{}年", months / 12),
            Term::Months { months, .. } => format!("{months}个月"),
        }
    }
}

impl Serialize for Term {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        match *self {
            Term::Perpetual => m.serialize_entry("perpetual", &true)?,
            Term::Until(d) => {
                m.serialize_entry("perpetual", &false)?;
                m.serialize_entry("end", &iso(d))?;
            }
            Term::Between(a, b) => {
                m.serialize_entry("perpetual", &false)?;
                m.serialize_entry("start", &iso(a))?;
                m.serialize_entry("end", &iso(b))?;
            }
            Term::Months { months, end } => {
                m.serialize_entry("perpetual", &false)?;
                m.serialize_entry("months", &months)?;
                m.serialize_entry("end", &end.map(iso))?;
            }
        }
        m.end()
    }
}

/// The term object as typed, before its parts are checked against each other.
#[derive(Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "许可期限对象，如 {\"perpetual\": true}、{\"end\": \"2025-12-31\"}、{\"start\": …, \"end\": …} 或 {\"months\": 36}"
)]
struct RawTerm {
    #[serde(default)]
    perpetual: bool,
    start: Option<Date>,
    end: Option<Date>,
    months: Option<u32>,
}

impl<'de> Deserialize<'de> for Term {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawTerm::deserialize(d)?;
        let err = |m: &str| de::Error::custom(m);
        match raw {
            RawTerm {
                perpetual: true,
                start: None,
                end: None,
                months: None,
            } => Ok(Term::Perpetual),
            RawTerm {
                perpetual: true, ..
            } => Err(err(
                "许可期限 perpetual 为 true（永久）时不能再有 start、end 或 months",
            )),
            RawTerm {
                months: Some(0), ..
            } => Err(err("许可期限 months 应大于 0")),
            RawTerm {
                months: Some(months),
                start: None,
                end,
                ..
            } => Ok(Term::Months {
                months,
                end: end.map(|e| e.0),
            }),
            RawTerm {
                months: Some(_), ..
            } => Err(err(
                "许可期限 months（期限长度）与 start（起始日期）不能同时给出",
            )),
            RawTerm {
                start: Some(a),
                end: Some(b),
                ..
            } if a > b => Err(err(&format!(
                "许可期限的 start {} 晚于 end {}",
                iso(a.0),
                iso(b.0)
            ))),
            RawTerm {
                start: Some(a),
                end: Some(b),
                ..
            } => Ok(Term::Between(a.0, b.0)),
            RawTerm {
                start: None,
                end: Some(b),
                ..
            } => Ok(Term::Until(b.0)),
            RawTerm {
                start: Some(_),
                end: None,
                ..
            } => Err(err("许可期限只有 start（起始日期），缺少 end（截止日期）")),
            RawTerm { .. } => Err(err(
                "许可期限是空的：应写 {\"perpetual\": true}、{\"end\": …}、{\"start\": …, \"end\": …} 或 {\"months\": …}；没有许可期限时写 null",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn terms_round_trip_through_json() {
        for t in [
            Term::Perpetual,
            Term::Until(d(2025, 12, 31)),
            Term::Between(d(2023, 1, 1), d(2025, 12, 31)),
            Term::months(36, Some(d(2021, 3, 15))),
            Term::months(18, None),
        ] {
            let text = serde_json::to_string(&t).unwrap();
            let back: Term = serde_json::from_str(&text).unwrap();
            assert_eq!(back, t, "{text}");
        }
        assert_eq!(
            serde_json::to_string(&Term::months(36, Some(d(2021, 3, 15)))).unwrap(),
            r#"{"perpetual":false,"months":36,"end":"2024-03-14"}"#
        );
    }

    #[test]
    fn clerk_text_of_terms() {
        assert_eq!(Term::Perpetual.clerk_text(), "永久");
        assert_eq!(Term::Until(d(2025, 12, 31)).clerk_text(), "至2025-12-31");
        assert_eq!(
            Term::Between(d(2023, 1, 1), d(2025, 12, 31)).clerk_text(),
            "2023-01-01至2025-12-31"
        );
        assert_eq!(Term::months(36, None).clerk_text(), "3年");
        assert_eq!(Term::months(18, None).clerk_text(), "18个月");
    }

    #[test]
    fn bad_terms_say_why() {
        for (text, part) in [
            (r#"{"perpetual": false}"#, "空的"),
            (r#"{"start": "2023-01-01"}"#, "缺少 end"),
            (r#"{"start": "2025-01-01", "end": "2023-01-01"}"#, "晚于"),
            (r#"{"perpetual": true, "end": "2023-01-01"}"#, "不能再有"),
            (r#"{"months": 0}"#, "大于 0"),
            (r#"{"end": "2023/1/1"}"#, "YYYY-MM-DD"),
        ] {
            let err = serde_json::from_str::<Term>(text).unwrap_err().to_string();
            assert!(err.contains(part), "{text}: {err}");
        }
    }

    #[test]
    fn dates_and_months_are_strict() {
        assert!(serde_json::from_str::<Date>("\"2023-05-01\"").is_ok());
        for bad in ["\"2023-5-1\"", "\"2023/05/01\"", "\"2023-02-30\"", "\"\""] {
            assert!(serde_json::from_str::<Date>(bad).is_err(), "{bad}");
        }
        let m: PurchaseTime = serde_json::from_str("\"2023-05\"").unwrap();
        assert!(m.month_only);
        assert_eq!(serde_json::to_string(&m).unwrap(), "\"2023-05\"");
        assert!(serde_json::from_str::<PurchaseTime>("\"2023-13\"").is_err());
    }
}
