//! Webhook requests that can't be read (missing or malformed signatures, bodies over
//! the limit, malformed forms), an HTTP request checked whole, the response, and the
//! parameters as read: media pairs, order and repeats.

use super::webhook::{default_params, form, pairs, validator, URL};
use crate::{WebhookError, WebhookResponse, WebhookValidator};

#[test]
fn missing_and_malformed_signatures_say_which() {
    let v = validator();
    let body = form(&default_params());
    assert_eq!(
        v.verify_form(URL, None, &body),
        Err(WebhookError::MissingSignature)
    );
    assert_eq!(
        v.verify_form(URL, Some("  "), &body),
        Err(WebhookError::MissingSignature)
    );
    for malformed in [
        "not base64!",
        "RSOYDt4T1cUTdK1PDd93/VVr8B8",      // padding cut
        "RSOYDt4T1cUTdK1PDd93/VVr8B8=AAAA", // too long
        "AAAA",                             // three bytes
        "RSOYDt4T1cUTdK1PDd93/VVr8B8=\u{e9}",
    ] {
        assert_eq!(
            v.verify_form(URL, Some(malformed), &body),
            Err(WebhookError::MalformedSignature),
            "{malformed}"
        );
    }
    // Surrounding whitespace, as a proxy may leave, is not part of the value.
    assert!(v
        .verify_form(URL, Some(" RSOYDt4T1cUTdK1PDd93/VVr8B8= "), &body)
        .is_ok());
}

#[test]
fn bodies_over_the_limit_are_refused_before_decoding() {
    let v = validator().max_body_bytes(32);
    let body = vec![b'%'; 33];
    assert_eq!(
        v.verify_form(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), &body),
        Err(WebhookError::BodyTooLarge { limit: 32 })
    );
    assert_eq!(
        v.verify_json(
            &format!("{URL}&bodySHA256=00"),
            Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="),
            &body
        ),
        Err(WebhookError::BodyTooLarge { limit: 32 })
    );
    assert_eq!(
        validator().body_limit(),
        WebhookValidator::DEFAULT_MAX_BODY_BYTES
    );
    // At the limit, the body is read (and here, not signed).
    let exact = b"A=1&".repeat(8);
    assert_eq!(
        v.verify_form(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), &exact),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn malformed_form_bodies_are_typed_errors() {
    let v = validator();
    for (body, offset) in [
        (&b"Body=100%"[..], 8),
        (b"Body=%zz", 5),
        (b"A=1&Body=%4", 9),
        (b"Body=%C3%28", 5), // not UTF-8 once decoded
        (b"%FF=1", 0),
        (b"Body=\xff", 5),
    ] {
        match v.verify_form(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), body) {
            Err(WebhookError::MalformedBody { offset: at, .. }) => {
                assert_eq!(at, offset, "{}", String::from_utf8_lossy(body))
            }
            other => panic!("{}: {other:?}", String::from_utf8_lossy(body)),
        }
    }
    // A GET's query is read as strictly.
    let url = "https://example.com/hook?Body=%E2%28";
    let signature = v.sign_url(url);
    assert!(matches!(
        v.verify_query(url, Some(&signature)),
        Err(WebhookError::MalformedBody { .. })
    ));
}

#[test]
fn the_auth_token_never_shows() {
    let v = WebhookValidator::new("s3cr3t-token-value");
    let shown = format!("{v:?}");
    assert!(!shown.contains("s3cr3t"), "{shown}");
    for err in [
        v.verify_form(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), b"A=1")
            .unwrap_err(),
        v.verify_form(URL, None, b"A=1").unwrap_err(),
    ] {
        assert!(!format!("{err} {err:?}").contains("s3cr3t"));
    }
}

#[test]
fn an_http_request_is_checked_by_its_method_and_content_type() {
    let v = validator();
    let body = form(&default_params());
    let post = |content_type: &str, signature: &str, body: Vec<u8>| {
        http::Request::post("/myapp.php?foo=1&bar=2")
            .header("content-type", content_type)
            .header("X-Twilio-Signature", signature)
            .body(body)
            .expect("a request")
    };
    let request = post(
        "application/x-www-form-urlencoded; charset=utf-8",
        "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        body.clone(),
    );
    assert_eq!(
        v.verify_http(URL, &request).map(|p| p.to_vec()),
        Ok(default_params())
    );

    let json = br#"{"property": "value", "boolean": true}"#.to_vec();
    let url = WebhookValidator::url_with_body_hash(URL, &json);
    let request = post("application/json", "a9nBmqA0ju/hNViExpshrM61xv4=", json);
    let query = v.verify_http(&url, &request).expect("a JSON webhook");
    assert_eq!(query.get("foo"), Some("1"));

    let get_url = "https://example.com/hook?EventType=onUserAdded";
    let request = http::Request::get("/hook?EventType=onUserAdded")
        .header("X-Twilio-Signature", v.sign_url(get_url))
        .body(Vec::new())
        .expect("a request");
    assert_eq!(
        v.verify_http(get_url, &request).map(|p| p.to_vec()),
        Ok(pairs(&[("EventType", "onUserAdded")]))
    );

    let request = post("text/plain", "RSOYDt4T1cUTdK1PDd93/VVr8B8=", body.clone());
    assert!(matches!(
        v.verify_http(URL, &request),
        Err(WebhookError::UnexpectedRequest(_))
    ));
    let request = http::Request::post("/")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(body)
        .expect("a request");
    assert_eq!(
        v.verify_http(URL, &request),
        Err(WebhookError::MissingSignature)
    );
}

#[test]
fn responses_carry_a_status_and_a_json_body_of_changes() {
    let ok = WebhookResponse::ok();
    assert_eq!((ok.status(), ok.body(), ok.content_type()), (200, "", None));
    let rejected = WebhookResponse::status_only(403);
    assert_eq!((rejected.status(), rejected.body()), (403, ""));
    let changed = WebhookResponse::changes(&[("body", "[redacted] \"quoted\""), ("author", "bot")]);
    assert_eq!(changed.status(), 200);
    assert_eq!(changed.content_type(), Some("application/json"));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(changed.body()).expect("JSON"),
        serde_json::json!({"body": "[redacted] \"quoted\"", "author": "bot"})
    );
    let http: http::Response<String> = changed.into();
    assert_eq!(http.headers()["content-type"], "application/json");
}

#[test]
fn a_twiml_answer_is_text_xml() {
    let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    let reply = WebhookResponse::twiml(xml);
    assert_eq!(
        (reply.status(), reply.body(), reply.content_type()),
        (200, xml, Some("text/xml"))
    );
    let http: http::Response<String> = reply.into();
    assert_eq!(http.headers()["content-type"], "text/xml");
    assert_eq!(http.body(), xml);
}

/// Media pairs come in the order of their numbers, whatever the order sent and
/// whatever `NumMedia` says; names that only look numbered are not media.
#[test]
fn media_are_read_from_numbered_pairs() {
    let params: crate::WebhookParams = [
        ("NumMedia", "1"),
        ("MediaContentType1", "image/png"),
        ("MediaUrl1", "https://api.twilio.com/b"),
        ("MediaUrl0", "https://api.twilio.com/a"),
        ("MediaContentType0", "image/jpeg"),
        ("MediaUrl2", "https://api.twilio.com/c"),
        ("MediaUrl+3", "x"),
        ("MediaUrl", "x"),
        ("MediaUrl99999999999", "x"),
        ("MediaUrlX", "x"),
    ]
    .into_iter()
    .collect();
    let media = crate::__private::webhook::media(&params);
    let got: Vec<(&str, Option<&str>)> = media
        .iter()
        .map(|m| (m.url.as_str(), m.content_type.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("https://api.twilio.com/a", Some("image/jpeg")),
            ("https://api.twilio.com/b", Some("image/png")),
            ("https://api.twilio.com/c", None),
        ]
    );
    assert!(crate::__private::webhook::media(&crate::WebhookParams::default()).is_empty());
}

#[test]
fn params_keep_order_and_repeats_and_build_from_pairs() {
    let v = validator();
    let body = b"B=2&A=1&B=3&C=%C3%A9";
    let params = pairs(&[("B", "2"), ("A", "1"), ("B", "3"), ("C", "é")]);
    let signature = v.sign_form(URL, &params);
    let got = v
        .verify_form(URL, Some(&signature), body)
        .expect("verifies");
    assert_eq!(got.len(), 4);
    assert_eq!(got.get("B"), Some("2"));
    assert_eq!(got.get("D"), None);
    assert_eq!(
        got.iter().collect::<Vec<_>>(),
        [("B", "2"), ("A", "1"), ("B", "3"), ("C", "é")]
    );
    let built: crate::WebhookParams = params.iter().map(|(k, v)| (k, v)).collect();
    assert_eq!(got, built);
    assert_eq!(
        format!("{got:?}"),
        r#"[("B", "2"), ("A", "1"), ("B", "3"), ("C", "é")]"#
    );
    assert!(crate::WebhookParams::default().is_empty());
}

/// A second `=` belongs to the value (`application/x-www-form-urlencoded` splits a
/// piece on its first). Before the decoder was rewritten, each of these spun forever.
#[test]
fn a_second_equals_sign_is_part_of_the_value() {
    let v = validator();
    let signed = |params: &[(&str, &str)]| v.sign_form(URL, &pairs(params));
    for (body, want) in [
        (&b"a==b"[..], vec![("a", "=b")]),
        (b"=", vec![("", "")]),
        (b"==", vec![("", "=")]),
        (b"token=abc==&x=1", vec![("token", "abc=="), ("x", "1")]),
        (b"a=b=c=d", vec![("a", "b=c=d")]),
    ] {
        let signature = signed(&want);
        let params = v.verify_form(URL, Some(&signature), body);
        assert_eq!(
            params.map(|p| p.to_vec()),
            Ok(pairs(&want)),
            "{}",
            String::from_utf8_lossy(body)
        );
    }
    // Unsigned, it is refused by its signature, not held up in decoding.
    assert_eq!(
        v.verify_form(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), b"a==b"),
        Err(WebhookError::SignatureMismatch)
    );
    // A GET whose query holds base64, through `verify_query` and `verify_http`.
    let url = "https://example.com/hook?token=abc==&EventType=onUserAdded";
    let signature = v.sign_url(url);
    let want = Ok(pairs(&[("token", "abc=="), ("EventType", "onUserAdded")]));
    assert_eq!(
        v.verify_query(url, Some(&signature)).map(|p| p.to_vec()),
        want
    );
    let request = http::Request::get("/hook?token=abc==&EventType=onUserAdded")
        .header("X-Twilio-Signature", signature)
        .body(Vec::new())
        .expect("a request");
    assert_eq!(v.verify_http(url, &request).map(|p| p.to_vec()), want);
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 4096, ..Default::default() })]

    /// Any bytes at all are read or refused with a typed error, never a panic; and
    /// what is read is what `form_urlencoded` (the WHATWG reader) reads from them.
    #[test]
    fn any_body_decodes_as_the_standard_reads_it_or_is_refused(
        body in proptest::collection::vec(
            proptest::prop_oneof![
                proptest::sample::select(b"&=+%aF09".to_vec()),
                proptest::num::u8::ANY,
            ],
            0..64,
        )
    ) {
        if let Ok(params) = crate::webhook::form::decode(&body) {
            let standard: Vec<(String, String)> = form_urlencoded::parse(&body)
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect();
            proptest::prop_assert_eq!(params.to_vec(), standard);
        }
    }
}
