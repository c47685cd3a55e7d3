//! ZB5xx — the forms and short lists around the ledgers (领导小组, 需求申请表, 采购计划表,
//! 安装维护申请表 and 确认单). A form the unit does not keep is not checked.

rules! {
    ZB501 leading_group_without_leader,
    ZB502 unsigned_approval,
    ZB503 invalid_demand_count,
    ZB504 implausible_phone,
}
