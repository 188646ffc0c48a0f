//! The impls every constrained string and every string enum share. The generator
//! emits each type, its rule and one macro call; the doors into the type live here.

use crate::runtime::validate::{is_sid, sid_refusal, Problem, ValidationError};
use fstr::FStr;
use std::fmt;
use std::marker::PhantomData;
use std::str::FromStr;

/// The doors every string newtype shares, through its `as_str` and `FromStr`:
/// `TryFrom<&str>`, `Display`, `AsRef<str>`, `PartialEq<str>` and `Serialize`.
#[allow(unused_macros)] // an API may have no string newtypes
macro_rules! text_doors {
    ($name:ident) => {
        impl ::std::convert::TryFrom<&str> for $name {
            type Error = crate::runtime::validate::ValidationError;

            fn try_from(
                value: &str,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
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

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    };
}

/// For `struct $name(String)` with `fn validate(&str) -> Result<(), ValidationError>`:
/// `as_str`, `into_string`, `FromStr`, `TryFrom<&str>`, `TryFrom<String>`,
/// `Display`, `AsRef<str>`, `PartialEq<str>`, `Serialize` and a `Deserialize` that
/// validates. Every constructor runs `validate`.
#[allow(unused_macros)] // an API may have no constrained strings
macro_rules! string_newtype {
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
            type Err = crate::runtime::validate::ValidationError;

            fn from_str(
                value: &str,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                $name::validate(value)?;
                ::std::result::Result::Ok($name(::std::borrow::ToOwned::to_owned(value)))
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = crate::runtime::validate::ValidationError;

            /// Keeps the `String`'s allocation.
            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                $name::validate(&value)?;
                ::std::result::Result::Ok($name(value))
            }
        }

        crate::runtime::newtype::text_doors!($name);

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value =
                    <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                ::std::convert::TryFrom::try_from(value)
                    .map_err(<D::Error as ::serde::de::Error>::custom)
            }
        }
    };
}

/// For a SID, `struct $name(::fstr::FStr<LEN>)` with `const NAME`, `PREFIX` and
/// `LEN`, kept inline: the doors of `string_newtype!`, and `Debug`, with no heap. Each
/// door runs [`parse_sid`], the check `validate` runs; `Deserialize` checks the text
/// it is lent; `as_str` is a cast.
#[allow(unused_macros)] // an API may have no SIDs
macro_rules! sid_newtype {
    ($name:ident) => {
        impl $name {
            /// The value as text.
            pub fn as_str(&self) -> &str {
                self.0.as_str()
            }

            /// The value as an owned `String`.
            pub fn into_string(self) -> ::std::string::String {
                ::std::borrow::ToOwned::to_owned(self.0.as_str())
            }
        }

        impl ::std::fmt::Debug for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(stringify!($name))
                    .field(&self.0.as_str())
                    .finish()
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = crate::runtime::validate::ValidationError;

            #[inline]
            fn from_str(
                value: &str,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                crate::runtime::newtype::parse_sid::<
                    { $name::LEN - $name::PREFIX.len() },
                    { $name::LEN },
                    $name,
                >(value, $name::NAME, $name::PREFIX, $name)
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = crate::runtime::validate::ValidationError;

            fn try_from(
                value: ::std::string::String,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                ::std::str::FromStr::from_str(&value)
            }
        }

        crate::runtime::newtype::text_doors!($name);

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                crate::runtime::newtype::deserialize_from_str(deserializer)
            }
        }
    };
}

/// A SID of `D` hex digits after `prefix`, `N` bytes in all, checked as
/// [`validate::sid`](crate::runtime::validate::sid) checks it, copied inline and
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
#[allow(unused_macros)] // an API may have no enums
macro_rules! string_enum {
    ($name:ident, $fallback:ident) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = crate::runtime::validate::ValidationError;

            fn from_str(
                value: &str,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                match $name::from_wire(::std::borrow::ToOwned::to_owned(value)) {
                    $name::$fallback(value) => ::std::result::Result::Err(
                        crate::runtime::validate::ValidationError::unknown_variant(
                            stringify!($name),
                            value,
                            $name::VALUES,
                        ),
                    ),
                    known => ::std::result::Result::Ok(known),
                }
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)
                    .map($name::from_wire)
            }
        }
    };
}

// Used by generated types, not by the runtime itself.
#[allow(unused_imports)]
pub(crate) use {sid_newtype, string_enum, string_newtype, text_doors};
