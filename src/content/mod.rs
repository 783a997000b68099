//! The deck's content: Markdown in `content/` read into [`Deck`](crate::domain::deck::Deck).
//!
//! The parser ([`parse`]) runs at build time (`build.rs`), natively in tests and in the
//! benchmark. The app gets the result embedded by `build.rs` in postcard (a compact binary
//! serde format: a fraction of serde_json's code in the wasm) and reads it once at start-up
//! with [`embedded`].

#[cfg(not(target_arch = "wasm32"))]
pub mod parse;

use crate::domain::deck::Deck;

/// The deck `build.rs` validated and serialized from `content/docker.md`.
pub const DECK_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/deck.postcard"));

/// The embedded deck. Call once at start-up and share the result.
pub fn embedded() -> Deck {
    // No `expect`: printing the error would link error formatting into the wasm.
    postcard::from_bytes(DECK_BYTES)
        .unwrap_or_else(|_| panic!("build.rs wrote this JSON from the same types"))
}
