//! ZB3xx — the maintenance ledger (软件安装维护情况明细表; 台账 三, 安装). The replay these
//! rules read (date order, holders, copies) is computed once in `rules::facts`.

pub mod ambiguous_action;
pub mod events_out_of_order;
pub mod future_event;
pub mod info_disagrees_with_summary;
pub mod install_after_license_end;
pub mod missing_event_field;
pub mod oem_moved;
pub mod repeated_install;
pub mod replay_over_license;
pub mod uninstall_without_install;
pub mod unlicensed_version;
