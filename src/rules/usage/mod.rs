//! ZB2xx — the usage ledger (软件使用情况明细表; 台账 二).

rules! {
    ZB201 empty_usage_field,
    ZB202 usage_kind_not_single,
    ZB203 computer_brand_conflict,
    ZB204 duplicate_usage_row,
    ZB205 future_install_date,
    ZB206 computer_owner_conflict,
    ZB207 computer_without_os,
    ZB208 install_after_license_end,
    ZB209 app_before_os,
}
