//! One comparison as the app shows it everywhere: its two sides side by side (stacked on
//! narrow screens), the groups that belong to neither side, and any update notes.

use leptos::prelude::*;

use crate::domain::deck::{Comparison, Group, Side};
use crate::route::Route;
use crate::ui::rich::{rich, Emoji};

/// A comparison as a card in the deck list; its title links to the comparison's own page.
#[component]
pub fn ComparisonCard(comparison: &'static Comparison) -> impl IntoView {
    let href = Route::Comparison(comparison.id.clone()).href();
    let title_id = format!("card-{}", comparison.id);
    let labelledby = title_id.clone();
    view! {
        <article class="card" aria-labelledby=labelledby>
            <h3 class="card__title" id=title_id>
                <a class="card__link" id=format!("card-link-{}", comparison.id) href=href>
                    <Title comparison=comparison />
                </a>
            </h3>
            <ComparisonBody comparison=comparison h2=false />
        </article>
    }
}

/// "Image 🖼️ vs Container 📦", with the emoji hidden from screen readers.
#[component]
pub fn Title(comparison: &'static Comparison) -> impl IntoView {
    view! {
        <span class="title__name">{comparison.left.name.as_str()}</span>
        " "
        <Emoji emoji=comparison.left.emoji.as_str() />
        <span class="title__vs">" vs "</span>
        <span class="title__name">{comparison.right.name.as_str()}</span>
        " "
        <Emoji emoji=comparison.right.emoji.as_str() />
    }
}

/// The sides, extras and notes. With `h2` the side names are `<h2>`s (right under a
/// screen's `<h1>`: a comparison's page, a flashcard); else `<h4>`s under a card's `<h3>`.
#[component]
pub fn ComparisonBody(comparison: &'static Comparison, h2: bool) -> impl IntoView {
    view! {
        <div class="sides">
            <SideColumn side=&comparison.left which="left" h2=h2 />
            <SideColumn side=&comparison.right which="right" h2=h2 />
        </div>
        {comparison
            .extras
            .iter()
            .map(|group| view! { <Extra group=group h2=h2 /> })
            .collect_view()}
        {comparison
            .notes
            .iter()
            .map(|note| view! { <p class="note" role="note">{rich(note)}</p> })
            .collect_view()}
    }
}

#[component]
fn SideColumn(side: &'static Side, which: &'static str, h2: bool) -> impl IntoView {
    let name = view! {
        <Emoji emoji=side.emoji.as_str() />
        " "
        {side.name.as_str()}
    };
    let heading = if h2 {
        view! { <h2 class="side__name">{name}</h2> }.into_any()
    } else {
        view! { <h4 class="side__name">{name}</h4> }.into_any()
    };
    let label = (side.label != side.name)
        .then(|| view! { <p class="side__label">{side.label.as_str()}</p> });
    view! {
        <section class=format!("side side--{which}")>
            {heading}
            {label}
            <ul class="points">
                {side.points.iter().map(|p| view! { <li>{rich(&p.text)}</li> }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn Extra(group: &'static Group, h2: bool) -> impl IntoView {
    let title = group.title.as_str();
    let heading = if h2 {
        view! { <h2 class="extra__title">{title}</h2> }.into_any()
    } else {
        view! { <h4 class="extra__title">{title}</h4> }.into_any()
    };
    view! {
        <section class="extra">
            {heading}
            <ul class="points">
                {group.points.iter().map(|p| view! { <li>{rich(p)}</li> }).collect_view()}
            </ul>
        </section>
    }
}
