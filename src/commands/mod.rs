//! One module per subcommand: glue between the CLI and the library.

pub mod template;
