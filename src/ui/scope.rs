//! The "what to study" control shared by flashcards, match and quiz: the whole deck, one
//! phase, or (where offered) chosen comparisons.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::cards::{Scope, Selection};
use crate::state::AppState;

#[component]
pub fn ScopeSelect(
    scope: RwSignal<Scope>,
    /// Offer "Chosen comparisons…" with a checkbox list.
    #[prop(optional)]
    allow_pick: bool,
) -> impl IntoView {
    let deck = expect_context::<AppState>().deck;
    let value = move || match scope.with(|s| s.selection.clone()) {
        Selection::All => "all".to_string(),
        Selection::Phase(n) => format!("phase-{n}"),
        Selection::Only(_) => "pick".to_string(),
    };
    let on_change = move |ev| {
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
    view! {
        <div class="field">
            <label class="field__label" for="scope-select">"Study"</label>
            <select id="scope-select" class="field__input" prop:value=value on:change=on_change>
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
                {allow_pick.then(|| view! { <option value="pick">"Chosen comparisons…"</option> })}
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
    }
}
