//! The deck's content: Markdown in `content/` read into [`Deck`](crate::domain::deck::Deck).
//!
//! The parser ([`parse`]) runs at build time (`build.rs`), natively in tests and in the
//! benchmark. The app gets the result as JSON embedded by `build.rs` and reads it once at
//! start-up with [`embedded`].

#[cfg(not(target_arch = "wasm32"))]
pub mod parse;

use crate::domain::deck::Deck;

/// The deck `build.rs` validated and serialized from `content/docker.md`.
pub const DECK_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/deck.json"));

/// The embedded deck. Call once at start-up and share the result.
pub fn embedded() -> Deck {
    // No `expect`: printing the error would link serde's error formatting into the wasm.
    serde_json::from_str(DECK_JSON)
        .unwrap_or_else(|_| panic!("build.rs wrote this JSON from the same types"))
}
