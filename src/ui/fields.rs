//! Form controls shared by the screens.

use leptos::prelude::*;

/// A checkbox with its label and an optional hint under it.
#[component]
pub fn Check(
    label: &'static str,
    /// Whether it is checked.
    #[prop(into)]
    checked: Signal<bool>,
    /// Called with the new state.
    on_change: Callback<bool>,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_change.run(event_target_checked(&ev))
            />
            <span>
                {label}
                {hint.map(|h| view! { <small class="check__hint">{h}</small> })}
            </span>
        </label>
    }
}

/// The form that sets up a study mode: its fields, then a Start button (Enter starts too).
#[component]
pub fn SetupForm(
    on_start: Callback<()>,
    /// Start is disabled while this is true (e.g. an empty scope).
    #[prop(into, optional)]
    disabled: Signal<bool>,
    children: Children,
) -> impl IntoView {
    view! {
        <form
            class="setup"
            on:submit=move |ev| {
                ev.prevent_default();
                on_start.run(());
            }
        >
            {children()}
            <button class="button button--primary button--wide" type="submit" disabled=move || disabled.get()>
                "Start"
            </button>
        </form>
    }
}
