//! Property tests: random valid specs, built from the format's own grammar, always
//! generate Rust that parses (and, for a fixed sample, compiles); random and mutated
//! YAML never makes the generator panic or hang.

use codegen::SourceFile;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
use serde_json::{json, Map, Value};
use std::path::Path;
use tests::workspace_root;

/// Names that fight back; distinct after conversion to snake and camel case.
const FIELD_NAMES: &[&str] = &[
    "sid",
    "type",
    "ref",
    "self",
    "crate",
    "gen",
    "async",
    "2fa",
    "x-dash",
    "dot.ted",
    "naïve",
    "Result",
    "Option",
    "Box",
    "String",
    "Vec",
    "count",
    "date_created",
    "url",
    "where",
    "match",
    "meta",
];
const RESOURCE_NAMES: &[&str] = &[
    "Invite", "Self", "type", "Result", "Option", "Box", "Café", "2fa", "Vec", "Widget",
];
/// Characters that break or hide generated text: controls, zero-width characters,
/// text-direction marks and overrides (rustc denies those in comments), separators.
const HAZARDS: &[char] = &[
    '\u{0}', '\u{7}', '\u{1b}', '\u{7f}', '\u{85}', '\u{9f}', '\u{61c}', '\u{200b}', '\u{200c}',
    '\u{200d}', '\u{200e}', '\u{200f}', '\u{2028}', '\u{2029}', '\u{202a}', '\u{202b}', '\u{202c}',
    '\u{202d}', '\u{202e}', '\u{2060}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{feff}',
    '\u{fffd}', '`', '"', '\\', '#', '[', '*', '/',
];

/// Text drawn from all of Unicode, with the hazards above over-represented.
fn unicode_text(max: usize) -> impl Strategy<Value = String> {
    let c = prop_oneof![3 => any::<char>(), 2 => prop::sample::select(HAZARDS)];
    prop::collection::vec(c, 0..max).prop_map(String::from_iter)
}

/// A name around `core`: Unicode that is not an ASCII letter or digit before and
/// after it, so the Rust name stays `core`'s and names stay distinct.
fn unicode_name(core: &'static str) -> impl Strategy<Value = String> {
    let junk = prop::collection::vec(
        prop_oneof![any::<char>(), prop::sample::select(HAZARDS)]
            .prop_filter("not an ASCII letter or digit", |c| {
                !c.is_ascii_alphanumeric() && *c != '\''
            }),
        0..3,
    )
    .prop_map(String::from_iter);
    (junk.clone(), junk).prop_map(move |(a, b)| format!("{a}{core}{b}"))
}

const SCALARS: &[&str] = &[
    "string",
    "integer",
    "number",
    "boolean",
    "date-time",
    "uri",
    "object",
];

/// A random spec as JSON (which is YAML), valid by construction.
fn spec() -> impl Strategy<Value = Value> {
    let types = prop::collection::vec(named_type(), 1..4).prop_map(|types| {
        let mut map = Map::new();
        for (i, (doc, body)) in types.into_iter().enumerate() {
            let mut body = body;
            body["doc"] = json!(doc);
            map.insert(format!("Kind{i}"), body);
        }
        map
    });
    (types, prop::sample::subsequence(RESOURCE_NAMES, 1..4))
        .prop_flat_map(|(types, names)| {
            let type_names: Vec<String> = types.keys().cloned().collect();
            let resources: Vec<_> = names.iter().map(|n| resource(n.to_string(), type_names.clone())).collect();
            (Just(types), resources)
        })
        .prop_map(|(types, resources)| {
            let mut res = Map::new();
            for (name, body) in resources {
                res.insert(name, body);
            }
            json!({
                "api": { "crate": "fixture-random", "version": "0.1.0", "title": "Random", "base_url": "https://random.example.com", "auth": "basic" },
                "types": types,
                "resources": res,
            })
        })
}

fn named_type() -> impl Strategy<Value = (String, Value)> {
    let doc = unicode_text(40);
    let body = prop_oneof![
        ("[A-Z]{2}", 1usize..40)
            .prop_map(|(p, n)| json!({ "pattern": format!("^{p}[0-9a-fA-F]{{{n}}}$") })),
        Just(json!({ "pattern": "^[a-z]+(-[a-z]+)*$", "max_length": 64 })),
        (0u64..5, 5u64..50).prop_map(|(min, max)| json!({ "min_length": min, "max_length": max })),
        prop::sample::subsequence(
            vec!["on", "off", "in-progress", "Self", "2fa", "type", "ünï"],
            1..6
        )
        .prop_map(|values| json!({ "values": values })),
    ];
    (doc, body)
}

/// A `type:` with its qualifiers, using the named types in `named`.
fn type_expr(named: Vec<String>) -> impl Strategy<Value = Value> {
    let scalar = prop::sample::select(SCALARS).prop_map(|t| json!({ "type": t }));
    let bounded = (-50i64..50, 0i64..100).prop_map(
        |(min, span)| json!({ "type": "integer", "minimum": min, "maximum": min + span }),
    );
    let date = prop::sample::select(vec!["iso8601", "rfc2822"])
        .prop_map(|f| json!({ "type": "date-time", "format": f }));
    let named_ref = prop::sample::select(named.clone()).prop_map(|n| json!({ "type": n }));
    let items = prop_oneof![
        Just("string".to_string()),
        Just("integer".to_string()),
        prop::sample::select(named)
    ];
    let array = items.prop_map(|i| json!({ "type": "array", "items": i }));
    let inline_enum = prop::sample::subsequence(vec!["a", "b-c", "Self", "9lives"], 1..4)
        .prop_flat_map(|v| v.into_iter().map(unicode_name).collect::<Vec<_>>())
        .prop_map(|v| json!({ "type": "enum", "values": v }));
    prop_oneof![scalar, bounded, date, named_ref, array, inline_enum]
}

fn resource(name: String, named: Vec<String>) -> impl Strategy<Value = (String, Value)> {
    let props = prop::sample::subsequence(FIELD_NAMES, 1..8).prop_flat_map(move |fields| {
        let fields: Vec<_> = fields.into_iter().map(unicode_name).collect();
        let exprs: Vec<_> = fields
            .iter()
            .map(|_| (type_expr(named.clone()), any::<bool>(), unicode_text(30)))
            .collect();
        (fields, exprs)
    });
    let ops = prop::sample::subsequence(vec!["create", "fetch", "list", "update", "delete"], 0..=5);
    (props, ops, unicode_text(30)).prop_map(move |((fields, exprs), ops, doc)| {
        let mut properties = Map::new();
        for (field, (mut expr, nullable, field_doc)) in fields.iter().zip(exprs) {
            expr["nullable"] = json!(nullable);
            expr["doc"] = json!(format!("The {field} field: {field_doc}"));
            properties.insert(field.to_string(), expr);
        }
        let collection = format!("/v1/Parents/{{ParentSid}}/{}", name.replace(|c: char| !c.is_ascii_alphanumeric(), "x"));
        let parent = json!({ "in": "path", "type": "string", "doc": "The parent." });
        let mut operations = Map::new();
        for op in ops {
            let (method, path, status) = match op {
                "create" => ("POST", collection.clone(), 201),
                "list" => ("GET", collection.clone(), 200),
                "update" => ("POST", format!("{collection}/{{Sid}}"), 200),
                "delete" => ("DELETE", format!("{collection}/{{Sid}}"), 204),
                _ => ("GET", format!("{collection}/{{Sid}}"), 200),
            };
            let mut params = Map::new();
            params.insert("ParentSid".into(), parent.clone());
            if path.ends_with("{Sid}") {
                params.insert("Sid".into(), json!({ "in": "path", "type": "string", "doc": "The record." }));
            }
            let mut body = json!({ "method": method, "path": path, "status": status });
            match op {
                "list" => {
                    body["envelope"] = json!("records");
                    params.insert("PageSize".into(), json!({ "in": "query", "type": "integer", "minimum": 1, "maximum": 1000, "doc": "Page size." }));
                    params.insert("Tag".into(), json!({ "in": "query", "type": "array", "items": "string", "doc": "Tags." }));
                }
                "create" | "update" => {
                    params.insert("Name".into(), json!({ "in": "form", "type": "string", "required": op == "create", "doc": "A name." }));
                    params.insert("When".into(), json!({ "in": "form", "type": "date-time", "doc": "A time." }));
                }
                _ => {}
            }
            body["params"] = Value::Object(params);
            operations.insert(op.to_string(), body);
        }
        (name.clone(), json!({ "doc": doc, "properties": properties, "operations": operations }))
    })
}

fn generate(spec: &Value, layout: &codegen::Layout) -> codegen::Files {
    let text = yaml_escapes(&serde_json::to_string_pretty(spec).expect("JSON"));
    let source = SourceFile {
        name: "random/spec.yaml".into(),
        text: text.clone(),
    };
    codegen::generate(&[source], layout)
        .unwrap_or_else(|d| panic!("a valid spec was refused:\n{d}\n{text}"))
}

/// JSON is YAML, but for characters YAML doesn't allow raw (or reads as line breaks):
/// those are written as `\u` escapes, which mean the same in a YAML double-quoted
/// string. Outside strings, JSON text has none of them.
fn yaml_escapes(json: &str) -> String {
    json.chars()
        .map(|c| {
            let raw = (!c.is_control() || c == '\n')
                && !matches!(
                    c,
                    '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                );
            if raw {
                c.to_string()
            } else {
                format!("\\u{:04x}", c as u32)
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_valid_specs_generate_rust_that_parses(spec in spec()) {
        for (path, contents) in generate(&spec, &tests::layout_in_memory()) {
            if path.ends_with(".rs") {
                if let Err(e) = syn::parse_file(&contents) {
                    panic!("{path} does not parse: {e}\n{contents}");
                }
            }
        }
    }

    #[test]
    fn mutated_yaml_never_panics(flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8), cut in any::<prop::sample::Index>()) {
        let mut bytes = std::fs::read(workspace_root().join("spec/twilio-chat-v1/chat_v1.yaml")).expect("spec");
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = codegen::check(&[SourceFile { name: "mutated.yaml".into(), text }]);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = codegen::check(&[SourceFile { name: "random.yaml".into(), text }]);
    }
}

#[test]
fn deep_nesting_huge_scalars_and_alias_bombs_end_in_errors() {
    let cases = [
        format!("api: {}{}", "[".repeat(100_000), "]".repeat(100_000)),
        format!("api: {}", "{a: ".repeat(50_000)),
        format!("api:\n  title: \"{}\"\n", "x".repeat(3 * 1024 * 1024)),
        format!("{}a: 1\n", " ".repeat(1_000_000)),
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n".to_string()
            + &(b'b'..=b'z')
                .map(|c| {
                    let prev = (c - 1) as char;
                    let c = c as char;
                    format!("{c}: &{c} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n")
                })
                .collect::<String>(),
    ];
    for text in cases {
        let started = std::time::Instant::now();
        let result = codegen::check(&[SourceFile {
            name: "hostile.yaml".into(),
            text,
        }]);
        assert!(result.is_err());
        // Not a speed test: a guard against a hang turning into a stuck CI job.
        assert!(started.elapsed().as_secs() < 60);
    }
}

/// Generates a fixed sample of random specs and compiles them with warnings denied,
/// in a workspace of their own under `target/`, with this workspace's lock file.
/// Spawns cargo: heavy, so it runs where `CODEGEN_HEAVY_TESTS` is set (CI).
#[test]
#[cfg_attr(
    not(heavy_tests),
    ignore = "spawns cargo: set CODEGEN_HEAVY_TESTS=1 (CI does)"
)]
fn a_sample_of_random_specs_compiles() {
    let root = workspace_root();
    let dir = root.join("target/random-specs");
    let _ = std::fs::remove_dir_all(dir.join("crates"));
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(RngAlgorithm::ChaCha),
    );
    let mut members = Vec::new();
    for i in 0..3 {
        let spec = spec().new_tree(&mut runner).expect("a spec").current();
        let name = format!("random-{i}");
        let mut spec = spec;
        spec["api"]["crate"] = json!(name);
        let crate_dir = dir.join("crates").join(&name);
        // Members of the workspace written below, which has no `[workspace.dependencies]`.
        let layout = codegen::Layout {
            runtime: codegen::RuntimeDep::Path(codegen::relative_path(
                &crate_dir,
                &root.join(codegen::RUNTIME_DIR),
            )),
            own_workspace: false,
        };
        for (path, contents) in generate(&spec, &layout) {
            write(&crate_dir.join(path), &contents);
        }
        members.push(format!("\"crates/{name}\""));
    }
    write(
        &dir.join("Cargo.toml"),
        &format!(
            "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
            members.join(", ")
        ),
    );
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("lock file");
    let status = std::process::Command::new(env!("CARGO"))
        .args([
            "check",
            "--offline",
            "--quiet",
            "--workspace",
            "--all-targets",
        ])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", dir.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .status()
        .expect("running cargo");
    assert!(
        status.success(),
        "random specs under {} did not compile",
        dir.display()
    );
}

fn write(path: &Path, contents: &str) {
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(path, contents).expect("write");
}
