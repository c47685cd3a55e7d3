//! A unit (one office) and how its files are found and read: a workbook, or a folder whose
//! workbooks together hold the unit's tables.

use std::path::Path;
use std::sync::Arc;

use crate::base::path::shown;
use crate::base::CellRef;
use crate::schema::TableKind;
use crate::workbook::hints::LayoutHints;
use crate::workbook::locate::{locate_with, side_by_side};

use super::unrecognised::{unrecognised, Unrecognised};
use crate::workbook::{self, Cell, Limits, OpenError, Workbook};

use super::classification::{self, Classification};
use super::copies::SetAside;
use super::discover::{DiscoveredUnit, OtherFile, UnitSource};
use super::forms::{self, Demand, Form, LeadingGroup, Pledge, PurchasePlan};
use super::free_list::{self, FreeList};
use super::maintenance::{self, Maintenance};
use super::roster::Listed;
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
    /// The folder (or the single file) the unit was found as, as the user named it; `None`
    /// for a unit read from a list of files.
    pub path: Option<Arc<str>>,
    /// The files read, as the user named them.
    pub files: Vec<Arc<str>>,
    /// The workbooks read, in file order, with their sheets' names in workbook order (what
    /// sorts diagnostics and names a file; the cells themselves are in [`Sources`]).
    pub books: Vec<Book>,
    /// Files that could not be read, with the reason.
    pub unreadable: Vec<(Arc<str>, OpenError)>,
    /// Files of the unit that are not workbooks we read (scans, PDFs, WPS `.et` files):
    /// what a report lists when no ledger was found.
    pub others: Vec<OtherFile>,
    /// Folders of the unit that could not be listed, with the reason.
    pub inaccessible: Vec<(Arc<str>, String)>,
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
    /// Formula cells showing an error or holding no cached value.
    pub formula_problems: Vec<FormulaProblem>,
    /// Sheets in which no table was found, and what they hold.
    pub unrecognised: Vec<UnrecognisedSheet>,
    /// Files not read because another file of the unit is a later version of the same
    /// ledger (an old copy in a sub-folder, "台账 - 副本.xlsx").
    pub set_aside: Vec<SetAside>,
    /// Where the unit stands on the inspector's roster (`--roster`); `None` without one.
    pub roster: Option<Listed>,
    /// What its computers really hold, from inventories (`reconcile`); empty otherwise.
    pub inventories: Vec<crate::inventory::Inventory>,
    /// The 对照表 of `reconcile --map`: (计算机编号, computer name) where the ledger numbers
    /// computers otherwise than their names.
    pub computer_map: Vec<(String, String)>,
}

impl Unit {
    /// The name the unit was found under: its folder's, or its one workbook's without the
    /// extension (what a roster's 文件夹 column names).
    pub fn found_as(&self) -> Option<String> {
        let path = Path::new(self.path.as_deref()?);
        let single = self.files.len() == 1 && self.files[0].as_ref() == self.path.as_deref()?;
        let name = if single {
            path.file_stem()
        } else {
            path.file_name()
        };
        name.and_then(|n| n.to_str()).map(str::to_string)
    }
}

/// A sheet in which no table was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnrecognisedSheet {
    /// The file.
    pub file: Arc<str>,
    /// The sheet.
    pub sheet: Arc<str>,
    /// What it holds.
    pub holds: Unrecognised,
}

/// One workbook's shape as plain data: its file and its sheets' names, in workbook order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Book {
    /// The file, as the user named it.
    pub file: Arc<str>,
    /// The sheet names, in workbook order.
    pub sheets: Vec<Arc<str>>,
}

/// The cell grids a unit was read from, kept apart from the model: only the renderers that
/// draw the rows around a diagnostic (terminal, HTML, annotated copies) read them.
#[derive(Debug, Clone, Default)]
pub struct Sources {
    /// The workbooks, in file order.
    pub workbooks: Vec<Workbook>,
}

impl Sources {
    /// The grid of a sheet.
    pub fn sheet(&self, file: &str, sheet: &str) -> Option<&workbook::Sheet> {
        self.workbooks
            .iter()
            .find(|w| &*w.file == file)?
            .sheets
            .iter()
            .find(|s| &*s.name == sheet)
    }
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
        for t in &self.summaries {
            out.push((&t.meta, Some(&t.header)));
            out.extend(t.parts.iter().map(|p| (&p.meta, Some(&p.header))));
        }
        for t in &self.usages {
            out.push((&t.meta, Some(&t.header)));
            out.extend(t.parts.iter().map(|p| (&p.meta, Some(&p.header))));
        }
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

    fn add_workbook(&mut self, book: &Workbook, hints: &LayoutHints) {
        let file = book.file.clone();
        for (index, sheet) in book.sheets.iter().enumerate() {
            // Tables side by side are read one band of columns at a time.
            let bands = side_by_side(sheet);
            let found = if bands.is_empty() {
                self.add_tables(sheet, index, &file, hints)
            } else {
                bands
                    .iter()
                    .map(|band| self.add_tables(band, index, &file, hints))
                    .sum()
            };
            if found == 0 {
                self.unrecognised.push(UnrecognisedSheet {
                    file: file.clone(),
                    sheet: sheet.name.clone(),
                    holds: unrecognised(sheet),
                });
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
        self.books.push(Book {
            file: book.file.clone(),
            sheets: book.sheets.iter().map(|s| s.name.clone()).collect(),
        });
    }

    /// Read the tables of a sheet (or of one band of its columns) into the model; how many.
    fn add_tables(
        &mut self,
        sheet: &workbook::Sheet,
        index: usize,
        file: &Arc<str>,
        hints: &LayoutHints,
    ) -> usize {
        let found = locate_with(sheet, index, file, hints, &super::infer::fits);
        let n = found.len();
        for loc in found {
            let inv = &mut self.invalid_values;
            match loc.kind {
                TableKind::Summary => self.summaries.push(summary::parse(sheet, file, &loc, inv)),
                TableKind::Usage => self.usages.push(usage::parse(sheet, file, &loc, inv)),
                TableKind::Maintenance => self
                    .maintenance
                    .extend(maintenance::parse_all(sheet, file, &loc, inv)),
                TableKind::FreeList => self
                    .free_lists
                    .push(free_list::parse(sheet, file, &loc, inv)),
                TableKind::Statistics => self
                    .statistics
                    .push(statistics::parse(sheet, file, &loc, inv)),
                TableKind::PurchasePlan => self
                    .purchase_plans
                    .push(forms::parse_purchase_plan(sheet, file, &loc, inv)),
                TableKind::Demand => self
                    .demands
                    .push(forms::parse_demand(sheet, file, &loc, inv)),
                TableKind::LeadingGroup => self
                    .leading_groups
                    .push(forms::parse_leading_group(sheet, file, &loc, inv)),
                TableKind::Pledge => self.pledges.push(forms::parse_pledge(sheet, file, &loc)),
                TableKind::MaintenanceRequest => self
                    .maintenance_requests
                    .push(forms::parse_form(sheet, file, &loc)),
                TableKind::MaintenanceConfirm => self
                    .maintenance_confirms
                    .push(forms::parse_form(sheet, file, &loc)),
                TableKind::Classification => self
                    .classifications
                    .push(classification::parse(sheet, file, &loc, inv)),
            }
        }
        n
    }

    /// Append another part of the same unit (the tables of its next file). Every field is
    /// named, so a new field cannot be forgotten here.
    fn join(&mut self, other: Unit) {
        let Unit {
            name: _,
            path: _,
            files,
            books,
            unreadable,
            others,
            inaccessible,
            summaries,
            usages,
            maintenance,
            free_lists,
            statistics,
            purchase_plans,
            demands,
            leading_groups,
            pledges,
            maintenance_requests,
            maintenance_confirms,
            classifications,
            invalid_values,
            formula_problems,
            unrecognised,
            set_aside,
            roster: _,
            inventories,
            computer_map,
        } = other;
        self.inventories.extend(inventories);
        self.computer_map.extend(computer_map);
        self.files.extend(files);
        self.books.extend(books);
        self.unreadable.extend(unreadable);
        self.others.extend(others);
        self.inaccessible.extend(inaccessible);
        self.summaries.extend(summaries);
        self.usages.extend(usages);
        self.maintenance.extend(maintenance);
        self.free_lists.extend(free_lists);
        self.statistics.extend(statistics);
        self.purchase_plans.extend(purchase_plans);
        self.demands.extend(demands);
        self.leading_groups.extend(leading_groups);
        self.pledges.extend(pledges);
        self.maintenance_requests.extend(maintenance_requests);
        self.maintenance_confirms.extend(maintenance_confirms);
        self.classifications.extend(classifications);
        self.invalid_values.extend(invalid_values);
        self.formula_problems.extend(formula_problems);
        self.unrecognised.extend(unrecognised);
        self.set_aside.extend(set_aside);
    }

    /// Join the tables that are parts of one ledger ([`super::parts`]), after each table
    /// without a header block of its own took the one printed above it on its sheet.
    fn join_parts(&mut self) {
        self.share_header_blocks();
        self.usages = super::parts::join_usages(std::mem::take(&mut self.usages));
        self.summaries = super::parts::join_summaries(std::mem::take(&mut self.summaries));
        self.maintenance = super::parts::join_computer_logs(std::mem::take(&mut self.maintenance));
    }

    /// Tables stacked on one sheet under one header block ("填报单位：…" printed once above
    /// 一、软件汇总表, 二、软件使用明细表 …): a table with no header block of its own has the
    /// one of the nearest table above it on its sheet.
    fn share_header_blocks(&mut self) {
        let empty = HeaderBlock::default();
        let donors: Vec<(&TableMeta, &HeaderBlock)> = self
            .tables()
            .into_iter()
            .filter_map(|(m, h)| h.filter(|h| **h != empty).map(|h| (m, h)))
            .collect();
        if donors.is_empty() {
            return;
        }
        let shared = |meta: &TableMeta| -> Option<HeaderBlock> {
            donors
                .iter()
                .filter(|(m, _)| {
                    m.file == meta.file && m.sheet == meta.sheet && m.first_row < meta.first_row
                })
                .max_by_key(|(m, _)| m.first_row)
                .map(|(_, h)| (*h).clone())
        };
        let mut given: Vec<(TableKind, u32, HeaderBlock)> = Vec::new();
        for (meta, header) in self.tables() {
            if header.is_some_and(|h| *h == empty) {
                if let Some(h) = shared(meta) {
                    given.push((meta.kind, meta.first_row, h));
                }
            }
        }
        drop(donors);
        for (kind, first_row, h) in given {
            let slot = |meta: &TableMeta, header: &mut HeaderBlock| {
                if meta.kind == kind && meta.first_row == first_row && *header == empty {
                    *header = h.clone();
                }
            };
            for t in &mut self.summaries {
                slot(&t.meta, &mut t.header);
            }
            for t in &mut self.usages {
                slot(&t.meta, &mut t.header);
            }
            for t in &mut self.free_lists {
                slot(&t.meta, &mut t.header);
            }
            for t in &mut self.statistics {
                slot(&t.meta, &mut t.header);
            }
        }
    }

    /// The 单位名称 the unit's tables state (the first filled in), if any.
    pub fn stated_name(&self) -> Option<String> {
        self.name_from_tables()
    }

    pub(super) fn name_from_tables(&self) -> Option<String> {
        self.stated_name_field()?.value().cloned()
    }

    /// The first 单位名称 filled in a table's header, with the cell it is in.
    pub fn stated_name_field(&self) -> Option<&Field<String>> {
        self.summaries
            .iter()
            .map(|t| &t.header)
            .chain(self.usages.iter().map(|t| &t.header))
            .chain(self.statistics.iter().map(|t| &t.header))
            .chain(self.free_lists.iter().map(|t| &t.header))
            .chain(self.maintenance.iter().map(|t| &t.header))
            .chain(self.leading_groups.iter().map(|t| &t.header))
            .find_map(|h| h.unit.as_ref().filter(|f| f.value().is_some()))
    }
}

/// Read every file of a unit into the model; unreadable files are recorded, never fatal.
/// The grids are dropped (see [`read_with_sources`]).
pub fn read_unit(source: &UnitSource) -> Unit {
    read_with_sources(source).0
}

/// Read every file of a unit into the model, and keep the grids it was read from for the
/// renderers.
pub fn read_with_sources(source: &UnitSource) -> (Unit, Sources) {
    read_within(source, &ReadOptions::default())
}

/// How a unit's files are read: the reading limits, and what the user said about layouts
/// the reader cannot work out (both from zhengban.toml).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadOptions {
    /// The reading limits (`[limits]`).
    pub limits: Limits,
    /// Tables and columns placed by hand (`[[table]]`, `[columns]`).
    pub hints: LayoutHints,
}

/// [`read_with_sources`] within reading limits other than the defaults (`[limits]` of the
/// config). The files are opened and parsed in parallel (each on its own), then joined in
/// order.
pub fn read_within(source: &UnitSource, opts: &ReadOptions) -> (Unit, Sources) {
    use rayon::prelude::*;
    let parts: Vec<(Unit, Option<Workbook>)> = source
        .files
        .par_iter()
        .map(|p| read_file(p, opts))
        .collect();
    let (parts, set_aside) = super::copies::set_aside(parts);
    let mut unit = Unit {
        set_aside,
        ..Unit::default()
    };
    let mut sources = Sources::default();
    for (part, book) in parts {
        unit.join(part);
        sources.workbooks.extend(book);
    }
    unit.join_parts();
    unit.name = unit
        .name_from_tables()
        .unwrap_or_else(|| source.label.clone());
    (unit, sources)
}

/// Read a unit as discovery found it: its workbooks, and what else was there (files that
/// are no workbook, folders that could not be listed) for the rules to report.
pub fn read_discovered(found: &DiscoveredUnit, opts: &ReadOptions) -> (Unit, Sources) {
    let (mut unit, sources) = read_within(&found.source, opts);
    unit.path = Some(Arc::from(shown(&found.path).as_str()));
    unit.others = found.others.clone();
    unit.inaccessible = found
        .inaccessible
        .iter()
        .map(|(p, why)| (Arc::from(shown(p).as_str()), why.clone()))
        .collect();
    (unit, sources)
}

/// A unit read from sheets of text cells (one workbook named `file`), parsed the way a file
/// is: the units that tests above the model build, without their touching a grid.
#[cfg(test)]
pub(crate) fn from_text<R: AsRef<[S]>, S: AsRef<str>>(file: &str, sheets: &[(&str, &[R])]) -> Unit {
    let file: Arc<str> = Arc::from(file);
    let book = Workbook {
        path: std::path::PathBuf::from(&*file),
        file: file.clone(),
        sheets: sheets
            .iter()
            .map(|(name, rows)| workbook::text_sheet(name, rows))
            .collect(),
    };
    let mut unit = Unit {
        files: vec![file],
        ..Unit::default()
    };
    unit.add_workbook(&book, &LayoutHints::default());
    unit.join_parts();
    unit
}

/// One file as a unit of its own, to be joined with the unit's other files. A panic while
/// parsing its tables makes the file unreadable, not the batch end.
fn read_file(path: &Path, opts: &ReadOptions) -> (Unit, Option<Workbook>) {
    // Shown with non-Unicode bytes escaped; the file itself is opened by `path`, never
    // by this text, which may not name it.
    let display: Arc<str> = Arc::from(shown(path).as_str());
    let mut part = Unit {
        files: vec![display.clone()],
        ..Unit::default()
    };
    match workbook::open_with(path, &display, &opts.limits) {
        Ok(book) => {
            let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                let mut u = part.clone();
                u.add_workbook(&book, &opts.hints);
                u
            }));
            match parsed {
                Ok(u) => return (u, Some(book)),
                Err(_) => part.unreadable.push((
                    display,
                    OpenError::Corrupt("读取其中的表格时程序内部出错".into()),
                )),
            }
        }
        Err(e) => part.unreadable.push((display, e)),
    }
    (part, None)
}
