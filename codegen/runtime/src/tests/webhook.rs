//! Webhook signatures against the vectors of Twilio's docs and helper libraries
//! (twilio-python, -node, -java, -csharp, -php, -ruby tests), plus our own; each
//! with a tampered variant that must fail. Then bad input, and the response.

use crate::{WebhookError, WebhookResponse, WebhookValidator};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// The token of every library's tests.
const TOKEN: &str = "12345";
/// The URL of every library's tests.
const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

/// The parameters of every library's tests.
fn default_params() -> Vec<(String, String)> {
    pairs(&[
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", "+14158675309"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
    ])
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A form body of `params`, every byte that could be percent-encoded encoded.
fn form(params: &[(String, String)]) -> Vec<u8> {
    params
        .iter()
        .map(|(k, v)| {
            format!(
                "{}={}",
                utf8_percent_encode(k, NON_ALPHANUMERIC),
                utf8_percent_encode(v, NON_ALPHANUMERIC)
            )
        })
        .collect::<Vec<_>>()
        .join("&")
        .into_bytes()
}

fn validator() -> WebhookValidator {
    WebhookValidator::new(TOKEN)
}

/// Accepts `signature` for a POST of `params` to `url`, rejects it for the same POST
/// with one more parameter, and rejects a signature one bit off.
fn assert_form_vector(url: &str, params: &[(String, String)], signature: &str) {
    let v = validator();
    let body = form(params);
    let decoded = v
        .verify_form(url, Some(signature), &body)
        .unwrap_or_else(|e| panic!("{url} with {params:?}: {e}"));
    assert_eq!(decoded.to_vec(), params, "{url}");

    let mut tampered = params.to_vec();
    tampered.push(("Extra".into(), "1".into()));
    assert_eq!(
        v.verify_form(url, Some(signature), &form(&tampered)),
        Err(WebhookError::SignatureMismatch),
        "{url}: an added parameter"
    );
    let mut bytes = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, signature)
        .expect("base64");
    bytes[7] ^= 1;
    let flipped = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, bytes);
    assert_eq!(
        v.verify_form(url, Some(&flipped), &body),
        Err(WebhookError::SignatureMismatch),
        "{url}: a flipped bit"
    );
}

#[test]
fn twilio_docs_example() {
    let params = pairs(&[
        ("Digits", "1234"),
        ("To", "+18005551212"),
        ("From", "+14158675310"),
        ("Caller", "+14158675310"),
        ("CallSid", "CA1234567890ABCDE"),
    ]);
    assert_form_vector(
        "https://example.com/myapp.php?foo=1&bar=2",
        &params,
        "L/OH5YylLD5NRKLltdqwSvS0BnU=",
    );
}

#[test]
fn the_libraries_vectors_with_their_urls() {
    for (url, signature) in [
        (URL, "RSOYDt4T1cUTdK1PDd93/VVr8B8="),
        (
            "https://mycompany.com:443/myapp.php?foo=1&bar=2",
            "kvajT1Ptam85bY51eRf/AJRuM3w=",
        ),
        (
            "http://mycompany.com:80/myapp.php?foo=1&bar=2",
            "0ZXoZLH/DfblKGATFgpif+LLRf4=",
        ),
        (
            "http://mycompany.com:1234/myapp.php?foo=1&bar=2",
            "Zmvh+3yNM1Phv2jhDCwEM3q5ebU=",
        ),
        (
            "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
            "CYn1h0gLBdNxDGkKJg6hYohgeD8=",
        ),
        (
            "http://mycompany.com/myapp.php?foo=1&bar=2",
            "OyGYPqTF6ztdbRNCvuQO/oPvqQ4=",
        ),
        // Credentials, kept as given (node, ruby, php).
        (
            "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2",
            "CukzLTc1tT5dXEDIHm/tKBanW10=",
        ),
        (
            "https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2",
            "ZQFR1PTIZXF2MXB8ZnKCvnnA+rI=",
        ),
        (
            "https://user@mycompany.com/myapp.php?foo=1&bar=2",
            "2YRLlVAflCqxaNicjMpJcSTgzSs=",
        ),
        // Host and scheme case as given (C#).
        (
            "https://MyCompany.com/myapp.php?foo=1&bar=2",
            "g9IN/x4Cft2g517EjYvEvM/W7LU=",
        ),
        (
            "https://MyCompany.com:1234/myapp.php?foo=1&bar=2",
            "PCqOZm8cnu/L6+u5i5fuEd+Iac4=",
        ),
        (
            "http://MyCompany.com/myapp.php?foo=1&bar=2",
            "XY7AlKOKL6im4yWyX84gldUrtis=",
        ),
        (
            "http://username:password@MyCompany.com/myapp.php?foo=1&bar=2",
            "PJ08CxXr7KLPjEQCTc8LkUSMwSM=",
        ),
        (
            "HTTP://username:password@MyCompany.com/myapp.php?foo=1&bar=2",
            "hy/l8pca+LFms4cvRdv8uiP6NGc=",
        ),
        (
            "http://Username:Password@MyCompany.com/myapp.php?foo=1&bar=2",
            "SkTSKyDJH9kUlhItI0slbgZ1UsI=",
        ),
        // Java's edge cases: no query; a query parameter is part of the URL; its
        // encoding is kept; raw UTF-8; a double slash.
        ("https://mycompany.com/myapp.php", "1xaxFBvyzXYvWplzNOSs28HWO94="),
        (
            "https://mycompany.com/myapp.php?foo=1&bar=2&type=thiswontbeusedinthesignaturegeneratorandsoshouldbeignored",
            "hYkNsTBttoNGkyCS0p+wWmQoRTg=",
        ),
        (
            "https://mycompany.com/myapp.php?foo=hello%20world&bar=test%2Bvalue",
            "er2tvAP1Wx+iuTTE2BPgvEaN1cs=",
        ),
        (
            "https://mycompany.com/webhook/España?año=2023",
            "G/Hx6mqqnjUNlPAoi2Sp9bGst0g=",
        ),
        (
            "https://mycompany.com:443//myapp.php?foo=1&bar=2",
            "A9lH3u16NjyiiM/+wylw5rirFUs=",
        ),
        // A quote and a plus in the query, raw (node).
        (
            "https://mycompany.com/myapp.php?foo=1&bar=2&Body=It's+amazing",
            "dsq4Ehbj6cs+KdTkpF5sSSplOWw=",
        ),
    ] {
        assert_form_vector(url, &default_params(), signature);
    }
}

#[test]
fn the_port_is_tried_written_out_and_left_out() {
    let v = validator();
    let body = form(&default_params());
    // Signed with `:443`, checked against the URL without it, and the reverse.
    for (signed, given) in [
        ("kvajT1Ptam85bY51eRf/AJRuM3w=", URL),
        (
            "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "https://mycompany.com:443/myapp.php?foo=1&bar=2",
        ),
        // A non-standard port given, signed without it: the libraries accept it.
        (
            "RSOYDt4T1cUTdK1PDd93/VVr8B8=",
            "https://mycompany.com:1234/myapp.php?foo=1&bar=2",
        ),
        (
            "0ZXoZLH/DfblKGATFgpif+LLRf4=",
            "http://mycompany.com/myapp.php?foo=1&bar=2",
        ),
    ] {
        v.verify_form(given, Some(signed), &body)
            .unwrap_or_else(|e| panic!("{given}: {e}"));
    }
    // A port is a port: https with :80 is not https.
    assert_eq!(
        v.verify_form(
            "https://mycompany.com:8443/myapp.php?foo=1&bar=2",
            Some("0ZXoZLH/DfblKGATFgpif+LLRf4="),
            &body
        ),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn credentials_are_part_of_the_url_signed() {
    // Twilio's docs don't say it signs without `user:pass@`, and the libraries sign
    // the URL they are given: so is it checked, with its port toggled.
    let v = validator();
    let body = form(&default_params());
    let url = "https://user:pass@mycompany.com/myapp.php?foo=1&bar=2";
    for signed in [
        url,
        "https://user:pass@mycompany.com:443/myapp.php?foo=1&bar=2",
    ] {
        let signature = v.sign_form(signed, &default_params());
        v.verify_form(url, Some(&signature), &body)
            .unwrap_or_else(|e| panic!("{signed}: {e}"));
    }
    // Signed without them ("RSOYDt4T…" is the libraries' vector for the bare URL),
    // or with other credentials: other URLs.
    for signed in [
        "https://mycompany.com/myapp.php?foo=1&bar=2",
        "https://other:pass@mycompany.com/myapp.php?foo=1&bar=2",
    ] {
        let signature = v.sign_form(signed, &default_params());
        assert_eq!(
            v.verify_form(url, Some(&signature), &body),
            Err(WebhookError::SignatureMismatch),
            "{signed}"
        );
    }
}

/// A forged request costs at most two HMACs: the URL as given and one other form.
#[test]
fn one_other_url_form_at_most() {
    use crate::webhook::url::other_form;
    for (given, other) in [
        ("https://a.com/x?y=1", Some("https://a.com:443/x?y=1")),
        ("http://a.com/x", Some("http://a.com:80/x")),
        ("https://a.com:8443/x", Some("https://a.com/x")),
        ("https://u:p@a.com:443/x", Some("https://u:p@a.com/x")),
        ("https://[::1]/x", Some("https://[::1]:443/x")),
        ("ftp://a.com/x", None),
        ("not a url", None),
    ] {
        assert_eq!(other_form(given).as_deref(), other, "{given}");
    }
}

#[test]
fn repeated_keys_sign_each_distinct_value_once_in_order() {
    // python, node and php: values sorted and de-duplicated.
    let params = pairs(&[
        ("Sid", "CA123"),
        ("SidAccount", "AC123"),
        ("Digits", "5678"),
        ("Digits", "1234"),
        ("Digits", "1234"),
    ]);
    assert_form_vector(URL, &params, "IK+Dwps556ElfBT0I3Rgjkr1wJU=");
    // node: a dotted name sent twice, in either order.
    for order in [
        ["+1325xxxxxxx", "+1415xxxxxxx"],
        ["+1415xxxxxxx", "+1325xxxxxxx"],
    ] {
        let params = pairs(&[
            ("MessagingBinding.Address", order[0]),
            ("MessagingBinding.Address", order[1]),
        ]);
        assert_form_vector(URL, &params, "83O6e2vORAoJHUNzJjDWN1jz+BA=");
    }
}

#[test]
fn names_sort_by_bytes_and_values_keep_every_character() {
    for (params, signature) in [
        (
            pairs(&[
                ("Message", "Hello & goodbye! @#$%^*()"),
                ("From", "+1 (415) 867-5309"),
                ("Special", "unicode: ñáéíóú"),
            ]),
            "dCPiR4WtQ6QFN6pJh81CtlCcWLQ=",
        ),
        (
            pairs(&[
                ("Digits", ""),
                ("CallSid", "CA1234567890ABCDE"),
                ("EmptyParam", ""),
            ]),
            "9HHp/OqQMEwdrVebHDdA/+tqjX8=",
        ),
        (
            pairs(&[
                ("Zebra", "last"),
                ("Alpha", "first"),
                ("Beta", "second"),
                ("Gamma", "third"),
            ]),
            "enveUe73ZTVLAekHxez3Qx6JuuQ=",
        ),
        (
            pairs(&[
                ("callSid", "lowercase"),
                ("CallSid", "uppercase"),
                ("CALLSID", "allcaps"),
            ]),
            "jDK7WKT8wiNrwggd4ceTv4e1MJ4=",
        ),
    ] {
        assert_form_vector(URL, &params, signature);
    }
    // No parameters at all: the URL alone.
    assert_eq!(
        validator()
            .verify_form(URL, Some("zYQTYrRWXE7LtzbG4PfP7/bkkGo="), b"")
            .map(|p| p.to_vec()),
        Ok(vec![])
    );
}

#[test]
fn our_own_vectors_sign_and_verify_round_trip() {
    // Unicode names and values, a `+` that is a space and one that is a plus, `=`
    // inside a value, an empty piece: what a strict decoder must read back exactly.
    let v = validator();
    let url = "https://example.com/hooks/chat?tenant=é&x=a%20b";
    let body = b"Body=caf%C3%A9+%2B+cr%C3%A8me&&Attributes=%7B%22k%22%3A%22a%3Db%22%7D&%E2%9C%93=yes&Empty=&Bare";
    let params = pairs(&[
        ("Body", "café + crème"),
        ("Attributes", "{\"k\":\"a=b\"}"),
        ("✓", "yes"),
        ("Empty", ""),
        ("Bare", ""),
    ]);
    let signature = v.sign_form(url, &params);
    assert_eq!(
        v.verify_form(url, Some(&signature), body)
            .map(|p| p.to_vec()),
        Ok(params)
    );
    // A different value, one changed URL character, another token: all refused.
    let changed = b"Body=caf%C3%A9+%2B+cr%C3%A8me&&Attributes=%7B%22k%22%3A%22a%3Dc%22%7D&%E2%9C%93=yes&Empty=&Bare";
    assert_eq!(
        v.verify_form(url, Some(&signature), changed),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        v.verify_form(
            "https://example.com/hooks/chat?tenant=e&x=a%20b",
            Some(&signature),
            body
        ),
        Err(WebhookError::SignatureMismatch)
    );
    assert_eq!(
        WebhookValidator::new("54321").verify_form(url, Some(&signature), body),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn a_get_signs_its_url_and_its_query_is_the_parameters() {
    let v = validator();
    let url = "https://example.com/hook?EventType=onMessageSent&Body=hi%20there&ChannelSid=CH1";
    let signature = v.sign_url(url);
    assert_eq!(
        v.verify_query(url, Some(&signature)).map(|p| p.to_vec()),
        Ok(pairs(&[
            ("EventType", "onMessageSent"),
            ("Body", "hi there"),
            ("ChannelSid", "CH1")
        ]))
    );
    let other = "https://example.com/hook?EventType=onMessageSent&Body=hi%20there&ChannelSid=CH2";
    assert_eq!(
        v.verify_query(other, Some(&signature)),
        Err(WebhookError::SignatureMismatch)
    );
}

#[test]
fn json_bodies_are_checked_by_their_hash() {
    let v = validator();
    let body = br#"{"property": "value", "boolean": true}"#;
    let hash = "0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
    for (url, signature) in [
        (
            format!("{URL}&bodySHA256={hash}"),
            "a9nBmqA0ju/hNViExpshrM61xv4=",
        ),
        (
            format!("https://mycompany.com/myapp.php?bodySHA256={hash}"),
            "y77kIzt2vzLz71DgmJGsen2scGs=",
        ),
    ] {
        assert_eq!(v.verify_json(&url, Some(signature), body), Ok(()), "{url}");
        // The body changed: its hash no longer matches the signed URL.
        assert_eq!(
            v.verify_json(
                &url,
                Some(signature),
                br#"{"property": "value", "boolean": false}"#
            ),
            Err(WebhookError::BodyHashMismatch)
        );
        // The URL's hash changed to match a forged body: the signature no longer does.
        let forged = br#"{"property": "forged"}"#;
        let forged_url = WebhookValidator::url_with_body_hash(
            url.split("bodySHA256")
                .next()
                .unwrap()
                .trim_end_matches(['&', '?']),
            forged,
        );
        assert_eq!(
            v.verify_json(&forged_url, Some(signature), forged),
            Err(WebhookError::SignatureMismatch)
        );
    }
    // node's `{}` vector is signed over the URL with `:443`; given without it.
    let empty = format!(
        "{URL}&bodySHA256=44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    );
    assert_eq!(
        v.verify_json(&empty, Some("Ldidvp12m26NI7eqEvxnEpkd9Hc="), b"{}"),
        Ok(())
    );
    assert_eq!(
        WebhookValidator::url_with_body_hash(URL, body),
        format!("{URL}&bodySHA256={hash}")
    );
    // No hash in the URL; an uppercase hash (the libraries compare as written).
    assert_eq!(
        v.verify_json(URL, Some("RSOYDt4T1cUTdK1PDd93/VVr8B8="), body),
        Err(WebhookError::MissingBodyHash)
    );
    let upper = format!("{URL}&bodySHA256={}", hash.to_uppercase());
    let signature = v.sign_url(&upper);
    assert_eq!(
        v.verify_json(&upper, Some(&signature), body),
        Err(WebhookError::BodyHashMismatch)
    );
}

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
