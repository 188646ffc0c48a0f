//! `wire_text`: decimals written as strings, and empty strings for unset SIDs.

use crate::__private::wire_text::*;
use serde::Deserialize;

/// A SID as the generator emits one; only its `Deserialize` is used here.
#[allow(dead_code)]
mod sid {
    use crate::__private::{sid_newtype, FStr};

    pub struct TestSid(FStr<34>);

    sid_newtype!(TestSid, "AP", 32);
}
use sid::TestSid;

#[derive(Debug, Deserialize, PartialEq)]
struct Record {
    #[serde(default, deserialize_with = "deserialize_number_option")]
    price: Option<f64>,
    #[serde(default, deserialize_with = "deserialize_number")]
    latitude: f64,
    #[serde(default, deserialize_with = "deserialize_text_option")]
    application_sid: Option<TestSid>,
}

fn read(json: &str) -> Result<Record, serde_json::Error> {
    serde_json::from_str(json)
}

#[test]
fn a_number_is_read_from_a_number_or_a_decimal_string() {
    for (json, price) in [
        (r#"{"price": -0.0025}"#, Some(-0.0025)),
        (r#"{"price": "-0.0025"}"#, Some(-0.0025)),
        (r#"{"price": "19.720000"}"#, Some(19.72)),
        (r#"{"price": 3}"#, Some(3.0)),
        (r#"{"price": "1e3"}"#, Some(1000.0)),
        (r#"{"price": null}"#, None),
        (r#"{}"#, None),
    ] {
        assert_eq!(read(json).expect(json).price, price, "{json}");
    }
    assert_eq!(
        read(r#"{"latitude": "-155.09"}"#).expect("reads").latitude,
        -155.09
    );
}

#[test]
fn text_that_is_no_decimal_is_refused() {
    for json in [
        r#"{"price": ""}"#,
        r#"{"price": "NaN"}"#,
        r#"{"price": "inf"}"#,
        r#"{"price": " 1"}"#,
        r#"{"price": "1,5"}"#,
        r#"{"price": "-"}"#,
        r#"{"price": true}"#,
        r#"{"price": [1]}"#,
        r#"{"latitude": null}"#,
    ] {
        assert!(read(json).is_err(), "{json} should be refused");
    }
}

#[test]
fn an_empty_sid_is_none_and_any_other_text_is_checked() {
    let sid = "AP00000000000000000000000000000000";
    assert_eq!(
        read(r#"{"application_sid": ""}"#)
            .expect("reads")
            .application_sid,
        None
    );
    assert_eq!(
        read(r#"{"application_sid": null}"#)
            .expect("reads")
            .application_sid,
        None
    );
    let found = read(&format!(r#"{{"application_sid": "{sid}"}}"#)).expect("reads");
    assert_eq!(
        found.application_sid.map(|s| s.to_string()).as_deref(),
        Some(sid)
    );
    for bad in [r#""TK00000000000000000000000000000000""#, r#"" ""#, "7"] {
        let json = format!(r#"{{"application_sid": {bad}}}"#);
        assert!(read(&json).is_err(), "{json} should be refused");
    }
}
