//! One comparison on its own page: what a shared link (`#/c/<id>`) opens, whichever deck
//! holds it. Its sources are listed under it.

use leptos::prelude::*;

use super::{deck_href, short_title};
use crate::domain::deck::Comparison;
use crate::platform::document::set_title;
use crate::route::Route;
use crate::state::AppState;
use crate::ui::comparison::{ComparisonBody, Sources, Title};
use crate::ui::shell::{NotFound, SCREEN_TITLE};

/// Opened through `ui::lazy`, once every deck has arrived (`AppState::ready`).
#[component]
pub fn ComparisonScreen(id: String) -> impl IntoView {
    let app: AppState = expect_context();
    let library = app.library.get_untracked();
    let Some((deck, phase, comparison)) = library.find(&id) else {
        return view! { <NotFound /> }.into_any();
    };
    set_title(&format!("{} — diffdeck", comparison.title()));
    let first = std::ptr::eq(deck, library.decks[0]);
    let (previous, next) = deck.neighbours(&id);
    let pager_link = |c: Option<&'static Comparison>, rel: &'static str| {
        c.map(|c| {
            let label = if rel == "prev" { "Previous" } else { "Next" };
            view! {
                <a class=format!("pager__link pager__link--{rel}") rel=rel href=Route::Comparison(c.id.clone()).href()>
                    <span class="pager__hint">{label}</span>
                    <span class="pager__title">{c.title()}</span>
                </a>
            }
        })
    };
    view! {
        <article class="detail" aria-labelledby=SCREEN_TITLE>
            <p class="detail__back">
                <a href=deck_href(first, &deck.id)>{format!("← {}", short_title(&deck.title))}</a>
            </p>
            <p class="detail__phase">{format!("Phase {} – {}", phase.number, phase.title)}</p>
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
    .into_any()
}
