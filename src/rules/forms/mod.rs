//! ZB5xx — the forms and short lists around the ledgers (领导小组, 需求申请表, 采购计划表,
//! 安装维护申请表 and 确认单). A form the unit does not keep is not checked.

pub mod implausible_phone;
pub mod invalid_demand_count;
pub mod leading_group_without_leader;
pub mod unsigned_approval;
