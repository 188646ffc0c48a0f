//! `validate`: SIDs, lengths and bounds, and errors that say what is wrong.

use crate::runtime::validate::*;

const HEX32: &str = "0123456789abcdefABCDEF0123456789";

#[test]
fn sid_digits_are_exactly_hex() {
    for b in 0..=255u8 {
        let value = format!("IN{}{}", "0".repeat(31), b as char);
        let want = b.is_ascii_hexdigit();
        assert_eq!(is_sid::<32>(&value, "IN"), want, "byte {b:#04x}");
    }
}

#[test]
fn sid_accepts_both_cases() {
    assert!(is_sid::<32>(&format!("IN{HEX32}"), "IN"));
    assert!(is_sid::<32>(&format!("IN{}", "a".repeat(32)), "IN"));
    assert!(is_sid::<32>(&format!("IN{}", "F".repeat(32)), "IN"));
}

#[test]
fn sid_errors_say_what_is_wrong() {
    let msg = |v: &str| sid::<32>(v, "InviteSid", "IN").unwrap_err().to_string();
    assert_eq!(
        msg(&format!("IX{HEX32}")),
        "invalid InviteSid: must start with `IN` (34 characters, `IN` followed by 32 hex digits); got `IX`"
    );
    assert_eq!(
        msg(&format!("IN{}", &HEX32[1..])),
        "invalid InviteSid: must be 34 characters, `IN` followed by 32 hex digits; got 33 characters"
    );
    assert_eq!(
        msg(&format!("IN{}g", &HEX32[1..])),
        "invalid InviteSid: must be `IN` followed by 32 hex digits; character 34 is 'g', which is not a hex digit"
    );
    // 34 characters but 35 bytes: the multibyte character is named, not the byte count.
    assert_eq!(
        msg(&format!("IN{}é", &HEX32[1..])),
        "invalid InviteSid: must be `IN` followed by 32 hex digits; character 34 is 'é', which is not a hex digit"
    );
}

#[test]
fn bounds() {
    assert!(range(1u32, "PageSize", Some(1), Some(1000)).is_ok());
    assert_eq!(
        range(0u32, "PageSize", Some(1), Some(1000))
            .unwrap_err()
            .to_string(),
        "invalid PageSize: must be between 1 and 1000; got 0"
    );
    assert!(range_f64(f64::NAN, "X", None, None).is_err());
    assert!(length("abc", "X", Some(4), None).is_err());
    assert!(non_empty("", "ChannelSid").is_err());
}
