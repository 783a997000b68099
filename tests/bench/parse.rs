//! Benchmark (not a test): how long reading the embedded deck takes.
//!
//! - `markdown`: `content/docker.md` -> Deck with pulldown-cmark (what build.rs does);
//! - `json`: the embedded JSON -> Deck (what the app does once at start-up);
//! - `search`: one keystroke's worth of filtering over the whole deck.
//!
//! Run with `make bench` or `cargo bench --bench parse`. Prints the median and the spread of
//! many timed batches; numbers vary by machine, so nothing here asserts on them.

#![cfg_attr(target_arch = "wasm32", allow(unused))]

#[cfg(target_arch = "wasm32")]
fn main() {} // The parser is native-only; the benchmark runs natively.

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};

    use diffdeck::content::DECK_BYTES;
    use diffdeck::domain::deck::Deck;
    use diffdeck::domain::search::SearchIndex;
    use diffdeck_content::parse::parse_deck;

    const SOURCE: &str = include_str!("../../content/docker.md");

    fn measure(name: &str, mut f: impl FnMut()) {
        // Warm up, then pick a batch size that takes about 2 ms.
        let mut batch = 1u32;
        loop {
            let start = Instant::now();
            for _ in 0..batch {
                f();
            }
            if start.elapsed() > Duration::from_millis(2) || batch >= 1 << 20 {
                break;
            }
            batch *= 2;
        }
        let mut samples: Vec<f64> = (0..200)
            .map(|_| {
                let start = Instant::now();
                for _ in 0..batch {
                    f();
                }
                start.elapsed().as_secs_f64() * 1e6 / f64::from(batch)
            })
            .collect();
        samples.sort_by(f64::total_cmp);
        let pct = |p: f64| samples[((samples.len() - 1) as f64 * p) as usize];
        println!(
            "{name:<10} median {:>9.2} µs   p10 {:>9.2} µs   p90 {:>9.2} µs   ({} runs × {batch})",
            pct(0.5),
            pct(0.1),
            pct(0.9),
            samples.len()
        );
    }

    pub fn main() {
        let deck = parse_deck("content/docker.md", SOURCE).expect("the shipped deck parses");
        println!(
            "deck: {} phases, {} comparisons, {} bytes of Markdown, {} bytes embedded (postcard)",
            deck.phases.len(),
            deck.comparisons().count(),
            SOURCE.len(),
            DECK_BYTES.len()
        );
        measure("markdown", || {
            black_box(parse_deck("content/docker.md", black_box(SOURCE)).unwrap());
        });
        measure("embedded", || {
            black_box(postcard::from_bytes::<Deck>(black_box(DECK_BYTES)).unwrap());
        });
        let decks = diffdeck::content::bundled();
        let library = diffdeck::domain::deck::Library::new(decks.iter().collect());
        println!(
            "library: {} decks, {} comparisons",
            library.decks.len(),
            library.comparisons().count()
        );
        let index = SearchIndex::new(&library);
        measure("search", || {
            black_box(index.matching(black_box("named volume")).count());
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}
