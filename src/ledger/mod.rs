//! The typed model of a unit's ledgers, read once from its workbooks and shared by every
//! rule, renderer and derivation.

pub mod classification;
mod computer_context;
pub mod computer_map;
pub mod copies;
pub mod discover;
pub mod forms;
pub mod free_list;
mod infer;
pub mod list_file;
pub mod maintenance;
mod named;
pub mod natural;
pub mod parts;
pub mod roster;
pub mod statistics;
pub mod summary;
pub mod table;
mod unit;
pub mod unrecognised;
pub mod usage;
pub mod values;

pub use discover::{discover, discover_units, is_workbook_path, DiscoveredUnit, UnitSource};
pub use named::{join_named, units_named};
#[cfg(test)]
pub(crate) use unit::from_text;
pub use unit::{
    read_discovered, read_unit, read_with_sources, read_within, Book, FormulaProblem, ReadOptions,
    Sources, Unit, UnrecognisedSheet,
};
