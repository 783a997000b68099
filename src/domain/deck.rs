//! The deck model, from the content crate (`diffdeck-content`): decks, phases,
//! comparisons, sides and points, and the rules on them that reading a deck needs
//! (ids, links). The domain's rules take it from here.

pub use diffdeck_content::deck::*;

/// The shipped decks, for the domain's own tests (read from build.rs's output, since the
/// domain may not depend on `content`).
#[cfg(test)]
pub(crate) fn test_decks() -> &'static [Deck] {
    use std::sync::OnceLock;
    static DECKS: OnceLock<Vec<Deck>> = OnceLock::new();
    DECKS.get_or_init(|| {
        postcard::from_bytes(include_bytes!(concat!(
            env!("OUT_DIR"),
            "/library.postcard"
        )))
        .expect("library.postcard")
    })
}

/// Every shipped deck, for the domain's own tests.
#[cfg(test)]
pub(crate) fn test_library() -> Library<'static> {
    Library::new(test_decks().iter().collect())
}
