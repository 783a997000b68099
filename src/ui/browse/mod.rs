//! Browse: one deck at a time as a reference (`#/` for the first, `#/d/<id>` for the
//! others), with a switch between decks, filtered as you type (matches in the other decks
//! are listed below), and one comparison on its own page (`#/c/<id>`).

mod detail;

pub use detail::ComparisonScreen;

use std::collections::HashSet;

use leptos::prelude::*;

use super::lazy::CouldNotLoad;
use super::shell::NotFound;
use super::BrowseState;
use crate::content::{self, BundledDeck};
use crate::domain::deck::{Comparison, Deck};
use crate::domain::own::is_user_deck;
use crate::platform::document::{self as doc, set_title};
use crate::route::Route;
use crate::state::AppState;
use crate::view::comparison::Title;
use crate::view::page::{
    deck_summary, start_here, DeckEntry, DeckSwitch, DeckTitle, PhaseSection, SearchBox, START_LEAD,
};
use crate::view::rich::Emoji;
use crate::view::{short_title, Links};

/// Every bundled deck, known before it arrives.
fn deck_entries() -> Vec<DeckEntry> {
    content::FETCHED
        .iter()
        .map(|d: &BundledDeck| DeckEntry {
            id: d.id,
            title: d.title,
            emoji: d.emoji,
            comparisons: d.comparisons,
        })
        .collect()
}

#[component]
pub fn BrowseScreen(
    /// The deck to show; `None`: the first.
    #[prop(optional)]
    deck: Option<String>,
) -> impl IntoView {
    let app: AppState = expect_context();
    let first: &'static Deck = app.library.with_untracked(|l| l.decks[0]);
    let id = deck.unwrap_or_else(|| first.id.clone());
    app.show_deck(&id);
    // The bundled decks, then the user's own (known once the stored data is read).
    let entries = Memo::new(move |_| {
        let mut out = deck_entries();
        out.extend(app.own_decks().into_iter().map(DeckEntry::of));
        out
    });
    let held = {
        let id = id.clone();
        Memo::new(move |_| app.library.with(|l| l.deck(&id).is_some()))
    };
    let load = move || {
        leptos::task::spawn_local(async move {
            let _ = app.load_decks().await;
        })
    };
    if !held.get_untracked() {
        // The static paint shows another deck: no need to wait for this one to replace it.
        doc::take_over_soon();
        if is_user_deck(&id) {
            app.start();
        } else {
            load();
        }
    }
    let body = move || {
        let entries = entries.get();
        let Some(entry) = entries.iter().copied().find(|e| e.id == id) else {
            // A user's deck is known once the stored data is read; any other, never.
            if is_user_deck(&id) && !app.is_ready() {
                return view! { <p class="stand-in__status" role="status">"Loading the deck…"</p> }
                    .into_any();
            }
            return view! { <NotFound /> }.into_any();
        };
        let switch =
            view! { <DeckSwitch entries=entries.clone() current=entry.id links=Links::App /> };
        if held.get() {
            let deck = app.library.with_untracked(|l| l.deck(&id)).expect("held");
            view! { <DeckView deck=deck switch=switch /> }.into_any()
        } else {
            // Still arriving, or offline before it was ever cached (then: try again).
            let failed = move || app.decks_failed.get();
            view! {
                <DeckTitle emoji=entry.emoji title=entry.title />
                {switch}
                {move || {
                    if failed() {
                        view! { <CouldNotLoad what="This deck" kind="deck" on_retry=Callback::new(move |_| load()) /> }
                            .into_any()
                    } else {
                        view! { <p class="stand-in__status" role="status">"Loading the deck…"</p> }.into_any()
                    }
                }}
            }
            .into_any()
        }
    };
    view! { <div class="browse">{body}</div> }.into_any()
}

/// One deck: its title, search, and its phases.
#[component]
fn DeckView(deck: &'static Deck, switch: impl IntoView + 'static) -> impl IntoView {
    let app: AppState = expect_context();
    let BrowseState {
        query,
        phases_shown,
    } = expect_context();
    let home = app
        .library
        .with_untracked(|l| std::ptr::eq(l.decks[0], deck));
    if home {
        set_title("diffdeck — Docker differences, side by side");
    } else {
        set_title(&format!("{} — diffdeck", short_title(&deck.title)));
    }

    let total = deck.comparisons().count();
    let matching = Memo::new(move |_| {
        let index = app.search.get();
        query.with(|q| {
            index
                .matching(q)
                .map(String::from)
                .collect::<HashSet<String>>()
        })
    });
    let own: HashSet<&'static str> = deck.comparisons().map(|c| c.id.as_str()).collect();
    let shown = {
        let own = own.clone();
        move || matching.with(|m| own.iter().filter(|id| m.contains(**id)).count())
    };
    // Matches in the other decks, while a search is on.
    let elsewhere = move || {
        if query.with(|q| q.trim().is_empty()) {
            return Vec::new();
        }
        let library = app.library.get();
        matching.with(|m| {
            library
                .decks
                .iter()
                .filter(|d| d.id != deck.id)
                .map(|d| {
                    let hits: Vec<&'static Comparison> =
                        d.comparisons().filter(|c| m.contains(&c.id)).collect();
                    (*d, hits)
                })
                .filter(|(_, hits)| !hits.is_empty())
                .collect::<Vec<_>>()
        })
    };
    let summary = {
        let shown = shown.clone();
        move || {
            let n = shown();
            let q = query.get();
            let e = elsewhere();
            let hits: usize = e.iter().map(|(_, h)| h.len()).sum();
            let more = match e.as_slice() {
                [] => String::new(),
                [(d, _)] => format!(" · {hits} more in {}", short_title(&d.title)),
                _ => format!(" · {hits} more in other decks"),
            };
            match (q.trim().is_empty(), n) {
                (true, _) => deck_summary(deck),
                (false, 0) => format!("No comparison in this deck matches “{}”{more}", q.trim()),
                (false, 1) => format!("1 of {total} comparisons matches{more}"),
                (false, n) => format!("{n} of {total} comparisons match{more}"),
            }
        }
    };

    // At start-up, one phase per task after the title and search: a slow phone stays
    // responsive while the deck is built, top first (nothing above a new phase moves).
    let count = deck.phases.len();
    if phases_shown.get_untracked() < count {
        fn next(shown: RwSignal<usize>, count: usize) {
            set_timeout(
                move || {
                    shown.update(|n| *n += 1);
                    if shown.get_untracked() < count {
                        next(shown, count);
                    } else {
                        doc::take_over_soon();
                    }
                },
                std::time::Duration::ZERO,
            );
        }
        next(phases_shown, count);
    }

    let phases = deck
        .phases
        .iter()
        .enumerate()
        .map(|(i, phase)| {
            let built = Memo::new(move |_| phases_shown.get() > i);
            move || {
                built
                    .get()
                    .then(|| view! { <PhaseSection phase=phase links=Links::App shown=matching /> })
            }
        })
        .collect_view();

    let other_decks = move || {
        let e = elsewhere();
        (!e.is_empty()).then(|| {
                let groups = e
                    .iter()
                    .map(|(d, hits)| {
                        let heading = format!("In {}", short_title(&d.title));
                        view! {
                            <h2 class="phase__title">
                                <Emoji emoji=d.emoji.as_str() />
                                <span class="phase__name">{heading}</span>
                            </h2>
                            <ul class="elsewhere__list" role="list">
                                {hits
                                    .iter()
                                    .map(|c| {
                                        view! {
                                            <li>
                                                <a class="elsewhere__link" href=Route::Comparison(c.id.clone()).href()>
                                                    <Title comparison=c />
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })
                    .collect_view();
                view! { <section class="elsewhere" aria-label="Matches in other decks">{groups}</section> }
        })
    };

    // For a learner who comes back, what is due here rather than what diffdeck is (in
    // place: the page does not move when the stored progress has been read).
    let lead = move || {
        let due = app
            .due
            .get()
            .and_then(|memo| memo.with(|d| d.get(deck.id.as_str()).copied()));
        match due {
            None => START_LEAD.to_string(),
            Some(0) => "Welcome back. Nothing in this deck is due for review now.".to_string(),
            Some(1) => "Welcome back. 1 card of this deck is due for review.".to_string(),
            Some(n) => format!("Welcome back. {n} cards of this deck are due for review."),
        }
    };

    // (<Show> would do, but its code would be in the first download for two uses.)
    let none = Memo::new(move |_| shown() == 0);
    view! {
        <DeckTitle emoji=deck.emoji.as_str() title=deck.title.as_str() />
        {start_here(deck.id.as_str(), Links::App, lead)}
        {switch}
        <SearchBox query=query summary=Signal::derive(summary) />
        {phases}
        {move || {
            none.get()
                .then(|| {
                    view! {
                        <div class="empty">
                            <p>"Try fewer or shorter words, or "</p>
                            <button class="button" type="button" on:click=move |_| query.set(String::new())>
                                "clear the search"
                            </button>
                        </div>
                    }
                })
        }}
        {other_decks}
    }
}
