//! `path::segment`: free text as exactly one path segment.

use crate::path::segment;
use crate::validate::Problem;

#[test]
fn encodes_everything_but_unreserved() {
    let ok = |v: &str| segment(v, "ChannelSid").unwrap();
    assert_eq!(ok("CH0123abcdef"), "CH0123abcdef");
    assert_eq!(ok("a-b.c_d~e"), "a-b.c_d~e");
    assert_eq!(ok("general chat"), "general%20chat");
    assert_eq!(ok("a/b?c#d%e"), "a%2Fb%3Fc%23d%25e");
    assert_eq!(
        ok("x+y&z=1;@:!$'()*,"),
        "x%2By%26z%3D1%3B%40%3A%21%24%27%28%29%2A%2C"
    );
    assert_eq!(ok("café"), "caf%C3%A9");
    assert_eq!(ok("🦀"), "%F0%9F%A6%80");
    // Three dots, or dots around other text, are ordinary names.
    assert_eq!(ok("..."), "...");
    assert_eq!(ok(".a"), ".a");
    // Text that looks encoded is encoded again: it is the name, not an escape.
    assert_eq!(ok("%2E%2E"), "%252E%252E");
}

#[test]
fn refuses_empty_and_dot_segments() {
    let err = segment("", "ChannelSid").unwrap_err();
    assert_eq!(err.problem(), &Problem::Empty);
    assert_eq!(err.to_string(), "invalid ChannelSid: must not be empty");
    for dots in [".", ".."] {
        let err = segment(dots, "ChannelSid").unwrap_err();
        assert_eq!(err.problem(), &Problem::DotSegment);
        assert_eq!(err.target(), "ChannelSid");
        assert_eq!(
            err.to_string(),
            "invalid ChannelSid: must not be `.` or `..`, which URLs treat as relative path steps"
        );
    }
}

#[test]
fn encoded_segment_stays_one_segment_in_a_url() {
    let name = segment("a/../b?x=1#f", "ChannelSid").unwrap();
    let url = reqwest::Url::parse(&format!(
        "https://chat.twilio.com/v1/Channels/{name}/Invites"
    ))
    .unwrap();
    assert_eq!(url.path(), "/v1/Channels/a%2F..%2Fb%3Fx%3D1%23f/Invites");
    assert_eq!(url.query(), None);
    assert_eq!(url.fragment(), None);
}
