//! The witness can fail: each test mutates a copy of the OpenAPI document and
//! expects the comparison to name exactly that change.

use super::*;

pub(super) fn difference(
    openapi: &str,
    spec: &str,
    differs: &str,
    expected: &str,
    found: &str,
) -> Difference {
    Difference {
        openapi: openapi.into(),
        spec: spec.into(),
        differs: differs.into(),
        expected: expected.into(),
        found: found.into(),
    }
}

pub(super) fn departure(d: &Difference) -> Departure {
    Departure {
        openapi: d.openapi.clone(),
        spec: d.spec.clone(),
        differs: d.differs.clone(),
        expected: d.expected.clone(),
        found: d.found.clone(),
        reason: "on purpose".into(),
    }
}

/// The node at `keys` under `node`, for editing.
pub(super) fn node_mut<'a>(node: &'a mut Value, keys: &[&str]) -> &'a mut Value {
    keys.iter().fold(node, |node, key| {
        node.get_mut(*key)
            .unwrap_or_else(|| panic!("OpenAPI fixture has no `{key}` on the way to {keys:?}"))
    })
}

/// A parameter of the operation at `path` / `method`, by name.
pub(super) fn parameter_mut<'a>(
    doc: &'a mut Value,
    path: &str,
    method: &str,
    name: &str,
) -> &'a mut Value {
    node_mut(doc, &["paths", path, method, "parameters"])
        .as_array_mut()
        .expect("parameters are a list")
        .iter_mut()
        .find(|p| get_str(p, "name") == Some(name))
        .unwrap_or_else(|| panic!("no parameter {name} on {method} {path}"))
}

/// The differences `mutate` adds to those of the unchanged document.
pub(super) fn differences_after(mutate: impl FnOnce(&mut Value)) -> Vec<Difference> {
    let spec = Spec::load();
    let mut doc = openapi();
    let before = compare(&doc, &spec);
    mutate(&mut doc);
    let after = compare(&doc, &spec);
    after.into_iter().filter(|d| !before.contains(d)).collect()
}

pub(super) const INVITES: &str = "/v1/Services/{ServiceSid}/Channels/{ChannelSid}/Invites";

#[test]
pub(super) fn a_changed_bound_is_reported() {
    let added = differences_after(|doc| {
        let page_size = parameter_mut(doc, INVITES, "get", "PageSize");
        *node_mut(page_size, &["schema", "maximum"]) = Value::from(999);
    });
    let [d] = added.as_slice() else {
        panic!("expected one new difference, got {added:#?}");
    };
    assert_eq!(
        (
            d.openapi.as_str(),
            d.spec.as_str(),
            d.differs.as_str(),
            d.expected.as_str()
        ),
        (
            "ListInvite parameter PageSize",
            "resources.Invite.operations.list.params.PageSize",
            "maximum",
            "999"
        )
    );
}

#[test]
pub(super) fn a_dropped_property_is_reported() {
    let added = differences_after(|doc| {
        let properties = node_mut(
            doc,
            &[
                "components",
                "schemas",
                "chat.v1.service.channel.invite",
                "properties",
            ],
        );
        let removed = properties
            .as_object_mut()
            .and_then(|m| m.remove("created_by"));
        assert!(removed.is_some(), "the fixture's Invite has created_by");
    });
    assert_eq!(
        added,
        [difference(
            "schema chat.v1.service.channel.invite property created_by",
            "resources.Invite.properties.created_by",
            "presence",
            "absent",
            "present",
        )]
    );
}

#[test]
pub(super) fn a_renamed_parameter_is_reported_on_both_sides() {
    let added = differences_after(|doc| {
        let form = node_mut(
            doc,
            &[
                "paths",
                INVITES,
                "post",
                "requestBody",
                "content",
                "application/x-www-form-urlencoded",
                "schema",
                "properties",
            ],
        )
        .as_object_mut()
        .expect("form properties are a mapping");
        let role = form.remove("RoleSid").expect("CreateInvite has RoleSid");
        form.insert("RoleSID".into(), role);
    });
    assert_eq!(
        added,
        [
            difference(
                "CreateInvite parameter RoleSID",
                "resources.Invite.operations.create.params.RoleSID",
                "presence",
                "present",
                "absent",
            ),
            difference(
                "CreateInvite parameter RoleSid",
                "resources.Invite.operations.create.params.RoleSid",
                "presence",
                "absent",
                "present",
            ),
        ]
    );
}

#[test]
pub(super) fn a_departure_excuses_only_its_difference_and_a_stale_one_fails() {
    let real = difference(
        "Op parameter A",
        "resources.R.params.A",
        "minimum",
        "1",
        "0",
    );
    let other = difference(
        "Op parameter B",
        "resources.R.params.B",
        "maximum",
        "9",
        "8",
    );
    let excuse = departure(&real);
    assert_eq!(
        apply_departures(vec![real.clone(), other.clone()], &[excuse]),
        [other.to_string()]
    );

    let problems = apply_departures(Vec::new(), &[departure(&real)]);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("stale departure"), "{problems:?}");
}
