//! Reading normalised data back: one unit (a JSON object), a batch (a JSON array of
//! units) or jsonl (one unit per line). Every fault names the JSON path of the value and
//! says in Chinese what was expected, so the IT system that wrote the file can fix it.

use serde::Deserialize;
use serde_path_to_error::Segment;

use super::{Header, UnitData};
use crate::schema::TableKind;

/// Why normalised data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The text is not JSON.
    #[error("JSON 语法错误{}（第 {line} 行第 {column} 列）：{reason}", unit_part(.unit))]
    Syntax {
        /// The unit (jsonl line) it belongs to, when the input is jsonl.
        unit: Option<usize>,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// A value does not fit the schema.
    #[error("JSON 数据有误{}：{path}（第 {line} 行第 {column} 列）：{reason}", unit_part(.unit))]
    Invalid {
        /// The unit (jsonl line) it belongs to, when the input is jsonl.
        unit: Option<usize>,
        /// The JSON path (`summary.rows[3].term`).
        path: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        reason: String,
    },
    /// The values fit the schema but not each other.
    #[error("JSON 数据有误：{path}：{reason}")]
    Inconsistent {
        /// The JSON path.
        path: String,
        /// What is wrong.
        reason: String,
    },
    /// A JSON document that is not normalised ledger data.
    #[error("这不是规范化台账数据：{0}")]
    NotLedgerData(&'static str),
    /// Nothing in the file.
    #[error("JSON 文件是空的，没有任何单位的数据")]
    Empty,
}

fn unit_part(unit: &Option<usize>) -> String {
    unit.map(|n| format!("（jsonl 第 {n} 个单位）"))
        .unwrap_or_default()
}

/// Read normalised data: a unit object, an array of units, or jsonl. Units come back in
/// input order; each header is put in its canonical shape ([`Header::canonical`]).
pub fn parse(text: &str) -> Result<Vec<UnitData>, ImportError> {
    let text = text.trim_start_matches('\u{FEFF}');
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportError::Empty);
    }
    let units = if trimmed.starts_with('[') {
        typed::<Vec<UnitData>>(text, None)?
    } else {
        // One document, or one per line: a second value after the first means jsonl.
        let mut stream = serde_json::Deserializer::from_str(text).into_iter::<serde_json::Value>();
        let first = stream.next();
        let more =
            first.as_ref().is_some_and(|r| r.is_ok()) && stream.next().is_some_and(|r| r.is_ok());
        if more {
            jsonl(text)?
        } else {
            vec![typed::<UnitData>(text, None)?]
        }
    };
    if units.is_empty() {
        return Err(ImportError::Empty);
    }
    units.into_iter().map(settle).collect()
}

fn jsonl(text: &str) -> Result<Vec<UnitData>, ImportError> {
    let mut out = Vec::new();
    for (index, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let n = out.len() + 1;
        let unit = typed::<UnitData>(line, Some(n)).map_err(|mut e| {
            // Positions within the line, told as lines of the file.
            if let ImportError::Syntax { line, .. } | ImportError::Invalid { line, .. } = &mut e {
                *line += index;
            }
            e
        })?;
        out.push(unit);
    }
    Ok(out)
}

/// Deserialize with the path of the fault; a check-report document is told apart.
fn typed<T: for<'de> Deserialize<'de>>(text: &str, unit: Option<usize>) -> Result<T, ImportError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = path_text(e.path());
        fault(path, e.into_inner(), unit)
    })?;
    de.end().map_err(|e| fault("（根）".into(), e, unit))?;
    Ok(value)
}

fn fault(path: String, inner: serde_json::Error, unit: Option<usize>) -> ImportError {
    let (line, column) = (inner.line(), inner.column());
    let raw = strip_position(&inner.to_string(), line, column);
    if inner.is_syntax() || inner.is_eof() {
        return ImportError::Syntax {
            unit,
            line,
            column,
            reason: syntax_reason(&raw),
        };
    }
    if (path == "tool" || path == "（根）") && raw.starts_with("unknown field `tool`") {
        return ImportError::NotLedgerData(
            "这是 zhengban check 的诊断结果；convert 需要 convert --to json 写出的台账数据",
        );
    }
    ImportError::Invalid {
        unit,
        path,
        line,
        column,
        reason: reason(&raw),
    }
}

/// `summary.rows[3].term`, or （根） for the document itself.
fn path_text(path: &serde_path_to_error::Path) -> String {
    let mut out = String::new();
    for segment in path.iter() {
        match segment {
            Segment::Seq { index } => out.push_str(&format!("[{index}]")),
            Segment::Map { key } | Segment::Enum { variant: key } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            _ => out.push_str(".?"),
        }
    }
    if out.is_empty() {
        "（根）".into()
    } else {
        out
    }
}

fn strip_position(message: &str, line: usize, column: usize) -> String {
    let suffix = format!(" at line {line} column {column}");
    message.strip_suffix(&suffix).unwrap_or(message).to_string()
}

/// The JSON syntax faults serde_json names, in Chinese; anything else quoted as is.
fn syntax_reason(raw: &str) -> String {
    let known = [
        (
            "EOF while parsing",
            "文件在这里意外结束（缺少括号或引号？）",
        ),
        ("expected value", "这里应有一个值"),
        ("expected `,` or `}`", "这里应有逗号或 }"),
        ("expected `,` or `]`", "这里应有逗号或 ]"),
        ("expected `:`", "这里应有冒号"),
        ("expected ident", "无法识别的词（true、false、null 要小写）"),
        ("trailing comma", "多余的逗号"),
        ("trailing characters", "文档结束后还有多余的内容"),
        ("key must be a string", "键必须是带引号的字符串"),
        ("control character", "字符串中有未转义的控制字符（如换行）"),
        ("invalid escape", "字符串中有无效的转义"),
        ("invalid number", "无效的数字"),
        ("number out of range", "数字超出范围"),
        ("invalid unicode code point", "无效的 Unicode 字符"),
        ("recursion limit exceeded", "嵌套层数过多"),
    ];
    known
        .iter()
        .find(|(en, _)| raw.starts_with(en))
        .map(|(_, zh)| zh.to_string())
        .unwrap_or_else(|| format!("无法解析（{raw}）"))
}

/// serde's schema faults in Chinese; our own messages are Chinese already.
fn reason(raw: &str) -> String {
    if let Some(rest) = raw.strip_prefix("missing field `") {
        return format!("缺少键 {}", rest.trim_end_matches('`'));
    }
    if let Some(rest) = raw.strip_prefix("unknown field `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        let choices = backticked(tail);
        return if choices.is_empty() {
            format!("未知的键 {name}（这里不能有键）")
        } else {
            format!("未知的键 {name}（这里可用的键：{}）", choices.join("、"))
        };
    }
    if let Some(rest) = raw.strip_prefix("unknown variant `") {
        let (name, tail) = rest.split_once('`').unwrap_or((rest, ""));
        return format!(
            "不认识的值 \"{name}\"（可用的值：{}）",
            backticked(tail).join("、")
        );
    }
    if let Some(rest) = raw.strip_prefix("duplicate field `") {
        return format!("键 {} 出现了两次", rest.trim_end_matches('`'));
    }
    for (prefix, what) in [
        ("invalid type: ", "类型不对"),
        ("invalid value: ", "值不对"),
    ] {
        if let Some(rest) = raw.strip_prefix(prefix) {
            if let Some((got, wanted)) = rest.rsplit_once(", expected ") {
                return format!(
                    "{what}：应为{}，实际是{}",
                    expected(wanted),
                    unexpected(got)
                );
            }
        }
    }
    if let Some(rest) = raw.strip_prefix("invalid length ") {
        if let Some((n, wanted)) = rest.split_once(", expected ") {
            return format!("长度不对：应为{}，实际有 {n} 项", expected(wanted));
        }
    }
    raw.to_string()
}

fn backticked(text: &str) -> Vec<&str> {
    text.split('`').skip(1).step_by(2).collect()
}

fn expected(e: &str) -> String {
    match e {
        "i64" | "i32" | "i16" | "i8" | "isize" => "整数".into(),
        "u64" | "u32" | "u16" | "u8" | "usize" => "不小于 0 的整数".into(),
        "f64" | "f32" => "数字".into(),
        "a string" => "字符串".into(),
        "a sequence" => "数组 [...]".into(),
        "a boolean" => "true 或 false".into(),
        "a map" => "JSON 对象 {...}".into(),
        other if other.starts_with("struct ") || other.starts_with("enum ") => "JSON 对象".into(),
        other => other.to_string(),
    }
}

fn unexpected(u: &str) -> String {
    let quoted = |v: &str| v.trim_matches('`').to_string();
    if let Some(v) = u.strip_prefix("string ") {
        format!("字符串 {v}")
    } else if let Some(v) = u.strip_prefix("integer ") {
        format!("整数 {}", quoted(v))
    } else if let Some(v) = u.strip_prefix("floating point ") {
        format!("小数 {}", quoted(v))
    } else if let Some(v) = u.strip_prefix("boolean ") {
        quoted(v)
    } else {
        match u {
            "null" | "unit value" => "null".into(),
            "map" => "JSON 对象".into(),
            "sequence" => "数组".into(),
            other => other.to_string(),
        }
    }
}

/// The first header key holding a value that the table of `kind` has no label for.
fn unlabelled(h: &Header, kind: TableKind) -> Option<&'static str> {
    let filled = [
        ("unit", h.unit.is_some()),
        ("filler", h.filler.is_some()),
        ("phone", h.phone.is_some()),
        ("filled_on", h.filled_on.is_some()),
        ("people_total", h.people_total.flatten().is_some()),
        ("people_using", h.people_using.flatten().is_some()),
        ("servers", h.servers.flatten().is_some()),
        ("desktops", h.desktops.flatten().is_some()),
        ("laptops", h.laptops.flatten().is_some()),
        ("handler", h.handler.as_ref().is_some_and(Option::is_some)),
        (
            "department",
            h.department.as_ref().is_some_and(Option::is_some),
        ),
    ];
    filled
        .into_iter()
        .find(|(key, on)| *on && !kind.header_labels().iter().any(|l| l.key == *key))
        .map(|(key, _)| key)
}

/// Checks across values, then the canonical header shapes.
fn settle(mut unit: UnitData) -> Result<UnitData, ImportError> {
    for (i, m) in unit.maintenance.iter().enumerate() {
        if let (Some(a), Some(b)) = (&m.id, &m.info.id) {
            if a != b {
                return Err(ImportError::Inconsistent {
                    path: format!("maintenance[{i}].id"),
                    reason: format!("软件编号 {a} 与 info.id {b} 不一致"),
                });
            }
        }
    }
    if let Some(s) = &unit.statistics {
        let mut seen = std::collections::HashSet::new();
        for (section, figures) in [("purchases", &s.purchases), ("holdings", &s.holdings)] {
            for (i, f) in figures.iter().enumerate() {
                if section == "holdings" && f.measure == super::Measure::Amount {
                    return Err(ImportError::Inconsistent {
                        path: format!("statistics.holdings[{i}].measure"),
                        reason: "五、累计拥有软件许可情况只有许可数（licenses），没有金额".into(),
                    });
                }
                if !seen.insert((section, f.row, f.column, f.measure)) {
                    return Err(ImportError::Inconsistent {
                        path: format!("statistics.{section}[{i}]"),
                        reason: "同一行、同一类别、同一指标的统计数出现了两次".into(),
                    });
                }
            }
        }
    }
    let mut headers: Vec<(&mut Header, TableKind, String)> = Vec::new();
    if let Some(t) = &mut unit.summary {
        headers.push((&mut t.header, TableKind::Summary, "summary".into()));
    }
    if let Some(t) = &mut unit.usage {
        headers.push((&mut t.header, TableKind::Usage, "usage".into()));
    }
    for (i, t) in unit.maintenance.iter_mut().enumerate() {
        headers.push((
            &mut t.header,
            TableKind::Maintenance,
            format!("maintenance[{i}]"),
        ));
    }
    if let Some(t) = &mut unit.free_list {
        headers.push((&mut t.header, TableKind::FreeList, "free_list".into()));
    }
    if let Some(t) = &mut unit.statistics {
        headers.push((&mut t.header, TableKind::Statistics, "statistics".into()));
    }
    if let Some(t) = &mut unit.purchase_plan {
        headers.push((
            &mut t.header,
            TableKind::PurchasePlan,
            "purchase_plan".into(),
        ));
    }
    if let Some(t) = &mut unit.demand {
        headers.push((&mut t.header, TableKind::Demand, "demand".into()));
    }
    if let Some(t) = &mut unit.leading_group {
        headers.push((
            &mut t.header,
            TableKind::LeadingGroup,
            "leading_group".into(),
        ));
    }
    for (header, kind, path) in headers {
        if let Some(key) = unlabelled(header, kind) {
            return Err(ImportError::Inconsistent {
                path: format!("{path}.header.{key}"),
                reason: format!(
                    "{}的表头没有这一项，写不进模板（可用的键：{}）",
                    kind.short_name(),
                    kind.header_labels()
                        .iter()
                        .map(|l| l.key)
                        .collect::<Vec<_>>()
                        .join("、")
                ),
            });
        }
        *header = std::mem::take(header).canonical(kind);
    }
    Ok(unit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text).unwrap_err().to_string()
    }

    #[test]
    fn one_unit_a_batch_and_jsonl() {
        assert_eq!(parse(r#"{"unit": "甲"}"#).unwrap().len(), 1);
        let batch = parse(r#"[{"unit": "甲"}, {"unit": "乙"}]"#).unwrap();
        assert_eq!(batch[1].unit, "乙");
        let lines = parse("{\"unit\": \"甲\"}\n\n{\"unit\": \"乙\"}\n").unwrap();
        assert_eq!(lines.len(), 2);
        assert!(matches!(parse("  "), Err(ImportError::Empty)));
        assert!(matches!(parse("[]"), Err(ImportError::Empty)));
    }

    #[test]
    fn faults_name_their_path_in_chinese() {
        let e =
            err(r#"{"summary": {"rows": [{"id": "RJ001"}, {"id": "RJ002", "installed": "十"}]}}"#);
        assert!(e.contains("summary.rows[1].installed"), "{e}");
        assert!(e.contains("应为整数，实际是字符串 \"十\""), "{e}");
        let e = err(r#"{"summary": {"rows": [{"kind": "shareware"}]}}"#);
        assert!(e.contains("summary.rows[0].kind"), "{e}");
        assert!(e.contains("不认识的值 \"shareware\""), "{e}");
        assert!(e.contains("commercial、oem、free"), "{e}");
        let e = err(r#"{"usage": {"rows": [{"installed_on": "2023/5/1"}]}}"#);
        assert!(e.contains("usage.rows[0].installed_on"), "{e}");
        assert!(e.contains("YYYY-MM-DD"), "{e}");
        let e = err(r#"{"summary": {"rows": [{"nmae": "x"}]}}"#);
        assert!(e.contains("未知的键 nmae"), "{e}");
        assert!(e.contains("name"), "{e}");
        let e = err(r#"[{"unit": "甲"}, {"maintenance": [{"events": [{"count": 1.5}]}]}]"#);
        assert!(e.contains("[1].maintenance[0].events[0].count"), "{e}");
        assert!(e.contains("小数 1.5"), "{e}");
        let e = err("{\"unit\": \"甲\"}\n{\"summary\": {\"rows\": 3}}\n");
        assert!(e.contains("jsonl 第 2 个单位"), "{e}");
        assert!(e.contains("summary.rows"), "{e}");
        assert!(e.contains("应为数组"), "{e}");
        let e = err(r#"{"summary": {"rows": [{"term": {"start": "2023-01-01"}}]}}"#);
        assert!(e.contains("summary.rows[0].term"), "{e}");
        assert!(e.contains("缺少 end"), "{e}");
    }

    #[test]
    fn syntax_and_foreign_documents() {
        let e = err("{\"unit\": \"甲\",\n  \"summary\": }");
        assert!(e.starts_with("JSON 语法错误"), "{e}");
        assert!(e.contains("第 2 行"), "{e}");
        let e = err(r#"{"tool": "zhengban", "units": []}"#);
        assert!(e.contains("诊断结果"), "{e}");
        let e = err(r#"{"maintenance": [{"id": "RJ001", "info": {"id": "RJ002"}}]}"#);
        assert!(e.contains("maintenance[0].id"), "{e}");
        let e = err(r#"{"usage": {"header": {"handler": "张三"}}}"#);
        assert!(e.contains("usage.header.handler"), "{e}");
        assert!(e.contains("明细表的表头没有这一项"), "{e}");
    }

    #[test]
    fn headers_take_their_canonical_shape() {
        let units = parse(
            r#"{"summary": {"header": {"unit": "甲"}}, "usage": {"header": {"people_total": null, "servers": 2}}}"#,
        )
        .unwrap();
        let s = &units[0].summary.as_ref().unwrap().header;
        assert_eq!(s.laptops, Some(None), "the summary always has its counts");
        let u = &units[0].usage.as_ref().unwrap().header;
        assert_eq!(u.people_total, None);
        assert_eq!(u.servers, Some(Some(2)));
    }
}
