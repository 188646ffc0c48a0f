//! `date`: reading both timestamp formats, writing each.

use crate::date::*;
use time::format_description::well_known::{Rfc2822, Rfc3339};
use time::OffsetDateTime;

#[test]
fn reads_both_formats_as_the_same_instant() {
    let iso = parse("2015-07-30T20:00:00Z").unwrap();
    let rfc = parse("Thu, 30 Jul 2015 20:00:00 +0000").unwrap();
    assert_eq!(iso, rfc);
    assert_eq!(format_iso8601(&iso), "2015-07-30T20:00:00Z");
    assert_eq!(format_rfc2822(&iso), "Thu, 30 Jul 2015 20:00:00 +0000");
}

#[test]
fn the_fast_path_agrees_with_the_full_parser() {
    let full = |t: &str| OffsetDateTime::parse(t, &Rfc3339).ok();
    let cases = [
        "2015-07-30T20:00:00Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
        "2016-02-29T12:00:00Z",
        "2015-02-29T12:00:00Z",
        "2015-13-01T00:00:00Z",
        "2015-00-10T00:00:00Z",
        "2015-07-32T00:00:00Z",
        "2015-07-30T24:00:00Z",
        "2015-07-30T20:60:00Z",
        "2016-12-31T23:59:60Z",
        "2015-07-30t20:00:00z",
        "2015-07-30T20:00:00+01:00",
        "2015-07-30T20:00:00.5Z",
        "+015-07-30T20:00:00Z",
        "2015-07-30 20:00:00Z",
    ];
    for case in cases {
        if let Some(fast) = parse_utc_seconds(case) {
            assert_eq!(Some(fast), full(case), "{case}");
        }
        assert_eq!(
            parse(case),
            full(case).or_else(|| OffsetDateTime::parse(case, &Rfc2822).ok()),
            "{case}"
        );
    }
    assert!(parse_utc_seconds("2015-07-30T20:00:00Z").is_some());
}

#[test]
fn rejects_other_text() {
    assert!(parse("2015-07-30").is_none());
    assert!(parse("yesterday").is_none());
    assert!(parse("").is_none());
}

#[test]
fn calendar_dates_read_and_write_as_the_api_does() {
    use crate::date::{format_date, parse_date};
    let d = parse_date("2026-12-01").expect("a date");
    assert_eq!((d.year(), u8::from(d.month()), d.day()), (2026, 12, 1));
    assert_eq!(format_date(&d), "2026-12-01");
    assert_eq!(
        format_date(&parse_date("0999-01-09").expect("a date")),
        "0999-01-09"
    );
    for bad in [
        "",
        "2026-13-01",
        "2026-02-30",
        "2026-1-01",
        "26-12-01",
        "2026-12-01T00:00:00Z",
        "2026/12/01",
        "+2026-12-01",
        "2026-12-0a",
        "2026-12-01 ",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
}

#[test]
fn calendar_date_fields_decode_null_and_refuse_junk() {
    #[derive(serde::Deserialize, serde::Serialize, Debug, PartialEq)]
    struct Record {
        #[serde(
            default,
            deserialize_with = "crate::date::deserialize_date_option",
            serialize_with = "crate::date::serialize_date_option"
        )]
        day: Option<time::Date>,
    }
    let r: Record = serde_json::from_str(r#"{"day":"2026-12-01"}"#).expect("a date");
    assert_eq!(
        serde_json::to_string(&r).expect("json"),
        r#"{"day":"2026-12-01"}"#
    );
    let r: Record = serde_json::from_str(r#"{"day":null}"#).expect("null");
    assert_eq!(r.day, None);
    let r: Record = serde_json::from_str("{}").expect("absent");
    assert_eq!(r.day, None);
    assert!(serde_json::from_str::<Record>(r#"{"day":"Dec 1"}"#).is_err());
}
