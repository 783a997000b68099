//! The decks the app holds: the bundled ones (the first fetched before the app mounts,
//! the others once it is on screen) and the user's own (stored with the progress record,
//! changed here and written whole), with the search over all of them.
//!
//! Decks and search indexes are `'static` (leaked): `Library<'static>` and the cards made
//! from it are `Copy`-cheap to hand to every screen, and a deck is leaked only when the
//! list changes (a deck added, renamed or heard from another tab), which a user does a
//! few times, not per render.

use leptos::prelude::*;

use super::{now, AppState};
use crate::content;
use crate::domain::deck::{Deck, Library};
use crate::domain::own::{self, UserDeck};
use crate::domain::search::SearchIndex;
use crate::platform::split::NotLoaded;

/// A bundled deck's bytes: its file next to the app's. Without the `split` feature
/// (wasm-bindgen tests, whose runner serves no such files) the bytes are embedded.
async fn deck_bytes(
    index: usize,
    info: &'static content::BundledDeck,
) -> Result<Vec<u8>, NotLoaded> {
    #[cfg(feature = "split")]
    {
        let _ = index;
        crate::platform::fetch::bytes(&format!("./{}", info.file)).await
    }
    #[cfg(not(feature = "split"))]
    {
        let _ = info;
        Ok(content::FETCHED_BYTES[index].to_vec())
    }
}

/// The first bundled deck, which the app opens on.
pub async fn first_deck() -> Result<&'static Deck, NotLoaded> {
    let bytes = deck_bytes(0, &content::FETCHED[0]).await?;
    let deck = content::decode(&bytes).ok_or(NotLoaded)?;
    Ok(Box::leak(Box::new(deck)))
}

impl AppState {
    /// Fetches the bundled decks not held yet (see `content::FETCHED`); says whether it
    /// failed in [`AppState::decks_failed`].
    pub async fn load_decks(self) -> Result<(), NotLoaded> {
        let result = self.fetch_decks().await;
        self.decks_failed.set(result.is_err());
        result
    }

    async fn fetch_decks(self) -> Result<(), NotLoaded> {
        for (index, info) in content::FETCHED.iter().enumerate() {
            if self.library.with_untracked(|l| l.deck(info.id).is_some()) {
                continue;
            }
            let bytes = deck_bytes(index, info).await?;
            let deck = content::decode(&bytes).ok_or(NotLoaded)?;
            // Another caller may have added it meanwhile.
            if self.library.with_untracked(|l| l.deck(info.id).is_none()) {
                let deck: &'static Deck = Box::leak(Box::new(deck));
                // Bundled decks come before the user's own.
                self.library.update(|l| {
                    let at = l.decks.iter().position(|d| own::is_user_deck(&d.id));
                    l.decks.insert(at.unwrap_or(l.decks.len()), deck)
                });
                let index = SearchIndex::new(&self.library.get_untracked());
                self.search.set(Box::leak(Box::new(index)));
            }
        }
        Ok(())
    }

    /// The user's own decks in the library (read with the stored progress), in the order
    /// added, after the bundled ones.
    pub fn own_decks(&self) -> Vec<&'static Deck> {
        self.library.with(user_decks)
    }

    /// Puts `list` in the library as the user's decks, after the bundled ones, and
    /// rebuilds the search; a deck that did not change stays the one screens hold.
    pub(super) fn show_own(&self, list: &[UserDeck]) {
        let held = self.own_decks_untracked();
        if held.len() == list.len() && held.iter().zip(list).all(|(h, u)| **h == u.deck) {
            return;
        }
        let own: Vec<&'static Deck> = list
            .iter()
            .map(|u| {
                held.iter()
                    .copied()
                    .find(|h| **h == u.deck)
                    .unwrap_or_else(|| Box::leak(Box::new(u.deck.clone())))
            })
            .collect();
        self.library.update(|l| {
            l.decks.retain(|d| !own::is_user_deck(&d.id));
            l.decks.extend(own);
        });
        let index = SearchIndex::new(&self.library.get_untracked());
        self.search.set(Box::leak(Box::new(index)));
    }

    fn own_decks_untracked(&self) -> Vec<&'static Deck> {
        self.library.with_untracked(user_decks)
    }

    /// The user's decks as stored, with what they were added.
    pub fn own_list(&self) -> Vec<UserDeck> {
        self.store
            .with_value(|s| s.as_ref().map(|s| s.decks().to_vec()).unwrap_or_default())
    }

    /// Holds and writes `list` as the user's decks (kept in memory, with a notice, if it
    /// cannot be written), and shows it.
    pub(super) fn set_own(&self, list: Vec<UserDeck>) {
        self.show_own(&list);
        let mut notice = None;
        self.store
            .update_value(|s| notice = s.as_mut().and_then(|s| s.set_decks(list)));
        if let Some(n) = notice {
            // Once: not again on every change while storage stays full.
            if self
                .notices
                .with_untracked(|list| list.iter().all(|x| x.about != n))
            {
                self.notify(n);
            }
        }
    }

    /// Adds a deck read from the user's file, or a new version of one of theirs (the same
    /// title: reviews of the comparisons it still has keep counting), and saves. Returns
    /// its id.
    pub fn add_deck(&self, deck: Deck) -> String {
        let user = own::adopt(deck, now().ms);
        let id = user.deck.id.clone();
        self.set_own(own::with_deck(self.own_list(), user));
        id
    }

    /// Removes one of the user's decks and saves; returns it and its place (for undo).
    /// Its reviews stay in the progress record: added again, it counts them again.
    pub fn remove_deck(&self, id: &str) -> Option<(usize, UserDeck)> {
        let mut list = self.own_list();
        let at = list.iter().position(|u| u.deck.id == id)?;
        let removed = list.remove(at);
        self.set_own(list);
        Some((at, removed))
    }

    /// Gives one of the user's decks a new title (see `own::rename`), and saves.
    pub fn rename_deck(&self, id: &str, title: &str) -> Result<(), own::RenameError> {
        let bundled: Vec<String> = self.library.with_untracked(|l| {
            l.decks
                .iter()
                .filter(|d| !own::is_user_deck(&d.id))
                .map(|d| d.title.clone())
                .collect()
        });
        let list = own::rename(
            self.own_list(),
            id,
            title,
            bundled.iter().map(String::as_str),
        )?;
        self.set_own(list);
        Ok(())
    }

    /// Puts a removed deck back where it was, and saves.
    pub fn restore_deck(&self, at: usize, deck: UserDeck) {
        let mut list = self.own_list();
        if list.iter().all(|u| u.deck.id != deck.deck.id) {
            list.insert(at.min(list.len()), deck);
        }
        self.set_own(list);
    }
}

/// The user's decks in `library`, in order.
fn user_decks(library: &Library<'static>) -> Vec<&'static Deck> {
    library
        .decks
        .iter()
        .copied()
        .filter(|d| own::is_user_deck(&d.id))
        .collect()
}
