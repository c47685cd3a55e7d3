//! Roll-up entries read back from `check --format jsonl` (one unit a line) or `--format json`
//! (one document), so that shards checked on several machines or in several runs merge.
//!
//! Reading is forgiving the way `check` is: a line that is not a unit is named in a note and
//! the rest of the file is read; a unit written before a key existed gets what it has.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use super::statistics::UnitStatistics;
use super::unit::{
    Counts, DiagnosticRow, Expiry, Provenance, Rates, Shortfall, UnitEntry, UnitMetrics, UnitStatus,
};
use super::Note;
use crate::rules::{Fingerprint, Severity};

/// A line longer than this is not a unit `check` wrote; it is skipped, not held in memory.
pub const MAX_LINE: u64 = 64 * 1024 * 1024;

/// Why a shard could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ShardError {
    /// The file could not be opened or read.
    #[error("无法读取 {path}：{source}")]
    Io {
        /// The file.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is JSON, but not what `check` writes.
    #[error("{path} 不是 zhengban check 输出的 JSON：{reason}")]
    NotCheckOutput {
        /// The file.
        path: String,
        /// What is wrong.
        reason: String,
    },
}

/// Whether a path names a file `check` may have written (`.jsonl`, `.json`, `.ndjson`).
pub fn is_shard_path(path: &Path) -> bool {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "jsonl" | "json" | "ndjson")
}

/// What reading a shard gave besides units: check dates and notes.
#[derive(Debug, Default)]
pub struct ShardInfo {
    /// The check dates the shard states.
    pub as_of: Vec<NaiveDate>,
    /// Lines that could not be read, keys that could not be understood.
    pub notes: Vec<Note>,
}

/// Read a shard, handing each unit to `each` in file order.
pub fn read_shard(
    path: &Path,
    mut each: impl FnMut(UnitEntry, Option<Fingerprint>),
) -> Result<ShardInfo, ShardError> {
    let name = path.display().to_string();
    let io = |source| ShardError::Io {
        path: name.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    if !file.metadata().map_err(io)?.is_file() {
        return Err(io(std::io::Error::other("不是普通文件")));
    }
    let mut reader = BufReader::new(file);
    let mut info = ShardInfo::default();
    // A document starts with `{` and spans lines; JSONL has one unit object a line. Tell
    // them apart by the first line: a whole unit object on it means JSONL.
    let mut first = Vec::new();
    if let Line::TooLong = read_line(&mut reader, &mut first, MAX_LINE).map_err(io)? {
        return Err(ShardError::NotCheckOutput {
            path: name,
            reason: format!("第 1 行超过 {} MiB", MAX_LINE / 1024 / 1024),
        });
    }
    let first_text = String::from_utf8_lossy(&first);
    let is_lines = first_text.trim().is_empty()
        || serde_json::from_str::<serde_json::Value>(first_text.trim())
            .is_ok_and(|v| v.get("unit").is_some());
    if is_lines {
        let mut line_no = 1;
        let mut buf = first;
        loop {
            let text = String::from_utf8_lossy(&buf);
            if !text.trim().is_empty() {
                let at = Provenance::Shard {
                    path: name.clone(),
                    line: line_no,
                };
                match serde_json::from_str::<UnitJson>(text.trim()) {
                    Ok(u) => {
                        let (entry, print) = u.into_entry(at, &mut info);
                        each(entry, print)
                    }
                    Err(e) => info.notes.push(Note::error(format!(
                        "{name} 第 {line_no} 行不是 zhengban check 输出的单位，未计入：{e}"
                    ))),
                }
            }
            buf.clear();
            line_no += 1;
            match read_line(&mut reader, &mut buf, MAX_LINE).map_err(io)? {
                Line::End => break,
                Line::TooLong => info.notes.push(Note::error(format!(
                    "{name} 第 {line_no} 行超过 {} MiB，不是 zhengban check 输出的单位，未计入",
                    MAX_LINE / 1024 / 1024
                ))),
                Line::Read => {}
            }
        }
        return Ok(info);
    }
    let rest = first.chain(reader);
    let doc: DocumentJson =
        serde_json::from_reader(rest).map_err(|e| ShardError::NotCheckOutput {
            path: name.clone(),
            reason: e.to_string(),
        })?;
    if let Some(d) = doc.as_of.as_deref().and_then(parse_date) {
        info.as_of.push(d);
    }
    for u in doc.units {
        let at = Provenance::Shard {
            path: name.clone(),
            line: 0,
        };
        let (entry, print) = u.into_entry(at, &mut info);
        each(entry, print);
    }
    Ok(info)
}

enum Line {
    Read,
    TooLong,
    End,
}

/// One line into `buf`, at most `limit` bytes; the rest of a longer line is skipped.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: u64) -> std::io::Result<Line> {
    let n = reader.by_ref().take(limit).read_until(b'\n', buf)?;
    if n == 0 {
        return Ok(Line::End);
    }
    if buf.last() == Some(&b'\n') || (n as u64) < limit {
        return Ok(Line::Read);
    }
    buf.clear();
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(Line::TooLong);
        }
        match available.iter().position(|&b| b == b'\n') {
            Some(i) => {
                reader.consume(i + 1);
                return Ok(Line::TooLong);
            }
            None => {
                let len = available.len();
                reader.consume(len);
            }
        }
    }
}

fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

#[derive(Deserialize)]
struct DocumentJson {
    #[serde(default)]
    as_of: Option<String>,
    units: Vec<UnitJson>,
}

#[derive(Deserialize)]
struct UnitJson {
    unit: String,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    files: Vec<String>,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    counts: Option<Counts>,
    #[serde(default)]
    metrics: MetricsJson,
    #[serde(default)]
    statistics: Option<serde_json::Value>,
    #[serde(default)]
    diagnostics: Vec<DiagnosticJson>,
    /// Read on its own, so that a damaged one costs only the comparison across units.
    #[serde(default)]
    fingerprint: Option<serde_json::Value>,
}

#[derive(Deserialize, Default)]
struct MetricsJson {
    #[serde(default)]
    computers: usize,
    #[serde(default)]
    users: usize,
    #[serde(default)]
    software: BTreeMap<String, usize>,
    #[serde(default)]
    genuine_rate: Rates,
    #[serde(default)]
    installs: Option<InstallsJson>,
    #[serde(default)]
    over_deployed: Vec<Shortfall>,
    #[serde(default)]
    expired: Vec<Expiry>,
    #[serde(default)]
    expiring: Vec<Expiry>,
}

#[derive(Deserialize, Default)]
struct InstallsJson {
    #[serde(default)]
    os: TallyJson,
    #[serde(default)]
    office: TallyJson,
    #[serde(default)]
    antivirus: TallyJson,
}

#[derive(Deserialize, Default, Clone, Copy)]
struct TallyJson {
    #[serde(default)]
    covered: usize,
    #[serde(default)]
    total: usize,
}

#[derive(Deserialize)]
struct DiagnosticJson {
    code: String,
    severity: Severity,
    #[serde(default)]
    file: Option<String>,
    #[serde(default)]
    sheet: Option<String>,
    #[serde(default)]
    cell: Option<String>,
    #[serde(default)]
    message: String,
    #[serde(default)]
    help: String,
}

impl UnitJson {
    /// The unit's roll-up entry, and its fingerprint when the run that wrote it kept one.
    fn into_entry(self, at: Provenance, info: &mut ShardInfo) -> (UnitEntry, Option<Fingerprint>) {
        let print = match self.fingerprint {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => match serde_json::from_value::<Fingerprint>(v) {
                Ok(p) => Some(p),
                Err(e) => {
                    info.notes.push(Note::warning(format!(
                        "{}（{}）的 fingerprint 无法读取，这个单位没有与别的单位比较：{e}",
                        self.unit,
                        at.describe()
                    )));
                    None
                }
            },
        };
        if let Some(d) = self.as_of.as_deref().and_then(parse_date) {
            if !info.as_of.contains(&d) {
                info.as_of.push(d);
            }
        }
        let diagnostics: Vec<DiagnosticRow> = self
            .diagnostics
            .into_iter()
            .map(|d| DiagnosticRow {
                code: d.code,
                severity: d.severity,
                file: d.file,
                sheet: d.sheet,
                cell: d.cell,
                message: d.message,
                help: d.help,
            })
            .collect();
        let counts = self.counts.unwrap_or_else(|| {
            let n = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
            Counts {
                error: n(Severity::Error),
                warning: n(Severity::Warning),
                info: n(Severity::Info),
            }
        });
        let statistics = match self.statistics {
            None | Some(serde_json::Value::Null) => None,
            Some(v) => match serde_json::from_value::<UnitStatistics>(v) {
                Ok(s) => Some(s),
                Err(e) => {
                    info.notes.push(Note::warning(format!(
                        "{}（{}）的统计数据无法读取，未计入统计表：{e}",
                        self.unit,
                        at.describe()
                    )));
                    None
                }
            },
        };
        let m = self.metrics;
        let mut entry = UnitEntry {
            name: self.unit,
            source: self.source,
            files: self.files,
            status: UnitStatus::Clean,
            counts,
            metrics: UnitMetrics {
                computers: m.computers,
                users: m.users,
                software: m.software.values().sum(),
                rates: m.genuine_rate,
                installs: m
                    .installs
                    .map(|i| [i.os, i.office, i.antivirus].map(|t| (t.covered, t.total))),
                over_deployed: m.over_deployed,
                expired: m.expired,
                expiring: m.expiring,
                stale: 0,
            },
            statistics,
            diagnostics,
            provenance: at,
        };
        entry.settle();
        (entry, print)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (Vec<UnitEntry>, ShardInfo) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.jsonl");
        std::fs::write(&p, text).unwrap();
        let mut out = Vec::new();
        let info = read_shard(&p, |e, _| out.push(e)).unwrap();
        (out, info)
    }

    #[test]
    fn lines_with_a_bad_one_in_between() {
        let (units, info) = read(concat!(
            r#"{"unit":"甲","files":["a.xlsx"],"counts":{"error":1,"warning":0,"info":0},"#,
            r#""metrics":{"computers":3,"users":2},"diagnostics":[{"code":"ZB111","severity":"error","file":"a.xlsx","sheet":"汇总表","cell":"M3","message":"m","help":"h","related":[]}]}"#,
            "\n\nnot json\n",
            r#"{"unit":"乙","files":[],"diagnostics":[{"code":"ZB413","severity":"warning","message":"旧"}]}"#,
        ));
        assert_eq!(units.len(), 2);
        assert_eq!(units[0].status, UnitStatus::Faults);
        assert_eq!(units[0].diagnostics[0].cell.as_deref(), Some("M3"));
        // Counts missing: from the diagnostics; no data: empty.
        assert_eq!(units[1].counts.warning, 1);
        assert_eq!(units[1].metrics.stale, 1);
        assert_eq!(units[1].status, UnitStatus::Empty);
        assert!(matches!(
            units[1].provenance,
            Provenance::Shard { line: 4, .. }
        ));
        assert_eq!(info.notes.len(), 1);
        assert!(info.notes[0].text.contains("第 3 行"), "{:?}", info.notes);
    }

    #[test]
    fn a_document() {
        let (units, info) = read(
            "{\n \"tool\": \"zhengban\", \"as_of\": \"2026-11-25\",\n \"units\": [{\"unit\": \"丙\"}]\n}\n",
        );
        assert_eq!(units.len(), 1);
        assert_eq!(
            info.as_of,
            vec![NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()]
        );
    }

    #[test]
    fn not_check_output() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.json");
        std::fs::write(&p, "{\n\"summary\": {}\n}").unwrap();
        let err = read_shard(&p, |_, _| {}).unwrap_err();
        assert!(
            err.to_string().contains("不是 zhengban check 输出"),
            "{err}"
        );
    }

    #[test]
    fn overlong_line_is_skipped() {
        let data = format!("abc\n{}\ndef", "x".repeat(20_000));
        let mut reader = BufReader::with_capacity(16, std::io::Cursor::new(data.into_bytes()));
        let mut buf = Vec::new();
        let mut next = |buf: &mut Vec<u8>| {
            buf.clear();
            read_line(&mut reader, buf, 100).unwrap()
        };
        assert!(matches!(next(&mut buf), Line::Read));
        assert_eq!(buf, b"abc\n");
        assert!(matches!(next(&mut buf), Line::TooLong));
        assert!(buf.is_empty());
        assert!(matches!(next(&mut buf), Line::Read));
        assert_eq!(buf, b"def");
        assert!(matches!(next(&mut buf), Line::End));
    }
}
