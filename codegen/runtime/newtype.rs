//! The impls every constrained string and every string enum share. The generator
//! emits each type, its rule and one macro call; the doors into the type live here.

/// For `struct $name(String)` with `fn validate(&str) -> Result<(), $error>`:
/// `as_str`, `into_string`, `FromStr`, `TryFrom<&str>`, `TryFrom<String>`,
/// `Display`, `AsRef<str>`, `PartialEq<str>`, `Serialize` and a `Deserialize` that
/// validates. Every constructor runs `validate`.
#[allow(unused_macros)] // an API may have no constrained strings
macro_rules! string_newtype {
    ($name:ident, $error:path) => {
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
            type Err = $error;

            fn from_str(value: &str) -> ::std::result::Result<Self, $error> {
                $name::validate(value)?;
                ::std::result::Result::Ok($name(::std::borrow::ToOwned::to_owned(value)))
            }
        }

        impl ::std::convert::TryFrom<&str> for $name {
            type Error = $error;

            fn try_from(value: &str) -> ::std::result::Result<Self, $error> {
                ::std::str::FromStr::from_str(value)
            }
        }

        impl ::std::convert::TryFrom<::std::string::String> for $name {
            type Error = $error;

            /// Keeps the `String`'s allocation.
            fn try_from(value: ::std::string::String) -> ::std::result::Result<Self, $error> {
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
    ($name:ident, $fallback:ident, $error:path) => {
        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $error;

            fn from_str(value: &str) -> ::std::result::Result<Self, $error> {
                match $name::from_wire(::std::borrow::ToOwned::to_owned(value)) {
                    $name::$fallback(value) => ::std::result::Result::Err(
                        <$error>::unknown_variant(stringify!($name), value, $name::VALUES),
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

#[cfg(test)]
mod tests {
    use super::super::validate::{sid, ValidationError};

    #[derive(Debug, Clone, PartialEq)]
    struct TestSid(String);

    impl TestSid {
        fn validate(value: &str) -> Result<(), ValidationError> {
            sid::<4>(value, "TestSid", "TS")
        }
    }

    string_newtype!(TestSid, ValidationError);

    #[derive(Debug, Clone, PartialEq)]
    enum Colour {
        Red,
        Unknown(String),
    }

    impl Colour {
        const VALUES: &'static [&'static str] = &["red"];

        fn as_str(&self) -> &str {
            match self {
                Colour::Red => "red",
                Colour::Unknown(value) => value,
            }
        }

        fn from_wire(value: String) -> Self {
            match value.as_str() {
                "red" => Colour::Red,
                _ => Colour::Unknown(value),
            }
        }
    }

    string_enum!(Colour, Unknown, ValidationError);

    #[test]
    fn every_door_of_a_newtype_checks() {
        assert_eq!("TS0aF9".parse::<TestSid>().unwrap().as_str(), "TS0aF9");
        assert!(TestSid::try_from("TS0aF9").is_ok());
        assert_eq!(
            TestSid::try_from("TS0aF9".to_string())
                .unwrap()
                .into_string(),
            "TS0aF9"
        );
        assert!("TS0aFg".parse::<TestSid>().is_err());
        assert!(TestSid::try_from("XX0000").is_err());
        assert!(TestSid::try_from(String::from("TS000")).is_err());
        let json: Result<TestSid, _> = serde_json::from_str("\"TS00000\"");
        assert!(json
            .unwrap_err()
            .to_string()
            .contains("invalid TestSid: must be 6 characters"));
        let ok: TestSid = serde_json::from_str("\"TS1234\"").unwrap();
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"TS1234\"");
        assert_eq!(ok.to_string(), "TS1234");
        assert!(ok == "TS1234" && ok == *"TS1234" && ok.as_ref() == "TS1234");
    }

    #[test]
    fn enums_parse_strictly_and_decode_leniently() {
        assert_eq!("red".parse::<Colour>().unwrap(), Colour::Red);
        let err = "blue".parse::<Colour>().unwrap_err().to_string();
        assert_eq!(err, "invalid Colour: `blue` is not one of `red`");
        let decoded: Colour = serde_json::from_str("\"blue\"").unwrap();
        assert_eq!(decoded, Colour::Unknown("blue".into()));
        assert_eq!(serde_json::to_string(&decoded).unwrap(), "\"blue\"");
        assert_eq!(Colour::Red.to_string(), "red");
    }
}
