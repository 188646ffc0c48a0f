//! `validate`: SIDs, lengths and bounds, and errors that say what is wrong.

use crate::validate::*;

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
}

#[test]
fn sid_errors_carry_the_facts() {
    let fault = |v: &str| match sid::<32>(v, "InviteSid", "IN").unwrap_err().problem() {
        Problem::Sid {
            prefix: "IN",
            digits: 32,
            fault,
        } => *fault,
        other => panic!("{other:?}"),
    };
    assert_eq!(fault(""), SidFault::Length(0));
    assert_eq!(fault(&format!("IN{HEX32}0")), SidFault::Length(35));
    // 34 bytes, 33 characters.
    assert_eq!(fault(&format!("IN{}é", &HEX32[2..])), SidFault::Length(33));
    let SidFault::Prefix(start) = fault(&format!("ñ0{HEX32}")) else {
        panic!("a prefix fault");
    };
    assert_eq!((start.as_str(), start.is_cut()), ("ñ0", false));
    assert_eq!(
        fault(&format!("IN{}z", &HEX32[1..])),
        SidFault::NotHex {
            position: 34,
            found: 'z'
        }
    );
}

#[test]
fn a_long_prefix_is_cut_where_it_is_shown() {
    let prefix = "ABCDEFGHIJKLMNOPQRST";
    let value = format!("{}{}", "é".repeat(20), "0".repeat(4));
    let err = sid::<4>(&value, "LongSid", prefix).unwrap_err();
    let Problem::Sid {
        fault: SidFault::Prefix(start),
        ..
    } = err.problem()
    else {
        panic!("{err:?}");
    };
    assert!(start.is_cut());
    assert_eq!(start.as_str(), "é".repeat(4));
    assert!(start.as_str().len() <= SidStart::CAPACITY);
    assert_eq!(
        err.to_string(),
        format!(
            "invalid LongSid: must start with `{prefix}` (24 characters, `{prefix}` followed by 4 hex digits); got `{}…`",
            "é".repeat(4)
        )
    );
}

#[test]
fn the_first_byte_that_is_not_hex_is_found_wherever_it_is() {
    let clean = "0123456789abcdefABCDEF0123456789abcdef";
    for at in 0..clean.len() {
        // Bytes at the edges of the ranges; the last three become U+FFFD, one
        // character of three bytes.
        for bad in [
            b'g', b'G', b'/', b':', b'@', b'`', b' ', 0, 0x7f, 0x80, 0xc3, 0xff,
        ] {
            let mut bytes = clean.as_bytes().to_vec();
            bytes[at] = bad;
            let value = format!("IN{}", String::from_utf8_lossy(&bytes));
            let want = value[2..].chars().position(|c| !c.is_ascii_hexdigit());
            let err = sid::<38>(&value, "X", "IN");
            match (err.map_err(|e| e.problem().clone()), want) {
                (
                    Err(Problem::Sid {
                        fault: SidFault::NotHex { position, found },
                        ..
                    }),
                    Some(i),
                ) => {
                    assert_eq!(position, i + 3, "{value:?}");
                    assert_eq!(Some(found), value[2..].chars().nth(i), "{value:?}");
                }
                (got, want) => panic!("{value:?}: {got:?}, want NotHex at {want:?}"),
            }
        }
    }
}
