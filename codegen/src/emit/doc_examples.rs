//! The `no_run` examples in the generated docs: one per operation, one per client
//! handle, and the crate's quick start. They are written as text, line by line: they
//! are small, and formatting them with syn and prettyplease would cost more than the
//! rest of the file.

use crate::model::{Api, NamedKind, OpKind, Operation, Param, Resource, TokenGrant, Type};
use proc_macro2::TokenStream;
use quote::quote;

/// `# Example` for one operation (`stream` for a list's streaming variant).
pub fn operation(api: &Api, r: &Resource, op: &Operation, stream: bool) -> TokenStream {
    let mut uses = uses(api, r, op);
    if stream {
        uses.push("use futures_util::TryStreamExt;".into());
    }
    section(api, &uses, &call(api, r, op, stream, &handle(api, r)))
}

/// `# Example` for the `Client` method that makes a resource's handle.
pub fn handle_method(api: &Api, r: &Resource) -> TokenStream {
    let body = [
        format!("let handle = {};", handle(api, r)),
        "println!(\"{handle:?}\");".into(),
    ];
    section(api, &[], &body)
}

/// The crate docs' "Mint a token for your client", for an API a client SDK uses
/// (`api.access_token`): an access token with that SDK's grant, as a doctest.
pub fn access_token(api: &Api) -> Vec<String> {
    let Some(grant) = api.access_token else {
        return Vec::new();
    };
    let (product, name, setters) = match grant {
        TokenGrant::Chat => (
            "Chat or Conversations",
            "ChatGrant",
            ".service_sid(\"IS00000000000000000000000000000000\")",
        ),
        TokenGrant::Voice => (
            "Voice",
            "VoiceGrant",
            ".outgoing_application_sid(\"AP00000000000000000000000000000000\")",
        ),
        TokenGrant::Video => ("Video", "VideoGrant", ".room(\"daily-standup\")"),
        TokenGrant::Sync => (
            "Sync",
            "SyncGrant",
            ".service_sid(\"IS00000000000000000000000000000000\")",
        ),
        TokenGrant::TaskRouter => (
            "TaskRouter",
            "TaskRouterGrant",
            ".workspace_sid(\"WS00000000000000000000000000000000\")",
        ),
    };
    let krate = &api.lib_name;
    let text = format!(
        "
## Mint a token for your client

A browser or phone app using Twilio's {product} SDK
connects with an access token that your server mints for each user:
[`access_token::AccessToken`], signed with an API key (`SK…`) of the account, never
the auth token, with an [`access_token::{name}`]. It is checked as it is minted
(SIDs, a time to live of at most 24 hours), and the key's secret never shows in
`Debug`.

```
use std::time::Duration;
use {krate}::access_token::{{AccessToken, {name}}};

let jwt = AccessToken::new(
    \"AC00000000000000000000000000000000\",
    \"SK00000000000000000000000000000000\",
    \"the API key's secret\",
)
.identity(\"alice\")
.ttl(Duration::from_secs(60 * 60))
.grant({name}::new(){setters})
.to_jwt()?;
# let _ = jwt;
# Ok::<(), {krate}::ValidationError>(())
```"
    );
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!(" {l}")
            }
        })
        .collect()
}

/// The crate docs' quick start: the spec's own, or every operation of the first
/// resource that has any.
pub fn quick_start(api: &Api) -> Option<Vec<String>> {
    if let Some(code) = &api.quick_start {
        let mut lines = vec![
            String::new(),
            " ## Quick start".to_string(),
            String::new(),
            " ```no_run".to_string(),
            " # async fn quick_start() -> Result<(), Box<dyn std::error::Error>> {".to_string(),
        ];
        lines.extend(code.trim_end().lines().map(|line| format!(" {line}")));
        lines.extend([
            " # Ok(())".to_string(),
            " # }".to_string(),
            " ```".to_string(),
        ]);
        return Some(lines);
    }
    let r = api.resources.iter().find(|r| !r.operations.is_empty())?;
    let var = &r.plural_snake;
    let mut body = vec![format!("let {var} = {};", handle(api, r))];
    let mut uses = Vec::new();
    for op in &r.operations {
        body.extend(call(api, r, op, false, var));
        if op.kind == OpKind::List {
            body.extend(call(api, r, op, true, var));
        }
        uses.extend(self::uses(api, r, op));
    }
    uses.push("use futures_util::TryStreamExt;".into());
    let mut lines = vec![
        String::new(),
        " ## Quick start".to_string(),
        String::new(),
        format!(
            " Credentials come from {}; a resource's",
            super::docs::credentials_from_env(&api.auth)
        ),
        " handle carries the path parameters its operations share.".to_string(),
        String::new(),
    ];
    lines.extend(code(api, &uses, &body));
    Some(lines)
}

fn section(api: &Api, uses: &[String], body: &[String]) -> TokenStream {
    let mut lines = vec![String::new(), " # Example".to_string(), String::new()];
    lines.extend(code(api, uses, body));
    quote! { #(#[doc = #lines])* }
}

/// A fenced `no_run` block: a client from the environment, then `body`.
fn code(api: &Api, uses: &[String], body: &[String]) -> Vec<String> {
    let krate = &api.lib_name;
    let mut lines = vec![
        " ```no_run".to_string(),
        format!(" # async fn example() -> Result<(), {krate}::Error> {{"),
        format!(" use {krate}::Client;"),
    ];
    lines.extend(
        uses.iter()
            .map(|u| format!(" {}", u.replace("{krate}", krate))),
    );
    lines.push(" let client = Client::from_env()?;".into());
    lines.extend(body.iter().flat_map(|l| wrap(l)).map(|l| format!(" {l}")));
    lines.extend([" # Ok(())".into(), " # }".into(), " ```".into()]);
    lines
}

/// The longest line of example code: with a method's indentation and `/// `, a
/// generated line stays within 100 columns.
const EXAMPLE_WIDTH: usize = 92;

/// A statement too long for [`EXAMPLE_WIDTH`] as rustfmt would break it: a line for
/// each method call of its chain (`client`, `.messages(…)`, `.create(…)`, `.await?`).
fn wrap(statement: &str) -> Vec<String> {
    if statement.chars().count() <= EXAMPLE_WIDTH {
        return vec![statement.to_string()];
    }
    let mut parts = Vec::new();
    let (mut depth, mut quoted, mut start) = (0i32, false, 0);
    let bytes = statement.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'"' if i == 0 || bytes[i - 1] != b'\\' => quoted = !quoted,
            b'(' | b'[' | b'{' if !quoted => depth += 1,
            b')' | b']' | b'}' if !quoted => depth -= 1,
            b'.' if !quoted && depth == 0 && i > start => {
                parts.push(&statement[start..i]);
                start = i;
            }
            _ => {}
        }
    }
    parts.push(&statement[start..]);
    let mut lines = vec![parts[0].to_string()];
    lines.extend(parts[1..].iter().flat_map(|p| one_per_line(p, "    ")));
    lines
}

/// A call still too long on its line, `indent`ed, with an argument a line.
fn one_per_line(call: &str, indent: &str) -> Vec<String> {
    let line = format!("{indent}{call}");
    let Some(open) = call
        .find('(')
        .filter(|_| line.chars().count() > EXAMPLE_WIDTH)
    else {
        return vec![line];
    };
    let (mut depth, mut quoted, mut start, mut args, mut close) =
        (0i32, false, open + 1, Vec::new(), None);
    let bytes = call.as_bytes();
    for (i, &b) in bytes.iter().enumerate().skip(open) {
        match b {
            b'"' if bytes[i - 1] != b'\\' => quoted = !quoted,
            b'(' | b'[' | b'{' if !quoted => depth += 1,
            b')' | b']' | b'}' if !quoted => {
                depth -= 1;
                if depth == 0 {
                    args.push(call[start..i].trim());
                    close = Some(i);
                    break;
                }
            }
            b',' if !quoted && depth == 1 => {
                args.push(call[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    let Some(close) = close else {
        return vec![line];
    };
    let mut lines = vec![format!("{indent}{}", &call[..=open])];
    let inner = format!("{indent}    ");
    lines.extend(
        args.iter()
            .flat_map(|a| one_per_line(&format!("{a},"), &inner)),
    );
    lines.push(format!("{indent}{}", &call[close..]));
    lines
}

/// The `use` lines an operation's example needs besides `Client`: its parameters,
/// from the resource's module; in braces on lines of their own where one line would
/// be too long.
fn uses(api: &Api, r: &Resource, op: &Operation) -> Vec<String> {
    let Some(t) = op
        .params_type
        .as_ref()
        .filter(|_| !op.optional_headers_only())
    else {
        return Vec::new();
    };
    let line = format!("use {{krate}}::resources::{}::{t};", r.module);
    if line.replace("{krate}", &api.lib_name).chars().count() <= EXAMPLE_WIDTH {
        return vec![line];
    }
    vec![
        format!("use {{krate}}::resources::{}::{{", r.module),
        format!("    {t},"),
        "};".into(),
    ]
}

/// `client.invites(&"IS…".parse()?, "example")`.
fn handle(api: &Api, r: &Resource) -> String {
    let args: Vec<String> = r
        .maker_params()
        .iter()
        .map(|p| arg(api, r, p, true))
        .collect();
    format!("client.{}({})", r.plural_snake, args.join(", "))
}

/// The statements that call `op` on `handle`.
fn call(api: &Api, r: &Resource, op: &Operation, stream: bool, handle: &str) -> Vec<String> {
    let mut args: Vec<String> = op
        .own_path_params
        .iter()
        .map(|p| arg(api, r, p, true))
        .collect();
    if let Some(t) = op
        .params_type
        .as_ref()
        .filter(|_| !op.optional_headers_only())
    {
        let required: Vec<String> = op
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| arg(api, r, p, false))
            .collect();
        args.push(format!("{t}::new({})", required.join(", ")));
    }
    let args = args.join(", ");
    match (op.kind, stream) {
        (OpKind::List, true) => vec![
            format!("let all: Vec<_> = {handle}.stream({args}).try_collect().await?;"),
            "println!(\"{} records\", all.len());".into(),
        ],
        (OpKind::List, false) => vec![
            format!("let page = {handle}.{}({args}).await?;", op.fn_name),
            match r.page.as_ref() {
                Some(p) if p.paging == crate::model::Paging::Flat => {
                    "println!(\"{:?}\", page.next_page_uri);".into()
                }
                Some(p) if p.paging == crate::model::Paging::Numbered => {
                    "println!(\"{}\", page.has_next);".into()
                }
                Some(p) if p.paging == crate::model::Paging::Scim => {
                    "println!(\"{:?}\", page.total_results);".into()
                }
                Some(p) if p.paging == crate::model::Paging::Token => {
                    "println!(\"{:?}\", page.meta.next_token);".into()
                }
                Some(p) if p.paging == crate::model::Paging::None => {
                    format!("println!(\"{{}} records\", page.{}.len());", p.field)
                }
                _ => "println!(\"{:?}\", page.meta.next_page_url);".into(),
            },
        ],
        _ if op.answer == crate::model::Answer::Nothing => {
            vec![format!("{handle}.{}({args}).await?;", op.fn_name)]
        }
        _ if op.answer == crate::model::Answer::Redirect => vec![
            format!("let url = {handle}.{}({args}).await?;", op.fn_name),
            "println!(\"{url}\");".into(),
        ],
        _ => vec![
            format!("let record = {handle}.{}({args}).await?;", op.fn_name),
            "println!(\"{record:?}\");".into(),
        ],
    }
}

/// A compiling example value for a parameter; SIDs are parsed from a valid sample.
fn arg(api: &Api, r: &Resource, p: &Param, by_ref: bool) -> String {
    let amp = if by_ref { "&" } else { "" };
    let parsed = |text: &str| format!("{amp}{:?}.parse()?", text);
    match &p.ty {
        Type::String | Type::Uri => "\"example\"".into(),
        Type::Named(name) => match api.types.iter().find(|t| &t.name == name).map(|t| &t.kind) {
            Some(NamedKind::Sid { prefix, digits }) => {
                parsed(&format!("{prefix}{}", "0".repeat(*digits)))
            }
            Some(NamedKind::Enum(def)) => parsed(&def.variants[0].wire),
            _ => parsed("example"),
        },
        Type::Enum(name) => {
            let first = r
                .enums
                .iter()
                .find(|e| &e.name == name)
                .map_or("example", |e| e.def.variants[0].wire.as_str());
            parsed(first)
        }
        Type::Integer { min, .. } => min.unwrap_or(1).max(1).to_string(),
        Type::Number { .. } => "1.0".into(),
        Type::Decimal => parsed("1.00"),
        Type::Boolean => "true".into(),
        Type::DateTime(_) | Type::DateFilter(_) => "time::OffsetDateTime::now_utc()".into(),
        Type::Date => "time::OffsetDateTime::now_utc().date()".into(),
        // Maps are never parameters (lowering refuses them).
        Type::Json | Type::Map { .. } => "serde_json::Value::Null".into(),
        Type::Object(_) => "Default::default()".into(),
        Type::Array(item) => format!(
            "[{}]",
            arg(
                api,
                r,
                &Param {
                    ty: (**item).clone(),
                    ..p.clone()
                },
                false
            )
        ),
    }
}
