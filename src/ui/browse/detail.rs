//! One comparison on its own page: what a shared link (`#/c/<id>`) opens, whichever deck
//! holds it (`view::page::ComparisonArticle`, also the pre-rendered `c/<id>/` page).

use leptos::prelude::*;

use crate::platform::document::set_title;
use crate::state::AppState;
use crate::ui::shell::NotFound;
use crate::view::page::ComparisonArticle;
use crate::view::Links;

/// Opened through `ui::lazy`, once every deck has arrived (`AppState::ready`).
#[component]
pub fn ComparisonScreen(id: String) -> impl IntoView {
    let app: AppState = expect_context();
    let library = app.library.get_untracked();
    let Some((deck, phase, comparison)) = library.find(&id) else {
        return view! { <NotFound /> }.into_any();
    };
    set_title(&format!("{} — diffdeck", comparison.title()));
    app.show_deck(&deck.id);
    let first = std::ptr::eq(deck, library.decks[0]);
    view! {
        <ComparisonArticle deck=deck phase=phase comparison=comparison first=first links=Links::App />
        <div class="explained">
            <crate::ui::practice::History id=id />
        </div>
    }
    .into_any()
}
