//! localStorage, the browser side of `storage`. Reads once at start-up, writes after every
//! change, and never loses what it found: unreadable data is copied to a backup key before
//! anything is written over it, and if it cannot be copied it is left where it is and the
//! app works in memory. Other tabs' writes arrive through `storage` events.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::format::{decode, encode, Problem, BACKUP_PREFIX, KEY};
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
}

/// The browser's storage for the progress record, or none.
pub struct Store {
    storage: Option<web_sys::Storage>,
    /// What this tab last wrote: when the stored text is still that, no other tab wrote
    /// since, and saving need not read it back.
    last_written: Option<String>,
}

/// What [`Store::open`] found.
pub struct Opened {
    pub store: Store,
    pub progress: Progress,
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

impl Store {
    /// Opens the store and reads the progress. `now_ms` names the backup key if one is
    /// needed.
    pub fn open(now_ms: i64) -> Opened {
        let Some(storage) = local_storage() else {
            return Opened {
                store: Store {
                    storage: None,
                    last_written: None,
                },
                progress: Progress::default(),
                notices: vec![StorageNotice::MemoryOnly(MemoryOnly::Unavailable)],
            };
        };
        let Some(text) = storage.get_item(KEY).ok().flatten() else {
            return Opened {
                store: Store {
                    storage: Some(storage),
                    last_written: None,
                },
                progress: Progress::default(),
                notices: Vec::new(),
            };
        };
        let decoded = decode(&text);
        if decoded.problems.is_empty() {
            return Opened {
                store: Store {
                    storage: Some(storage),
                    last_written: None,
                },
                progress: decoded.progress,
                notices: Vec::new(),
            };
        }
        let problems = problems_text(&decoded.problems);
        let backup_key = format!("{BACKUP_PREFIX}{now_ms}");
        if storage.set_item(&backup_key, &text).is_ok() {
            Opened {
                store: Store {
                    storage: Some(storage),
                    last_written: None,
                },
                progress: decoded.progress,
                notices: vec![StorageNotice::Recovered {
                    problems,
                    backup_key,
                }],
            }
        } else {
            // No room for a copy: leave the original in place and write nothing.
            Opened {
                store: Store {
                    storage: None,
                    last_written: None,
                },
                progress: decoded.progress,
                notices: vec![
                    StorageNotice::Recovered {
                        problems,
                        backup_key: KEY.to_string(),
                    },
                    StorageNotice::MemoryOnly(MemoryOnly::KeepingOriginal),
                ],
            }
        }
    }

    /// A store that keeps nothing (storage unavailable, or for tests).
    pub fn memory() -> Store {
        Store {
            storage: None,
            last_written: None,
        }
    }

    pub fn is_persistent(&self) -> bool {
        self.storage.is_some()
    }

    /// Merges what another tab may have written since, then writes `progress`. Returns
    /// what the merge changed. On a failed write the store switches to memory and says
    /// why, once.
    pub fn save(&mut self, progress: &mut Progress) -> (Option<StorageNotice>, Change) {
        let Some(storage) = self.storage.as_ref() else {
            return (None, Change::default());
        };
        let mut change = Change::default();
        if let Some(text) = storage.get_item(KEY).ok().flatten() {
            if self.last_written.as_ref() != Some(&text) {
                let theirs = decode(&text);
                if theirs.problems.is_empty() {
                    change = progress.merge(&theirs.progress);
                }
            }
        }
        (self.write(progress), change)
    }

    fn write(&mut self, progress: &Progress) -> Option<StorageNotice> {
        let storage = self.storage.as_ref()?;
        let text = encode(progress);
        match storage.set_item(KEY, &text) {
            Ok(()) => {
                self.last_written = Some(text);
                None
            }
            Err(_) => {
                self.storage = None;
                Some(StorageNotice::MemoryOnly(MemoryOnly::Full))
            }
        }
    }

    /// Writes `progress` over what is stored, without merging (a reset, or an import that
    /// replaces). Like [`Self::save`], a failed write switches to memory.
    pub fn replace(&mut self, progress: &Progress) -> Option<StorageNotice> {
        self.write(progress)
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

/// Calls `on_change` with the progress another tab wrote. Dropping the guard stops
/// listening.
pub struct OtherTabs {
    closure: Closure<dyn FnMut(web_sys::StorageEvent)>,
}

impl OtherTabs {
    pub fn listen(on_change: impl Fn(Progress) + 'static) -> Option<OtherTabs> {
        let closure =
            Closure::<dyn FnMut(web_sys::StorageEvent)>::new(move |ev: web_sys::StorageEvent| {
                if ev.key().as_deref() != Some(KEY) {
                    return;
                }
                if let Some(text) = ev.new_value() {
                    let decoded = decode(&text);
                    if decoded.problems.is_empty() {
                        on_change(decoded.progress);
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
