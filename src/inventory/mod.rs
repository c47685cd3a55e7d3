//! What is really installed on an office's computers, read from the inventories an office
//! can produce without buying anything (our collectors' files, a CSV exported from the
//! registry, GLPI/FusionInventory or osquery JSON, `dpkg-query -W`, `slmgr /dli` and
//! `ospp.vbs /dstatus` text): one model for all of them, which `reconcile` holds against the
//! ledger (ZB7xx) and `convert` drafts a ledger from. A spot-check form filled by hand
//! (`zhengban sample`) reads into the same model, as a checklist. Every reader keeps where each value
//! came from (file and line), as the ledger keeps its cells.

use std::sync::Arc;

pub mod collector;

pub use collector::{is_collector_text, read_collector};

/// Where a value of an inventory came from: the file, and the line (from 1) or the JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Origin {
    /// The file, as the user named it.
    pub file: Arc<str>,
    /// The line (from 1), or 0 where the format has no lines worth naming.
    pub line: u32,
    /// The place inside a structured file (`softwares[3]`), empty for line formats.
    pub path: String,
}

/// One computer's inventory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inventory {
    /// The computer.
    pub computer: Computer,
    /// The operating system, when the inventory says.
    pub os: Option<OperatingSystem>,
    /// Programs and packages installed.
    pub software: Vec<Installed>,
    /// License channels the computer reports (Windows/Office `SoftwareLicensingProduct`,
    /// `slmgr /dli`, `ospp.vbs /dstatus`, GLPI `licenseinfos`).
    pub licences: Vec<LicenceChannel>,
    /// The file(s) it was read from.
    pub sources: Vec<Arc<str>>,
    /// Whether `software` holds only what someone looked for (a filled spot-check form),
    /// not all that is installed: a program missing from it is not known to be missing
    /// unless it is in `absent`.
    pub checklist: bool,
    /// Programs looked for and not on the computer (the rows of a spot-check form ticked
    /// 否), each where it was ticked; empty for a full inventory.
    pub absent: Vec<Installed>,
}

/// The computer an inventory is of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Computer {
    /// Its name (the host name; what a 计算机编号 is most often).
    pub name: Option<String>,
    /// The BIOS / DMI serial number.
    pub serial: Option<String>,
    /// Manufacturer (品牌).
    pub manufacturer: Option<String>,
    /// Model.
    pub model: Option<String>,
    /// The user logged on when it was collected.
    pub user: Option<String>,
}

/// The operating system.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OperatingSystem {
    /// The name as the system gives it (`Microsoft Windows 10 专业版`, `UnionTech OS
    /// Desktop 20 Professional`).
    pub name: String,
    /// Its version or build (`10.0.19045`, `20`).
    pub version: Option<String>,
    /// The edition where given apart from the name (`Professional`, `Home`).
    pub edition: Option<String>,
    /// Where it was read.
    pub origin: Option<Origin>,
}

/// One installed program or package.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Installed {
    /// DisplayName, package name, GLPI `name`.
    pub name: String,
    /// DisplayVersion, package version.
    pub version: Option<String>,
    /// Publisher, maintainer.
    pub publisher: Option<String>,
    /// Install date, as `YYYY-MM-DD` when it could be read.
    pub installed_on: Option<chrono::NaiveDate>,
    /// The list the system keeps it in, when the inventory says (`HKLM`, `dpkg`, `ll-cli`):
    /// a package manager's list holds libraries and tools no ledger registers, a 玲珑
    /// (`ll-cli`) list only applications, and a draft ledger tells them apart by it.
    pub source: Option<String>,
    /// Where it was read.
    pub origin: Option<Origin>,
}

impl Installed {
    /// Whether the entry is a part of a product or of the system, never a product of its own:
    /// an update or hotfix, a language pack, Office's components and proofing tools, a
    /// runtime, a driver. A ledger registers the product; the entries its installer adds
    /// beside it (or that outlive it) are neither registered nor missing.
    pub fn is_part(&self) -> bool {
        static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = RE.get_or_init(|| {
            regex::Regex::new(
                r"(?i)\bupdate\b|hotfix|\bKB\d{6,}\b|service pack|language (interface )?pack|语言包|\bMUI\b|proofing|校对工具|module linguistique|redistributable|runtime|运行库|运行时|\bdrivers?\b|驱动|\bSDK\b|\.NET|framework|visual c\+\+|directx|\bcomponents?\b|组件|click-to-run|licensing|localization|webview2",
            )
            .expect("a valid pattern")
        });
        re.is_match(&self.name)
    }
}

/// How a product is licensed on the computer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LicenceChannel {
    /// The product (`Windows(R), Professional edition`, `Office 16, Office16ProPlusVL_KMS_Client
    /// edition`).
    pub product: String,
    /// The channel.
    pub channel: Channel,
    /// The last five characters of the product key, when reported.
    pub partial_key: Option<String>,
    /// The license status as reported (`已授权`, `Licensed`, `Notification`, or its number).
    pub status: Option<String>,
    /// The KMS host, for a KMS client that names one.
    pub kms_host: Option<String>,
    /// Where it was read.
    pub origin: Option<Origin>,
}

/// A license channel, as Windows and Office name them in their descriptions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Channel {
    /// OEM (`OEM_DM`, `OEM_SLP`, `OEM_COA_…`): came with the computer.
    Oem,
    /// RETAIL: a boxed or single purchase.
    Retail,
    /// VOLUME_MAK: a volume license, activated once.
    VolumeMak,
    /// VOLUME_KMSCLIENT: activated against a KMS host (whose host must be checked).
    KmsClient,
    /// TIMEBASED_EVAL and the like: an evaluation.
    Evaluation,
    /// Not said, or not recognised.
    #[default]
    Unknown,
}

impl Channel {
    /// The channel a license description names (`Windows(R) Operating System, OEM_DM
    /// channel`, `Office 16, VOLUME_KMSCLIENT channel`), by its words.
    pub fn of_description(text: &str) -> Channel {
        let t = text.to_ascii_uppercase();
        if t.contains("KMSCLIENT") || t.contains("KMS_CLIENT") {
            Channel::KmsClient
        } else if t.contains("EVAL") || t.contains("TIMEBASED") {
            Channel::Evaluation
        } else if t.contains("OEM") {
            Channel::Oem
        } else if t.contains("MAK") {
            Channel::VolumeMak
        } else if t.contains("RETAIL") {
            Channel::Retail
        } else {
            Channel::Unknown
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_by_their_words() {
        let of = Channel::of_description;
        assert_eq!(
            of("Windows(R) Operating System, OEM_DM channel"),
            Channel::Oem
        );
        assert_eq!(
            of("Office 16, VOLUME_KMSCLIENT channel"),
            Channel::KmsClient
        );
        assert_eq!(
            of("Windows(R) Operating System, TIMEBASED_EVAL channel"),
            Channel::Evaluation
        );
        assert_eq!(
            of("Windows(R) Operating System, VOLUME_MAK channel"),
            Channel::VolumeMak
        );
        assert_eq!(
            of("Windows(R) Operating System, RETAIL channel"),
            Channel::Retail
        );
        assert_eq!(of("something else"), Channel::Unknown);
    }

    #[test]
    fn parts_of_products_are_not_products() {
        let part = |name: &str| {
            Installed {
                name: name.into(),
                ..Installed::default()
            }
            .is_part()
        };
        for name in [
            "Microsoft Office 64-bit Components 2016",
            "Microsoft Office Proofing (Chinese (Simplified)) 2016",
            "Microsoft Office Shared 64-bit MUI (Chinese (Simplified)) 2016",
            "Update for Microsoft Office 2010 (KB2553140) 64-Bit Edition",
            "Microsoft Visual C++ 2015-2022 Redistributable (x64) - 14.38.33130",
            "Intel(R) Graphics Media Accelerator Driver",
            "KB4019215",
        ] {
            assert!(part(name), "{name}");
        }
        for name in [
            "Microsoft Office Professional Plus 2016",
            "WPS Office",
            "百度网盘",
        ] {
            assert!(!part(name), "{name}");
        }
    }
}

/// The largest inventory file read: a computer's programs fit in a few hundred KiB, a GLPI
/// export of a whole office in a few MiB; anything far beyond is not an inventory.
pub const MAX_INVENTORY_BYTES: u64 = 64 << 20;

/// Why an inventory could not be read. The messages are the user's (Chinese).
#[derive(Debug, thiserror::Error)]
pub enum InventoryError {
    /// The file system refused.
    #[error("无法读取 {file}：{reason}")]
    Io {
        /// The file, as shown.
        file: String,
        /// The system's reason, in words.
        reason: String,
    },
    /// Not a format any reader knows, or a known one broken.
    #[error("{file} 不是能识别的软件清单：{reason}")]
    Format {
        /// The file, as shown.
        file: String,
        /// What is wrong, in words.
        reason: String,
    },
    /// Larger than [`MAX_INVENTORY_BYTES`].
    #[error("{file} 有 {size} 字节，超过软件清单的上限 {limit} 字节，没有读取")]
    TooLarge {
        /// The file, as shown.
        file: String,
        /// Its size.
        size: u64,
        /// The limit.
        limit: u64,
    },
}

/// Read a whole inventory file as text, bounded by [`MAX_INVENTORY_BYTES`]: UTF-8 (with or
/// without a byte-order mark), UTF-16 with a byte-order mark (what Windows PowerShell 5
/// writes with `Out-File`), else GBK (a Chinese Windows' ANSI code page).
pub fn read_text(path: &std::path::Path) -> Result<String, InventoryError> {
    use std::io::Read;
    let file = crate::base::path::shown(path);
    let io = |e: std::io::Error| InventoryError::Io {
        file: file.clone(),
        reason: crate::base::io_reason(&e).to_string(),
    };
    let f = std::fs::File::open(path).map_err(io)?;
    let size = f.metadata().map_err(io)?.len();
    if size > MAX_INVENTORY_BYTES {
        return Err(InventoryError::TooLarge {
            file,
            size,
            limit: MAX_INVENTORY_BYTES,
        });
    }
    let mut bytes = Vec::with_capacity(size as usize);
    f.take(MAX_INVENTORY_BYTES)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    let (text, _, _) = match bytes.as_slice() {
        [0xFF, 0xFE, ..] => encoding_rs::UTF_16LE.decode(&bytes),
        [0xFE, 0xFF, ..] => encoding_rs::UTF_16BE.decode(&bytes),
        _ => match std::str::from_utf8(&bytes) {
            Ok(_) => encoding_rs::UTF_8.decode(&bytes),
            Err(_) => encoding_rs::GBK.decode(&bytes),
        },
    };
    Ok(text.trim_start_matches('\u{feff}').to_string())
}

pub mod dpkg;
pub mod glpi;
pub mod osquery;
pub mod read;
pub mod registry_csv;
pub mod slmgr;
pub mod spot_check;

pub use read::{merge_by_computer, read_any, read_folder, read_inventories};
