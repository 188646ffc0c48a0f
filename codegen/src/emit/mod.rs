//! Emitters: one per kind of output file, each reading only the resolved model.
//! They do no I/O and cannot fail; their output is formatted by prettyplease.

mod callbacks;
mod cargo_toml;
mod client;
mod doc_examples;
mod docs;
mod example_programs;
mod handles;
mod items;
mod lib_rs;
mod named_types;
mod params;
mod readme;
mod resource;
pub(crate) mod rust_types;
mod twiml;
mod webhooks;

use crate::model::Api;
use proc_macro2::{Ident, Span, TokenStream};
use std::collections::BTreeMap;

/// Where a generated crate sits relative to what it depends on: the emitters' input,
/// which the crate root works out for an output folder (`Layout::for_output`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// How its `Cargo.toml` finds the runtime crate.
    pub runtime: RuntimeDep,
    /// Its `Cargo.toml` declares a workspace of its own: it was generated outside
    /// any workspace that lists it.
    pub own_workspace: bool,
}

/// How a generated crate depends on the runtime crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RuntimeDep {
    /// From the workspace's `[workspace.dependencies]`: the crate is a member of this
    /// repository's workspace, whose root names the runtime once.
    Workspace,
    /// By this path (relative to the crate's folder) and the runtime's version.
    Path(String),
}

/// Generated files by path relative to the output folder (`src/lib.rs`).
pub type Files = BTreeMap<String, String>;

pub fn emit(api: &Api, layout: &Layout) -> Files {
    emit_files(api, layout, false).0
}

/// A crate's source files, each read into its modules (`src/lib.rs` → the root's).
pub type Code = Vec<(String, Vec<(String, crate::surface::code::Module)>)>;

/// The generated files, and the crate's code read for its surface: each file is
/// read where it is formatted, from the same syntax tree.
pub fn emit_with_code(api: &Api, layout: &Layout) -> (Files, Code) {
    emit_files(api, layout, true)
}

fn emit_files(api: &Api, layout: &Layout, read: bool) -> (Files, Code) {
    let stamp = stamp(api);
    let (mut files, code) = run_all(&jobs(api), |path, tokens| {
        let file: syn::File = syn::parse2(tokens).expect("emitters produce valid Rust");
        let modules = (read && path.starts_with("src/"))
            .then(|| crate::surface::code::Module::read(&file.items));
        let text = finish_file(&stamp, &prettyplease::unparse(&file));
        (Some(text), modules)
    });
    if api.twiml.is_some() {
        files.insert("Cargo.toml".into(), cargo_toml::twiml(api, layout, &stamp));
        files.insert("README.md".into(), readme::twiml(api, &stamp));
    } else {
        files.insert("Cargo.toml".into(), cargo_toml::emit(api, layout, &stamp));
        files.insert("README.md".into(), readme::emit(api, &stamp));
    }
    files.insert("rustfmt.toml".into(), cargo_toml::rustfmt_toml(&stamp));
    (files, code)
}

/// The crate's code read for its surface, without formatting it.
pub fn read_modules(api: &Api) -> Code {
    let src: Vec<RustJob> = jobs(api)
        .into_iter()
        .filter(|(path, _)| path.starts_with("src/"))
        .collect();
    run_all(&src, |_, tokens| {
        let file: syn::File = syn::parse2(tokens).expect("emitters produce valid Rust");
        (None, Some(crate::surface::code::Module::read(&file.items)))
    })
    .1
}

/// Every Rust file the crate has, largest first, so the last file a core picks up
/// is a small one.
fn jobs(api: &Api) -> Vec<RustJob<'_>> {
    if let Some(twiml) = &api.twiml {
        return twiml::jobs(api, twiml);
    }
    let mut jobs: Vec<RustJob> = Vec::new();
    for r in &api.resources {
        let path = r.file.clone();
        jobs.push((path, Box::new(move || Some(resource::emit(api, r)))));
    }
    if !api.types.is_empty() {
        jobs.push((
            "src/types.rs".into(),
            Box::new(|| Some(named_types::emit(api))),
        ));
    }
    for r in &api.resources {
        if let Some(program) = &r.example {
            let path = format!("examples/{}.rs", program.program);
            jobs.push((
                path,
                Box::new(move || Some(example_programs::emit(api, r, program))),
            ));
        }
    }
    if let Some(hooks) = &api.webhooks {
        jobs.push((
            format!("src/{}.rs", crate::generated_crate::webhook_names::MODULE),
            Box::new(|| webhooks::emit(api)),
        ));
        if let Some(example) = &hooks.example {
            jobs.push((
                format!("examples/{}.rs", example.program),
                Box::new(|| example_programs::webhook_receiver(api)),
            ));
        }
    }
    if api.callbacks.is_some() {
        jobs.push((
            format!("src/{}.rs", crate::generated_crate::callback_names::MODULE),
            Box::new(|| callbacks::emit(api)),
        ));
    }
    jobs.push(("src/lib.rs".into(), Box::new(|| Some(lib_rs::emit(api)))));
    jobs.push(("src/client.rs".into(), Box::new(|| Some(client::emit(api)))));
    jobs.push((
        "src/resources/mod.rs".into(),
        Box::new(|| Some(resource::emit_mod(api))),
    ));
    jobs
}

/// A Rust file to generate: its path, and the emitter of its tokens (`None` when the
/// spec has nothing for it).
pub(crate) type RustJob<'a> = (String, Box<dyn Fn() -> Option<TokenStream> + Sync + 'a>);

/// What one file became: its text, and its modules as read for the surface.
type Done = (
    Option<String>,
    Option<Vec<(String, crate::surface::code::Module)>>,
);

/// Runs the emitters and `finish` on their tokens on every core (`crate::parallel`).
fn run_all(jobs: &[RustJob], finish: impl Fn(&str, TokenStream) -> Done + Sync) -> (Files, Code) {
    let mut all: Vec<_> = crate::parallel::map(jobs, |(path, job)| {
        job().map(|tokens| (path.clone(), finish(path, tokens)))
    })
    .into_iter()
    .flatten()
    .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    let mut files = Files::new();
    let mut code = Code::new();
    for (path, (text, modules)) in all {
        if let Some(modules) = modules {
            code.push((path.clone(), modules));
        }
        if let Some(text) = text {
            files.insert(path, text);
        }
    }
    (files, code)
}

/// The "do not edit" line every generated file starts with (as a `//` or `#` comment).
fn stamp(api: &Api) -> String {
    let stamp = format!(
        "// @generated by `cargo xtask gen` from {}; do not edit.",
        api.sources.join(", ")
    );
    let mut visible = String::with_capacity(stamp.len());
    push_visible(&mut visible, &stamp);
    visible
}

/// A formatted file as it is written: the stamp, a blank line, then the code with
/// a blank line between items ([`item_starts`]) and every hidden character visible
/// ([`push_visible`]). One pass: it runs over every line `gen` writes.
fn finish_file(stamp: &str, code: &str) -> String {
    let mut out = String::with_capacity(stamp.len() + code.len() + code.len() / 16);
    out.push_str(stamp);
    out.push_str("\n\n");
    let mut before: Option<Line> = None;
    for text in code.lines() {
        let line = Line::new(text);
        if before.is_some_and(|before| item_starts(before, line)) {
            out.push('\n');
        }
        push_visible(&mut out, text);
        out.push('\n');
        before = Some(line);
    }
    out
}

/// `text`, with what rustc refuses or what hides what a reader sees written as a
/// visible `\u{…}` escape. Whatever the spec says, this is the last step before a
/// Rust file is written: identifiers are ASCII, string literals are already escaped,
/// so what this finds is in comments and docs (a doc prettyplease writes as a
/// `/** … */` block spans lines that don't start with `//`), where the escape is
/// harmless text (and in a doc example's string literal, the same character).
fn push_visible(out: &mut String, text: &str) {
    let mut copied = 0;
    for (at, byte) in text.bytes().enumerate() {
        // Only these bytes start a hidden character (see `hidden`); checking bytes
        // first keeps the common line from being decoded character by character.
        if byte >= 0x20 && byte != 0x7f && !matches!(byte, 0xc2 | 0xd8 | 0xe2 | 0xef) {
            continue;
        }
        let Some(c) = text[at..].chars().next().filter(|&c| hidden(c)) else {
            continue;
        };
        out.push_str(&text[copied..at]);
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
        copied = at + c.len_utf8();
    }
    out.push_str(&text[copied..]);
}

/// Controls (but line breaks and tabs), text-direction marks and overrides (which
/// rustc denies in comments), zero-width characters and line/paragraph separators.
pub(super) fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(
            c,
            '\u{61c}'
                | '\u{200b}'..='\u{200f}'
                | '\u{2028}'..='\u{202e}'
                | '\u{2060}'..='\u{2069}'
                | '\u{feff}'
        )
}

/// A line of formatted code: its text without the spaces around it, and its indent.
#[derive(Clone, Copy)]
struct Line<'a> {
    code: &'a str,
    indent: usize,
}

impl<'a> Line<'a> {
    fn new(text: &'a str) -> Self {
        let start = text.trim_start();
        Line {
            code: start.trim_end(),
            indent: text.len() - start.len(),
        }
    }
}

/// Whether a blank line goes between `before` and `line`, as a person writes items;
/// prettyplease leaves none. An item starts where a line at the indentation of the
/// line before it opens an item (its docs, attributes or keyword) after that line
/// closed something.
fn item_starts(before: Line, line: Line) -> bool {
    const ITEM_STARTS: &[&str] = &[
        "///",
        "#[",
        "pub ",
        "pub(",
        "fn ",
        "async fn ",
        "impl ",
        "impl<",
        "struct ",
        "enum ",
        "mod ",
        "const ",
        "static ",
        "type ",
        "trait ",
        "use ",
    ];
    let (b, l) = (before.code, line.code);
    // The crate's inner attributes sit apart from its docs and its items.
    if (b.starts_with("//!") && l.starts_with("#!["))
        || (b.starts_with("#![") && !l.starts_with("#![") && !l.is_empty())
    {
        return true;
    }
    let closed =
        b.starts_with("//!") || (!b.starts_with("//") && (b.ends_with('}') || b.ends_with(';')));
    let same_level = before.indent == line.indent || b.starts_with("//!");
    if !closed || !same_level || (b.starts_with("use ") && l.starts_with("use ")) {
        return false;
    }
    // At the top level, a macro call such as `string_newtype!` is an item too.
    (ITEM_STARTS.iter().any(|s| l.starts_with(s))
        || (line.indent == 0 && l.starts_with("crate::runtime::")))
        && !l.starts_with("//!")
}

/// An identifier from a name made by [`crate::naming`] (`r#type` is a raw identifier).
fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `r#type` is stored in `type.rs`.
fn file_stem(module: &str) -> &str {
    module.strip_prefix("r#").unwrap_or(module)
}
