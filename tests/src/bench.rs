//! Reading criterion's results back, so each benchmark program can print ratios
//! against a baseline measured in the same run.

use std::path::PathBuf;
use std::time::SystemTime;

/// Where criterion writes its results for this workspace.
pub fn criterion_dir() -> PathBuf {
    crate::workspace_root().join("target/criterion")
}

/// The median time in nanoseconds of benchmark `id` (`group/function/param`), if it
/// was measured in this run (its estimate is newer than `since`).
pub fn median_ns(id: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_dir().join(id).join("new/estimates.json");
    let fresh = std::fs::metadata(&path).and_then(|m| m.modified()).ok()? >= since;
    if !fresh {
        return None;
    }
    let text = std::fs::read_to_string(&path).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// One line of the ratio table: `a / b`, and whether it meets `target` (a ratio that
/// must not be exceeded).
pub fn print_ratio(label: &str, a: &str, b: &str, target: Option<f64>, since: SystemTime) {
    match (median_ns(a, since), median_ns(b, since)) {
        (Some(x), Some(y)) => {
            let ratio = x / y;
            let verdict = match target {
                Some(t) if ratio <= t => format!("  target <= {t}: met"),
                Some(t) => format!(
                    "  target <= {t}: MISSED by {:.0}%",
                    (ratio / t - 1.0) * 100.0
                ),
                None => String::new(),
            };
            println!(
                "{label:<58} {:>12} / {:>12} = {ratio:>7.3}{verdict}",
                human(x),
                human(y)
            );
        }
        _ => println!("{label:<58} (not measured in this run)"),
    }
}

/// `1.23 µs`.
pub fn human(ns: f64) -> String {
    match ns {
        n if n >= 1e9 => format!("{:.3} s", n / 1e9),
        n if n >= 1e6 => format!("{:.3} ms", n / 1e6),
        n if n >= 1e3 => format!("{:.3} µs", n / 1e3),
        n => format!("{n:.2} ns"),
    }
}

/// A criterion configured to write where [`median_ns`] reads, with the command line's
/// filters applied.
pub fn criterion() -> criterion::Criterion {
    criterion::Criterion::default()
        .output_directory(&criterion_dir())
        .configure_from_args()
}

/// The median, over `rounds` rounds, of how long `a` takes against `b`, each round
/// timing `iterations` calls of one and then of the other (the order alternating).
/// Criterion measures one benchmark after the other, and this project's VMs change
/// speed by up to 2× from one second to the next, which a ratio of two criterion
/// medians carries whole; rounds a few milliseconds long see both sides at the
/// same speed.
pub fn paired_ratio<A, B>(
    rounds: usize,
    iterations: u32,
    mut a: impl FnMut() -> A,
    mut b: impl FnMut() -> B,
) -> f64 {
    let time = |f: &mut dyn FnMut()| {
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let mut ratios: Vec<f64> = (0..rounds)
        .map(|round| {
            let mut run_a = || {
                std::hint::black_box(a());
            };
            let mut run_b = || {
                std::hint::black_box(b());
            };
            if round % 2 == 0 {
                let ta = time(&mut run_a);
                ta / time(&mut run_b)
            } else {
                let tb = time(&mut run_b);
                time(&mut run_a) / tb
            }
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    ratios[rounds / 2]
}
