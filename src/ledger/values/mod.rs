//! Values as offices type them — dates, license terms, money, counts, checkboxes — parsed
//! into typed values that remember the cell they came from.
//!
//! Parsing never fails a file: what cannot be read becomes [`Parsed::Invalid`] with the
//! raw text kept, so a rule can point at the cell and quote what the clerk typed.

use std::sync::OnceLock;

use chrono::{Datelike, Months, NaiveDate};
use regex::Regex;
use serde::Serialize;

use crate::base::text::{
    clean, fold_width, is_not_applicable, is_not_applicable_normed, norm, serial_to_date,
    with_short_norm,
};
use crate::base::CellRef;
use crate::workbook::Cell;

mod checkboxes;
mod counts;
mod dates;
mod money;
mod names;
pub mod phone;
mod terms;

pub use checkboxes::*;
pub use counts::*;
pub use dates::*;
pub use money::*;
pub use names::*;
pub use terms::*;

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
        // As typed, only trimmed: a message quoting `____年__月__日` shows the blanks. A
        // number's or date's text is made once and kept when trimming leaves it whole.
        let shown = cell.shown();
        let trimmed = shown.trim();
        let raw = if trimmed.len() == shown.len() {
            shown.into_owned()
        } else {
            trimmed.to_string()
        };
        Field {
            parsed: parse(cell),
            raw,
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
        // A type is a word or two; longer text is a remark that merely mentions one.
        if n.is_empty() || n.chars().count() > 12 {
            return None;
        }
        let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
        // An office's own ledger says how the software came (来源类型, 取得方式): bought,
        // licensed, given or transferred with a license is commercial (台账 一.4), preinstalled
        // with the computer is OEM, free to use is free. Preinstalled wins over a word of
        // giving (随机赠送), a negation over free (非免费).
        if has(&["非免费", "不免费"]) {
            return Some(SoftwareKind::Commercial);
        }
        if has(&["OEM", "预装", "预置", "随机", "出厂", "自带", "整机"]) {
            return Some(SoftwareKind::Oem);
        }
        if has(&["免费", "开源", "自由软件", "公益软件", "下载", "无偿"]) {
            return Some(SoftwareKind::Free);
        }
        let commercial = [
            "商业", "商用", "采购", "购买", "购置", "收费", "付费", "正版", "授权", "赠", "调拨",
            "划拨", "调入", "租用", "订阅", "许可", "配发", "下发", "自购", "有偿",
        ];
        has(&commercial).then_some(SoftwareKind::Commercial)
    }
}

/// A value pattern, compiled once. Values are width-folded before they are matched, so the
/// patterns say `[0-9]`, not `\d`: Unicode's digit class is large to compile at every start,
/// and a digit of another script would not parse as a number anyway.
fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
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
            "二〇二三年五月一日",
            "二零二三年五月一日",
            "2023-05-01 星期一",
            "2023年5月1日（周一）",
            "23.05.01",
            "23-5-1",
        ] {
            assert_eq!(date(&t(s)), may1, "{s}");
        }
        // Slashes with two digits are an American order: not guessed.
        assert_eq!(date(&t("05/01/23")), Parsed::Invalid);
        assert_eq!(date(&Cell::Date(45047.0)), may1);
        assert_eq!(date(&Cell::Number(45047.0)), may1);
        assert_eq!(date(&Cell::Number(20230501.0)), may1);
        assert_eq!(date(&Cell::DateIso("2023-05-01T00:00:00".into())), may1);
        assert_eq!(
            date(&t("二〇二六年十一月二十七日")),
            Parsed::Value(d(2026, 11, 27))
        );
        assert_eq!(
            date(&t("二〇二六年十月三十日")),
            Parsed::Value(d(2026, 10, 30))
        );
        assert_eq!(date(&t("二〇二六年二月三十日")), Parsed::Invalid);
        assert_eq!(date(&t("二〇二六年十一月二十十日")), Parsed::Invalid);
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
