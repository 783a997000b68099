//! A drill as every screen shows it: its setup as highlighted code (scrolling sideways
//! inside its box on a narrow screen, never the page), its question, and, on a
//! comparison's page, its answer and explanation inside a disclosure, which works without
//! JavaScript. Predict (`ui::practice`) and the quiz show the same setup and explanation.

use leptos::prelude::*;

use super::comparison::source_links;
use super::rich::rich;
use crate::domain::deck::{Comparison, Drill, DrillAnswer, Setup};
use crate::domain::practice;
use diffdeck_content::highlight::runs;

/// A setup: the code under its caption, focusable so a keyboard can scroll it.
#[component]
pub fn SetupCode(setup: &'static Setup) -> impl IntoView {
    let label = match setup.lang.as_str() {
        "dockerfile" => "Dockerfile",
        "yaml" | "yml" => "compose.yaml",
        "sh" | "shell" | "bash" | "console" => "Commands",
        "json" => "JSON",
        _ => "Setup",
    };
    view! {
        <figure class="setup-code">
            <figcaption class="setup-code__label">{label}</figcaption>
            // Focusable, so a keyboard can scroll it; named by its figure's caption.
            <pre class="code" tabindex="0">
                <code>
                    {runs(&setup.lang, &setup.code)
                        .into_iter()
                        .map(|(kind, text)| match kind.class() {
                            Some(class) => view! { <span class=class>{text}</span> }.into_any(),
                            None => text.into_any(),
                        })
                        .collect_view()}
                </code>
            </pre>
        </figure>
    }
}

/// Why the answer is right, with the pages that say so.
#[component]
pub fn DrillWhy(drill: &'static Drill) -> impl IntoView {
    view! {
        <p class="drill__why">
            {rich(&drill.why.text)}
            " "
            <span class="cited">"(" {source_links(&drill.why.sources)} ")"</span>
        </p>
    }
}

/// A comparison's drills on its page: setup and question shown, answer and explanation
/// behind "Show the answer". `level`: the heading level of the section's title.
#[component]
pub fn DrillList(comparison: &'static Comparison, level: u8) -> impl IntoView {
    (!comparison.drills.is_empty()).then(|| {
        let title = "What does Docker do?";
        let heading = if level <= 2 {
            view! { <h2 class="drills__title">{title}</h2> }.into_any()
        } else {
            view! { <h3 class="drills__title">{title}</h3> }.into_any()
        };
        view! {
            <section class="drills" aria-label=title>
                {heading}
                <ol class="drills__list">
                    {comparison
                        .drills
                        .iter()
                        .map(|drill| view! { <li class="drill"><DrillItem drill=drill /></li> })
                        .collect_view()}
                </ol>
            </section>
        }
    })
}

#[component]
fn DrillItem(drill: &'static Drill) -> impl IntoView {
    let order = practice::page_order(drill);
    let options = match &drill.answer {
        DrillAnswer::Choice { options, .. } => Some(view! {
            <ol class="drill__options" type="A">
                {order.iter().map(|&i| view! { <li>{rich(&options[i])}</li> }).collect_view()}
            </ol>
        }),
        DrillAnswer::Exact(_) => None,
    };
    let answer = match &drill.answer {
        DrillAnswer::Choice { options, right } => {
            let shown = order.iter().position(|i| i == right).unwrap_or(*right);
            options.get(*right).map(|o| {
                let letter = char::from(b'A' + shown as u8);
                view! { <p class="drill__exact"><strong>{format!("Answer {letter}: ")}</strong>{rich(o)}</p> }.into_any()
            })
        }
        DrillAnswer::Exact(text) => Some(
            view! { <p class="drill__exact"><strong>"Answer: "</strong><code>{text.as_str()}</code></p> }.into_any(),
        ),
    };
    view! {
        {drill.setup.as_ref().map(|setup| view! { <SetupCode setup=setup /> })}
        <p class="drill__question">{rich(&drill.question)}</p>
        {options}
        <details class="drill__answer">
            <summary>"Show the answer"</summary>
            {answer}
            <DrillWhy drill=drill />
        </details>
    }
}
