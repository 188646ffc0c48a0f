//! Running independent pieces of work on every core (`std::thread::scope`; a pool
//! crate would add a dependency for these two loops). `cargo xtask gen` uses it twice:
//! across spec folders, and across the files of one folder, so that one large folder
//! (`twilio-api-v2010`) still keeps both cores busy when the others are done.

use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` applied to every item, each core taking the next item in turn; the results come
/// back in the items' order, so output doesn't depend on which core ran what. A panic
/// in `f` is passed on as if it had happened in the caller.
pub fn map<'a, T: Sync, R: Send>(items: &'a [T], f: impl Fn(&'a T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            done.push((i, f(item)));
        }
        done
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut all = std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..cores.min(items.len()))
            .map(|_| scope.spawn(work))
            .collect();
        let mut all = work();
        for helper in helpers {
            all.extend(
                helper
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            );
        }
        all
    });
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_items_order() {
        // Each item takes a moment, so that the cores interleave the items.
        let items: Vec<u32> = (0..40).collect();
        let doubled = super::map(&items, |n| {
            std::thread::sleep(std::time::Duration::from_millis(1));
            n * 2
        });
        assert_eq!(doubled, items.iter().map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_items_no_results() {
        assert!(super::map(&[] as &[u8], |_| ()).is_empty());
    }

    #[test]
    #[should_panic(expected = "item 7")]
    fn a_panic_reaches_the_caller() {
        let items: Vec<u32> = (0..10).collect();
        super::map(&items, |&n| assert_ne!(n, 7, "item {n}"));
    }
}
