//! The deck reader's calls (read a deck, pack a link, open one, draw a QR code): in the release
//! build its own wasm module, loaded on first use (`platform::deck_reader`); without the
//! `split` feature (wasm-bindgen tests, which serve no such module) the parser itself.
//! The one place that chooses.

use diffdeck_content::share::Kind;
use diffdeck_content::{Fault, Reading};

/// Reads a deck file's bytes with the deck reader.
pub(super) async fn read(file: &str, bytes: Vec<u8>) -> Option<Reading> {
    #[cfg(feature = "split")]
    {
        let answer = crate::platform::deck_reader::read(file, &bytes).await?;
        crate::content::decode_reading(&answer)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::reading(file, &bytes))
    }
}

/// A deck file's text (`Kind::Deck`) or a backup's (`Kind::Sync`) as a link's fragment
/// (`#/add/1.…`, `#/sync/1.…`), or why it cannot be one; `None` if the reader cannot be
/// loaded.
pub(crate) async fn share(kind: Kind, text: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        let answer = crate::platform::deck_reader::link(&text, kind == Kind::Sync).await?;
        crate::content::decode_text(&answer)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::share::encode_as(kind, &text).map_err(|e| e.describe(kind)))
    }
}

/// The text a link's fragment of `kind` carries, or why it carries none; `None` if the
/// reader cannot be loaded.
pub(crate) async fn unshare(kind: Kind, fragment: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        let answer = crate::platform::deck_reader::open(&fragment, kind == Kind::Sync).await?;
        crate::content::decode_text(&answer)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::share::decode_as(kind, &fragment).map_err(|e| e.describe(kind)))
    }
}

/// A link as a QR code (an SVG image's `data:` address); `Some(None)` if it is too long for
/// one, `None` if the reader cannot be loaded.
pub(crate) async fn qr(link: String) -> Option<Option<String>> {
    #[cfg(feature = "split")]
    {
        postcard::from_bytes(&crate::platform::deck_reader::qr(&link).await?).ok()
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::share::qr_image(&link))
    }
}

/// The faults of a reading, each with its line's text (cut short) to show beside it.
pub(super) fn with_lines(faults: Vec<Fault>, bytes: &[u8]) -> Vec<(Fault, String)> {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    faults
        .into_iter()
        .map(|f| {
            let line = lines
                .get((f.line as usize).saturating_sub(1))
                .copied()
                .unwrap_or("");
            let shown: String = line.chars().take(160).collect();
            (f, shown)
        })
        .collect()
}
