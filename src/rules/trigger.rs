//! The workbook that makes a rule fire, written down in the rule's own file. A trigger is
//! plain data — a base workbook and the edits that plant the fault — so a rule cannot be
//! entered in the registry without one; `tests/rule_coverage.rs` builds every trigger, runs
//! the whole checker over it and snapshots the rule's diagnostics under the rule's code.

/// A rule's triggering workbook: the edits planted into a base, checked on the fixtures'
/// check date.
#[derive(Debug)]
pub struct Trigger {
    /// The workbook the edits go into.
    pub base: Base,
    /// The planted fault, applied in order.
    pub edits: &'static [Edit],
    /// Codes whose diagnostics the snapshot shows (space-separated prefixes, `"ZB003 ZB004"`,
    /// `"ZB0"`); empty shows every diagnostic. A rule whose fault also trips rules of
    /// other groups names its own codes so that their changes do not churn its snapshot.
    pub shows: &'static str,
    /// Codes that must not fire on this workbook (space-separated): the fault is this
    /// rule's alone, not also theirs.
    pub silent: &'static str,
    /// An inspector's roster the base (then a round of units) is checked against
    /// (`--roster`); the snapshot shows every unit's diagnostics.
    pub roster: Option<&'static str>,
    /// Last year's round (a folder of its submissions) the base, a round, is compared with
    /// (`report --previous`).
    pub previous: Option<&'static str>,
    /// A folder of inventories of the base's computers, held against its ledger
    /// (`reconcile`).
    pub inventory: Option<&'static str>,
}

/// The workbook a trigger starts from.
#[derive(Debug)]
pub enum Base {
    /// The test suite's clean unit (`tests/support`: 测试县审计局, 3 computers, 4 software
    /// numbers, every ledger consistent).
    Clean,
    /// The clean unit with every form filled in (领导小组, 需求申请表, 采购计划表,
    /// 安装维护申请表, 确认单).
    CleanWithForms,
    /// A workbook checked in to the repository, by its path from the crate root.
    File(&'static str),
}

/// One edit of the base workbook. Values are written as the test suite writes fixture
/// cells: `#12` a number, `@2024-01-02` a date cell, `""` an empty cell, anything else text.
#[derive(Debug)]
pub enum Edit {
    /// Set a cell: sheet, A1 reference, value.
    Set(&'static str, &'static str, &'static str),
    /// Append a row to a sheet.
    Push(&'static str, &'static [&'static str]),
    /// Delete a row (1-based), the rows below moving up.
    DeleteRow(&'static str, usize),
    /// Remove a sheet.
    RemoveSheet(&'static str),
    /// Merge a range of a sheet (`"B13:B15"`), its first cell's value kept.
    Merge(&'static str, &'static str),
    /// Copy a sheet under a new name, at the end of the workbook.
    CopySheet(&'static str, &'static str),
    /// Put a formula into a cell of the written file: sheet, A1 reference, formula, and the
    /// error value it caches (`Some("#REF!")`) or none (a blank cached result).
    Formula(
        &'static str,
        &'static str,
        &'static str,
        Option<&'static str>,
    ),
}

impl Trigger {
    /// The clean unit with these edits, every diagnostic shown.
    pub const fn clean(edits: &'static [Edit]) -> Trigger {
        Trigger {
            base: Base::Clean,
            edits,
            shows: "",
            silent: "",
            roster: None,
            previous: None,
            inventory: None,
        }
    }

    /// The clean unit with its forms filled in, and these edits.
    pub const fn forms(edits: &'static [Edit]) -> Trigger {
        Trigger {
            base: Base::CleanWithForms,
            edits,
            shows: "",
            silent: "",
            roster: None,
            previous: None,
            inventory: None,
        }
    }

    /// A checked-in workbook as it is.
    pub const fn file(path: &'static str) -> Trigger {
        Trigger {
            base: Base::File(path),
            edits: &[],
            shows: "",
            silent: "",
            roster: None,
            previous: None,
            inventory: None,
        }
    }

    /// Check against this roster (`--roster`).
    pub const fn with_roster(self, roster: &'static str) -> Trigger {
        Trigger {
            roster: Some(roster),
            ..self
        }
    }

    /// Compare with last year's round, a folder of its submissions (`report --previous`).
    pub const fn with_previous(self, previous: &'static str) -> Trigger {
        Trigger {
            previous: Some(previous),
            ..self
        }
    }

    /// Hold the base's ledger against this folder of inventories (`reconcile`).
    pub const fn with_inventory(self, folder: &'static str) -> Trigger {
        Trigger {
            inventory: Some(folder),
            ..self
        }
    }

    /// Show only these codes' diagnostics in the snapshot.
    pub const fn showing(self, codes: &'static str) -> Trigger {
        Trigger {
            shows: codes,
            ..self
        }
    }

    /// Require these codes not to fire.
    pub const fn without(self, codes: &'static str) -> Trigger {
        Trigger {
            silent: codes,
            ..self
        }
    }
}
