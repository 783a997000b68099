//! diffdeck: study the "A vs B" differences that Docker interviews ask about.
//!
//! Layers (see ARCHITECTURE.md; `tests/architecture.rs` holds the lines):
//! `domain` (pure rules) <- `content` (Markdown -> deck) ; `route` (pure) ;
//! `platform` (browser glue) and `ui` (Leptos screens) exist only on wasm32.

#![forbid(unsafe_code)]

pub mod content;
pub mod domain;
pub mod route;
pub mod storage;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
