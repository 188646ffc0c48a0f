//! `cargo xtask release`: for each crate whose API changed since its recorded release,
//! set `api.version` to the least version the changes need, regenerate (which records
//! the release), and add the changes to the crate's `CHANGELOG.md`, so a consumer sees
//! what changed between versions without reading diffs.

use codegen::api_diff::{Change, Report, Verdict};
use codegen::fresh::{self, Job, Mode};
use std::path::Path;

/// The changelog beside a crate's manifest, written by `release` and kept otherwise.
pub const CHANGELOG: &str = "CHANGELOG.md";

/// Releases every crate of `jobs` whose API changed; returns what it did, a line each.
pub fn run(root: &Path, jobs: &[Job], date: &str) -> Result<Vec<String>, String> {
    let report = fresh::run(root, jobs, Mode::Check).map_err(run_error)?;
    let mut done = Vec::new();
    for (job, outcome) in jobs.iter().zip(&report.jobs) {
        let Some(changes) = outcome.standing.report().filter(|r| !r.changes.is_empty()) else {
            done.push(format!("{}: no API change since its release", outcome.spec));
            continue;
        };
        let version = release_version(changes)?;
        if version != changes.new_version {
            set_version(&job.spec, &changes.new_version, &version)?;
        }
        let entry = changelog_entry(changes, &version, date);
        prepend_entry(&job.out.join(CHANGELOG), &outcome.api.crate_name, &entry)?;
        done.push(format!(
            "{}: {} {} -> {version} ({})",
            outcome.spec,
            outcome.api.crate_name,
            changes.old_version,
            changes.verdict().map_or("no", Verdict::as_str)
        ));
    }
    // Regenerated with the new versions: each bump that covers its changes is recorded.
    let after = fresh::run(root, jobs, Mode::Write).map_err(run_error)?;
    if let Some(unfit) = after.unfit().next() {
        return Err(format!("{} still doesn't fit its version", unfit.spec));
    }
    Ok(done)
}

fn run_error(e: fresh::RunError) -> String {
    match e {
        fresh::RunError::Spec(all) => all
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        fresh::RunError::Io(e) => e.to_string(),
    }
}

/// The version the release takes: the spec's own when it already covers the changes
/// (a maintainer may bump further), else the least one that does.
fn release_version(report: &Report) -> Result<String, String> {
    let needed = report.required_version().ok_or_else(|| {
        format!(
            "{}: the recorded version is not MAJOR.MINOR.PATCH",
            report.crate_name
        )
    })?;
    let current = codegen::api_diff::Version::parse(&report.new_version);
    Ok(match current {
        Some(v) if v >= needed && report.new_version != report.old_version => {
            report.new_version.clone()
        }
        _ => needed.to_string(),
    })
}

/// Rewrites `version: old` under `api:` in the spec folder's file that has the section.
fn set_version(spec: &Path, old: &str, new: &str) -> Result<(), String> {
    let entries = std::fs::read_dir(spec).map_err(|e| format!("{}: {e}", spec.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.extension().is_none_or(|e| e != "yaml" && e != "yml") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let Some(api) = text
            .find("\napi:\n")
            .map(|i| i + 1)
            .or((text.starts_with("api:\n")).then_some(0))
        else {
            continue;
        };
        let from = format!("\n  version: {old}\n");
        let Some(at) = text[api..].find(&from).map(|i| i + api) else {
            return Err(format!(
                "{}: no `version: {old}` under `api:`",
                path.display()
            ));
        };
        let edited = format!(
            "{}\n  version: {new}\n{}",
            &text[..at],
            &text[at + from.len()..]
        );
        return std::fs::write(&path, edited).map_err(|e| format!("{}: {e}", path.display()));
    }
    Err(format!("{}: no file has an `api:` section", spec.display()))
}

/// `## 0.3.0 (2026-12-06)` and the changes, most breaking first.
pub fn changelog_entry(report: &Report, version: &str, date: &str) -> String {
    let mut out = format!("## {version} ({date})\n");
    for (verdict, heading) in [
        (Verdict::Breaking, "Breaking"),
        (Verdict::Compatible, "Added and compatible"),
        (Verdict::Patch, "Docs and other"),
    ] {
        let lines: Vec<&Change> = report
            .changes
            .iter()
            .filter(|c| c.verdict == verdict)
            .collect();
        if lines.is_empty() {
            continue;
        }
        out.push_str(&format!("\n### {heading}\n\n"));
        for c in lines {
            let after = c.after.as_deref().or(c.before.as_deref()).unwrap_or("");
            out.push_str(&format!("- {}: `{}{}`\n", c.kind, c.item, after.trim_end()));
        }
    }
    out
}

/// Puts `entry` first under the changelog's heading, creating the file if need be.
fn prepend_entry(path: &Path, crate_name: &str, entry: &str) -> Result<(), String> {
    let heading = format!(
        "# Changelog of {crate_name}\n\nEach release's changes to the public API, as `cargo xtask release` \
         classified them.\n"
    );
    let old = std::fs::read_to_string(path).unwrap_or_default();
    let rest = old.strip_prefix(&heading).unwrap_or(&old).trim_start();
    let text = if rest.is_empty() {
        format!("{heading}\n{entry}")
    } else {
        format!("{heading}\n{entry}\n{rest}")
    };
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}
