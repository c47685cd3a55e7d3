//! Where the annotated copies of `check --annotate` go, and writing them under the output
//! policy: `<name>.诊断.xlsx` beside each input, or in the folder given; names that two
//! inputs of one run would share are told apart by their folder; every target is checked
//! before any work is done, so an existing copy stops the run at once (without `--force`).

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::base::gate;
use crate::base::path::{joined, shown};
use crate::batch::UnitReport;
use crate::ledger::UnitSource;
use crate::output::OutputPolicy;
use crate::render::annotate::annotate;
use crate::RunError;

/// Writes the annotated copies of the units of one `check` run.
#[derive(Debug)]
pub struct Annotator {
    policy: OutputPolicy,
    /// Input file → where its copy goes.
    targets: BTreeMap<PathBuf, PathBuf>,
    /// What was written and what failed, from every worker of the batch.
    done: Mutex<Done>,
    quiet: bool,
    /// The check date, on each copy's 诊断报告.
    as_of: chrono::NaiveDate,
}

#[derive(Debug, Default)]
struct Done {
    written: Vec<PathBuf>,
    failures: Vec<String>,
}

fn folder_name(input: &Path) -> Option<&OsStr> {
    input.parent().and_then(|p| p.file_name())
}

/// The name of the annotated copy of `input`: `台账.xlsx` → `台账.诊断.xlsx`, an xlsm keeping
/// its extension (a workbook with macros saved as .xlsx does not open in Excel). The name
/// `render::annotate::copy_name` gives, made from the input's own bytes: a name that is not
/// Unicode (GBK) gives a copy whose name is the same bytes, not "�".
pub fn copy_file_name(input: &Path) -> OsString {
    let xlsm = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("xlsm"));
    let stem = input.file_stem().unwrap_or(OsStr::new("台账"));
    joined(stem, if xlsm { ".诊断.xlsm" } else { ".诊断.xlsx" })
}

impl Annotator {
    /// Plan the copies of every file of `sources` (in `dir`, or beside each input) and
    /// refuse now any that the policy would refuse later.
    pub fn new(
        dir: Option<&Path>,
        sources: &[UnitSource],
        policy: &OutputPolicy,
        quiet: bool,
        as_of: chrono::NaiveDate,
    ) -> Result<Annotator, RunError> {
        let mut targets = BTreeMap::new();
        let mut used: BTreeSet<PathBuf> = BTreeSet::new();
        for input in sources.iter().flat_map(|s| &s.files) {
            let name = copy_file_name(input);
            let place = |name: &OsStr| match dir {
                Some(d) => d.join(name),
                None => input.with_file_name(name),
            };
            let mut target = place(&name);
            if used.contains(&target) {
                // Two inputs of the same name (台账.xlsx in two unit folders) into one folder.
                if let Some(folder) = folder_name(input) {
                    let mut both = folder.to_os_string();
                    both.push("-");
                    both.push(&name);
                    target = place(&both);
                }
                let mut n = 2;
                let first = target.clone();
                while used.contains(&target) {
                    target = crate::output::numbered(&first, n);
                    n += 1;
                }
            }
            policy.check(&target)?;
            used.insert(target.clone());
            targets.insert(input.clone(), target);
        }
        Ok(Annotator {
            policy: policy.clone(),
            targets,
            done: Mutex::default(),
            quiet,
            as_of,
        })
    }

    /// Write the copies of one unit (call while the report still has its cell grids; from
    /// any worker thread).
    ///
    /// A panic while the copies are made costs this unit's copies only: it is one failure
    /// in Chinese, and the unit's findings, the other units and the report are written as
    /// always (a panic the batch caught instead would replace the findings by ZB001).
    pub fn unit(&self, report: &UnitReport) {
        let mut done = Done::default();
        let copies = match crate::base::panic::caught(|| annotate(report, self.as_of)) {
            Ok(copies) => copies,
            Err(detail) => {
                done.failures.push(format!(
                    "无法生成 {} 的批注副本：程序内部出错（{detail}）。这是检查工具的问题，不是台账的错误：请把这个单位的文件发给工具的维护者；本单位的诊断和其余单位照常写出",
                    report.unit.files.join("、")
                ));
                Vec::new()
            }
        };
        for copy in copies {
            let copy = match copy {
                Ok(c) => c,
                Err(e) => {
                    done.failures.push(e.to_string());
                    continue;
                }
            };
            let Some(target) = self.targets.get(&copy.input) else {
                // Every input of the run was planned; a copy of anything else is a fault.
                done.failures.push(format!(
                    "无法确定 {} 的批注副本写到哪里",
                    shown(&copy.input)
                ));
                continue;
            };
            match self.policy.write(target, &copy.bytes) {
                Ok(()) => done.written.push(target.clone()),
                Err(e) => done.failures.push(e.to_string()),
            }
        }
        let mut all = self.done.lock().unwrap_or_else(|e| e.into_inner());
        all.written.extend(done.written);
        all.failures.extend(done.failures);
    }

    /// Say what was written (on standard error, so a JSON report on standard output stays
    /// clean); an error when any copy could not be made.
    pub fn finish(self) -> Result<Vec<PathBuf>, RunError> {
        let mut done = self.done.into_inner().unwrap_or_else(|e| e.into_inner());
        // Workers finish in any order; say it in the order of the inputs.
        let order: Vec<&PathBuf> = self.targets.values().collect();
        done.written
            .sort_by_key(|p| order.iter().position(|t| *t == p).unwrap_or(usize::MAX));
        if !self.quiet {
            for p in &done.written {
                eprintln!("已写出批注副本：{}", gate::terminal(&shown(p)));
            }
        }
        if done.failures.is_empty() {
            Ok(done.written)
        } else {
            Err(RunError::Usage(done.failures.join("\n")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn same_names_in_one_folder_are_told_apart() {
        let dir = tempfile::tempdir().unwrap();
        let sources = vec![
            UnitSource {
                label: "甲".into(),
                files: vec![PathBuf::from("甲/台账.xlsx")],
            },
            UnitSource {
                label: "乙".into(),
                files: vec![PathBuf::from("乙/台账.xlsx")],
            },
        ];
        let a = Annotator::new(
            Some(dir.path()),
            &sources,
            &OutputPolicy::default(),
            true,
            day(),
        )
        .unwrap();
        assert_eq!(
            a.targets[&PathBuf::from("甲/台账.xlsx")],
            dir.path().join("台账.诊断.xlsx")
        );
        assert_eq!(
            a.targets[&PathBuf::from("乙/台账.xlsx")],
            dir.path().join("乙-台账.诊断.xlsx")
        );
    }

    #[test]
    fn copy_names_are_the_renderers_kept_in_bytes() {
        for input in ["a/台账.xlsx", "台账 2026.xls", "宏.XLSM", "README"] {
            let input = Path::new(input);
            assert_eq!(
                copy_file_name(input),
                OsString::from(crate::render::annotate::copy_name(input))
            );
        }
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let gbk = Path::new(OsStr::from_bytes(b"\xcc\xa8\xd5\xcb.xlsx"));
            assert_eq!(
                copy_file_name(gbk).as_bytes(),
                b"\xcc\xa8\xd5\xcb.\xe8\xaf\x8a\xe6\x96\xad.xlsx"
            );
        }
    }

    #[test]
    fn an_existing_copy_stops_the_run_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("台账.xlsx");
        std::fs::write(dir.path().join("台账.诊断.xlsx"), "mine").unwrap();
        let sources = vec![UnitSource {
            label: "台账".into(),
            files: vec![input],
        }];
        let err =
            Annotator::new(None, &sources, &OutputPolicy::default(), true, day()).unwrap_err();
        assert!(err.to_string().contains("已存在"), "{err}");
    }
}
