//! Reset progress: typed confirmation, then undo until the tab closes.

use leptos::prelude::*;

use crate::state::AppState;

/// Deletes every review, record and mix-up (settings stay) once the user types "reset";
/// what happened is said in `done`.
#[component]
pub(super) fn ResetProgress(done: RwSignal<String>) -> impl IntoView {
    let app: AppState = expect_context();
    let confirm = RwSignal::new(String::new());
    view! {
        <div class="reset">
            <h3 class="settings__subgroup">"Reset progress"</h3>
            <p class="check__hint">"Deletes every review, record and mix-up. Settings stay."</p>
            <div class="field">
                <label class="field__label" for="reset-confirm">"Type reset to confirm"</label>
                <input
                    id="reset-confirm"
                    class="field__input"
                    type="text"
                    autocomplete="off"
                    prop:value=move || confirm.get()
                    on:input=move |ev| confirm.set(event_target_value(&ev))
                />
            </div>
            <div class="summary__actions">
                <button
                    class="button button--danger"
                    type="button"
                    disabled=move || confirm.with(|c| c.trim() != "reset")
                    on:click=move |_| {
                        app.reset();
                        confirm.set(String::new());
                        done.set("Progress reset. You can undo this until you close the tab.".into());
                    }
                >
                    "Reset progress"
                </button>
                <Show when=move || app.before_reset.with(Option::is_some)>
                    <button
                        class="button"
                        type="button"
                        on:click=move |_| {
                            app.undo_reset();
                            done.set("Reset undone: your progress is back.".into());
                        }
                    >
                        "Undo reset"
                    </button>
                </Show>
            </div>
        </div>
    }
}
