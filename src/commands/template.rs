//! `zhengban template`: write the blank official templates.

use crate::output::OutputPolicy;
use crate::templates::{build_all, file_names};
use crate::{cli::TemplateArgs, RunError, Status};

/// Write every template into `args.output`; existing files are kept unless `--force`.
pub fn run(args: &TemplateArgs) -> Result<Status, RunError> {
    let policy = OutputPolicy::new(args.force, &[]);
    // Refuse before writing anything, so a half-replaced set never happens.
    for name in file_names() {
        policy.check(&args.output.join(name))?;
    }
    let files = build_all().map_err(RunError::Xlsx)?;
    for (name, bytes) in files {
        policy.write(&args.output.join(name), &bytes)?;
    }
    Ok(Status::Clean)
}
