//! The only code that touches localStorage.
//!
//! `format` (pure, native-tested) turns progress into text and back: a versioned envelope,
//! migrations from every earlier version, and recovery from bad data that keeps whatever
//! can be read. `layout` (pure) spreads the record over keys so that a grade writes only
//! today's part. `local` (wasm only) reads and writes the browser's storage, keeps a copy of
//! anything it could not read, works in memory when storage is missing or full, and hears
//! other tabs' writes. `decks` (pure) stores the user's own decks under a key of their own.

pub mod decks;
pub mod format;
pub mod layout;
#[cfg(target_arch = "wasm32")]
pub mod local;
