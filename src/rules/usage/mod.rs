//! ZB2xx rules. One file per rule.
