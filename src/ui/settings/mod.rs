//! Settings, applied at once and stored with the progress; installing the app; and the
//! user's data: export, import (with a preview and a choice of merge or replace), and
//! reset with undo.

mod install;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::backup::{preview, Preview};
use crate::domain::calendar;
use crate::domain::progress::{Motion, Settings, Theme};
use crate::platform::document::set_title;
use crate::state::{AppState, Backup};
use crate::ui::fields::Check;
use crate::ui::quiz::QuizTimeSelect;
use crate::ui::shell::SCREEN_TITLE;

#[component]
pub fn SettingsScreen() -> impl IntoView {
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
            <form class="setup" on:submit=|ev| ev.prevent_default()>
                <h2 class="settings__group">"Studying"</h2>
                <div class="field">
                    <label class="field__label" for="new-per-day">"New cards per day"</label>
                    <input
                        id="new-per-day"
                        class="field__input"
                        type="number"
                        inputmode="numeric"
                        min="0"
                        max="200"
                        prop:value=get(|s| s.new_per_day.to_string())
                        on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<u32>() {
                                set(Box::new(move |s| s.new_per_day = n.min(200)));
                            }
                        }
                    />
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
                <InterviewDate />
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
            <YourData />
        </section>
    }
}

/// The interview date: intervals end before it, and the progress screen projects readiness.
#[component]
fn InterviewDate() -> impl IntoView {
    let app: AppState = expect_context();
    let value = move || {
        app.progress.with(|p| {
            p.settings
                .interview_day
                .map(calendar::iso)
                .unwrap_or_default()
        })
    };
    view! {
        <div class="field">
            <label class="field__label" for="interview">"Interview date"</label>
            <input
                id="interview"
                class="field__input"
                type="date"
                aria-describedby="interview-hint"
                prop:value=value
                on:change=move |ev| {
                    let day = calendar::parse_iso(&event_target_value(&ev));
                    app.update_settings(move |s| s.interview_day = day);
                }
            />
            <p class="check__hint" id="interview-hint">
                "Optional. Every card comes back at least once before that day."
            </p>
        </div>
    }
}

/// What an import would do, before the user decides.
#[derive(Clone)]
struct Pending {
    backup: Backup,
    preview: Preview,
}

#[component]
fn YourData() -> impl IntoView {
    let app: AppState = expect_context();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let done = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());

    let read = move |file: web_sys::File| {
        let promise = file.text();
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await else {
                errors.set(vec!["The file could not be read.".into()]);
                return;
            };
            match AppState::read_backup(&text.as_string().unwrap_or_default()) {
                Ok(backup) => {
                    errors.set(Vec::new());
                    let preview = preview(&backup.progress);
                    pending.set(Some(Pending { backup, preview }));
                }
                Err(problems) => {
                    pending.set(None);
                    errors.set(problems);
                }
            }
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("input").unchecked_into();
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            read(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            read(file);
        }
    };
    let apply = move |merge: bool| {
        if let Some(p) = pending.get_untracked() {
            app.import(p.backup, merge);
            pending.set(None);
            done.set(if merge {
                "Imported: merged with your progress.".into()
            } else {
                "Imported: your progress was replaced.".into()
            });
        }
    };
    let date = |ms: i64| calendar::iso(crate::domain::schedule::Now::new(ms, 0).day);
    let last_export = move || {
        app.progress.with(|p| match p.last_export_ms {
            0 => "Never exported.".to_string(),
            ms => format!("Last exported on {}.", date(ms)),
        })
    };

    view! {
        <section class="data" aria-labelledby="data-title">
            <h2 class="settings__group" id="data-title">"Your data"</h2>
            <p class="check__hint">
                "Your progress and your own decks live in this browser. Export them to keep a copy or to move them to another browser."
            </p>
            <p>{last_export}</p>
            <p>
                <a href=crate::route::Route::Decks.href()>"Your own decks"</a>
                ": add a deck from a Markdown file, export or remove one."
            </p>
            <div class="summary__actions">
                <button class="button button--primary" type="button" on:click=move |_| app.export()>
                    "Export progress"
                </button>
            </div>
            <div class="dropzone" on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default() on:drop=on_drop>
                <label class="field__label" for="import-file">"Import a backup file"</label>
                <input id="import-file" type="file" accept="application/json,.json" on:change=on_file />
                <p class="check__hint">"Or drop the file here."</p>
            </div>
            <Show when=move || !errors.with(Vec::is_empty)>
                <div class="notice" role="alert">
                    <p>"This file cannot be imported:"</p>
                    <ul>{move || errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()}</ul>
                </div>
            </Show>
            {move || {
                pending
                    .get()
                    .map(|p| {
                        let range = p
                            .preview
                            .range
                            .map(|(a, b)| format!(" from {} to {}", date(a), date(b)))
                            .unwrap_or_default();
                        view! {
                            <div class="preview" role="region" aria-label="Import preview">
                                <p>
                                    {format!(
                                        "This file holds {} {} of {} {}{range}.",
                                        p.preview.reviews,
                                        if p.preview.reviews == 1 { "review" } else { "reviews" },
                                        p.preview.cards,
                                        if p.preview.cards == 1 { "card" } else { "cards" },
                                    )}
                                </p>
                                {(!p.backup.decks.is_empty())
                                    .then(|| {
                                        let titles: Vec<String> = p
                                            .backup
                                            .decks
                                            .iter()
                                            .map(|d| format!("“{}”", d.deck.title))
                                            .collect();
                                        let n = titles.len();
                                        view! {
                                            <p>
                                                {format!(
                                                    "It also holds {n} of your own {}: {}.",
                                                    if n == 1 { "deck" } else { "decks" },
                                                    titles.join(", "),
                                                )}
                                            </p>
                                            <p class="check__hint">
                                                "No deck of yours is removed. For a deck you already have, replacing takes the file's version; merging keeps the newer one."
                                            </p>
                                        }
                                    })}
                                {(!p.backup.warnings.is_empty())
                                    .then(|| {
                                        view! {
                                            <ul class="check__hint">
                                                {p.backup.warnings.iter().map(|w| view! { <li>{w.clone()}</li> }).collect_view()}
                                            </ul>
                                        }
                                    })}
                                <div class="summary__actions">
                                    <button class="button button--primary" type="button" on:click=move |_| apply(true)>
                                        "Merge with my progress"
                                    </button>
                                    <button class="button" type="button" on:click=move |_| apply(false)>
                                        "Replace my progress"
                                    </button>
                                    <button class="button button--quiet" type="button" on:click=move |_| pending.set(None)>
                                        "Cancel"
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
            <p class="visually-hidden" role="status">{move || done.get()}</p>
            <Show when=move || !done.with(String::is_empty)>
                <p class="done">{move || done.get()}</p>
            </Show>
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
