//! Every rule of the registry fires on the workbook its own file declares (`TRIGGER`): the
//! trigger is built, the whole checker runs over it, and the rule's diagnostics are
//! snapshotted under its code (`tests/snapshots/rules__ZB101.snap`). The list of rules is
//! the registry's; a rule without a trigger does not build, and a trigger that does not
//! make its rule fire fails here.

mod support;

use zhengban::rules::RULES;

#[test]
fn every_rule_fires_on_its_trigger() {
    let mut failures = Vec::new();
    for rule in RULES {
        let dir = tempfile::tempdir().unwrap();
        let files = support::build_trigger(rule.trigger, dir.path());
        let report = support::check_trigger_files(
            &files,
            rule.trigger.roster,
            rule.trigger.previous,
            rule.trigger.inventory,
        );
        let codes: Vec<&str> = report.diagnostics.iter().map(|d| d.code).collect();
        if !codes.contains(&rule.code) {
            failures.push(format!("{}: its trigger reports only {codes:?}", rule.code));
        }
        for silent in rule.trigger.silent.split_whitespace() {
            if codes.contains(&silent) {
                failures.push(format!("{}: its trigger also fires {silent}", rule.code));
            }
        }
        let shows = rule.trigger.shows;
        if !shows.is_empty() && !shows.split(' ').any(|c| rule.code.starts_with(c)) {
            failures.push(format!("{}: its snapshot shows only {shows}", rule.code));
        }
        let text = zhengban::render::text::render(&report.diagnostics)
            .replace(&dir.path().display().to_string(), "<tmp>");
        let shown = match shows {
            "" => text,
            codes => support::only(&text, codes),
        };
        insta::with_settings!({ prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("rules__{}", rule.code), shown);
        });
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Snapshot files are named by the code of a rule in the registry (`rules__ZB101.snap`,
/// `rules__ZB101__case.snap`), and every rule has its trigger's: a rule's removal or
/// renumbering leaves no stale snapshot behind.
#[test]
fn rule_snapshots_are_named_by_registered_codes() {
    let names: Vec<String> = std::fs::read_dir("tests/snapshots")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let stale: Vec<&String> = names
        .iter()
        .filter(|name| {
            name.strip_prefix("rules__").is_some_and(|rest| {
                let code = rest.split(['_', '.']).next().unwrap_or_default();
                zhengban::rules::rule(code).is_none()
            })
        })
        .collect();
    assert!(
        stale.is_empty(),
        "snapshots of no registered rule: {stale:?}"
    );
    let missing: Vec<&str> = RULES
        .iter()
        .map(|r| r.code)
        .filter(|code| !names.contains(&format!("rules__{code}.snap")))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without their trigger's snapshot: {missing:?}"
    );
}
