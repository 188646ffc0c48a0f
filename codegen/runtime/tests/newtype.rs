//! The macros behind every constrained string and string enum.

use crate::runtime::newtype::{string_enum, string_newtype};
use crate::runtime::validate::{sid, ValidationError};

#[derive(Debug, Clone, PartialEq)]
struct TestSid(String);

impl TestSid {
    fn validate(value: &str) -> Result<(), ValidationError> {
        sid::<4>(value, "TestSid", "TS")
    }
}

string_newtype!(TestSid);

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

string_enum!(Colour, Unknown);

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
