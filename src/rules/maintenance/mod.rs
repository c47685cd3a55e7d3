//! ZB3xx rules. One file per rule.
