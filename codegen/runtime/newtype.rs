//! The impls every constrained string and every string enum share. The generator
//! emits each type, its rule and one macro call; the doors into the type live here.

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

        impl ::std::convert::TryFrom<&str> for $name {
            type Error = crate::runtime::validate::ValidationError;

            fn try_from(
                value: &str,
            ) -> ::std::result::Result<Self, crate::runtime::validate::ValidationError> {
                ::std::str::FromStr::from_str(value)
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

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl ::std::convert::AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl ::std::cmp::PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl ::std::cmp::PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

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
pub(crate) use {string_enum, string_newtype};
