//! Backup files: what an exported file holds, and the checks an imported one goes through
//! before it can be merged into (or replace) the progress.

use super::progress::Progress;
use super::schedule::DAY_MS;

/// What an import would bring, shown before the user chooses merge or replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    /// Cards with at least one review.
    pub cards: usize,
    pub reviews: usize,
    /// Study days with a review.
    pub days: usize,
    /// First and last review (ms), if any.
    pub range: Option<(i64, i64)>,
}

pub fn preview(p: &Progress) -> Preview {
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
        cards: p.reviewed_cards().len(),
        reviews: p.total_reviews(),
        days: p.study_days().len(),
        range: first.zip(last),
    }
}

/// Whether to remind of a backup at `now_ms`: reviews that no export holds, the oldest of
/// them a week old or more (never on the first days, exported or not). Looks at the
/// compacted states and, by binary search, the log (kept in time order).
pub fn backup_due(p: &Progress, now_ms: i64) -> bool {
    let since = p.last_export_ms;
    let first_in_log = p.log.get(p.log.partition_point(|r| r.at <= since));
    let first_in_base = p
        .base
        .values()
        .map(|s| s.last_ms)
        .filter(|&t| t > since)
        .min();
    first_in_log
        .map(|r| r.at)
        .into_iter()
        .chain(first_in_base)
        .min()
        .is_some_and(|oldest| now_ms - oldest >= 7 * DAY_MS)
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
                days: 0,
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
                days: 1,
                range: Some((10, 30))
            }
        );
    }

    #[test]
    fn a_backup_is_due_when_a_week_of_reviews_is_in_none() {
        let review = |at| Review {
            card: "a".into(),
            at,
            day: 0,
            grade: Grade::Good,
            source: Source::Flashcard,
            written: None,
        };
        let mut p = Progress::default();
        let t0 = 1_000 * DAY_MS;
        assert!(!backup_due(&p, t0), "nothing to back up");
        p.insert(review(t0));
        // Never exported: not on day 1, only once the first review is a week old.
        assert!(!backup_due(&p, t0 + DAY_MS));
        assert!(backup_due(&p, t0 + 7 * DAY_MS));
        // Exported since: the reviews after the export count, from the oldest of them.
        p.last_export_ms = t0 + 7 * DAY_MS;
        assert!(!backup_due(&p, t0 + 20 * DAY_MS), "nothing new since");
        p.insert(review(t0 + 10 * DAY_MS));
        assert!(!backup_due(&p, t0 + 16 * DAY_MS));
        assert!(backup_due(&p, t0 + 17 * DAY_MS));
    }
}
