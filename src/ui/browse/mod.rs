//! Browse: one deck at a time as a reference (`#/` for the first, `#/d/<id>` for the
//! others), with a switch between decks, filtered as you type (matches in the other decks
//! are listed below), and one comparison on its own page (`#/c/<id>`).

mod detail;

pub use detail::ComparisonScreen;

use std::collections::HashSet;

use leptos::prelude::*;

use super::lazy::CouldNotLoad;
use super::shell::{NotFound, SCREEN_TITLE};
use super::BrowseState;
use crate::content::{self, BundledDeck};
use crate::domain::deck::{Comparison, Deck};
use crate::domain::own::is_user_deck;
use crate::platform::document::set_title;
use crate::route::Route;
use crate::state::AppState;
use crate::view::comparison::{ComparisonCard, Title};
use crate::view::page::PhaseTitle;
use crate::view::rich::Emoji;
use crate::view::{short_title, Links};

/// A deck as the switch lists it, whether it has arrived or not.
#[derive(Clone, Copy, PartialEq, Eq)]
struct DeckEntry {
    id: &'static str,
    title: &'static str,
    emoji: &'static str,
    comparisons: usize,
}

/// Every bundled deck: the embedded one, then the fetched ones (known before they arrive).
fn deck_entries(first: &'static Deck) -> Vec<DeckEntry> {
    let mut out = vec![DeckEntry {
        id: first.id.as_str(),
        title: first.title.as_str(),
        emoji: first.emoji.as_str(),
        comparisons: first.comparisons().count(),
    }];
    out.extend(content::FETCHED.iter().map(|d: &BundledDeck| DeckEntry {
        id: d.id,
        title: d.title,
        emoji: d.emoji,
        comparisons: d.comparisons,
    }));
    out
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
    // The bundled decks, then the user's own (known once the stored data is read).
    let entries = Memo::new(move |_| {
        let mut out = deck_entries(first);
        out.extend(app.own_decks().into_iter().map(|d| DeckEntry {
            id: d.id.as_str(),
            title: d.title.as_str(),
            emoji: d.emoji.as_str(),
            comparisons: d.comparisons().count(),
        }));
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
        let switch = view! { <DeckSwitch entries=entries.clone() current=entry.id /> };
        if held.get() {
            let deck = app.library.with_untracked(|l| l.deck(&id)).expect("held");
            view! { <DeckView deck=deck switch=switch /> }.into_any()
        } else {
            // Still arriving, or offline before it was ever cached (then: try again).
            let failed = move || app.decks_failed.get();
            view! {
                <div class="browse__intro">
                    <h1 id=SCREEN_TITLE tabindex="-1" class="browse__title">
                        <Emoji emoji=entry.emoji />
                        {entry.title}
                    </h1>
                </div>
                {switch}
                <Show
                    when=failed
                    fallback=|| view! { <p class="stand-in__status" role="status">"Loading the deck…"</p> }
                >
                    <CouldNotLoad what="This deck" kind="deck" on_retry=Callback::new(move |_| load()) />
                </Show>
            }
            .into_any()
        }
    };
    view! { <div class="browse">{body}</div> }.into_any()
}

/// The decks as links, the current one marked: an obvious switch. The bundled decks, the
/// user's own, then the way to add one.
#[component]
fn DeckSwitch(entries: Vec<DeckEntry>, current: &'static str) -> impl IntoView {
    let first = entries.first().map(|e| e.id);
    view! {
        <nav class="decks" aria-label="Decks">
            <ul class="decks__list" role="list">
                {entries
                    .into_iter()
                    .map(|e| {
                        let href = Links::App.deck(e.id, Some(e.id) == first);
                        view! {
                            <li>
                                <a class="decks__link" href=href aria-current=(e.id == current).then_some("page")>
                                    <Emoji emoji=e.emoji />
                                    <span class="decks__name">{short_title(e.title)}</span>
                                    <span class="decks__count">{format!("{} comparisons", e.comparisons)}</span>
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
                <li>
                    <a class="decks__link decks__link--own" href=Route::Decks.href()>
                        <span class="decks__name">"Your decks"</span>
                        <span class="decks__count">"Add your own"</span>
                    </a>
                </li>
            </ul>
        </nav>
    }
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
                (true, _) => match deck.phases.len() {
                    1 => format!("{total} comparisons in 1 phase"),
                    n => format!("{total} comparisons in {n} phases"),
                },
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
                built.get().then(|| {
                    let ids: Vec<&'static str> =
                        phase.comparisons.iter().map(|c| c.id.as_str()).collect();
                    let phase_hidden =
                        move || matching.with(|m| !ids.iter().any(|id| m.contains(*id)));
                    let heading_id = format!("phase-{}", phase.number);
                    let labelledby = heading_id.clone();
                    view! {
                        <section class="phase" aria-labelledby=labelledby hidden=phase_hidden>
                            <h2 class="phase__title" id=heading_id>
                                <PhaseTitle phase=phase />
                            </h2>
                            <ul class="phase__list" role="list">
                                {phase
                                    .comparisons
                                    .iter()
                                    .map(|c| {
                                        let id = c.id.as_str();
                                        view! {
                                            <li hidden=move || matching.with(|m| !m.contains(id))>
                                                <ComparisonCard comparison=c />
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
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

    view! {
        <div class="browse__intro">
            <h1 id=SCREEN_TITLE tabindex="-1" class="browse__title">
                <Emoji emoji=deck.emoji.as_str() />
                {deck.title.as_str()}
            </h1>
        </div>
        {switch}
        <search class="search">
            <label class="search__label" for="search-input">"Search comparisons"</label>
            <div class="search__row">
                <input
                    id="search-input"
                    class="search__input"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="volume, CMD, -p…"
                    aria-describedby="search-summary"
                    prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
            </div>
            <p id="search-summary" class="search__summary" role="status">
                {summary}
            </p>
        </search>
        {phases}
        <Show when=move || shown() == 0>
            <div class="empty">
                <p>"Try fewer or shorter words, or "</p>
                <button class="button" type="button" on:click=move |_| query.set(String::new())>
                    "clear the search"
                </button>
            </div>
        </Show>
        {other_decks}
    }
}
