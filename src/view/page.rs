//! A comparison's page and a deck's page as reading matter: what `#/c/<id>` shows in the
//! app and what the pre-rendered `c/<id>/` and `d/<id>/` pages hold.

use leptos::prelude::*;

use super::comparison::{ComparisonBody, ComparisonCard, Sources, Title};
use super::rich::Emoji;
use super::{short_title, Links, SCREEN_TITLE};
use crate::domain::deck::{Comparison, Deck, Phase};

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
            <nav class="pager" aria-label="More comparisons">
                {pager_link(previous, "prev")}
                {pager_link(next, "next")}
            </nav>
        </article>
    }
}

/// A deck as a reference page, every phase and comparison in order (the pre-rendered
/// deck page; the app's Browse adds search and the deck switch around the same cards).
#[component]
pub fn DeckArticle(deck: &'static Deck, links: Links) -> impl IntoView {
    view! {
        <div class="browse">
            <div class="browse__intro">
                <h1 id=SCREEN_TITLE tabindex="-1" class="browse__title">
                    <Emoji emoji=deck.emoji.as_str() />
                    {deck.title.as_str()}
                </h1>
            </div>
            {deck
                .phases
                .iter()
                .map(|phase| {
                    let heading_id = format!("phase-{}", phase.number);
                    let labelledby = heading_id.clone();
                    view! {
                        <section class="phase" aria-labelledby=labelledby>
                            <h2 class="phase__title" id=heading_id>
                                <PhaseTitle phase=phase />
                            </h2>
                            <ul class="phase__list" role="list">
                                {phase
                                    .comparisons
                                    .iter()
                                    .map(|c| view! { <li><ComparisonCard comparison=c links=links /></li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
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
