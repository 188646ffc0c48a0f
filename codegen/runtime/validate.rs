//! Client-side checks: SIDs, lengths, patterns and numeric bounds, and the error that
//! says in words what is wrong.

use std::fmt;

/// A value broke a rule of the API description, so it was refused before anything
/// was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidationError {
    target: &'static str,
    problem: Problem,
}

impl ValidationError {
    /// An error for `target`, a type or parameter name such as `InviteSid` or `PageSize`.
    pub fn new(target: &'static str, problem: Problem) -> Self {
        ValidationError { target, problem }
    }

    /// `value` is not one of an enum's `expected` values.
    pub fn unknown_variant(
        target: &'static str,
        value: String,
        expected: &'static [&'static str],
    ) -> Self {
        ValidationError::new(target, Problem::UnknownVariant { value, expected })
    }

    /// The type or parameter whose rule was broken.
    pub fn target(&self) -> &'static str {
        self.target
    }

    /// The rule that was broken.
    pub fn problem(&self) -> &Problem {
        &self.problem
    }
}

/// What exactly was wrong with a value.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Problem {
    /// A SID is `prefix` followed by `digits` hex digits; this one was not.
    Sid {
        /// The two-letter kind, such as `IN`.
        prefix: &'static str,
        /// How many hex digits follow the prefix.
        digits: usize,
        /// What was wrong.
        fault: SidFault,
    },
    /// Shorter than `min` characters.
    TooShort {
        /// The least length allowed.
        min: u64,
        /// The value's length in characters.
        actual: u64,
    },
    /// Longer than `max` characters.
    TooLong {
        /// The greatest length allowed.
        max: u64,
        /// The value's length in characters.
        actual: u64,
    },
    /// Did not match the regular expression.
    Pattern {
        /// The pattern from the API description.
        pattern: &'static str,
    },
    /// A number outside its bounds.
    OutOfRange {
        /// The least value allowed, if any.
        min: Option<i128>,
        /// The greatest value allowed, if any.
        max: Option<i128>,
        /// The value given.
        actual: i128,
    },
    /// A fractional number outside its bounds.
    OutOfRangeNumber {
        /// The least value allowed, if any.
        min: Option<f64>,
        /// The greatest value allowed, if any.
        max: Option<f64>,
        /// The value given.
        actual: f64,
    },
    /// An empty string where the API needs text, such as a path segment.
    Empty,
    /// `.` or `..` as a path segment, which URL parsers read as "this level" or
    /// "one level up" even when percent-encoded, so the request would go elsewhere.
    DotSegment,
    /// Not one of an enum's values.
    UnknownVariant {
        /// The value given.
        value: String,
        /// The values the API defines.
        expected: &'static [&'static str],
    },
}

// `OutOfRangeNumber` holds floats, but bounds from a spec are never NaN.
impl Eq for Problem {}

/// How a string failed to be a SID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SidFault {
    /// It had this many characters.
    Length(usize),
    /// It started with these characters instead of the prefix.
    Prefix(String),
    /// The character at this 1-based position is not a hex digit.
    NotHex {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {}: {}", self.target, self.problem)
    }
}

impl std::error::Error for ValidationError {}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Sid {
                prefix,
                digits,
                fault,
            } => {
                let len = prefix.chars().count() + digits;
                let rule = format!("`{prefix}` followed by {digits} hex digits");
                match fault {
                    SidFault::Length(actual) => {
                        write!(f, "must be {len} characters, {rule}; got {actual} characters")
                    }
                    SidFault::Prefix(found) => {
                        write!(f, "must start with `{prefix}` ({len} characters, {rule}); got `{found}`")
                    }
                    SidFault::NotHex { position, found } => write!(
                        f,
                        "must be {rule}; character {position} is {found:?}, which is not a hex digit"
                    ),
                }
            }
            Problem::TooShort { min, actual } => {
                write!(f, "must be at least {min} characters; got {actual}")
            }
            Problem::TooLong { max, actual } => {
                write!(f, "must be at most {max} characters; got {actual}")
            }
            Problem::Pattern { pattern } => write!(f, "must match the pattern `{pattern}`"),
            Problem::OutOfRange { min, max, actual } => write_range(
                f,
                min.map(|v| v.to_string()),
                max.map(|v| v.to_string()),
                &actual.to_string(),
            ),
            Problem::OutOfRangeNumber { min, max, actual } => write_range(
                f,
                min.map(|v| v.to_string()),
                max.map(|v| v.to_string()),
                &actual.to_string(),
            ),
            Problem::Empty => f.write_str("must not be empty"),
            Problem::DotSegment => {
                f.write_str("must not be `.` or `..`, which URLs treat as relative path steps")
            }
            Problem::UnknownVariant { value, expected } => {
                write!(f, "`{value}` is not one of ")?;
                for (i, v) in expected.iter().enumerate() {
                    let sep = if i == 0 { "" } else { ", " };
                    write!(f, "{sep}`{v}`")?;
                }
                Ok(())
            }
        }
    }
}

fn write_range(
    f: &mut fmt::Formatter<'_>,
    min: Option<String>,
    max: Option<String>,
    actual: &str,
) -> fmt::Result {
    match (min, max) {
        (Some(min), Some(max)) => write!(f, "must be between {min} and {max}; got {actual}"),
        (Some(min), None) => write!(f, "must be at least {min}; got {actual}"),
        (None, Some(max)) => write!(f, "must be at most {max}; got {actual}"),
        (None, None) => write!(f, "is out of range: {actual}"),
    }
}

/// True when `value` is `prefix` followed by exactly `D` hex digits of either case.
///
/// No regex and no branch inside the digits: each byte is tested with two range
/// checks (`0-9`, and `a-f` after folding case) and the results are or-ed, which the
/// compiler unrolls and vectorizes for a fixed `D`.
#[inline]
pub fn is_sid<const D: usize>(value: &str, prefix: &'static str) -> bool {
    let bytes = value.as_bytes();
    if bytes.len() != prefix.len() + D {
        return false;
    }
    let (head, digits) = bytes.split_at(prefix.len());
    let Ok(digits) = <&[u8; D]>::try_from(digits) else {
        return false;
    };
    let mut bad = 0u8;
    for &b in digits {
        let digit = b.wrapping_sub(b'0') < 10;
        // `| 0x20` maps `A-F` onto `a-f` and no other byte into that range.
        let letter = (b | 0x20).wrapping_sub(b'a') < 6;
        bad |= u8::from(!(digit | letter));
    }
    (head == prefix.as_bytes()) & (bad == 0)
}

/// Checks a SID, saying what is wrong when it isn't one.
#[inline]
pub fn sid<const D: usize>(
    value: &str,
    target: &'static str,
    prefix: &'static str,
) -> Result<(), ValidationError> {
    if is_sid::<D>(value, prefix) {
        Ok(())
    } else {
        Err(sid_error(value, target, prefix, D))
    }
}

#[cold]
fn sid_error(
    value: &str,
    target: &'static str,
    prefix: &'static str,
    digits: usize,
) -> ValidationError {
    let count = value.chars().count();
    let fault = if count != prefix.chars().count() + digits {
        SidFault::Length(count)
    } else if !value.starts_with(prefix) {
        SidFault::Prefix(value.chars().take(prefix.chars().count()).collect())
    } else {
        value
            .chars()
            .enumerate()
            .skip(prefix.chars().count())
            .find(|(_, c)| !c.is_ascii_hexdigit())
            .map(|(i, found)| SidFault::NotHex {
                position: i + 1,
                found,
            })
            // Unreachable when `is_sid` said no; report the length to stay total.
            .unwrap_or(SidFault::Length(count))
    };
    ValidationError::new(
        target,
        Problem::Sid {
            prefix,
            digits,
            fault,
        },
    )
}

/// Checks a string's length in characters.
pub fn length(
    value: &str,
    target: &'static str,
    min: Option<u64>,
    max: Option<u64>,
) -> Result<(), ValidationError> {
    let actual = value.chars().count() as u64;
    if let Some(min) = min.filter(|&min| actual < min) {
        return Err(ValidationError::new(
            target,
            Problem::TooShort { min, actual },
        ));
    }
    if let Some(max) = max.filter(|&max| actual > max) {
        return Err(ValidationError::new(
            target,
            Problem::TooLong { max, actual },
        ));
    }
    Ok(())
}

/// Checks an integer against inclusive bounds.
pub fn range(
    value: impl Into<i128>,
    target: &'static str,
    min: Option<i128>,
    max: Option<i128>,
) -> Result<(), ValidationError> {
    let actual = value.into();
    if min.is_some_and(|min| actual < min) || max.is_some_and(|max| actual > max) {
        return Err(ValidationError::new(
            target,
            Problem::OutOfRange { min, max, actual },
        ));
    }
    Ok(())
}

/// Checks a number against inclusive bounds; NaN is never in range.
pub fn range_f64(
    actual: f64,
    target: &'static str,
    min: Option<f64>,
    max: Option<f64>,
) -> Result<(), ValidationError> {
    let inside = !actual.is_nan()
        && min.is_none_or(|min| actual >= min)
        && max.is_none_or(|max| actual <= max);
    if inside {
        Ok(())
    } else {
        Err(ValidationError::new(
            target,
            Problem::OutOfRangeNumber { min, max, actual },
        ))
    }
}

/// Refuses an empty string.
pub fn non_empty(value: &str, target: &'static str) -> Result<(), ValidationError> {
    if value.is_empty() {
        Err(ValidationError::new(target, Problem::Empty))
    } else {
        Ok(())
    }
}
