//! What the importer refuses outright: schema keywords no OpenAPI reader could mean,
//! names the spec could not write, and a spec folder `cargo xtask gen` would refuse.
//! Each problem is recorded at its node, so every one is reported at once.

use super::doc::{child, Doc};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::SourceFile;
use serde_json::Value;

/// What an import writes, it writes only if `cargo xtask gen` accepts it: the folder
/// as it would be (the files kept, the files written) is checked as `gen` checks it,
/// and a refusal refuses the import, with the spec's errors and where they came from.
pub(super) fn accepted_by_gen(
    openapi: &SourceFile,
    existing: &[SourceFile],
    files: &[(String, String)],
) -> Result<(), Diagnostics> {
    let folder = existing
        .first()
        .and_then(|f| f.name.rsplit_once('/'))
        .map_or("imported", |(dir, _)| dir);
    let written = |name: &str| {
        files
            .iter()
            .any(|(n, _)| name.rsplit('/').next() == Some(n))
    };
    let mut sources: Vec<SourceFile> = existing
        .iter()
        .filter(|f| !written(&f.name))
        .cloned()
        .collect();
    sources.extend(files.iter().map(|(name, text)| SourceFile {
        name: format!("{folder}/{name}"),
        text: text.clone(),
    }));
    let Err(refused) = crate::check(&sources) else {
        return Ok(());
    };
    let mut diags = Diagnostics::from(
        Diagnostic::new(
            &openapi.name,
            "",
            "the import would write a spec that `cargo xtask gen` refuses, so it writes nothing",
        )
        .help("each error below is in the spec it would write; fix the OpenAPI node it came from, or rename it in the `openapi:` section"),
    );
    diags.0.extend(refused.0);
    Err(diags)
}

/// The longest name the spec can hold: names are YAML keys, which YAML limits to
/// 1,024 characters.
const MAX_NAME_CHARS: usize = 1024;

/// False, with the problem recorded, for a name the spec could not write as a key.
pub(super) fn writable_name(doc: &mut Doc, name: &str, at: &str) -> bool {
    let chars = name.chars().count();
    if chars <= MAX_NAME_CHARS {
        return true;
    }
    doc.problem(
        at,
        format!("a name of {chars} characters"),
        "the spec writes names as YAML keys, which may be at most 1,024 characters: shorten it",
    );
    false
}

/// False, with the problem recorded, for a schema whose keywords no OpenAPI reader
/// could mean: refused, rather than read as if they were absent. A `$ref` in a schema
/// must name a schema component; `type` must be a name; `nullable` a boolean; a
/// length a whole number no larger than 2^32 − 1, the minimum no larger than the
/// maximum.
pub(super) fn sensible(doc: &mut Doc, schema: &Value, at: &str) -> bool {
    let problem = if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        (!reference.starts_with("#/components/schemas/")).then(|| {
            (
                "$ref",
                format!("`$ref` `{reference}` does not name a schema"),
                "a schema refers to `#/components/schemas/<name>`",
            )
        })
    } else if schema.get("type").is_some_and(|t| !t.is_string()) {
        Some((
            "type",
            format!("`type` is `{}`, not a type's name", schema["type"]),
            "write one of string, integer, number, boolean, object or array",
        ))
    } else if schema.get("nullable").is_some_and(|n| !n.is_boolean()) {
        Some((
            "nullable",
            format!("`nullable` is `{}`, not true or false", schema["nullable"]),
            "write `nullable: true`, or leave it out",
        ))
    } else {
        length_problem(schema)
    };
    let Some((key, message, help)) = problem else {
        return true;
    };
    doc.problem(&child(at, key), message, help);
    false
}

/// What is wrong with a schema's `minLength` and `maxLength`, if anything.
fn length_problem(schema: &Value) -> Option<(&'static str, String, &'static str)> {
    const HELP: &str = "a length is a whole number from 0 to 4294967295";
    let mut lengths = [0u64, u64::from(u32::MAX)];
    for (i, key) in ["minLength", "maxLength"].into_iter().enumerate() {
        let Some(value) = schema.get(key) else {
            continue;
        };
        match value.as_u64().filter(|&n| n <= u64::from(u32::MAX)) {
            Some(n) => lengths[i] = n,
            None => return Some((key, format!("`{key}` is `{value}`, not a length"), HELP)),
        }
    }
    (lengths[0] > lengths[1]).then(|| {
        (
            "minLength",
            format!(
                "`minLength` {} is more than `maxLength` {}",
                lengths[0], lengths[1]
            ),
            "the minimum length can be at most the maximum",
        )
    })
}
