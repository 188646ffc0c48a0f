//! The rules: how much each kind of change to an item can break a consumer. One
//! function per kind of detail, dispatched by [`changed`].

use super::{ChangeKind, Verdict};
use crate::surface::{Bounds, Detail, FnRole, Range};

/// The kinds of change between two versions of one item, whose details differ: each
/// kind of detail is weighed by a function of its own.
pub(super) fn changed(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) struct Changes(Vec<(ChangeKind, Verdict)>);

impl Changes {
    /// Notes `kind` with `verdict` when `cond` holds.
    fn flag(&mut self, cond: bool, kind: ChangeKind, verdict: Verdict) {
        if cond {
            self.0.push((kind, verdict));
        }
    }
}

/// The changes whose condition holds, in order.
pub(super) fn flagged<const N: usize>(
    changes: [(bool, ChangeKind, Verdict); N],
) -> Vec<(ChangeKind, Verdict)> {
    changes
        .into_iter()
        .filter(|(holds, ..)| *holds)
        .map(|(_, kind, verdict)| (kind, verdict))
        .collect()
}

/// A crate renamed, or taking other credentials.
pub(super) fn crate_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn string_type_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn struct_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn field_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn param_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn route_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn fn_changes(old: &Detail, new: &Detail) -> Vec<(ChangeKind, Verdict)> {
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
pub(super) fn range_change<T: PartialOrd>(
    old: Range<T>,
    new: Range<T>,
) -> Option<(ChangeKind, Verdict)> {
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
