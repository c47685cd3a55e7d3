//! ZB2xx — the usage ledger (软件使用情况明细表; 台账 二).

pub mod computer_brand_conflict;
pub mod computer_owner_conflict;
pub mod computer_without_os;
pub mod duplicate_usage_row;
pub mod empty_usage_field;
pub mod future_install_date;
pub mod install_after_license_end;
pub mod usage_kind_not_single;
