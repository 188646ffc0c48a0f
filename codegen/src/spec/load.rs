//! The only code that knows which YAML library reads specs (today `serde_yaml`).
//!
//! It turns text into [`raw::SpecFile`]s and YAML errors into [`Diagnostic`]s, and finds
//! the line and column of any node by path, for errors found later, in `lower`.
//!
//! Longer than the project's 600-line guide on purpose: the design keeps everything
//! that touches the YAML library (parsing, the alias budget, OpenAPI documents,
//! locating nodes) in this one module, so swapping the library is one file's work.

use super::raw::{recovery, SpecFile};
use crate::diagnostic::{did_you_mean, Diagnostic, Diagnostics, Location};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Specs larger than this are refused before parsing: a spec is written by people.
pub const MAX_SPEC_BYTES: usize = 4 * 1024 * 1024;

/// Parses one spec file's text.
pub fn parse(file: &str, text: &str) -> Result<SpecFile, Diagnostics> {
    if text.len() > MAX_SPEC_BYTES {
        return Err(Diagnostics::from(
            Diagnostic::new(
                file,
                "",
                format!(
                    "spec file is {} bytes, over the limit of {MAX_SPEC_BYTES}",
                    text.len()
                ),
            )
            .help("split the API over several files in the spec folder"),
        ));
    }
    if let Some((location, depth)) = too_deep(text) {
        return Err(Diagnostics::from(
            Diagnostic::new(
                file,
                "",
                format!("brackets nest deeper than {MAX_FLOW_DEPTH} levels (at least {depth})"),
            )
            .help("a spec needs only a few levels; look for unclosed `[` or `{`")
            .at(Some(location), text),
        ));
    }
    check_expansion(file, text)?;
    // The common case: a valid file, read once. Duplicate keys are errors here too
    // (serde's derive for fields, `Entries` for names).
    if let Ok(spec) = serde_yaml::from_str::<SpecFile>(text) {
        let empty = spec.api.is_none()
            && spec.openapi.is_none()
            && spec.types.0.is_empty()
            && spec.resources.0.is_empty()
            && spec.webhooks.is_none()
            && spec.callbacks.is_none()
            && spec.include.is_empty();
        if !empty {
            return Ok(spec);
        }
    }
    // Something is wrong. An untyped pass first reports syntax errors as such, which
    // typed deserialization may report as something else.
    let tree: serde_yaml::Value = match serde_yaml::from_str(text) {
        Ok(tree) => tree,
        // An integer too large for a YAML value is no syntax error: the typed pass says
        // which bound it is and what range fits.
        Err(e) if e.to_string().contains(" as u128") || e.to_string().contains(" as i128") => {
            return parse_recovering(file, text);
        }
        Err(e) => return Err(Diagnostics::from(from_yaml_error(file, text, &e))),
    };
    if tree.is_null() {
        return Err(Diagnostics::from(
            Diagnostic::new(file, "", "the spec file is empty")
                .help("start the file with an `api:` section, or `types:` and `resources:`")
                .at(Some(Location { line: 1, column: 1 }), text),
        ));
    }
    if !tree.is_mapping() {
        return Err(Diagnostics::from(
            Diagnostic::new(
                file,
                "",
                "a spec file must be a YAML mapping at the top level",
            )
            .help("start the file with `api:`, `types:` or `resources:`")
            .at(Some(Location { line: 1, column: 1 }), text),
        ));
    }
    parse_recovering(file, text)
}

/// OpenAPI files larger than this are refused before parsing (Twilio's largest, the
/// 2010 API, is 1.5 MB).
pub const MAX_OPENAPI_BYTES: usize = 16 * 1024 * 1024;

/// The `include:` paths of a spec file, for reading a spec folder; empty when the file
/// has none or does not parse (the full parse reports that).
pub fn includes(text: &str) -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Includes {
        #[serde(default)]
        include: Vec<String>,
    }
    if text.len() > MAX_SPEC_BYTES || too_deep(text).is_some() {
        return Vec::new();
    }
    serde_yaml::from_str::<Includes>(text)
        .map(|i| i.include)
        .unwrap_or_default()
}

/// A file's bytes as text: UTF-8, or a diagnostic that says what it is instead (a
/// UTF-16 file, as some Windows editors save, gets a hint of its own).
pub fn utf8_text(file: &str, bytes: Vec<u8>) -> Result<String, Diagnostics> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || (bytes.len() >= 2 && (bytes[0] == 0 || bytes[1] == 0));
    String::from_utf8(bytes).map_err(|e| {
        let help = if utf16 {
            "the file looks like UTF-16: save it as UTF-8"
        } else {
            "OpenAPI and spec files are UTF-8 text; is this the right file?"
        };
        Diagnostics::from(
            Diagnostic::new(
                file,
                "",
                format!(
                    "the file is not UTF-8 (byte {} is not)",
                    e.utf8_error().valid_up_to()
                ),
            )
            .help(help),
        )
    })
}

/// Parses an OpenAPI file into a plain tree for the importer: a `.json` file as
/// JSON, anything else as YAML, with YAML aliases held to adding
/// [`MAX_ALIAS_VALUES`] values.
pub fn parse_document(file: &str, text: &str) -> Result<serde_json::Value, Diagnostics> {
    if text.len() > MAX_OPENAPI_BYTES {
        return Err(Diagnostics::from(Diagnostic::new(
            file,
            "",
            format!(
                "the file is {} bytes, over the limit of {MAX_OPENAPI_BYTES}",
                text.len()
            ),
        )));
    }
    if let Some((location, depth)) = too_deep(text) {
        return Err(Diagnostics::from(
            Diagnostic::new(
                file,
                "",
                format!("brackets nest deeper than {MAX_FLOW_DEPTH} levels (at least {depth})"),
            )
            .at(Some(location), text),
        ));
    }
    if file.to_ascii_lowercase().ends_with(".json") {
        return serde_json::from_str(text)
            .map_err(|e| Diagnostics::from(from_json_error(file, text, &e)));
    }
    check_expansion(file, text)?;
    serde_yaml::from_str::<serde_json::Value>(text)
        .map_err(|e| Diagnostics::from(from_yaml_error(file, text, &e)))
}

/// A JSON syntax error, located.
fn from_json_error(file: &str, text: &str, err: &serde_json::Error) -> Diagnostic {
    let message = err.to_string();
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.as_str(), |(head, _)| head);
    let location = (err.line() > 0).then(|| Location {
        line: err.line(),
        column: err.column().max(1),
    });
    Diagnostic::new(file, "", format!("not valid JSON: {message}"))
        .help("a `.json` file is read as JSON; check the quotes, commas and brackets here")
        .at(location, text)
}

/// How many values YAML aliases may add to a document, in all: a fixed budget,
/// whatever the file's size. Sharing a few definitions (as `spec/twilio-chat-v1`
/// does) adds some hundreds; an "alias bomb" of nine lines adds a billion, and is
/// refused after this many. Twilio's OpenAPI files use no aliases.
pub const MAX_ALIAS_VALUES: usize = 10_000;

/// Refuses `text` when its aliases expand it by more than [`MAX_ALIAS_VALUES`]
/// values. A file with nothing that could be an alias costs one scan of its bytes;
/// one with some is counted twice, without keeping anything: once with each possible
/// alias read as plain text (what the file holds), once as written, stopping as soon
/// as the second passes the first by the budget.
fn check_expansion(file: &str, text: &str) -> Result<(), Diagnostics> {
    let aliases = possible_aliases(text);
    if aliases.is_empty() {
        return Ok(());
    }
    let mut plain = text.as_bytes().to_vec();
    for at in aliases {
        plain[at] = b'x';
    }
    let plain = String::from_utf8(plain).expect("an ASCII byte replaced by another");
    // Syntax errors are the real parse's to report; count from the text's size then.
    let held = match count_values(&plain, usize::MAX) {
        Some(Ok(values)) => values,
        _ => text.len(),
    };
    let budget = held.saturating_add(MAX_ALIAS_VALUES);
    if count_values(text, budget) != Some(Err(())) {
        return Ok(());
    }
    Err(Diagnostics::from(
        Diagnostic::new(
            file,
            "",
            format!(
                "YAML aliases (`*name`) expand the document by more than {MAX_ALIAS_VALUES} values"
            ),
        )
        .help("write the repeated parts out, or share them with `$ref` (OpenAPI) or a named type (spec)"),
    ))
}

/// Where `text` may hold an alias: each `*` that starts a node (at the start, after
/// white space or a flow indicator) and is followed by a character an anchor's name
/// may start with (libyaml, under serde_yaml, takes letters, digits, `_` and `-`).
/// Inside quotes or block text this finds some that are not: harmless, as they are
/// counted, not changed.
fn possible_aliases(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'-';
    let starts_node = |b: u8| b.is_ascii_whitespace() || b"[{,:?-".contains(&b);
    (0..bytes.len())
        .filter(|&i| {
            bytes[i] == b'*'
                && bytes.get(i + 1).copied().is_some_and(name)
                && (i == 0 || starts_node(bytes[i - 1]))
        })
        .collect()
}

/// How many values `text` holds, aliases expanded: `Some(Err(()))` once past `most`,
/// `None` when it doesn't parse.
fn count_values(text: &str, most: usize) -> Option<Result<usize, ()>> {
    let counter = Counter {
        left: std::cell::Cell::new(most),
    };
    match (&counter).deserialize(serde_yaml::Deserializer::from_str(text)) {
        Ok(()) => Some(Ok(most - counter.left.get())),
        Err(e) if e.to_string().contains(OVER_BUDGET) => Some(Err(())),
        Err(_) => None,
    }
}

const OVER_BUDGET: &str = "more values than the expansion budget";

/// Visits every value of a document, failing once it has seen `left` of them.
struct Counter {
    left: std::cell::Cell<usize>,
}

impl Counter {
    fn count<E: de::Error>(&self) -> Result<(), E> {
        match self.left.get().checked_sub(1) {
            Some(left) => {
                self.left.set(left);
                Ok(())
            }
            None => Err(E::custom(OVER_BUDGET)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for &Counter {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for &Counter {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.count()
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.count()
    }
    fn visit_i128<E: de::Error>(self, _: i128) -> Result<(), E> {
        self.count()
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.count()
    }
    fn visit_u128<E: de::Error>(self, _: u128) -> Result<(), E> {
        self.count()
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.count()
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        self.count()
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.count()
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.count()
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.count()?;
        while seq.next_element_seed(self)?.is_some() {}
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.count()?;
        while map.next_key_seed(self)?.is_some() {
            map.next_value_seed(self)?;
        }
        Ok(())
    }
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let (_, variant) = data.variant_seed(self)?;
        de::VariantAccess::newtype_variant_seed(variant, self)
    }
}

/// Parses the typed spec; after a shape error, parses again with the failed entry
/// skipped, and so on, so every broken entry is reported in one run.
fn parse_recovering(file: &str, text: &str) -> Result<SpecFile, Diagnostics> {
    let mut skip = Vec::new();
    let mut diags = Diagnostics::default();
    loop {
        let (result, failed) =
            recovery::with_skips(&skip, || serde_yaml::from_str::<SpecFile>(text));
        match result {
            Ok(spec) if diags.is_empty() => return Ok(spec),
            Ok(_) => break,
            Err(e) => {
                diags.push(from_yaml_error(file, text, &e));
                match failed {
                    // Each pass skips one more entry, so this ends.
                    Some(entry) if !skip.contains(&entry) => skip.push(entry),
                    _ => break,
                }
            }
        }
    }
    diags.sort();
    Err(diags)
}

/// Deeper `[`/`{` nesting than this is refused before parsing: libyaml's scanner
/// slows down quadratically with flow depth.
pub const MAX_FLOW_DEPTH: usize = 64;

/// Where flow nesting (`[`, `{` outside quotes and comments) first passes
/// [`MAX_FLOW_DEPTH`]. A cheap guard, not a YAML parser: it reads quotes only where
/// a quoted scalar can start.
fn too_deep(text: &str) -> Option<(Location, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = '\n';
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            (line, column, comment) = (line + 1, 0, false);
            prev = c;
            continue;
        }
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if comment => {}
            None => match c {
                '#' if prev.is_whitespace() => comment = true,
                '\'' | '"' if prev.is_whitespace() || "[{,:".contains(prev) => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > MAX_FLOW_DEPTH {
                        return Some((Location { line, column }, depth));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            },
        }
        prev = c;
    }
    None
}

fn from_yaml_error(file: &str, text: &str, err: &serde_yaml::Error) -> Diagnostic {
    let location = err.location().map(|l| Location {
        line: l.line(),
        column: l.column(),
    });
    let mut message = err.to_string();
    if let Some(loc) = location {
        let suffix = format!(" at line {} column {}", loc.line, loc.column);
        if let Some(i) = message.find(&suffix) {
            message.replace_range(i..i + suffix.len(), "");
        }
    }
    // serde_yaml prefixes the node path (`resources.Invite: unknown field …`).
    let mut path = String::new();
    if let Some((head, rest)) = message.split_once(": ") {
        if !head.is_empty() && !head.contains(char::is_whitespace) && head != "." {
            path = head.to_string();
            message = rest.to_string();
        }
    }
    let mut help = None;
    let ticked: Vec<&str> = message.split('`').skip(1).step_by(2).collect();
    if message.starts_with("unknown field") || message.starts_with("unknown variant") {
        if let Some((bad, valid)) = ticked.split_first() {
            if message.starts_with("unknown field") {
                path = join_path(&path, bad);
            }
            help = Some(match did_you_mean(bad, valid.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("expected one of: {}", quoted(valid)),
            });
        }
    } else if message.starts_with("missing field") {
        if let Some(name) = ticked.first() {
            help = Some(format!("add `{name}:` here"));
        }
    } else if let Some(key) = duplicate_key(&message) {
        // serde_yaml points at the mapping; point at the second entry instead.
        let segments: Vec<&str> = path
            .split('.')
            .filter(|s| !s.is_empty())
            .chain([key.as_str()])
            .collect();
        let second = locate_nth(text, &segments, Target::Key, 1);
        let d = Diagnostic::new(file, segments.join("."), format!("duplicate key `{key}`"))
            .help("remove or rename one of the two entries")
            .at(second.or(location), text);
        return d;
    } else if message.contains("cannot start any token") && text.contains('\t') {
        help = Some("YAML indentation must use spaces, not tabs".to_string());
    } else if message.contains("repetition limit") {
        help = Some("YAML aliases here expand to too many nodes; write the values out".to_string());
    } else if message.contains("recursion limit") {
        help = Some("the document nests too deeply; a spec needs only a few levels".to_string());
    } else if message.contains("number out of range") {
        help = Some("no number type holds a number this large; write a smaller one".to_string());
    } else if message.contains("is out of range") {
        help = Some("use a bound within that range, or leave the bound out".to_string());
    } else if message.contains("control characters") {
        help = Some("a spec is UTF-8 YAML text; is this the right file?".to_string());
    } else if !message.contains("expected") {
        help = Some("check the quotes, brackets and indentation at this point".to_string());
    }
    let mut d = Diagnostic::new(file, path, message).at(location, text);
    d.help = help;
    d
}

/// The key of serde_yaml's `duplicate entry with key "x"`.
fn duplicate_key(message: &str) -> Option<String> {
    let quoted = message.strip_prefix("duplicate entry with key ")?;
    Some(quoted.trim_matches('"').to_string())
}

fn quoted(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `a.b` + `c` = `a.b.c`.
pub fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Which part of a mapping entry a location should point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The entry's key (`role_sid:`), for problems with a name.
    Key,
    /// The entry's value, for problems with what was written there.
    Value,
}

/// Finds where the node at `path` (mapping keys, or sequence indices as numbers) starts.
///
/// serde_yaml exposes positions only on errors, so this walks the document and raises
/// an error on purpose at the node; the error carries its line and column.
pub fn locate(text: &str, path: &[&str], target: Target) -> Option<Location> {
    locate_nth(text, path, target, 0)
}

/// Like [`locate`], but for the `skip`-th repetition of the last key (for duplicates).
fn locate_nth(text: &str, path: &[&str], target: Target, skip: usize) -> Option<Location> {
    let probe = Probe { path, target, skip };
    match probe.deserialize(serde_yaml::Deserializer::from_str(text)) {
        Err(e) if e.to_string().contains(FOUND) => e.location().map(|l| Location {
            line: l.line(),
            column: l.column(),
        }),
        _ => None,
    }
}

const FOUND: &str = "\u{0}probe found the node";

struct Probe<'p> {
    path: &'p [&'p str],
    target: Target,
    /// Matches of the last key to pass over.
    skip: usize,
}

impl<'de> DeserializeSeed<'de> for Probe<'_> {
    type Value = ();

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.path.is_empty() {
            d.deserialize_any(Found)
        } else {
            d.deserialize_any(self)
        }
    }
}

impl<'de> Visitor<'de> for Probe<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML node")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (head, rest) = self.path.split_first().expect("probe path is not empty");
        let mut skip = if rest.is_empty() { self.skip } else { 0 };
        loop {
            let raise = rest.is_empty() && self.target == Target::Key && skip == 0;
            match map.next_key_seed(KeyProbe { name: head, raise })? {
                None => return Ok(()),
                Some(true) if skip == 0 => {
                    return map.next_value_seed(Probe {
                        path: rest,
                        target: self.target,
                        skip: self.skip,
                    });
                }
                Some(true) => skip -= 1,
                Some(false) => {}
            }
            map.next_value::<IgnoredAny>()?;
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (head, rest) = self.path.split_first().expect("probe path is not empty");
        let Ok(index) = head.parse::<usize>() else {
            return Ok(());
        };
        for _ in 0..index {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Probe {
            path: rest,
            target: self.target,
            skip: self.skip,
        })?;
        Ok(())
    }

    fn visit_bool<E>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E>(self) -> Result<(), E> {
        Ok(())
    }
}

/// Deserializes a mapping key: `Ok(true)` if it is `name`, or the probe's error if the
/// key itself is the target.
struct KeyProbe<'n> {
    name: &'n str,
    raise: bool,
}

impl<'de> DeserializeSeed<'de> for KeyProbe<'_> {
    type Value = bool;

    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for KeyProbe<'_> {
    type Value = bool;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
        match key == self.name {
            true if self.raise => Err(E::custom(FOUND)),
            matched => Ok(matched),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<bool, E> {
        self.visit_str(&v.to_string())
    }
    fn visit_unit<E: de::Error>(self) -> Result<bool, E> {
        self.visit_str("~")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(false)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(false)
    }
}

/// Fails on whatever node it is handed, so the error carries that node's position.
struct Found;

impl<'de> Visitor<'de> for Found {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(FOUND)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A document whose aliases add `copies` copies of a ten-value list, after
    /// `padding` alias-free values.
    fn shared(copies: usize, padding: usize) -> String {
        let mut text = String::from("base: &ten [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\ncopies:\n");
        for _ in 0..copies {
            text.push_str("- *ten\n");
        }
        text.push_str("padding:\n");
        for i in 0..padding {
            text.push_str(&format!("- {i}\n"));
        }
        text
    }

    #[test]
    fn aliases_have_a_fixed_budget_whatever_the_size() {
        // Each copy adds ten values for its one alias: 900 copies add 8,100.
        assert!(check_expansion("f.yaml", &shared(900, 0)).is_ok());
        // 1,200 add 10,800: refused, and still so in a file a hundred times larger.
        for padding in [0, 200_000] {
            let err = check_expansion("f.yaml", &shared(1200, padding)).unwrap_err();
            assert!(
                err.to_string()
                    .contains("expand the document by more than 10000"),
                "{err}"
            );
        }
    }

    #[test]
    fn only_what_could_start_an_alias_is_counted() {
        let found = |text: &str| possible_aliases(text).len();
        for (text, n) in [
            ("a: *x", 1),
            ("[*a, *b]", 2),
            ("{\"k\":*a}", 1),
            ("*root", 1),
            ("doc: a **Note** here, 2*3 and * bullet", 0),
            ("doc: a*b", 0),
        ] {
            assert_eq!(found(text), n, "{text}");
        }
    }

    const DOC: &str = "a:\n  b:\n    c: 1\n    d: [x, y]\n  e: hi\n";

    #[test]
    fn locates_values_keys_and_sequence_items() {
        let at = |path: &[&str], t| locate(DOC, path, t).map(|l| (l.line, l.column));
        assert_eq!(at(&["a", "b", "c"], Target::Value), Some((3, 8)));
        assert_eq!(at(&["a", "b", "c"], Target::Key), Some((3, 5)));
        assert_eq!(at(&["a", "b", "d", "1"], Target::Value), Some((4, 12)));
        assert_eq!(at(&["a", "e"], Target::Value), Some((5, 6)));
        assert_eq!(at(&["a", "zz"], Target::Value), None);
    }

    #[test]
    fn unknown_key_gets_a_suggestion_and_full_path() {
        let err = parse("f.yaml", "types:\n  X:\n    doc: d\n    patern: x\n")
            .unwrap_err()
            .0
            .remove(0);
        assert_eq!(err.path, "types.X.patern");
        assert_eq!(err.help.as_deref(), Some("did you mean `pattern`?"));
        assert_eq!(err.location, Some(Location { line: 4, column: 5 }));
    }

    #[test]
    fn duplicate_keys_are_errors() {
        let err = parse("f.yaml", "types:\n  X: {doc: a}\n  X: {doc: b}\n")
            .unwrap_err()
            .0
            .remove(0);
        assert!(err.message.contains("duplicate"), "{err}");
    }
}
