//! A comparison's page and a deck's page as reading matter: what `#/c/<id>` shows in the
//! app and what the pre-rendered `c/<id>/` and `d/<id>/` pages hold.

use std::collections::HashSet;

use leptos::prelude::*;

use super::comparison::{ComparisonBody, ComparisonCard, Sources, Title};
use super::drill::DrillList;
use super::rich::Emoji;
use super::{short_title, Links, SCREEN_TITLE};
use crate::domain::deck::{Comparison, Deck, Phase};
use crate::route::Route;

/// A phase's heading text: "🔰 Phase 1 Basics".
#[component]
pub fn PhaseTitle(phase: &'static Phase) -> impl IntoView {
    view! {
        <Emoji emoji=phase.emoji.as_str() />
        <span class="phase__number">"Phase " {phase.number}</span>
        <span class="phase__name">{phase.title.as_str()}</span>
    }
}

/// One comparison on its own page: the way back to its deck, its phase, its sides and
/// notes, its sources, and the comparisons before and after it. `first`: its deck is the
/// first bundled deck (the app's home screen).
#[component]
pub fn ComparisonArticle(
    deck: &'static Deck,
    phase: &'static Phase,
    comparison: &'static Comparison,
    first: bool,
    links: Links,
) -> impl IntoView {
    let (previous, next) = deck.neighbours(&comparison.id);
    let pager_link = move |c: Option<&'static Comparison>, rel: &'static str| {
        c.map(|c| {
            let label = if rel == "prev" { "Previous" } else { "Next" };
            view! {
                <a class=format!("pager__link pager__link--{rel}") rel=rel href=links.comparison(&c.id)>
                    <span class="pager__hint">{label}</span>
                    <span class="pager__title">{c.title()}</span>
                </a>
            }
        })
    };
    view! {
        <article class="detail" aria-labelledby=SCREEN_TITLE>
            <p class="detail__back">
                <a href=links.deck(&deck.id, first)>{format!("← {}", short_title(&deck.title))}</a>
            </p>
            <p class="detail__phase">{Deck::phase_label(phase)}</p>
            <h1 id=SCREEN_TITLE tabindex="-1" class="detail__title">
                <Title comparison=comparison />
            </h1>
            <div class="card card--detail">
                <ComparisonBody comparison=comparison level=2 />
                <Sources sources=&comparison.sources />
            </div>
            <StudyIt comparison=comparison links=links />
            <DrillList comparison=comparison level=2 />
            <nav class="pager" aria-label="More comparisons">
                {pager_link(previous, "prev")}
                {pager_link(next, "next")}
            </nav>
        </article>
    }
}

/// Ways to study one comparison: its flashcards, its drills (where it has some), and
/// explaining it in one's own words.
#[component]
fn StudyIt(comparison: &'static Comparison, links: Links) -> impl IntoView {
    let only = vec![comparison.id.clone()];
    let flashcards = Route::Flashcards {
        only: only.clone(),
        deck: None,
    }
    .href();
    let predict = Route::Practice {
        explain: false,
        only: only.clone(),
    }
    .href();
    let explain = Route::Practice {
        explain: true,
        only,
    }
    .href();
    view! {
        <p class="summary__actions study-it">
            <a class="button button--primary" href=links.app(&flashcards)>"Study it with flashcards"</a>
            {(!comparison.drills.is_empty())
                .then(|| view! { <a class="button" href=links.app(&predict)>"Practise its drills"</a> })}
            <a class="button" href=links.app(&explain)>"Explain it"</a>
        </p>
    }
}

/// A deck's title, as Browse and the deck's pages show it.
#[component]
pub fn DeckTitle(emoji: &'static str, title: &'static str) -> impl IntoView {
    view! {
        <div class="browse__intro">
            <h1 id=SCREEN_TITLE tabindex="-1" class="browse__title">
                <Emoji emoji=emoji />
                {title}
            </h1>
        </div>
    }
}

/// What the start block says to someone new.
pub const START_LEAD: &str = "Learn the Docker differences interviewers ask about: flashcards planned to your interview date, games and drills. Offline, no account.";

/// Start here: what diffdeck is, in one line (or, in the app, what is due for a learner
/// who comes back: `lead`), and the one next step: this deck's flashcards (a session
/// starts at once, with today's cards). A plain function, not a component: no
/// constructor of its own in the first download.
pub fn start_here(deck: &'static str, links: Links, lead: impl IntoView) -> impl IntoView {
    let href = links.app(&format!("#/flashcards?d={deck}"));
    view! {
        <div class="start">
            <p class="start__lead">{lead}</p>
            <a class="button button--primary start__go" href=href>"Start studying"</a>
        </div>
    }
}

/// A deck as the switch lists it (known before its content arrives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DeckEntry {
    pub id: &'static str,
    pub title: &'static str,
    pub emoji: &'static str,
    pub comparisons: usize,
}

impl DeckEntry {
    /// A deck that is here (a user's deck in the app; every deck on the pre-rendered site).
    pub fn of(deck: &'static Deck) -> DeckEntry {
        DeckEntry {
            id: deck.id.as_str(),
            title: deck.title.as_str(),
            emoji: deck.emoji.as_str(),
            comparisons: deck.comparisons().count(),
        }
    }
}

/// The decks as links, the current one marked: an obvious switch. The bundled decks (the
/// first is the home screen), the user's own, then the way to add one.
#[component]
pub fn DeckSwitch(entries: Vec<DeckEntry>, current: &'static str, links: Links) -> impl IntoView {
    let first = entries.first().map(|e| e.id);
    view! {
        <nav class="decks" aria-label="Decks">
            <ul class="decks__list" role="list">
                {entries
                    .into_iter()
                    .map(|e| {
                        let href = links.deck(e.id, Some(e.id) == first);
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
                    <a class="decks__link decks__link--own" href=links.app(&Route::Decks.href())>
                        <span class="decks__name">"Your decks"</span>
                        <span class="decks__count">"Add your own"</span>
                    </a>
                </li>
            </ul>
        </nav>
    }
}

/// "21 comparisons in 6 phases": what Browse says of a deck while no search is on.
pub fn deck_summary(deck: &Deck) -> String {
    let total = deck.comparisons().count();
    match deck.phases.len() {
        1 => format!("{total} comparisons in 1 phase"),
        n => format!("{total} comparisons in {n} phases"),
    }
}

/// The search field and what it found. Without `query` (a pre-rendered page before the
/// app runs) the field is disabled: it needs the app.
#[component]
pub fn SearchBox(
    #[prop(optional)] query: Option<RwSignal<String>>,
    #[prop(into)] summary: Signal<String>,
) -> impl IntoView {
    view! {
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
                    disabled=query.is_none()
                    prop:value=move || query.map(|q| q.get()).unwrap_or_default()
                    on:input=move |ev| {
                        if let Some(q) = query {
                            q.set(event_target_value(&ev));
                        }
                    }
                />
            </div>
            <p id="search-summary" class="search__summary" role="status">
                {move || summary.get()}
            </p>
        </search>
    }
}

/// A phase: its heading and its comparisons' cards. `shown`: the comparisons a search
/// lets through (Browse hides the others, and a phase with none); without it, all.
#[component]
pub fn PhaseSection(
    phase: &'static Phase,
    links: Links,
    #[prop(optional)] shown: Option<Memo<HashSet<String>>>,
) -> impl IntoView {
    let hides = move |id: &str| shown.is_some_and(|m| m.with(|m| !m.contains(id)));
    let ids: Vec<&'static str> = phase.comparisons.iter().map(|c| c.id.as_str()).collect();
    let heading_id = format!("phase-{}", phase.number);
    let labelledby = heading_id.clone();
    view! {
        // `data-keep-size`: laid out only near the screen (browse.css), so the app taking over
        // the pre-rendered page gives it the size it had there (`document::take_over`).
        <section class="phase" data-keep-size="" aria-labelledby=labelledby hidden=move || ids.iter().all(|id| hides(id))>
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
                            <li hidden=move || hides(id)>
                                <ComparisonCard comparison=c links=links />
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// A deck as a reference page, every phase and comparison in order: the pre-rendered
/// `d/<id>/` page, and with `search` the app's home screen as `index.html` paints it before
/// the app runs (Browse on the first deck, its search disabled until the app takes over
/// and renders the same, in the same places).
#[component]
pub fn DeckArticle(
    deck: &'static Deck,
    entries: Vec<DeckEntry>,
    links: Links,
    #[prop(optional)] search: bool,
) -> impl IntoView {
    view! {
        <div class="browse">
            <DeckTitle emoji=deck.emoji.as_str() title=deck.title.as_str() />
            {start_here(deck.id.as_str(), links, START_LEAD)}
            <DeckSwitch entries=entries current=deck.id.as_str() links=links />
            {search.then(|| view! { <SearchBox summary=deck_summary(deck) /> })}
            {deck.phases.iter().map(|phase| view! { <PhaseSection phase=phase links=links /> }).collect_view()}
        </div>
    }
}

/// "Nothing here": a link that leads nowhere, in the app (an unknown route) and on the
/// site (its `404.html`). `home`: the app's first screen from there (`#/` in the app).
#[component]
pub fn NotFoundSection(home: &'static str) -> impl IntoView {
    view! {
        <section class="not-found">
            <h1 id=SCREEN_TITLE tabindex="-1">"Nothing here"</h1>
            <p>"This link does not lead to a screen of diffdeck. It may be mistyped, or come from a newer version."</p>
            <p>
                <a class="button" href=home>"Browse all comparisons"</a>
            </p>
        </section>
    }
}
