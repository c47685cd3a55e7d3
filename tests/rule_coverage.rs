//! Every rule of the registry is proven by at least one snapshot in tests/snapshots/ where
//! it is reported, and `zhengban rule CODE` documents it.

#[test]
fn every_rule_has_a_triggering_snapshot() {
    let mut text = String::new();
    for entry in std::fs::read_dir("tests/snapshots").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "snap") {
            text.push_str(&std::fs::read_to_string(&path).unwrap());
            text.push('\n');
        }
    }
    let missing: Vec<&str> = zhengban::rules::RULES
        .iter()
        .map(|r| r.code)
        .filter(|code| {
            // Text snapshots start a diagnostic with "ZB111 error …", terminal ones show
            // "错误[ZB111]".
            !text
                .lines()
                .any(|l| l.starts_with(&format!("{code} ")) || l.contains(&format!("[{code}]")))
        })
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a triggering snapshot: {missing:?}"
    );
}

#[test]
fn the_catalogue_is_complete() {
    let codes: Vec<&str> = zhengban::rules::RULES.iter().map(|r| r.code).collect();
    let expected: Vec<String> = (1..=10)
        .map(|n| format!("ZB{n:03}"))
        .chain((101..=123).map(|n| format!("ZB{n}")))
        .chain((201..=208).map(|n| format!("ZB{n}")))
        .chain((301..=311).map(|n| format!("ZB{n}")))
        .chain((401..=415).map(|n| format!("ZB{n}")))
        .chain((501..=504).map(|n| format!("ZB{n}")))
        .collect();
    assert_eq!(codes, expected);
}
