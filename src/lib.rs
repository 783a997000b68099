//! diffdeck: study the "A vs B" differences that Docker interviews ask about.
//!
//! Layers (see ARCHITECTURE.md; `tests/architecture.rs` holds the lines):
//! `domain` (pure rules) <- `content` (Markdown -> deck) ; `route` (pure) ;
//! `view` (pure Leptos components: the app renders them in the browser, the pre-rendered
//! site natively) ; `platform` (browser glue) and `ui` (Leptos screens) exist only on wasm32.

#![forbid(unsafe_code)]

pub mod content;
pub mod domain;
pub mod route;
pub mod storage;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod site;

#[cfg(target_arch = "wasm32")]
pub mod platform;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
