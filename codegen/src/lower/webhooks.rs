//! The `webhooks:` section: the events Twilio sends, their parameters with types,
//! and how a pre-event may be answered.

use super::names::NameSet;
use super::types::{self, TypeExpr, TypeIndex};
use super::{Ctx, Parsed};
use crate::diagnostic::Diagnostics;
use crate::generated_crate::webhook_names;
use crate::model::*;
use crate::naming::{camel, snake};
use crate::spec::load::Target;
use crate::spec::raw;

/// The section, from the one file that has it.
pub fn lower(
    files: &[Parsed<'_>],
    index: &TypeIndex,
    lib_name: &str,
    diags: &mut Diagnostics,
) -> Option<Webhooks> {
    let first = only_file(files, diags, SECTION, |f| f.spec.webhooks.is_some())?;
    let raw = first.spec.webhooks.as_ref()?;
    let mut ctx = first.ctx(diags);
    let ctx = &mut ctx;
    let before = ctx.diags.len();

    check_source_and_status(ctx, raw);
    let params = lower_params(ctx, index, &raw.params, SECTION);
    let common = listed(
        ctx,
        &raw.params,
        SECTION,
        &params,
        &raw.common,
        &[SECTION, "common"],
    );
    let events = lower_events(ctx, raw, &params, &common);
    let example = raw
        .example
        .as_ref()
        .and_then(|x| example(ctx, x, &params, &common, &events))
        .map(|x| WebhookExample {
            program: format!("{lib_name}_{}", webhook_names::EXAMPLE_PROGRAM),
            ..x
        });
    (ctx.diags.len() == before).then(|| Webhooks {
        source: raw.source.clone(),
        doc: raw.doc.clone(),
        reject_status: raw.reject_status,
        params,
        common,
        events,
        example,
    })
}

/// The one file with `section`; a second is an error.
pub(super) fn only_file<'a, 'b>(
    files: &'a [Parsed<'b>],
    diags: &mut Diagnostics,
    section: &str,
    has: impl Fn(&Parsed) -> bool,
) -> Option<&'a Parsed<'b>> {
    let mut with = files.iter().filter(|f| has(f));
    let first = with.next()?;
    for extra in with {
        extra.ctx(diags).error(
            &[section],
            Target::Key,
            format!(
                "a second `{section}:` section (the first is in {})",
                first.file
            ),
            Some(format!("keep `{section}:` in one file of the spec folder")),
        );
    }
    Some(first)
}

/// `source` (at `at`) is the https URL of the docs that list `what`.
pub(super) fn check_source(ctx: &mut Ctx, at: &[&str], source: &str, what: &str) {
    if !source.starts_with("https://") || source.contains(char::is_whitespace) {
        ctx.error(
            at,
            Target::Value,
            format!("`{source}` is not the URL of the docs that list the {what}"),
            Some(format!(
                "write the https:// address of the page the {what} come from"
            )),
        );
    }
}

/// Of `own` (listed at `at`), those that are `common` already are errors.
pub(super) fn not_common_again(
    ctx: &mut Ctx,
    at: &[&str],
    own: &[usize],
    common: &[usize],
    params: &[WebhookParam],
    every: &str,
) {
    for (i, &p) in own.iter().enumerate() {
        if common.contains(&p) {
            let n = i.to_string();
            ctx.error(
                &[at, &[n.as_str()]].concat(),
                Target::Value,
                format!("`{}` is common to every {every} already", params[p].wire),
                Some(format!("remove it from the {every}'s list")),
            );
        }
    }
}

/// The docs' address is an https URL, and a rejection's status an error status.
fn check_source_and_status(ctx: &mut Ctx, raw: &raw::Webhooks) {
    check_source(ctx, &[SECTION, "source"], &raw.source, "events");
    if !(400..=599).contains(&raw.reject_status) {
        ctx.error(
            &["webhooks", "reject_status"],
            Target::Value,
            format!("{} is not an error status", raw.reject_status),
            Some(
                "Twilio rejects a pre-event on a 4xx or 5xx answer; write the one its docs name"
                    .into(),
            ),
        );
    }
}

/// This section's name in a spec.
const SECTION: &str = "webhooks";

/// The parameters declared in `section` (`webhooks` or `callbacks`), typed and named;
/// `EventType` is every event's already, and no callback's.
pub(super) fn lower_params(
    ctx: &mut Ctx,
    index: &TypeIndex,
    declared: &raw::Entries<raw::WebhookParam>,
    section: &str,
) -> Vec<WebhookParam> {
    let mut names = NameSet::new("webhook parameter").reserve(webhook_names::EVENT_METHODS);
    let mut params = Vec::new();
    for (wire, p) in &declared.0 {
        let at = [section, "params", wire.as_str()];
        if wire == webhook_names::EVENT_TYPE {
            ctx.error(
                &at,
                Target::Key,
                "`EventType` is every event's, and not declared",
                Some("remove it: each event's name is its `EventType`".into()),
            );
            continue;
        }
        if let Some(ty) = param_type(ctx, index, &at, p) {
            let name = snake(wire);
            names.claim(ctx, &name, &at);
            params.push(WebhookParam {
                wire: wire.clone(),
                name,
                ty,
                doc: p.doc.clone(),
            });
        }
    }
    params
}

/// The indices into `params` of the parameters `list` (at `at`) names, each once;
/// a name not declared is an error, unless its declaration already was one.
pub(super) fn listed(
    ctx: &mut Ctx,
    declared: &raw::Entries<raw::WebhookParam>,
    section: &str,
    params: &[WebhookParam],
    list: &[String],
    at: &[&str],
) -> Vec<usize> {
    let mut found: Vec<usize> = Vec::new();
    for (i, wire) in list.iter().enumerate() {
        let n = i.to_string();
        let at_item = [at, &[n.as_str()]].concat();
        match params.iter().position(|p| &p.wire == wire) {
            Some(_) if found.iter().any(|&f| params[f].wire == *wire) => ctx.error(
                &at_item,
                Target::Value,
                format!("`{wire}` is listed twice"),
                Some("list each parameter once".into()),
            ),
            Some(index) => found.push(index),
            None if declared.0.iter().any(|(w, _)| w == wire) => {}
            None => ctx.error(
                &at_item,
                Target::Value,
                format!("`{wire}` is not a parameter declared under `{section}.params`"),
                crate::diagnostic::did_you_mean(wire, params.iter().map(|p| p.wire.as_str()))
                    .map(|close| format!("did you mean `{close}`?"))
                    .or_else(|| {
                        Some(format!(
                            "declare `{wire}` with its type under `{section}.params`"
                        ))
                    }),
            ),
        }
    }
    found
}

/// Every event, with its own parameters and what an answer to it may change.
fn lower_events(
    ctx: &mut Ctx,
    raw: &raw::Webhooks,
    params: &[WebhookParam],
    common: &[usize],
) -> Vec<WebhookEvent> {
    let mut variants = NameSet::new("webhook event").reserve(webhook_names::TYPES);
    let mut events = Vec::new();
    for (wire, e) in &raw.events.0 {
        let at = ["webhooks", "events", wire.as_str()];
        let well_formed = wire.strip_prefix("on").is_some_and(|rest| {
            rest.starts_with(|c: char| c.is_ascii_uppercase())
                && rest.chars().all(|c| c.is_ascii_alphanumeric())
        });
        if !well_formed {
            ctx.error(
                &at,
                Target::Key,
                format!("`{wire}` is not an event name Twilio sends"),
                Some("write the `EventType` as the docs spell it, like `onMessageSend`".into()),
            );
            continue;
        }
        let variant = camel(wire);
        variants.claim(ctx, &variant, &at);
        let params_at = [&at[..], &["params"]].concat();
        let own = listed(ctx, &raw.params, SECTION, params, &e.params, &params_at);
        not_common_again(ctx, &params_at, &own, common, params, "event");
        let kind = match e.kind {
            raw::EventKind::Pre => EventKind::Pre,
            raw::EventKind::Post => EventKind::Post,
        };
        let modify = changes(ctx, &at, kind, e);
        let changes_type = (!modify.is_empty()).then(|| format!("{variant}Changes"));
        if let Some(name) = &changes_type {
            variants.claim(ctx, name, &[&at[..], &["modify"]].concat());
        }
        events.push(WebhookEvent {
            wire: wire.clone(),
            variant,
            kind,
            doc: e.doc.clone(),
            params: own,
            modify,
            changes_type,
        });
    }
    if raw.events.0.is_empty() {
        ctx.error(
            &["webhooks", "events"],
            Target::Key,
            "no events",
            Some(
                "list the events the docs name, like `onMessageSend: { kind: pre, doc: … }`".into(),
            ),
        );
    }
    events
}

/// A parameter's type: a scalar, or a type from `types:`; a JSON text is `object`.
fn param_type(
    ctx: &mut Ctx,
    index: &TypeIndex,
    at: &[&str],
    p: &raw::WebhookParam,
) -> Option<Type> {
    if matches!(p.ty.as_str(), "array" | "map" | "enum") {
        ctx.error(
            &[at, &["type"]].concat(),
            Target::Value,
            format!("a webhook parameter can't be an inline `{}`", p.ty),
            Some("a parameter is one form value: a scalar, `object` for JSON text, or a type declared under `types:`".into()),
        );
        return None;
    }
    let expr = TypeExpr::plain(&p.ty, p.format);
    let ty = types::resolve(ctx, index, at, &expr, "", &p.doc, &mut Vec::new())?;
    if matches!(ty, Type::Object(_)) {
        ctx.error(
            &[at, &["type"]].concat(),
            Target::Value,
            format!("a webhook parameter can't be of the object type `{}`", p.ty),
            Some("a parameter is one form value; JSON sent as text is `type: object`".into()),
        );
        return None;
    }
    Some(ty)
}

/// The fields a pre-event's answer may change.
fn changes(
    ctx: &mut Ctx,
    at: &[&str],
    kind: EventKind,
    e: &raw::WebhookEvent,
) -> Vec<WebhookChange> {
    if e.modify.0.is_empty() {
        return Vec::new();
    }
    if kind == EventKind::Post {
        ctx.error(
            &[at, &["modify"]].concat(),
            Target::Key,
            "a post-event's answer changes nothing",
            Some("remove `modify`, or make the event `kind: pre`".into()),
        );
        return Vec::new();
    }
    let mut setters = NameSet::new("change setter").reserve(webhook_names::CHANGES_METHODS);
    let mut out = Vec::new();
    for (key, doc) in &e.modify.0 {
        let key_at = [at, &["modify", key.as_str()]].concat();
        if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            ctx.error(
                &key_at,
                Target::Key,
                format!("`{key}` is not a JSON field of the answer"),
                Some("write the field as the docs spell it, like `body` or `friendly_name`".into()),
            );
            continue;
        }
        let setter = snake(key);
        setters.claim(ctx, &setter, &key_at);
        out.push(WebhookChange {
            key: key.clone(),
            setter,
            doc: doc.clone(),
        });
    }
    out
}

fn example(
    ctx: &mut Ctx,
    raw: &raw::WebhookExample,
    params: &[WebhookParam],
    common: &[usize],
    events: &[WebhookEvent],
) -> Option<WebhookExample> {
    let at = ["webhooks", "example"];
    let Some(event) = events.iter().position(|e| e.wire == raw.reject) else {
        ctx.error(
            &[&at[..], &["reject"]].concat(),
            Target::Value,
            format!("`{}` is not one of the events", raw.reject),
            Some("name a pre-event listed under `webhooks.events`".into()),
        );
        return None;
    };
    if events[event].kind != EventKind::Pre {
        ctx.error(
            &[&at[..], &["reject"]].concat(),
            Target::Value,
            format!("`{}` is a post-event, which can't be rejected", raw.reject),
            Some("name a pre-event".into()),
        );
        return None;
    }
    let param = params.iter().position(|p| p.wire == raw.when_contains);
    let sent = param.filter(|p| common.contains(p) || events[event].params.contains(p));
    match sent {
        Some(p) if params[p].ty == Type::String => Some(WebhookExample {
            event,
            param: p,
            program: String::new(),
        }),
        _ => {
            ctx.error(
                &[&at[..], &["when_contains"]].concat(),
                Target::Value,
                format!(
                    "`{}` is not a string parameter of `{}`",
                    raw.when_contains, raw.reject
                ),
                Some("name a `type: string` parameter the event sends, like `Body`".into()),
            );
            None
        }
    }
}
