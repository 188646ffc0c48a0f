//! Reading a 2xx answer tolerantly, at the runtime's own layer: how far repair goes.
//! How generated records take it (their `unread_fields`) is tested on the generated
//! crates, in `tests/tests/generated/odd_answers.rs`.

use crate::__private::decode_answer;
use crate::{Error, UnreadFields};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Price {
    #[serde(default)]
    amount: Option<u32>,
}

#[derive(Debug, Deserialize)]
struct Record {
    #[serde(default)]
    prices: Vec<Price>,
    #[serde(default, rename = "\u{0}unread")]
    unread_fields: UnreadFields,
}

fn body(odd: usize) -> Vec<u8> {
    let prices: Vec<serde_json::Value> = (0..odd)
        .map(|_| serde_json::json!({"amount": "a lot"}))
        .collect();
    serde_json::json!({ "prices": prices })
        .to_string()
        .into_bytes()
}

/// A few odd fields are left out and named; past the bound on rounds of repair (each
/// decodes the whole record again) the record is an error that keeps the body, so
/// a list of many odd objects costs time linear in the answer, not quadratic.
#[test]
fn repair_has_a_bound_on_rounds() {
    let record: Record = decode_answer(body(10)).expect("read");
    assert_eq!(record.prices.len(), 10);
    assert!(record.prices.iter().all(|p| p.amount.is_none()));
    assert_eq!(record.unread_fields.len(), 10);
    assert_eq!(record.unread_fields[3].path, "prices[3].amount");

    let sent = body(1000);
    match decode_answer::<Record>(sent.clone()) {
        Err(Error::Decode { body, .. }) => assert_eq!(body, sent),
        other => panic!("{other:?}"),
    }
}
