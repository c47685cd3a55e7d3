//! One module per subcommand: glue between the CLI and the library.

pub mod annotate;
pub mod check;
pub mod collector;
pub mod convert;
pub mod derive;
pub mod drop;
pub mod inspect;
pub mod reconcile;
pub mod report;
pub mod rule;
pub mod sample;
pub mod template;
