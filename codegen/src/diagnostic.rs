//! What the generator says when a spec is wrong: where, what, and how to fix it.

use std::fmt;

/// A 1-based line and column in a spec file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number, starting at 1.
    pub column: usize,
}

/// One problem found in a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The spec file, as given to the generator (e.g. `spec/chat_v1.yaml`).
    pub file: String,
    /// Dotted path of the node in the spec, e.g. `resources.Invite.properties.sid.type`;
    /// empty for the document itself.
    pub path: String,
    /// Where the node starts, when the parser knows it.
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// What would make it valid.
    pub help: Option<String>,
    /// The offending source line (the part of it around the error, on a long line),
    /// and where in it the caret goes.
    pub(crate) source_line: Option<(String, usize)>,
}

impl Diagnostic {
    /// A diagnostic with no location or help yet.
    pub fn new(
        file: impl Into<String>,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            file: file.into(),
            path: path.into(),
            location: None,
            message: message.into(),
            help: None,
            source_line: None,
        }
    }

    /// Adds the change that would make the spec valid.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Fills in location and source line from the file's text.
    pub(crate) fn at(mut self, location: Option<Location>, text: &str) -> Self {
        if let Some(loc) = location {
            self.location = Some(loc);
            self.source_line = text
                .lines()
                .nth(loc.line.saturating_sub(1))
                .map(|line| window(line, loc.column));
        }
        self
    }
}

/// The most characters of a source line quoted: a minified JSON file is one line.
const QUOTED_CHARS: usize = 160;

/// The part of `line` quoted under an error at `column` (from 1), at most
/// [`QUOTED_CHARS`] long with `…` where it is cut, and where the caret goes in it
/// (from 0). Control characters (a tab, say) would misalign the caret; they show as
/// spaces.
fn window(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let at = column.saturating_sub(1).min(chars.len());
    if chars.len() <= QUOTED_CHARS {
        return (chars.into_iter().collect(), at);
    }
    let start = at
        .saturating_sub(QUOTED_CHARS / 2)
        .min(chars.len() - QUOTED_CHARS);
    let end = start + QUOTED_CHARS;
    let mut quoted = String::new();
    let mut caret = at - start;
    if start > 0 {
        quoted.push('…');
        caret += 1;
    }
    quoted.extend(&chars[start..end]);
    if end < chars.len() {
        quoted.push('…');
    }
    (quoted, caret)
}

impl fmt::Display for Diagnostic {
    /// Renders like rustc:
    ///
    /// ```text
    /// error: unknown type `InvteSid`
    ///   --> spec/chat_v1.yaml:50:15 (at resources.Invite.properties.sid.type)
    ///    |
    /// 50 |         type: InvteSid
    ///    |               ^
    ///    = help: did you mean `InviteSid`?
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "error: {}", self.message)?;
        let at = if self.path.is_empty() {
            String::new()
        } else {
            let (path, _) = window(&self.path, 1);
            format!(" (at {path})")
        };
        let gutter = match (self.location, &self.source_line) {
            (Some(loc), Some(_)) => loc.line.to_string().len(),
            _ => 1,
        };
        let pad = " ".repeat(gutter);
        match self.location {
            Some(loc) => writeln!(f, "{pad}--> {}:{}:{}{at}", self.file, loc.line, loc.column)?,
            None => writeln!(f, "{pad}--> {}{at}", self.file)?,
        }
        if let (Some(loc), Some((line, caret))) = (self.location, &self.source_line) {
            let caret_pad = " ".repeat(*caret);
            writeln!(f, "{pad} |")?;
            writeln!(f, "{} | {line}", loc.line)?;
            writeln!(f, "{pad} | {caret_pad}^")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "{pad} = help: {help}")?;
        }
        Ok(())
    }
}

/// Every problem found in a spec, in file order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// True when nothing is wrong.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Number of problems.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    /// Sorts by file and position so output is stable.
    pub(crate) fn sort(&mut self) {
        self.0
            .sort_by(|a, b| (&a.file, a.location, &a.path).cmp(&(&b.file, b.location, &b.path)));
        self.0.dedup();
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Self {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in &self.0 {
            writeln!(f, "{d}")?;
        }
        let n = self.0.len();
        write!(
            f,
            "{n} error{} in the spec; nothing was written",
            if n == 1 { "" } else { "s" }
        )
    }
}

impl std::error::Error for Diagnostics {}

/// The closest of `candidates` to a misspelt `word`, if it is close enough to be a
/// plausible typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| {
            (
                strsim::damerau_levenshtein(&word.to_lowercase(), &c.to_lowercase()),
                c,
            )
        })
        .filter(|(d, c)| *d <= (c.len().max(word.len()) / 3).max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let keys = ["nullable", "type", "doc", "format"];
        assert_eq!(did_you_mean("nulable", keys), Some("nullable"));
        assert_eq!(did_you_mean("tpye", keys), Some("type"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn renders_caret_under_column() {
        let d = Diagnostic::new("spec/a.yaml", "x.y", "bad value")
            .help("use a good one")
            .at(Some(Location { line: 2, column: 4 }), "a: 1\nx: {y: 2}\n");
        assert_eq!(
            d.to_string(),
            "error: bad value\n --> spec/a.yaml:2:4 (at x.y)\n  |\n2 | x: {y: 2}\n  |    ^\n  = help: use a good one\n"
        );
    }
}
