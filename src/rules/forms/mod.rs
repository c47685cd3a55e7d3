//! ZB5xx rules. One file per rule.
