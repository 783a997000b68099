//! The deck reader's three calls (read a deck, pack a link, open one): in the release
//! build its own wasm module, loaded on first use (`platform::deck_reader`); without the
//! `split` feature (wasm-bindgen tests, which serve no such module) the parser itself.
//! The one place that chooses.

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

/// A deck file's text as a link's fragment (`#/add/1.…`), or why it cannot be one;
/// `None` if the reader cannot be loaded.
pub(super) async fn share(markdown: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        crate::content::decode_text(&crate::platform::deck_reader::link(&markdown).await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::share::encode(&markdown).map_err(|e| e.to_string()))
    }
}

/// The deck file's text a link's fragment carries, or why it carries none; `None` if the
/// reader cannot be loaded.
pub(super) async fn unshare(fragment: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        crate::content::decode_text(&crate::platform::deck_reader::open(&fragment).await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(diffdeck_content::share::decode(&fragment).map_err(|e| e.to_string()))
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
