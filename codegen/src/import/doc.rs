//! An OpenAPI document as a plain tree: walking it by node path, following `$ref`s
//! (refusing ones that resolve nowhere or loop), and collecting what is wrong with
//! it as diagnostics that name the node.

use crate::diagnostic::{Diagnostic, Diagnostics};
use serde_json::{Map, Value};

/// The parsed document and where its problems go.
pub struct Doc<'a> {
    pub file: &'a str,
    /// The file's text, to find where a problem's node is.
    pub text: &'a str,
    pub root: &'a Value,
    pub problems: Vec<Diagnostic>,
    /// Where the spec says less than the OpenAPI, and why.
    pub lossy: Vec<Lossy>,
}

/// One place where the import is less typed or less exact than the OpenAPI file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Lossy {
    /// A short kind that groups places in the report (`"JSON for an object"`).
    pub kind: &'static str,
    /// The OpenAPI node.
    pub at: String,
    pub detail: String,
}

/// The most problems given a line and column.
const MAX_LOCATED: usize = 20;

/// The most `$ref`s followed in a row before calling it a cycle.
const MAX_REF_CHAIN: usize = 32;

impl<'a> Doc<'a> {
    pub fn new(file: &'a str, text: &'a str, root: &'a Value) -> Doc<'a> {
        Doc {
            file,
            text,
            root,
            problems: Vec::new(),
            lossy: Vec::new(),
        }
    }

    /// Records a problem at `path`, with a hint.
    pub fn problem(&mut self, path: &str, message: impl Into<String>, help: impl Into<String>) {
        self.problems
            .push(Diagnostic::new(self.file, path, message).help(help.into()));
    }

    /// Records that the import says less at `path` than the OpenAPI does.
    pub fn lossy(&mut self, path: &str, kind: &'static str, detail: impl Into<String>) {
        self.lossy.push(Lossy {
            kind,
            at: path.to_string(),
            detail: detail.into(),
        });
    }

    /// Every problem recorded, sorted, or nothing. The first few are given the line
    /// and column of their node (each costs a walk of the document).
    pub fn finish(self) -> Result<(), Diagnostics> {
        if self.problems.is_empty() {
            return Ok(());
        }
        let mut diags = Diagnostics(self.problems);
        diags.sort();
        diags
            .0
            .dedup_by(|a, b| a.path == b.path && a.message == b.message);
        for d in diags.0.iter_mut().take(MAX_LOCATED) {
            let keys = keys(&d.path);
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let at = crate::spec::load::locate(self.text, &keys, crate::spec::load::Target::Key);
            *d = std::mem::replace(d, Diagnostic::new("", "", "")).at(at, self.text);
        }
        diags.sort();
        Err(diags)
    }

    /// `value` with its `$ref`s followed as far as they resolve, recording nothing:
    /// for a second look at a node [`Doc::resolve`] has been through.
    pub fn follow(&self, value: &'a Value) -> &'a Value {
        let mut current = value;
        for _ in 0..MAX_REF_CHAIN {
            let Some(target) = current
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix('#'))
                .and_then(|pointer| self.root.pointer(pointer))
            else {
                break;
            };
            current = target;
        }
        current
    }

    /// `value` with every `$ref` followed, or `None` (recorded) when one resolves
    /// nowhere, points outside the file or loops.
    pub fn resolve(&mut self, value: &'a Value, path: &str) -> Option<(&'a Value, String)> {
        let mut current = value;
        let mut at = path.to_string();
        let mut seen: Vec<&str> = Vec::new();
        while let Some(reference) = current.get("$ref") {
            let Some(reference) = reference.as_str() else {
                self.problem(
                    &at,
                    "`$ref` is not a string",
                    "write `$ref: '#/components/schemas/<name>'`",
                );
                return None;
            };
            if seen.contains(&reference) || seen.len() >= MAX_REF_CHAIN {
                self.problem(
                    &at,
                    format!("`$ref` cycle through `{reference}`"),
                    "a reference must end at a schema that is not only a reference",
                );
                return None;
            }
            seen.push(reference);
            let Some(pointer) = reference.strip_prefix('#') else {
                self.problem(
                    &at,
                    format!("`$ref` to another file (`{reference}`) is not supported"),
                    "bundle the description into one file",
                );
                return None;
            };
            match self.root.pointer(pointer) {
                Some(target) => {
                    current = target;
                    at = pointer.to_string();
                }
                None => {
                    self.problem(
                        &at,
                        format!("`$ref` `{reference}` resolves to nothing"),
                        "fix the reference, or add the component it names",
                    );
                    return None;
                }
            }
        }
        Some((current, at))
    }
}

/// The name a `$ref` points at (`#/components/schemas/chat.v2.service` → `chat.v2.service`).
pub fn ref_name(value: &Value) -> Option<&str> {
    value.get("$ref")?.as_str()?.rsplit('/').next()
}

/// `value` as an object, or an empty one.
pub fn object(value: &Value) -> &Map<String, Value> {
    static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
    value
        .as_object()
        .unwrap_or_else(|| EMPTY.get_or_init(Map::new))
}

/// A string field of `value`.
pub fn text<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value.get(key)?.as_str()
}

/// `path.key`, with keys that hold dots or slashes kept readable.
/// The JSON Pointer (RFC 6901) of `key` under the node at `path`: `/paths/~1v1~1Boxes`,
/// so a key with `/` or `.` in it stays one key.
pub fn child(path: &str, key: &str) -> String {
    format!("{path}/{}", key.replace('~', "~0").replace('/', "~1"))
}

/// The keys of a JSON Pointer, unescaped.
pub fn keys(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|key| key.replace("~1", "/").replace("~0", "~"))
        .collect()
}
