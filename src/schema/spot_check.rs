//! The words of the spot-check form (计算机软件安装抽查登记表) that `sample` prints and the
//! inventory reader recognises it by: one place, so what is printed is what is read back.

/// The title printed over the form.
pub const TITLE: &str = "计算机软件安装抽查登记表";

/// The column header over each computer's software rows, in order.
pub const COLUMNS: [&str; 6] = [
    "序号",
    "软件名称",
    "登记版本",
    "实际安装（是/否）",
    "实际版本",
    "备注",
];

/// The label of the computer number, first in each computer's block.
pub const COMPUTER: &str = "计算机编号";
/// The label of the department.
pub const DEPARTMENT: &str = "部门";
/// The label of the user(s).
pub const USER: &str = "使用人";
/// The label of the brand.
pub const BRAND: &str = "品牌";

/// The heading over the blank rows where the inspector writes what is installed and not
/// registered.
pub const UNREGISTERED: &str = "未登记但实际安装的软件";

/// The tick that says the program is on the computer.
pub const YES: &str = "是";
/// The tick that says the program was looked for and is not on the computer.
pub const NO: &str = "否";
