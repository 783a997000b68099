//! Backup files: what an exported file holds, and the checks an imported one goes through
//! before it can be merged into (or replace) the progress.

use super::progress::Progress;

/// What an import would bring, shown before the user chooses merge or replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Cards with at least one review.
    pub cards: usize,
    pub reviews: usize,
    /// First and last review (ms), if any.
    pub range: Option<(i64, i64)>,
}

pub fn preview(p: &Progress) -> Preview {
    let mut cards: std::collections::BTreeSet<&str> = p.base.keys().map(String::as_str).collect();
    cards.extend(p.log.iter().map(|r| r.card.as_str()));
    let first = p
        .base
        .values()
        .map(|s| s.last_ms)
        .chain(p.log.iter().map(|r| r.at))
        .min();
    let last = p
        .base
        .values()
        .map(|s| s.last_ms)
        .chain(p.log.iter().map(|r| r.at))
        .max();
    Preview {
        cards: cards.len(),
        reviews: p.total_reviews(),
        range: first.zip(last),
    }
}

/// Whether any review was recorded after `since_ms` (for the backup reminder). Looks at the
/// newest review and the compacted states, never through the log.
pub fn reviewed_since(p: &Progress, since_ms: i64) -> bool {
    p.log.last().is_some_and(|r| r.at > since_ms) || p.base.values().any(|s| s.last_ms > since_ms)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fsrs::Grade;
    use crate::domain::progress::{Review, Source};

    #[test]
    fn preview_counts_cards_reviews_and_range() {
        let mut p = Progress::default();
        assert_eq!(
            preview(&p),
            Preview {
                cards: 0,
                reviews: 0,
                range: None
            }
        );
        for (card, at) in [("a", 10), ("b", 30), ("a", 20)] {
            p.insert(Review {
                card: card.into(),
                at,
                day: 0,
                grade: Grade::Good,
                source: Source::Flashcard,
                written: None,
            });
        }
        assert_eq!(
            preview(&p),
            Preview {
                cards: 2,
                reviews: 3,
                range: Some((10, 30))
            }
        );
        assert!(reviewed_since(&p, 15) && reviewed_since(&p, 29));
        assert!(!reviewed_since(&p, 30));
    }
}
