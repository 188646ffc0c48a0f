//! Spec text into rustdoc. Text goes into `#[doc = "…"]` string literals, so it can't
//! end the comment; what is escaped here is Markdown and HTML that rustdoc would
//! misread: code fences (they would become doctests), stray brackets (broken links),
//! bare URLs, raw HTML and control characters.

use proc_macro2::TokenStream;
use quote::quote;

/// `#[doc]` attributes for a description, one per line.
pub fn doc(text: &str) -> TokenStream {
    let lines = lines(text);
    quote! { #( #[doc = #lines] )* }
}

/// A description followed by a blank line and a second paragraph.
pub fn doc_with(text: &str, extra: &str) -> TokenStream {
    let first = doc(text);
    let second = doc(extra);
    quote! { #first #[doc = ""] #second }
}

/// The lines of a description, each with a leading space as `///` would have.
pub fn lines(text: &str) -> Vec<String> {
    let text = text.trim();
    if text.is_empty() {
        return vec![" (No description in the spec.)".to_string()];
    }
    text.lines()
        .map(|line| format!(" {}", escape_line(line.trim_end())))
        .collect()
}

/// One line of spec text made safe for rustdoc, joining any line breaks with spaces.
pub fn escape(text: &str) -> String {
    escape_line(&text.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    let mut i = 0;
    let mut in_code = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '`' {
            // A run of three or more backticks opens a fence; keep it as text.
            let run = chars[i..].iter().take_while(|&&b| b == '`').count();
            if run >= 3 {
                out.extend(std::iter::repeat_n("\\`", run));
            } else {
                out.extend(std::iter::repeat_n('`', run));
                in_code = !in_code;
            }
            i += run;
            continue;
        }
        if in_code {
            out.push(c);
            i += 1;
            continue;
        }
        match c {
            '[' => match link_end(&chars, i) {
                Some(end) => {
                    // A Markdown link `[text](url)`: keep as written, escaping its text.
                    let text: String = chars[i + 1..end].iter().collect();
                    let close = chars[end + 2..]
                        .iter()
                        .position(|&c| c == ')')
                        .map(|p| p + end + 2);
                    match close {
                        Some(close) => {
                            let url: String = chars[end + 2..close].iter().collect();
                            out.push('[');
                            out.push_str(&escape_line(&text));
                            out.push_str("](");
                            out.push_str(&url.replace(['<', '>', ' '], ""));
                            out.push(')');
                            i = close + 1;
                        }
                        None => {
                            out.push_str("\\[");
                            i += 1;
                        }
                    }
                    continue;
                }
                None => out.push_str("\\["),
            },
            ']' => out.push_str("\\]"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\\' => out.push_str("\\\\"),
            '#' if out.trim().is_empty() => out.push_str("\\#"),
            'h' if starts_url(&chars[i..]) => {
                let end = chars[i..]
                    .iter()
                    .position(|c| c.is_whitespace())
                    .map_or(chars.len(), |p| p + i);
                let url: String = chars[i..end].iter().collect();
                let trimmed = url.trim_end_matches(['.', ',', ';', ':', ')']);
                out.push('<');
                out.push_str(trimmed);
                out.push('>');
                out.push_str(&url[trimmed.len()..]);
                i = end;
                continue;
            }
            _ => out.push(c),
        }
        i += 1;
    }
    if in_code {
        // An unclosed inline code span would swallow later lines.
        out.push('`');
    }
    out
}

/// For `[` at `start`, the index of its `]` when `](` follows (a Markdown link).
fn link_end(chars: &[char], start: usize) -> Option<usize> {
    let end = chars[start + 1..]
        .iter()
        .position(|&c| c == ']' || c == '[')?
        + start
        + 1;
    (chars[end] == ']' && chars.get(end + 1) == Some(&'(')).then_some(end)
}

fn starts_url(chars: &[char]) -> bool {
    let s: String = chars.iter().take(8).collect();
    s.starts_with("http://") || s.starts_with("https://")
}

/// The environment variables a client's credentials come from, in a sentence.
pub fn credentials_from_env(auth: &crate::model::Auth) -> &'static str {
    match (auth.basic, auth.oauth2.is_some()) {
        (true, false) => "`TWILIO_ACCOUNT_SID` and `TWILIO_AUTH_TOKEN`",
        (false, _) => "`TWILIO_CLIENT_ID` and `TWILIO_CLIENT_SECRET`",
        (true, true) => {
            "`TWILIO_CLIENT_ID` and `TWILIO_CLIENT_SECRET`, or `TWILIO_ACCOUNT_SID` and \
             `TWILIO_AUTH_TOKEN`"
        }
    }
}

#[cfg(test)]
mod tests {
    use super::lines;

    fn one(text: &str) -> String {
        lines(text).join("\n")
    }

    #[test]
    fn keeps_links_and_code() {
        assert_eq!(
            one("The SID of the [Account](https://www.twilio.com/docs/api) of `sid`."),
            " The SID of the [Account](https://www.twilio.com/docs/api) of `sid`."
        );
    }

    #[test]
    fn neutralises_markdown_and_html() {
        assert_eq!(
            one("```rust\npanic!()\n```"),
            " \\`\\`\\`rust\n panic!()\n \\`\\`\\`"
        );
        assert_eq!(
            one("see [the docs] and <b>bold</b>"),
            " see \\[the docs\\] and &lt;b&gt;bold&lt;/b&gt;"
        );
        assert_eq!(
            one("see https://example.com."),
            " see <https://example.com>."
        );
        assert_eq!(one("a */ b \"# c #[attr]"), " a */ b \"# c #\\[attr\\]");
        assert_eq!(one("bell\u{7} here"), " bell here");
        assert_eq!(one("open `code"), " open `code`");
        assert_eq!(one("# not a heading"), " \\# not a heading");
        assert_eq!(one(""), " (No description in the spec.)");
    }
}
