//! One row per kind of change: a small spec, one edit, and the changes it must give.

use super::*;
use ChangeKind as K;
use Verdict::{Breaking, Compatible, Patch};

mod versions;

const BASE: &str = r#"
api:
  crate: mini
  version: 0.1.0
  title: Mini
  base_url: https://api.example.com
  auth: basic
types:
  ItemSid:
    doc: An item SID.
    pattern: ^IT[0-9a-fA-F]{32}$
  Slug:
    doc: A slug.
    pattern: ^[a-z]+$
    max_length: 40
  Colour:
    doc: A colour.
    values: [red, green]
resources:
  Item:
    doc: An item.
    properties:
      sid: { type: ItemSid, nullable: true, doc: The SID. }
      name: { type: string, nullable: true, doc: Its name. }
      slug: { type: Slug, nullable: true, doc: Its slug. }
      colour: { type: Colour, nullable: true, doc: Its colour. }
      count: { type: integer, default: 0, doc: A count. }
    operations:
      create:
        method: POST
        path: /v1/Items
        status: 201
        params:
          Name: { in: form, type: string, required: true, doc: The name. }
          Colour: { in: form, type: Colour, doc: The colour. }
      fetch:
        method: GET
        path: /v1/Items/{Sid}
        status: 200
        params:
          Sid: { in: path, type: ItemSid, doc: The item. }
      list:
        method: GET
        path: /v1/Items
        status: 200
        envelope: items
        params:
          Name: { in: query, type: string, doc: Filter by name. }
          PageSize: { in: query, type: integer, minimum: 1, maximum: 1000, doc: Page size. }
"#;

/// `BASE` with each `(from, to)` replaced; each `from` must occur exactly once.
fn edited(edits: &[(&str, &str)]) -> String {
    let mut text = BASE.to_string();
    for (from, to) in edits {
        assert_eq!(text.matches(from).count(), 1, "`{from}` is not unique");
        text = text.replacen(from, to, 1);
    }
    text
}

fn report(old: &str, new: &str) -> Report {
    let source = |text: &str| {
        vec![SourceFile {
            name: "mini.yaml".into(),
            text: text.into(),
        }]
    };
    match compare(&source(old), &source(new)) {
        Ok(report) => report,
        Err(CompareError::Old(d) | CompareError::New(d)) => panic!("{d}"),
    }
}

const DELETE: &str = "
      delete:
        method: DELETE
        path: /v1/Items/{Sid}
        status: 204
        params:
          Sid: { in: path, type: ItemSid, doc: The item. }
";

/// A label, the edits to `BASE`, and the changes they give (kind, verdict, item).
type Row<'a> = (
    &'a str,
    &'a [Edit<'a>],
    &'a [(ChangeKind, Verdict, &'a str)],
);
type Edit<'a> = (&'a str, &'a str);

const NAME_FILTER: &str = "Name: { in: query, type: string, doc: Filter by name. }";
const PAGE_SIZE: &str = "maximum: 1000";

/// Parameters: required or not, their bounds, names and docs.
#[test]
fn each_change_gets_its_verdict_parameters_and_their_bounds() {
    check(&[
        (
            "a parameter becomes required",
            &[(
                NAME_FILTER,
                "Name: { in: query, type: string, required: true, doc: Filter by name. }",
            )],
            &[
                (K::BecameRequired, Breaking, "param resources::item::ListItems.name"),
                // Required parameters are `new`'s arguments, without setters.
                (K::Removed, Breaking, "fn resources::item::ListItems::name"),
                (K::Removed, Breaking, "impl resources::item::ListItems: Default"),
            ],
        ),
        (
            "a bound is loosened",
            &[(PAGE_SIZE, "maximum: 5000")],
            &[(K::Loosened, Compatible, "param resources::item::ListItems.page_size")],
        ),
        (
            "a bound is tightened",
            &[(PAGE_SIZE, "maximum: 100")],
            &[(K::Tightened, Breaking, "param resources::item::ListItems.page_size")],
        ),
        (
            "a bound moves, accepting some values less",
            &[("minimum: 1, maximum: 1000", "minimum: 2, maximum: 2000")],
            &[(K::Tightened, Breaking, "param resources::item::ListItems.page_size")],
        ),
        (
            "a bound that changes the integer type",
            &[("minimum: 1, maximum: 1000", "maximum: 1000")],
            &[
                (K::TypeChanged, Breaking, "param resources::item::ListItems.page_size"),
                (K::Loosened, Compatible, "param resources::item::ListItems.page_size"),
                (K::SignatureChanged, Breaking, "fn resources::item::ListItems::page_size"),
            ],
        ),
        (
            "a parameter's docs only",
            &[("doc: Filter by name.", "doc: Only items of this name.")],
            &[
                (K::DocsChanged, Patch, "param resources::item::ListItems.name"),
                // The setter's docs are the parameter's.
                (K::DocsChanged, Patch, "fn resources::item::ListItems::name"),
            ],
        ),
        (
            "a new optional parameter",
            &[(
                "Colour: { in: form",
                "Size: { in: form, type: integer, doc: A size. }\n          Colour: { in: form",
            )],
            &[(K::OptionalParamAdded, Compatible, "param resources::item::CreateItem.size")],
        ),
        (
            "a new required parameter",
            &[(
                "Colour: { in: form",
                "Size: { in: form, type: integer, required: true, doc: A size. }\n          Colour: { in: form",
            )],
            &[(K::RequiredParamAdded, Breaking, "param resources::item::CreateItem.size")],
        ),
        (
            "a path parameter is renamed: callers pass it by position",
            &[
                ("path: /v1/Items/{Sid}", "path: /v1/Items/{ItemSid}"),
                (
                    "Sid: { in: path, type: ItemSid, doc: The item. }",
                    "ItemSid: { in: path, type: ItemSid, doc: The item. }",
                ),
            ],
            &[
                (K::Respelled, Patch, "async fn resources::item::Items::fetch"),
                (K::Respelled, Patch, "route resources::item::Items::fetch"),
            ],
        ),
        (
            "a path parameter's type changes",
            &[(
                "Sid: { in: path, type: ItemSid, doc: The item. }",
                "Sid: { in: path, type: string, doc: The item. }",
            )],
            &[(K::SignatureChanged, Breaking, "async fn resources::item::Items::fetch")],
        ),
    ]);
}

/// Named types: enums, patterns, SIDs and lengths.
#[test]
fn each_change_gets_its_verdict_types_and_their_rules() {
    check(&[
        (
            "an enum gains a variant (enums are non_exhaustive)",
            &[("values: [red, green]", "values: [red, green, blue]")],
            &[(K::VariantAdded, Compatible, "variant types::Colour::Blue")],
        ),
        (
            "a pattern changes",
            &[("^[a-z]+$", "^[a-z0-9]+$")],
            &[(K::PatternChanged, Breaking, "type types::Slug")],
        ),
        (
            "a SID's pattern becomes a general one: another macro, its impls spelled out",
            &[("^IT[0-9a-fA-F]{32}$", "^IT[0-9a-f]{32}$")],
            &[
                (K::PatternChanged, Breaking, "type types::ItemSid"),
                // The SID macro implements what the general type spells out.
                (K::Removed, Breaking, "impl types::ItemSid: sid_newtype!"),
                (
                    K::ImplAdded,
                    Compatible,
                    "impl types::ItemSid: string_newtype!",
                ),
                (K::MethodAdded, Compatible, "const types::ItemSid::NAME"),
                (K::MethodAdded, Compatible, "fn types::ItemSid::is_valid"),
                (K::MethodAdded, Compatible, "fn types::ItemSid::validate"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: Clone"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: Debug"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: Eq"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: Hash"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: Ord"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: PartialEq"),
                (K::ImplAdded, Compatible, "impl types::ItemSid: PartialOrd"),
                // The general pattern states no length.
                (K::Loosened, Compatible, "type types::ItemSid"),
            ],
        ),
        (
            "a pattern becomes a SID's: the SID macro implements what was spelled out",
            &[
                ("^[a-z]+$", "^SL[0-9a-fA-F]{32}$"),
                ("    max_length: 40\n", ""),
            ],
            &[
                (K::PatternChanged, Breaking, "type types::Slug"),
                (K::Tightened, Breaking, "type types::Slug"),
                (K::Removed, Breaking, "impl types::Slug: string_newtype!"),
                (K::ImplAdded, Compatible, "impl types::Slug: sid_newtype!"),
                (K::Removed, Breaking, "const types::Slug::NAME"),
                (K::Removed, Breaking, "fn types::Slug::is_valid"),
                (K::Removed, Breaking, "fn types::Slug::validate"),
                (K::Removed, Breaking, "impl types::Slug: Clone"),
                (K::Removed, Breaking, "impl types::Slug: Debug"),
                (K::Removed, Breaking, "impl types::Slug: Eq"),
                (K::Removed, Breaking, "impl types::Slug: Hash"),
                (K::Removed, Breaking, "impl types::Slug: Ord"),
                (K::Removed, Breaking, "impl types::Slug: PartialEq"),
                (K::Removed, Breaking, "impl types::Slug: PartialOrd"),
            ],
        ),
        (
            "a length limit is loosened",
            &[("max_length: 40", "max_length: 80")],
            &[(K::Loosened, Compatible, "type types::Slug")],
        ),
        (
            "a length limit is added",
            &[(
                "    pattern: ^[a-z]+$\n",
                "    pattern: ^[a-z]+$\n    min_length: 3\n",
            )],
            &[(K::Tightened, Breaking, "type types::Slug")],
        ),
        (
            "a new type",
            &[(
                "  Colour:\n",
                "  Size:\n    doc: A size.\n    values: [s, m]\n  Colour:\n",
            )],
            &[(K::TypeAdded, Compatible, "enum types::Size")],
        ),
    ]);
}

/// Records: their properties, wire names, types, defaults and nullability.
#[test]
fn each_change_gets_its_verdict_records_and_their_properties() {
    check(&[
        (
            "a property's wire name changes, its Rust name doesn't",
            &[("      name: {", "      Name: {")],
            &[(K::WireRenamed, Breaking, "field resources::item::Item.name")],
        ),
        (
            "a removed property",
            &[(
                "      colour: { type: Colour, nullable: true, doc: Its colour. }\n",
                "",
            )],
            &[(K::Removed, Breaking, "field resources::item::Item.colour")],
        ),
        (
            "a new property of a record (records are non_exhaustive)",
            &[(
                "      count:",
                "      size: { type: integer, nullable: true, doc: A size. }\n      count:",
            )],
            &[(
                K::FieldAdded,
                Compatible,
                "field resources::item::Item.size",
            )],
        ),
        (
            "a property's type changes",
            &[("count: { type: integer", "count: { type: number")],
            &[(
                K::TypeChanged,
                Breaking,
                "field resources::item::Item.count",
            )],
        ),
        (
            "a property's default changes",
            &[("default: 0", "default: 5")],
            &[(
                K::DefaultChanged,
                Compatible,
                "field resources::item::Item.count",
            )],
        ),
        (
            "a property's nullability changes",
            &[(
                "name: { type: string, nullable: true",
                "name: { type: string",
            )],
            &[(
                K::NullabilityChanged,
                Compatible,
                "field resources::item::Item.name",
            )],
        ),
    ]);
}

/// Operations, docs and the crate: paths, statuses, the base URL and auth.
#[test]
fn each_change_gets_its_verdict_operations_docs_and_the_crate() {
    check(&[
        (
            "docs only",
            &[("doc: An item.", "doc: An item, as the API sends it.")],
            &[(K::DocsChanged, Patch, "struct resources::item::Item")],
        ),
        (
            "a new operation",
            &[(
                "maximum: 1000, doc: Page size. }\n",
                &format!("maximum: 1000, doc: Page size. }}\n{DELETE}"),
            )],
            &[(
                K::OperationAdded,
                Compatible,
                "async fn resources::item::Items::delete",
            )],
        ),
        (
            "a path moves",
            &[("path: /v1/Items/{Sid}", "path: /v2/Items/{Sid}")],
            &[(
                K::RouteChanged,
                Breaking,
                "route resources::item::Items::fetch",
            )],
        ),
        (
            "a success status changes",
            &[("status: 201", "status: 200")],
            &[(
                K::StatusChanged,
                Compatible,
                "route resources::item::Items::create",
            )],
        ),
        (
            "the base URL changes",
            &[("https://api.example.com", "https://api2.example.com")],
            &[(K::BaseUrlChanged, Breaking, "const DEFAULT_BASE_URL")],
        ),
        (
            "Basic auth gives way to OAuth2",
            &[(
                "auth: basic",
                "auth: { oauth2: { token_url: https://api.example.com/v1/token } }",
            )],
            &[
                (K::AuthChanged, Breaking, "crate mini"),
                // The client is made from OAuth2 credentials alone now.
                (K::Removed, Breaking, "fn Client::new"),
                (K::Removed, Breaking, "fn Client::account_sid"),
            ],
        ),
        (
            "OAuth2 is taken beside Basic",
            &[(
                "auth: basic",
                "auth: { basic: true, oauth2: { token_url: https://api.example.com/v1/token } }",
            )],
            &[(K::AuthChanged, Compatible, "crate mini")],
        ),
    ]);
}

/// Each row's edits reported as exactly its changes (docs changes only where the row
/// lists some), every failing row named.
fn check(rows: &[Row]) {
    let mut failures = Vec::new();
    for (label, edits, expected) in rows {
        let got = report(BASE, &edited(edits));
        // Generated docs say what the rules are (a setter's docs its bounds), so
        // most edits change some docs too; a row lists them when they are its point.
        let docs_row = expected.iter().any(|(k, ..)| *k == K::DocsChanged);
        let got: Vec<(ChangeKind, Verdict, &str)> = got
            .changes
            .iter()
            .filter(|c| docs_row || c.kind != K::DocsChanged)
            .map(|c| (c.kind, c.verdict, c.item.as_str()))
            .collect();
        let mut want = expected.to_vec();
        let mut sorted = got.clone();
        want.sort_by_key(|(k, v, i)| (format!("{k:?}"), *v, *i));
        sorted.sort_by_key(|(k, v, i)| (format!("{k:?}"), *v, *i));
        if sorted != want {
            failures.push(format!("{label}:\n  want {want:?}\n  got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn required_parameters_that_swap_places_change_new() {
    let name = "Name: { in: form, type: string, required: true, doc: The name. }";
    let colour = "Colour: { in: form, type: Colour, required: true, doc: The colour. }";
    let old = edited(&[(
        "Colour: { in: form, type: Colour, doc: The colour. }",
        colour,
    )]);
    let new = old
        .replacen(name, "SWAP", 1)
        .replacen(colour, name, 1)
        .replacen("SWAP", colour, 1);
    let changes: Vec<(ChangeKind, Verdict, String)> = report(&old, &new)
        .changes
        .into_iter()
        .filter(|c| c.kind != K::DocsChanged)
        .map(|c| (c.kind, c.verdict, c.item))
        .collect();
    assert_eq!(
        changes,
        [(
            K::SignatureChanged,
            Breaking,
            "fn resources::item::CreateItem::new".to_string()
        )]
    );
}

#[test]
fn a_new_resource_is_reported_once_per_top_level_item() {
    let new = edited(&[(
        "resources:\n",
        "resources:\n  Tag:\n    doc: A tag.\n    properties:\n      name: { type: string, nullable: true, doc: Its name. }\n    operations:\n      list:\n        method: GET\n        path: /v1/Tags\n        status: 200\n        envelope: tags\n",
    )]);
    let report = report(BASE, &new);
    let items: Vec<&str> = report.changes.iter().map(|c| c.item.as_str()).collect();
    assert_eq!(
        items,
        [
            "async fn resources::tag::Tags::list",
            "fn Client::tags",
            "struct resources::tag::Tag",
            "struct resources::tag::TagPage",
            "struct resources::tag::Tags",
        ]
    );
    assert!(report.changes.iter().all(|c| c.verdict == Compatible));
}

#[test]
fn an_unchanged_spec_has_no_changes_and_needs_no_bump() {
    let report = report(BASE, BASE);
    assert!(report.changes.is_empty());
    assert_eq!(report.verdict(), None);
    assert_eq!(report.required_version(), None);
    assert!(report.version_allows());
}

#[test]
fn reports_read_as_text_and_as_a_markdown_table() {
    let new = edited(&[
        ("maximum: 1000", "maximum: 100"),
        ("doc: An item.", "doc: One item."),
        ("^[a-z]+$", "^[a-z]+|[0-9]+$"),
    ]);
    let report = report(BASE, &new);
    let text = report.text();
    assert!(
        text.starts_with("4 API changes (2 breaking, 2 patch) to mini\n"),
        "{text}"
    );
    assert!(
        text.contains("  breaking    tightened               param resources::item::ListItems.page_size: Option<u32> (PageSize, query, 1..=100)\n"),
        "{text}"
    );
    assert!(
        text.contains("was: param resources::item::ListItems.page_size: Option<u32> (PageSize, query, 1..=1000)\n"),
        "{text}"
    );
    assert!(
        text.ends_with("set `version: 0.2.0` in the spec's `api:` section\n"),
        "{text}"
    );

    let md = report.markdown();
    assert!(
        md.contains("| Verdict | Change | Item | Before | After |\n"),
        "{md}"
    );
    assert!(
        md.contains("| **breaking** | pattern changed | `type types::Slug` | `string ^[a-z]+$ (length ..=40)` | `string ^[a-z]+\\|[0-9]+$ (length ..=40)` |\n"),
        "{md}"
    );
    assert!(
        md.contains("| patch | docs changed | `struct resources::item::Item` |  |  |\n"),
        "{md}"
    );
    assert!(md.ends_with("in the spec's `api:` section.\n"), "{md}");
}
