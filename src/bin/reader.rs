//! The deck reader: the Markdown parser (`diffdeck_content::parse`, the one the build runs) as a
//! wasm module of its own, which the "Your decks" screen loads on first use.
//!
//! A module of its own rather than a split part: wasm-split leaves every data segment in
//! the main module, and pulldown-cmark's tables would grow the first download. It uses
//! the deck format's crate (`diffdeck-content`), not the app's library, so none of the
//! app (nor Leptos) comes with it. Built and named by `scripts/wasm.mjs`; `index.html`'s
//! loader defines `diffdeckReader()`, which imports it; `platform::reader` calls it.
//! It also packs and unpacks deck and sync links (`diffdeck_content::share`: zlib and base64,
//! which the app's own wasm does not carry either) and draws a link as a QR code. Answers are
//! postcard. Natively this binary does nothing.
#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::wasm_bindgen;

    /// A deck file's bytes -> `Reading`, in postcard.
    #[wasm_bindgen]
    pub fn read(file: &str, bytes: &[u8]) -> Vec<u8> {
        postcard::to_allocvec(&diffdeck_content::reading(file, bytes)).unwrap_or_default()
    }

    use diffdeck_content::share::{self, Kind};

    fn kind(sync: bool) -> Kind {
        if sync {
            Kind::Sync
        } else {
            Kind::Deck
        }
    }

    /// A deck file's text (or, `sync`, a backup's) -> its link's fragment (`#/add/1.…`,
    /// `#/sync/1.…`), or why it cannot have one: `Result<String, String>` in postcard.
    #[wasm_bindgen]
    pub fn link(text: &str, sync: bool) -> Vec<u8> {
        let link = share::encode_as(kind(sync), text).map_err(|e| e.describe(kind(sync)));
        postcard::to_allocvec(&link).unwrap_or_default()
    }

    /// A link's fragment -> the text it carries, or why it carries none:
    /// `Result<String, String>` in postcard.
    #[wasm_bindgen]
    pub fn open(fragment: &str, sync: bool) -> Vec<u8> {
        let text = share::decode_as(kind(sync), fragment).map_err(|e| e.describe(kind(sync)));
        postcard::to_allocvec(&text).unwrap_or_default()
    }

    /// A link -> its QR code, an SVG image's `data:` address (`Option<String>` in postcard:
    /// none if too long).
    #[wasm_bindgen]
    pub fn qr(text: &str) -> Vec<u8> {
        postcard::to_allocvec(&share::qr_image(text)).unwrap_or_default()
    }
}

fn main() {}
