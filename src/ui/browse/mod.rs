//! Browse: the whole deck as a reference, filtered as you type, and one comparison on
//! its own page (`#/c/<id>`).

mod detail;

pub use detail::ComparisonScreen;

use std::collections::HashSet;

use leptos::prelude::*;

use super::rich::Emoji;
use super::shell::SCREEN_TITLE;
use super::BrowseState;
use crate::platform::document::set_title;
use crate::state::AppState;
use crate::ui::comparison::ComparisonCard;

#[component]
pub fn BrowseScreen() -> impl IntoView {
    let app: AppState = expect_context();
    let (deck, index) = (app.deck, app.search);
    let BrowseState {
        query,
        phases_shown,
    } = expect_context();
    set_title("diffdeck — Docker differences, side by side");

    let total = deck.comparisons().count();
    let matching = Memo::new(move |_| {
        query.with(|q| {
            index
                .matching(q)
                .map(String::from)
                .collect::<HashSet<String>>()
        })
    });
    let shown = move || matching.with(HashSet::len);
    let summary = move || {
        let n = shown();
        let q = query.get();
        match (q.trim().is_empty(), n) {
            (true, _) => format!("{total} comparisons in {} phases", deck.phases.len()),
            (false, 0) => format!("No comparison matches “{}”", q.trim()),
            (false, 1) => format!("1 of {total} comparisons matches"),
            (false, n) => format!("{n} of {total} comparisons match"),
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
                                <Emoji emoji=phase.emoji.as_str() />
                                <span class="phase__number">"Phase " {phase.number}</span>
                                <span class="phase__name">{phase.title.as_str()}</span>
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

    view! {
        <div class="browse">
            <div class="browse__intro">
                <h1 id=SCREEN_TITLE tabindex="-1" class="browse__title">
                    <Emoji emoji=deck.emoji.as_str() />
                    {deck.title.as_str()}
                </h1>
            </div>
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
        </div>
    }
}
