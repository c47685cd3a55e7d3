//! The regulations a diagnostic's help cites, for readers who do not know the abbreviations:
//! rule texts say （台账 一.13） to stay short, and every output a clerk reads either names
//! the regulation in full the first time (a note in a cell, which is read on its own) or
//! carries a legend of the abbreviations it used (terminal, HTML, the 诊断报告 sheet).

use std::collections::BTreeSet;
use std::sync::OnceLock;

use regex::Regex;

/// A regulation cited by an abbreviation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Regulation {
    /// How rule texts cite it (`台账`).
    pub short: &'static str,
    /// Its title, without book-title marks (`软件台账管理规定`).
    pub title: &'static str,
    /// Whether `short` is an abbreviation a legend must explain (a short title such as
    /// 日常使用管理规定 explains itself; it is still named in full in a note).
    pub abbreviated: bool,
}

/// The regulations rule texts cite (rules.md): the four abbreviations, and the 指南's
/// 日常使用管理规定, which one rule cites by its short title.
pub const REGULATIONS: &[Regulation] = &[
    Regulation {
        short: "台账",
        title: "软件台账管理规定",
        abbreviated: true,
    },
    Regulation {
        short: "配置",
        title: "软件配置管理规定",
        abbreviated: true,
    },
    Regulation {
        short: "安装",
        title: "软件安装维护管理规定",
        abbreviated: true,
    },
    Regulation {
        short: "办法",
        title: "政府机关使用正版软件管理办法",
        abbreviated: true,
    },
    Regulation {
        short: "日常使用管理规定",
        title: "软件日常使用管理规定",
        abbreviated: false,
    },
];

/// A citation: an abbreviation followed by a space and a clause (`台账 一.13`,
/// `办法 第三条`), so that words such as 安装数量 are never taken for one.
fn citation() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let shorts: Vec<&str> = REGULATIONS.iter().map(|r| r.short).collect();
        Regex::new(&format!(
            "({}) (第|[一二三四五六七八九十]+[.、．)）]|[一二三四五六七八九十]+$|[一二三四五六七八九十]+[^\\p{{Han}}])",
            shorts.join("|")
        ))
        .expect("valid regex")
    })
}

fn regulation(short: &str) -> Option<&'static Regulation> {
    REGULATIONS.iter().find(|r| r.short == short)
}

/// The abbreviated regulations cited in `texts` (what a legend explains), in the order of
/// [`REGULATIONS`].
pub fn cited<'a>(texts: impl IntoIterator<Item = &'a str>) -> Vec<&'static Regulation> {
    let mut found = BTreeSet::new();
    for text in texts {
        for c in citation().captures_iter(text) {
            if let Some(i) = REGULATIONS.iter().position(|r| r.short == &c[1]) {
                found.insert(i);
            }
        }
    }
    found
        .into_iter()
        .map(|i| &REGULATIONS[i])
        .filter(|r| r.abbreviated)
        .collect()
}

/// One line naming the regulations cited in `texts`
/// (`条款引用：台账 =《软件台账管理规定》；办法 =《政府机关使用正版软件管理办法》`),
/// or `None` when nothing is cited.
pub fn legend<'a>(texts: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let cited = cited(texts);
    if cited.is_empty() {
        return None;
    }
    let parts: Vec<String> = cited
        .iter()
        .map(|r| format!("{} =《{}》", r.short, r.title))
        .collect();
    Some(format!("条款引用：{}", parts.join("；")))
}

/// `text` with the first citation of each regulation not yet in `named` written out
/// (`台账 一.13` → `《软件台账管理规定》一.13`); `named` remembers what was named, so
/// one output names each regulation once.
pub fn name_first(text: &str, named: &mut BTreeSet<&'static str>) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    let mut last = 0;
    for c in citation().captures_iter(text) {
        let m = c.get(1).expect("group 1");
        let Some(r) = regulation(m.as_str()) else {
            continue;
        };
        if !named.insert(r.short) {
            continue;
        }
        out.push_str(&text[last..m.start()]);
        out.push_str(&format!("《{}》", r.title));
        // Skip the space between the abbreviation and the clause.
        last = m.end() + 1;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_found_only_before_a_clause() {
        let found = cited([
            "按明细表重新统计安装数量（台账 一.13、二.3）",
            "安装数量 5，安装 1 次",
            "（办法 第三条）",
        ]);
        let shorts: Vec<_> = found.iter().map(|r| r.short).collect();
        assert_eq!(shorts, ["台账", "办法"]);
        assert!(cited(["安装 3 次，卸载 1 次"]).is_empty());
        assert_eq!(cited(["（安装 一.4）"])[0].title, "软件安装维护管理规定");
        assert!(
            cited(["（日常使用管理规定 六）"]).is_empty(),
            "a title needs no legend"
        );
        let mut named = BTreeSet::new();
        assert_eq!(
            name_first("（日常使用管理规定 六）", &mut named),
            "（《软件日常使用管理规定》六）"
        );
    }

    #[test]
    fn the_legend_names_what_was_cited() {
        assert_eq!(
            legend(["（配置 二.2）", "（台账 一.1）"]).unwrap(),
            "条款引用：台账 =《软件台账管理规定》；配置 =《软件配置管理规定》"
        );
        assert_eq!(legend(["没有引用"]), None);
    }

    #[test]
    fn each_regulation_is_named_once() {
        let mut named = BTreeSet::new();
        assert_eq!(
            name_first("（台账 一.13、二.3；配置 二.2）", &mut named),
            "（《软件台账管理规定》一.13、二.3；《软件配置管理规定》二.2）"
        );
        assert_eq!(
            name_first("（台账 二.2）", &mut named),
            "（台账 二.2）",
            "already named in this output"
        );
    }
}
