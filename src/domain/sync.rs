//! Progress carried to another device by a link (no server): what a link holds, and what
//! merging it would add, shown before anything changes.
//!
//! A sync link carries a partial record: everything since the last send to that device
//! (or all of it). Merging is [`Progress::merge`], the union of review logs, so opening the
//! same link twice adds nothing and both devices end equal once each has the other's.

use super::cards::comparison_of;
use super::deck::Library;
use super::progress::{Progress, Review};

/// The part of `p` a link to another device carries: every review after `since_ms` (ms;
/// 0 for everything), with what merging needs to treat them right (tombstones, the reset
/// in force, settings, records). Compacted history goes only with everything.
pub fn changes_since(p: &Progress, since_ms: i64) -> Progress {
    let mut part = if since_ms <= 0 {
        p.clone()
    } else {
        Progress {
            base: p
                .base
                .iter()
                .filter(|(_, s)| s.last_ms > since_ms)
                .map(|(k, s)| (k.clone(), s.clone()))
                .collect(),
            log: p.log[p.log.partition_point(|r| r.at <= since_ms)..].to_vec(),
            // Few, and an undo may come after the send of the review it takes back.
            undone: p.undone.clone(),
            confusions: p
                .confusions
                .iter()
                .filter(|c| c.at > since_ms)
                .cloned()
                .collect(),
            settings: p.settings.clone(),
            records: p.records.clone(),
            reset_at: p.reset_at,
            reset_undone_at: p.reset_undone_at,
            ..Progress::default()
        }
    };
    // A link is not a backup: the other device's own reviews are not in any file.
    part.last_export_ms = 0;
    part
}

/// What merging a link (or a file) into this device's record would do.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Adds {
    /// Reviews this device does not have yet.
    pub reviews: usize,
    /// Study days that have no review here yet.
    pub days: usize,
    /// Reviews here that merging drops: the other device reset its progress since.
    pub removed: usize,
}

impl Adds {
    pub fn is_nothing(&self) -> bool {
        *self == Adds::default()
    }
}

/// What merging `theirs` into `mine` would add (or take away), without changing `mine`.
pub fn adds(mine: &Progress, theirs: &Progress) -> Adds {
    let mut merged = mine.clone();
    merged.merge(theirs);
    // Review by review: a merge can add some and drop others at once. Logs are in
    // (time, card) order, so each look-up is a binary search.
    let lacks = |p: &Progress, r: &Review| {
        p.log
            .binary_search_by(|x| (x.at, &x.card).cmp(&(r.at, &r.card)))
            .is_err()
    };
    let compacted = |p: &Progress| p.total_reviews() - p.log.len();
    Adds {
        reviews: merged.log.iter().filter(|r| lacks(mine, r)).count()
            + compacted(&merged).saturating_sub(compacted(mine)),
        days: merged.study_days().difference(&mine.study_days()).count(),
        removed: mine.log.iter().filter(|r| lacks(&merged, r)).count()
            + compacted(mine).saturating_sub(compacted(&merged)),
    }
}

/// The titles of the decks whose cards `p` reviewed, in library order, and how many of its
/// cards are of no deck here (a deck of the user's that this device does not have).
pub fn decks_of<'a>(library: &Library<'a>, p: &Progress) -> (Vec<&'a str>, usize) {
    let mut found = vec![false; library.decks.len()];
    let mut unknown = 0;
    for card in p.reviewed_cards() {
        let deck = comparison_of(card)
            .and_then(|c| library.decks.iter().position(|d| d.find(c).is_some()));
        match deck {
            Some(i) => found[i] = true,
            None => unknown += 1,
        }
    }
    let titles = library
        .decks
        .iter()
        .zip(found)
        .filter(|(_, f)| *f)
        .map(|(d, _)| d.title.as_str())
        .collect();
    (titles, unknown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fsrs::Grade;
    use crate::domain::progress::Source;
    use crate::domain::schedule::Now;

    fn review(card: &str, at: i64) -> Review {
        Review::new(card, Grade::Good, Source::Flashcard, Now::new(at, 0))
    }

    fn with(reviews: &[(&str, i64)]) -> Progress {
        let mut p = Progress::default();
        for (card, at) in reviews {
            p.insert(review(card, *at));
        }
        p
    }

    const DAY: i64 = 86_400_000;

    #[test]
    fn a_link_carries_what_came_after_the_last_send_and_no_export_time() {
        let mut p = with(&[("a", DAY), ("b", 2 * DAY), ("c", 3 * DAY)]);
        p.last_export_ms = 2 * DAY;
        p.undo(&review("c", 3 * DAY).key());
        p.insert(review("d", 4 * DAY));
        let part = changes_since(&p, 2 * DAY);
        let cards: Vec<&str> = part.log.iter().map(|r| r.card.as_str()).collect();
        assert_eq!(cards, ["d"]);
        assert_eq!(part.undone.len(), 1, "the tombstone travels");
        assert_eq!(part.last_export_ms, 0);
        assert_eq!(part.settings, p.settings);
        let all = changes_since(&p, 0);
        assert_eq!(all.log, p.log);
        assert_eq!(all.last_export_ms, 0);
    }

    #[test]
    fn the_same_link_twice_adds_nothing_and_two_devices_end_equal() {
        let mut a = with(&[("a", DAY), ("b", DAY + 5)]);
        let mut b = with(&[("c", 2 * DAY)]);
        let link = changes_since(&a, 0);
        let first = adds(&b, &link);
        assert_eq!((first.reviews, first.days, first.removed), (2, 1, 0));
        b.merge(&link);
        assert!(adds(&b, &link).is_nothing(), "{:?}", adds(&b, &link));
        // Both grade, then each sends what changed since the first send.
        a.insert(review("e", 3 * DAY));
        b.insert(review("f", 3 * DAY + 1));
        let to_b = changes_since(&a, DAY + 10);
        let to_a = changes_since(&b, DAY + 10);
        a.merge(&to_a);
        b.merge(&to_b);
        assert_eq!(a.log, b.log);
        assert_eq!(a.total_reviews(), 5);
    }

    #[test]
    fn what_a_link_adds_and_what_a_reset_there_takes_away() {
        let link = with(&[("a", DAY), ("a", DAY + 1), ("b", 3 * DAY)]);
        let found = adds(&Progress::default(), &link);
        assert_eq!((found.reviews, found.days, found.removed), (3, 2, 0));
        // The other device reset after this one's reviews: merging drops them, and says so.
        let mine = with(&[("z", DAY)]);
        let mut reset = Progress::default();
        reset.reset(2 * DAY);
        let found = adds(&mine, &reset);
        assert_eq!((found.reviews, found.removed), (0, 1));
    }

    #[test]
    fn a_link_names_the_decks_it_reviewed_and_counts_cards_of_none() {
        let library = crate::domain::deck::test_library();
        let p = with(&[
            ("pair:cmd-vs-entrypoint", DAY),
            ("point:cmd-vs-entrypoint:l:0", DAY + 1),
            ("pair:u-mine-a-vs-b", DAY + 2),
        ]);
        let (titles, unknown) = decks_of(&library, &p);
        assert_eq!(titles, [library.decks[0].title.as_str()]);
        assert_eq!(unknown, 1);
    }
}
