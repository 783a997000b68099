//! Browser glue: clock, document, keyboard, downloads, the URL. No rules live here, and
//! every listener registered here is removed when its owner is cleaned up.

pub mod badge;
pub mod clock;
pub mod deck_reader;
pub mod document;
pub mod download;
pub mod fetch;
pub mod install;
pub mod js;
pub mod keys;
pub mod location;
pub mod share;
pub mod speech;
pub mod split;
pub mod styles;
pub mod sw;
pub mod timer;
