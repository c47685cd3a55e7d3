//! One module per subcommand: glue between the CLI and the library.

pub mod convert;
pub mod template;
