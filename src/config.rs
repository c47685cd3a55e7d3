//! `zhengban.toml`: per-rule severities, rule selection and extra software classification.
//! Unknown keys are errors — a typo in a config file must not be silently ignored.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::classify::ConfigEntry;
use crate::rules::{Rule, Severity};

/// A severity or `off`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Error.
    Error,
    /// Warning.
    Warning,
    /// Info.
    Info,
    /// Rule disabled.
    Off,
}

/// The configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields, default, rename_all = "kebab-case")]
pub struct Config {
    /// Only these rules (codes or prefixes such as `ZB1`); empty means all.
    pub select: Vec<String>,
    /// Rules (codes or prefixes) to skip.
    pub ignore: Vec<String>,
    /// Severity per rule code.
    pub severity: BTreeMap<String, Level>,
    /// Extra classification entries, tried before the built-in catalogue.
    pub classification: Vec<ConfigEntry>,
}

fn matches(code: &str, pattern: &str) -> bool {
    let p = pattern.trim().to_ascii_uppercase();
    p == "ALL" || code.starts_with(&p)
}

impl Config {
    /// Read and validate a config file.
    pub fn load(path: &Path) -> Result<Config, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("无法读取配置文件 {}：{e}", path.display()))?;
        let cfg: Config =
            toml::from_str(&text).map_err(|e| format!("配置文件 {} 有误：{e}", path.display()))?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Check that every code named exists.
    pub fn validate(&self) -> Result<(), String> {
        let known = |p: &str| crate::rules::RULES.iter().any(|r| matches(r.code, p));
        for p in self
            .select
            .iter()
            .chain(&self.ignore)
            .chain(self.severity.keys())
        {
            if !known(p) {
                return Err(format!(
                    "未知的规则代码 {p}（用 zhengban rule 查看全部规则）"
                ));
            }
        }
        Ok(())
    }

    /// Add command-line selections (`--select`, `--ignore`).
    pub fn with_cli(mut self, select: &[String], ignore: &[String]) -> Result<Config, String> {
        let split = |v: &[String]| -> Vec<String> {
            v.iter()
                .flat_map(|s| s.split(','))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let select = split(select);
        if !select.is_empty() {
            self.select = select;
        }
        self.ignore.extend(split(ignore));
        self.validate()?;
        Ok(self)
    }

    /// The severity a rule runs with, or `None` when it is disabled.
    pub fn severity_of(&self, rule: &Rule) -> Option<Severity> {
        if !self.select.is_empty() && !self.select.iter().any(|p| matches(rule.code, p)) {
            return None;
        }
        if self.ignore.iter().any(|p| matches(rule.code, p)) {
            return None;
        }
        match self.severity.get(rule.code) {
            Some(Level::Off) => None,
            Some(Level::Error) => Some(Severity::Error),
            Some(Level::Warning) => Some(Severity::Warning),
            Some(Level::Info) => Some(Severity::Info),
            None => Some(rule.severity),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors() {
        let err = toml::from_str::<Config>("severty = {}").unwrap_err();
        assert!(err.to_string().contains("severty"));
    }

    #[test]
    fn parses_a_full_config() {
        let cfg: Config = toml::from_str(
            r#"
ignore = ["ZB1"]
[severity]
ZB111 = "info"
[[classification]]
pattern = "某某公文系统"
category = "other"
origin = "domestic"
needs-license = true
"#,
        )
        .unwrap();
        cfg.validate().unwrap();
        assert_eq!(cfg.severity["ZB111"], Level::Info);
        assert!(toml::from_str::<Config>("ignore = [\"ZB999\"]")
            .unwrap()
            .validate()
            .is_err());
        assert_eq!(cfg.classification.len(), 1);
    }

    #[test]
    fn prefixes_select_ranges_of_rules() {
        let cfg: Config =
            toml::from_str("ignore = [\"ZB11\"]\n[severity]\nZB123 = \"off\"").unwrap();
        cfg.validate().unwrap();
        let sev = |code: &str| cfg.severity_of(crate::rules::rule(code).unwrap());
        assert_eq!(sev("ZB113"), None);
        assert_eq!(sev("ZB123"), None);
        assert_eq!(sev("ZB101"), Some(Severity::Error));
        assert_eq!(sev("ZB119"), None);
        assert_eq!(sev("ZB121"), Some(Severity::Error));
    }
}
