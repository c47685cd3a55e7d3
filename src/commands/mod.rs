//! One module per subcommand: glue between the CLI and the library.

pub mod check;
pub mod convert;
pub mod derive;
pub mod rule;
pub mod template;
