//! What a spec change does to the generated crate's public API: each item of the
//! [`Surface`] that was added, removed or changed, with a kind and a semver verdict,
//! and the version the change needs.
//!
//! The rules, for a consumer who depends on the crate with a caret requirement:
//!
//! - **Breaking**: anything removed; a type or signature changed; a new required
//!   parameter, or a parameter that became required or optional (`new` takes other
//!   arguments); bounds, lengths or a pattern that accept less (a changed pattern counts,
//!   as no one can tell it accepts everything the old one did); a wire name, parameter
//!   location, HTTP method, path or base URL changed (the crate sends or reads something
//!   else); credentials the client took that it refuses now, or an OAuth2 token URL
//!   changed; a string type that is no longer `Copy` (a SID whose pattern became a
//!   general one); a new field of a struct or a new variant of an enum that is not
//!   `#[non_exhaustive]` (consumers build the struct with a literal and `match` the enum
//!   exhaustively, even though decoding keeps unknown values in the fallback variant).
//! - **Compatible**: a new type, operation or optional parameter (parameter structs are
//!   `#[non_exhaustive]`); bounds that accept more; a string type that became `Copy`;
//!   a kind of credentials the client takes besides those it took;
//!   a changed success status, property default or nullability (the Rust API is the
//!   same, what it does changes).
//! - **Patch**: docs only, or a name callers never write (an argument's name).
//!
//! Items under a new or removed item (the fields of a new record) are not listed again.
//! Bumps follow Cargo's semver rules: in `0.y.z` a breaking change bumps `y` and any
//! other change bumps `z`; from `1.0.0` on, breaking bumps the major, compatible the
//! minor and patch the patch; in `0.0.z` every change bumps `z`.

use crate::model::Api;
use crate::surface::{Detail, FnRole, Item, Kind, Surface};
use crate::{Diagnostics, SourceFile};
use std::collections::HashMap;
use std::fmt;

/// How much a change can break a consumer; ordered from least to most.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Verdict {
    Patch,
    Compatible,
    Breaking,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Patch => "patch",
            Verdict::Compatible => "compatible",
            Verdict::Breaking => "breaking",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What changed about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    Removed,
    TypeAdded,
    OperationAdded,
    FieldAdded,
    VariantAdded,
    OptionalParamAdded,
    RequiredParamAdded,
    TypeChanged,
    SignatureChanged,
    BecameRequired,
    BecameOptional,
    /// Bounds or lengths accept less, or a pattern was added.
    Tightened,
    /// Bounds or lengths accept more, or a pattern was removed.
    Loosened,
    PatternChanged,
    WireRenamed,
    LocationChanged,
    RouteChanged,
    StatusChanged,
    DefaultChanged,
    NullabilityChanged,
    BaseUrlChanged,
    /// The credentials the client takes.
    AuthChanged,
    CrateRenamed,
    NowNonExhaustive,
    NowExhaustive,
    /// A trait implemented: by an impl, a derive or a runtime macro's call.
    ImplAdded,
    /// A method, function or constant that is not an operation.
    MethodAdded,
    /// Another public path to an item (a re-export).
    PathAdded,
    /// A trait item that implementors must now write.
    RequiredTraitItemAdded,
    /// The name a string type gives in error messages (`NAME`).
    NameChanged,
    /// Only a name callers never write (an argument's, a path placeholder's).
    Respelled,
    DocsChanged,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Removed => "removed",
            ChangeKind::TypeAdded => "new type",
            ChangeKind::OperationAdded => "new operation",
            ChangeKind::FieldAdded => "new field",
            ChangeKind::VariantAdded => "new enum variant",
            ChangeKind::OptionalParamAdded => "new optional parameter",
            ChangeKind::RequiredParamAdded => "new required parameter",
            ChangeKind::TypeChanged => "type changed",
            ChangeKind::SignatureChanged => "signature changed",
            ChangeKind::BecameRequired => "became required",
            ChangeKind::BecameOptional => "became optional",
            ChangeKind::Tightened => "tightened",
            ChangeKind::Loosened => "loosened",
            ChangeKind::PatternChanged => "pattern changed",
            ChangeKind::WireRenamed => "wire name changed",
            ChangeKind::LocationChanged => "location changed",
            ChangeKind::RouteChanged => "route changed",
            ChangeKind::StatusChanged => "status changed",
            ChangeKind::DefaultChanged => "default changed",
            ChangeKind::NullabilityChanged => "nullability changed",
            ChangeKind::BaseUrlChanged => "base URL changed",
            ChangeKind::AuthChanged => "auth changed",
            ChangeKind::CrateRenamed => "crate renamed",
            ChangeKind::NowNonExhaustive => "now non_exhaustive",
            ChangeKind::NowExhaustive => "no longer non_exhaustive",
            ChangeKind::ImplAdded => "new impl",
            ChangeKind::MethodAdded => "new method",
            ChangeKind::PathAdded => "new path",
            ChangeKind::RequiredTraitItemAdded => "new required trait item",
            ChangeKind::NameChanged => "NAME changed",
            ChangeKind::Respelled => "names only",
            ChangeKind::DocsChanged => "docs changed",
        }
    }
}

impl fmt::Display for ChangeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One classified change.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub kind: ChangeKind,
    pub verdict: Verdict,
    /// The item's kind and path (`field Invite.role_sid`).
    pub item: String,
    /// The line after the path, before and after the change.
    pub before: Option<String>,
    pub after: Option<String>,
}

/// Why [`compare`] could not compare.
#[derive(Debug)]
pub enum CompareError {
    /// The old spec does not load with this generator.
    Old(Diagnostics),
    New(Diagnostics),
}

/// The report between two spec folders' texts.
pub fn compare(old: &[SourceFile], new: &[SourceFile]) -> Result<Report, CompareError> {
    let new = crate::check(new).map_err(CompareError::New)?;
    compare_to(old, &new).map_err(CompareError::Old)
}

/// The report between an old spec folder's texts and a new spec already checked.
pub fn compare_to(old: &[SourceFile], new: &Api) -> Result<Report, Diagnostics> {
    let old = crate::check(old)?;
    Ok(Report::new(&Surface::of(&old), &Surface::of(new)))
}

pub use crate::version::Version;

impl Version {
    /// The least version after this one that may hold a change of `verdict`.
    pub fn bump(self, verdict: Verdict) -> Version {
        let Version {
            major,
            minor,
            patch,
        } = self;
        let (major, minor, patch) = match (major, minor, verdict) {
            (0, 0, _) => (0, 0, patch + 1),
            (0, _, Verdict::Breaking) => (0, minor + 1, 0),
            (0, _, _) => (0, minor, patch + 1),
            (_, _, Verdict::Breaking) => (major + 1, 0, 0),
            (_, _, Verdict::Compatible) => (major, minor + 1, 0),
            (_, _, Verdict::Patch) => (major, minor, patch + 1),
        };
        Version {
            major,
            minor,
            patch,
        }
    }
}

/// The changes between two surfaces and what they mean for the version.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    pub crate_name: String,
    pub old_version: String,
    pub new_version: String,
    /// Most breaking first, then by item.
    pub changes: Vec<Change>,
}

impl Report {
    pub fn new(old: &Surface, new: &Surface) -> Report {
        Report {
            crate_name: new.crate_name.clone(),
            old_version: old.version.clone(),
            new_version: new.version.clone(),
            changes: diff(old, new),
        }
    }

    /// The most breaking verdict, if anything changed.
    pub fn verdict(&self) -> Option<Verdict> {
        self.changes.iter().map(|c| c.verdict).max()
    }

    /// The least version the changes need, counted from the old one.
    pub fn required_version(&self) -> Option<Version> {
        Some(Version::parse(&self.old_version)?.bump(self.verdict()?))
    }

    /// True unless a breaking change comes without a breaking bump. Compatible and
    /// patch changes may gather under one version until the next release.
    pub fn version_allows(&self) -> bool {
        match (self.verdict(), self.required_version()) {
            (Some(Verdict::Breaking), Some(required)) => {
                Version::parse(&self.new_version).is_some_and(|v| v >= required)
            }
            _ => true,
        }
    }

    /// The closing sentence: what version the changes need, and whether the spec has it.
    pub fn version_note(&self) -> String {
        let (Some(verdict), Some(required)) = (self.verdict(), self.required_version()) else {
            return "no API change; the version may stay".into();
        };
        let (old, new) = (&self.old_version, &self.new_version);
        let covered = Version::parse(new).is_some_and(|v| v >= required);
        if covered {
            format!("{verdict} changes since {old} need at least {required}; api.version {new} covers them")
        } else if verdict == Verdict::Breaking {
            format!("{verdict} changes since {old} need api.version {required}, but it is {new}: set `version: {required}` in the spec's `api:` section")
        } else {
            format!("{verdict} changes since {old} need {required} at the next release (api.version is {new})")
        }
    }

    /// The report as plain text, one change a line, ending with the version note.
    pub fn text(&self) -> String {
        let mut out = format!("{} {}\n", self.summary(), self.crate_name);
        for c in &self.changes {
            let now = c.after.as_ref().or(c.before.as_ref());
            out.push_str(&format!(
                "  {:<10}  {:<22}  {}{}\n",
                c.verdict.as_str(),
                c.kind.as_str(),
                c.item,
                now.map_or("", String::as_str)
            ));
            if let (Some(before), Some(_)) = (&c.before, &c.after) {
                out.push_str(&format!(
                    "  {:<10}  {:<22}  was: {}{before}\n",
                    "", "", c.item
                ));
            }
        }
        out.push_str(&format!("version: {}\n", self.version_note()));
        out
    }

    /// The report as Markdown, a table to paste into a pull request.
    pub fn markdown(&self) -> String {
        let mut out = format!("#### {} `{}`\n\n", self.summary(), self.crate_name);
        if !self.changes.is_empty() {
            out.push_str("| Verdict | Change | Item | Before | After |\n");
            out.push_str("| --- | --- | --- | --- | --- |\n");
            for c in &self.changes {
                let verdict = match c.verdict {
                    Verdict::Breaking => "**breaking**",
                    other => other.as_str(),
                };
                let cell = |tail: &Option<String>| {
                    let text = tail.as_deref().unwrap_or("");
                    let text = text.trim_start_matches([':', ' ', '=']);
                    if text.is_empty() {
                        String::new()
                    } else {
                        code(text)
                    }
                };
                out.push_str(&format!(
                    "| {verdict} | {} | {} | {} | {} |\n",
                    c.kind,
                    code(&c.item),
                    cell(&c.before),
                    cell(&c.after)
                ));
            }
            out.push('\n');
        }
        out.push_str(&format!("**Version:** {}.\n", self.version_note()));
        out
    }

    /// `3 API changes (1 breaking, 2 compatible) to`.
    fn summary(&self) -> String {
        if self.changes.is_empty() {
            return "No API change to".into();
        }
        let counts: Vec<String> = [Verdict::Breaking, Verdict::Compatible, Verdict::Patch]
            .iter()
            .filter_map(|v| {
                let n = self.changes.iter().filter(|c| c.verdict == *v).count();
                (n > 0).then(|| format!("{n} {v}"))
            })
            .collect();
        let n = self.changes.len();
        format!(
            "{n} API change{} ({}) to",
            if n == 1 { "" } else { "s" },
            counts.join(", ")
        )
    }
}

/// A Markdown code span that survives a table cell.
fn code(text: &str) -> String {
    let text = text.replace('|', "\\|");
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

type Key<'a> = (Kind, &'a str);

/// The crate item is the same item under another name.
fn key(item: &Item) -> Key<'_> {
    match item.kind {
        Kind::Crate => (Kind::Crate, ""),
        kind => (kind, &item.path),
    }
}

fn parent_key(item: &Item) -> Option<Key<'_>> {
    item.parent.as_ref().map(|(k, p)| (*k, p.as_str()))
}

/// Every change between `old` and `new`, most breaking first.
pub fn diff(old: &Surface, new: &Surface) -> Vec<Change> {
    fn index(s: &Surface) -> HashMap<Key<'_>, &Item> {
        s.items.iter().map(|item| (key(item), item)).collect()
    }
    let (old_index, new_index) = (index(old), index(new));
    let mut changes = Vec::new();
    let label = |item: &Item| {
        let line = item.line();
        let tail = item.tail();
        line[..line.len() - tail.len()].to_string()
    };
    for item in &old.items {
        if new_index.contains_key(&key(item)) {
            continue;
        }
        // Gone with its parent: the parent's removal says it.
        if parent_key(item).is_some_and(|p| !new_index.contains_key(&p)) {
            continue;
        }
        changes.push(Change {
            kind: ChangeKind::Removed,
            verdict: Verdict::Breaking,
            item: label(item),
            before: Some(item.tail()),
            after: None,
        });
    }
    for item in &new.items {
        let Some(was) = old_index.get(&key(item)).copied() else {
            if parent_key(item).is_some_and(|p| !old_index.contains_key(&p)) {
                continue;
            }
            let parent = parent_key(item).and_then(|p| new_index.get(&p)).copied();
            let (kind, verdict) = added(item, parent);
            changes.push(Change {
                kind,
                verdict,
                item: label(item),
                before: None,
                after: Some(item.tail()),
            });
            continue;
        };
        if was.detail == item.detail {
            if was.docs != item.docs {
                changes.push(Change {
                    kind: ChangeKind::DocsChanged,
                    verdict: Verdict::Patch,
                    item: label(item),
                    before: None,
                    after: None,
                });
            }
            continue;
        }
        let (before, after) = (was.tail(), item.tail());
        for (kind, verdict) in changed(&was.detail, &item.detail) {
            changes.push(Change {
                kind,
                verdict,
                item: label(item),
                before: Some(before.clone()),
                after: Some(after.clone()),
            });
        }
    }
    changes.sort_by(|a, b| b.verdict.cmp(&a.verdict).then_with(|| a.item.cmp(&b.item)));
    changes
}

/// A new item under an item that was there before.
fn added(item: &Item, parent: Option<&Item>) -> (ChangeKind, Verdict) {
    use ChangeKind as K;
    let parent_open = matches!(
        parent.map(|p| &p.detail),
        Some(
            Detail::Struct {
                non_exhaustive: true,
                ..
            } | Detail::Enum {
                non_exhaustive: true
            }
        )
    );
    let open = |kind| {
        if parent_open {
            (kind, Verdict::Compatible)
        } else {
            (kind, Verdict::Breaking)
        }
    };
    match (&item.detail, item.kind) {
        (Detail::Param { required: true, .. }, _) => (K::RequiredParamAdded, Verdict::Breaking),
        (Detail::Param { .. }, _) => (K::OptionalParamAdded, Verdict::Compatible),
        (_, Kind::Field) => open(K::FieldAdded),
        (_, Kind::Variant) => open(K::VariantAdded),
        (Detail::Text(text), Kind::TraitItem) if !text.ends_with("(provided)") => {
            (K::RequiredTraitItemAdded, Verdict::Breaking)
        }
        (
            Detail::Fn {
                role: Some(FnRole::Operation | FnRole::HandleMaker | FnRole::Stream),
                ..
            },
            _,
        )
        | (_, Kind::Route) => (K::OperationAdded, Verdict::Compatible),
        (_, Kind::Fn | Kind::Const | Kind::TraitItem) => (K::MethodAdded, Verdict::Compatible),
        (_, Kind::Impl) => (K::ImplAdded, Verdict::Compatible),
        (_, Kind::Use) => (K::PathAdded, Verdict::Compatible),
        _ => (K::TypeAdded, Verdict::Compatible),
    }
}

mod rules;

use rules::changed;

#[cfg(test)]
mod tests;
