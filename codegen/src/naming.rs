//! The one place spec names become Rust names.
//!
//! heck does the case conversion; before it, characters that can't be in an identifier
//! become word breaks; after it, names that are keywords or start with a digit are made
//! legal. The wire name is always kept separately for `#[serde(rename)]`.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// A `snake_case` name for fields, parameters, modules and methods (`r#type`, `self_`).
/// The Rust name a parameter takes when its own (`snake(wire)`) is reserved or taken:
/// `StartTime<` and `StartTime>` beside `StartTime` are `start_time_before` and
/// `start_time_after`, as in Twilio's libraries; any other takes `_value`. The
/// importer writes it as the parameter's `name:`, and lowering suggests it.
pub fn alternative_param_name(wire: &str) -> String {
    let alternative = match wire.strip_suffix('<') {
        Some(stem) => format!("{stem}Before"),
        None => match wire.strip_suffix('>') {
            Some(stem) => format!("{stem}After"),
            None => format!("{wire}Value"),
        },
    };
    snake(&alternative)
}

pub fn snake(wire: &str) -> String {
    let name = words(wire).to_snake_case();
    let name = if name.is_empty() {
        "unnamed".to_string()
    } else {
        name
    };
    let name = if starts_with_digit(&name) {
        format!("_{name}")
    } else {
        name
    };
    escape_keyword(name)
}

/// An `UpperCamelCase` name for types and enum variants (`SelfValue`, `N2fa`).
pub fn camel(wire: &str) -> String {
    let name = words(wire).to_upper_camel_case();
    match name.as_str() {
        "" => "Unnamed".to_string(),
        // The one camel-case keyword; `Self_` would trip the camel-case lint.
        "Self" => "SelfValue".to_string(),
        _ if starts_with_digit(&name) => format!("N{name}"),
        _ => name,
    }
}

/// Keeps ASCII letters and digits, drops apostrophes (`won't` is one word) and turns
/// everything else into a word break.
fn words(wire: &str) -> String {
    wire.chars()
        .filter(|&c| c != '\'')
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

fn starts_with_digit(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_digit())
}

/// True when `name` is a strict or reserved keyword of Rust 2015 to 2024.
pub fn is_keyword(name: &str) -> bool {
    KEYWORDS.contains(&name)
}

/// Every strict and reserved keyword of Rust 2015 to 2024.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that can't be raw identifiers get a trailing underscore instead.
const NOT_RAW: &[&str] = &["crate", "self", "super"];

fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_table() {
        let table = [
            ("sid", "sid"),
            ("PageSize", "page_size"),
            ("RoleSid", "role_sid"),
            ("role_sid", "role_sid"),
            (
                "Notifications.NewMessage.Enabled",
                "notifications_new_message_enabled",
            ),
            ("type", "r#type"),
            ("ref", "r#ref"),
            ("gen", "r#gen"),
            ("async", "r#async"),
            ("self", "self_"),
            ("Self", "self_"),
            ("crate", "crate_"),
            ("super", "super_"),
            ("2fa", "_2fa"),
            ("@timestamp", "timestamp"),
            ("won't", "wont"),
            ("x-request-id", "x_request_id"),
            ("café", "caf"),
            ("", "unnamed"),
            ("---", "unnamed"),
            ("Result", "result"),
        ];
        for (wire, want) in table {
            assert_eq!(snake(wire), want, "snake({wire:?})");
        }
    }

    #[test]
    fn camel_table() {
        let table = [
            ("invite", "Invite"),
            ("InviteSid", "InviteSid"),
            ("user_channel", "UserChannel"),
            ("public", "Public"),
            ("Self", "SelfValue"),
            ("self", "SelfValue"),
            ("type", "Type"),
            ("2fa", "N2fa"),
            ("@timestamp", "Timestamp"),
            ("won't", "Wont"),
            ("in-progress", "InProgress"),
            ("a.b", "AB"),
            ("", "Unnamed"),
            ("Result", "Result"),
        ];
        for (wire, want) in table {
            assert_eq!(camel(wire), want, "camel({wire:?})");
        }
    }
}
