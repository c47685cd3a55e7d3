//! The built-in product catalogue. Order matters: the first matching entry wins, so
//! specific products (360安全浏览器, WPS Office) come before broad ones (360, Office).

use regex::Regex;

use super::{Category, Class, Entry, Origin};

const LICENSE: Option<bool> = Some(true);
const FREE: Option<bool> = Some(false);
const DEPENDS: Option<bool> = None;

/// (pattern, product, category, origin, vendor, needs license)
type Row = (
    &'static str,
    &'static str,
    Category,
    Origin,
    &'static str,
    Option<bool>,
);

const ROWS: &[Row] = &[
    // Browsers, readers and tools that share a brand with security or office products.
    (
        r"360.*(浏览器|压缩|BROWSER)",
        "360浏览器/压缩",
        Category::Other,
        Origin::Domestic,
        "360",
        FREE,
    ),
    (
        r"福昕.*(阅读|READER)|FOXIT.*READER",
        "福昕阅读器",
        Category::Other,
        Origin::Domestic,
        "福昕软件",
        FREE,
    ),
    (
        r"福昕|FOXIT",
        "福昕PDF",
        Category::Other,
        Origin::Domestic,
        "福昕软件",
        LICENSE,
    ),
    (
        r"ADOBE.*(ACROBAT)?READER|ACROBATREADER",
        "Adobe Acrobat Reader",
        Category::Other,
        Origin::Foreign,
        "Adobe",
        FREE,
    ),
    (
        r"ACROBAT",
        "Adobe Acrobat",
        Category::Other,
        Origin::Foreign,
        "Adobe",
        LICENSE,
    ),
    (
        r"PHOTOSHOP|ILLUSTRATOR|PREMIERE|INDESIGN|ADOBE",
        "Adobe",
        Category::Other,
        Origin::Foreign,
        "Adobe",
        LICENSE,
    ),
    (
        r"WINRAR",
        "WinRAR",
        Category::Other,
        Origin::Foreign,
        "RARLAB",
        LICENSE,
    ),
    (
        r"7-?ZIP",
        "7-Zip",
        Category::Other,
        Origin::Foreign,
        "Igor Pavlov",
        FREE,
    ),
    (
        r"BANDIZIP|好压|快压",
        "压缩工具",
        Category::Other,
        Origin::Domestic,
        "",
        FREE,
    ),
    (
        r"CHROME|谷歌浏览器",
        "Google Chrome",
        Category::Other,
        Origin::Foreign,
        "Google",
        FREE,
    ),
    (
        r"FIREFOX|火狐",
        "Firefox",
        Category::Other,
        Origin::Foreign,
        "Mozilla",
        FREE,
    ),
    (
        r"EDGE浏览器|MICROSOFTEDGE",
        "Microsoft Edge",
        Category::Other,
        Origin::Foreign,
        "Microsoft",
        FREE,
    ),
    (
        r"搜狗|输入法",
        "输入法",
        Category::Other,
        Origin::Domestic,
        "",
        FREE,
    ),
    (
        r"微信|WECHAT|钉钉|QQ|腾讯会议|企业微信",
        "即时通讯",
        Category::Other,
        Origin::Domestic,
        "腾讯/阿里",
        FREE,
    ),
    (
        r"AUTOCAD|AUTODESK",
        "AutoCAD",
        Category::Other,
        Origin::Foreign,
        "Autodesk",
        LICENSE,
    ),
    (
        r"中望CAD|浩辰CAD",
        "国产CAD",
        Category::Other,
        Origin::Domestic,
        "",
        LICENSE,
    ),
    (
        r"数科|OFD",
        "版式软件",
        Category::Other,
        Origin::Domestic,
        "数科网维",
        LICENSE,
    ),
    // Operating systems.
    (
        r"WINDOWSSERVER|WINSERVER",
        "Windows Server",
        Category::Os,
        Origin::Foreign,
        "Microsoft",
        LICENSE,
    ),
    (
        r"WINDOWS|WIN(7|8|10|11|XP)",
        "Windows",
        Category::Os,
        Origin::Foreign,
        "Microsoft",
        LICENSE,
    ),
    (
        r"统信|UOS|UNIONTECH",
        "统信UOS",
        Category::Os,
        Origin::Domestic,
        "统信软件",
        LICENSE,
    ),
    (
        r"中标麒麟|NEOKYLIN",
        "中标麒麟",
        Category::Os,
        Origin::Domestic,
        "中标软件",
        LICENSE,
    ),
    (
        r"麒麟|KYLIN",
        "银河麒麟",
        Category::Os,
        Origin::Domestic,
        "麒麟软件",
        LICENSE,
    ),
    (
        r"深度|DEEPIN",
        "深度操作系统",
        Category::Os,
        Origin::Domestic,
        "统信软件",
        DEPENDS,
    ),
    (
        r"红旗LINUX|中科方德|方德",
        "国产Linux",
        Category::Os,
        Origin::Domestic,
        "",
        LICENSE,
    ),
    (
        r"MACOS|MACOSX|OSX",
        "macOS",
        Category::Os,
        Origin::Foreign,
        "Apple",
        DEPENDS,
    ),
    // Office suites: WPS before the generic "Office".
    (
        r"WPS",
        "WPS Office",
        Category::Office,
        Origin::Domestic,
        "金山办公",
        LICENSE,
    ),
    (
        r"永中",
        "永中Office",
        Category::Office,
        Origin::Domestic,
        "永中软件",
        LICENSE,
    ),
    (
        r"LIBREOFFICE|OPENOFFICE",
        "LibreOffice",
        Category::Office,
        Origin::Foreign,
        "The Document Foundation",
        FREE,
    ),
    (
        r"MICROSOFT365|OFFICE365|MICROSOFTOFFICE|MSOFFICE|^OFFICE|OFFICE20|OFFICE(专业|标准|家庭)|^(WORD|EXCEL|POWERPOINT|VISIO|PROJECT)",
        "Microsoft Office",
        Category::Office,
        Origin::Foreign,
        "Microsoft",
        LICENSE,
    ),
    // Antivirus.
    (
        r"奇安信|天擎",
        "奇安信天擎",
        Category::Antivirus,
        Origin::Domestic,
        "奇安信",
        LICENSE,
    ),
    (
        r"360",
        "360安全",
        Category::Antivirus,
        Origin::Domestic,
        "360",
        DEPENDS,
    ),
    (
        r"火绒",
        "火绒安全",
        Category::Antivirus,
        Origin::Domestic,
        "火绒",
        DEPENDS,
    ),
    (
        r"瑞星",
        "瑞星",
        Category::Antivirus,
        Origin::Domestic,
        "瑞星",
        LICENSE,
    ),
    (
        r"金山毒霸",
        "金山毒霸",
        Category::Antivirus,
        Origin::Domestic,
        "金山",
        DEPENDS,
    ),
    (
        r"江民",
        "江民",
        Category::Antivirus,
        Origin::Domestic,
        "江民",
        LICENSE,
    ),
    (
        r"亚信",
        "亚信安全",
        Category::Antivirus,
        Origin::Domestic,
        "亚信安全",
        LICENSE,
    ),
    (
        r"腾讯电脑管家",
        "腾讯电脑管家",
        Category::Antivirus,
        Origin::Domestic,
        "腾讯",
        FREE,
    ),
    (
        r"SYMANTEC|赛门铁克|NORTON|诺顿",
        "Symantec",
        Category::Antivirus,
        Origin::Foreign,
        "Broadcom",
        LICENSE,
    ),
    (
        r"MCAFEE|迈克菲",
        "McAfee",
        Category::Antivirus,
        Origin::Foreign,
        "McAfee",
        LICENSE,
    ),
    (
        r"KASPERSKY|卡巴斯基",
        "Kaspersky",
        Category::Antivirus,
        Origin::Foreign,
        "Kaspersky",
        LICENSE,
    ),
    (
        r"ESET|NOD32",
        "ESET",
        Category::Antivirus,
        Origin::Foreign,
        "ESET",
        LICENSE,
    ),
    (
        r"TRENDMICRO|趋势科技",
        "Trend Micro",
        Category::Antivirus,
        Origin::Foreign,
        "Trend Micro",
        LICENSE,
    ),
    // The generic Linux last: a product named "for Linux" (WPS Office 2019 for Linux, a
    // browser's Linux build) is that product, not the system.
    (
        r"UBUNTU|CENTOS|DEBIAN|FEDORA|LINUX",
        "Linux",
        Category::Os,
        Origin::Foreign,
        "",
        FREE,
    ),
];

/// The built-in entries.
///
/// Their patterns are written in upper case and match [`super::match_key`], which upper-cases
/// ASCII: they are compiled case-sensitive, which costs a third of a case-insensitive
/// compile at every start (config patterns, typed in any case, stay case-insensitive).
pub fn builtin() -> Vec<Entry> {
    ROWS.iter()
        .map(
            |&(pattern, product, category, origin, vendor, needs_license)| Entry {
                pattern: Regex::new(pattern).expect("catalogue patterns are valid"),
                class: Class {
                    product: product.to_string(),
                    category,
                    origin,
                    vendor: vendor.to_string(),
                    needs_license,
                },
            },
        )
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compiled case-sensitive against an upper-cased key: a lower-case ASCII letter (outside
    /// an escape such as `\d`) would never match.
    #[test]
    fn built_in_patterns_are_upper_case() {
        for (pattern, ..) in ROWS {
            let mut escaped = false;
            for c in pattern.chars() {
                assert!(
                    escaped || !c.is_ascii_lowercase(),
                    "{pattern}: lower case {c:?} never matches the upper-cased key"
                );
                escaped = c == '\\' && !escaped;
            }
        }
        let c = super::super::Catalogue::default();
        assert!(c.classify("wps office", "2019").is_some());
        assert!(c.classify("ubuntu", "22.04").is_some());
    }
}
