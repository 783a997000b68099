//! One comparison on its own page: what a shared link (`#/c/<id>`) opens.

use leptos::prelude::*;

use crate::platform::document::set_title;
use crate::route::Route;
use crate::state::AppState;
use crate::ui::comparison::{ComparisonBody, Title};
use crate::ui::shell::{NotFound, SCREEN_TITLE};

#[component]
pub fn ComparisonScreen(id: String) -> impl IntoView {
    let deck = expect_context::<AppState>().deck;
    let Some((phase, comparison)) = deck.find(&id) else {
        return view! { <NotFound /> }.into_any();
    };
    set_title(&format!("{} — diffdeck", comparison.title()));
    let (previous, next) = deck.neighbours(&id);
    let pager_link = |c: Option<&'static crate::domain::deck::Comparison>, rel: &'static str| {
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
                <a href="#/">"← All comparisons"</a>
            </p>
            <p class="detail__phase">{format!("Phase {} – {}", phase.number, phase.title)}</p>
            <h1 id=SCREEN_TITLE tabindex="-1" class="detail__title">
                <Title comparison=comparison />
            </h1>
            <div class="card card--detail">
                <ComparisonBody comparison=comparison level=2 />
            </div>
            <nav class="pager" aria-label="More comparisons">
                {pager_link(previous, "prev")}
                {pager_link(next, "next")}
            </nav>
        </article>
    }
    .into_any()
}
