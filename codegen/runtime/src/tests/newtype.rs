//! The macros behind every constrained string and string enum.

use crate::__private::{parse_sid, sid_newtype, string_enum, string_newtype};
use crate::validate::{sid, ValidationError};
use std::collections::HashSet;

#[derive(Debug, Clone, PartialEq)]
struct TestSid(String);

impl TestSid {
    const NAME: &'static str = "TestSid";

    fn validate(value: &str) -> Result<(), ValidationError> {
        sid::<4>(value, Self::NAME, "TS")
    }
}

string_newtype!(TestSid);

/// As the generator emits a SID: inline, `Copy`.
struct InlineSid(crate::__private::FStr<6>);

sid_newtype!(InlineSid, "TS", 4);

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

    // As generated code writes it: another letter case of a known value is that value.
    fn from_wire(value: String) -> Self {
        match value.as_str() {
            "red" => Colour::Red,
            _ => match crate::__private::known_value(Self::VALUES, &value) {
                Some(known) => Self::from_wire(known.into()),
                None => Colour::Unknown(value),
            },
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
fn a_sid_type_knows_its_rule() {
    assert_eq!(
        (InlineSid::NAME, InlineSid::PREFIX, InlineSid::LEN),
        ("InlineSid", "TS", 6)
    );
    assert!(InlineSid::is_valid("TS00aa") && !InlineSid::is_valid("TS00ag"));
    assert_eq!(
        InlineSid::validate("TS00ag").unwrap_err().to_string(),
        "invalid InlineSid: must be `TS` followed by 4 hex digits; character 6 is 'g', which is not a hex digit"
    );
    let copy = "TS00aa".parse::<InlineSid>().unwrap();
    let (x, y) = (copy, copy);
    assert_eq!(x.into_string(), y.as_str());
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
fn enums_parse_and_decode_keeping_unknown_values() {
    assert_eq!("red".parse::<Colour>(), Ok(Colour::Red));
    // Like decoding: a value this crate doesn't know is kept, to be sent as written.
    assert_eq!("blue".parse::<Colour>(), Ok(Colour::Unknown("blue".into())));
    assert_eq!("RED".parse::<Colour>(), Ok(Colour::Red));
    let decoded: Colour = serde_json::from_str("\"blue\"").unwrap();
    assert_eq!(decoded, Colour::Unknown("blue".into()));
    assert_eq!(serde_json::to_string(&decoded).unwrap(), "\"blue\"");
    assert_eq!(Colour::Red.to_string(), "red");
}

/// A SID as generated crates have them: `IN` and 32 hex digits.
struct InviteSid(crate::__private::FStr<34>);

sid_newtype!(InviteSid, "IN", 32);

/// Strings near the SID shape (the interesting ones) and arbitrary ones.
fn candidates() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::prelude::*;
    let prefix = prop_oneof![
        Just("IN".to_string()),
        Just("in".to_string()),
        Just("IS".to_string()),
        "[A-Z]{0,3}"
    ];
    // Mostly the right length, mostly hex, and otherwise the bytes either side of
    // each hex range (`/` `:` `@` `G` `` ` `` `g`), which an off-by-one would let in.
    let length = prop_oneof![4 => Just(32usize), 1 => 28usize..=36];
    let body = length
        .prop_flat_map(|n| {
            prop::collection::vec(
                prop_oneof![
                    60 => "[0-9a-fA-F]",
                    1 => "[/:@G`g]",
                    1 => "[h-zH-Z]",
                    1 => "[ é\u{0}\n\u{1F600}]"
                ],
                n,
            )
        })
        .prop_map(|chars| chars.concat());
    prop_oneof![3 => (prefix, body).prop_map(|(p, b)| p + &b), 1 => any::<String>()]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4096, ..Default::default() })]

    /// Every door of a SID type accepts exactly what `^IN[0-9a-fA-F]{32}$` matches,
    /// and refuses the rest with the error `validate` gives.
    #[test]
    fn every_door_of_a_sid_agrees_with_the_regex(value in candidates()) {
        let want = regex::Regex::new("^IN[0-9a-fA-F]{32}$").expect("valid").is_match(&value);
        proptest::prop_assert_eq!(InviteSid::is_valid(&value), want, "{:?}", value);
        proptest::prop_assert_eq!(InviteSid::PREFIX, "IN");
        let validated = InviteSid::validate(&value).err();
        proptest::prop_assert_eq!(validated.is_none(), want, "{:?}", value);
        let doors = [
            value.parse::<InviteSid>().map(|s| s.into_string()),
            InviteSid::try_from(value.as_str()).map(|s| s.into_string()),
            InviteSid::try_from(value.clone()).map(|s| s.into_string()),
        ];
        for door in doors {
            proptest::prop_assert_eq!(door.as_ref().err(), validated.as_ref(), "{:?}", value);
            if let Ok(text) = door {
                proptest::prop_assert_eq!(&text, &value);
            }
        }
        let json = serde_json::to_string(&value).expect("a string");
        let decoded = serde_json::from_str::<InviteSid>(&json);
        proptest::prop_assert_eq!(decoded.is_ok(), want, "{:?}", value);
        if let (Err(e), Some(v)) = (decoded, &validated) {
            proptest::prop_assert!(e.to_string().contains(&v.to_string()), "{} / {}", e, v);
        }
    }
}
