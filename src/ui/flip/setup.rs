//! Choosing what to study: the whole deck, one phase or chosen comparisons; which kinds
//! of card; scheduled study or cram.

use leptos::prelude::*;

use super::new_left;
use crate::domain::cards::{cards, Scope};
use crate::domain::study;
use crate::state::{now, AppState};
use crate::ui::scope::ScopeSelect;

#[component]
pub fn Setup(
    scope: RwSignal<Scope>,
    cram: RwSignal<bool>,
    on_start: Callback<()>,
) -> impl IntoView {
    let app: AppState = expect_context();
    let deck = app.deck;
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
            <ScopeSelect scope=scope allow_pick=true />
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
