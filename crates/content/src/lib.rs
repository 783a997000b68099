//! diffdeck's deck format, on its own: the deck model ([`deck`]), the Markdown parser
//! ([`parse`]: any bytes -> a deck, or faults by file and line), the writer and the
//! format's markers ([`syntax`]: a deck -> Markdown that parses back the same) and deck
//! links ([`share`]: a deck's Markdown packed into a URL fragment).
//!
//! Three users, one copy: the app (its domain re-exports [`deck`]; the rest never runs
//! in the app's wasm), `build.rs` (a build-dependency: bad content fails the build) and
//! the deck reader (`src/bin/reader.rs`, the parser in the browser as a wasm module of
//! its own). `std`, `serde`, pulldown-cmark, miniz_oxide and base64; no browser, no
//! Leptos.

#![forbid(unsafe_code)]

pub mod deck;
pub mod highlight;
pub mod parse;
pub mod share;
pub mod syntax;

pub use parse::reading;
pub use syntax::{Fault, Reading};
