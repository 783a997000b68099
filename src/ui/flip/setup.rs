//! Choosing what to study: the whole deck, one phase or chosen comparisons; which kinds
//! of card; scheduled study or cram.

use leptos::prelude::*;

use super::Limits;
use crate::domain::cards::{cards, Scope};
use crate::domain::study;
use crate::state::{now, AppState};
use crate::ui::fields::{Check, SetupForm};
use crate::ui::plan::{plan_text, InterviewDate};
use crate::ui::scope::ScopeSelect;

#[component]
pub fn Setup(
    scope: RwSignal<Scope>,
    cram: RwSignal<bool>,
    limits: Limits,
    on_start: Callback<()>,
) -> impl IntoView {
    let app: AppState = expect_context();
    // The scope's cards, made once per change of scope (or of the decks) for both memos.
    let in_scope = Memo::new(move |_| app.library.with(|l| scope.with(|s| cards(l, s))));
    // Computed once per change of scope or progress, read by two bindings.
    let preview = Memo::new(move |_| {
        let now = now();
        let new_left = limits.left(&app, now);
        in_scope.with(|cards| {
            let c = app
                .study()
                .with(|d| study::counts(cards, d.states(), now, new_left));
            (cards.len(), c)
        })
    });
    // The plan to the interview for this scope (not in cram: it leaves the schedule be).
    let plan = Memo::new(move |_| {
        if cram.get() {
            return None;
        }
        let (plan, smaller, n) = in_scope.with(|cards| {
            limits
                .plan(&app, cards, now())
                .map(|(plan, smaller)| (plan, smaller, cards.len()))
        })?;
        Some((plan, n, smaller))
    });
    let empty = move || preview.get().0 == 0;
    let preview_text = move || {
        let (n, c) = preview.get();
        if n == 0 {
            "No cards in this scope: choose comparisons or a kind of card.".to_string()
        } else if cram.get() {
            format!("{n} cards to go through")
        } else {
            format!("{n} cards in scope · {} due · {} new today", c.due(), c.new)
        }
    };

    view! {
        <SetupForm on_start=on_start disabled=Signal::derive(empty)>
            <ScopeSelect scope=scope allow_pick=true />
            // What today holds and the plan first: on a phone they are on screen with
            // the scope; the card options follow.
            <p class="setup__preview" aria-live="polite">
                {preview_text}
            </p>
            {move || plan.get().map(|(plan, n, smaller)| plan_text(&plan, n, &smaller))}
            <InterviewDate hint="Optional: with a date, diffdeck plans each day to it." />
            <fieldset class="kinds">
                <legend>"Cards"</legend>
                <Check
                    label="Difference cards"
                    hint="“CMD vs ENTRYPOINT — what is the difference?”"
                    checked=Signal::derive(move || scope.with(|s| s.pairs))
                    on_change=Callback::new(move |on| scope.update(|s| s.pairs = on))
                />
                <Check
                    label="Which-side cards"
                    hint="“Provides default command/args.” — CMD or ENTRYPOINT?"
                    checked=Signal::derive(move || scope.with(|s| s.points))
                    on_change=Callback::new(move |on| scope.update(|s| s.points = on))
                />
            </fieldset>
            <Check
                label="Cram"
                hint="Go through every card now; your schedule stays as it is."
                checked=cram
                on_change=Callback::new(move |on| cram.set(on))
            />
            </SetupForm>
    }
}
