//! ZB3xx — the maintenance ledger (软件安装维护情况明细表; 台账 三, 安装). The replay these
//! rules read (date order, holders, copies) is computed once in `rules::facts`.

rules! {
    ZB301 ambiguous_action,
    ZB302 missing_event_field,
    ZB303 info_disagrees_with_summary,
    ZB304 uninstall_without_install,
    ZB305 repeated_install,
    ZB306 events_out_of_order,
    ZB307 replay_over_license,
    ZB308 install_after_license_end,
    ZB309 unlicensed_version,
    ZB310 future_event,
    ZB311 oem_moved,
}
