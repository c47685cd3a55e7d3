//! The typed model of a unit's ledgers, read once from its workbooks and shared by every
//! rule, renderer and derivation.

pub mod classification;
pub mod forms;
pub mod free_list;
pub mod maintenance;
pub mod statistics;
pub mod summary;
pub mod table;
mod unit;
pub mod usage;
pub mod values;

pub use unit::{discover, read_unit, FormulaProblem, Unit, UnitSource};
