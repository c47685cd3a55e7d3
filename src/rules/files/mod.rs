//! ZB0xx — files and structure: what keeps a unit from being read or checked at all.

pub mod duplicate_table;
pub mod empty_header_field;
pub mod empty_ledgers;
pub mod formula_error;
pub mod missing_column;
pub mod missing_ledger;
pub mod unit_name_mismatch;
pub mod unknown_column;
pub mod unreadable_file;
pub mod unreadable_value;
