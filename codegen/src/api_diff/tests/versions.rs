//! Versions: how a verdict bumps one, and which a report requires.

use super::*;

#[test]
fn bumps_follow_cargo_semver() {
    let bump = |v: &str, verdict| {
        Version::parse(v)
            .expect("a version")
            .bump(verdict)
            .to_string()
    };
    assert_eq!(bump("0.1.0", Breaking), "0.2.0");
    assert_eq!(bump("0.1.3", Compatible), "0.1.4");
    assert_eq!(bump("0.1.3", Patch), "0.1.4");
    assert_eq!(bump("0.0.3", Breaking), "0.0.4");
    assert_eq!(bump("1.2.3", Breaking), "2.0.0");
    assert_eq!(bump("1.2.3", Compatible), "1.3.0");
    assert_eq!(bump("1.2.3", Patch), "1.2.4");
    assert_eq!(Version::parse("1.2"), None);
    assert_eq!(Version::parse("1.2.3.4"), None);
}

/// The requirement a dependent writes takes what the bump rules call compatible: a
/// `0.0.z` version only itself.
#[test]
fn a_caret_requirement_spans_the_compatible_versions() {
    let caret = |v: &str| Version::parse(v).expect("a version").caret();
    assert_eq!(caret("1.2.3"), "1");
    assert_eq!(caret("0.4.1"), "0.4");
    assert_eq!(caret("0.0.3"), "0.0.3");
}

#[test]
fn a_breaking_change_needs_the_bump_and_others_may_wait() {
    let breaking = [("values: [red, green]", "values: [red]")];
    let report_without = report(BASE, &edited(&breaking));
    assert_eq!(report_without.verdict(), Some(Breaking));
    assert_eq!(
        report_without.required_version().map(|v| v.to_string()),
        Some("0.2.0".into())
    );
    assert!(!report_without.version_allows());
    assert!(
        report_without
            .version_note()
            .contains("set `version: 0.2.0`"),
        "{}",
        report_without.version_note()
    );

    let bumped = [breaking[0], ("version: 0.1.0", "version: 0.2.0")];
    assert!(report(BASE, &edited(&bumped)).version_allows());

    let compatible = [("maximum: 1000", "maximum: 5000")];
    let report = report(BASE, &edited(&compatible));
    assert_eq!(report.verdict(), Some(Compatible));
    assert_eq!(
        report.required_version().map(|v| v.to_string()),
        Some("0.1.1".into())
    );
    assert!(report.version_allows());
}

#[test]
fn a_one_dot_release_bumps_major_minor_or_patch() {
    let at = |v: &str| edited(&[("version: 0.1.0", v)]);
    let base = at("version: 1.2.3");
    for (edit, want) in [
        (("values: [red, green]", "values: [red]"), "2.0.0"),
        (("maximum: 1000", "maximum: 5000"), "1.3.0"),
        (("doc: An item.", "doc: One item."), "1.2.4"),
    ] {
        let new = base.replacen(edit.0, edit.1, 1);
        let required = report(&base, &new)
            .required_version()
            .map(|v| v.to_string());
        assert_eq!(required.as_deref(), Some(want), "{edit:?}");
    }
}
