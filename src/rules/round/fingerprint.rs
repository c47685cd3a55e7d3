//! What the rules across a round keep of each unit once its own check is done: the unit's
//! report (and its cell grids) is dropped on its worker, and only this — a few hundred bytes
//! and eight per usage row — waits for the end of the round. Computed from the model.

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::base::digest::Digest;
use crate::base::text::{clean, is_short_name_of, norm, unit_name_key};
use crate::base::CellRef;
use crate::ledger::maintenance::Action;
use crate::ledger::roster::Listed;
use crate::ledger::summary::Licence;
use crate::ledger::Unit;

/// One unit of a round, as the rules across units see it. `check`'s JSON carries it
/// (`fingerprint`), so that `report` compares units read back from several runs' JSON as
/// it compares units checked together, and a round with the one before.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Fingerprint {
    /// The unit's name as reports show it.
    pub name: String,
    /// The folder or workbook it was found as (a roster's 文件夹), if any.
    pub found_as: Option<String>,
    /// The folder or file the unit came from.
    pub home: Option<Arc<str>>,
    /// The 单位名称 its tables state, and the cell of the first.
    pub stated: Option<(String, Option<CellRef>)>,
    /// The roster unit it was placed on.
    pub roster: Option<usize>,
    /// The file and sheet of its first 明细表.
    pub usage: Option<(Arc<str>, Arc<str>)>,
    /// Digests of its usage rows that name a computer or a user, sorted, without repeats
    /// (in JSON, one string of 16 hexadecimal digits a row).
    #[serde(with = "digests")]
    pub rows: Box<[u64]>,
    /// The license serials of its 汇总表.
    pub serials: Vec<Serial>,
    /// The file and sheet of its first 汇总表.
    pub summary: Option<(Arc<str>, Arc<str>)>,
    /// The licenses its 汇总表 holds (commercial rows with a 许可数量).
    pub licences: Vec<Held>,
    /// The software numbers with an uninstall (卸载) record in their 安装维护 logs.
    pub uninstalled: Vec<String>,
    /// The workbooks holding ledger rows (summary or usage), for the batch to digest.
    #[serde(skip)]
    pub ledger_files: Vec<Arc<str>>,
    /// Their bytes' digests and lengths, filled in by the batch, which reads files; rules
    /// do not.
    pub file_digests: Vec<FileDigest>,
    /// One digest of everything the ledgers record (summary, usage and maintenance rows;
    /// not the header's 填表日期): equal from one year to the next when nothing was kept up.
    #[serde(with = "digest")]
    pub ledger: Option<u64>,
}

/// Licenses a unit holds for one software number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Held {
    /// 软件编号, as typed.
    pub id: String,
    /// 软件名称, as typed.
    pub name: String,
    /// 许可数量.
    pub count: i64,
    /// The last day of the license term, when it has one.
    pub ends: Option<chrono::NaiveDate>,
}

impl Held {
    /// How the same software is known from one year to the next: its number, else its name.
    pub fn key(&self) -> String {
        let id = norm(&self.id);
        if id.is_empty() {
            format!("名称:{}", norm(&self.name))
        } else {
            id
        }
    }
}

/// Licenses held last year and gone (or fewer) now without an uninstall record.
#[derive(Debug, Clone, PartialEq)]
pub struct Gone<'a> {
    /// What was held.
    pub held: &'a Held,
    /// How many are held now.
    pub now: i64,
}

impl Gone<'_> {
    /// The software, as messages name it: `Adobe Acrobat DC（RJ012）`.
    pub fn what(&self) -> String {
        if self.held.id.is_empty() {
            self.held.name.clone()
        } else {
            format!("{}（{}）", self.held.name, self.held.id)
        }
    }

    /// What happened, in words.
    pub fn said(&self) -> String {
        let (what, then) = (self.what(), self.held.count);
        if self.now == 0 {
            format!("上年登记的 {what}许可 {then} 个，今年的汇总表里没有了，安装维护明细表中也没有卸载记录")
        } else {
            format!(
                "上年登记的 {what}许可 {then} 个，今年只有 {} 个，安装维护明细表中没有卸载记录",
                self.now
            )
        }
    }
}

/// A workbook's bytes, as a digest and a length.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileDigest {
    /// The file.
    pub file: Arc<str>,
    /// The digest of its bytes.
    #[serde(with = "digest_hex")]
    pub digest: u64,
    /// Its length in bytes.
    pub bytes: u64,
}

/// A license serial as one unit registered it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Serial {
    /// Letters and digits only, upper case: how two spellings of one key compare.
    pub key: String,
    /// As typed.
    pub typed: String,
    /// Where.
    pub cell: Option<CellRef>,
    /// The software's name.
    pub software: String,
}

/// The shortest serial compared across units: shorter codes (a 1, a 2024) are numbering,
/// not keys. All-digit codes must be longer still (dates and phone numbers are 8 to 11).
const MIN_SERIAL: usize = 8;
const MIN_DIGIT_SERIAL: usize = 12;

impl Fingerprint {
    /// The fingerprint of a unit as read and placed.
    pub fn of(unit: &Unit) -> Fingerprint {
        let stated = stated(unit);
        let mut rows: Vec<u64> = unit
            .usages
            .iter()
            .flat_map(|t| &t.rows)
            .filter(|r| !clean(&r.computer.raw).is_empty() || !clean(&r.user.raw).is_empty())
            .map(|r| {
                let mut d = Digest::default();
                for f in [
                    &r.department.raw,
                    &r.user.raw,
                    &r.computer.raw,
                    &r.brand.raw,
                    &r.id.raw,
                    &r.name.raw,
                    &r.version.raw,
                    &r.term.raw,
                    &r.kind.raw,
                    &r.installed_on.raw,
                ] {
                    d.field(&norm(clean(f)));
                }
                d.finish()
            })
            .collect();
        rows.sort_unstable();
        rows.dedup();
        let mut ledger_files: Vec<Arc<str>> = Vec::new();
        let with_rows = unit
            .summaries
            .iter()
            .filter(|t| !t.rows.is_empty())
            .map(|t| &t.meta.file)
            .chain(
                unit.usages
                    .iter()
                    .filter(|t| !t.rows.is_empty())
                    .map(|t| &t.meta.file),
            );
        for f in with_rows {
            if !ledger_files.contains(f) {
                ledger_files.push(f.clone());
            }
        }
        Fingerprint {
            name: unit.name.clone(),
            found_as: unit.found_as(),
            home: unit.path.clone(),
            stated,
            roster: match &unit.roster {
                Some(Listed::On(e)) => Some(e.index),
                _ => None,
            },
            usage: unit
                .usages
                .first()
                .map(|t| (t.meta.file.clone(), t.meta.sheet.clone())),
            serials: serials(unit),
            summary: unit
                .summaries
                .first()
                .map(|t| (t.meta.file.clone(), t.meta.sheet.clone())),
            licences: licences(unit),
            uninstalled: unit
                .maintenance
                .iter()
                .filter(|t| {
                    t.events
                        .iter()
                        .any(|e| e.action.ticked.contains(&Action::Uninstall))
                })
                .filter_map(|t| t.info.id.value().map(|id| norm(id)))
                .collect(),
            ledger: ledger_digest(unit, &rows),
            rows: rows.into_boxed_slice(),
            ledger_files,
            file_digests: Vec::new(),
        }
    }

    /// How a message names the unit: the folder or workbook it came as, with the 单位名称
    /// inside unless the folder's name is that name or its short form
    /// (`城关镇（丰都县双龙镇人民政府）`, but `双龙镇`).
    pub fn called(&self) -> String {
        let stated = self.stated.as_ref().map(|(s, _)| s.as_str());
        match (&self.found_as, stated) {
            (Some(f), Some(s)) if !is_short_name_of(&unit_name_key(f), &unit_name_key(s)) => {
                format!("{f}（{s}）")
            }
            (Some(f), _) => f.clone(),
            (None, Some(s)) => s.to_string(),
            (None, None) => self.name.clone(),
        }
    }

    /// The order in which messages list units: by where they came from, then by name, so
    /// that a message does not depend on the order the round was read in.
    pub fn sort_key(&self) -> (Option<Arc<str>>, String) {
        (self.home.clone(), self.name.clone())
    }

    /// Whether its ledgers record, row for row, what `before` recorded (last year's
    /// submission): nothing was kept up in between.
    pub fn same_ledger_as(&self, before: &Fingerprint) -> bool {
        self.ledger.is_some() && self.ledger == before.ledger
    }

    /// The licenses `before` (last year's submission) held that this one holds fewer of, or
    /// none, with no uninstall record for the software; a license whose term had ended by
    /// `as_of` may go. Nothing for a unit that sent no 汇总表.
    pub fn licences_gone_since<'a>(
        &self,
        before: &'a Fingerprint,
        as_of: chrono::NaiveDate,
    ) -> Vec<Gone<'a>> {
        if self.summary.is_none() {
            return Vec::new();
        }
        before
            .licences
            .iter()
            .filter(|held| held.ends.is_none_or(|end| end >= as_of))
            .filter_map(|held| {
                let key = held.key();
                let now: i64 = self
                    .licences
                    .iter()
                    .filter(|h| h.key() == key)
                    .map(|h| h.count)
                    .sum();
                let uninstalled = self.uninstalled.contains(&norm(&held.id));
                (now < held.count && !uninstalled).then_some(Gone { held, now })
            })
            .collect()
    }

    /// The key of the 单位名称 stated, if any.
    pub fn name_key(&self) -> Option<String> {
        self.stated
            .as_ref()
            .map(|(s, _)| unit_name_key(s))
            .filter(|k| !k.is_empty())
    }
}

/// The first 单位名称 filled in a table's header, with its cell.
fn stated(unit: &Unit) -> Option<(String, Option<CellRef>)> {
    let field = unit.stated_name_field()?;
    Some((field.value()?.clone(), field.cell.clone()))
}

/// The serials of the unit's summary rows, each key once (a serial typed on two rows of one
/// unit is that unit's own affair: ZB104 and the like).
fn serials(unit: &Unit) -> Vec<Serial> {
    let mut out: Vec<Serial> = Vec::new();
    for row in unit.summaries.iter().flat_map(|t| &t.rows) {
        let terms = match &row.licence {
            Licence::Commercial(t) | Licence::Unknown(t) => t,
            _ => continue,
        };
        let typed = clean(&terms.serial.raw);
        let key = serial_key(typed);
        if key.is_empty() || out.iter().any(|s| s.key == key) {
            continue;
        }
        out.push(Serial {
            key,
            typed: typed.to_string(),
            cell: terms.serial.cell.clone(),
            software: clean(&row.name.raw).to_string(),
        });
    }
    out
}

/// The licenses of the unit's commercial summary rows.
fn licences(unit: &Unit) -> Vec<Held> {
    unit.summaries
        .iter()
        .flat_map(|t| &t.rows)
        .filter_map(|row| {
            let Licence::Commercial(terms) = &row.licence else {
                return None;
            };
            let count = *terms.license_count.value()?;
            let bought = terms.purchased_on.value().map(|p| p.date);
            Some(Held {
                id: clean(&row.id.raw).to_string(),
                name: clean(&row.name.raw).to_string(),
                count,
                ends: terms.term.value().and_then(|t| t.end(bought)),
            })
        })
        .collect()
}

/// A serial's letters and digits, upper case, or nothing when it is too short to be a key.
pub fn serial_key(typed: &str) -> String {
    let key: String = norm(typed)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let digits = key.chars().all(|c| c.is_ascii_digit());
    if key.len() < MIN_SERIAL || (digits && key.len() < MIN_DIGIT_SERIAL) {
        return String::new();
    }
    key
}

/// One digest of the ledgers' rows, or none for a unit that records nothing.
fn ledger_digest(unit: &Unit, usage_rows: &[u64]) -> Option<u64> {
    let mut summary: Vec<u64> = unit
        .summaries
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| {
            let mut d = Digest::default();
            for f in [&r.id.raw, &r.name.raw, &r.kind.raw, &r.installed.raw] {
                d.field(&norm(clean(f)));
            }
            if let Licence::Commercial(t) | Licence::Unknown(t) = &r.licence {
                for f in [
                    &t.version.raw,
                    &t.purchased_on.raw,
                    &t.amount.raw,
                    &t.license_type.raw,
                    &t.license_count.raw,
                    &t.usable_versions.raw,
                    &t.term.raw,
                    &t.serial.raw,
                ] {
                    d.field(&norm(clean(f)));
                }
            }
            d.finish()
        })
        .collect();
    let mut events: Vec<u64> = unit
        .maintenance
        .iter()
        .flat_map(|t| t.events.iter().map(move |e| (t, e)))
        .map(|(t, e)| {
            let mut d = Digest::default();
            for f in [
                &t.info.id.raw,
                &e.action.raw,
                &e.computer.raw,
                &e.user.raw,
                &e.version.raw,
                &e.date.raw,
                &e.count.raw,
            ] {
                d.field(&norm(clean(f)));
            }
            d.finish()
        })
        .collect();
    if summary.is_empty() && usage_rows.is_empty() && events.is_empty() {
        return None;
    }
    summary.sort_unstable();
    events.sort_unstable();
    let mut d = Digest::default();
    for (part, digests) in [
        ("汇总表", &summary[..]),
        ("明细表", usage_rows),
        ("安装维护", &events[..]),
    ] {
        d.field(part);
        d.number(digests.len() as u64);
        digests.iter().for_each(|x| d.number(*x));
    }
    Some(d.finish())
}

/// Digests in JSON: 16 hexadecimal digits each (a JSON number loses precision beyond 2^53
/// in most readers), a list of them as one string.
mod digests {
    use crate::base::digest::{from_hex, hex};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(rows: &[u64], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&rows.iter().map(|d| hex(*d)).collect::<String>())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Box<[u64]>, D::Error> {
        let text = String::deserialize(d)?;
        let bytes = text.as_bytes();
        if bytes.len() % 16 != 0 {
            return Err(serde::de::Error::custom("摘要长度不是 16 的倍数"));
        }
        bytes
            .chunks(16)
            .map(|c| {
                std::str::from_utf8(c)
                    .ok()
                    .and_then(from_hex)
                    .ok_or_else(|| serde::de::Error::custom("摘要不是十六进制数"))
            })
            .collect()
    }
}

/// One digest in JSON (see [`digests`]).
mod digest_hex {
    use crate::base::digest::{from_hex, hex};
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &u64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&hex(*d))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        from_hex(&String::deserialize(d)?)
            .ok_or_else(|| serde::de::Error::custom("摘要不是 16 位十六进制数"))
    }
}

/// A digest that may be absent, in JSON (see [`digests`]).
mod digest {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(d: &Option<u64>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => super::digest_hex::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| {
                crate::base::digest::from_hex(&t)
                    .ok_or_else(|| serde::de::Error::custom("摘要不是 16 位十六进制数"))
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_survives_json() {
        let print = Fingerprint {
            name: "甲镇".into(),
            rows: vec![0, 7, u64::MAX].into_boxed_slice(),
            ledger: Some(42),
            file_digests: vec![FileDigest {
                file: "甲镇/台账.xlsx".into(),
                digest: 0xaf63_dc4c_8601_ec8c,
                bytes: 70540,
            }],
            ..Default::default()
        };
        let text = serde_json::to_string(&print).unwrap();
        assert!(
            text.contains(r#""rows":"00000000000000000000000000000007ffffffffffffffff""#),
            "{text}"
        );
        let back: Fingerprint = serde_json::from_str(&text).unwrap();
        assert_eq!(back, print);
        assert!(serde_json::from_str::<Fingerprint>(r#"{"rows":"12"}"#).is_err());
    }

    #[test]
    fn serials_compare_by_letters_and_digits() {
        assert_eq!(
            serial_key("ABCDE-12345-fghij"),
            serial_key("abcde 12345 FGHIJ")
        );
        assert_eq!(serial_key("ＡＢＣＤＥ-１２３４５"), "ABCDE12345");
        // numbering and dates are not keys
        assert_eq!(serial_key("1"), "");
        assert_eq!(serial_key("无"), "");
        assert_eq!(serial_key("2024-01-02"), "");
        assert_eq!(serial_key("HT-2024-1"), "");
    }
}
