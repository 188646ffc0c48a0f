//! The rules, on a small OpenAPI file in Twilio's shape.

use super::*;

#[test]
pub(super) fn a_first_import_writes_the_three_files_of_a_spec_folder() {
    let files = widgets_files();
    assert_eq!(
        files.keys().collect::<Vec<_>>(),
        ["api.yaml", "openapi.yaml", "resources.yaml"]
    );
    for (name, text) in &files {
        insta::with_settings!({ snapshot_path => "../snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!(format!("import__widgets__{name}"), text);
        });
    }
}

#[test]
pub(super) fn resources_are_path_groups_named_by_their_record_schema() {
    let api = checked("widgets", &widgets_files());
    let names: Vec<(&str, &str)> = api
        .resources
        .iter()
        .map(|r| (r.name.as_str(), r.plural_camel.as_str()))
        .collect();
    // `widgets.v1.box.media` and `widgets.v1.shelf.media` both end in `media`: the
    // collision is settled by one more segment. The plural comes from the list path
    // (`Media`, `Boxes`), and a singleton (`/v1/Configuration`) keeps its name.
    assert_eq!(
        names,
        [
            ("Box", "Boxes"),
            ("BoxMedia", "BoxMedia"),
            ("ShelfMedia", "ShelfMedia"),
            ("Configuration", "Configuration"),
        ]
    );
    // A list path and the instance path under it are one resource.
    let kinds: Vec<OpKind> = resource(&api, "Box")
        .operations
        .iter()
        .map(|o| o.kind)
        .collect();
    assert_eq!(
        kinds,
        [
            OpKind::Create,
            OpKind::Fetch,
            OpKind::List,
            OpKind::Update,
            OpKind::Delete
        ]
    );
}

#[test]
pub(super) fn one_sid_type_per_prefix_and_one_enum_per_value_list() {
    let api = checked("widgets", &widgets_files());
    let mut sids: Vec<(&str, &str)> = api
        .types
        .iter()
        .filter_map(|t| match &t.kind {
            NamedKind::Sid { prefix, .. } => Some((t.name.as_str(), prefix.as_str())),
            _ => None,
        })
        .collect();
    sids.sort();
    // Named after the resource whose `sid` has the prefix, else after the fields
    // that hold one (`account_sid`, `shelf_sid`).
    assert_eq!(
        sids,
        [
            ("AccountSid", "AC"),
            ("BoxMediaSid", "ME"),
            ("BoxSid", "BX"),
            ("ShelfMediaSid", "MS"),
            ("ShelfSid", "SH"),
        ]
    );
    // `box_enum_color` [red, green] and `media_enum_tint` [green, red] are one type,
    // used by four properties and parameters; named by the most common name.
    let color = named(&api, "Color");
    let NamedKind::Enum(def) = &color.kind else {
        panic!("Color is not an enum");
    };
    let wires: Vec<&str> = def.variants.iter().map(|v| v.wire.as_str()).collect();
    assert_eq!(wires, ["red", "green"]);
    let media = resource(&api, "BoxMedia");
    let tint = media
        .fields
        .iter()
        .find(|f| f.wire == "tint")
        .expect("tint");
    assert_eq!(tint.ty, Type::Named("Color".into()));
    assert!(!api.types.iter().any(|t| t.name == "Tint"));
}

#[test]
pub(super) fn parameters_keep_their_location_status_nullability_format_and_secrecy() {
    let api = checked("widgets", &widgets_files());
    let boxes = resource(&api, "Box");
    let create = boxes
        .operations
        .iter()
        .find(|o| o.kind == OpKind::Create)
        .expect("create");
    assert_eq!(create.statuses, [201, 202]);
    let header = param(boxes, OpKind::Create, "X-Twilio-Webhook-Enabled");
    assert_eq!(header.location, ParamIn::Header);
    assert!(!header.required);
    assert!(param(boxes, OpKind::Create, "FriendlyName").required);
    // Secrets by name: `*Password`, `*Token` (a page token is not one).
    assert!(param(boxes, OpKind::Create, "Password").secret);
    assert!(param(boxes, OpKind::Create, "AuthToken").secret);
    assert!(!param(boxes, OpKind::Create, "FriendlyName").secret);
    assert!(!param(boxes, OpKind::List, "PageToken").secret);
    assert!(matches!(
        param(boxes, OpKind::Create, "DeliverAt").ty,
        Type::DateTime(codegen::model::DateFormat::Iso8601)
    ));
    assert!(param(boxes, OpKind::Update, "Size").nullable);
    assert!(matches!(
        &param(boxes, OpKind::List, "Color").ty,
        Type::Array(item) if **item == Type::Named("Color".into())
    ));
}
