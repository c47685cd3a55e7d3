//! ZB6xx — across the units of a round: what only shows when a submission is held against
//! the inspector's roster or the other submissions (a 单位名称 copied from another unit).

rules! {
    ZB603 name_differs_from_roster,
}
