//! Generated files read as a person would write them: no token spacing that only a
//! token printer produces (`crate ::x`, `& value`, `value ?`, `vec! (`), in code and
//! in the code of doc examples, which the generator writes as text.

use regex::Regex;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use tests::workspace_root;

/// Every `.rs` file of every generated crate: `generated/` and the fixtures' `out/`.
fn generated_rust_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("reading a generated folder") {
            let path = entry.expect("a folder entry").path();
            if path.is_dir() {
                walk(&path, files);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let root = workspace_root();
    let mut files = Vec::new();
    for krate in std::fs::read_dir(root.join("generated")).expect("generated/") {
        walk(&krate.expect("a generated crate").path(), &mut files);
    }
    for fixture in std::fs::read_dir(root.join("tests/fixtures")).expect("fixtures") {
        let out = fixture.expect("a fixture").path().join("out");
        if out.is_dir() {
            walk(&out, &mut files);
        }
    }
    files.sort();
    files
}

/// The marks of unformatted tokens, by name.
static MARKS: LazyLock<Vec<(&str, Regex)>> = LazyLock::new(|| {
    [
        ("a space before `?`", r"[\w)\]] \?"),
        // A borrow, not `a & b`: `&` opens an argument, a binding or an element.
        ("a space after `&`", r"(^|[(\[,=:]\s*)& +[\w(\[]"),
        ("`crate ::`", r"\bcrate ::"),
        (
            "a space between a macro's `!` and its bracket",
            r"\w! [(\[{]",
        ),
    ]
    .into_iter()
    .map(|(name, pattern)| (name, Regex::new(pattern).expect("regex")))
    .collect()
});

/// String literals, whose contents are data, not code.
static STRINGS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#""(\\.|[^"\\])*""#).expect("regex"));

/// The lines of code in a file, by 1-based line number: code outside comments, and
/// the code of fenced examples in doc comments. Prose may say "a & b".
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut in_example = false;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start();
        let doc = line
            .strip_prefix("///")
            .or_else(|| line.strip_prefix("//!"));
        match doc {
            Some(doc) => {
                let doc = doc.strip_prefix(' ').unwrap_or(doc);
                if doc.trim_start().starts_with("```") {
                    in_example = !in_example;
                } else if in_example {
                    // `# ` hides a line from the rendered example; it is still code.
                    let code = doc.strip_prefix("# ").unwrap_or(doc);
                    lines.push((n + 1, code.to_string()));
                }
            }
            None if line.starts_with("//") => {}
            None => lines.push((n + 1, line.to_string())),
        }
    }
    lines
}

/// The marks of unformatted tokens in one line of code.
fn token_soup(code: &str) -> Vec<&'static str> {
    let code = STRINGS.replace_all(code.trim_start(), "\"\"");
    MARKS
        .iter()
        .filter(|(_, mark)| mark.is_match(&code))
        .map(|(name, _)| *name)
        .collect()
}

/// Every mark of unformatted tokens in a file's text, as `line: mark: code`.
fn soup_in(text: &str) -> Vec<String> {
    code_lines(text)
        .into_iter()
        .flat_map(|(n, code)| {
            token_soup(&code)
                .into_iter()
                .map(move |mark| format!("{n}: {mark}: {}", code.trim()))
        })
        .collect()
}

#[test]
fn the_scanner_finds_each_mark() {
    for soup in [
        "crate::runtime::newtype::string_newtype!(X, crate ::runtime::validate::E);",
        "client.invites(& service_sid, & channel_sid)",
        "println!(\"{}\", serde_json::to_string(&record) ?);",
        "let v = vec! [1];",
        "/// ```no_run\n/// let h = client.invites(& sid, \"x\");\n/// ```",
        "//! ```\n//! # let x = f() ?;\n//! ```",
    ] {
        assert!(!soup_in(soup).is_empty(), "not caught: {soup}");
    }
    for clean in [
        "client.invites(&service_sid, &channel_sid)",
        "if a && b { x?; }",
        "/// Notifications & webhooks ?",
        "// a & b ?",
        "/// ```\n/// let ok = a && b?;\n/// ```\n/// and then & more ?",
        "let s = \"a & b ?\";",
        "pub fn f(x: &str) -> ::std::string::String {",
    ] {
        assert_eq!(soup_in(clean), Vec::<String>::new(), "{clean}");
    }
}

#[test]
fn no_generated_file_has_token_soup() {
    let root = workspace_root();
    let mut found = Vec::new();
    for file in generated_rust_files() {
        let text = std::fs::read_to_string(&file).expect("reading a generated file");
        let shown = file.strip_prefix(&root).unwrap_or(&file).display();
        found.extend(soup_in(&text).into_iter().map(|at| format!("{shown}:{at}")));
    }
    assert!(
        found.is_empty(),
        "unformatted tokens:\n{}",
        found.join("\n")
    );
}

/// No generated file holds a character that reorders or hides text (a bidi control,
/// a zero-width mark), though the hostile fixture's title is full of them: text
/// could otherwise read other than it is ("Trojan Source"), in the code, its docs or
/// the crate's `Cargo.toml` description.
#[test]
fn no_generated_file_holds_text_that_reorders_or_hides() {
    let spec =
        std::fs::read_to_string(workspace_root().join("tests/fixtures/hostile/spec/spec.yaml"))
            .expect("the hostile spec");
    assert!(spec.contains("\\u202E"), "the fixture no longer tries");
    let hidden = |c: char| matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}');
    let mut files = generated_rust_files();
    files.push(workspace_root().join("tests/fixtures/hostile/out/Cargo.toml"));
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a generated file");
        assert!(!text.contains(hidden), "{}", file.display());
    }
}

/// Every line of a doc example in generated code fits in 100 columns, as rustfmt
/// would keep it: long calls go a method a line, then an argument a line.
#[test]
fn doc_examples_fit_in_100_columns() {
    let mut long = Vec::new();
    for file in generated_rust_files() {
        let text = std::fs::read_to_string(&file).expect("a generated file");
        let mut in_example = false;
        for (n, line) in text.lines().enumerate() {
            let doc = line.trim_start();
            let Some(code) = doc.strip_prefix("///").or_else(|| doc.strip_prefix("//!")) else {
                continue;
            };
            if code.trim_start().starts_with("```") {
                in_example = !in_example;
                continue;
            }
            if in_example && line.chars().count() > 100 {
                long.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(
        long.is_empty(),
        "example lines over 100 columns:\n{}",
        long.join("\n")
    );
}
