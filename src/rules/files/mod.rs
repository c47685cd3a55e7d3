//! ZB0xx — files and structure: what keeps a unit from being read or checked at all.

rules! {
    ZB001 unreadable_file,
    ZB002 missing_ledger,
    ZB003 missing_column,
    ZB004 unknown_column,
    ZB005 empty_header_field,
    ZB006 unreadable_value,
    ZB007 formula_error,
    ZB008 duplicate_table,
    ZB009 unit_name_mismatch,
    ZB010 empty_ledgers,
    ZB011 not_submitted,
    ZB012 not_on_roster,
    ZB013 unrecognised_table,
    ZB014 open_in_office,
    ZB015 set_aside_copy,
}
