//! What the user is told about their stored data (unreadable progress or decks kept
//! aside, storage missing or full), as data: the storage layer's notice, shown until
//! dismissed. The words are the notices screen's (`ui::shell`).

use leptos::prelude::*;

use super::AppState;
use crate::platform;
use crate::storage::format::KEY;
use crate::storage::local::Store;

pub use crate::storage::local::{MemoryOnly, StorageNotice};

/// A notice about the user's data, shown until dismissed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: u32,
    pub about: StorageNotice,
}

impl Notice {
    /// A stored original the user can download (its storage key).
    pub fn download_key(&self) -> Option<&str> {
        match &self.about {
            StorageNotice::Recovered { backup_key, .. }
            | StorageNotice::DecksRecovered { backup_key, .. } => Some(backup_key),
            StorageNotice::MemoryOnly(_) | StorageNotice::DecksNotSaved(_) => None,
        }
    }
}

impl AppState {
    pub(super) fn notify(&self, about: StorageNotice) {
        self.notices.update(|list| {
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice { id, about });
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
