//! localStorage, the browser side of `storage`. Reads once at start-up, writes after every
//! change, and never loses what it found: unreadable data is copied to a backup key before
//! anything is written over it, and if it cannot be copied it is left where it is and the
//! app works in memory. Other tabs' writes arrive through `storage` events.
//!
//! The record is spread over keys (see [`super::layout`]): a save writes only the parts
//! that changed, each after merging what another tab may have written to it since.

use std::collections::{BTreeMap, BTreeSet};

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::decks::{self, DECKS_BACKUP_PREFIX, DECKS_KEY};
use super::format::{decode, Problem, BACKUP_PREFIX, KEY};
use super::layout::{self, Dirty, Part, DAY_PREFIX, HISTORY_KEY};
use crate::domain::own::UserDeck;
use crate::domain::progress::{Change, Progress};

/// Why progress is not being written to the browser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MemoryOnly {
    /// No localStorage (blocked, private mode, a security error).
    Unavailable,
    /// A write failed (quota).
    Full,
    /// The stored data could not be read nor copied aside; it is left untouched.
    KeepingOriginal,
}

/// Something the user should know about their stored progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Stored data had problems; the original text is kept under `backup_key`.
    Recovered {
        problems: Vec<String>,
        backup_key: String,
    },
    /// Progress is only kept in memory from now on.
    MemoryOnly(MemoryOnly),
    /// Stored decks had problems; the original text is kept under `backup_key`.
    DecksRecovered {
        problems: Vec<String>,
        backup_key: String,
    },
    /// The user's decks could not be written; they are kept until the tab closes.
    DecksNotSaved(MemoryOnly),
}

/// The browser's storage for the progress record, or none.
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// The text this tab last read or wrote under each key: a key that still holds it was
    /// not written by another tab since, and saving need not read it back.
    known: BTreeMap<String, String>,
    /// The head still holds reviews (a version-1 record): the next save spreads them over
    /// day parts, and writes those before the head that no longer holds them.
    spread: bool,
    /// Parts whose stored text could not be read (a copy is kept aside): the next save
    /// writes them afresh, so the same notice does not come back on every start.
    repair: Vec<Part>,
    /// The user's own decks ([`decks`]), as stored or as last written.
    decks: Vec<UserDeck>,
    /// Why the decks are not written, if they are not (see [`open_decks`]).
    decks_memory: Option<MemoryOnly>,
}

/// What [`Store::open`] found.
pub struct Opened {
    pub store: Store,
    pub progress: Progress,
    /// The user's own decks.
    pub decks: Vec<UserDeck>,
    pub notices: Vec<StorageNotice>,
}

fn local_storage() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok()??;
    // Some browsers hand out a storage object that throws on every use.
    storage.get_item(KEY).ok()?;
    Some(storage)
}

fn problems_text(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

/// Every key of the record that is stored: the head, then the other parts.
fn stored_keys(storage: &web_sys::Storage) -> Vec<String> {
    let mut keys = vec![KEY.to_string(), HISTORY_KEY.to_string()];
    let n = storage.length().unwrap_or(0);
    keys.extend(
        (0..n)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(DAY_PREFIX)),
    );
    keys
}

/// The backup key (under `prefix`) that already holds `text`, if any.
fn kept_copy(storage: &web_sys::Storage, prefix: &str, text: &str) -> Option<String> {
    let n = storage.length().unwrap_or(0);
    (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(prefix))
        .find(|k| storage.get_item(k).ok().flatten().as_deref() == Some(text))
}

impl Store {
    /// Opens the store and reads the progress. `now_ms` names the backup keys if any are
    /// needed.
    pub fn open(now_ms: i64) -> Opened {
        let Some(storage) = local_storage() else {
            return Opened {
                store: Store::memory(),
                progress: Progress::default(),
                decks: Vec::new(),
                notices: vec![StorageNotice::MemoryOnly(MemoryOnly::Unavailable)],
            };
        };
        let mut known = BTreeMap::new();
        let mut notices = Vec::new();
        let mut keep_original = false;
        let mut repair = Vec::new();
        let mut head = Progress::default();
        let mut days = Vec::new();
        for key in stored_keys(&storage) {
            let Some(text) = storage.get_item(&key).ok().flatten() else {
                continue;
            };
            let decoded = decode(&text);
            if decoded.problems.is_empty() {
                known.insert(key.clone(), text);
            } else {
                // Keep the original before anything is written over it.
                let problems = problems_text(&decoded.problems);
                // Opened again before a save repaired it (a reload, a second tab): the
                // copy made then is the copy.
                let kept = kept_copy(&storage, BACKUP_PREFIX, &text);
                let backup_key = kept.clone().unwrap_or_else(|| match Part::of(&key) {
                    Some(Part::Day(day)) => format!("{BACKUP_PREFIX}{now_ms}-day{day}"),
                    Some(Part::History) => format!("{BACKUP_PREFIX}{now_ms}-history"),
                    _ => format!("{BACKUP_PREFIX}{now_ms}"),
                });
                if kept.is_some() || storage.set_item(&backup_key, &text).is_ok() {
                    repair.extend(Part::of(&key));
                    notices.push(StorageNotice::Recovered {
                        problems,
                        backup_key,
                    });
                } else {
                    // No room for a copy: leave the original in place and write nothing.
                    notices.push(StorageNotice::Recovered {
                        problems,
                        backup_key: key.clone(),
                    });
                    keep_original = true;
                }
            }
            if key == KEY {
                head = decoded.progress;
            } else {
                days.push(decoded.progress);
            }
        }
        let spread = !head.log.is_empty() || !head.confusions.is_empty() || !head.base.is_empty();
        let progress = layout::join(head, days);
        if keep_original {
            notices.push(StorageNotice::MemoryOnly(MemoryOnly::KeepingOriginal));
        }
        let (decks, decks_memory, notice) = open_decks(&storage, now_ms);
        notices.extend(notice);
        Opened {
            store: Store {
                storage: (!keep_original).then_some(storage),
                known,
                spread,
                repair,
                decks: decks.clone(),
                decks_memory,
            },
            progress,
            decks,
            notices,
        }
    }

    /// A store that keeps nothing (storage unavailable, or for tests).
    pub fn memory() -> Store {
        Store {
            storage: None,
            known: BTreeMap::new(),
            spread: false,
            repair: Vec::new(),
            decks: Vec::new(),
            decks_memory: Some(MemoryOnly::Unavailable),
        }
    }

    /// The user's own decks.
    pub fn decks(&self) -> &[UserDeck] {
        &self.decks
    }

    /// Holds `list` as the user's decks and writes it, whole (one `setItem`: all or
    /// nothing). If it cannot be written, it is kept in memory and the notice says why.
    pub fn set_decks(&mut self, list: Vec<UserDeck>) -> Option<StorageNotice> {
        self.decks = list;
        let why = match (&self.decks_memory, local_storage()) {
            (Some(why), _) => why.clone(),
            (None, None) => MemoryOnly::Unavailable,
            (None, Some(storage)) => match storage.set_item(DECKS_KEY, &decks::encode(&self.decks))
            {
                Ok(()) => return None,
                Err(_) => MemoryOnly::Full,
            },
        };
        Some(StorageNotice::DecksNotSaved(why))
    }

    /// Holds `list`, which another tab wrote, as the user's decks.
    pub fn heard_decks(&mut self, list: Vec<UserDeck>) {
        self.decks = list;
    }

    pub fn is_persistent(&self) -> bool {
        self.storage.is_some()
    }

    /// Writes the parts of `progress` that `dirty` names, each after merging what another
    /// tab may have written to it since. Returns what those merges changed. On a failed
    /// write the store switches to memory and says why, once.
    pub fn save(
        &mut self,
        progress: &mut Progress,
        dirty: &Dirty,
    ) -> (Option<StorageNotice>, Change) {
        let Some(storage) = self.storage.clone() else {
            return (None, Change::default());
        };
        let mut change = Change::default();
        let mut stored = Vec::new();
        let mut parts = dirty.parts(progress, self.spread);
        for part in &self.repair {
            if !parts.contains(part) {
                parts.push(*part);
            }
        }
        for part in parts {
            let key = part.key();
            let text = storage.get_item(&key).ok().flatten();
            if let Some(text) = &text {
                if self.known.get(&key) != Some(text) {
                    let theirs = decode(text);
                    if theirs.problems.is_empty() {
                        change.and(progress.merge(&theirs.progress));
                    }
                }
            }
            stored.push((part, key, text));
        }
        for (part, key, current) in stored {
            let text = part.encode(progress);
            if let Some(notice) = self.put(&storage, key, current, text) {
                return (Some(notice), change);
            }
        }
        self.spread = false;
        self.repair.clear();
        (None, change)
    }

    /// Stores `text` under `key` (`None`: removes it), unless `current` (what the key
    /// holds) is that already.
    fn put(
        &mut self,
        storage: &web_sys::Storage,
        key: String,
        current: Option<String>,
        text: Option<String>,
    ) -> Option<StorageNotice> {
        if current == text {
            match text {
                Some(text) => self.known.insert(key, text),
                None => self.known.remove(&key),
            };
            return None;
        }
        let written = match &text {
            Some(text) => storage.set_item(&key, text),
            None => storage.remove_item(&key),
        };
        match (written, text) {
            (Ok(()), Some(text)) => {
                self.known.insert(key, text);
                None
            }
            (Ok(()), None) => {
                self.known.remove(&key);
                None
            }
            (Err(_), _) => {
                self.storage = None;
                Some(StorageNotice::MemoryOnly(MemoryOnly::Full))
            }
        }
    }

    /// Writes `progress` over what is stored, without merging (a reset, or an import that
    /// replaces): every part, and day parts it does not have are removed. Like
    /// [`Self::save`], a failed write switches to memory.
    pub fn replace(&mut self, progress: &Progress) -> Option<StorageNotice> {
        let storage = self.storage.clone()?;
        let parts = layout::split(progress);
        let keep: BTreeSet<&str> = parts.iter().map(|(k, _)| k.as_str()).collect();
        let stale: Vec<String> = stored_keys(&storage)
            .into_iter()
            .filter(|k| !keep.contains(k.as_str()))
            .collect();
        let writes = parts
            .into_iter()
            .map(|(key, text)| (key, Some(text)))
            .chain(stale.into_iter().map(|key| (key, None)));
        for (key, text) in writes {
            let current = storage.get_item(&key).ok().flatten();
            if let Some(notice) = self.put(&storage, key, current, text) {
                return Some(notice);
            }
        }
        self.spread = false;
        None
    }

    /// The text stored under `key` (a backup, or the original), for download.
    pub fn raw(key: &str) -> Option<String> {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
}

/// Where this device notes when it last sent progress to each other device, by the name
/// the user gave it: a line `<ms> <name>` each. This device's own business: never in a
/// backup.
const SENT_KEY: &str = "diffdeck:sent";

/// When progress was last sent to each device (empty if never; a line that does not read
/// is skipped, and the next link to that device holds everything, which merges as well).
pub fn sent() -> std::collections::BTreeMap<String, i64> {
    let text = Store::raw(SENT_KEY).unwrap_or_default();
    let mut sent = std::collections::BTreeMap::new();
    let mut rest = text.as_str();
    while let Some((line, more)) = rest.split_once("\n") {
        if let Some((ms, name)) = line.split_once(" ") {
            if let Ok(ms) = ms.parse() {
                sent.insert(name.to_string(), ms);
            }
        }
        rest = more;
    }
    sent
}

/// Notes when progress was sent to each device; `false` if it cannot be stored.
pub fn set_sent(sent: &std::collections::BTreeMap<String, i64>) -> bool {
    let text: String = sent
        .iter()
        .map(|(name, ms)| format!("{ms} {name}\n"))
        .collect();
    local_storage().is_some_and(|s| s.set_item(SENT_KEY, &text).is_ok())
}

/// The user's own decks as stored ([`decks`]), why they cannot be written if they
/// cannot, and a notice if some could not be read: their original text is copied aside
/// first, and if it cannot be, the stored list is left untouched (changes stay in memory).
fn open_decks(
    storage: &web_sys::Storage,
    now_ms: i64,
) -> (Vec<UserDeck>, Option<MemoryOnly>, Option<StorageNotice>) {
    let Some(text) = storage.get_item(DECKS_KEY).ok().flatten() else {
        return (Vec::new(), None, None);
    };
    let (list, problems) = decks::decode(&text);
    if problems.is_empty() {
        return (list, None, None);
    }
    let kept = kept_copy(storage, DECKS_BACKUP_PREFIX, &text).or_else(|| {
        let key = format!("{DECKS_BACKUP_PREFIX}{now_ms}");
        storage.set_item(&key, &text).ok().map(|_| key)
    });
    match kept {
        Some(backup_key) => (
            list,
            None,
            Some(StorageNotice::DecksRecovered {
                problems,
                backup_key,
            }),
        ),
        None => (
            list,
            Some(MemoryOnly::KeepingOriginal),
            Some(StorageNotice::DecksNotSaved(MemoryOnly::KeepingOriginal)),
        ),
    }
}

/// Calls `on_change` with the part another tab wrote and what it holds (a partial record,
/// to merge). Dropping the guard stops listening.
pub struct OtherTabs {
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl OtherTabs {
    /// `on_decks` hears the user's decks when another tab writes them (and they read).
    pub fn listen(
        on_change: impl Fn(Part, Progress) + 'static,
        on_decks: impl Fn(Vec<UserDeck>) + 'static,
    ) -> Option<OtherTabs> {
        let closure =
            Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() == Some(DECKS_KEY) {
                    let (list, problems) = decks::decode(&ev.new_value().unwrap_or_default());
                    if problems.is_empty() {
                        on_decks(list);
                    }
                    return;
                }
                let Some(part) = ev.key().and_then(|k| Part::of(&k)) else {
                    return;
                };
                if let Some(text) = ev.new_value() {
                    let decoded = decode(&text);
                    if decoded.problems.is_empty() {
                        on_change(part, decoded.progress);
                    }
                }
            });
        web_sys::window()?
            .add_event_listener_with_callback("storage", closure.as_ref().unchecked_ref())
            .ok()?;
        Some(OtherTabs { closure })
    }
}

impl Drop for OtherTabs {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            let _ = window.remove_event_listener_with_callback(
                "storage",
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }
}

/// Asks the browser to keep this site's storage under pressure
/// (`navigator.storage.persist()`); calls `done` with the answer.
pub fn request_persistence(done: impl FnOnce(bool) + 'static) {
    ask_storage_manager(web_sys::StorageManager::persist, done);
}

/// Whether the browser already granted persistent storage.
pub fn check_persisted(done: impl FnOnce(bool) + 'static) {
    ask_storage_manager(web_sys::StorageManager::persisted, done);
}

/// Calls a `navigator.storage` method that answers a boolean promise.
fn ask_storage_manager(
    method: fn(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
    done: impl FnOnce(bool) + 'static,
) {
    let Some(manager) = web_sys::window().map(|w| w.navigator().storage()) else {
        return;
    };
    let Ok(promise) = method(&manager) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let answer = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(answer.ok().and_then(|v| v.as_bool()).unwrap_or(false));
    });
}
