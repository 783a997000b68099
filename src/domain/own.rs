//! Decks the user brings (imported Markdown): their ids, which can never name a bundled
//! deck's comparison or another user deck's, and what is kept of each.
//!
//! A user deck's id is `u-` and its title's slug (`u-kubernetes`); its comparisons' ids
//! are the deck's id, `--`, and their own (`u-kubernetes--pod-vs-deployment`). Bundled
//! ids are plain slugs (never `u-…` for a deck, never `--` for a comparison), so they
//! cannot clash. A new version of a deck (the same title) keeps its ids, so reviews of
//! the comparisons it still has keep counting; so does a deck removed and added again.

use serde::{Deserialize, Serialize};

use super::deck::{slug, Deck};

/// What every user deck's id starts with.
pub const PREFIX: &str = "u-";

/// An imported deck and when it was added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDeck {
    pub deck: Deck,
    pub added_ms: i64,
}

/// The id a deck with this title gets as a user deck.
pub fn deck_id(title: &str) -> String {
    let name = slug(title);
    format!("{PREFIX}{}", if name.is_empty() { "deck" } else { &name })
}

/// Whether `id` names a user deck.
pub fn is_user_deck(id: &str) -> bool {
    id.starts_with(PREFIX)
}

/// A deck as read from the user's file, as a user deck: its id from its title, and every
/// comparison's id under it.
pub fn adopt(mut deck: Deck, added_ms: i64) -> UserDeck {
    deck.id = deck_id(&deck.title);
    for phase in &mut deck.phases {
        for c in &mut phase.comparisons {
            c.id = format!("{}--{}", deck.id, c.id);
        }
    }
    UserDeck { deck, added_ms }
}

/// `decks` with `new` in it: in place of the deck with its id (a new version), or last.
pub fn with_deck(mut decks: Vec<UserDeck>, new: UserDeck) -> Vec<UserDeck> {
    match decks.iter().position(|d| d.deck.id == new.deck.id) {
        Some(i) => decks[i] = new,
        None => decks.push(new),
    }
    decks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deck::{test_decks, Comparison};

    fn small(title: &str) -> Deck {
        let mut deck = test_decks()[0].clone();
        deck.title = title.to_string();
        deck.phases.truncate(1);
        deck
    }

    #[test]
    fn ids_are_under_the_deck_and_never_a_bundled_one() {
        let user = adopt(small("My Kubernetes notes!"), 5);
        assert_eq!(user.deck.id, "u-my-kubernetes-notes");
        let first: &Comparison = user.deck.comparisons().next().unwrap();
        assert_eq!(first.id, "u-my-kubernetes-notes--image-vs-container");
        for bundled in test_decks() {
            assert!(!is_user_deck(&bundled.id), "{}", bundled.id);
            for c in bundled.comparisons() {
                assert!(!c.id.contains("--"), "{}", c.id);
            }
        }
        assert_eq!(deck_id("Контейнеры"), "u-deck");
    }

    #[test]
    fn a_new_version_keeps_its_ids_and_takes_the_old_ones_place() {
        let a = adopt(small("A"), 1);
        let b = adopt(small("B"), 2);
        let mut a2 = adopt(small("A"), 3);
        a2.deck.phases[0].comparisons.pop();
        let decks = with_deck(
            with_deck(with_deck(Vec::new(), a.clone()), b.clone()),
            a2.clone(),
        );
        assert_eq!(decks, vec![a2.clone(), b]);
        let kept: Vec<&str> = a2.deck.comparisons().map(|c| c.id.as_str()).collect();
        assert!(kept
            .iter()
            .all(|id| a.deck.comparisons().any(|c| c.id == *id)));
    }
}
