//! The committed `generated/` and fixture outputs must be what the generator makes
//! from the committed specs now (rust-analyzer's trick): `cargo test` fails on a spec
//! edit until `cargo xtask gen` is run. And each crate's API may have changed since its
//! recorded release only as far as its `api.version` allows.

use codegen::fresh::{run, Job, Mode, Report, RunError};
use codegen::release::{self, Standing};
use std::path::Path;
use tests::workspace_root;
use xtask::default_jobs;

fn checked(root: &Path, jobs: &[Job], mode: Mode) -> Report {
    match run(root, jobs, mode) {
        Ok(report) => report,
        Err(RunError::Spec(all)) => panic!(
            "a spec has errors:\n{}",
            all.iter()
                .map(|d| d.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Err(RunError::Io(e)) => panic!("{e}"),
    }
}

#[test]
fn generated_code_is_fresh() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    let report = checked(&root, &jobs, Mode::Check);
    let stale: Vec<String> = report
        .changed
        .iter()
        .chain(&report.stale)
        .map(|p| p.display().to_string())
        .collect();
    assert!(
        stale.is_empty(),
        "generated code is stale; run `cargo xtask gen` and commit the result:\n  {}",
        stale.join("\n  ")
    );
}

/// `cargo xtask check`'s other half: a breaking change under the released version
/// fails here until the version is bumped.
#[test]
fn api_changes_since_each_release_fit_the_version() {
    let root = workspace_root();
    let jobs = default_jobs(&root).expect("listing spec folders");
    let report = checked(&root, &jobs, Mode::Check);
    let problems: Vec<String> = report
        .unfit()
        .map(|job| format!("{}: {}", job.spec, job.standing.summary(&job.surface)))
        .collect();
    assert!(
        problems.is_empty(),
        "the API changed more than api.version allows:\n{}",
        problems.join("\n")
    );
}

/// A copy of `spec/twilio-chat-v1` (with its release record, and the Chat v2 file it
/// includes, in the same places) and a job for it, under `tmp`.
fn chat_v1_copy(tmp: &Path) -> Job {
    let root = workspace_root();
    let spec = tmp.join("spec/twilio-chat-v1");
    std::fs::create_dir_all(&spec).expect("mkdir");
    for entry in std::fs::read_dir(root.join("spec/twilio-chat-v1")).expect("spec folder") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, spec.join(path.file_name().expect("a name"))).expect("copy");
    }
    let shared = "spec/twilio-chat-v2/webhooks.yaml";
    std::fs::create_dir_all(tmp.join("spec/twilio-chat-v2")).expect("mkdir");
    std::fs::copy(root.join(shared), tmp.join(shared)).expect("copy");
    Job {
        spec,
        out: tmp.join("out"),
    }
}

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).expect("reading");
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).expect("writing");
}

fn standing(report: &Report) -> &Standing {
    &report.jobs[0].standing
}

/// As a maintainer would: remove `members_count` from Channel, regenerate, and the
/// check refuses until the version is bumped; the bump records the new release.
#[test]
fn a_breaking_change_fails_the_check_until_the_version_is_bumped() {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("temp dir");
    let job = chat_v1_copy(tmp.path());
    let jobs = [job.clone()];
    let spec = job.spec.join("chat_v1.yaml");
    let record = job.spec.join(release::FILE);
    let released = std::fs::read_to_string(&record).expect("a release record");
    let version = release::parse(&released).expect("a valid record").version;
    let bump = |verdict| {
        codegen::api_diff::Version::parse(&version)
            .expect("a version")
            .bump(verdict)
            .to_string()
    };
    let (patch, breaking) = (
        bump(codegen::api_diff::Verdict::Patch),
        bump(codegen::api_diff::Verdict::Breaking),
    );

    // The committed spec's changes since its release, if any, fit its version.
    let fresh = checked(&root, &jobs, Mode::Write);
    assert!(matches!(standing(&fresh), Standing::Unreleased(_)));

    edit(
        &spec,
        "      members_count:\n        type: integer\n        default: 0\n        doc: The number of Members in the Channel.\n",
        "",
    );
    checked(&root, &jobs, Mode::Write);
    let after = checked(&root, &jobs, Mode::Check);
    let Standing::Unfit(report) = standing(&after) else {
        panic!("not refused: {:?}", standing(&after));
    };
    let text = report.text();
    assert!(
        text.contains("breaking    removed")
            && text.contains("field resources::channel::Channel.members_count"),
        "{text}"
    );
    assert!(
        text.contains(&format!("set `version: {breaking}`")),
        "{text}"
    );
    assert_eq!(
        std::fs::read_to_string(&record).expect("record"),
        released,
        "an unfit change records nothing"
    );

    // A patch bump doesn't cover it; a breaking bump does, and becomes the release.
    edit(
        &spec,
        &format!("version: {version}"),
        &format!("version: {patch}"),
    );
    let patched = checked(&root, &jobs, Mode::Write);
    assert!(matches!(standing(&patched), Standing::Unfit(_)));
    edit(
        &spec,
        &format!("version: {patch}"),
        &format!("version: {breaking}"),
    );
    let check = checked(&root, &jobs, Mode::Check);
    assert!(matches!(standing(&check), Standing::Released(_)));
    assert!(
        check.changed.contains(&record),
        "the record is stale until `gen`: {:?}",
        check.changed
    );
    checked(&root, &jobs, Mode::Write);
    let recorded =
        release::parse(&std::fs::read_to_string(&record).expect("record")).expect("a valid record");
    assert_eq!(recorded.version, breaking);
    assert!(!recorded
        .items
        .iter()
        .any(|i| i.path == "resources::channel::Channel.members_count"));
    let settled = checked(&root, &jobs, Mode::Check);
    assert!(settled.changed.is_empty(), "{:?}", settled.changed);
    assert!(matches!(standing(&settled), Standing::Unreleased(r) if r.changes.is_empty()));
}

/// The check of a copy of Chat v1 whose release record `edit` changed first: what
/// the record says was released, against today's output.
fn unfit_after_editing_the_record(edit: impl FnOnce(&mut codegen::surface::Surface)) -> String {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("temp dir");
    let job = chat_v1_copy(tmp.path());
    let record = job.spec.join(release::FILE);
    let text = std::fs::read_to_string(&record).expect("record");
    let mut surface = release::parse(&text).expect("a valid record");
    edit(&mut surface);
    std::fs::write(&record, release::render(&surface)).expect("writing");
    let report = checked(&root, &[job], Mode::Check);
    let Standing::Unfit(report) = standing(&report) else {
        panic!("not refused: {:?}", standing(&report));
    };
    report.text()
}

/// A webhook event's `decode`, as the release recorded it, renamed in today's output
/// (here: the record says `decode_event`, as if today's generator had renamed it):
/// the check refuses without a breaking bump. The event's methods and every enum's
/// `as_str`, `from_wire` and `VALUES` are in the surface, which a test in
/// `surface.rs` holds complete against the generated code.
#[test]
fn a_renamed_event_method_fails_the_check_without_a_bump() {
    let text = unfit_after_editing_the_record(|surface| {
        let decode = surface
            .items
            .iter_mut()
            .find(|i| i.path == "webhooks::Event::decode")
            .expect("decode is recorded");
        decode.path = "webhooks::Event::decode_event".into();
    });
    assert!(
        text.contains("breaking    removed") && text.contains("webhooks::Event::decode_event"),
        "{text}"
    );
}

/// The record is what was released, not a re-run of today's generator on an old spec:
/// an item the released crate had and today's output lacks is a breaking change even
/// when the spec did not change (as after a generator change).
#[test]
fn the_recorded_surface_is_compared_not_regenerated() {
    let text = unfit_after_editing_the_record(|surface| {
        let mut extra = surface
            .items
            .iter()
            .find(|i| i.path == "resources::channel::Channels::fetch")
            .expect("an operation")
            .clone();
        extra.path = "resources::channel::Channels::archive".into();
        surface.items.push(extra);
    });
    assert!(text.contains("removed"), "{text}");
}

#[test]
fn a_broken_record_is_an_error_that_names_the_line() {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("temp dir");
    let job = chat_v1_copy(tmp.path());
    let record = job.spec.join(release::FILE);
    let text = std::fs::read_to_string(&record).expect("record");
    let broken: String = text
        .lines()
        .enumerate()
        .map(|(i, l)| {
            if i == 2 {
                "{\"kind\": 7}\n".to_string()
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    std::fs::write(&record, broken).expect("writing");
    match run(&root, &[job], Mode::Check) {
        Err(RunError::Io(e)) => assert!(e.to_string().contains("line 3"), "{e}"),
        other => panic!("expected an error, got {other:?}"),
    }
}

/// The runtime's own API is versioned too: its record is fresh, and the changes since
/// fit its version.
#[test]
fn the_runtime_api_record_is_fresh_and_fits() {
    let standing = xtask::runtime_api::keep(&workspace_root(), Mode::Check).expect("readable");
    assert!(
        !standing.record_changed,
        "codegen/runtime/released-api.jsonl is stale; run `cargo xtask gen`"
    );
    assert!(!standing.unfit(), "{}", standing.text());
}

/// The runtime's record lists what `__private` defines in place, not only what it
/// re-exports: generated code calls `json_text` and `webhook::keep` as it calls
/// `Transport::send_json`.
#[test]
fn the_runtime_record_lists_what_private_defines_in_place() {
    let text = std::fs::read_to_string(
        workspace_root()
            .join(codegen::RUNTIME_DIR)
            .join(xtask::runtime_api::RECORD),
    )
    .expect("the runtime's record");
    let record = codegen::release::parse(&text).expect("a record").render();
    for item in [
        "fn __private::json_text(",
        "fn __private::webhook::keep<",
        "const __private::JSON_NULL:",
        "async fn __private::Transport::send_json<",
    ] {
        assert!(record.contains(item), "{item} is not recorded");
    }
}

/// A copy of the runtime crate's manifest, sources and record under `tmp`, laid out
/// as in the repository.
fn runtime_copy(tmp: &Path) -> std::path::PathBuf {
    let from = workspace_root().join(codegen::RUNTIME_DIR);
    let to = tmp.join(codegen::RUNTIME_DIR);
    std::fs::create_dir_all(to.join("src")).expect("mkdir");
    for name in ["Cargo.toml", xtask::runtime_api::RECORD] {
        std::fs::copy(from.join(name), to.join(name)).expect("copy");
    }
    copy_tree(&from.join("src"), &to.join("src"));
    to
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("a folder") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_tree(&path, &target);
        } else {
            std::fs::copy(&path, target).expect("copy");
        }
    }
}

#[test]
fn a_breaking_runtime_change_needs_a_breaking_bump() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let runtime = runtime_copy(tmp.path());
    let check = || xtask::runtime_api::keep(tmp.path(), Mode::Check).expect("readable");
    let before = check();
    assert!(!before.unfit());
    let recorded = before.surface.version.clone();
    let version = codegen::api_diff::Version::parse(&recorded).expect("a version");
    let breaking = version
        .bump(codegen::api_diff::Verdict::Breaking)
        .to_string();

    // A consumer's method goes: breaking.
    edit(
        &runtime.join("src/auth.rs"),
        "    pub fn username(&self)",
        "    pub(crate) fn username(&self)",
    );
    let standing = check();
    assert!(standing.unfit());
    let report = standing.standing.report().expect("a report");
    // Compatible changes since the record may be waiting for the next release.
    let removed: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.verdict == codegen::api_diff::Verdict::Breaking)
        .map(|c| c.item.as_str())
        .collect();
    assert_eq!(removed, ["fn Auth::username"]);
    assert_eq!(
        report.required_version().map(|v| v.to_string()),
        Some(breaking.clone())
    );

    // So does one only generated code calls: older generated crates call it.
    edit(
        &runtime.join("src/auth.rs"),
        "    pub(crate) fn username(&self)",
        "    pub fn username(&self)",
    );
    edit(
        &runtime.join("src/path.rs"),
        "pub fn segment(value: &str, target: &'static str)",
        "pub fn segment(value: &str, target: &'static str, _extra: bool)",
    );
    assert!(check().unfit());

    // A breaking bump covers it and records the release.
    edit(
        &runtime.join("Cargo.toml"),
        &format!("version = \"{recorded}\""),
        &format!("version = \"{breaking}\""),
    );
    let bumped = check();
    assert!(!bumped.unfit(), "{}", bumped.text());
    assert!(bumped.record_changed, "the record is stale until `gen`");
    xtask::runtime_api::keep(tmp.path(), Mode::Write).expect("written");
    assert!(!check().record_changed);
}

/// A crate generated into a user's own workspace is its member: no `[workspace]` of
/// its own, so the user edits nothing generated. Outside any workspace it has one;
/// in this repository, outside its member folders, too (this workspace lists only
/// those).
#[test]
fn a_crate_generated_inside_a_users_workspace_is_its_member() {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("temp dir");
    let users = users_workspace(tmp.path());
    let member = users.join("clients/chat");
    let alone = tmp.path().join("alone/chat");
    for (out, own) in [
        (&member, false),
        (&alone, true),
        (&root.join("target/elsewhere/chat"), true),
    ] {
        let layout = codegen::Layout::for_output(&root, out).expect("a layout");
        assert_eq!(layout.own_workspace, own, "{}", out.display());
    }
    generate_into(&member);
    let manifest = std::fs::read_to_string(member.join("Cargo.toml")).expect("a manifest");
    assert!(!manifest.contains("[workspace]"), "{manifest}");
}

/// Cargo takes a crate generated into a user's workspace as its member.
#[test]
#[cfg_attr(
    not(heavy_tests),
    ignore = "spawns cargo: set CODEGEN_HEAVY_TESTS=1 (CI does)"
)]
fn cargo_takes_a_crate_generated_into_a_users_workspace() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let users = users_workspace(tmp.path());
    generate_into(&users.join("clients/chat"));
    let out = std::process::Command::new(env!("CARGO"))
        .args([
            "metadata",
            "--no-deps",
            "--format-version",
            "1",
            "--offline",
        ])
        .current_dir(&users)
        .output()
        .expect("cargo runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("\"name\":\"twilio-chat-v2\""), "{stdout}");
}

/// A user's workspace under `tmp`, whose members are `clients/*`.
fn users_workspace(tmp: &Path) -> std::path::PathBuf {
    let users = tmp.join("app");
    std::fs::create_dir_all(users.join("clients")).expect("a folder");
    std::fs::write(
        users.join("Cargo.toml"),
        "[workspace]\nresolver = \"2\"\nmembers = [\"clients/*\"]\n",
    )
    .expect("written");
    users
}

/// Chat v2's crate, generated into `out`.
fn generate_into(out: &Path) {
    let root = workspace_root();
    let job = Job {
        spec: root.join("spec/twilio-chat-v2"),
        out: out.to_path_buf(),
    };
    checked(&root, &[job], Mode::Write);
}

/// `cargo xtask release` after a breaking change: the version the change needs is
/// set in the spec, the release is recorded, and the changelog says what changed;
/// run again with nothing new, it changes nothing.
#[test]
fn release_sets_the_version_records_it_and_writes_the_changelog() {
    let root = workspace_root();
    let tmp = tempfile::tempdir().expect("temp dir");
    let job = chat_v1_copy(tmp.path());
    let jobs = [job.clone()];
    let record = job.spec.join(release::FILE);
    let before = release::parse(&std::fs::read_to_string(&record).expect("record"))
        .expect("a valid record")
        .version;
    let breaking = codegen::api_diff::Version::parse(&before)
        .expect("a version")
        .bump(codegen::api_diff::Verdict::Breaking)
        .to_string();
    checked(&root, &jobs, Mode::Write);
    let spec = job.spec.join("chat_v1.yaml");
    edit(
        &spec,
        "      members_count:\n        type: integer\n        default: 0\n        doc: The number of Members in the Channel.\n",
        "",
    );

    let done = xtask::release::run(&root, &jobs, "2026-12-06").expect("released");
    assert_eq!(done.len(), 1, "{done:?}");
    assert!(
        done[0].contains(&format!("{before} -> {breaking} (breaking)")),
        "{done:?}"
    );
    let api = std::fs::read_to_string(&spec).expect("the spec");
    assert!(api.contains(&format!("\n  version: {breaking}\n")), "{api}");
    let recorded =
        release::parse(&std::fs::read_to_string(&record).expect("record")).expect("a valid record");
    assert_eq!(recorded.version, breaking);
    let changelog =
        std::fs::read_to_string(job.out.join(xtask::release::CHANGELOG)).expect("a changelog");
    assert!(
        changelog.starts_with("# Changelog of twilio-chat-v1\n"),
        "{changelog}"
    );
    assert!(
        changelog.contains(&format!("## {breaking} (2026-12-06)\n\n### Breaking\n\n"))
            && changelog.contains("- removed: `field resources::channel::Channel.members_count"),
        "{changelog}"
    );
    assert!(matches!(
        standing(&checked(&root, &jobs, Mode::Check)),
        Standing::Unreleased(r) if r.changes.is_empty()
    ));

    let again = xtask::release::run(&root, &jobs, "2026-12-07").expect("nothing to do");
    assert!(again[0].contains("no API change"), "{again:?}");
    let unchanged =
        std::fs::read_to_string(job.out.join(xtask::release::CHANGELOG)).expect("a changelog");
    assert_eq!(unchanged, changelog);
}

/// The README's table lists every crate this repository generates from `spec/`, so a
/// new API can't be added without saying what it is for.
#[test]
fn the_readme_lists_every_crate() {
    let root = workspace_root();
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(root.join("spec")).expect("spec/") {
        let name = entry.expect("an entry").file_name();
        let name = name.to_string_lossy();
        if !readme.contains(&format!("| [`{name}`](generated/{name}/) | ")) {
            missing.push(name.into_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "README.md's crate table lacks {missing:?}"
    );
}
