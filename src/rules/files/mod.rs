//! ZB0xx rules. One file per rule.
