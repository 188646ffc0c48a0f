//! The `callbacks:` section: requests Twilio sends without an `EventType` (an
//! incoming message, a call's status), each to a URL of its own, with its parameters
//! typed. Parameters are declared and listed as under `webhooks:`.

use super::names::NameSet;
use super::types::TypeIndex;
use super::webhooks::{check_source, listed, lower_params, not_common_again, only_file};
use super::{Ctx, Parsed};
use crate::diagnostic::Diagnostics;
use crate::generated_crate::callback_names;
use crate::model::{CallbackRequest, Callbacks};
use crate::spec::load::Target;

const SECTION: &str = "callbacks";

/// The section, from the one file that has it.
pub fn lower(
    files: &[Parsed<'_>],
    index: &TypeIndex,
    diags: &mut Diagnostics,
) -> Option<Callbacks> {
    let first = only_file(files, diags, SECTION, |f| f.spec.callbacks.is_some())?;
    let raw = first.spec.callbacks.as_ref()?;
    let mut ctx = first.ctx(diags);
    let ctx = &mut ctx;
    let before = ctx.diags.len();
    let params = lower_params(ctx, index, &raw.params, SECTION);
    for p in &params {
        if callback_names::RESERVED.contains(&p.name.as_str()) {
            ctx.error(
                &[SECTION, "params", p.wire.as_str()],
                Target::Key,
                format!(
                    "`{}` would be named `{}`, which a request's struct holds already",
                    p.wire, p.name
                ),
                Some("media pairs are `media: true` on a request; other names are free".into()),
            );
        }
    }
    let common = listed(
        ctx,
        &raw.params,
        SECTION,
        &params,
        &raw.common,
        &[SECTION, "common"],
    );
    let requests = requests(ctx, raw, &params, &common);
    (ctx.diags.len() == before).then(|| Callbacks {
        doc: raw.doc.clone(),
        params,
        common,
        requests,
    })
}

/// Every request, with its own parameters; each name a struct's.
fn requests(
    ctx: &mut Ctx,
    raw: &crate::spec::raw::Callbacks,
    params: &[crate::model::WebhookParam],
    common: &[usize],
) -> Vec<CallbackRequest> {
    let mut names = NameSet::new("callback request");
    let mut out = Vec::new();
    for (name, r) in &raw.requests.0 {
        let at = [SECTION, "requests", name.as_str()];
        let well_formed = name.starts_with(|c: char| c.is_ascii_uppercase())
            && name.chars().all(|c| c.is_ascii_alphanumeric());
        if !well_formed {
            ctx.error(
                &at,
                Target::Key,
                format!("`{name}` is not a struct name"),
                Some("name the request in UpperCamelCase, like `IncomingMessage`".into()),
            );
            continue;
        }
        names.claim(ctx, name, &at);
        check_source(
            ctx,
            &[&at[..], &["source"]].concat(),
            &r.source,
            "parameters",
        );
        let params_at = [&at[..], &["params"]].concat();
        let own = listed(ctx, &raw.params, SECTION, params, &r.params, &params_at);
        not_common_again(ctx, &params_at, &own, common, params, "request");
        out.push(CallbackRequest {
            name: name.clone(),
            source: r.source.clone(),
            doc: r.doc.clone(),
            answer: r.answer,
            params: own,
            media: r.media,
        });
    }
    if raw.requests.0.is_empty() {
        ctx.error(
            &[SECTION, "requests"],
            Target::Key,
            "no requests",
            Some("list the requests the docs name, like `IncomingMessage: { source: …, doc: …, answer: twiml }`".into()),
        );
    }
    out
}
