//! Reading `pattern:` regexes: they must compile, and the SID shape gets a fast path.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// What a valid pattern turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum PatternShape {
    /// `^PREFIX[0-9a-fA-F]{N}$`: a literal ASCII prefix and exactly N hex digits of either case.
    Sid { prefix: String, digits: usize },
    /// Anything else: checked with the `regex` crate at run time.
    General,
}

/// Parses `pattern` with the same parser the `regex` crate uses at run time.
pub fn analyse(pattern: &str) -> Result<PatternShape, String> {
    let hir = regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| e.to_string())?;
    // The generated crate compiles the pattern with `regex`, which also has size limits.
    regex::Regex::new(pattern).map_err(|e| e.to_string())?;
    Ok(sid_shape(&hir).unwrap_or(PatternShape::General))
}

fn sid_shape(hir: &Hir) -> Option<PatternShape> {
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let [start, prefix, digits, end] = parts.as_slice() else {
        return None;
    };
    if *start.kind() != HirKind::Look(Look::Start) || *end.kind() != HirKind::Look(Look::End) {
        return None;
    }
    let HirKind::Literal(lit) = prefix.kind() else {
        return None;
    };
    let prefix = std::str::from_utf8(&lit.0)
        .ok()
        .filter(|p| p.bytes().all(|b| b.is_ascii_alphanumeric()))?;
    let HirKind::Repetition(rep) = digits.kind() else {
        return None;
    };
    if rep.max != Some(rep.min) || rep.min == 0 || !is_hex_class(&rep.sub) {
        return None;
    }
    Some(PatternShape::Sid {
        prefix: prefix.to_string(),
        digits: rep.min as usize,
    })
}

/// Exactly `[0-9a-fA-F]`, in any order of ranges.
fn is_hex_class(hir: &Hir) -> bool {
    let HirKind::Class(Class::Unicode(class)) = hir.kind() else {
        return false;
    };
    let ranges: Vec<(char, char)> = class
        .ranges()
        .iter()
        .map(|r| (r.start(), r.end()))
        .collect();
    ranges == [('0', '9'), ('A', 'F'), ('a', 'f')]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sid(prefix: &str, digits: usize) -> Result<PatternShape, String> {
        Ok(PatternShape::Sid {
            prefix: prefix.into(),
            digits,
        })
    }

    #[test]
    fn recognises_sid_patterns_only() {
        assert_eq!(analyse("^IN[0-9a-fA-F]{32}$"), sid("IN", 32));
        assert_eq!(analyse("^RL[a-fA-F0-9]{32}$"), sid("RL", 32));
        assert_eq!(analyse("^IN[0-9a-f]{32}$"), Ok(PatternShape::General));
        assert_eq!(analyse("IN[0-9a-fA-F]{32}"), Ok(PatternShape::General));
        assert_eq!(analyse("^IN[0-9a-fA-F]{1,32}$"), Ok(PatternShape::General));
        assert_eq!(analyse("^(?i)IN[0-9a-f]{32}$"), Ok(PatternShape::General));
        assert_eq!(analyse("^[a-z]+$"), Ok(PatternShape::General));
    }

    #[test]
    fn invalid_regex_is_an_error() {
        let err = analyse("^IN[0-9a-fA-F{32}$").unwrap_err();
        assert!(err.contains("unclosed character class"), "{err}");
    }
}
