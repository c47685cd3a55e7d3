//! ZB1xx — the summary ledger (软件使用情况汇总表; 台账 一).

pub mod over_deployment;
