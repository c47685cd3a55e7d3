//! `zhengban template`: write the blank official templates.

use crate::{cli::TemplateArgs, RunError, Status};

/// Write every template into `args.out`.
pub fn run(args: &TemplateArgs) -> Result<Status, RunError> {
    crate::templates::write_all(&args.out)?;
    Ok(Status::Clean)
}
