//! The neutral ground under every layer: cell references and A1 names, text folding,
//! numbers as a spreadsheet prints them, and the gate untrusted text passes on its way out.
//! Both the reader (`workbook`) and everything above the model (rules, derive, renderers)
//! use these, so they belong to neither.

pub mod cell;
pub mod digest;
pub mod gate;
pub mod number;
pub mod os_error;
pub mod panic;
pub mod path;
pub mod text;
pub mod user_dirs;

pub use cell::{a1, column_letters, CellRef};
pub use number::format_number;
pub use os_error::io_reason;
