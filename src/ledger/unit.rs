//! A unit (one office) and how its files are found and read: a workbook, or a folder whose
//! workbooks together hold the unit's tables.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::schema::TableKind;
use crate::workbook::locate::locate;
use crate::workbook::{self, Cell, CellRef, OpenError, Workbook};

use super::classification::{self, Classification};
use super::forms::{self, Demand, Form, LeadingGroup, Pledge, PurchasePlan};
use super::free_list::{self, FreeList};
use super::maintenance::{self, Maintenance};
use super::statistics::{self, Statistics};
use super::summary::{self, Summary};
use super::table::{HeaderBlock, InvalidValue, TableMeta};
use super::usage::{self, Usage};
use super::values::Field;

/// One office's ledgers, read from one workbook or a folder of workbooks.
#[derive(Debug, Clone, Default)]
pub struct Unit {
    /// 单位名称 as the tables state it (or the file/folder name).
    pub name: String,
    /// The files read, as the user named them.
    pub files: Vec<Arc<str>>,
    /// The cell grids, kept for renderers that show a row around a diagnostic.
    pub workbooks: Vec<Workbook>,
    /// Files that could not be read (ZB001).
    pub unreadable: Vec<(Arc<str>, OpenError)>,
    /// 软件使用情况汇总表 (normally one).
    pub summaries: Vec<Summary>,
    /// 软件使用情况明细表 (normally one).
    pub usages: Vec<Usage>,
    /// 软件安装维护情况明细表, one per software number.
    pub maintenance: Vec<Maintenance>,
    /// 可使用免费软件清单.
    pub free_lists: Vec<FreeList>,
    /// 软件正版化工作信息统计表.
    pub statistics: Vec<Statistics>,
    /// 软件采购计划表.
    pub purchase_plans: Vec<PurchasePlan>,
    /// 软件使用需求申请表.
    pub demands: Vec<Demand>,
    /// 软件正版化工作领导小组成员信息表.
    pub leading_groups: Vec<LeadingGroup>,
    /// 使用正版软件承诺书.
    pub pledges: Vec<Pledge>,
    /// 软件安装维护申请表.
    pub maintenance_requests: Vec<Form>,
    /// 软件安装维护确认单.
    pub maintenance_confirms: Vec<Form>,
    /// 软件分类 sheets (the unit's own classification).
    pub classifications: Vec<Classification>,
    /// Values that could not be read as their column's type.
    pub invalid_values: Vec<InvalidValue>,
    /// Formula cells showing an error or holding no cached value (ZB007).
    pub formula_problems: Vec<FormulaProblem>,
}

/// A formula cell a reader cannot trust.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaProblem {
    /// Where.
    pub cell: CellRef,
    /// The error shown (`#REF!` …), or `None` when the formula has no cached value.
    pub error: Option<String>,
}

impl Unit {
    /// The summary ledger (the first, when there are several).
    pub fn summary(&self) -> Option<&Summary> {
        self.summaries.first()
    }
    /// The usage ledger (the first, when there are several).
    pub fn usage(&self) -> Option<&Usage> {
        self.usages.first()
    }
    /// The free list (the first, when there are several).
    pub fn free_list(&self) -> Option<&FreeList> {
        self.free_lists.first()
    }

    /// Every table found, with its header block where it has one.
    pub fn tables(&self) -> Vec<(&TableMeta, Option<&HeaderBlock>)> {
        let mut out: Vec<(&TableMeta, Option<&HeaderBlock>)> = Vec::new();
        out.extend(self.summaries.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(self.usages.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(self.maintenance.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(self.free_lists.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(self.statistics.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(
            self.purchase_plans
                .iter()
                .map(|t| (&t.meta, Some(&t.header))),
        );
        out.extend(self.demands.iter().map(|t| (&t.meta, Some(&t.header))));
        out.extend(
            self.leading_groups
                .iter()
                .map(|t| (&t.meta, Some(&t.header))),
        );
        out.extend(self.pledges.iter().map(|t| (&t.meta, None)));
        out.extend(self.maintenance_requests.iter().map(|t| (&t.meta, None)));
        out.extend(self.maintenance_confirms.iter().map(|t| (&t.meta, None)));
        out.extend(self.classifications.iter().map(|t| (&t.meta, None)));
        out
    }

    /// The table that holds (file, sheet, row), if any.
    pub fn table_at(&self, file: &str, sheet: &str, row: u32) -> Option<&TableMeta> {
        self.tables()
            .into_iter()
            .map(|(m, _)| m)
            .filter(|m| m.contains(file, sheet, row))
            .max_by_key(|m| m.first_row)
    }

    /// The grid of a sheet, for renderers.
    pub fn sheet(&self, file: &str, sheet: &str) -> Option<&workbook::Sheet> {
        self.workbooks
            .iter()
            .find(|w| &*w.file == file)?
            .sheets
            .iter()
            .find(|s| &*s.name == sheet)
    }

    fn add_workbook(&mut self, book: Workbook) {
        let file = book.file.clone();
        for (index, sheet) in book.sheets.iter().enumerate() {
            for loc in locate(sheet, index) {
                let inv = &mut self.invalid_values;
                match loc.kind {
                    TableKind::Summary => {
                        self.summaries.push(summary::parse(sheet, &file, &loc, inv))
                    }
                    TableKind::Usage => self.usages.push(usage::parse(sheet, &file, &loc, inv)),
                    TableKind::Maintenance => self
                        .maintenance
                        .extend(maintenance::parse_all(sheet, &file, &loc, inv)),
                    TableKind::FreeList => self
                        .free_lists
                        .push(free_list::parse(sheet, &file, &loc, inv)),
                    TableKind::Statistics => self
                        .statistics
                        .push(statistics::parse(sheet, &file, &loc, inv)),
                    TableKind::PurchasePlan => self
                        .purchase_plans
                        .push(forms::parse_purchase_plan(sheet, &file, &loc, inv)),
                    TableKind::Demand => self
                        .demands
                        .push(forms::parse_demand(sheet, &file, &loc, inv)),
                    TableKind::LeadingGroup => self
                        .leading_groups
                        .push(forms::parse_leading_group(sheet, &file, &loc, inv)),
                    TableKind::Pledge => self.pledges.push(forms::parse_pledge(sheet, &file, &loc)),
                    TableKind::MaintenanceRequest => self
                        .maintenance_requests
                        .push(forms::parse_form(sheet, &file, &loc)),
                    TableKind::MaintenanceConfirm => self
                        .maintenance_confirms
                        .push(forms::parse_form(sheet, &file, &loc)),
                    TableKind::Classification => self
                        .classifications
                        .push(classification::parse(sheet, &file, &loc, inv)),
                }
            }
            for (r, row) in sheet.rows.iter().enumerate() {
                for (c, cell) in row.iter().enumerate() {
                    if let Cell::Error(e) = cell {
                        self.formula_problems.push(FormulaProblem {
                            cell: CellRef::new(&file, &sheet.name, r as u32, c as u32),
                            error: Some(e.clone()),
                        });
                    }
                }
            }
            // From the formula list, not the grid: a formula without a cached value may sit
            // past the last value of its row, where the grid stores nothing.
            for &(r, c) in &sheet.formulas {
                if matches!(sheet.get(r, c), Cell::Empty) {
                    self.formula_problems.push(FormulaProblem {
                        cell: CellRef::new(&file, &sheet.name, r, c),
                        error: None,
                    });
                }
            }
        }
        self.workbooks.push(book);
    }

    fn name_from_tables(&self) -> Option<String> {
        let filled = |f: &Option<Field<String>>| f.as_ref().and_then(|f| f.value()).cloned();
        self.summaries
            .iter()
            .map(|t| &t.header)
            .chain(self.usages.iter().map(|t| &t.header))
            .chain(self.statistics.iter().map(|t| &t.header))
            .chain(self.free_lists.iter().map(|t| &t.header))
            .chain(self.maintenance.iter().map(|t| &t.header))
            .chain(self.leading_groups.iter().map(|t| &t.header))
            .find_map(|h| filled(&h.unit))
    }
}

/// The files that make up one unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitSource {
    /// A name to fall back on (file stem or folder name).
    pub label: String,
    /// The workbook files, sorted.
    pub files: Vec<PathBuf>,
}

/// Whether a path names a workbook we read (by extension), skipping lock files and our own
/// annotated copies.
pub fn is_workbook_path(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    if name.starts_with("~$") || name.starts_with('.') || name.contains(".诊断.") {
        return false;
    }
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    matches!(ext.as_str(), "xlsx" | "xlsm" | "xls" | "ods" | "xlsb")
}

fn workbooks_in(dir: &Path) -> std::io::Result<(Vec<PathBuf>, Vec<PathBuf>)> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            dirs.push(path);
        } else if is_workbook_path(&path) {
            files.push(path);
        }
    }
    files.sort();
    dirs.sort();
    Ok((files, dirs))
}

/// Split the paths a user named into units (cli.md): a workbook is a unit; a folder of
/// workbooks without sub-folders of workbooks is one unit; a folder of such folders or
/// files is a batch. With `unit_per_file`, every workbook is its own unit.
pub fn discover(paths: &[PathBuf], unit_per_file: bool) -> std::io::Result<Vec<UnitSource>> {
    let mut out = Vec::new();
    for path in paths {
        if !path.is_dir() {
            out.push(single(path));
            continue;
        }
        let (files, dirs) = workbooks_in(path)?;
        let mut unit_dirs = Vec::new();
        for d in &dirs {
            let (f, sub) = workbooks_in(d)?;
            if !f.is_empty() || !sub.is_empty() {
                unit_dirs.push(d.clone());
            }
        }
        if unit_per_file {
            out.extend(files.iter().map(|f| single(f)));
            for d in unit_dirs {
                out.extend(discover(&[d], true)?);
            }
        } else if unit_dirs.is_empty() {
            out.push(UnitSource {
                label: file_label(path),
                files,
            });
        } else {
            out.extend(files.iter().map(|f| single(f)));
            for d in unit_dirs {
                out.extend(discover(&[d], false)?);
            }
        }
    }
    Ok(out)
}

fn single(path: &Path) -> UnitSource {
    UnitSource {
        label: path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string(),
        files: vec![path.to_path_buf()],
    }
}

fn file_label(path: &Path) -> String {
    path.file_name()
        .and_then(|s| s.to_str())
        .map(str::to_string)
        .unwrap_or_else(|| path.display().to_string())
}

/// Read every file of a unit into the model; unreadable files are recorded, never fatal.
pub fn read_unit(source: &UnitSource) -> Unit {
    let mut unit = Unit::default();
    for path in &source.files {
        let display: Arc<str> = Arc::from(path.display().to_string().as_str());
        unit.files.push(display.clone());
        match workbook::open(path, &display) {
            Ok(book) => unit.add_workbook(book),
            Err(e) => unit.unreadable.push((display, e)),
        }
    }
    unit.name = unit
        .name_from_tables()
        .unwrap_or_else(|| source.label.clone());
    unit
}
