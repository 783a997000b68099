//! Choosing what to study: the whole deck, one phase or chosen comparisons; which kinds
//! of card; scheduled study or cram.

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::new_left;
use crate::domain::cards::{cards, Scope, Selection};
use crate::domain::study;
use crate::state::{now, AppState};

#[component]
pub fn Setup(
    scope: RwSignal<Scope>,
    cram: RwSignal<bool>,
    on_start: Callback<()>,
) -> impl IntoView {
    let app: AppState = expect_context();
    let deck = app.deck;
    let select_value = move || match scope.with(|s| s.selection.clone()) {
        Selection::All => "all".to_string(),
        Selection::Phase(n) => format!("phase-{n}"),
        Selection::Only(_) => "pick".to_string(),
    };
    let on_select = move |ev| {
        let value = event_target_value(&ev);
        scope.update(|s| {
            s.selection = match value.strip_prefix("phase-").and_then(|n| n.parse().ok()) {
                Some(n) => Selection::Phase(n),
                None if value == "pick" => Selection::Only(BTreeSet::new()),
                None => Selection::All,
            }
        });
    };
    let picking = move || scope.with(|s| matches!(s.selection, Selection::Only(_)));
    let toggle = move |id: &'static str| {
        scope.update(|s| {
            if let Selection::Only(ids) = &mut s.selection {
                if !ids.remove(id) {
                    ids.insert(id.to_string());
                }
            }
        })
    };
    let is_picked = move |id: &'static str| {
        scope.with(|s| matches!(&s.selection, Selection::Only(ids) if ids.contains(id)))
    };

    let preview = move || {
        let now = now();
        let states = app.card_states.get();
        let cards = scope.with(|s| cards(deck, s));
        let c = study::counts(&cards, &states, now, new_left(&app, now.day));
        (cards.len(), c)
    };
    let empty = move || preview().0 == 0;
    let preview_text = move || {
        let (n, c) = preview();
        if n == 0 {
            "No cards in this scope: choose comparisons or a kind of card.".to_string()
        } else if cram.get() {
            format!("{n} cards to go through")
        } else {
            format!("{n} cards in scope · {} due · {} new today", c.due(), c.new)
        }
    };

    view! {
        <form
            class="setup"
            on:submit=move |ev| {
                ev.prevent_default();
                on_start.run(());
            }
        >
            <div class="field">
                <label class="field__label" for="scope-select">"Study"</label>
                <select id="scope-select" class="field__input" prop:value=select_value on:change=on_select>
                    <option value="all">"The whole deck"</option>
                    {deck
                        .phases
                        .iter()
                        .map(|p| {
                            view! {
                                <option value=format!("phase-{}", p.number)>
                                    {format!("Phase {} – {}", p.number, p.title)}
                                </option>
                            }
                        })
                        .collect_view()}
                    <option value="pick">"Chosen comparisons…"</option>
                </select>
            </div>
            <Show when=picking>
                <fieldset class="picker">
                    <legend>"Comparisons"</legend>
                    {deck
                        .comparisons()
                        .map(|c| {
                            let id = c.id.as_str();
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || is_picked(id) on:change=move |_| toggle(id) />
                                    <span>{c.title()}</span>
                                </label>
                            }
                        })
                        .collect_view()}
                </fieldset>
            </Show>
            <fieldset class="kinds">
                <legend>"Cards"</legend>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || scope.with(|s| s.pairs)
                        on:change=move |ev| scope.update(|s| s.pairs = event_target_checked(&ev))
                    />
                    <span>
                        "Difference cards"
                        <small class="check__hint">"“CMD vs ENTRYPOINT — what is the difference?”"</small>
                    </span>
                </label>
                <label class="check">
                    <input
                        type="checkbox"
                        prop:checked=move || scope.with(|s| s.points)
                        on:change=move |ev| scope.update(|s| s.points = event_target_checked(&ev))
                    />
                    <span>
                        "Which-side cards"
                        <small class="check__hint">"“Provides default command/args.” — CMD or ENTRYPOINT?"</small>
                    </span>
                </label>
            </fieldset>
            <label class="check">
                <input type="checkbox" prop:checked=move || cram.get() on:change=move |ev| cram.set(event_target_checked(&ev)) />
                <span>
                    "Cram"
                    <small class="check__hint">"Go through every card now; your schedule stays as it is."</small>
                </span>
            </label>
            <p class="setup__preview" aria-live="polite">
                {preview_text}
            </p>
            <button class="button button--primary button--wide" type="submit" disabled=empty>
                "Start"
            </button>
        </form>
    }
}
