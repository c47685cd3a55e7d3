//! `zhengban collector`: write the inventory collectors an office copies to a USB stick and
//! runs on each computer. The scripts are kept as files in `collectors/` (so they can be read,
//! reviewed and shellchecked as they are) and built into the binary, so the office needs
//! nothing but the program itself.

use std::path::PathBuf;

use crate::base::gate;
use crate::base::path::shown;
use crate::cli::{CollectorArgs, CollectorSystem};
use crate::output::OutputPolicy;
use crate::{RunError, Status};

/// The Windows collector (PowerShell 2.0 and later), as kept in the repository.
pub const WINDOWS: &str = include_str!("../../collectors/collect.ps1");

/// The Linux collector (POSIX sh), as kept in the repository.
pub const LINUX: &str = include_str!("../../collectors/collect.sh");

/// Write the collector for `args.system`; an existing file is kept unless `--force`.
pub fn run(args: &CollectorArgs) -> Result<Status, RunError> {
    let (script, default) = match args.system {
        CollectorSystem::Windows => (WINDOWS, "采集.ps1"),
        CollectorSystem::Linux => (LINUX, "采集.sh"),
    };
    let path = args
        .output
        .clone()
        .unwrap_or_else(|| PathBuf::from(default));
    OutputPolicy::new(args.force, &[]).write(&path, script.as_bytes())?;
    if args.system == CollectorSystem::Linux {
        executable(&path)?;
    }
    let how = match args.system {
        CollectorSystem::Windows => "powershell -ExecutionPolicy Bypass -File 脚本",
        CollectorSystem::Linux => "sh 脚本",
    };
    eprintln!(
        "已写出采集脚本：{}。拷到 U 盘，在每台计算机上运行（{how}），清单写在脚本旁边",
        gate::terminal(&shown(&path))
    );
    Ok(Status::Clean)
}

/// Let the clerk run the script by its name (or a double click) as well as with `sh`.
#[cfg(unix)]
fn executable(path: &std::path::Path) -> Result<(), RunError> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755)).map_err(|source| {
        RunError::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

#[cfg(not(unix))]
fn executable(_: &std::path::Path) -> Result<(), RunError> {
    Ok(())
}
