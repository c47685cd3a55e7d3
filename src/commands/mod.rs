//! One module per subcommand: glue between the CLI and the library.

pub mod check;
pub mod convert;
pub mod report;
pub mod rule;
pub mod template;
