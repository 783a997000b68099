//! One comparison as the app shows it everywhere: its two sides side by side (stacked on
//! narrow screens), the groups that belong to neither side, and any update notes. A point
//! with a correction shows the deck's words, marked as such, and the correction with its
//! source under them; study modes show only the accurate statement.

use leptos::prelude::*;

use super::rich::{rich, Emoji};
use super::Links;
use crate::domain::deck::{Comparison, Group, Note, Point, Side, Source};

/// A comparison as a card in the deck list; its title links to the comparison's own page.
#[component]
pub fn ComparisonCard(
    comparison: &'static Comparison,
    #[prop(default = Links::App)] links: Links,
) -> impl IntoView {
    let href = links.comparison(&comparison.id);
    let title_id = format!("card-{}", comparison.id);
    let labelledby = title_id.clone();
    view! {
        <article class="card" aria-labelledby=labelledby>
            <h3 class="card__title" id=title_id>
                <a class="card__link" id=format!("card-link-{}", comparison.id) href=href>
                    <Title comparison=comparison />
                </a>
            </h3>
            <ComparisonBody comparison=comparison level=4 />
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

/// The sides, extras and notes, as Browse and a comparison's page show them: the deck's
/// words, and a correction under any it has. `level` is the heading level of the side
/// names: 2 right under a screen's `<h1>` (a comparison's page, a flashcard), 3 under an
/// `<h2>` (a quiz question), 4 under a card's `<h3>` (the deck list).
#[component]
pub fn ComparisonBody(comparison: &'static Comparison, level: u8) -> impl IntoView {
    body(comparison, level, point_item)
}

/// The sides, extras and notes as study modes show them (a flashcard's back, a quiz's
/// feedback): only the accurate statements, and `asked`, the point a card asked about,
/// marked. Apart from [`ComparisonBody`], so that its code comes with those screens.
#[component]
pub fn StudyBody(
    comparison: &'static Comparison,
    level: u8,
    #[prop(optional_no_strip)] asked: Option<&'static Point>,
) -> impl IntoView {
    body(comparison, level, move |point| {
        if asked.is_some_and(|a| std::ptr::eq(a, point)) {
            view! {
                <li class="is-asked">
                    <span class="visually-hidden">"The point asked: "</span>
                    {rich(point.text())}
                </li>
            }
            .into_any()
        } else {
            view! { <li>{rich(point.text())}</li> }.into_any()
        }
    })
}

fn body(
    comparison: &'static Comparison,
    level: u8,
    point: impl Fn(&'static Point) -> AnyView + Copy + 'static,
) -> impl IntoView {
    view! {
        <div class="sides">
            {side_column(&comparison.left, "left", level, point)}
            {side_column(&comparison.right, "right", level, point)}
        </div>
        {comparison
            .extras
            .iter()
            .map(|group| view! { <Extra group=group level=level /> })
            .collect_view()}
        {comparison
            .notes
            .iter()
            .map(|note| view! { <p class="note" role="note">{rich(&note.text)} <Cited note=note /></p> })
            .collect_view()}
    }
}

/// A comparison's sources, as links.
#[component]
pub fn Sources(sources: &'static [Source]) -> impl IntoView {
    (!sources.is_empty()).then(|| {
        view! {
            <p class="sources">
                <span class="sources__label">{if sources.len() == 1 { "Source: " } else { "Sources: " }}</span>
                {source_links(sources)}
            </p>
        }
    })
}

/// The sources of a note or correction, after its text.
#[component]
fn Cited(note: &'static Note) -> impl IntoView {
    (!note.sources.is_empty()).then(|| {
        view! {
            <span class="cited">
                "(" {source_links(&note.sources)} ")"
            </span>
        }
    })
}

/// Links to `sources`, separated by commas (a plain function, not a component: no
/// constructor of its own in the first download).
pub fn source_links(sources: &'static [Source]) -> impl IntoView {
    sources
        .iter()
        .enumerate()
        .map(|(i, s)| {
            view! {
                {(i > 0).then_some(", ")}
                <a class="source" href=s.url.as_str() rel="noopener noreferrer">{s.title.as_str()}</a>
            }
        })
        .collect_view()
}

/// A point: its words, and a correction where there is one.
fn point_item(point: &'static Point) -> AnyView {
    match &point.correction {
        None => view! { <li>{rich(&point.said)}</li> }.into_any(),
        Some(fix) => view! {
            <li class="point--corrected">
                <span class="said">
                    <span class="said__label">"Cheat sheet: "</span>
                    <span class="said__text">{rich(&point.said)}</span>
                </span>
                <span class="correction" role="note">
                    <strong class="correction__label">"Correction: "</strong>
                    {rich(&fix.text)}
                    " "
                    <Cited note=fix />
                </span>
            </li>
        }
        .into_any(),
    }
}

fn side_column(
    side: &'static Side,
    which: &'static str,
    level: u8,
    point: impl Fn(&'static Point) -> AnyView + Copy + 'static,
) -> impl IntoView {
    let name = view! {
        <Emoji emoji=side.emoji.as_str() />
        " "
        {side.name.as_str()}
    };
    let heading = match level {
        2 => view! { <h2 class="side__name">{name}</h2> }.into_any(),
        3 => view! { <h3 class="side__name">{name}</h3> }.into_any(),
        _ => view! { <h4 class="side__name">{name}</h4> }.into_any(),
    };
    let label = (side.label != side.name)
        .then(|| view! { <p class="side__label">{side.label.as_str()}</p> });
    view! {
        <section class=format!("side side--{which}")>
            {heading}
            {label}
            <ul class="points">{side.points.iter().map(point).collect_view()}</ul>
        </section>
    }
}

#[component]
fn Extra(group: &'static Group, level: u8) -> impl IntoView {
    let title = group.title.as_str();
    let heading = match level {
        2 => view! { <h2 class="extra__title">{title}</h2> }.into_any(),
        3 => view! { <h3 class="extra__title">{title}</h3> }.into_any(),
        _ => view! { <h4 class="extra__title">{title}</h4> }.into_any(),
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
