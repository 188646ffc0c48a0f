//! Building and writing a 20-element TwiML response with `twilio-twiml` (builders,
//! escaping, attributes sorted by name), against formatting the same XML by hand
//! with `write!` from the same values, which escapes nothing. Target: at most 2×.
//! The ratios are printed twice: from criterion's medians, and from paired rounds
//! of both sides, which hold when the machine's speed drifts between the two.

use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write as _;
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};
use tests::bench::{criterion, median_ns, paired_ratio, print_ratio};
use twilio_twiml::voice::*;
use twilio_twiml::{GatherInput, HttpMethod, SayVoice, VoiceResponse};

/// The system allocator, counting allocations, so the figures say what the time goes
/// to: each side's allocations for one document are printed with the ratio.
struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations (and reallocations) `f` makes.
fn allocations(f: impl Fn() -> String) -> usize {
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    black_box(f());
    ALLOCATIONS.load(Ordering::Relaxed) - before
}

/// The values both sides write: texts, URLs and numbers a server would fill in.
struct Values {
    welcome: &'static str,
    sales: &'static str,
    support: &'static str,
    menu: &'static str,
    nothing: &'static str,
    caller_id: &'static str,
    numbers: [&'static str; 2],
    client: &'static str,
    sip: &'static str,
    goodbye: &'static str,
    next: &'static str,
    queue: &'static str,
    thanks: &'static str,
}

const VALUES: Values = Values {
    welcome: "Welcome to Example Corp. Sales &amp; support are open 9 to 5.",
    sales: "For sales, press 1.",
    support: "For support, press 2.",
    menu: "https://example.com/menu.mp3",
    nothing: "We didn't receive any input.",
    caller_id: "+14155550199",
    numbers: ["+14155550100", "+14155550101"],
    client: "alice",
    sip: "sip:support@example.com",
    goodbye: "https://example.com/goodbye.mp3",
    next: "https://example.com/next?step=2&amp;lang=en",
    queue: "support",
    thanks: "Thanks for calling Example Corp.",
};

/// The same values as a server has them, before any escaping.
const RAW: Values = Values {
    welcome: "Welcome to Example Corp. Sales & support are open 9 to 5.",
    sales: "For sales, press 1.",
    support: "For support, press 2.",
    menu: "https://example.com/menu.mp3",
    nothing: "We didn't receive any input.",
    caller_id: "+14155550199",
    numbers: ["+14155550100", "+14155550101"],
    client: "alice",
    sip: "sip:support@example.com",
    goodbye: "https://example.com/goodbye.mp3",
    next: "https://example.com/next?step=2&lang=en",
    queue: "support",
    thanks: "Thanks for calling Example Corp.",
};

fn with_builders(v: &Values) -> String {
    VoiceResponse::new()
        .say(Say::new(v.welcome).voice(SayVoice::Alice))
        .pause(Pause::new().length(1))
        .gather(
            Gather::new()
                .action("/menu")
                .method(HttpMethod::Post)
                .num_digits(1)
                .timeout(5)
                .input([GatherInput::Dtmf, GatherInput::Speech])
                .say(Say::new(v.sales))
                .say(Say::new(v.support))
                .play(Play::new(v.menu).r#loop(2))
                .pause(Pause::new().length(2)),
        )
        .say(Say::new(v.nothing))
        .dial(
            Dial::new()
                .action("/dial-done")
                .timeout(20)
                .caller_id(v.caller_id)
                .number(Number::new(v.numbers[0]).status_callback("/status"))
                .number(Number::new(v.numbers[1]))
                .client(Client::new().text(v.client))
                .sip(Sip::new(v.sip)),
        )
        .record(
            Record::new()
                .max_length(30)
                .play_beep(true)
                .action("/recorded"),
        )
        .play(Play::new(v.goodbye))
        .redirect(Redirect::new(v.next).method(HttpMethod::Post))
        .enqueue(Enqueue::new().text(v.queue).wait_url("/wait"))
        .sms(Sms::new(v.thanks).to(v.caller_id))
        .pause(Pause::new().length(1))
        .hangup(Hangup::new())
        .to_xml()
        .expect("a document")
}

fn by_hand(v: &Values) -> String {
    by_hand_with(v, |value| value)
}

/// As careful hand-written code must write a value it didn't write itself: escaped.
fn by_hand_escaped() -> String {
    by_hand_with(&RAW, Escaped)
}

/// A value written with `&`, `<`, `>` and `"` escaped, without allocating.
struct Escaped(&'static str);

impl std::fmt::Display for Escaped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut plain = 0;
        for (i, b) in self.0.bytes().enumerate() {
            let escaped = match b {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => continue,
            };
            f.write_str(&self.0[plain..i])?;
            f.write_str(escaped)?;
            plain = i + 1;
        }
        f.write_str(&self.0[plain..])
    }
}

/// The document by hand, each value written through `show`.
fn by_hand_with<T: std::fmt::Display>(v: &Values, show: impl Fn(&'static str) -> T) -> String {
    let mut out = String::with_capacity(1024);
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\
         <Say voice=\"alice\">{}</Say><Pause length=\"1\" />\
         <Gather action=\"/menu\" input=\"dtmf speech\" method=\"POST\" numDigits=\"1\" timeout=\"5\">\
         <Say>{}</Say><Say>{}</Say><Play loop=\"2\">{}</Play><Pause length=\"2\" /></Gather>\
         <Say>{}</Say>\
         <Dial action=\"/dial-done\" callerId=\"{}\" timeout=\"20\">\
         <Number statusCallback=\"/status\">{}</Number><Number>{}</Number>\
         <Client>{}</Client><Sip>{}</Sip></Dial>\
         <Record action=\"/recorded\" maxLength=\"30\" playBeep=\"true\" />\
         <Play>{}</Play><Redirect method=\"POST\">{}</Redirect>\
         <Enqueue waitUrl=\"/wait\">{}</Enqueue><Sms to=\"{}\">{}</Sms><Pause length=\"1\" />\
         <Hangup /></Response>",
        show(v.welcome),
        show(v.sales),
        show(v.support),
        show(v.menu),
        show(v.nothing),
        show(v.caller_id),
        show(v.numbers[0]),
        show(v.numbers[1]),
        show(v.client),
        show(v.sip),
        show(v.goodbye),
        show(v.next),
        show(v.queue),
        show(v.caller_id),
        show(v.thanks),
    )
    .expect("a String takes any text");
    out
}

fn main() {
    let started = SystemTime::now();
    let built = with_builders(&RAW);
    assert_eq!(
        built,
        by_hand(&VALUES),
        "both sides write the same document"
    );
    assert_eq!(
        built,
        by_hand_escaped(),
        "both sides write the same document"
    );
    let elements = built.matches('<').count() - built.matches("</").count() - 2;
    assert_eq!(elements, 20, "20 elements inside <Response>");

    let mut c = criterion();
    let mut group = c.benchmark_group("twiml");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("builders_20_elements", |b| {
        b.iter(|| with_builders(black_box(&RAW)))
    });
    group.bench_function("write_by_hand_20_elements", |b| {
        b.iter(|| by_hand(black_box(&VALUES)))
    });
    group.bench_function("write_by_hand_escaping_20_elements", |b| {
        b.iter(|| black_box(by_hand_escaped()))
    });
    group.finish();
    c.final_summary();

    println!("\ntwiml results (medians of this run)");
    println!(
        "document: {} bytes; allocations per document: builders {}, by hand {}",
        built.len(),
        allocations(|| with_builders(&RAW)),
        allocations(|| by_hand(&VALUES)),
    );
    print_ratio(
        "20-element response: builders + to_xml / write! by hand",
        "twiml/builders_20_elements",
        "twiml/write_by_hand_20_elements",
        Some(2.0),
        started,
    );
    print_ratio(
        "20-element response: builders + to_xml / write! escaping each value",
        "twiml/builders_20_elements",
        "twiml/write_by_hand_escaping_20_elements",
        None,
        started,
    );

    // The same ratios from paired rounds, which the VM's changes of speed between
    // criterion's measurements don't skew; not when a filter left a side out.
    let ids = ["builders", "write_by_hand", "write_by_hand_escaping"];
    if ids
        .iter()
        .any(|id| median_ns(&format!("twiml/{id}_20_elements"), started).is_none())
    {
        return;
    }
    let builders = || with_builders(black_box(&RAW));
    let plain = paired_ratio(201, 2_000, builders, || by_hand(black_box(&VALUES)));
    let escaping = paired_ratio(201, 2_000, builders, || black_box(by_hand_escaped()));
    let verdict = if plain <= 2.0 { "met" } else { "MISSED" };
    println!("paired rounds (median of 201): builders / write! by hand {plain:.3}  target <= 2: {verdict}");
    println!("paired rounds (median of 201): builders / write! escaping each value {escaping:.3}");
}
