//! The collectors and their reader, end to end: the Linux collector run for real on this
//! machine and read back; the Windows one, which cannot run here, held by a recorded output
//! (read back exactly) and by what its text may and must contain (PowerShell 2.0 on
//! Windows 7, no `Win32_Product`); `zhengban collector` writing what the repository holds.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

use chrono::NaiveDate;
use zhengban::inventory::{
    is_collector_text, read_collector, Channel, Computer, Installed, Inventory, LicenceChannel,
    OperatingSystem, Origin,
};

fn repo(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn zhengban(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("run zhengban")
}

/// This machine's name as the collector finds it first (`hostname`, else `uname -n`).
fn host_name() -> String {
    let run = |program: &str, args: &[&str]| {
        Command::new(program)
            .args(args)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .filter(|s| !s.is_empty())
    };
    run("hostname", &[])
        .or_else(|| run("uname", &["-n"]))
        .expect("a host name")
}

#[test]
fn the_linux_collector_run_here_is_read_back() {
    let dir = tempfile::tempdir().expect("tempdir");
    let script = dir.path().join("采集.sh");
    std::fs::copy(repo("collectors/collect.sh"), &script).expect("copy the script");
    // From another folder, as from a clerk's desktop with the stick at E:, so the file must
    // go beside the script, not into the current folder.
    let elsewhere = tempfile::tempdir().expect("tempdir");
    let run = Command::new("sh")
        .arg(&script)
        .current_dir(elsewhere.path())
        .output()
        .expect("run sh");
    let said = String::from_utf8_lossy(&run.stdout).into_owned();
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );

    let host = host_name();
    let safe: String = host
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .collect();
    let file = dir.path().join(format!("{safe}.zbinv.txt"));
    assert!(said.contains("软件清单已写入"), "{said}");
    assert!(said.contains(&format!("{safe}.zbinv.txt")), "{said}");
    let written: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok().map(|e| e.file_name()))
        .collect();
    assert_eq!(written.len(), 2, "the script and its one file: {written:?}");
    assert!(std::fs::read_dir(elsewhere.path())
        .expect("list")
        .next()
        .is_none());

    let text = std::fs::read_to_string(&file).expect("UTF-8");
    assert!(is_collector_text(&text));
    let inv = read_collector(&file).expect("reads");
    assert_eq!(inv.computer.name.as_deref(), Some(host.as_str()));
    let os = inv.os.as_ref().expect("[os] name");
    assert!(!os.name.is_empty());
    assert!(inv.software.len() > 50, "{} packages", inv.software.len());
    for s in &inv.software {
        let origin = s.origin.as_ref().expect("origin");
        assert!(origin.line > 0, "{s:?}");
        assert!(!s.name.is_empty() && s.version.is_some(), "{s:?}");
    }
    // dpkg itself is on every Debian-based system, and is installed.
    assert!(inv.software.iter().any(|s| s.name == "dpkg"));
    assert!(inv.licences.is_empty());

    // and it reconciles: a ledger drafted from it, held against it, has this computer and
    // nothing installed that it lacks, nothing registered that is not there
    let file = file.to_str().unwrap();
    let drafted = zhengban(
        dir.path(),
        &["convert", file, "--to", "xlsx", "-o", "草稿.xlsx"],
    );
    assert!(drafted.status.success(), "{drafted:?}");
    let o = zhengban(
        dir.path(),
        &["reconcile", "草稿.xlsx", file, "--format", "json"],
    );
    let unit: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    let reality: Vec<&str> = unit["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .filter(|c| c.starts_with("ZB7"))
        .collect();
    assert_eq!(reality, Vec::<&str>::new(), "{}", unit["diagnostics"]);
    let lines = unit["metrics"]["reconciliation"].as_array().unwrap();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert_eq!(lines[0]["verdict"], "agrees", "{}", lines[0]);
}

#[test]
fn a_windows_7_output_is_read_exactly() {
    let path = repo("tests/fixtures/inventory/collector-win7.zbinv.txt");
    let file: Arc<str> = zhengban::base::path::shown(&path).into();
    let at = |line: u32| {
        Some(Origin {
            file: file.clone(),
            line,
            path: String::new(),
        })
    };
    let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
    let program = |line, name: &str, version: &str, publisher: &str, on| Installed {
        name: name.into(),
        version: Some(version.into()),
        publisher: Some(publisher.into()),
        installed_on: on,
        // the registry key each came from, as the file's `source` column says
        source: Some(
            match line {
                17 | 18 => "HKLM",
                23 => "HKCU",
                _ => "HKLM-WOW6432Node",
            }
            .into(),
        ),
        origin: at(line),
    };
    let expected = Inventory {
        computer: Computer {
            name: Some("CZJ-BGS-01".into()),
            serial: Some("CZC1234ABC".into()),
            manufacturer: Some("Hewlett-Packard".into()),
            model: Some("HP Compaq 8200 Elite MT PC".into()),
            user: Some("CZJ-BGS-01\\Administrator".into()),
        },
        os: Some(OperatingSystem {
            // the trailing space Windows 7 puts after its caption is not part of the name
            name: "Microsoft Windows 7 专业版".into(),
            version: Some("6.1.7601".into()),
            edition: Some("Professional".into()),
            origin: at(11),
        }),
        software: vec![
            program(
                17,
                "Microsoft Office Professional Plus 2010",
                "14.0.7015.1000",
                "Microsoft Corporation",
                date(2016, 3, 15),
            ),
            program(
                18,
                "Intel(R) Graphics Media Accelerator Driver",
                "8.15.10.2702",
                "Intel Corporation",
                None,
            ),
            program(
                19,
                "WPS Office (10.1.0.6876)",
                "10.1.0.6876",
                "Kingsoft Corp.",
                None,
            ),
            program(
                20,
                "Adobe Reader XI (11.0.23) - Chinese Simplified",
                "11.0.23",
                "Adobe Systems Incorporated",
                date(2017, 11, 10),
            ),
            // an installer's own date format is no date
            program(21, "360安全卫士", "11.5.0.2001", "360安全中心", None),
            program(
                22,
                "搜狗拼音输入法 9.1正式版",
                "9.1.0.2589",
                "Sogou.com",
                None,
            ),
            program(23, "百度网盘", "7.2.8", "北京百度网讯科技有限公司", None),
        ],
        licences: vec![
            LicenceChannel {
                product: "Windows(R) 7, Professional edition".into(),
                channel: Channel::Oem,
                partial_key: Some("2RG93".into()),
                status: Some("Licensed".into()),
                kms_host: None,
                origin: at(26),
            },
            LicenceChannel {
                product: "Office 14, OfficeProPlus-KMS_Client edition".into(),
                channel: Channel::KmsClient,
                partial_key: Some("H3GVB".into()),
                status: Some("Licensed".into()),
                // no host set by hand: the one found in DNS
                kms_host: Some("KMS01.czj.local".into()),
                origin: at(27),
            },
        ],
        sources: vec![file.clone()],
        // a collector lists everything installed
        checklist: false,
        absent: Vec::new(),
    };
    let text = std::fs::read_to_string(&path).expect("UTF-8");
    assert!(text.contains("\r\n"), "recorded with Windows line ends");
    assert!(is_collector_text(&text));
    assert_eq!(read_collector(&path).expect("reads"), expected);
}

#[test]
fn the_windows_collector_keeps_to_powershell_2() {
    let script = std::fs::read_to_string(repo("collectors/collect.ps1")).expect("read");
    assert!(
        script.is_ascii(),
        "collect.ps1 must stay ASCII (PowerShell 2.0 misreads a BOM-less script): {:?}",
        script.lines().find(|l| !l.is_ascii())
    );
    let code: String = script
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    let lower = code.to_ascii_lowercase();
    for banned in [
        // makes Windows Installer check and repair every MSI package
        "win32_product",
        // PowerShell 3.0 and later
        "convertto-json",
        "get-ciminstance",
        "-raw",
        "[ordered]",
        "$psitem",
        " -in ",
        " -notin ",
        "$psscriptroot",
    ] {
        assert!(!lower.contains(banned), "collect.ps1 uses {banned}");
    }
    assert!(!script.contains("Win32_Product"));
    for needed in [
        r"HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Uninstall",
        r"HKLM:\SOFTWARE\WOW6432Node\Microsoft\Windows\CurrentVersion\Uninstall",
        r"HKCU:\Software\Microsoft\Windows\CurrentVersion\Uninstall",
        "DisplayName",
        "DisplayVersion",
        "Publisher",
        "InstallDate",
        "SystemComponent",
        "ParentKeyName",
        "Win32_OperatingSystem",
        "OperatingSystemSKU",
        "SoftwareLicensingProduct",
        "OfficeSoftwareProtectionProduct",
        "PartialProductKey",
        "LicenseStatus",
        "KeyManagementServiceMachine",
        "DiscoveredKeyManagementServiceMachineName",
        "Win32_ComputerSystem",
        "Win32_BIOS",
        "SerialNumber",
        "$env:COMPUTERNAME",
        "Get-WmiObject",
        "System.Text.UTF8Encoding",
        "[System.IO.File]::WriteAllText",
        "'#zhengban-inventory 1'",
        ".zbinv.txt",
    ] {
        assert!(code.contains(needed), "collect.ps1 lacks {needed}");
    }
    // the same sections and columns the reader (and FORMAT.md) expect
    for header in [
        "'[computer]'",
        "'[os]'",
        "'[software]'",
        "'[licence]'",
        "@('name', 'version', 'publisher', 'installed', 'source')",
        "@('product', 'description', 'partial_key', 'status', 'kms_host', 'kms_discovered', 'source')",
    ] {
        assert!(code.contains(header), "collect.ps1 lacks {header}");
    }
}

#[test]
fn the_collector_command_writes_the_repository_script() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = zhengban(dir.path(), &["collector", "linux", "-o", "x.sh"]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let written = std::fs::read(dir.path().join("x.sh")).expect("written");
    assert_eq!(
        written,
        std::fs::read(repo("collectors/collect.sh")).expect("repo")
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("x.sh"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o111, 0o111, "{mode:o}");
    }

    let again = zhengban(dir.path(), &["collector", "linux", "-o", "x.sh"]);
    assert_eq!(again.status.code(), Some(2));
    let said = String::from_utf8_lossy(&again.stderr);
    assert!(
        said.contains("已存在") && said.contains("--force"),
        "{said}"
    );
    let forced = zhengban(dir.path(), &["collector", "linux", "-o", "x.sh", "--force"]);
    assert_eq!(forced.status.code(), Some(0));

    let o = zhengban(dir.path(), &["collector", "windows"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        std::fs::read(dir.path().join("采集.ps1")).expect("default name"),
        std::fs::read(repo("collectors/collect.ps1")).expect("repo")
    );
}
