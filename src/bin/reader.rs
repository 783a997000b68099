//! The deck reader: the Markdown parser (the same `content/parse.rs` the build runs) as a
//! wasm module of its own, which the "Your decks" screen loads on first use.
//!
//! A module of its own rather than a split part: wasm-split leaves every data segment in
//! the main module, and pulldown-cmark's tables would grow the first download. It takes
//! the parser's files by path, as `build.rs` does, not the app's library, so none of the
//! app (nor Leptos) comes with it. Built and named by `scripts/wasm.mjs`; `index.html`'s
//! loader defines `diffdeckReader()`, which imports it; `platform::reader` calls it.
//! Answers are postcard (`content::Reading`). Natively this binary does nothing.
// The reader uses a part of these files (`reading`); natively, none.
#![allow(dead_code)]

#[path = "../domain/deck.rs"]
pub mod deck;
#[path = "../content/parse.rs"]
mod parse;
#[path = "../content/syntax.rs"]
mod syntax;

// `parse.rs` names the model by its path in the library crate.
mod domain {
    pub use crate::deck;
}

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// A deck file's bytes -> `Reading`, in postcard.
    #[wasm_bindgen]
    pub fn read(file: &str, bytes: &[u8]) -> Vec<u8> {
        postcard::to_allocvec(&crate::parse::reading(file, bytes)).unwrap_or_default()
    }
}

fn main() {}
