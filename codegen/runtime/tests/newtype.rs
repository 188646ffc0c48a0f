//! The macros behind every constrained string and string enum.

use crate::runtime::newtype::{parse_sid, sid_newtype, string_enum, string_newtype};
use crate::runtime::validate::{sid, ValidationError};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq)]
struct TestSid(String);

impl TestSid {
    fn validate(value: &str) -> Result<(), ValidationError> {
        sid::<4>(value, "TestSid", "TS")
    }
}

string_newtype!(TestSid);

/// As the generator emits a SID: inline, `Copy`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct InlineSid(fstr::FStr<6>);

impl InlineSid {
    const NAME: &'static str = "InlineSid";
    const PREFIX: &'static str = "TS";
    const LEN: usize = 6;
}

sid_newtype!(InlineSid);

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
fn every_door_of_an_inline_newtype_checks() {
    let sid: InlineSid = "TS0aF9".parse().unwrap();
    assert_eq!(sid.as_str(), "TS0aF9");
    assert_eq!(InlineSid::try_from("TS0aF9").unwrap(), sid);
    assert_eq!(InlineSid::try_from("TS0aF9".to_string()).unwrap(), sid);
    assert_eq!(sid.into_string(), "TS0aF9");
    let copy = sid;
    assert_eq!(copy, sid, "Copy leaves the original usable");
    for bad in ["TS0aFg", "XX0000", "TS000", "TS00000", "", "TS0aF\u{e9}"] {
        let want = TestSid::validate(bad).unwrap_err();
        assert_eq!(
            bad.parse::<InlineSid>().unwrap_err().problem(),
            want.problem()
        );
        assert_eq!(
            InlineSid::try_from(bad).unwrap_err().problem(),
            want.problem()
        );
        let owned = InlineSid::try_from(bad.to_string()).unwrap_err();
        assert_eq!(owned.problem(), want.problem());
        let json = serde_json::to_string(bad).unwrap();
        let decoded = serde_json::from_str::<InlineSid>(&json).unwrap_err();
        assert!(
            decoded.to_string().contains(&owned.to_string()),
            "{decoded}"
        );
    }
    let ok: InlineSid = serde_json::from_str("\"TS1234\"").unwrap();
    assert_eq!(serde_json::to_string(&ok).unwrap(), "\"TS1234\"");
    assert_eq!(ok.to_string(), "TS1234");
    assert!(ok == "TS1234" && ok == *"TS1234" && ok.as_ref() == "TS1234");
    let not_text = serde_json::from_str::<InlineSid>("12").unwrap_err();
    assert!(
        not_text.to_string().contains("expected a string"),
        "{not_text}"
    );
}

#[test]
fn an_escaped_string_decodes_inline() {
    let sid: InlineSid = serde_json::from_str("\"TS\\u0031234\"").unwrap();
    assert_eq!(sid, "TS1234");
    let sid: InlineSid = serde_json::from_reader("\"TS1234\"".as_bytes()).unwrap();
    assert_eq!(sid, "TS1234");
}

#[test]
fn inline_newtypes_compare_and_hash_as_their_text() {
    let (a, b): (InlineSid, InlineSid) = ("TS00aa".parse().unwrap(), "TS00ab".parse().unwrap());
    assert!(a < b);
    assert_eq!(a.cmp(&b), "TS00aa".cmp("TS00ab"));
    let set: HashSet<InlineSid> = [a, b, a].into_iter().collect();
    assert_eq!(set.len(), 2);
    assert_eq!(format!("{a:?}"), r#"InlineSid("TS00aa")"#);
}

#[test]
fn a_length_that_disagrees_with_the_rule_is_an_error() {
    // The macro derives both from `LEN`, so only a direct call can disagree.
    let err = parse_sid::<4, 5, _>("TS1234", "Mismatched", "TS", |inline| inline).unwrap_err();
    assert_eq!(
        err.to_string(),
        "invalid Mismatched: must be at most 5 characters; got 6"
    );
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
