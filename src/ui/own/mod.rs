//! Your decks (`#/decks`): add a deck from a Markdown file or pasted text, checked by the
//! same parser as the build (the deck reader, loaded on first use), with its faults by
//! line or a preview before anything is stored; open a deck shared as a link (`#/add/…`)
//! the same way; rename a deck, export it back to Markdown, share it as a link, remove it
//! (with undo).
//!
//! `add.rs` (reading a file, pasted text or a link, with its faults or preview),
//! `list.rs` (the user's decks and what can be done to each), `guide.rs` (the format),
//! `deck_reader.rs` (the calls to the deck reader).

mod add;
pub(crate) mod deck_reader;
mod guide;
mod list;

use leptos::prelude::*;

use super::shell::SCREEN_TITLE;
use crate::domain::deck::Deck;
use crate::domain::own::UserDeck;
use crate::platform::document::set_title;
use add::AddDeck;
use diffdeck_content::Fault;
use guide::Guide;
use list::OwnDecks;

/// Where the check's answer shows (and focus goes).
pub(super) const RESULT: &str = "deck-result";

/// What just happened on the screen (one signal for all of it: every signal type is
/// code in the first download, see ARCHITECTURE.md).
#[derive(Clone)]
pub(super) enum Step {
    Idle,
    Reading,
    Checked(Checked),
    Added {
        id: String,
        title: String,
    },
    /// A deck removed, and its place, until undone or something else happens.
    Removed {
        at: usize,
        deck: UserDeck,
    },
    /// A deck's title being changed; why the last try was refused, if it was.
    Renaming {
        id: String,
        error: Option<String>,
    },
    Renamed {
        title: String,
    },
    /// A deck's link: made (and copied to the clipboard, or not), or why it cannot be.
    Shared {
        id: String,
        link: Result<String, String>,
        copied: bool,
    },
}

/// What the last check found.
#[derive(Clone)]
pub(super) enum Checked {
    /// A deck, ready to add.
    Deck(Deck),
    /// Its faults, each with the text of its line.
    Faults(Vec<(Fault, String)>),
    /// A shared link that holds no deck: why.
    BadLink(String),
    /// The reader itself could not be loaded (offline before it was saved).
    NoReader,
}

/// The screen; `link` is what follows `#/add/` when it opens a shared deck.
#[component]
pub fn DecksScreen(#[prop(optional)] link: Option<String>) -> impl IntoView {
    set_title("Your decks — diffdeck");
    let step = RwSignal::new(Step::Idle);
    view! {
        <section class="own" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">"Your decks"</h1>
            <p class="check__hint">
                "Bring your own “A vs B” cheat sheet, in Markdown, and study it like the Docker decks. It stays in this browser; nothing is sent anywhere."
            </p>
            <AddDeck step=step link=link />
            <OwnDecks step=step />
            <Guide />
        </section>
    }
}
