//! App-wide state in context: one `Copy` handle, [`AppState`], over signals, with its
//! methods in a file per concern: `decks.rs` (the bundled decks and the user's own),
//! `record.rs` (the progress record: reading, changing, saving, backups), `notices.rs`
//! (what the user is told about their stored data). Shell flags (`update_ready`, `busy`,
//! `persisted`) are plain signals here. The one place that saves: every change to
//! progress goes through a method of [`AppState`], which writes it (merging other tabs'
//! writes first). One context type rather than one per concern: each `expect_context`
//! type is code in the first download.
//!
//! The stored progress is read once the first screen has painted, by code fetched then
//! (a split point, see `platform::split`): Browse does not need it, so the first download
//! carries no storage code. Screens that show or change progress wait for
//! [`AppState::ready`], so nothing is saved before the stored record has been read.
//!
//! The first bundled deck is fetched before the app mounts ([`first_deck`]; index.html's
//! loader prefetches it, and shows it pre-rendered meanwhile); the others are fetched at the same
//! time as the storage code ([`AppState::load_decks`]), and `ready` waits for them too: a
//! study screen always sees every deck.

mod decks;
mod notices;
mod record;

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::cards::Selection;
use crate::domain::deck::{Deck, Library};
use crate::domain::derive::Derived;
use crate::domain::progress::Progress;
use crate::domain::schedule::Now;
use crate::domain::search::SearchIndex;
use crate::platform;
use crate::platform::split::{split, NotLoaded};
use crate::storage::layout::Dirty;
use crate::storage::local::{OtherTabs, Store};

pub use crate::storage::format::Backup;
pub use decks::first_deck;
pub use notices::{MemoryOnly, Notice, StorageNotice};

/// The app's state: signals the screens read, and the methods that change it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The decks held so far: the first one at start-up, then the others as they arrive.
    pub library: RwSignal<Library<'static>>,
    /// Search over every deck in `library`.
    pub search: RwSignal<&'static SearchIndex>,
    /// The last attempt to fetch the bundled decks failed (offline before they were
    /// cached); the next call to [`AppState::load_decks`] tries again.
    pub decks_failed: RwSignal<bool>,
    pub progress: RwSignal<Progress>,
    pub notices: RwSignal<Vec<Notice>>,
    /// Whether the browser granted persistent storage (`None`: not asked yet).
    pub persisted: RwSignal<Option<bool>>,
    /// A new version of the app is installed and waiting.
    pub update_ready: RwSignal<bool>,
    /// A timed round (quiz, match) is under way: no update prompt now.
    pub busy: RwSignal<bool>,
    /// The progress as it was before a reset, until the tab closes (for undo).
    pub before_reset: RwSignal<Option<Progress>>,
    /// Each studied deck's cards due now (see `domain::study::due_by_deck`), once the
    /// stored progress has been read: what Browse tells a learner who comes back. A memo,
    /// made by the storage part's code, so the replay it needs is not in the first
    /// download and runs only while a screen reads it.
    pub due: RwSignal<Option<Memo<BTreeMap<String, usize>>>>,
    /// The deck last on screen (Browse, a comparison): what the study modes start with.
    deck_on_screen: StoredValue<Option<String>>,
    /// The browser's storage, once opened (see [`AppState::ready`]).
    store: StoredValue<Option<Store>, LocalStorage>,
    listener: StoredValue<Option<OtherTabs>, LocalStorage>,
    /// The parts of the stored record that changed since the last save.
    pending: StoredValue<Dirty>,
    /// Whether the stored progress has been read.
    opened: RwSignal<bool>,
    /// What is derived from progress for studying; made on first use (see [`Self::study`]).
    derived: StoredValue<Option<RwSignal<Derived>>>,
    /// The app's reactive owner, which the derived memos belong to.
    owner: StoredValue<Owner, LocalStorage>,
}

/// The current time as the rules see it.
pub fn now() -> Now {
    let (ms, offset) = platform::clock::now();
    Now::new(ms, offset)
}

impl AppState {
    /// Holds the first deck, and starts reading the stored progress and fetching the
    /// other decks.
    pub fn new(deck: &'static Deck) -> AppState {
        let library = Library::new(vec![deck]);
        let search: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(&library)));
        let state = AppState {
            library: RwSignal::new(library),
            search: RwSignal::new(search),
            decks_failed: RwSignal::new(false),
            progress: RwSignal::new(Progress::default()),
            notices: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            update_ready: RwSignal::new(false),
            busy: RwSignal::new(false),
            before_reset: RwSignal::new(None),
            due: RwSignal::new(None),
            deck_on_screen: StoredValue::new(None),
            opened: RwSignal::new(false),
            store: StoredValue::new_local(None),
            listener: StoredValue::new_local(None),
            pending: StoredValue::new(Dirty::default()),
            derived: StoredValue::new(None),
            owner: StoredValue::new_local(Owner::current().unwrap_or_default()),
        };
        // Once the first screen is on screen (the user is not waiting for this on Browse;
        // on the pre-rendered page, the app is not until it has taken over). If the fetch
        // fails (offline on a first visit), the next screen that needs progress tries
        // again, and says so if it cannot.
        platform::document::once_shown(move || state.start());
        state
    }

    /// The deck the learner is looking at (Browse, a comparison's screen).
    pub fn show_deck(self, id: &str) {
        self.deck_on_screen.set_value(Some(id.to_string()));
    }

    /// What a study mode starts with: the deck last on screen, else the first deck.
    pub fn deck_on_screen(self) -> Selection {
        self.library.with_untracked(|l| {
            let shown = self
                .deck_on_screen
                .get_value()
                .filter(|id| l.deck(id).is_some());
            Selection::Deck(shown.unwrap_or_else(|| l.decks[0].id.clone()))
        })
    }

    /// The comparisons the learner has studied (their difference card, which only
    /// flashcards show, has been seen), if at least two: then the games start with them (a
    /// board needs four pairs, two sides each). A game's own grades do not count: one quiz
    /// does not narrow the next to what it happened to ask.
    pub fn studied(self) -> Option<std::collections::BTreeSet<String>> {
        use crate::domain::cards::{comparison_of, CardKind};
        let ids: std::collections::BTreeSet<String> = self.study().with_untracked(|d| {
            d.states()
                .keys()
                .filter(|id| CardKind::of(id) == Some(CardKind::Pair))
                .filter_map(|id| comparison_of(id))
                .map(String::from)
                .collect()
        });
        (ids.len() >= 2).then_some(ids)
    }

    /// Starts [`Self::ready`] without waiting for it.
    pub fn start(self) {
        leptos::task::spawn_local(async move {
            let _ = self.ready().await;
        })
    }

    /// Resolves once the stored progress has been read into [`AppState::progress`] and
    /// every bundled deck is in [`AppState::library`].
    pub async fn ready(self) -> Result<(), NotLoaded> {
        let storage = async move {
            if self.opened.get_untracked() {
                Ok(())
            } else {
                open_storage(self).await
            }
        };
        let (storage, decks) = futures::future::join(storage, self.load_decks()).await;
        storage.and(decks)
    }

    /// Whether the stored progress has been read (reactive).
    pub fn is_ready(&self) -> bool {
        self.opened.get()
    }
}

split! {
    /// The storage code, in its own wasm part.
    fn open_storage(app: AppState) -> () {
        app.open()
    }
}
