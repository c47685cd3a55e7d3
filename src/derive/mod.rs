//! Figures derived from the ledgers (derive.md): what a clerk would otherwise compute by hand.
//! `check` compares them with what the clerk typed (ZB414); the `derive` command writes them.

pub mod statistics;
