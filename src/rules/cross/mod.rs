//! ZB4xx rules. One file per rule.
