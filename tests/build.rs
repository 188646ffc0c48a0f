//! Writes the wire tables of the imported APIs: one row per operation of the OpenAPI
//! file a spec folder follows, each the call through the generated client that sends
//! the operation's example request (`tests/tests/generated/wire/`). The table is
//! derived, not written: which operations, which parameters to set and their wire
//! names come from the OpenAPI file; the Rust names of handles, methods, setters and
//! types from the spec's model, as the generator names them. What the server must
//! receive and what must decode, the harness reads from the OpenAPI at run time.

use codegen::model::{Api, NamedKind, OpKind, Operation, Param, ParamIn, Resource, Type};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::PathBuf;

/// The spec folders whose wire modules are written by hand, with the tests only they
/// have (paging, secrets) and the example keys they skip; every other imported API's
/// module is derived too (`wire_apis.rs`).
const HAND_WRITTEN: &[&str] = &[
    "twilio-api-v2010",
    "twilio-chat-v2",
    "twilio-conversations-v1",
];

/// Imported APIs whose derived module the harness can't run yet, each with the reason;
/// their crates are built, linted, documented and witnessed like the others, but not
/// yet sent every operation. Where Twilio's examples are wrong, `wire/fixes.rs` says
/// so for the others; these need more than that.
const NOT_YET: &[(&str, &str)] = &[];

/// Chat v1's spec is written by hand, and so is its table.
const OWN_TABLE: &str = "twilio-chat-v1";

fn main() {
    // Tests that spawn cargo are marked ignored unless `CODEGEN_HEAVY_TESTS` is set
    // (as `.ci/run` sets it), so a run without it counts them as ignored, not passed.
    println!("cargo::rerun-if-env-changed=CODEGEN_HEAVY_TESTS");
    println!("cargo::rustc-check-cfg=cfg(heavy_tests)");
    if std::env::var_os("CODEGEN_HEAVY_TESTS").is_some_and(|v| !v.is_empty()) {
        println!("cargo::rustc-cfg=heavy_tests");
    }
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"))
        .parent()
        .expect("tests/ sits in the workspace root")
        .to_path_buf();
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it"));
    let spec_root = root.join("spec");
    println!("cargo::rerun-if-changed={}", spec_root.display());
    let mut crates: Vec<String> = std::fs::read_dir(&spec_root)
        .expect("spec/")
        .map(|e| {
            e.expect("an entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name != OWN_TABLE)
        .collect();
    crates.sort();
    // A list that names a crate no spec folder has is out of date.
    let listed = HAND_WRITTEN.iter().chain(NOT_YET.iter().map(|(k, _)| k));
    for krate in listed {
        assert!(
            crates.iter().any(|c| c == krate),
            "{krate} has no spec folder"
        );
    }
    // Answers of Twilio's library tests, for the APIs those tests cover.
    let answers = root.join("tests/fixtures/twilio-library-answers");
    println!("cargo::rerun-if-changed={}", answers.display());
    let mut modules =
        String::from("// The wire module of every imported API without a hand-written one.\n");
    for krate in &crates {
        let krate = krate.as_str();
        let spec_dir = spec_root.join(krate);
        println!("cargo::rerun-if-changed={}", spec_dir.display());
        let sources = codegen::read_spec_dir(&spec_dir, krate).expect("reading the spec");
        let api = codegen::check(&sources).unwrap_or_else(|d| panic!("{krate}:\n{d}"));
        // A TwiML crate sends nothing: it has no wire to check.
        if api.twiml.is_some() {
            continue;
        }
        let link = api
            .openapi
            .as_ref()
            .expect("an imported spec names its source");
        let openapi = spec_dir.join(&link.source);
        println!("cargo::rerun-if-changed={}", openapi.display());
        let text = std::fs::read_to_string(&openapi).expect("reading the OpenAPI file");
        let file = codegen::SourceFile {
            name: openapi.display().to_string(),
            text,
        };
        let doc = codegen::import::read_openapi(&file).unwrap_or_else(|d| panic!("{d}"));
        let rows = table(&api, &doc);
        let file = out.join(format!("rows_{}.rs", krate.replace('-', "_")));
        std::fs::write(&file, rows).expect("writing the table");
        if !HAND_WRITTEN.contains(&krate) && !NOT_YET.iter().any(|(k, _)| *k == krate) {
            let answers = answers.join(format!("{}.jsonl", krate.replace('-', "_")));
            modules.push_str(&module(krate, &link.source, answers.is_file()));
        }
    }
    std::fs::write(out.join("wire_apis.rs"), modules).expect("writing the modules");
}

/// The module that sends every operation of `krate` with its OpenAPI examples, and
/// serves each the answers of Twilio's library tests when `answers` (the fixture has
/// them for this API).
fn module(krate: &str, source: &str, answers: bool) -> String {
    let lib = krate.replace('-', "_");
    let name = lib.trim_start_matches("twilio_");
    let file = source.rsplit('/').next().unwrap_or(source);
    let library = if answers {
        "
    #[tokio::test]
    async fn every_answer_of_twilios_library_tests() {
        check_library_answers(&doc(), table()).await;
    }
"
    } else {
        ""
    };
    format!(
        r#"
/// `{lib}`: every operation against its OpenAPI examples.
mod {name} {{
    use super::*;
    #[allow(unused_imports)]
    use {lib}::*;

    include!(concat!(env!("OUT_DIR"), "/rows_{lib}.rs"));

    fn doc() -> Doc {{
        Doc {{
            file: "twilio-oai/{file}",
            skipped: super::fixes::skipped("{krate}"),
            corrected: super::fixes::corrected("{krate}"),
        }}
    }}

    #[tokio::test]
    async fn every_operation_against_its_examples() {{
        check_table(&doc(), table()).await;
    }}
{library}}}
"#
    )
}

/// `fn table() -> Vec<Row<Client>>`, one row per operation in file order.
fn table(api: &Api, doc: &Value) -> String {
    let mut out = imports(api);
    out.push_str("/// Every operation of the API, derived from its OpenAPI file by `tests/build.rs`.\nfn table() -> Vec<Row<Client>> {\n    vec![\n");
    for (template, item) in doc["paths"].as_object().expect("paths") {
        for (verb, node) in item.as_object().expect("a path item") {
            let Some(id) = node["operationId"].as_str() else {
                continue;
            };
            let method = verb.to_uppercase();
            let (r, op) = find(api, &method, template)
                .unwrap_or_else(|| panic!("{id}: no operation {method} {template} in the spec"));
            let example = example_keys(doc, node);
            let _ = writeln!(out, "        {},", row(api, id, r, op, &example));
        }
    }
    out.push_str("    ]\n}\n");
    out
}

/// The rows name every resource's items and every named type by name: each module's
/// items, as the crate root held them before it kept only the client's.
fn imports(api: &Api) -> String {
    let lib = &api.lib_name;
    let mut out = String::new();
    if !api.types.is_empty() {
        let _ = writeln!(out, "#[allow(unused_imports)]\nuse {lib}::types::*;");
    }
    let modules: Vec<String> = api
        .resources
        .iter()
        .map(|r| format!("{}::*", r.module))
        .collect();
    let _ = writeln!(
        out,
        "#[allow(unused_imports)]\nuse {lib}::resources::{{{}}};",
        modules.join(", ")
    );
    out
}

fn find<'a>(api: &'a Api, method: &str, template: &str) -> Option<(&'a Resource, &'a Operation)> {
    api.resources.iter().find_map(|r| {
        r.operations
            .iter()
            .find(|op| {
                op.method.as_str() == method && codegen::model::path_template(&op.path) == template
            })
            .map(|op| (r, op))
    })
}

/// The row: the call that sends the example request's keys (a list sets `PageSize`),
/// with a header parameter set to its first value.
fn row(api: &Api, id: &str, r: &Resource, op: &Operation, example: &[String]) -> String {
    // The client's account, where the API has one, is given by `with_account`.
    let client = match r.scope_params.first().filter(|_| r.from_client) {
        Some(account) => format!("c.client.with_account({})", path_arg(account)),
        None => "c.client".to_string(),
    };
    let scope: Vec<String> = r.maker_params().iter().map(path_arg).collect();
    let mut args: Vec<String> = op.own_path_params.iter().map(path_arg).collect();
    let mut query = Vec::new();
    let mut headers = Vec::new();
    if let Some(params_type) = &op.params_type {
        let required: Vec<String> = op
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| value_expr(api, p))
            .collect();
        let mut call = format!("{params_type}::new({})", required.join(", "));
        for p in op.params.iter().filter(|p| !p.required) {
            let set = match p.location {
                ParamIn::Header => {
                    let value = first_value(api, r, p);
                    headers.push(format!("({:?}, {value:?})", p.wire));
                    Some(header_value(p, &value))
                }
                _ if op.kind == OpKind::List => (p.wire == "PageSize").then(|| {
                    // A page size within the parameter's bounds.
                    let max = match p.ty {
                        Type::Integer { max: Some(max), .. } => max.min(7),
                        _ => 7,
                    };
                    query.push(format!("(\"PageSize\", \"{max}\")"));
                    value_expr(api, p)
                }),
                // The JSON body whole: the example is its value.
                ParamIn::Body => (!example.is_empty()).then(|| "c.whole()".to_string()),
                _ => example.contains(&p.wire).then(|| value_expr(api, p)),
            };
            if let Some(value) = set {
                let _ = write!(call, ".{}({value})", p.name);
            }
        }
        args.push(call);
    }
    // Headers only: the method that takes them.
    let method = op.with_fn_name().unwrap_or_else(|| op.fn_name.clone());
    format!(
        "row!({id:?}, [{}], [{}], |c| {client}.{}({}).{method}({}))",
        query.join(", "),
        headers.join(", "),
        r.plural_snake,
        scope.join(", "),
        args.join(", ")
    )
}

/// The keys of the operation's first example request, which may be a `$ref` to the
/// file's `components.examples`.
fn example_keys(doc: &Value, node: &Value) -> Vec<String> {
    let content = &node["requestBody"]["content"];
    let form = &content["application/x-www-form-urlencoded"]["examples"];
    let examples = if form.is_null() {
        &content["application/json"]["examples"]
    } else {
        form
    };
    let resolve = |e: &'_ Value| -> Value {
        match e["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/examples/"))
        {
            Some(name) => doc["components"]["examples"][name].clone(),
            None => e.clone(),
        }
    };
    examples
        .as_object()
        .and_then(|m| m.values().next())
        .map(resolve)
        .and_then(|e| e["value"].as_object().cloned())
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default()
}

/// A path parameter from the harness's samples.
fn path_arg(p: &Param) -> String {
    match &p.ty {
        Type::String | Type::Uri => format!("c.name({:?})", p.wire),
        Type::Date => format!("c.day({:?})", p.wire),
        Type::Named(_) | Type::Enum(_) => format!("&c.sid({:?})", p.wire),
        // A number: the sample parsed.
        _ => format!("c.path({:?})", p.wire),
    }
}

/// The value of parameter `p` from the harness's values, as its setter takes it.
/// Enums take the example's text as written (`from_wire`), even where it is no value
/// of theirs, so the wire carries what the example says.
fn value_expr(api: &Api, p: &Param) -> String {
    if p.location == ParamIn::Body {
        return "c.whole()".into();
    }
    let key = format!("{:?}", p.wire);
    let is_enum = |name: &str| {
        api.types
            .iter()
            .any(|t| t.name == name && matches!(t.kind, NamedKind::Enum(_)))
    };
    let value = match &p.ty {
        Type::String | Type::Uri => format!("c.text({key})"),
        // A date filter takes the moment as well as a day.
        Type::DateTime(_) | Type::DateFilter(_) => format!("c.date({key})"),
        Type::Json => format!("c.json({key})"),
        // An object type, from the example's JSON as the client would read it.
        Type::Object(name) => {
            format!("serde_json::from_value::<{name}>(c.json({key})).expect(\"the example\")")
        }
        Type::Enum(name) => format!("{name}::from_wire(c.text({key}))"),
        Type::Named(name) if is_enum(name) => format!("{name}::from_wire(c.text({key}))"),
        Type::Named(name) => format!("c.get::<{name}>({key})"),
        Type::Integer { .. } | Type::Number { .. } | Type::Decimal | Type::Boolean => {
            format!("c.get::<{}>({key})", scalar_type(&p.ty))
        }
        Type::Array(item) => match item.as_ref() {
            Type::Object(name) => format!(
                "serde_json::from_value::<Vec<{name}>>(c.json({key})).expect(\"the example\")"
            ),
            Type::String | Type::Uri => format!("c.texts({key})"),
            Type::Enum(name) => format!("c.texts({key}).into_iter().map({name}::from_wire)"),
            Type::Named(name) if is_enum(name) => {
                format!("c.texts({key}).into_iter().map({name}::from_wire)")
            }
            other => format!(
                "c.texts({key}).into_iter().map(|t| t.parse::<{}>().expect(\"parses\"))",
                scalar_type(other)
            ),
        },
        other => panic!("{}: no sample for a parameter of type {other:?}", p.wire),
    };
    if p.nullable && matches!(p.ty, Type::String | Type::Uri) {
        format!("Some({value})")
    } else {
        value
    }
}

/// The Rust type of a numeric or boolean parameter, as the generator picks it.
fn scalar_type(ty: &Type) -> String {
    codegen::surface::value_type_name(ty)
}

/// A header parameter's sample: an enum's first value, else `sample`.
fn first_value(api: &Api, r: &Resource, p: &Param) -> String {
    let named = |name: &str| {
        api.types
            .iter()
            .find(|t| t.name == name)
            .and_then(|t| match &t.kind {
                NamedKind::Enum(def) => def.variants.first().map(|v| v.wire.clone()),
                _ => None,
            })
    };
    let inline = |name: &str| {
        r.enums
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.def.variants.first().map(|v| v.wire.clone()))
    };
    match &p.ty {
        Type::Named(name) => named(name),
        Type::Enum(name) => inline(name),
        _ => None,
    }
    .unwrap_or_else(|| "sample".to_string())
}

fn header_value(p: &Param, value: &str) -> String {
    match &p.ty {
        Type::Named(name) | Type::Enum(name) => format!("{name}::from_wire({value:?}.into())"),
        _ => format!("{value:?}"),
    }
}
