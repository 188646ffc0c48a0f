//! Every SID newtype accepts exactly `^XX[0-9a-fA-F]{32}$`, at every door, and says
//! in words what is wrong with anything else.

use proptest::prelude::*;
use std::fmt::{Debug, Display};
use std::str::FromStr;
use twilio_chat_v1::{
    AccountSid, ChannelSid, InviteSid, ListInvites, RoleSid, ServiceSid, ValidationError,
};

const HEX: &str = "0123456789abcdef0123456789ABCDEF";

/// What every SID type offers, so each can be checked by one function.
trait Sid:
    FromStr<Err = ValidationError>
    + for<'a> TryFrom<&'a str, Error = ValidationError>
    + TryFrom<String, Error = ValidationError>
    + serde::de::DeserializeOwned
    + serde::Serialize
    + Display
    + Debug
    + AsRef<str>
{
    const NAME: &'static str;
    const PREFIX: &'static str;
}

macro_rules! sid {
    ($($t:ident),*) => {$(
        impl Sid for $t {
            const NAME: &'static str = $t::NAME;
            const PREFIX: &'static str = $t::PREFIX;
        }
    )*};
}
sid!(AccountSid, ChannelSid, InviteSid, RoleSid, ServiceSid);

/// Parses through every door and checks they agree.
fn parse<T: Sid>(value: &str) -> Result<T, ValidationError> {
    let from_str = T::from_str(value);
    let from_ref = T::try_from(value);
    let from_owned = T::try_from(value.to_string());
    let json = serde_json::to_string(value).expect("string to JSON");
    let from_json = serde_json::from_str::<T>(&json);
    match (&from_str, &from_ref, &from_owned, &from_json) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => {
            assert!(
                a.as_ref() == value
                    && b.as_ref() == value
                    && c.as_ref() == value
                    && d.as_ref() == value
            );
            assert_eq!(serde_json::to_string(a).expect("encodes"), json);
            assert_eq!(a.to_string(), value);
        }
        (Err(a), Err(b), Err(c), Err(d)) => {
            assert!(a == b && b == c, "{a} / {b} / {c}");
            assert!(
                d.to_string().contains(&a.to_string()),
                "serde says {d}, FromStr says {a}"
            );
        }
        _ => panic!(
            "doors disagree on {value:?}: {from_str:?} {from_ref:?} {from_owned:?} {from_json:?}"
        ),
    }
    from_str
}

fn check_sid_type<T: Sid>() {
    let (name, prefix) = (T::NAME, T::PREFIX);
    let lower = format!("{prefix}{}", HEX[..32].to_lowercase());
    let upper = format!("{prefix}{}", HEX[..32].to_uppercase());
    let mixed = format!("{prefix}{HEX}");
    for ok in [&lower, &upper, &mixed] {
        parse::<T>(ok).unwrap_or_else(|e| panic!("{ok}: {e}"));
    }
    let rule = format!("`{prefix}` followed by 32 hex digits");
    let wrong_prefix = format!("XY{HEX}");
    let lowercase_prefix = format!("{}{HEX}", prefix.to_lowercase());
    let short = format!("{prefix}{}", &HEX[..31]);
    let long = format!("{prefix}{HEX}a");
    let non_hex = format!("{prefix}{}g", &HEX[..31]);
    let multibyte = format!("{prefix}{}é", &HEX[..31]);
    let cases = [
        (
            wrong_prefix,
            format!("invalid {name}: must start with `{prefix}` (34 characters, {rule}); got `XY`"),
        ),
        (
            lowercase_prefix,
            format!(
                "invalid {name}: must start with `{prefix}` (34 characters, {rule}); got `{}`",
                prefix.to_lowercase()
            ),
        ),
        (
            short,
            format!("invalid {name}: must be 34 characters, {rule}; got 33 characters"),
        ),
        (
            long,
            format!("invalid {name}: must be 34 characters, {rule}; got 35 characters"),
        ),
        (
            String::new(),
            format!("invalid {name}: must be 34 characters, {rule}; got 0 characters"),
        ),
        (
            non_hex,
            format!(
                "invalid {name}: must be {rule}; character 34 is 'g', which is not a hex digit"
            ),
        ),
        (
            multibyte,
            format!(
                "invalid {name}: must be {rule}; character 34 is 'é', which is not a hex digit"
            ),
        ),
    ];
    for (bad, want) in cases {
        let err = parse::<T>(&bad).expect_err(&bad);
        assert_eq!(err.to_string(), want);
        assert_eq!(err.target(), name);
    }
}

#[test]
fn account_sid() {
    check_sid_type::<AccountSid>();
}

#[test]
fn channel_sid() {
    check_sid_type::<ChannelSid>();
}

#[test]
fn invite_sid() {
    check_sid_type::<InviteSid>();
}

#[test]
fn role_sid() {
    check_sid_type::<RoleSid>();
}

#[test]
fn service_sid() {
    check_sid_type::<ServiceSid>();
}

#[test]
fn page_size_bounds_are_enforced() {
    assert!(ListInvites::new().page_size(1).validate().is_ok());
    assert!(ListInvites::new().page_size(1000).validate().is_ok());
    for bad in [0, 1001, u32::MAX] {
        let err = ListInvites::new()
            .page_size(bad)
            .validate()
            .expect_err("out of range");
        assert_eq!(
            err.to_string(),
            format!("invalid PageSize: must be between 1 and 1000; got {bad}")
        );
    }
}

/// Strings near the SID shape (the interesting ones) and arbitrary ones.
fn candidates() -> impl Strategy<Value = String> {
    let prefix = prop_oneof![
        Just("IN".to_string()),
        Just("in".to_string()),
        Just("IS".to_string()),
        "[A-Z]{0,3}"
    ];
    let body = prop::collection::vec(
        prop_oneof![8 => "[0-9a-fA-F]", 1 => "[g-zG-Z]", 1 => "[ é\u{0}\n\u{1F600}]"],
        28..=36,
    )
    .prop_map(|chars| chars.concat());
    prop_oneof![3 => (prefix, body).prop_map(|(p, b)| p + &b), 1 => any::<String>()]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

    #[test]
    fn sid_check_agrees_with_the_regex(value in candidates()) {
        let regex = regex::Regex::new("^IN[0-9a-fA-F]{32}$").expect("valid");
        let want = regex.is_match(&value);
        prop_assert_eq!(InviteSid::validate(&value).is_ok(), want, "{:?}", value);
        // `parse` checks through `parse_sid`, not `validate`: the two must agree.
        let parsed = value.parse::<InviteSid>();
        prop_assert_eq!(parsed.is_ok(), want, "{:?}", value);
        if let Err(err) = parsed {
            prop_assert_eq!(Some(err), InviteSid::validate(&value).err(), "{:?}", value);
        }
    }
}
