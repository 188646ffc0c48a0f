//! Webhook signatures against the vectors of Twilio's docs and helper libraries
//! (twilio-python, -node, -java, -csharp, -php, -ruby tests), plus our own; each
//! with a tampered variant that must fail. Bad input, the response and the
//! parameters as read are in `webhook_input`.

use crate::{WebhookError, WebhookValidator};
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

/// The token of every library's tests.
const TOKEN: &str = "12345";
/// The URL of every library's tests.
pub(super) const URL: &str = "https://mycompany.com/myapp.php?foo=1&bar=2";

/// The parameters of every library's tests.
pub(super) fn default_params() -> Vec<(String, String)> {
    pairs(&[
        ("CallSid", "CA1234567890ABCDE"),
        ("Caller", "+14158675309"),
        ("Digits", "1234"),
        ("From", "+14158675309"),
        ("To", "+18005551212"),
    ])
}

pub(super) fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

/// A form body of `params`, every byte that could be percent-encoded encoded.
pub(super) fn form(params: &[(String, String)]) -> Vec<u8> {
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

pub(super) fn validator() -> WebhookValidator {
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
