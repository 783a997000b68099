//! Interview practice, one screen with two modes: **Predict** (`#/predict`: a setup and
//! "what does Docker do?", answered by tap, click or keys 1-5; then the verdict, why, and
//! the docs) and **Explain it** (`#/explain`: write what you would say, then tick the
//! points you covered; the share covered is the grade). Both schedule their cards with
//! FSRS and record to the one progress record. The rules are `domain::practice`'s.

mod explain;
mod predict;

pub use explain::History;

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::scope::ScopeSelect;
use super::shell::SCREEN_TITLE;
use crate::domain::cards::{Scope, Selection};
use crate::platform::document::set_title;
use crate::route::Route;

/// The screen; `explain` picks the mode, `only` limits it to these comparisons.
#[component]
pub fn PracticeScreen(explain: bool, only: Vec<String>) -> impl IntoView {
    set_title(if explain {
        "Explain it — diffdeck"
    } else {
        "Predict — diffdeck"
    });
    let auto_start = !only.is_empty();
    let scope = RwSignal::new(Scope {
        selection: if only.is_empty() {
            expect_context::<crate::state::AppState>().deck_on_screen()
        } else {
            Selection::Only(only.iter().cloned().collect::<BTreeSet<_>>())
        },
        pairs: false,
        points: false,
    });
    // The other mode, one link away.
    let other = Route::Practice {
        explain: !explain,
        only: only.clone(),
    }
    .href();
    view! {
        <section class="practice" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                {if explain { "Explain it" } else { "Predict" }}
            </h1>
            <p class="practice__modes">
                <a class="button" href=other>
                    {if explain { "Predict what Docker does instead" } else { "Explain a comparison instead" }}
                </a>
            </p>
            {if explain {
                view! { <explain::Explain scope=scope auto_start=auto_start /> }.into_any()
            } else {
                view! { <predict::Predict scope=scope auto_start=auto_start /> }.into_any()
            }}
        </section>
    }
}

/// The scope chooser and Start, shared by both modes.
#[component]
fn PracticeSetup(
    scope: RwSignal<Scope>,
    /// How many cards the scope holds, and what one and several are called.
    count: Signal<usize>,
    noun: (&'static str, &'static str),
    on_start: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <crate::ui::fields::SetupForm on_start=on_start disabled=Signal::derive(move || count.get() == 0)>
            <ScopeSelect scope=scope allow_pick=true />
            {children()}
            <p class="setup__preview" role="status">
                {move || match count.get() {
                    0 => format!("No {} in this choice.", noun.1),
                    1 => format!("1 {}", noun.0),
                    n => format!("{n} {}", noun.1),
                }}
            </p>
        </crate::ui::fields::SetupForm>
    }
}
