//! The "what to study" control shared by flashcards, match and quiz: every deck, one deck,
//! one phase of a deck, or (where offered) what the learner has studied or chosen
//! comparisons.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::cards::{Scope, Selection};
use crate::domain::deck::Deck;
use crate::state::AppState;

#[component]
pub fn ScopeSelect(
    scope: RwSignal<Scope>,
    /// Offer "Chosen comparisons…" with a checkbox list.
    #[prop(optional)]
    allow_pick: bool,
    /// Offer "What you have studied" (these comparisons), where there are some.
    #[prop(optional_no_strip)]
    studied: Option<BTreeSet<String>>,
) -> impl IntoView {
    // Study screens open once every deck has arrived (`AppState::ready`).
    let decks: Vec<&'static Deck> = expect_context::<AppState>()
        .library
        .with_untracked(|l| l.decks.clone());
    let value = move || scope.with(|s| s.selection.value());
    let studied = studied.filter(|s| !s.is_empty());
    let offer_studied = studied.as_ref().map(|ids| {
        let n = ids.len();
        let label = format!(
            "What you have studied ({n} comparison{})",
            if n == 1 { "" } else { "s" }
        );
        view! { <option value="studied">{label}</option> }
    });
    let on_change = move |ev| {
        let value = event_target_value(&ev);
        let selection = match Selection::from_value(&value) {
            Selection::Studied(_) => Selection::Studied(studied.clone().unwrap_or_default()),
            other => other,
        };
        scope.update(|s| s.selection = selection);
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
    let groups = decks
        .iter()
        .map(|d| {
            view! {
                <optgroup label=d.title.as_str()>
                    <option value=format!("deck:{}", d.id)>{format!("All of {}", d.title)}</option>
                    {d.phases
                        .iter()
                        .map(|p| {
                            view! {
                                <option value=format!("phase:{}:{}", d.id, p.number)>
                                    {Deck::phase_label(p)}
                                </option>
                            }
                        })
                        .collect_view()}
                </optgroup>
            }
        })
        .collect_view();
    let pickers = decks
        .iter()
        .map(|d| {
            view! {
                <fieldset class="picker">
                    <legend>{d.title.as_str()}</legend>
                    {d.comparisons()
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
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label class="field__label" for="scope-select">"Study"</label>
            <select id="scope-select" class="field__input" prop:value=value on:change=on_change>
                {offer_studied}
                <option value="all">"Every deck"</option>
                {groups}
                {allow_pick.then(|| view! { <option value="pick">"Chosen comparisons…"</option> })}
            </select>
        </div>
        <Show when=picking>{pickers.clone()}</Show>
    }
}
