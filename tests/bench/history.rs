//! Benchmark support (not a test): a stored progress record after a long history.
//!
//! - `cargo bench --bench history`: prints how much a simulated year of heavy study
//!   (200 reviews a day) stores, part by part, against the browser's quota;
//! - `cargo bench --bench history -- <reviews> <end_ms>`: prints the stored record of
//!   `reviews` reviews ending at `end_ms` as a JSON object of localStorage keys and texts
//!   (what `scripts/bench.mjs` writes into the page before timing interactions); with
//!   `v1` after the numbers, as the version-1 app stored it (all under one key), to time
//!   an older build the same way.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(not(target_arch = "wasm32"))]
#[path = "../support/history.rs"]
mod history;

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::collections::BTreeMap;

    use diffdeck::domain::schedule::Now;
    use diffdeck::storage::format::KEY;
    use diffdeck::storage::layout::{self, HISTORY_KEY};

    // cargo passes `--bench`; the numbers are ours.
    let args: Vec<i64> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    if let [reviews, end_ms] = args[..] {
        let record = history::studied(reviews as usize, 200, Now::new(end_ms, 0));
        let parts: BTreeMap<String, String> = if std::env::args().any(|a| a == "v1") {
            let text = diffdeck::storage::format::encode(&record);
            let v1 = text.replacen("\"version\":2", "\"version\":1", 1);
            BTreeMap::from([(KEY.to_string(), v1)])
        } else {
            layout::split(&record).into_iter().collect()
        };
        println!(
            "{}",
            serde_json::to_string(&parts).expect("strings serialize")
        );
        return;
    }
    let year = history::studied(365 * 200, 200, Now::new(1_764_000_000_000, 0));
    let parts = layout::split(&year);
    let kb = |bytes: usize| bytes as f64 / 1024.0;
    // localStorage counts UTF-16 code units: 2 bytes a character.
    let stored: usize = parts.iter().map(|(k, v)| 2 * (k.len() + v.len())).sum();
    let size = |key: &str| {
        parts
            .iter()
            .find(|(k, _)| k == key)
            .map_or(0, |(_, v)| v.len())
    };
    let days: Vec<usize> = parts
        .iter()
        .filter(|(k, _)| layout::key_day(k).is_some())
        .map(|(_, v)| v.len())
        .collect();
    println!(
        "a year at 200 reviews a day: {} reviews ({} in the log, the rest compacted), {} keys",
        year.total_reviews(),
        year.log.len(),
        parts.len()
    );
    println!(
        "stored          {:>8.1} KB (UTF-16)   {:.1} % of a 5 MB quota",
        kb(stored),
        stored as f64 / 5e6 * 100.0
    );
    println!(
        "head            {:>8.1} KB   written by an undo, settings, a finished game",
        kb(size(KEY))
    );
    println!(
        "history         {:>8.1} KB   written by a compaction",
        kb(size(HISTORY_KEY))
    );
    println!(
        "a day's part    {:>8.1} KB   (largest; what a grade rewrites: today's)",
        kb(days.iter().copied().max().unwrap_or(0))
    );
}
