//! Diagnostics as plain data: what any renderer (terminal, JSON, annotated workbook, HTML)
//! draws, and nothing that ties them to one of them.

use std::sync::Arc;

use serde::Serialize;

use crate::base::CellRef;

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Must be fixed; makes the run exit 1.
    Error,
    /// Should be looked at.
    Warning,
    /// For information.
    Info,
}

impl Severity {
    /// The Chinese word used in human output.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Info => "提示",
        }
    }

    /// The English word (JSON).
    pub fn key(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What a diagnostic points at.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Target {
    /// A cell.
    Cell(CellRef),
    /// A whole sheet.
    Sheet {
        /// The file.
        file: Arc<str>,
        /// The sheet.
        sheet: Arc<str>,
    },
    /// A whole file.
    File(Arc<str>),
    /// The unit as a whole.
    Unit,
}

impl Target {
    /// The file, if the target has one.
    pub fn file(&self) -> Option<&str> {
        match self {
            Target::Cell(c) => Some(&c.file),
            Target::Sheet { file, .. } | Target::File(file) => Some(file),
            Target::Unit => None,
        }
    }
    /// The sheet, if the target has one.
    pub fn sheet(&self) -> Option<&str> {
        match self {
            Target::Cell(c) => Some(&c.sheet),
            Target::Sheet { sheet, .. } => Some(sheet),
            _ => None,
        }
    }
    /// The cell, if the target is one.
    pub fn cell(&self) -> Option<&CellRef> {
        match self {
            Target::Cell(c) => Some(c),
            _ => None,
        }
    }
}

impl From<CellRef> for Target {
    fn from(c: CellRef) -> Self {
        Target::Cell(c)
    }
}

impl From<&CellRef> for Target {
    fn from(c: &CellRef) -> Self {
        Target::Cell(c.clone())
    }
}

/// Another place involved in a fault ("the other side" of a disagreement).
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    /// Where.
    pub target: Target,
    /// What is there.
    pub message: String,
}

/// One finding of one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The rule code (`ZB111`).
    pub code: &'static str,
    /// Severity after configuration.
    pub severity: Severity,
    /// Where the fault is.
    pub target: Target,
    /// What was found and what was expected, with the values.
    pub message: String,
    /// How to fix it, citing the clause.
    pub help: String,
    /// Other places involved.
    pub related: Vec<Related>,
}

impl Diagnostic {
    /// Add a related place.
    pub fn related(&mut self, target: impl Into<Target>, message: impl Into<String>) -> &mut Self {
        self.related.push(Related {
            target: target.into(),
            message: message.into(),
        });
        self
    }

    /// Sort key in reading order: file and sheet as they come in the unit (`place` gives
    /// their positions), then row, column and code.
    pub fn sort_key(
        &self,
        place: impl Fn(&str, &str) -> (usize, usize),
    ) -> (usize, usize, u32, u32, &'static str) {
        let (file, sheet, row, col) = match &self.target {
            Target::Cell(c) => (&*c.file, &*c.sheet, c.row, c.col),
            Target::Sheet { file, sheet } => (&**file, &**sheet, 0, 0),
            Target::File(f) => (&**f, "", 0, 0),
            Target::Unit => ("", "", 0, 0),
        };
        let (f, s) = place(file, sheet);
        (f, s, row, col, self.code)
    }
}

/// The JSON form of a target (cli.md): file, sheet, cell.
pub fn target_json(t: &Target) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let mut m = serde_json::Map::new();
    m.insert(
        "file".into(),
        t.file().map_or(Value::Null, |f| Value::String(f.into())),
    );
    m.insert(
        "sheet".into(),
        t.sheet().map_or(Value::Null, |s| Value::String(s.into())),
    );
    m.insert(
        "cell".into(),
        t.cell().map_or(Value::Null, |c| Value::String(c.a1())),
    );
    m
}

impl Serialize for Diagnostic {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde_json::Value;
        let mut m = serde_json::Map::new();
        m.insert("code".into(), Value::String(self.code.into()));
        m.insert("severity".into(), Value::String(self.severity.key().into()));
        m.extend(target_json(&self.target));
        m.insert("message".into(), Value::String(self.message.clone()));
        m.insert("help".into(), Value::String(self.help.clone()));
        let related: Vec<Value> = self
            .related
            .iter()
            .map(|r| {
                let mut o = target_json(&r.target);
                o.insert("message".into(), Value::String(r.message.clone()));
                Value::Object(o)
            })
            .collect();
        m.insert("related".into(), Value::Array(related));
        Value::Object(m).serialize(s)
    }
}
