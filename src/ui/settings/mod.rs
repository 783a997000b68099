//! Settings, applied at once and stored with the progress; installing the app
//! (`install.rs`); and the user's data (`data.rs`: export, import with a preview and a
//! choice of merge or replace; `reset.rs`: reset with undo).

mod data;
mod install;
mod reset;
mod send;

use leptos::prelude::*;

use crate::domain::progress::{Motion, Settings, Theme};
use crate::platform::document::set_title;
use crate::state::AppState;
use crate::ui::fields::Check;
use crate::ui::plan::InterviewDate;
use crate::ui::quiz::QuizTimeSelect;
use crate::ui::shell::SCREEN_TITLE;
use data::YourData;

/// `link`: what follows `#/sync/` when the screen opens a sync link; its import preview
/// then comes first.
#[component]
pub fn SettingsScreen(#[prop(optional)] link: Option<String>) -> impl IntoView {
    let app: AppState = expect_context();
    set_title("Settings — diffdeck");
    let get = move |f: fn(&Settings) -> String| move || app.progress.with(|p| f(&p.settings));
    let set = move |change: Box<dyn FnOnce(&mut Settings)>| app.update_settings(change);

    let radio = move |name: &'static str,
                      value: &'static str,
                      label: &'static str,
                      current: fn(&Settings) -> &'static str,
                      apply: fn(&mut Settings)| {
        view! {
            <label class="check">
                <input
                    type="radio"
                    name=name
                    prop:checked=move || app.progress.with(|p| current(&p.settings) == value)
                    on:change=move |_| app.update_settings(apply)
                />
                <span>{label}</span>
            </label>
        }
    };
    let theme = |s: &Settings| match s.theme {
        Theme::System => "system",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let motion = |s: &Settings| match s.motion {
        Motion::System => "system",
        Motion::Reduced => "reduced",
        Motion::Full => "full",
    };

    view! {
        <section class="settings" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                "Settings"
            </h1>
            {link.clone().map(|link| view! { <YourData link=Some(link) /> })}
            <form class="setup" on:submit=|ev| ev.prevent_default()>
                <h2 class="settings__group">"Studying"</h2>
                <div class="field">
                    <label class="field__label" for="new-per-day">"New cards per day, each deck"</label>
                    <input
                        id="new-per-day"
                        class="field__input"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max="200"
                        aria-describedby="new-per-day-hint"
                        prop:value=get(|s| s.new_per_day.to_string())
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                // The learner's own number: the plan no longer sets it.
                                set(Box::new(move |s| {
                                    s.new_per_day = n.min(200);
                                    s.follow_plan = false;
                                }));
                            }
                        }
                    />
                    <p class="check__hint" id="new-per-day-hint">
                        "Each deck has its own: a deck you add can be studied the day you add it."
                    </p>
                </div>
                <div class="field">
                    <label class="field__label" for="retention">"Desired retention"</label>
                    <select
                        id="retention"
                        class="field__input"
                        aria-describedby="retention-hint"
                        prop:value=get(|s| format!("{}", (s.retention * 100.0).round() as u32))
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                set(Box::new(move |s| s.retention = n as f32 / 100.0));
                            }
                        }
                    >
                        <option value="80">"80 % — fewer reviews"</option>
                        <option value="85">"85 %"</option>
                        <option value="90">"90 % — recommended"</option>
                        <option value="95">"95 % — more reviews"</option>
                    </select>
                    <p class="check__hint" id="retention-hint">
                        "How likely you should be to remember a card when it comes back."
                    </p>
                </div>
                <fieldset>
                    <legend>"Flashcards"</legend>
                    <Toggle label="Difference cards" get=|s| s.pair_cards set=|s, on| s.pair_cards = on />
                    <Toggle label="Which-side cards" get=|s| s.point_cards set=|s, on| s.point_cards = on />
                </fieldset>
                <InterviewDate hint="Optional. Every card comes back at least once before that day, and Flashcards and Progress show a plan to it." />
                <Toggle
                    label="Let the plan set the new cards per day"
                    get=|s| s.follow_plan
                    set=|s, on| s.follow_plan = on
                />
                <h2 class="settings__group">"Quiz"</h2>
                <QuizTimeSelect
                    id="quiz-seconds"
                    value=Signal::derive(move || app.progress.with(|p| p.settings.quiz_seconds))
                    on_change=Callback::new(move |v| app.update_settings(move |s| s.quiz_seconds = v))
                />
                <Toggle label="Streak bonus" get=|s| s.streak_bonus set=|s, on| s.streak_bonus = on />
                <h2 class="settings__group">"Display"</h2>
                <fieldset>
                    <legend>"Theme"</legend>
                    {radio("theme", "system", "As the system", theme, |s| s.theme = Theme::System)}
                    {radio("theme", "light", "Light", theme, |s| s.theme = Theme::Light)}
                    {radio("theme", "dark", "Dark", theme, |s| s.theme = Theme::Dark)}
                </fieldset>
                <fieldset>
                    <legend>"Motion"</legend>
                    {radio("motion", "system", "As the system", motion, |s| s.motion = Motion::System)}
                    {radio("motion", "reduced", "Reduced: no turning or shaking", motion, |s| s.motion = Motion::Reduced)}
                    {radio("motion", "full", "Full", motion, |s| s.motion = Motion::Full)}
                </fieldset>
            </form>
            <install::Install />
            {link.is_none().then(|| view! { <YourData link=None /> })}
            <send::SendProgress />
        </section>
    }
}

/// Applies the theme and motion settings to the document (`data-theme`, `data-motion`).
pub fn apply_display(theme: Theme, motion: Motion) {
    let Some(root) = document().document_element() else {
        return;
    };
    let theme = match theme {
        Theme::System => None,
        Theme::Light => Some("light"),
        Theme::Dark => Some("dark"),
    };
    match theme {
        Some(t) => root.set_attribute("data-theme", t).ok(),
        None => root.remove_attribute("data-theme").ok(),
    };
    let reduced = match motion {
        Motion::Reduced => true,
        Motion::Full => false,
        Motion::System => window()
            .match_media("(prefers-reduced-motion: reduce)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    };
    let _ = root.set_attribute("data-motion", if reduced { "reduced" } else { "full" });
}

/// A checkbox bound to one boolean setting.
#[component]
fn Toggle(
    label: &'static str,
    get: fn(&Settings) -> bool,
    set: fn(&mut Settings, bool),
) -> impl IntoView {
    let app: AppState = expect_context();
    view! {
        <Check
            label=label
            checked=Signal::derive(move || app.progress.with(|p| get(&p.settings)))
            on_change=Callback::new(move |on| app.update_settings(move |s| set(s, on)))
        />
    }
}
