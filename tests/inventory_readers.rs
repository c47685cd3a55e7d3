//! The inventory readers over real and realistic files (tests/fixtures/inventory, where each
//! came from is in its README): exact values with their origins, and hostile files that must
//! come back as errors or empty inventories, never as a panic.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zhengban::inventory::{
    read_folder, read_inventories, Channel, Installed, Inventory, InventoryError,
};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/inventory")
        .join(rel)
}

fn read(rel: &str) -> Vec<Inventory> {
    read_inventories(&fixture(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn one(rel: &str) -> Inventory {
    let mut all = read(rel);
    assert_eq!(all.len(), 1, "{rel}: {all:#?}");
    all.remove(0)
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn line(i: &Installed) -> u32 {
    i.origin.as_ref().unwrap().line
}

fn path(i: &Installed) -> &str {
    &i.origin.as_ref().unwrap().path
}

fn names(inv: &Inventory) -> Vec<&str> {
    inv.software.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn registry_csv_of_windows_powershell_5_in_utf16_gives_one_inventory_per_computer() {
    let all = read("registry/uninstall-ps5-unicode.csv");
    assert_eq!(all.len(), 2);
    let (a, b) = (&all[0], &all[1]);
    assert_eq!(a.computer.name.as_deref(), Some("BGS-PC-017"));
    assert_eq!(b.computer.name.as_deref(), Some("BGS-PC-018"));
    // the row without a DisplayName is left out
    assert_eq!(
        names(a),
        [
            "WPS Office (11.1.0.14309)",
            "Microsoft Office Professional Plus 2016",
            "奇安信天擎"
        ]
    );
    let wps = &a.software[0];
    assert_eq!(wps.version.as_deref(), Some("11.1.0.14309"));
    assert_eq!(wps.publisher.as_deref(), Some("Kingsoft Corp."));
    assert_eq!(wps.installed_on, date(2023, 10, 10));
    // line 1 is #TYPE, line 2 the header
    assert_eq!(line(wps), 3);
    assert_eq!(line(&a.software[2]), 6);
    assert_eq!(a.software[2].installed_on, None);
    assert_eq!(names(b), ["Microsoft Edge", "永中Office 2019"]);
    assert_eq!(line(&b.software[1]), 8);
    assert_eq!(b.software[1].installed_on, date(2023, 6, 30));
    assert!(a.sources[0].ends_with("uninstall-ps5-unicode.csv"));
}

#[test]
fn registry_csv_in_gbk_and_from_powershell_7_name_no_computer() {
    let gbk = one("registry/uninstall-ps5-gbk.csv");
    assert_eq!(gbk.computer.name, None);
    assert_eq!(names(&gbk), ["金山PDF", "搜狗输入法 13.0正式版"]);
    assert_eq!(
        gbk.software[0].publisher.as_deref(),
        Some("北京金山办公软件股份有限公司")
    );
    assert_eq!(line(&gbk.software[1]), 4);
    let ps7 = one("registry/uninstall-ps7.csv");
    assert_eq!(
        names(&ps7),
        ["7-Zip 23.01 (x64)", "Mozilla Firefox (x64 zh-CN)"]
    );
    assert_eq!(ps7.software[0].installed_on, None);
    assert_eq!(ps7.software[1].installed_on, date(2023, 12, 20));
    assert_eq!(line(&ps7.software[0]), 2);
}

#[test]
fn registry_csv_with_only_a_header_is_an_empty_inventory() {
    let inv = one("registry/header-only.csv");
    assert!(inv.software.is_empty());
}

#[test]
fn glpi_example_computer_1() {
    let inv = one("glpi/computer_1.json");
    let c = &inv.computer;
    assert_eq!(c.name.as_deref(), Some("glpixps"));
    assert_eq!(c.serial.as_deref(), Some("640HP72"));
    assert_eq!(c.manufacturer.as_deref(), Some("Dell Inc."));
    assert_eq!(c.model.as_deref(), Some("XPS 13 9350"));
    assert_eq!(c.user.as_deref(), Some("root"));
    let os = inv.os.as_ref().unwrap();
    assert_eq!(os.name, "Fedora 31 (Workstation Edition)");
    assert_eq!(os.version.as_deref(), Some("31 (Workstation Edition)"));
    assert_eq!(os.origin.as_ref().unwrap().path, "content.operatingsystem");
    assert_eq!(inv.software.len(), 6);
    let gitg = &inv.software[0];
    assert_eq!(gitg.name, "gitg");
    assert_eq!(gitg.version.as_deref(), Some("3.32.1-1.fc31"));
    assert_eq!(gitg.publisher.as_deref(), Some("Fedora Project"));
    assert_eq!(gitg.installed_on, date(2019, 12, 19));
    assert_eq!(path(gitg), "content.softwares[0]");
    assert_eq!(path(&inv.software[3]), "content.softwares[3]");
    assert_eq!(inv.software[3].name, "libcryptui");
    assert!(inv.licences.is_empty());
}

#[test]
fn glpi_example_computer_2_without_software_or_system() {
    let inv = one("glpi/computer_2.json");
    assert_eq!(inv.computer.name.as_deref(), Some("COMP1"));
    assert_eq!(inv.computer.serial.as_deref(), Some("2FAGP34"));
    assert_eq!(inv.os, None);
    assert!(inv.software.is_empty());
}

#[test]
fn glpi_windows_inventory_with_licenseinfos() {
    let inv = one("glpi/windows_2.json");
    assert_eq!(inv.computer.name.as_deref(), Some("pc-arg-23"));
    assert_eq!(inv.computer.serial.as_deref(), Some("CZC0479792"));
    assert_eq!(inv.computer.model.as_deref(), Some("HP EliteBook 2540p"));
    assert_eq!(inv.computer.user.as_deref(), Some("cvigneron"));
    let os = inv.os.as_ref().unwrap();
    assert_eq!(os.name, "Microsoft Windows 8.1 Professionnel");
    assert_eq!(os.version.as_deref(), Some("6.3.9600"));
    assert_eq!(inv.licences.len(), 1);
    let office = &inv.licences[0];
    assert_eq!(office.product, "Microsoft Office Professionnel 2010");
    assert_eq!(office.channel, Channel::Oem);
    assert_eq!(office.partial_key.as_deref(), Some("7FTGD"));
    assert_eq!(
        office.origin.as_ref().unwrap().path,
        "content.licenseinfos[0]"
    );
    let ccleaner = &inv.software[0];
    assert_eq!(ccleaner.name, "CCleaner");
    assert_eq!(ccleaner.installed_on, date(2015, 9, 11));
}

#[test]
fn osquery_programs_rows() {
    let inv = one("osquery/programs.json");
    assert_eq!(inv.computer.name, None);
    assert_eq!(inv.software.len(), 3);
    let office = &inv.software[1];
    assert_eq!(office.name, "Microsoft Office Professional Plus 2016");
    assert_eq!(office.version.as_deref(), Some("16.0.4266.1001"));
    assert_eq!(office.publisher.as_deref(), Some("Microsoft Corporation"));
    assert_eq!(office.installed_on, date(2022, 3, 1));
    assert_eq!(path(office), "[1]");
    assert_eq!(inv.software[2].installed_on, None);
}

#[test]
fn osquery_tables_keyed_by_name() {
    let inv = one("osquery/tables.json");
    let c = &inv.computer;
    assert_eq!(c.name.as_deref(), Some("BGS-PC-017"));
    assert_eq!(c.manufacturer.as_deref(), Some("LENOVO"));
    assert_eq!(c.model.as_deref(), Some("ThinkCentre M720t"));
    assert_eq!(c.serial.as_deref(), Some("PC1A2B3C"));
    let os = inv.os.as_ref().unwrap();
    assert_eq!(os.name, "Microsoft Windows 10 专业版");
    assert_eq!(os.version.as_deref(), Some("10.0.19045"));
    assert_eq!(os.origin.as_ref().unwrap().path, "os_version[0]");
    assert_eq!(inv.software.len(), 2);
    assert_eq!(path(&inv.software[1]), "programs[1]");
}

#[test]
fn osqueryd_result_log_one_inventory_per_host() {
    let all = read("osquery/osqueryd.results.log");
    assert_eq!(all.len(), 2);
    let uos = &all[0];
    assert_eq!(uos.computer.name.as_deref(), Some("uos-pc-03"));
    assert_eq!(uos.computer.serial.as_deref(), Some("CZC0479792"));
    // config-files only: no longer installed
    assert_eq!(names(uos), ["wps-office"]);
    let wps = &uos.software[0];
    assert_eq!(
        wps.publisher.as_deref(),
        Some("Kingsoft Office <wps@wps.cn>")
    );
    assert_eq!(line(wps), 2);
    assert_eq!(path(wps), "snapshot[0]");
    let pc = &all[1];
    assert_eq!(pc.computer.name.as_deref(), Some("BGS-PC-018"));
    // the removed event is not installed
    assert_eq!(names(pc), ["Microsoft Edge"]);
    assert_eq!(line(&pc.software[0]), 3);
    assert_eq!(path(&pc.software[0]), "columns");
}

#[test]
fn dpkg_query_default_and_custom_formats() {
    let w = one("dpkg/dpkg-query-W.txt");
    assert_eq!(w.software.len(), 10);
    let libc = &w.software[5];
    assert_eq!(libc.name, "libc6");
    assert_eq!(libc.version.as_deref(), Some("2.36-9+deb12u14"));
    assert_eq!(line(libc), 6);
    let f = one("dpkg/dpkg-query-f.txt");
    assert_eq!(f.software.len(), 8);
    let git = &f.software[4];
    assert_eq!(git.name, "git");
    assert_eq!(git.version.as_deref(), Some("1:2.39.5-0+deb12u3"));
    assert_eq!(
        git.publisher.as_deref(),
        Some("Jonathan Nieder <jrnieder@gmail.com>")
    );
    assert_eq!(line(git), 5);
}

#[test]
fn dpkg_l_table_and_its_80_column_console_copy() {
    let l = one("dpkg/dpkg-l.txt");
    // rc libreoffice-calc is only configuration left
    assert_eq!(l.software.len(), 10);
    assert!(!names(&l).contains(&"libreoffice-calc"));
    let bash = &l.software[1];
    assert_eq!(bash.name, "bash");
    assert_eq!(bash.version.as_deref(), Some("5.2.15-2+b8"));
    assert_eq!(line(bash), 7);
    let cut = one("dpkg/dpkg-l-wrapped80.txt");
    assert_eq!(
        names(&cut),
        [
            "bash",
            "google-cloud-cli-app-engine-python-extras",
            "libstdc++6",
            "python3"
        ]
    );
    assert_eq!(cut.software[1].version.as_deref(), Some("528.0.0-0"));
    assert_eq!(line(&cut.software[1]), 10);
}

fn licence_line(l: &zhengban::inventory::LicenceChannel) -> u32 {
    l.origin.as_ref().unwrap().line
}

#[test]
fn slmgr_dli_in_english_kms_client() {
    let inv = one("slmgr/slmgr-dli-kms-en.txt");
    assert_eq!(inv.licences.len(), 1);
    let w = &inv.licences[0];
    assert_eq!(w.product, "Windows(R) 7, Enterprise edition");
    assert_eq!(w.channel, Channel::KmsClient);
    assert_eq!(w.partial_key.as_deref(), Some("DVQ7P"));
    assert_eq!(w.status.as_deref(), Some("Licensed"));
    assert_eq!(
        w.kms_host.as_deref(),
        Some("emeronb10-rc3.sppvltest.net:1688")
    );
    assert_eq!(licence_line(w), 4);
}

#[test]
fn slmgr_dli_in_chinese_saved_as_gbk() {
    let inv = one("slmgr/slmgr-dli-zh-gbk.txt");
    let w = &inv.licences[0];
    assert_eq!(w.product, "Windows(R), Professional edition");
    assert_eq!(w.channel, Channel::Oem);
    assert_eq!(w.partial_key.as_deref(), Some("3V66T"));
    assert_eq!(w.status.as_deref(), Some("已授权"));
    assert_eq!(w.kms_host, None);
    assert_eq!(licence_line(w), 4);
}

#[test]
fn slmgr_dlv_in_chinese_saved_as_utf16() {
    let inv = one("slmgr/slmgr-dlv-zh-utf16.txt");
    assert_eq!(inv.licences.len(), 1);
    let w = &inv.licences[0];
    assert_eq!(w.channel, Channel::KmsClient);
    assert_eq!(w.partial_key.as_deref(), Some("T83GX"));
    assert_eq!(w.kms_host.as_deref(), Some("kms.example.gov.cn:1688"));
    assert_eq!(licence_line(w), 6);
}

#[test]
fn ospp_dstatus_block_per_product() {
    for file in ["slmgr/ospp-dstatus.txt", "slmgr/ospp-dstatus-console80.txt"] {
        let inv = one(file);
        assert_eq!(inv.licences.len(), 2, "{file}");
        let kms = &inv.licences[0];
        assert_eq!(
            kms.product,
            "Office 16, Office16ProPlusVL_KMS_Client edition"
        );
        assert_eq!(kms.channel, Channel::KmsClient);
        assert_eq!(kms.status.as_deref(), Some("LICENSED"));
        assert_eq!(kms.partial_key.as_deref(), Some("WFG99"));
        assert_eq!(kms.kms_host.as_deref(), Some("kms.example.gov.cn:1688"));
        assert_eq!(licence_line(kms), 7);
        let retail = &inv.licences[1];
        assert_eq!(retail.product, "Office 15, OfficeProPlusR_Grace edition");
        assert_eq!(retail.channel, Channel::Retail);
        assert_eq!(retail.status.as_deref(), Some("NOTIFICATIONS"));
        assert_eq!(retail.partial_key.as_deref(), Some("27GXM"));
        assert_eq!(retail.kms_host, None);
    }
}

#[test]
fn a_folder_reads_every_file_a_bad_one_costing_only_itself() {
    let (inventories, errors) = read_folder(&fixture("registry"));
    // 2 computers, gbk, ps7, header-only
    assert_eq!(inventories.len(), 5);
    assert!(errors.is_empty(), "{errors:?}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("slmgr/ospp-dstatus.txt"),
        dir.path().join("ospp.txt"),
    )
    .unwrap();
    std::fs::write(dir.path().join("broken.json"), "{\"content\": {").unwrap();
    let (inventories, errors) = read_folder(dir.path());
    assert_eq!(inventories.len(), 1);
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0], InventoryError::Format { .. }));
}

fn hostile(name: &str, bytes: &[u8]) -> Result<Vec<Inventory>, InventoryError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    read_inventories(&path)
}

fn refused_or_empty(result: Result<Vec<Inventory>, InventoryError>) {
    match result {
        Err(InventoryError::Format { reason, .. }) => assert!(!reason.is_empty()),
        Err(e) => panic!("not a format error: {e}"),
        Ok(all) => assert!(
            all.iter()
                .all(|i| i.software.is_empty() && i.licences.is_empty()),
            "{all:#?}"
        ),
    }
}

/// A reproducible stream of bytes (xorshift), no dependency needed.
fn junk(len: usize, mut seed: u64) -> Vec<u8> {
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed as u8
        })
        .collect()
}

#[test]
fn hostile_files_are_errors_or_empty_never_panics() {
    refused_or_empty(hostile("empty.txt", b""));
    refused_or_empty(hostile("blank.txt", b"\r\n  \n"));
    let glpi = std::fs::read(fixture("glpi/computer_1.json")).unwrap();
    for cut in [1, 100, glpi.len() / 2, glpi.len() - 2] {
        refused_or_empty(hostile("cut.json", &glpi[..cut]));
    }
    refused_or_empty(hostile("junk.bin", &junk(1 << 20, 0x9e37_79b9_7f4a_7c15)));
    refused_or_empty(hostile("junk2.bin", &junk(1 << 20, 42)));
    refused_or_empty(hostile(
        "no-header.csv",
        b"WPS Office,11.1,Kingsoft,20230101\n",
    ));
    refused_or_empty(hostile("nul.txt", &[0u8; 4096]));
    refused_or_empty(hostile("array.json", b"[1, \"x\", null, {\"a\": 1}]"));
    refused_or_empty(hostile("deep.json", &[b'['; 100_000]));
    refused_or_empty(hostile(
        "log.json",
        b"{\"name\":\"pack_programs\",\"columns\":{}}\n{\"nam",
    ));
    refused_or_empty(hostile(
        "labels.txt",
        "名称:\n描述:\n部分产品密钥:\n".as_bytes(),
    ));
    refused_or_empty(hostile(
        "dpkg.txt",
        "ii \n||/ Name\nii  \u{4e2d}\n  中".as_bytes(),
    ));
    // our collectors' files are read by the collector's reader: a file with its first line
    // and nothing else is one computer with nothing known
    match hostile("c.txt", b"#zhengban-inventory 1\nx\n") {
        Ok(found) => {
            assert_eq!(found.len(), 1);
            assert!(found[0].software.is_empty() && found[0].computer.name.is_none());
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn sixty_mib_of_junk_is_refused_without_a_panic() {
    refused_or_empty(hostile("big.bin", &junk(60 << 20, 7)));
}
