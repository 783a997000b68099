//! One answer button of a multiple-choice question, shared by the quiz and Predict: its
//! number key, its text, and once the question is answered, which one was right and which
//! was chosen (by colour and, for screen readers, in words).

use leptos::prelude::*;

/// Which answer was right and which was chosen, once there is an answer.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Outcome {
    pub right: usize,
    pub chosen: Option<usize>,
}

/// The button for option `index`, shown as number `shown + 1` (the key that picks it).
/// `outcome` is `None` until the question is answered; then the buttons are disabled.
pub fn choice_button(
    index: usize,
    shown: usize,
    text: String,
    outcome: impl Fn() -> Option<Outcome> + Copy + Send + Sync + 'static,
    choose: impl Fn(usize) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = move || {
        outcome().map(|o| {
            if index == o.right {
                ("button choice is-right", " — right answer")
            } else if o.chosen == Some(index) {
                ("button choice is-wrong", " — your answer")
            } else {
                ("button choice", "")
            }
        })
    };
    view! {
        <li>
            <button
                class=move || state().map_or("button choice", |(class, _)| class)
                type="button"
                aria-keyshortcuts=(shown + 1).to_string()
                disabled=move || outcome().is_some()
                on:click=move |_| choose(index)
            >
                <kbd class="kbd" aria-hidden="true">{shown + 1}</kbd>
                <span class="choice__text">{text}</span>
                <span class="visually-hidden">{move || state().map(|(_, mark)| mark)}</span>
            </button>
        </li>
    }
}
