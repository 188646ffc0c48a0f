//! Reading `pattern:` regexes: they must compile (within the file's budget, see
//! [`crate::pattern`]), and the SID shape gets a fast path.

use crate::pattern::{self, Budget, Refused};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// What a valid pattern turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternShape {
    /// `^PREFIX[0-9a-fA-F]{N}$`: a literal ASCII prefix and exactly N hex digits of either case.
    Sid { prefix: String, digits: usize },
    /// `^(P1|P2)[0-9a-fA-F]{N}$`: one of several literal prefixes of one length (a
    /// 2010 Message SID is `SM` or `MM`), then N hex digits; checked as a SID each,
    /// without a regex.
    AnySid {
        prefixes: Vec<String>,
        digits: usize,
    },
    /// Anything else: checked with the `regex` crate at run time.
    General,
}

/// Checks `pattern` as [`crate::pattern`] says, charging the file's `budget`, and
/// finds its shape.
///
/// A few patterns (the SID shapes) come back thousands of times in a regeneration,
/// so each thread keeps what it found of each: its cost (if it parses) and its shape
/// or why it is refused. A pattern that parses is charged every time, before its
/// compiled result is used, so what a file gets doesn't depend on what its thread saw
/// before.
pub fn analyse(pattern: &str, budget: &mut Budget) -> Result<PatternShape, Refused> {
    type Found = (Option<u64>, Result<PatternShape, Refused>);
    thread_local! {
        static FOUND: std::cell::RefCell<std::collections::HashMap<String, Found>> =
            Default::default();
    }
    if let Some((cost, found)) = FOUND.with_borrow(|found| found.get(pattern).cloned()) {
        if let Some(cost) = cost {
            budget.charge(pattern, cost)?;
        }
        return found;
    }
    let remember = |found: Found| {
        FOUND.with_borrow_mut(|all| all.insert(pattern.to_string(), found.clone()));
        found.1
    };
    let hir = match pattern::parse(pattern) {
        Ok(hir) => hir,
        Err(refused) => return remember((None, Err(refused))),
    };
    let cost = pattern::cost(&hir);
    // Not remembered: whether it fits depends on the file.
    budget.charge(pattern, cost)?;
    let shape = sid_shape(&hir).unwrap_or(PatternShape::General);
    remember((Some(cost), pattern::compile(pattern).map(|()| shape)))
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
    let HirKind::Repetition(rep) = digits.kind() else {
        return None;
    };
    if rep.max != Some(rep.min) || rep.min == 0 || !is_hex_class(&rep.sub) {
        return None;
    }
    let digits = rep.min as usize;
    let mut prefixes = literal_choices(prefix)?;
    if prefixes.len() == 1 {
        let prefix = prefixes.remove(0);
        return Some(PatternShape::Sid { prefix, digits });
    }
    let one_length = prefixes.iter().all(|p| p.len() == prefixes[0].len());
    one_length.then_some(PatternShape::AnySid { prefixes, digits })
}

/// The alphanumeric ASCII literals `hir` matches: one literal, or a group of
/// alternatives that are each one (`(SM|MM)`).
fn literal_choices(hir: &Hir) -> Option<Vec<String>> {
    let literal = |hir: &Hir| match hir.kind() {
        HirKind::Literal(lit) => std::str::from_utf8(&lit.0)
            .ok()
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_alphanumeric()))
            .map(str::to_owned),
        _ => None,
    };
    match hir.kind() {
        HirKind::Capture(group) => match group.sub.kind() {
            HirKind::Alternation(choices) => choices.iter().map(literal).collect(),
            _ => literal(&group.sub).map(|p| vec![p]),
        },
        _ => literal(hir).map(|p| vec![p]),
    }
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

    fn analyse(pattern: &str) -> Result<PatternShape, Refused> {
        super::analyse(pattern, &mut Budget::default())
    }

    fn sid(prefix: &str, digits: usize) -> Result<PatternShape, Refused> {
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
    fn recognises_a_choice_of_sid_prefixes() {
        let any = |prefixes: &[&str]| {
            Ok(PatternShape::AnySid {
                prefixes: prefixes.iter().map(|p| p.to_string()).collect(),
                digits: 32,
            })
        };
        assert_eq!(analyse("^(SM|MM)[0-9a-fA-F]{32}$"), any(&["SM", "MM"]));
        assert_eq!(analyse("^(IN)[0-9a-fA-F]{32}$"), sid("IN", 32));
        assert_eq!(
            analyse("^(SM|MMS)[0-9a-fA-F]{32}$"),
            Ok(PatternShape::General)
        );
        assert_eq!(
            analyse("^(SM|M.)[0-9a-fA-F]{32}$"),
            Ok(PatternShape::General)
        );
    }

    #[test]
    fn a_file_pays_for_a_pattern_its_thread_has_seen_before() {
        let mut first = Budget::default();
        super::analyse(r"^\w{50}$", &mut first).expect("within the budget");
        let mut second = Budget::default();
        super::analyse(r"^\w{50}$", &mut second).expect("the same, remembered");
        let refused = super::analyse(r"^\w{51}$", &mut second);
        assert!(
            matches!(refused, Err(Refused::TooCostly { .. })),
            "{refused:?}"
        );
    }

    #[test]
    fn invalid_regex_is_an_error() {
        let err = analyse("^IN[0-9a-fA-F{32}$").unwrap_err().to_string();
        assert!(err.contains("unclosed character class"), "{err}");
    }
}
