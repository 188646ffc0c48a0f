//! Generated files read as a person would write them: no token spacing that only a
//! token printer produces (`crate ::x`, `& value`, `value ?`, `vec! (`).

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
    walk(&root.join("generated"), &mut files);
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

/// The marks of unformatted tokens in one line of code.
fn token_soup(line: &str) -> Vec<&'static str> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new(); // prose may say "a & b"
    }
    let code = STRINGS.replace_all(code, "\"\"");
    MARKS
        .iter()
        .filter(|(_, mark)| mark.is_match(&code))
        .map(|(name, _)| *name)
        .collect()
}

#[test]
fn the_scanner_finds_each_mark() {
    for soup in [
        "crate::runtime::newtype::string_newtype!(X, crate ::runtime::validate::E);",
        "client.invites(& service_sid, & channel_sid)",
        "println!(\"{}\", serde_json::to_string(&record) ?);",
        "let v = vec! [1];",
    ] {
        assert!(!token_soup(soup).is_empty(), "not caught: {soup}");
    }
    for clean in [
        "client.invites(&service_sid, &channel_sid)",
        "if a && b { x?; }",
        "/// Notifications & webhooks ?",
        "let s = \"a & b ?\";",
        "pub fn f(x: &str) -> ::std::string::String {",
    ] {
        assert_eq!(token_soup(clean), Vec::<&str>::new(), "{clean}");
    }
}

#[test]
fn no_generated_file_has_token_soup() {
    let root = workspace_root();
    let mut found = Vec::new();
    for file in generated_rust_files() {
        let text = std::fs::read_to_string(&file).expect("reading a generated file");
        for (n, line) in text.lines().enumerate() {
            for mark in token_soup(line) {
                let shown = file.strip_prefix(&root).unwrap_or(&file).display();
                found.push(format!("{shown}:{}: {mark}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "unformatted tokens:\n{}",
        found.join("\n")
    );
}
