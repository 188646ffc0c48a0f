//! Which `pattern:` regexes the generator takes, for the importer and lowering alike:
//! one the `regex` crate compiles, as the generated crate will, within a budget per
//! file.
//!
//! Compiling a regex can cost far more than its text: `^\w{10000}$` is 12 bytes,
//! and `regex` spends 60-80 ms building it before refusing it as too big (the
//! `importer` fuzz target timed out on it), so distinct patterns of that kind in one
//! file add up to seconds of work. So each pattern's cost is estimated
//! from its syntax tree, which is cheap, before it is compiled, and a file's distinct
//! patterns share one [`BUDGET`]: the work one file can ask for is bounded, and
//! Twilio's files use under a third of it.

use regex_syntax::hir::{Class, Hir, HirKind};
use regex_syntax::utf8::Utf8Sequences;
use std::collections::HashSet;

/// What one file's distinct patterns may cost together, in the units of [`cost`]:
/// 8-18 ms of compiling (40-90 ns a unit, measured in a release build). Twilio's
/// largest file, the 2010 API's, has 52 distinct patterns costing about 57,000. (At
/// 500,000, the `importer` fuzz target timed out on a file near the budget: its
/// instrumented build spent 570 ms on a seed that compiles about 430,000, and a
/// file that imports is generated too, which compiles its patterns again.)
pub const BUDGET: u64 = 200_000;

/// What compiling any pattern costs besides its program (about 20 µs), in units, so
/// that many tiny patterns are bounded too.
const EACH: u64 = 1_000;

/// Why a pattern was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// It doesn't parse, or `regex` refuses it (its size limits); `regex`'s message.
    Invalid(String),
    /// It would take the file's patterns over [`BUDGET`].
    TooCostly { cost: u64, left: u64 },
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refused::Invalid(why) => f.write_str(why),
            Refused::TooCostly { cost, left } => write!(
                f,
                "it would compile to about {cost} states, and the file's other patterns \
                 leave {left} of the {BUDGET} a file may use"
            ),
        }
    }
}

/// The hint for [`Refused::TooCostly`]: what makes a pattern cost.
pub const TOO_COSTLY_HELP: &str = "a Unicode class (`\\w`, `.`, `\\pL`) compiles to hundreds of \
     states and a repetition multiplies them: use an ASCII class (`[A-Za-z0-9_]`) or repeat less";

/// What one file's distinct patterns have cost so far.
#[derive(Debug, Default)]
pub struct Budget {
    spent: u64,
    charged: HashSet<String>,
}

impl Budget {
    /// Charges `pattern`, whose program costs `cost`, once per file.
    pub fn charge(&mut self, pattern: &str, cost: u64) -> Result<(), Refused> {
        if self.charged.contains(pattern) {
            return Ok(());
        }
        let left = BUDGET - self.spent;
        let cost = cost.saturating_add(EACH);
        if cost > left {
            return Err(Refused::TooCostly { cost, left });
        }
        self.spent += cost;
        self.charged.insert(pattern.to_owned());
        Ok(())
    }

    /// Parses `pattern`, charges it, then compiles it as the generated crate will.
    pub fn admit(&mut self, pattern: &str) -> Result<(), Refused> {
        let hir = parse(pattern)?;
        self.charge(pattern, cost(&hir))?;
        compile(pattern)
    }
}

/// `pattern` parsed by the parser the `regex` crate uses.
pub fn parse(pattern: &str) -> Result<Hir, Refused> {
    regex_syntax::Parser::new()
        .parse(pattern)
        .map_err(|e| Refused::Invalid(e.to_string()))
}

/// `pattern` compiled by the `regex` crate, as the generated crate compiles it (and
/// within its size limits).
pub fn compile(pattern: &str) -> Result<(), Refused> {
    regex::Regex::new(pattern)
        .map(drop)
        .map_err(|e| Refused::Invalid(e.to_string()))
}

/// About how many states `hir` compiles to: a class costs its UTF-8 byte ranges, a
/// literal its bytes, and a repetition its most copies (one more than its minimum
/// when unbounded). Linear in the tree's size; saturates instead of overflowing.
pub fn cost(hir: &Hir) -> u64 {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(literal) => literal.0.len() as u64,
        HirKind::Class(Class::Bytes(class)) => class.ranges().len() as u64,
        HirKind::Class(Class::Unicode(class)) => class
            .ranges()
            .iter()
            .flat_map(|r| Utf8Sequences::new(r.start(), r.end()))
            .map(|sequence| sequence.as_slice().len() as u64)
            .fold(0, u64::saturating_add),
        HirKind::Repetition(rep) => {
            let copies = rep.max.unwrap_or(rep.min.saturating_add(1)).max(1);
            cost(&rep.sub).saturating_mul(u64::from(copies))
        }
        HirKind::Capture(capture) => cost(&capture.sub),
        HirKind::Concat(parts) | HirKind::Alternation(parts) => {
            parts.iter().map(cost).fold(0, u64::saturating_add)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cost_of(pattern: &str) -> u64 {
        cost(&parse(pattern).expect("parses"))
    }

    #[test]
    fn a_repeated_unicode_class_costs_its_copies() {
        assert_eq!(cost_of(r"\w{100}"), 100 * cost_of(r"\w"));
        assert_eq!(cost_of(r"[a-z]+"), 2);
        assert_eq!(cost_of(r"^AC[0-9a-fA-F]{32}$"), 1 + 2 + 3 * 32 + 1);
        assert_eq!(cost_of(r"\w{4294967295}{4294967295}"), u64::MAX);
    }

    #[test]
    fn a_file_pays_for_each_distinct_pattern_once() {
        let mut budget = Budget::default();
        for _ in 0..1_000 {
            budget.admit(r"^AC[0-9a-fA-F]{32}$").expect("a SID pattern");
        }
        assert_eq!(budget.spent, 100 + EACH);
    }

    #[test]
    fn a_pattern_over_what_is_left_is_refused_without_compiling() {
        let mut budget = Budget::default();
        // `regex` alone would take 60-80 ms to refuse it.
        assert!(matches!(
            budget.admit(r"^\w{10000}$"),
            Err(Refused::TooCostly { left: BUDGET, .. })
        ));
        budget.admit(r"^\w{50}$").expect("within the budget");
        let refused = budget.admit(r"^\w{51}$").unwrap_err();
        assert!(refused.to_string().contains("states"), "{refused}");
        assert_eq!(budget.admit("("), Err(parse("(").unwrap_err()));
    }
}
