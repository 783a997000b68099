//! App-wide state in context: the decks, the progress record and what is derived from it,
//! and notices for the user. The one place that saves: every change to progress goes
//! through [`AppState`], which writes it (merging other tabs' writes first).
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

use leptos::prelude::*;

use crate::content;
use crate::domain::deck::{Deck, Library};
use crate::domain::derive::Derived;
use crate::domain::fsrs::Grade;
use crate::domain::own::{self, UserDeck};
use crate::domain::progress::{Change, Confusion, Progress, Review, ReviewKey, Settings, Source};
use crate::domain::schedule::Now;
use crate::domain::search::SearchIndex;
use crate::platform;
use crate::platform::split::{split, NotLoaded};
pub use crate::storage::format::Backup;
use crate::storage::format::KEY;
use crate::storage::layout::{self, Dirty};
use crate::storage::local::{self, MemoryOnly, OtherTabs, StorageNotice, Store};

/// A message for the user about their data, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub text: String,
    pub details: Vec<String>,
    /// A stored original the user can download (its storage key).
    pub download_key: Option<String>,
}

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

/// A bundled deck's bytes: its file next to the app's. Without the `split` feature
/// (wasm-bindgen tests, whose runner serves no such files) the bytes are embedded.
async fn deck_bytes(
    index: usize,
    info: &'static content::BundledDeck,
) -> Result<Vec<u8>, NotLoaded> {
    #[cfg(feature = "split")]
    {
        let _ = index;
        platform::fetch::bytes(&format!("./{}", info.file)).await
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

    /// Whether the stored progress has been read (reactive).
    pub fn is_ready(&self) -> bool {
        self.opened.get()
    }

    /// Reads the stored progress (with a notice for anything wrong with it) and starts
    /// following other tabs' writes. Once only.
    fn open(self) {
        if self.opened.get_untracked() {
            return;
        }
        let opened = Store::open(now().ms);
        self.progress.set(opened.progress);
        self.store.set_value(Some(opened.store));
        for notice in opened.notices {
            self.notify(notice);
        }
        self.follow(&Change::everything());
        self.show_own(&opened.decks);
        let listener = OtherTabs::listen(
            move |part, theirs| {
                self.change(|p| p.merge(&theirs));
                // A write of ours that the other tab's write lost (both read the part before
                // either wrote it) goes back now, not at this tab's next save.
                if self
                    .progress
                    .with_untracked(|ours| layout::lacks(part, &theirs, ours))
                {
                    self.pending.update_value(|d| d.part(part));
                    self.save();
                }
            },
            move |list| {
                self.show_own(&list);
                self.store.update_value(|s| {
                    if let Some(s) = s.as_mut() {
                        s.heard_decks(list)
                    }
                });
            },
        );
        self.listener.set_value(listener);
        local::check_persisted(move |granted| self.persisted.set(Some(granted)));
        self.opened.set(true);
    }

    /// The user's own decks in the library (read with the stored progress), in the order
    /// added, after the bundled ones.
    pub fn own_decks(&self) -> Vec<&'static Deck> {
        self.library.with(user_decks)
    }

    /// Puts `list` in the library as the user's decks, after the bundled ones, and
    /// rebuilds the search; a deck that did not change stays the one screens hold.
    fn show_own(&self, list: &[UserDeck]) {
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
    fn own_list(&self) -> Vec<UserDeck> {
        self.store
            .with_value(|s| s.as_ref().map(|s| s.decks().to_vec()).unwrap_or_default())
    }

    /// Holds and writes `list` as the user's decks (kept in memory, with a notice, if it
    /// cannot be written), and shows it.
    fn set_own(&self, list: Vec<UserDeck>) {
        self.show_own(&list);
        let mut notice = None;
        self.store
            .update_value(|s| notice = s.as_mut().and_then(|s| s.set_decks(list)));
        if let Some(n) = notice {
            let text = match &n {
                StorageNotice::DecksNotSaved(why) => decks_not_saved(why),
                _ => String::new(),
            };
            // Once: not again on every change while storage stays full.
            if self
                .notices
                .with_untracked(|list| list.iter().all(|x| x.text != text))
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

    /// What studying needs from the progress record: every card's scheduling state, the
    /// scheduler, and the day counts. Kept in step with each change (see `domain::derive`),
    /// so a grade costs the same however long the history.
    ///
    /// Made on first use, not at start-up: only the study screens need it, so its code
    /// (FSRS, the replay) is not in the first download (see `ui::lazy`). The signal belongs
    /// to the app's owner, not to the screen that happened to ask first.
    pub fn study(&self) -> ReadSignal<Derived> {
        if let Some(derived) = self.derived.get_value() {
            return derived.read_only();
        }
        let derived = self.owner.with_value(|owner| {
            owner.with(|| RwSignal::new(self.progress.with_untracked(Derived::new)))
        });
        self.derived.set_value(Some(derived));
        derived.read_only()
    }

    /// Changes the progress record, and what is derived from it with it; the next save
    /// writes what changed.
    fn change(&self, f: impl FnOnce(&mut Progress) -> Change) {
        let mut change = Change::default();
        self.progress.update(|p| change = f(p));
        self.pending.update_value(|d| d.note(&change));
        self.follow(&change);
    }

    /// Brings what is derived from progress in step with `change`, if it exists yet. The
    /// screens that read it re-render only if something changed (a save that merged
    /// nothing changes nothing).
    fn follow(&self, change: &Change) {
        if let Some(derived) = self.derived.get_value() {
            self.progress
                .with_untracked(|p| derived.maybe_update(|d| d.update(p, change)));
        }
    }

    /// Grades a card, saves, and returns the review's key (for undo).
    pub fn grade(&self, card: &str, grade: Grade, source: Source, now: Now) -> ReviewKey {
        self.record(card, grade, source, None, now)
    }

    /// Records a review and, for a wrong answer in a game, which side was mistaken for
    /// which; saves once. After the very first review, asks the browser to keep the data.
    pub fn record(
        &self,
        card: &str,
        grade: Grade,
        source: Source,
        confusion: Option<Confusion>,
        now: Now,
    ) -> ReviewKey {
        let review = Review {
            card: card.to_string(),
            at: now.ms,
            day: now.day,
            grade,
            source,
        };
        let key = review.key();
        let first = self.progress.with_untracked(|p| p.total_reviews() == 0);
        self.pending
            .update_value(|d| d.confusions(confusion.as_ref()));
        self.change(|p| {
            let mut change = p.insert(review);
            p.confusions.extend(confusion);
            change.and(p.compact(&p.settings.scheduler()));
            change
        });
        self.save();
        if first && self.persisted.get_untracked() != Some(true) {
            let persisted = self.persisted;
            local::request_persistence(move |granted| persisted.set(Some(granted)));
        }
        key
    }

    /// Takes back a review.
    pub fn undo(&self, key: &ReviewKey) {
        self.change(|p| p.undo(key));
        self.save();
    }

    /// Changes the settings and saves.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        let (ms, _) = platform::clock::now();
        // A new scheduler derives every card again (`Derived::update` sees it).
        self.change(|p| {
            change(&mut p.settings);
            p.settings.updated_ms = ms;
            Change::default()
        });
        self.pending.update_value(|d| d.head = true);
        self.save();
    }

    /// Changes progress in some other way (records, confusions; not the reviews) and saves.
    pub fn update(&self, change: impl FnOnce(&mut Progress)) {
        let pending = self.pending;
        self.progress.update(|p| {
            let known = p.confusions.len();
            change(p);
            pending.update_value(|d| {
                d.head = true;
                d.confusions(p.confusions.get(known..).unwrap_or_default());
            });
        });
        self.save();
    }

    /// Writes progress, merging what other tabs stored since (which may add to it).
    fn save(&self) {
        let dirty = self
            .pending
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut merged = Change::default();
        self.write(|store| {
            let mut notice = None;
            self.progress
                .update(|p| (notice, merged) = store.save(p, &dirty));
            notice
        });
        self.follow(&merged);
    }

    /// Writes progress as it is, over what is stored (a reset, an import that replaces).
    fn replace_stored(&self) {
        self.pending.set_value(Dirty::default());
        self.write(|store| self.progress.with_untracked(|p| store.replace(p)));
    }

    /// The one way to the store; what it reports becomes a notice.
    fn write(&self, op: impl FnOnce(&mut Store) -> Option<StorageNotice>) {
        debug_assert!(
            self.opened.get_untracked(),
            "wrote before the stored progress was read"
        );
        let mut notice = None;
        self.store
            .update_value(|store| notice = store.as_mut().and_then(op));
        if let Some(n) = notice {
            self.notify(n);
        }
    }

    /// Offers all progress, and the user's decks, as a JSON file, and remembers when.
    pub fn export(&self) {
        let now = now();
        self.progress.update(|p| p.last_export_ms = now.ms);
        self.pending.update_value(|d| d.head = true);
        self.save();
        let decks = self.own_list();
        let text = self
            .progress
            .with_untracked(|p| crate::storage::format::encode_backup(p, &decks));
        let name = format!(
            "diffdeck-progress-{}.json",
            crate::domain::calendar::iso(now.day)
        );
        platform::download::download_text(&name, &text, "application/json");
    }

    /// Reads a backup file (see `storage::format::read_backup`): its progress, decks and
    /// warnings, or why it cannot be imported.
    pub fn read_backup(text: &str) -> Result<Backup, Vec<String>> {
        crate::storage::format::read_backup(text)
    }

    /// Brings in an imported backup: its progress merged with the current one, or replacing
    /// it; its decks added, a deck already here replaced by the backup's version when
    /// replacing, or by the newer one when merging (`own::merge`: none is removed).
    pub fn import(&self, backup: Backup, merge: bool) {
        let Backup {
            progress: imported,
            decks,
            ..
        } = backup;
        if !decks.is_empty() {
            self.set_own(own::merge(self.own_list(), decks, !merge));
        }
        if merge {
            self.change(|p| p.merge(&imported));
            self.pending.update_value(|d| d.all = true);
            self.save();
        } else {
            self.progress.set(imported);
            self.follow(&Change::everything());
            self.replace_stored();
        }
    }

    /// Clears all progress but the settings; [`Self::undo_reset`] brings it back until the
    /// tab closes. Other open tabs follow both (see `Progress::reset`).
    pub fn reset(&self) {
        let mut before = None;
        self.progress.update(|p| before = Some(p.reset(now().ms)));
        self.follow(&Change::everything());
        self.before_reset.set(before);
        self.replace_stored();
    }

    pub fn undo_reset(&self) {
        if let Some(before) = self.before_reset.get_untracked() {
            self.before_reset.set(None);
            self.progress.update(|p| p.undo_reset(before, now().ms));
            self.follow(&Change::everything());
            self.replace_stored();
        }
    }

    pub fn is_persistent(&self) -> bool {
        self.store
            .with_value(|store| store.as_ref().is_some_and(Store::is_persistent))
    }

    fn notify(&self, notice: StorageNotice) {
        let (text, details, download_key) = match notice {
            StorageNotice::Recovered {
                problems,
                backup_key,
            } => (
                "Some of your saved progress could not be read. Everything that could be read was kept, and the original data is saved: download it to keep a copy.".to_string(),
                problems,
                Some(backup_key),
            ),
            StorageNotice::DecksRecovered {
                problems,
                backup_key,
            } => (
                "Some of your own decks could not be read. The others were kept, and the original data is saved: download it to keep a copy.".to_string(),
                problems,
                Some(backup_key),
            ),
            StorageNotice::DecksNotSaved(why) => (decks_not_saved(&why), Vec::new(), None),
            StorageNotice::MemoryOnly(why) => (
                match why {
                    MemoryOnly::Unavailable => "This browser does not let diffdeck save data (private browsing?). Your progress is kept only until this tab closes.",
                    MemoryOnly::Full => "Your browser's storage is full. Progress from now on is kept only until this tab closes.",
                    MemoryOnly::KeepingOriginal => "Your saved data was left untouched because there is no room to copy it aside. Progress from now on is kept only until this tab closes.",
                }
                .to_string(),
                Vec::new(),
                None,
            ),
        };
        self.notices.update(|list| {
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice {
                id,
                text,
                details,
                download_key,
            });
        });
    }

    pub fn dismiss(&self, id: u32) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    /// Offers the stored original under `key` as a file.
    pub fn download_original(&self, key: &str) {
        let text = Store::raw(key).unwrap_or_default();
        let name = if key == KEY {
            "diffdeck-progress-original.json".to_string()
        } else if key.starts_with(crate::storage::decks::DECKS_BACKUP_PREFIX) {
            format!(
                "diffdeck-decks-{}.json",
                key.rsplit(':').next().unwrap_or("backup")
            )
        } else {
            format!(
                "diffdeck-progress-{}.json",
                key.rsplit(':').next().unwrap_or("backup")
            )
        };
        platform::download::download_text(&name, &text, "application/json");
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

/// What the user is told when their decks cannot be written.
fn decks_not_saved(why: &MemoryOnly) -> String {
    match why {
        MemoryOnly::Unavailable => "This browser does not let diffdeck save data, so your own decks are kept only until this tab closes. Export them as Markdown to keep them.",
        MemoryOnly::Full => "Your browser's storage is full: the change to your decks is kept only until this tab closes. Export them as Markdown to keep them, or remove one.",
        MemoryOnly::KeepingOriginal => "Your saved decks were left untouched because there is no room to copy them aside: changes to your decks are kept only until this tab closes.",
    }
    .to_string()
}

split! {
    /// The storage code, in its own wasm part.
    fn open_storage(app: AppState) -> () {
        app.open()
    }
}
