//! The impls every constrained string and every string enum share. The generator
//! emits each type, its rule and one macro call; the doors into the type live here,
//! written once for every generated crate.
//!
//! The macros are exported for generated code (as `__private::sid_newtype!` and so
//! on) and name everything through `$crate`, so they expand the same whatever the
//! calling crate has in scope.

use crate::validate::{is_sid, sid_refusal, Problem, ValidationError};
use fstr::FStr;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// The doors every string newtype shares, through its `as_str` and `FromStr`:
/// `TryFrom<&str>`, `Display`, `AsRef<str>`, `PartialEq<str>` and `Serialize`.
#[doc(hidden)]
#[macro_export]
macro_rules! __text_doors {
    ($name:ident) => {
        impl ::std::convert::TryFrom<&str> for $name {
            type Error = $crate::ValidationError;

            fn try_from(value: &str) -> ::std::result::Result<Self, $crate::ValidationError> {
                ::std::str::FromStr::from_str(value)
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }

        impl ::std::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// For `struct $name(String)` with `const NAME: &str` and
/// `fn validate(&str) -> Result<(), ValidationError>`: `as_str`, `into_string`,
/// `FromStr`, `TryFrom<&str>`, `TryFrom<String>`, `Display`, `AsRef<str>`,
/// `PartialEq<str>`, `Serialize` and a `Deserialize` that validates. Every
/// constructor runs `validate`.
#[doc(hidden)]
#[macro_export]
macro_rules! __string_newtype {
    ($name:ident) => {
        impl $name {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// The value as an owned `String`.
            pub fn into_string(self) -> ::std::string::String {
                self.0
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ValidationError;

            fn from_str(value: &str) -> ::std::result::Result<Self, $crate::ValidationError> {
                $name::validate(value)?;
                ::std::result::Result::Ok($name(::std::borrow::ToOwned::to_owned(value)))
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = $crate::ValidationError;

            /// Keeps the `String`'s allocation.
            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, $crate::ValidationError> {
                $name::validate(&value)?;
                ::std::result::Result::Ok($name(value))
            }
        }

        $crate::__private::text_doors!($name);

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value =
                    <::std::string::String as $crate::__private::serde::Deserialize>::deserialize(
                        deserializer,
                    )?;
                ::std::convert::TryFrom::try_from(value)
                    .map_err(<D::Error as $crate::__private::serde::de::Error>::custom)
            }
        }
    };
}

/// A SID type: for `struct $name(FStr<LEN>)`, where a value is `$prefix` followed by
/// `$digits` hex digits of either case, kept inline. Defines `NAME`, `PREFIX` and
/// `LEN`, `validate` and `is_valid`, `as_str` and `into_string`, and the impls a
/// derive would write (`Clone`, `Copy`, `PartialEq`, `Eq`, `PartialOrd`, `Ord`,
/// `Hash`, and a `Debug` that prints the text), then the doors of `string_newtype!`
/// with no heap: each runs [`parse_sid`], the check `validate` runs, and
/// `Deserialize` checks the text it is lent. Errors name the type by its Rust name,
/// or by the text after `named`.
#[doc(hidden)]
#[macro_export]
macro_rules! __sid_newtype {
    ($name:ident, $prefix:literal, $digits:literal) => {
        $crate::__private::sid_newtype!($name named ::std::stringify!($name), $prefix, $digits);
    };
    ($name:ident named $wire:expr, $prefix:literal, $digits:literal) => {
        impl $name {
            /// The type's name in error messages.
            pub const NAME: &'static str = $wire;
            /// The literal every value starts with.
            pub const PREFIX: &'static str = $prefix;
            /// The length of every value, in bytes and characters.
            pub const LEN: usize = $prefix.len() + $digits;

            /// Checks `value` without allocating, saying what is wrong.
            pub fn validate(value: &str) -> ::std::result::Result<(), $crate::ValidationError> {
                $crate::__private::sid::<$digits>(value, Self::NAME, $prefix)
            }

            /// True when `value` is valid; the fast test behind [`Self::validate`].
            #[inline]
            pub fn is_valid(value: &str) -> bool {
                $crate::__private::is_sid::<$digits>(value, $prefix)
            }

            /// The value as text.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The value as an owned `String`.
            pub fn into_string(self) -> ::std::string::String {
                ::std::borrow::ToOwned::to_owned(self.0.as_str())
            }
        }

        impl ::std::clone::Clone for $name {
            fn clone(&self) -> Self {
                *self
            }
        }

        impl ::std::marker::Copy for $name {}

        impl ::std::cmp::PartialEq for $name {
            fn eq(&self, other: &Self) -> bool {
                self.0 == other.0
            }
        }

        impl ::std::cmp::Eq for $name {}

        impl ::std::cmp::PartialOrd for $name {
            fn partial_cmp(&self, other: &Self) -> ::std::option::Option<::std::cmp::Ordering> {
                ::std::option::Option::Some(::std::cmp::Ord::cmp(self, other))
            }
        }

        impl ::std::cmp::Ord for $name {
            fn cmp(&self, other: &Self) -> ::std::cmp::Ordering {
                ::std::cmp::Ord::cmp(self.0.as_str(), other.0.as_str())
            }
        }

        impl ::std::hash::Hash for $name {
            fn hash<H: ::std::hash::Hasher>(&self, state: &mut H) {
                ::std::hash::Hash::hash(self.0.as_str(), state)
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(::std::stringify!($name))
                    .field(&self.0.as_str())
                    .finish()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::ValidationError;

            #[inline]
            fn from_str(value: &str) -> ::std::result::Result<Self, $crate::ValidationError> {
                $crate::__private::parse_sid::<$digits, { $name::LEN }, $name>(
                    value,
                    $name::NAME,
                    $prefix,
                    $name,
                )
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = $crate::ValidationError;

            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, $crate::ValidationError> {
                ::std::str::FromStr::from_str(&value)
            }
        }

        $crate::__private::text_doors!($name);

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::__private::deserialize_from_str(deserializer)
            }
        }
    };
}

/// A SID of `D` hex digits after `prefix`, `N` bytes in all, checked as
/// [`validate::sid`](crate::validate::sid) checks it, copied inline and
/// made a `T` by `new`. Building the `T` here rather than mapping the `Result` lets
/// a refusal be written once, where the caller reads it.
#[inline]
pub fn parse_sid<const D: usize, const N: usize, T>(
    value: &str,
    target: &'static str,
    prefix: &'static str,
    new: fn(FStr<N>) -> T,
) -> Result<T, ValidationError> {
    if !is_sid::<D>(value, prefix) {
        return sid_refusal(value, target, prefix, D);
    }
    match FStr::try_from(value) {
        Ok(inline) => Ok(new(inline)),
        // `is_sid` checked the length, so this is only for an `N` that is not it.
        Err(_) => Err(wrong_length(value, target, N)),
    }
}

#[cold]
fn wrong_length(value: &str, target: &'static str, len: usize) -> ValidationError {
    let (len, actual) = (len as u64, value.chars().count() as u64);
    if actual > len {
        ValidationError::new(target, Problem::TooLong { max: len, actual })
    } else {
        ValidationError::new(target, Problem::TooShort { min: len, actual })
    }
}

/// Reads a string and parses it with `T::from_str`, from the text the deserializer
/// lends: no `String` is made on the way.
pub fn deserialize_from_str<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: FromStr,
    T::Err: fmt::Display,
{
    struct Parse<T>(PhantomData<T>);

    impl<T: FromStr> serde::de::Visitor<'_> for Parse<T>
    where
        T::Err: fmt::Display,
    {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }

        fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<T, E> {
            value.parse().map_err(E::custom)
        }
    }

    deserializer.deserialize_str(Parse(PhantomData))
}

/// For an enum with `const VALUES`, `fn as_str(&self)`, `fn from_wire(String)` and
/// a `$fallback(String)` variant for values unknown when it was generated:
/// `Display`, a strict `FromStr` (unknown text is an error), and `Serialize` and a
/// lenient `Deserialize` (unknown values from the API are kept in `$fallback`).
#[doc(hidden)]
#[macro_export]
macro_rules! __string_enum {
    ($name:ident, $fallback:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        // Like `from_wire`: a value this crate doesn't know is kept, as it is read.
        impl ::std::str::FromStr for $name {
            type Err = ::std::convert::Infallible;

            fn from_str(value: &str) -> ::std::result::Result<Self, ::std::convert::Infallible> {
                ::std::result::Result::Ok($name::from_wire(::std::borrow::ToOwned::to_owned(value)))
            }
        }

        impl $crate::__private::serde::Serialize for $name {
            fn serialize<S: $crate::__private::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::__private::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as $crate::__private::serde::Deserialize>::deserialize(
                    deserializer,
                )
                .map($name::from_wire)
            }
        }
    };
}
