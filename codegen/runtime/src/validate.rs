//! Client-side checks: SIDs, lengths, patterns and numeric bounds, and the error that
//! says in words what is wrong.

use std::fmt;

/// A value broke a rule of the API description, so it was refused before anything
/// was sent.
///
/// ```
/// use twilio_codegen_runtime::{Problem, ValidationError};
///
/// let err = ValidationError::new("PageSize", Problem::OutOfRange { min: Some(1), max: Some(1000), actual: 0 });
/// assert_eq!(err.to_string(), "invalid PageSize: must be between 1 and 1000; got 0");
/// assert_eq!(err.target(), "PageSize");
/// assert!(matches!(err.problem(), Problem::OutOfRange { actual: 0, .. }));
/// ```
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
        // Bounds are `i64` in the API description; `Option<i128>` would also make every
        // `Result` with this error compare a 16-byte tag.
        /// The least value allowed, if any.
        min: Option<i64>,
        /// The greatest value allowed, if any.
        max: Option<i64>,
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
    /// Text that is no decimal number (`12.00`, `-0.0075`, `1e-5`).
    NotDecimal {
        /// The text given, at most its first 40 characters.
        value: String,
    },
    /// An empty string where the API needs text, such as a path segment.
    Empty,
    /// `.` or `..` as a path segment, which URL parsers read as "this level" or
    /// "one level up" even when percent-encoded, so the request would go elsewhere.
    DotSegment,
    /// Text that can't be an HTTP header value: a line break or another control
    /// character.
    NotHeaderText,
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

/// How a string failed to be a SID: the facts, gathered without a heap allocation;
/// [`Problem`]'s `Display` puts them into words only when the error is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SidFault {
    /// It had this many characters.
    Length(usize),
    /// It started with these characters instead of the prefix.
    Prefix(SidStart),
    /// The character at this 1-based position is not a hex digit.
    NotHex {
        /// 1-based character position.
        position: usize,
        /// The offending character.
        found: char,
    },
}

/// The first characters of a value that does not start with a SID's prefix, as many as
/// the prefix has. Kept inline; a start longer than [`SidStart::CAPACITY`] bytes is cut
/// at a character boundary and displayed with a trailing `…`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SidStart {
    bytes: [u8; 8],
    len: u8,
    cut: bool,
}

impl SidStart {
    /// The most bytes kept: two characters of any width, or eight ASCII ones.
    pub const CAPACITY: usize = 8;

    /// The first `chars` characters of `value`, or as many as fit, gathered in a
    /// register so that the result is written once.
    #[inline(always)]
    fn of(value: &str, chars: usize) -> SidStart {
        let (mut word, mut len, mut cut) = (0u64, 0, false);
        for c in value.chars().take(chars) {
            let width = c.len_utf8();
            if len + width > Self::CAPACITY {
                cut = true;
                break;
            }
            let mut utf8 = [0; 4];
            c.encode_utf8(&mut utf8);
            word |= u64::from(u32::from_le_bytes(utf8)) << (8 * len);
            len += width;
        }
        SidStart {
            bytes: word.to_le_bytes(),
            len: len as u8,
            cut,
        }
    }

    /// `start`, ASCII, or as much as fits: a byte a character.
    #[inline(always)]
    fn of_ascii(start: &[u8]) -> SidStart {
        let kept = &start[..start.len().min(Self::CAPACITY)];
        let mut word = 0u64;
        for (i, &b) in kept.iter().enumerate() {
            word |= u64::from(b) << (8 * i);
        }
        SidStart {
            bytes: word.to_le_bytes(),
            len: kept.len() as u8,
            cut: kept.len() < start.len(),
        }
    }

    /// The characters kept.
    pub fn as_str(&self) -> &str {
        // Whole characters were copied in, so this is never the empty fallback.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or_default()
    }

    /// True when the start was too long to keep whole.
    pub fn is_cut(&self) -> bool {
        self.cut
    }
}

impl fmt::Display for SidStart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())?;
        if self.cut {
            f.write_str("…")?;
        }
        Ok(())
    }
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
                let rule = SidRule {
                    prefix,
                    digits: *digits,
                };
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
            Problem::NotDecimal { value } => write!(
                f,
                "must be a decimal number such as `12.00` or `-0.0075`; got `{value}`"
            ),
            Problem::Empty => f.write_str("must not be empty"),
            Problem::DotSegment => {
                f.write_str("must not be `.` or `..`, which URLs treat as relative path steps")
            }
            Problem::NotHeaderText => f.write_str(
                "must be text an HTTP header can carry: no line breaks or control characters",
            ),
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

/// "`IN` followed by 32 hex digits".
struct SidRule<'a> {
    prefix: &'a str,
    digits: usize,
}

impl fmt::Display for SidRule<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` followed by {} hex digits",
            self.prefix, self.digits
        )
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
        bad |= u8::from(!is_hex(b));
    }
    (head == prefix.as_bytes()) & (bad == 0)
}

/// `0-9`, `a-f` or `A-F`, without a branch.
#[inline(always)]
fn is_hex(b: u8) -> bool {
    let digit = b.wrapping_sub(b'0') < 10;
    // `| 0x20` maps `A-F` onto `a-f` and no other byte into that range.
    let letter = (b | 0x20).wrapping_sub(b'a') < 6;
    digit | letter
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
        sid_refusal(value, target, prefix, D)
    }
}

/// What is wrong with `value`, which [`is_sid`] refused, as the `Result` the caller
/// returns, so that it is written once, where it is read. Out of line, so the check
/// stays small where it is inlined; it never allocates.
#[cold]
#[inline(never)]
pub fn sid_refusal<T>(
    value: &str,
    target: &'static str,
    prefix: &'static str,
    digits: usize,
) -> Result<T, ValidationError> {
    Err(ValidationError::new(
        target,
        Problem::Sid {
            prefix,
            digits,
            fault: sid_fault(value, prefix, digits),
        },
    ))
}

/// The first fault in the order the message states them: length in characters,
/// prefix, then the digits.
#[inline(always)]
fn sid_fault(value: &str, prefix: &str, digits: usize) -> SidFault {
    let (bytes, head) = (value.as_bytes(), prefix.as_bytes());
    // Most refusals are as long in bytes as a SID: one pass over the digits finds the
    // first that is not hex and whether all are ASCII (else it has fewer characters).
    if prefix.is_ascii() && bytes.len() == head.len() + digits {
        let (start, rest) = bytes.split_at(head.len());
        let (not_hex, ascii) = scan_digits(rest);
        if ascii && start.iter().all(u8::is_ascii) {
            if start.iter().zip(head).any(|(a, b)| a != b) {
                return SidFault::Prefix(SidStart::of_ascii(start));
            }
            if let Some(i) = not_hex {
                return SidFault::NotHex {
                    position: head.len() + i + 1,
                    found: char::from(rest[i]),
                };
            }
        }
    }
    // ASCII text has a character a byte, which spares counting them.
    let ascii = value.is_ascii();
    if ascii && prefix.is_ascii() && bytes.len() != head.len() + digits {
        return SidFault::Length(bytes.len());
    }
    let prefix_chars = prefix.chars().count();
    let count = if ascii {
        value.len()
    } else {
        value.chars().count()
    };
    if count != prefix_chars + digits {
        return SidFault::Length(count);
    }
    if !value.starts_with(prefix) {
        return SidFault::Prefix(SidStart::of(value, prefix_chars));
    }
    // Every byte before the first that is not a hex digit is ASCII, so its byte
    // offset is also its character offset.
    let rest = &value[prefix.len()..];
    let not_hex = scan_digits(rest.as_bytes()).0;
    match not_hex.and_then(|i| Some((i, rest[i..].chars().next()?))) {
        Some((i, found)) => SidFault::NotHex {
            position: prefix_chars + i + 1,
            found,
        },
        // Unreachable when `is_sid` said no; report the length to stay total.
        None => SidFault::Length(count),
    }
}

/// The offset of the first byte that is not a hex digit, and whether every byte is
/// ASCII. Plain loops: this explains a refusal, off the hot path.
fn scan_digits(bytes: &[u8]) -> (Option<usize>, bool) {
    (bytes.iter().position(|&b| !is_hex(b)), bytes.is_ascii())
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
    min: Option<i64>,
    max: Option<i64>,
) -> Result<(), ValidationError> {
    let actual = value.into();
    let outside = min.is_some_and(|min| actual < i128::from(min))
        || max.is_some_and(|max| actual > i128::from(max));
    if outside {
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
