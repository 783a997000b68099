//! The bundled decks: Markdown in `content/`, read into [`Deck`]s at build time.
//!
//! The deck format itself (model, parser, writer, deck links) is the `diffdeck-content`
//! crate (`crates/content`); its parser runs at build time (`build.rs`), natively in
//! tests and in the benchmark, and in the browser only in the deck reader. The app gets
//! the result from `build.rs` in postcard (a compact binary serde format: a fraction of serde_json's code in the wasm): every bundled deck is a file
//! ([`FETCHED`] names them) read with [`decode`]; the first is fetched as the app starts,
//! the others after the first paint.

use crate::domain::deck::Deck;
use diffdeck_content::Reading;

/// The reader's answer, from its bytes; `None` if they are not one.
pub fn decode_reading(bytes: &[u8]) -> Option<Reading> {
    postcard::from_bytes(bytes).ok()
}

/// The reader's answer to `link` or `open` (text, or why there is none), from its bytes.
pub fn decode_text(bytes: &[u8]) -> Option<Result<String, String>> {
    postcard::from_bytes(bytes).ok()
}

/// A bundled deck: what Browse can say of it before it arrives, and its file (named by
/// content) next to the app's files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BundledDeck {
    pub id: &'static str,
    pub title: &'static str,
    pub emoji: &'static str,
    pub phases: usize,
    pub comparisons: usize,
    pub file: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// The first bundled deck as `build.rs` serialized it (native only: tests and benchmarks).
#[cfg(not(target_arch = "wasm32"))]
pub const DECK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/deck.postcard"));

/// The first bundled deck (native only: tests and benchmarks).
#[cfg(not(target_arch = "wasm32"))]
pub fn first_deck() -> Deck {
    postcard::from_bytes(DECK_BYTES).expect("build.rs wrote these bytes from the same types")
}

/// A fetched deck's bytes as a deck; `None` if they are not one (a damaged download).
pub fn decode(bytes: &[u8]) -> Option<Deck> {
    postcard::from_bytes(bytes).ok()
}

/// Every bundled deck, in order (native only: tests and benchmarks).
#[cfg(not(target_arch = "wasm32"))]
pub fn bundled() -> Vec<Deck> {
    postcard::from_bytes(include_bytes!(concat!(
        env!("OUT_DIR"),
        "/library.postcard"
    )))
    .expect("build.rs wrote library.postcard from the same types")
}
