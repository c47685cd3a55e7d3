//! The clean samples report nothing above info and `check` exits 0 on them.

use std::process::Command;

#[test]
fn clean_samples_report_nothing_above_info() {
    let out = Command::new(env!("CARGO_BIN_EXE_zhengban"))
        .args([
            "check",
            "samples/shuanglong-national.xlsx",
            "samples/shuanglong-biao.xlsx",
            "samples/shuanglong-split",
            "--as-of",
            "2026-11-25",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let units = v["units"].as_array().unwrap();
    assert_eq!(units.len(), 3, "national, 表N layout, split folder");
    for u in units {
        // the three are one unit's ledgers in three layouts: checked together, each is found
        // to state the others' 单位名称 and to share their serials (ZB6xx, across units)
        let codes: Vec<&str> = u["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d["code"].as_str())
            .collect();
        assert!(codes.contains(&"ZB604"), "{}: {codes:?}", u["files"]);
        let above_info: Vec<&serde_json::Value> = u["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] != "info" && !d["code"].as_str().unwrap().starts_with("ZB6"))
            .collect();
        assert!(above_info.is_empty(), "{}: {above_info:#?}", u["files"]);
        assert_eq!(u["unit"], "丰都县双龙镇人民政府");
        assert_eq!(u["metrics"]["computers"], 42);
        assert_eq!(u["metrics"]["genuine_rate"]["os"], 1.0);
    }
    // warnings only
    assert_eq!(out.status.code(), Some(0));
}
