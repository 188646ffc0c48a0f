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
use crate::surface::{Bounds, Detail, FnRole, Item, Kind, Range, Surface};
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

/// A `MAJOR.MINOR.PATCH` version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u64,
    pub minor: u64,
    pub patch: u64,
}

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.split('.').map(|p| p.parse::<u64>().ok());
        let version = Version {
            major: parts.next()??,
            minor: parts.next()??,
            patch: parts.next()??,
        };
        parts.next().is_none().then_some(version)
    }

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

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
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

/// The kinds of change between two versions of one item, whose details differ: each
/// kind of detail is weighed by a function of its own.
fn changed(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible};
    match (old, new) {
        (Detail::Crate { .. }, Detail::Crate { .. }) => crate_changes(old, new),
        (Detail::Const { ty: a, value: x }, Detail::Const { ty: b, value: y }) => flagged([
            (a != b, K::TypeChanged, Breaking),
            (x != y, K::BaseUrlChanged, Breaking),
        ]),
        (Detail::StringType { .. }, Detail::StringType { .. }) => string_type_changes(old, new),
        (Detail::Enum { non_exhaustive: a }, Detail::Enum { non_exhaustive: b }) => flagged([
            (!a && *b, K::NowNonExhaustive, Breaking),
            (*a && !b, K::NowExhaustive, Compatible),
        ]),
        (Detail::Struct { .. }, Detail::Struct { .. }) => struct_changes(old, new),
        (
            Detail::Variant {
                fields: f1,
                wire: a,
            },
            Detail::Variant {
                fields: f2,
                wire: b,
            },
        ) => flagged([
            (f1 != f2, K::TypeChanged, Breaking),
            (
                a.is_some() && b.is_some() && a != b,
                K::WireRenamed,
                Breaking,
            ),
        ]),
        (Detail::Field { .. }, Detail::Field { .. }) => field_changes(old, new),
        (Detail::Param { .. }, Detail::Param { .. }) => param_changes(old, new),
        (Detail::Fn { .. }, Detail::Fn { .. }) => fn_changes(old, new),
        (Detail::Route { .. }, Detail::Route { .. }) => route_changes(old, new),
        _ => flagged([(true, K::SignatureChanged, Breaking)]),
    }
}

/// The kinds of change found so far for one item.
#[derive(Default)]
struct Changes(Vec<(ChangeKind, Verdict)>);

impl Changes {
    /// Notes `kind` with `verdict` when `cond` holds.
    fn flag(&mut self, cond: bool, kind: ChangeKind, verdict: Verdict) {
        if cond {
            self.0.push((kind, verdict));
        }
    }
}

/// The changes whose condition holds, in order.
fn flagged<const N: usize>(
    changes: [(bool, ChangeKind, Verdict); N],
) -> Vec<(ChangeKind, Verdict)> {
    changes
        .into_iter()
        .filter(|(holds, ..)| *holds)
        .map(|(_, kind, verdict)| (kind, verdict))
        .collect()
}

/// A crate renamed, or taking other credentials.
fn crate_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible};
    let (
        Detail::Crate {
            name: a, auth: a1, ..
        },
        Detail::Crate {
            name: b, auth: b1, ..
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    out.flag(a != b, K::CrateRenamed, Breaking);
    // Taking one more kind of credentials breaks no one; refusing a kind, or
    // sending OAuth2 credentials to another token URL, does.
    if a1 != b1 {
        let verdict = if b1.takes_all_of(a1) {
            Compatible
        } else {
            Breaking
        };
        out.flag(true, K::AuthChanged, verdict);
    }

    out.0
}

/// A string newtype's pattern, length or name in messages.
fn string_type_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible};
    let (
        Detail::StringType {
            pattern: p1,
            length: l1,
            wire: w1,
        },
        Detail::StringType {
            pattern: p2,
            length: l2,
            wire: w2,
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    match (p1, p2) {
        (Some(_), None) => out.flag(true, K::Loosened, Compatible),
        (None, Some(_)) => out.flag(true, K::Tightened, Breaking),
        (Some(a), Some(b)) => out.flag(a != b, K::PatternChanged, Breaking),
        (None, None) => {}
    }
    if let Some(change) = range_change(*l1, *l2) {
        out.0.push(change);
    }
    if w1 != w2 {
        out.0.push((K::NameChanged, Compatible));
    }

    out.0
}

/// A struct's role, generics or exhaustiveness. (Its impls are items of their own.)
fn struct_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible};
    let (
        Detail::Struct {
            role: r1,
            non_exhaustive: n1,
            generics: g1,
        },
        Detail::Struct {
            role: r2,
            non_exhaustive: n2,
            generics: g2,
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    out.flag(r1 != r2 || g1 != g2, K::TypeChanged, Breaking);
    out.flag(!n1 && *n2, K::NowNonExhaustive, Breaking);
    out.flag(*n1 && !n2, K::NowExhaustive, Compatible);

    out.0
}

/// A field's type, wire name, nullability or default.
fn field_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible};
    let (
        Detail::Field {
            ty: t1,
            wire: w1,
            nullable: n1,
            default: d1,
            ..
        },
        Detail::Field {
            ty: t2,
            wire: w2,
            nullable: n2,
            default: d2,
            ..
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    out.flag(t1 != t2, K::TypeChanged, Breaking);
    out.flag(w1 != w2, K::WireRenamed, Breaking);
    out.flag(n1 != n2, K::NullabilityChanged, Compatible);
    // A default changes spelling with its type; the type change says it.
    out.flag(
        t1 == t2 && d1.is_some() && d2.is_some() && d1 != d2,
        K::DefaultChanged,
        Compatible,
    );

    out.0
}

/// A parameter's nullability, requiredness, type, wire name, location or bounds.
fn param_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::Breaking;
    let (
        Detail::Param {
            ty: t1,
            wire: w1,
            location: l1,
            required: q1,
            bounds: b1,
            nullable: n1,
            ..
        },
        Detail::Param {
            ty: t2,
            wire: w2,
            location: l2,
            required: q2,
            bounds: b2,
            nullable: n2,
            ..
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    // Taking a null makes the field an `Option<Option<T>>`: callers that set
    // or read it change.
    out.flag(n1 != n2, K::NullabilityChanged, Breaking);
    out.flag(!q1 && *q2, K::BecameRequired, Breaking);
    out.flag(*q1 && !q2, K::BecameOptional, Breaking);
    // Required or not, the field's type changes with it (`T` or `Option<T>`);
    // that change says it.
    out.flag(q1 == q2 && n1 == n2 && t1 != t2, K::TypeChanged, Breaking);
    out.flag(w1 != w2, K::WireRenamed, Breaking);
    out.flag(l1 != l2, K::LocationChanged, Breaking);
    let bounds = match (b1, b2) {
        (Bounds::Int(a), Bounds::Int(b)) => range_change(*a, *b),
        (Bounds::Float(a), Bounds::Float(b)) => range_change(*a, *b),
        (Bounds::None, Bounds::Int(b)) => range_change((None, None), *b),
        (Bounds::None, Bounds::Float(b)) => range_change((None, None), *b),
        (Bounds::Int(a), Bounds::None) => range_change(*a, (None, None)),
        (Bounds::Float(a), Bounds::None) => range_change(*a, (None, None)),
        // Between integer and number bounds, the type change says it.
        _ => None,
    };
    out.0.extend(bounds);

    out.0
}

/// A route's method, path, statuses or credentials.
fn route_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Compatible, Patch};
    let (
        Detail::Route {
            method: m1,
            path: p1,
            status: s1,
            also: x1,
            anonymous: a1,
        },
        Detail::Route {
            method: m2,
            path: p2,
            status: s2,
            also: x2,
            anonymous: a2,
        },
    ) = (old, new)
    else {
        return Vec::new();
    };
    let mut out = Changes::default();

    // Credentials sent, or not: what reaches the API changes, no caller's code.
    out.flag(a1 != a2, K::AuthChanged, Compatible);
    let (s1, s2) = ((s1, x1), (s2, x2));
    // Placeholder names are the spec's own; only the segments are sent.
    let shape = |path: &[crate::model::PathSegment]| -> Vec<Option<String>> {
        path.iter()
            .map(|s| match s {
                crate::model::PathSegment::Literal(t) => Some(t.clone()),
                crate::model::PathSegment::Param(_) => None,
            })
            .collect()
    };
    let moved = m1 != m2 || shape(p1) != shape(p2);
    out.flag(moved, K::RouteChanged, Breaking);
    out.flag(s1 != s2, K::StatusChanged, Compatible);
    out.flag(!moved && s1 == s2 && a1 == a2, K::Respelled, Patch);

    out.0
}

/// A function's signature: a constructor's argument order (its parameters' own
/// changes are reported on them), any other's types, or only its spelling.
fn fn_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
    use ChangeKind as K;
    use Verdict::{Breaking, Patch};
    let mut out = Changes::default();
    match (old, new) {
        (
            Detail::Fn {
                role: Some(FnRole::Constructor),
                args: a1,
                ..
            },
            Detail::Fn {
                role: Some(FnRole::Constructor),
                args: a2,
                ..
            },
        ) => {
            // Parameters added, removed, made required or optional, or retyped are
            // reported on the parameters; only a new order is news here.
            let common = |a: &[(String, String)], b: &[(String, String)]| -> Vec<String> {
                a.iter()
                    .filter(|(n, _)| b.iter().any(|(m, _)| m == n))
                    .map(|(n, _)| n.clone())
                    .collect()
            };
            out.flag(
                common(a1, a2) != common(a2, a1),
                K::SignatureChanged,
                Breaking,
            );
        }
        (
            Detail::Fn {
                is_async: s1,
                receiver: r1,
                generics: g1,
                args: a1,
                ret: t1,
                ..
            },
            Detail::Fn {
                is_async: s2,
                receiver: r2,
                generics: g2,
                args: a2,
                ret: t2,
                ..
            },
        ) => {
            let types = |args: &[(String, String)]| -> Vec<String> {
                args.iter().map(|(_, t)| t.clone()).collect()
            };
            let same = s1 == s2 && r1 == r2 && g1 == g2 && t1 == t2 && types(a1) == types(a2);
            out.flag(!same, K::SignatureChanged, Breaking);
            out.flag(same, K::Respelled, Patch);
        }
        _ => {}
    }
    out.0
}

/// Tightened when some value the old range accepts, the new one refuses.
fn range_change<T: PartialOrd>(old: Range<T>, new: Range<T>) -> Option<(ChangeKind, Verdict)> {
    if old == new {
        return None;
    }
    let low = match (&new.0, &old.0) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(n), Some(o)) => n <= o,
    };
    let high = match (&new.1, &old.1) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(n), Some(o)) => n >= o,
    };
    Some(if low && high {
        (ChangeKind::Loosened, Verdict::Compatible)
    } else {
        (ChangeKind::Tightened, Verdict::Breaking)
    })
}

#[cfg(test)]
mod tests;
