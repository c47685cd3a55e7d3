//! Software classification (derive.md 软件分类): category and origin for the statistics
//! table and the 正版率, and whether an institution may use a product without a license.
//!
//! The ledgers carry neither, so the tool ships a catalogue of common products; a unit's
//! 软件分类 sheet and the config file override it.

mod catalogue;

use regex::Regex;
use serde::{Deserialize, Serialize};

pub use crate::ledger::statistics::{Category, Origin};

/// What the catalogue knows about a product.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Class {
    /// The product family as the catalogue names it.
    pub product: String,
    /// 操作系统 / 办公软件 / 杀毒软件 / 其他.
    pub category: Category,
    /// 国内 / 国外.
    pub origin: Origin,
    /// The vendor.
    pub vendor: String,
    /// Whether an institution needs a license (`None`: depends on the edition).
    pub needs_license: Option<bool>,
}

/// One catalogue entry: a name pattern and what it means.
#[derive(Debug, Clone)]
pub struct Entry {
    /// Matched against 软件名称 + 软件版本, case-insensitive, spaces removed.
    pub pattern: Regex,
    /// What a match means.
    pub class: Class,
}

/// An override entry from the config file (`[[classification]]`).
#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigEntry {
    /// A regular expression matched against name + version (spaces removed).
    pub pattern: String,
    /// `os`, `office`, `antivirus` or `other`.
    pub category: Category,
    /// `domestic` or `foreign`.
    pub origin: Origin,
    /// The vendor, optional.
    #[serde(default)]
    pub vendor: String,
    /// Whether institutions need a license.
    #[serde(default)]
    pub needs_license: Option<bool>,
}

/// The classification used for one run: unit-specific overrides first, then config
/// entries, then the built-in catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    entries: Vec<Entry>,
}

impl Default for Catalogue {
    fn default() -> Self {
        Catalogue {
            entries: catalogue::builtin(),
        }
    }
}

/// The text a pattern is matched against.
pub fn match_key(name: &str, version: &str) -> String {
    crate::base::text::norm(&format!("{name}{version}"))
}

/// A config entry's pattern that is no regular expression.
#[derive(Debug, Clone, thiserror::Error)]
#[error("软件分类规则 {pattern:?} 不是有效的正则表达式")]
pub struct PatternError {
    /// The pattern as written.
    pub pattern: String,
}

/// Compile a config entry's pattern as the catalogue matches it (case-insensitive).
pub fn compile_pattern(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&format!("(?i){pattern}"))
}

impl Catalogue {
    /// The built-in catalogue with config entries in front.
    pub fn with_config(extra: &[ConfigEntry]) -> Result<Self, PatternError> {
        let mut entries = Vec::new();
        for e in extra {
            let pattern = compile_pattern(&e.pattern).map_err(|_| PatternError {
                pattern: e.pattern.clone(),
            })?;
            entries.push(Entry {
                pattern,
                class: Class {
                    product: e.pattern.clone(),
                    category: e.category,
                    origin: e.origin,
                    vendor: e.vendor.clone(),
                    needs_license: e.needs_license,
                },
            });
        }
        entries.extend(catalogue::builtin());
        Ok(Catalogue { entries })
    }

    /// Classify a product by name and version.
    pub fn classify(&self, name: &str, version: &str) -> Option<&Class> {
        let key = match_key(name, version);
        self.entries
            .iter()
            .find(|e| e.pattern.is_match(&key))
            .map(|e| &e.class)
    }

    /// Classify a software number of a unit: the unit's 软件分类 sheet (by 软件编号) wins over
    /// the catalogue; vendor and license need still come from the catalogue when it knows
    /// the product.
    pub fn classify_in(
        &self,
        unit: &crate::ledger::Unit,
        id: Option<&str>,
        name: &str,
        version: &str,
    ) -> Option<Class> {
        let known = self.classify(name, version).cloned();
        let own = id.and_then(|id| {
            unit.classifications
                .iter()
                .flat_map(|c| &c.rows)
                .find(|r| r.id.value().is_some_and(|v| v == id))
        });
        match own {
            Some(row) => {
                let (Some(&category), Some(&origin)) = (row.category.value(), row.origin.value())
                else {
                    return known;
                };
                let mut class = known.unwrap_or(Class {
                    product: name.to_string(),
                    category,
                    origin,
                    vendor: String::new(),
                    needs_license: None,
                });
                class.category = category;
                class.origin = origin;
                Some(class)
            }
            None => known,
        }
    }

    /// Every entry (for documentation and the 软件分类 sheet).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }
}

/// Edition words an OS or office suite should carry (ZB123).
pub fn states_edition(text: &str) -> bool {
    const EDITIONS: [&str; 29] = [
        "政府版",
        "工作站版",
        "神州网信",
        "专业版",
        "企业版",
        "标准版",
        "旗舰版",
        "教育版",
        "数据中心版",
        "专业增强版",
        "政务版",
        "党政版",
        "商业版",
        "服务器版",
        "桌面版",
        "社区版",
        "家庭版",
        "个人版",
        "学生版",
        "PRO",
        "ENTERPRISE",
        "STANDARD",
        "PROFESSIONAL",
        "LTSC",
        "LTSB",
        "DATACENTER",
        "HOME",
        "ULTIMATE",
        "EDUCATION",
    ];
    let n = crate::base::text::norm(text);
    EDITIONS.iter().any(|e| n.contains(e)) || n.contains("版") && n.contains("增强")
}

/// A home, personal or student edition, not licensed for institutions (ZB121).
pub fn home_edition(text: &str) -> Option<&'static str> {
    const HOME: [&str; 9] = [
        "家庭和学生版",
        "家庭与学生版",
        "家庭中文版",
        "家庭版",
        "个人版",
        "学生版",
        "HOMEANDSTUDENT",
        "HOME&STUDENT",
        "HOME",
    ];
    let n = crate::base::text::norm(text);
    HOME.iter().copied().find(|h| n.contains(h))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_products() {
        let c = Catalogue::default();
        let cat = |n: &str, v: &str| c.classify(n, v).map(|k| (k.category, k.origin));
        assert_eq!(
            cat("Windows 10", "专业版"),
            Some((Category::Os, Origin::Foreign))
        );
        assert_eq!(
            cat("Windows Server 2019", "标准版"),
            Some((Category::Os, Origin::Foreign))
        );
        assert_eq!(
            cat("统信UOS桌面操作系统", "V20专业版"),
            Some((Category::Os, Origin::Domestic))
        );
        assert_eq!(
            cat("银河麒麟", "V10"),
            Some((Category::Os, Origin::Domestic))
        );
        assert_eq!(
            cat("Microsoft Office 2019", "专业增强版"),
            Some((Category::Office, Origin::Foreign))
        );
        assert_eq!(
            cat("WPS Office", "2019专业版"),
            Some((Category::Office, Origin::Domestic))
        );
        assert_eq!(
            cat("奇安信天擎", "V10"),
            Some((Category::Antivirus, Origin::Domestic))
        );
        assert_eq!(
            cat("卡巴斯基", ""),
            Some((Category::Antivirus, Origin::Foreign))
        );
        assert_eq!(
            cat("360安全浏览器", ""),
            Some((Category::Other, Origin::Domestic))
        );
        assert_eq!(cat("7-Zip", ""), Some((Category::Other, Origin::Foreign)));
        assert_eq!(cat("某某业务系统", ""), None);
    }

    #[test]
    fn license_needs() {
        let c = Catalogue::default();
        let needs = |n: &str| c.classify(n, "").and_then(|k| k.needs_license);
        assert_eq!(needs("WPS Office 个人版"), Some(true));
        assert_eq!(needs("Windows 10"), Some(true));
        assert_eq!(needs("WinRAR"), Some(true));
        assert_eq!(needs("Adobe Acrobat Pro DC"), Some(true));
        assert_eq!(needs("Adobe Acrobat Reader DC"), Some(false));
        assert_eq!(needs("福昕阅读器"), Some(false));
        assert_eq!(needs("福昕PDF编辑器"), Some(true));
        assert_eq!(needs("Google Chrome"), Some(false));
    }

    #[test]
    fn editions() {
        assert!(states_edition("Windows 10 专业版"));
        assert!(states_edition("Office 2019 Professional Plus"));
        assert!(!states_edition("Windows 10"));
        assert_eq!(home_edition("Windows 10 家庭中文版"), Some("家庭中文版"));
        assert_eq!(
            home_edition("Office Home and Student 2019"),
            Some("HOMEANDSTUDENT")
        );
        assert_eq!(home_edition("Windows 10 专业版"), None);
    }
}
