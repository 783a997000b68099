//! Browser glue: the only place besides `ui` that touches `web_sys`, and it holds no rules.
//! Every listener registered here is removed when its owner is cleaned up.

pub mod document;
pub mod location;
