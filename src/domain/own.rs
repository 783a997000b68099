//! Decks the user brings (imported Markdown): their ids, which can never name a bundled
//! deck's comparison or another user deck's, and what is kept of each.
//!
//! A user deck's id is `u-` and its title's slug (`u-kubernetes`); its comparisons' ids
//! are the deck's id, `--`, and their own (`u-kubernetes--pod-vs-deployment`). Bundled
//! ids are plain slugs (never `u-…` for a deck, never `--` for a comparison), so they
//! cannot clash. A new version of a deck (the same title) keeps its ids, so reviews of
//! the comparisons it still has keep counting; so does a deck removed and added again.

use serde::{Deserialize, Serialize};

use super::deck::{is_https_url, slug, Deck};

/// What every user deck's id starts with.
pub const PREFIX: &str = "u-";

/// An imported deck and when it was added.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserDeck {
    pub deck: Deck,
    pub added_ms: i64,
}

/// The most characters a deck's title may have when renamed.
pub const MAX_TITLE: usize = 120;

/// The id a deck with this title gets as a user deck. A title with no Latin letter or
/// digit (`Контейнеры`) has no slug: its id is a hash of the title instead, so two such
/// decks do not take each other's place.
pub fn deck_id(title: &str) -> String {
    let name = slug(title);
    if name.is_empty() {
        // FNV-1a: stable across versions and platforms, unlike std's hasher.
        let hash = title
            .trim()
            .bytes()
            .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
                (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
            });
        format!("{PREFIX}deck-{:08x}", hash as u32)
    } else {
        format!("{PREFIX}{name}")
    }
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

/// Whether a user deck read from storage or a backup file (data anyone could have edited)
/// is one this app could have made: its ids under `u-`, and every link `https`, as the
/// parser requires. `Err` says what is wrong.
pub fn check(user: &UserDeck) -> Result<(), String> {
    let deck = &user.deck;
    if !is_user_deck(&deck.id) {
        return Err(format!("its id `{}` is not a user deck's", deck.id));
    }
    let under = format!("{}--", deck.id);
    if let Some(c) = deck.comparisons().find(|c| !c.id.starts_with(&under)) {
        return Err(format!(
            "the comparison id `{}` is not under the deck's",
            c.id
        ));
    }
    if let Some(s) = deck.sources().find(|s| !is_https_url(&s.url)) {
        return Err(format!("the link `{}` is not an https link", s.url));
    }
    Ok(())
}

/// Why a deck cannot take a new title.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RenameError {
    Empty,
    TooLong,
    /// Another deck (bundled or the user's) has this title.
    Taken,
    /// No user deck has this id.
    NoSuchDeck,
}

impl std::fmt::Display for RenameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RenameError::Empty => write!(f, "Give the deck a title."),
            RenameError::TooLong => write!(f, "A title may have at most {MAX_TITLE} characters."),
            RenameError::Taken => write!(f, "Another deck has this title: choose another."),
            RenameError::NoSuchDeck => write!(f, "This deck is no longer here."),
        }
    }
}

/// `decks` with the deck `id` titled `title` (trimmed). Its id stays, so its reviews keep
/// counting; a new version of its file (the old title) still replaces it. `others` are the
/// titles of the other decks the app holds (bundled ones included), which it may not take.
pub fn rename<'a>(
    mut decks: Vec<UserDeck>,
    id: &str,
    title: &str,
    others: impl IntoIterator<Item = &'a str>,
) -> Result<Vec<UserDeck>, RenameError> {
    let title = title.trim();
    if title.is_empty() {
        return Err(RenameError::Empty);
    }
    if title.chars().count() > MAX_TITLE {
        return Err(RenameError::TooLong);
    }
    let at = decks
        .iter()
        .position(|d| d.deck.id == id)
        .ok_or(RenameError::NoSuchDeck)?;
    let taken = |t: &str| t.trim().to_lowercase() == title.to_lowercase();
    if others.into_iter().any(taken)
        || decks
            .iter()
            .enumerate()
            .any(|(i, d)| i != at && taken(&d.deck.title))
    {
        return Err(RenameError::Taken);
    }
    decks[at].deck.title = title.to_string();
    Ok(decks)
}

/// The user's decks after importing a backup's: a deck with a new id is added (last); one
/// with an id already here takes its place if `prefer_backup` (a replacing import), or
/// else if it was added later than the one here (a merge keeps the newer version). No
/// deck is ever removed by an import.
pub fn merge(
    mut decks: Vec<UserDeck>,
    backup: Vec<UserDeck>,
    prefer_backup: bool,
) -> Vec<UserDeck> {
    for new in backup {
        match decks.iter_mut().find(|d| d.deck.id == new.deck.id) {
            Some(old) if prefer_backup || new.added_ms > old.added_ms => *old = new,
            Some(_) => {}
            None => decks.push(new),
        }
    }
    decks
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
        // Titles with no slug get distinct ids, the same each time.
        let (a, b) = (deck_id("Контейнеры"), deck_id("Сети"));
        assert!(
            a.starts_with("u-deck-") && b.starts_with("u-deck-") && a != b,
            "{a} {b}"
        );
        assert_eq!(a, deck_id(" Контейнеры "));
        // An id that links can carry: lower-case letters, digits and dashes.
        assert!(a
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }

    #[test]
    fn only_decks_this_app_could_make_pass_the_check() {
        let good = adopt(small("Mine"), 1);
        assert_eq!(check(&good), Ok(()));
        let mut bundled = good.clone();
        bundled.deck.id = "docker".into();
        assert!(check(&bundled).unwrap_err().contains("not a user deck"));
        let mut stray = good.clone();
        stray.deck.phases[0].comparisons[0].id = "image-vs-container".into();
        assert!(check(&stray).unwrap_err().contains("not under the deck"));
        let mut script = good.clone();
        script.deck.phases[0].comparisons[0]
            .sources
            .push(crate::domain::deck::Source {
                title: "x".into(),
                url: "javascript:alert(1)".into(),
            });
        assert!(check(&script).unwrap_err().contains("not an https link"));
    }

    #[test]
    fn a_rename_keeps_the_id_and_refuses_a_taken_or_empty_title() {
        let decks = vec![adopt(small("A"), 1), adopt(small("B"), 2)];
        let renamed = rename(decks.clone(), "u-a", "  Alpha ", ["Docker"]).unwrap();
        assert_eq!(renamed[0].deck.id, "u-a");
        assert_eq!(renamed[0].deck.title, "Alpha");
        assert_eq!(renamed[1], decks[1]);
        // Its own title, in another case, is fine; another deck's is not.
        assert!(rename(decks.clone(), "u-a", "a", ["Docker"]).is_ok());
        assert_eq!(
            rename(decks.clone(), "u-a", "b", ["Docker"]),
            Err(RenameError::Taken)
        );
        assert_eq!(
            rename(decks.clone(), "u-a", "DOCKER ", ["Docker"]),
            Err(RenameError::Taken)
        );
        assert_eq!(
            rename(decks.clone(), "u-a", " ", ["Docker"]),
            Err(RenameError::Empty)
        );
        let long = "x".repeat(MAX_TITLE + 1);
        assert_eq!(
            rename(decks.clone(), "u-a", &long, ["Docker"]),
            Err(RenameError::TooLong)
        );
        assert_eq!(
            rename(decks, "u-z", "Z", ["Docker"]),
            Err(RenameError::NoSuchDeck)
        );
    }

    #[test]
    fn an_import_adds_new_decks_and_never_removes_one() {
        let a1 = adopt(small("A"), 1);
        let mut a3 = adopt(small("A"), 3);
        a3.deck.phases[0].comparisons.pop();
        let b = adopt(small("B"), 2);
        let c = adopt(small("C"), 2);
        let here = vec![a3.clone(), b.clone()];
        // Merge: the newer version of A stays; C is added; B stays.
        assert_eq!(
            merge(here.clone(), vec![a1.clone(), c.clone()], false),
            vec![a3.clone(), b.clone(), c.clone()]
        );
        // Replace: the backup's A wins.
        assert_eq!(
            merge(here.clone(), vec![a1.clone()], true),
            vec![a1.clone(), b.clone()]
        );
        assert_eq!(merge(here.clone(), Vec::new(), true), here);
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
