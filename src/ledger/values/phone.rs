//! Chinese telephone numbers as offices write them (填表人 and contact columns): landlines with an area code,
//! 11-digit mobiles, 400/800 hotlines, with dashes, brackets, a `+86` prefix, an extension,
//! a label in front (`电话：`) or several numbers in one cell.

use std::sync::OnceLock;

use regex::Regex;

use crate::base::text::fold_width;

/// What a plausible number is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Number {
    /// 11 digits starting 13–19.
    Mobile,
    /// Area code and a 7–8 digit number.
    Landline,
    /// 400 / 800 numbers (10 digits).
    Hotline,
    /// Short service numbers (95xxx, 96xxx, 12345, 10086 …): a vendor's line, not an office's.
    Service,
}

/// Why a text is not a plausible number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// 7–8 digits without an area code.
    NoAreaCode,
    /// 11 digits starting 1 but not a mobile prefix (10, 11, 12).
    BadMobile,
    /// Starts like a mobile but has not 11 digits.
    MobileLength,
    /// An area code followed by too few or too many digits.
    LandlineLength,
    /// An area code followed by a number of the right length that starts with 0 or 1: no
    /// local number does (they start 2–9), so the area code or the number is mistyped.
    LandlineFirstDigit,
    /// Digits, but too many or too few for any kind of number.
    WrongLength,
    /// Not a telephone number at all.
    NotANumber,
}

impl Fault {
    /// What is wrong, for a clerk.
    pub fn describe(self) -> &'static str {
        match self {
            Fault::NoAreaCode => "固定电话缺少区号",
            Fault::BadMobile => "手机号码的第二位应为 3–9",
            Fault::MobileLength => "手机号码应为 11 位",
            Fault::LandlineLength => "区号后的号码应为 7–8 位",
            Fault::LandlineFirstDigit => "区号后的号码首位不能是 0 或 1（固定电话号码以 2–9 开头）",
            Fault::WrongLength => "位数不对",
            Fault::NotANumber => "不是电话号码",
        }
    }
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("valid regex"))
}

/// Read one number (no separators between several numbers).
pub fn parse_one(text: &str) -> Result<Number, Fault> {
    static LABEL: OnceLock<Regex> = OnceLock::new();
    static NOTE: OnceLock<Regex> = OnceLock::new();
    static EXT: OnceLock<Regex> = OnceLock::new();
    let s = fold_width(text);
    // Notes in brackets without digits: "(办公室)", "(兼传真)".
    let s = re(&NOTE, r"[(（][^0-9()（）]*[)）]").replace_all(&s, "");
    // A label in front: "电话：", "手机", "Tel:".
    let s = re(&LABEL, r"^[^0-9+(]*").replace(&s, "");
    // An extension: "转8001", "分机 8001", "ext.8001".
    let s = re(&EXT, r"(?i)\s*(转|分机|ext\.?|x)\s*[0-9]{1,6}\s*$").replace(&s, "");
    let s = s.trim_end_matches(|c: char| c.is_whitespace() || "。.，,;；:：".contains(c));
    if s.is_empty() {
        return Err(Fault::NotANumber);
    }
    if s.chars()
        .any(|c| !(c.is_ascii_digit() || " -()+.—–".contains(c)))
    {
        return Err(Fault::NotANumber);
    }
    let (international, rest) = match s.strip_prefix("+86").or_else(|| s.strip_prefix("0086")) {
        Some(rest) => (true, rest),
        None => match s.strip_prefix("(+86)") {
            Some(rest) => (true, rest),
            None => (false, s),
        },
    };
    let digits: String = rest.chars().filter(char::is_ascii_digit).collect();
    match classify(&digits, international) {
        Ok(n) => Ok(n),
        Err(fault) => {
            // "023-70611234-8001": the last dash group may be an extension.
            let groups: Vec<&str> = rest.split(['-', '—', '–']).collect();
            match groups.split_last() {
                Some((last, head)) if head.len() >= 2 && (1..=5).contains(&last.trim().len()) => {
                    let d: String = head.concat().chars().filter(char::is_ascii_digit).collect();
                    classify(&d, international).map_err(|_| fault)
                }
                _ => Err(fault),
            }
        }
    }
}

fn classify(d: &str, international: bool) -> Result<Number, Fault> {
    let len = d.len();
    let b = d.as_bytes();
    if len == 11 && b[0] == b'1' {
        return if (b'3'..=b'9').contains(&b[1]) {
            Ok(Number::Mobile)
        } else {
            Err(Fault::BadMobile)
        };
    }
    if international && !d.starts_with('0') {
        // +86 drops the trunk 0 of the area code.
        return classify(&format!("0{d}"), false);
    }
    if len == 10 && (d.starts_with("400") || d.starts_with("800")) {
        return Ok(Number::Hotline);
    }
    if d.starts_with('0') && len > 1 {
        // 010 and 02x are three digits with the 0; every other area code is four.
        let area = if matches!(b[1], b'1' | b'2') { 3 } else { 4 };
        let local = &d[area.min(len)..];
        return if !(7..=8).contains(&local.len()) {
            Err(Fault::LandlineLength)
        } else if local.starts_with(['0', '1']) {
            Err(Fault::LandlineFirstDigit)
        } else {
            Ok(Number::Landline)
        };
    }
    if (5..=8).contains(&len) && (d.starts_with("95") || d.starts_with("96")) {
        return Ok(Number::Service);
    }
    if len == 5 && (d.starts_with("12") || d.starts_with("10")) {
        return Ok(Number::Service);
    }
    if (7..=8).contains(&len) && !d.starts_with(['0', '1']) {
        return Err(Fault::NoAreaCode);
    }
    if (9..=13).contains(&len) && d.starts_with('1') {
        return Err(Fault::MobileLength);
    }
    if d.is_empty() {
        Err(Fault::NotANumber)
    } else {
        Err(Fault::WrongLength)
    }
}

/// The parts of a cell that may hold several contacts ("023-70611234、13812345678").
pub fn parts(text: &str) -> Vec<&str> {
    text.split(['、', ',', '，', ';', '；', '/', '\n', '或'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Read every number of a cell; the first part that is not a number, with its fault.
pub fn parse_all(text: &str) -> Result<Vec<Number>, (String, Fault)> {
    let mut out = Vec::new();
    for part in parts(text) {
        match parse_one(part) {
            Ok(n) => out.push(n),
            Err(fault) => {
                // "023-70611234 13812345678": two numbers separated by a space only.
                let words: Vec<&str> = part.split_whitespace().collect();
                let each: Option<Vec<Number>> = (words.len() > 1)
                    .then(|| words.iter().map(|w| parse_one(w).ok()).collect())
                    .flatten();
                match each {
                    Some(numbers) => out.extend(numbers),
                    None => return Err((part.to_string(), fault)),
                }
            }
        }
    }
    if out.is_empty() {
        return Err((text.trim().to_string(), Fault::NotANumber));
    }
    Ok(out)
}

fn email_re() -> &'static Regex {
    static EMAIL: OnceLock<Regex> = OnceLock::new();
    re(&EMAIL, r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")
}

fn web_re() -> &'static Regex {
    static WEB: OnceLock<Regex> = OnceLock::new();
    re(
        &WEB,
        r"(?i)(https?://[^\s、,，;；]+|www\.[^\s、,，;；]+|[a-z0-9-]*[a-z][a-z0-9-]*(\.[a-z0-9-]+)*\.(com|cn|net|org|gov|edu|io)\b[^\s、,，;；]*)",
    )
}

/// The parts of a contact cell that should be telephone numbers: e-mail and web addresses
/// are cut out whole (the `/` of a URL is no separator), and so are the labels that
/// introduced them ("邮箱：", "官网").
pub fn contact_parts(text: &str) -> Vec<String> {
    let folded = fold_width(text);
    let had_address = email_re().is_match(&folded) || web_re().is_match(&folded);
    let no_mail = email_re().replace_all(&folded, "、");
    let rest = web_re().replace_all(&no_mail, "、");
    parts(&rest)
        .into_iter()
        .filter(|p| !had_address || p.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn landlines() {
        for s in [
            "023-70611234",
            "02370611234",
            "(023)70611234",
            "（023）7061-1234",
            "010-88886666",
            "0571-8888888",
            "0571-88886666",
            "023 7061 1234",
            "+86-23-70611234",
            "+86 10 88886666",
            "023-70611234转8001",
            "023-70611234-8001",
            "电话：023-70611234",
            "023-70611234（办公室）",
            "０２３－７０６１１２３４",
        ] {
            assert_eq!(parse_one(s), Ok(Number::Landline), "{s}");
        }
    }

    #[test]
    fn mobiles_and_hotlines() {
        for s in [
            "13812345678",
            "138-1234-5678",
            "138 1234 5678",
            "+86 13812345678",
            "手机 19912345678",
        ] {
            assert_eq!(parse_one(s), Ok(Number::Mobile), "{s}");
        }
        for s in ["400-810-5888", "4008105888", "800-820-8820"] {
            assert_eq!(parse_one(s), Ok(Number::Hotline), "{s}");
        }
        assert_eq!(parse_one("95105888"), Ok(Number::Service));
        assert_eq!(parse_one("12345"), Ok(Number::Service));
    }

    #[test]
    fn addresses_are_cut_out_whole() {
        assert_eq!(
            contact_parts("https://support.google.com/chrome、400-810-5888"),
            vec!["400-810-5888"]
        );
        assert!(contact_parts("https://www.7-zip.org").is_empty());
        assert!(contact_parts("service@foxitsoftware.com").is_empty());
    }

    #[test]
    fn faults() {
        assert_eq!(parse_one("70611234"), Err(Fault::NoAreaCode));
        assert_eq!(parse_one("7061123"), Err(Fault::NoAreaCode));
        assert_eq!(parse_one("12812345678"), Err(Fault::BadMobile));
        assert_eq!(parse_one("1381234567"), Err(Fault::MobileLength));
        assert_eq!(parse_one("023-706112"), Err(Fault::LandlineLength));
        assert_eq!(parse_one("023-01234567"), Err(Fault::LandlineFirstDigit));
        assert_eq!(parse_one("0831-15123456"), Err(Fault::LandlineFirstDigit));
        assert_eq!(parse_one("010-12345678"), Err(Fault::LandlineFirstDigit));
        assert_eq!(parse_one("0831-151234"), Err(Fault::LandlineLength));
        assert_eq!(parse_one("12345678901234"), Err(Fault::WrongLength));
        assert_eq!(parse_one("王芳"), Err(Fault::NotANumber));
        assert_eq!(parse_one("待定"), Err(Fault::NotANumber));
        assert_eq!(parse_one("023-7061abcd"), Err(Fault::NotANumber));
    }

    #[test]
    fn several_numbers() {
        assert_eq!(
            parse_all("023-70611234、13812345678"),
            Ok(vec![Number::Landline, Number::Mobile])
        );
        assert_eq!(
            parse_all("023-70611234 13812345678"),
            Ok(vec![Number::Landline, Number::Mobile])
        );
        assert_eq!(
            parse_all("023-70611234/7061123"),
            Err(("7061123".to_string(), Fault::NoAreaCode))
        );
    }

    #[test]
    fn mail_and_web() {
        for s in [
            "support@7-zip.org",
            "邮箱：service@example.com.cn",
            "www.7-zip.org",
            "https://www.foxitsoftware.cn/support",
            "官网 7-zip.org",
        ] {
            assert!(contact_parts(s).is_empty(), "{s}");
        }
        assert_eq!(contact_parts("在线客服"), vec!["在线客服"]);
        assert_eq!(contact_parts("023.7061.1234"), vec!["023.7061.1234"]);
        assert_eq!(contact_parts("023-70611234"), vec!["023-70611234"]);
    }
}
