//! `json_text`: a JSON value as one form or query value, as Twilio's libraries send it.

use crate::__private::json_text;
use serde_json::json;

#[test]
fn text_goes_as_it_is_and_anything_else_as_json() {
    assert_eq!(json_text(&json!("plain text")), "plain text");
    assert_eq!(
        json_text(&json!("{\"already\":\"json\"}")),
        "{\"already\":\"json\"}"
    );
    assert_eq!(
        json_text(&json!({"a": 1, "b": [true, null]})),
        "{\"a\":1,\"b\":[true,null]}"
    );
    assert_eq!(json_text(&json!([1, "two"])), "[1,\"two\"]");
    assert_eq!(json_text(&json!(true)), "true");
    assert_eq!(json_text(&json!(null)), "null");
    assert_eq!(json_text(&json!(2.5)), "2.5");
}
