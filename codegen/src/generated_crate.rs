//! What every generated crate holds besides the spec's own items: the names its root
//! defines and re-exports, its `Client`'s methods, the names generated methods take
//! for themselves, and the crates it depends on. Lowering reserves these names and
//! refuses crate names that would shadow a dependency; the emitters write the items
//! from the same lists, so the two can't disagree.

/// The runtime crate every generated crate depends on, as a package and a library.
pub const RUNTIME_PACKAGE: &str = "twilio-codegen-runtime";
pub const RUNTIME_LIB: &str = "twilio_codegen_runtime";
/// The runtime's version the generated code is written against: the one in its
/// manifest, read where it is written.
pub fn runtime_version() -> &'static str {
    include_str!("../runtime/Cargo.toml")
        .lines()
        .find_map(|l| l.strip_prefix("version = \"")?.strip_suffix('"'))
        .expect("codegen/runtime/Cargo.toml names its version")
}

/// The crate-private alias of the runtime's `__private` module at the crate root,
/// through which generated code reaches it (`crate::runtime::Request`).
pub const RUNTIME_ALIAS: &str = "runtime";

/// Names the root re-exports from the runtime, sorted: the consumer API every generated
/// crate shares (one `Auth` and one `Error` type for all of them).
pub const RUNTIME_REEXPORTS: &[&str] = &[
    "ApiError",
    "Auth",
    "DateFilter",
    "Decimal",
    "Error",
    "PageMeta",
    "PageTokens",
    "Problem",
    "RetryPolicy",
    "Secret",
    "SidFault",
    "SidStart",
    "UnreadField",
    "UnreadFields",
    "ValidationError",
    "WebhookError",
    "WebhookMedia",
    "WebhookParamError",
    "WebhookParams",
    "WebhookResponse",
    "WebhookValidator",
    // A module: `AccessToken` and its grants, for the client SDKs these APIs serve.
    "access_token",
];

/// The fields a page of each kind of paging has besides its records, in the order
/// they are declared: lowering refuses a records key that takes one of them, and the
/// emitters declare them (with their types, in `emit::rust_types::page_fields`).
pub fn page_field_names(paging: crate::model::Paging) -> &'static [&'static str] {
    use crate::model::Paging;
    match paging {
        Paging::Meta => &["meta"],
        Paging::Flat => &[
            "first_page_uri",
            "next_page_uri",
            "previous_page_uri",
            "uri",
            "page",
            "page_size",
            "start",
            "end",
        ],
        Paging::Numbered => &[
            "current_page",
            "per_page",
            "has_next",
            "has_prev",
            "total_elements",
            "total_pages",
        ],
        Paging::None => &["uri"],
        Paging::Token => &["meta"],
        Paging::Scim => &["total_results", "start_index", "items_per_page", "schemas"],
    }
}

/// The key a page field has in the answer: its name, but SCIM's camel case.
pub fn page_field_wire(name: &'static str) -> &'static str {
    match name {
        "total_results" => "totalResults",
        "start_index" => "startIndex",
        "items_per_page" => "itemsPerPage",
        other => other,
    }
}

/// The field of every record, object type and page that names what the answer held
/// but could not be read as documented; no property may take its name.
pub const UNREAD_FIELDS: &str = "unread_fields";
/// The JSON key under which the runtime hands a record those fields
/// (`twilio_codegen_runtime::__private::UNREAD_KEY`, which a wire test compares).
pub const UNREAD_KEY: &str = "\u{0}unread";

/// Types and constants the root defines in `src/client.rs`.
pub const CLIENT: &str = "Client";
pub const CLIENT_BUILDER: &str = "ClientBuilder";
pub const DEFAULT_BASE_URL: &str = "DEFAULT_BASE_URL";

/// Modules at the root.
pub const ROOT_MODULES: &[&str] = &[
    "client",
    "resources",
    RUNTIME_ALIAS,
    "types",
    webhook_names::MODULE,
];

/// What the `webhooks` module defines besides the spec's events, and the methods its
/// types take for themselves.
/// The names a TwiML crate defines besides the vocabulary's.
pub mod twiml_names {
    /// The module of the XML writer, which no document may take.
    pub const WRITER_MODULE: &str = "xml";
    pub const MODULES: &[&str] = &[WRITER_MODULE];
    /// The error of a document that can't be written.
    pub const ERROR: &str = "TwimlError";
    pub const ROOT_ITEMS: &[&str] = &[ERROR];
    /// An open enum's variant for values beyond its list.
    pub const OTHER: &str = "Other";
    /// Every builder's own methods, which setters and child adders may not take.
    pub const NEW: &str = "new";
    pub const TEXT: &str = "text";
    pub const ATTRIBUTE: &str = "attribute";
    pub const TO_XML: &str = "to_xml";
    pub const ELEMENT_METHODS: &[&str] = &[
        NEW, TEXT, ATTRIBUTE, TO_XML, "clone", "fmt", "default", "eq",
    ];
}

/// The names of the `callbacks` module: requests without an `EventType`, a struct each.
pub mod callback_names {
    pub const MODULE: &str = "callbacks";
    /// A struct's field of the numbered media pairs.
    pub const MEDIA: &str = "media";
    /// Its constructor from a request, after verifying it.
    pub const FROM_REQUEST: &str = "from_request";
    /// Fields and methods a parameter may not take, besides `webhook_names`' ones.
    pub const RESERVED: &[&str] = &[MEDIA, FROM_REQUEST];
}

pub mod webhook_names {
    pub const MODULE: &str = "webhooks";
    /// The parameter every event has, its name.
    pub const EVENT_TYPE: &str = "EventType";
    /// The types: a request's event, its `EventType`, and its typed form.
    pub const EVENT: &str = "Event";
    pub const EVENT_TYPE_ENUM: &str = "EventType";
    pub const DECODED: &str = "Decoded";
    pub const TYPES: &[&str] = &[EVENT, EVENT_TYPE_ENUM, DECODED];
    /// `Event`'s methods, which parameter accessors may not take.
    pub const FROM_PARAMS: &str = "from_params";
    pub const EVENT_TYPE_FN: &str = "event_type";
    pub const PARAMS: &str = "params";
    pub const PARAM: &str = "param";
    pub const DECODE: &str = "decode";
    pub const ALLOW: &str = "allow";
    pub const REJECT: &str = "reject";
    /// An event struct's field of the parameters that don't parse; no parameter may
    /// take its name.
    pub const UNPARSED: &str = "unparsed";
    pub const EVENT_METHODS: &[&str] = &[
        UNPARSED,
        FROM_PARAMS,
        EVENT_TYPE_FN,
        PARAMS,
        PARAM,
        DECODE,
        ALLOW,
        REJECT,
        "clone",
        "fmt",
        "eq",
    ];
    /// `EventType::is_pre_event`.
    pub const IS_PRE_EVENT: &str = "is_pre_event";
    /// A changes type's methods, which its setters may not take.
    pub const INTO_RESPONSE: &str = "into_response";
    pub const CHANGES_METHODS: &[&str] = &["new", INTO_RESPONSE, "default", "clone", "fmt"];
    /// The example receiver program's file stem, after the crate's library name.
    pub const EXAMPLE_PROGRAM: &str = "webhook_receiver";
}

/// Every name a spec type may not take at the root: the re-exports and what
/// `src/client.rs` defines.
pub fn reserved_type_names() -> Vec<&'static str> {
    let mut names = RUNTIME_REEXPORTS.to_vec();
    names.extend([CLIENT, CLIENT_BUILDER]);
    names
}

/// The methods of the generated `Client` besides the handle makers.
pub mod client_fns {
    pub const NEW: &str = "new";
    pub const BUILDER: &str = "builder";
    pub const FROM_ENV: &str = "from_env";
    pub const BUILDER_FROM_ENV: &str = "builder_from_env";
    pub const BASE_URL: &str = "base_url";
    pub const ACCOUNT_SID: &str = "account_sid";
    /// The traits `Client` derives, and the methods they give it.
    pub const DERIVES: &[(&str, &str)] = &[("Clone", "clone"), ("Debug", "fmt")];
    /// The field that holds the runtime's transport.
    pub const TRANSPORT_FIELD: &str = "transport";

    /// Every name a handle maker may not take.
    pub fn reserved() -> Vec<&'static str> {
        let mut names = vec![
            NEW,
            BUILDER,
            FROM_ENV,
            BUILDER_FROM_ENV,
            BASE_URL,
            ACCOUNT_SID,
            TRANSPORT_FIELD,
        ];
        names.extend(DERIVES.iter().map(|(_, method)| *method));
        names
    }
}

/// What a parameter struct's methods and the generated operation methods call
/// their own: a parameter may not take these names.
pub mod param_fns {
    pub const NEW: &str = "new";
    pub const VALIDATE: &str = "validate";
    pub const TO_PAIRS: &str = "to_pairs";
    pub const TO_HEADERS: &str = "to_headers";
    pub const TO_JSON: &str = "to_json";
    pub const TO_QUERY: &str = "to_query";
    /// The argument that holds an operation's parameter struct.
    pub const PARAMS_ARG: &str = "params";
    /// A handle's fields.
    pub const CLIENT_FIELD: &str = "client";
    pub const SCOPE_FIELD: &str = "scope";

    pub const RESERVED: &[&str] = &[
        NEW,
        VALIDATE,
        TO_PAIRS,
        TO_HEADERS,
        TO_JSON,
        TO_QUERY,
        PARAMS_ARG,
        CLIENT_FIELD,
        SCOPE_FIELD,
    ];
}

/// A crate the generated code names by path, and how its `Cargo.toml` asks for it.
pub struct Dependency {
    /// The library name paths start with (`serde_json`).
    pub lib: &'static str,
    /// The `[dependencies]` line, without the runtime's path.
    pub manifest: &'static str,
    /// When the crate needs it.
    pub when: Need,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    Always,
    /// Some string rule has a pattern that is not a SID's.
    Regex,
    /// Some field or parameter is free-form JSON.
    Json,
    /// Some field or parameter is a date-time.
    Dates,
    /// The spec has a webhook receiver example.
    WebhookExample,
}

/// Every dependency but the runtime, whose line names its path; sorted by name.
pub const DEPENDENCIES: &[Dependency] = &[
    Dependency {
        lib: "futures_util",
        manifest: r#"futures-util = { version = "0.3", default-features = false }"#,
        when: Need::Always,
    },
    Dependency {
        lib: "regex",
        manifest: r#"regex = { version = "1", default-features = false, features = ["std", "perf", "unicode"] }"#,
        when: Need::Regex,
    },
    Dependency {
        lib: "serde",
        manifest: r#"serde = { version = "1", features = ["derive"] }"#,
        when: Need::Always,
    },
    Dependency {
        lib: "serde_json",
        manifest: r#"serde_json = "1""#,
        when: Need::Json,
    },
    Dependency {
        lib: "time",
        manifest: r#"time = { version = "0.3", default-features = false }"#,
        when: Need::Dates,
    },
];

/// Crates only the example programs and doctests name.
pub const DEV_DEPENDENCIES: &[Dependency] = &[
    Dependency {
        lib: "tiny_http",
        manifest: r#"tiny_http = "0.12""#,
        when: Need::WebhookExample,
    },
    Dependency {
        lib: "tokio",
        manifest: r#"tokio = { version = "1", features = ["macros", "rt"] }"#,
        when: Need::Always,
    },
];

/// The TLS backends the runtime offers, forwarded as features of the same names; the
/// first is the default (see `codegen/docs/performance.md` for why).
pub const TLS_FEATURES: &[&str] = &["rustls-ring", "rustls-aws-lc", "native-tls"];

/// Every library name a generated crate's code or doctests may start a path with.
pub fn dependency_libs() -> impl Iterator<Item = &'static str> {
    [RUNTIME_LIB]
        .into_iter()
        .chain(DEPENDENCIES.iter().map(|d| d.lib))
        .chain(DEV_DEPENDENCIES.iter().map(|d| d.lib))
}

/// Where an item of the spec lives in the generated crate: a resource's record, enums,
/// page, parameters and handle in `resources::<module>`, named types in `types`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    pub name: String,
    /// `resources::message`, or `types`.
    pub module: String,
    /// Also re-exported at the root, because the quick start names it from there.
    pub at_root: bool,
}

impl Home {
    /// The path a reader finds it at first, as the API surface writes paths (a module
    /// `r#type` as `type`): the root for a re-exported item.
    pub fn path(&self) -> String {
        match self.at_root {
            true => self.name.clone(),
            false => format!("{}::{}", self.module.replace("r#", ""), self.name),
        }
    }
}

/// Every item's [`Home`], in spec order.
pub fn item_homes(api: &crate::model::Api) -> Vec<Home> {
    let root = root_imports(api);
    let home = |name: &str, module: String| Home {
        name: name.to_string(),
        at_root: root.iter().any(|r| r == name),
        module,
    };
    let mut homes = Vec::new();
    for r in &api.resources {
        let module = format!("resources::{}", r.module);
        let names = std::iter::once(&r.name)
            .chain(r.enums.iter().map(|e| &e.name))
            .chain(r.page.iter().map(|p| &p.name))
            .chain(r.operations.iter().filter_map(|op| op.params_type.as_ref()))
            .chain((!r.operations.is_empty()).then_some(&r.handle));
        homes.extend(names.map(|name| home(name, module.clone())));
    }
    let object_enums = api
        .objects()
        .flat_map(|(_, def)| def.enums.iter().map(|e| &e.name));
    let types = api.types.iter().map(|t| &t.name).chain(object_enums);
    homes.extend(types.map(|name| home(name, "types".into())));
    homes
}

/// The names the spec's quick start imports from the crate root, read from its `use`
/// statements (`use twilio_api_v2010::{Client, CreateMessage};`). A generated quick
/// start imports from the modules and names none.
fn root_imports(api: &crate::model::Api) -> Vec<String> {
    let Some(code) = &api.quick_start else {
        return Vec::new();
    };
    // A spec's quick start is statements: read as a block's. One that doesn't parse
    // names nothing here, and fails as the README's doctest.
    let Ok(body) = syn::parse_str::<syn::Block>(&format!("{{{code}}}")) else {
        return Vec::new();
    };
    let mut names = Vec::new();
    for stmt in &body.stmts {
        if let syn::Stmt::Item(syn::Item::Use(item)) = stmt {
            if let syn::UseTree::Path(path) = &item.tree {
                if path.ident == api.lib_name.as_str() {
                    first_level_names(&path.tree, &mut names);
                }
            }
        }
    }
    names
}

/// The names a `use` tree imports at its first level (`{A, B}` or `A`).
fn first_level_names(tree: &syn::UseTree, names: &mut Vec<String>) {
    match tree {
        syn::UseTree::Name(name) => names.push(name.ident.to_string()),
        syn::UseTree::Rename(rename) => names.push(rename.ident.to_string()),
        syn::UseTree::Group(group) => group.items.iter().for_each(|t| first_level_names(t, names)),
        syn::UseTree::Path(_) | syn::UseTree::Glob(_) => {}
    }
}
