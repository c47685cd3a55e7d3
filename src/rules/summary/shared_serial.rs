use super::super::prelude::*;
use super::{line, subject};
use crate::base::text::norm;
use crate::ledger::summary::SummaryRow;
use crate::ledger::values::same_name;

declare_rule! {
    /// ## 检查什么
    /// 汇总表中软件名称不同的两行登记了同一个**序列号**（商业软件和类型不明的行；OEM 软件、
    /// 免费软件不填序列号，由 ZB107、ZB108 报告）。序列号按忽略大小写、空格和全角半角
    /// 比较；一格里用“、”“，”“;”“/”或换行隔开的几个序列号逐个比较。同一软件编号的几行（一个
    /// 采购批次分行登记）、同一软件名称的几行（一份批量协议下的几批）不算。“无”“见授权书”
    /// “随机”“预装”“OEM”“在线激活”“账号授权”“0”之类的说明，以及不足 5 个字符、不含字母
    /// 数字或只由一个字符重复而成的内容，不当作序列号。
    ///
    /// ## 为什么
    /// 序列号（授权码）随授权证书发放，一个序列号只属于一款产品的一批许可（配置 二.5 要求
    /// 保管好软件安装序列号等资料）。两款产品登记同一序列号，多半是复制上一行时没改，或把一份
    /// 授权登记到了别的软件名下，按序列号核对授权时就对不上。
    ///
    /// ## 示例
    /// | 软件编号 | 软件名称 | 序列号 |
    /// |---|---|---|
    /// | RJ002 | WPS Office 2019 | WPS-2019-8842-1173 |
    /// | RJ005 | Adobe Acrobat Pro | **WPS-2019-8842-1173** |
    ///
    /// `序列号“WPS-2019-8842-1173”已登记在第7行 RJ002“WPS Office 2019”名下，本行是“Adobe Acrobat Pro”`
    ///
    /// ## 如何修改
    /// 对照授权证书，把序列号改为本软件自己的序列号；确无逐份序列号的（场地许可、账号授权），
    /// 写明授权方式，不要照抄别的软件的序列号。
    pub struct SharedSerial {
        code: "ZB124",
        severity: Error,
        summary: "同一序列号登记在两款不同的软件名下",
    }
}

/// What clerks type in 序列号 instead of a serial number (the catalogue's list; kept though
/// [`SHORTEST`] rules most out, so that neither depends on the other).
const PLACEHOLDERS: [&str; 11] = [
    "无", "—", "-", "/", "见授权书", "随机", "预装", "OEM", "在线激活", "账号授权", "0",
];

/// Fewer characters than this (normalised) is a note or a fragment, not a serial.
const SHORTEST: usize = 5;

/// The serial numbers a 序列号 cell holds, normalised and as typed.
fn serials(cell: &str) -> Vec<(String, &str)> {
    cell.split(['、', '，', ',', ';', '；', '/', '\n'])
        .map(str::trim)
        .map(|s| (norm(s), s))
        .filter(|(n, _)| is_serial(n))
        .collect()
}

/// Whether a normalised piece of a 序列号 cell is a serial number rather than a note.
fn is_serial(n: &str) -> bool {
    let mut chars = n.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    // Serials are letters and digits; a Chinese note (见授权证书) or a mask (*****) is not
    // one, whatever its length.
    n.chars().count() >= SHORTEST
        && !PLACEHOLDERS.iter().any(|p| norm(p) == n)
        && n.chars().any(|c| c.is_ascii_alphanumeric())
        && chars.any(|c| c != first && c != '-')
}

/// ZB124
pub fn check(ctx: &Context, out: &mut Sink) {
    let Some(summary) = ctx.unit.summary() else {
        return;
    };
    // Serial → the first row registering it, and how it typed the serial.
    let mut first: FastMap<String, (&SummaryRow, &str)> = FastMap::default();
    for row in &summary.rows {
        let Some(t) = row.terms() else {
            continue;
        };
        let (Some(text), Some(cell), Some(name)) =
            (t.serial.value(), &t.serial.cell, row.name.value())
        else {
            continue;
        };
        let mut shared: Vec<(&str, &SummaryRow, &str)> = Vec::new();
        for (key, shown) in serials(text) {
            let Some(&(owner, owned)) = first.get(&key) else {
                first.insert(key, (row, shown));
                continue;
            };
            let one_batch = owner.id().is_some() && owner.id() == row.id();
            let owner_name = owner.name.value().map(String::as_str).unwrap_or_default();
            if !one_batch && !same_name(owner_name, name) {
                shared.push((shown, owner, owned));
            }
        }
        let Some(&(shown, owner, _)) = shared.first() else {
            continue;
        };
        let d = out.report(
            cell,
            format!(
                "序列号“{shown}”已登记在{} {}名下，本行是“{name}”",
                line(&owner.at),
                subject(owner)
            ),
            "对照授权证书，改为本软件自己的序列号；没有逐份序列号的写明授权方式，不要照抄别的软件的序列号（配置 二.5）",
        );
        for (_, owner, owned) in shared {
            if let Some(c) = owner.terms().and_then(|o| o.serial.cell.as_ref()) {
                d.related(c, format!("序列号“{owned}”，{}", subject(owner)));
            }
        }
    }
}

/// ZB124 fires on this workbook (tests/rule_coverage.rs, snapshot `rules__ZB124.snap`):
/// Acrobat carries WPS's serial (second in its cell, in lower case); another WPS batch with the
/// same serial is one product, and two products noting “见授权书” share no serial.
const TRIGGER: Trigger = Trigger::clean(&[
    Edit::Set("汇总表", "L8", "见授权书"),
    Edit::Push(
        "汇总表",
        &[
            "#5",
            "RJ005",
            "Adobe Acrobat Pro",
            "2020",
            "商业软件",
            "@2024-05-20",
            "#3600",
            "批量许可",
            "#2",
            "2020",
            "永久",
            "ACR-2020-77310、wps-2019-8842-1173",
            "#0",
        ],
    ),
    Edit::Push(
        "汇总表",
        &[
            "#6",
            "RJ006",
            "WPS Office 2019",
            "专业版",
            "商业软件",
            "@2025-02-10",
            "#600",
            "批量许可",
            "#2",
            "专业版",
            "永久",
            "WPS-2019-8842-1173",
            "#0",
        ],
    ),
    Edit::Push(
        "汇总表",
        &[
            "#7",
            "RJ007",
            "CAJViewer",
            "8.0",
            "商业软件",
            "@2024-06-01",
            "#200",
            "单机许可",
            "#1",
            "8.0",
            "永久",
            "见授权书",
            "#0",
        ],
    ),
])
.showing("ZB124");

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(cell: &str) -> Vec<String> {
        serials(cell).into_iter().map(|(k, _)| k).collect()
    }

    #[test]
    fn notes_and_masks_are_not_serials() {
        for note in [
            "无", "—", "-", "/", "见授权书", "随机", "预装", "OEM", "oem", "在线激活", "账号授权",
            "0", "1234", "见授权证书", "详见采购合同", "*****", "00000", "XXXXX-XXXXX", "",
        ] {
            assert!(keys(note).is_empty(), "{note:?}");
        }
    }

    #[test]
    fn a_cell_of_several_serials_is_split_and_normalised() {
        assert_eq!(
            keys("ACR-2020-77310、ｗｐｓ-2019 8842，X1/随机\nQAX-V10-55120; 12345"),
            vec!["ACR-2020-77310", "WPS-20198842", "QAX-V10-55120", "12345"]
        );
    }
}
