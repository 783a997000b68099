//! The user's data: where it lives, export, import from a backup file or a sync link (with
//! a preview of what it holds and what merging adds, and a choice of merge or replace;
//! a link, which may hold only recent changes, merges), and reset (`reset.rs`).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::reset::ResetProgress;
use super::send::OFFLINE;
use crate::domain::backup::{preview, Preview};
use crate::domain::calendar;
use crate::domain::sync::{adds, decks_of, Adds};
use crate::platform::document::reveal_soon;
use crate::route::Route;
use crate::state::{AppState, Backup};
use crate::ui::own::deck_reader::unshare;
use diffdeck_content::share::Kind;

/// What an import would do, before the user decides.
#[derive(Clone)]
struct Pending {
    backup: Backup,
    preview: Preview,
    adds: Adds,
    /// What it holds is of these decks (their titles).
    decks: String,
    /// Cards it reviewed that are of no deck here (a deck of the user's not on this device).
    elsewhere: usize,
}

/// `link`: what follows `#/sync/` when the screen opens a sync link.
/// The import preview's id: a sync link's preview takes focus when it is ready.
const PREVIEW: &str = "import-preview";

/// `n` and the word for it: "1 review", "2 reviews".
fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub(super) fn YourData(link: Option<String>) -> impl IntoView {
    let app: AppState = expect_context();
    let pending: RwSignal<Option<Pending>> = RwSignal::new(None);
    let errors: RwSignal<Vec<String>> = RwSignal::new(Vec::new());
    let done = RwSignal::new(String::new());
    let from_link = link.is_some();

    let take = move |text: Result<String, String>| match text
        .map_err(|why| vec![why])
        .and_then(|text| AppState::read_backup(&text))
    {
        Ok(backup) => {
            errors.set(Vec::new());
            let preview = preview(&backup.progress);
            let adds = app.progress.with_untracked(|p| adds(p, &backup.progress));
            let (titles, elsewhere) = app
                .library
                .with_untracked(|l| decks_of(l, &backup.progress));
            let decks = titles
                .iter()
                .map(|t| format!("“{t}”"))
                .collect::<Vec<_>>()
                .join(", ");
            pending.set(Some(Pending {
                backup,
                preview,
                adds,
                decks,
                elsewhere,
            }));
            if from_link {
                reveal_soon(PREVIEW);
            }
        }
        Err(problems) => {
            pending.set(None);
            errors.set(problems);
        }
    };
    let read = move |file: web_sys::File| {
        let promise = file.text();
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(promise).await;
            take(
                text.map(|t| t.as_string().unwrap_or_default())
                    .map_err(|_| "The file could not be read.".into()),
            );
        });
    };
    if let Some(data) = link {
        wasm_bindgen_futures::spawn_local(async move {
            let text = unshare(Kind::Sync, Route::Sync(data).href()).await;
            take(text.unwrap_or_else(|| Err(OFFLINE.into())));
        });
    }
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
                    <p>
                        {if from_link {
                            "This link cannot be opened; nothing was changed:"
                        } else {
                            "This file cannot be imported:"
                        }}
                    </p>
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
                            .map(|(a, b)| format!(", from {} to {}", date(a), date(b)))
                            .unwrap_or_default();
                        view! {
                            <div class="preview" role="region" aria-label="Import preview" id=PREVIEW tabindex="-1">
                                <p>
                                    {format!(
                                        "This {} holds {} of {} on {}{range}{}.",
                                        if from_link { "link" } else { "file" },
                                        counted(p.preview.reviews, "review", "reviews"),
                                        counted(p.preview.cards, "card", "cards"),
                                        counted(p.preview.days, "study day", "study days"),
                                        if p.decks.is_empty() { String::new() } else { format!(", in {}", p.decks) },
                                    )}
                                </p>
                                <p>
                                    {if p.adds.reviews == 0 {
                                        "You already have all of its reviews: merging adds none.".to_string()
                                    } else {
                                        format!(
                                            "Merging adds {} and {} here.",
                                            counted(p.adds.reviews, "review", "reviews"),
                                            counted(p.adds.days, "new study day", "new study days"),
                                        )
                                    }}
                                </p>
                                {(p.elsewhere > 0 && p.backup.decks.is_empty()).then(|| view! {
                                    <p class="check__hint">
                                        {format!(
                                            "{} of a deck this device does not have: kept, they count once you add the deck here (its link or file).",
                                            counted(p.elsewhere, "card is", "cards are"),
                                        )}
                                    </p>
                                })}
                                {(p.adds.removed > 0).then(|| view! {
                                    <p class="notice">
                                        {format!(
                                            "Merging also takes away {} here: the other copy was reset after them.",
                                            counted(p.adds.removed, "review", "reviews"),
                                        )}
                                    </p>
                                })}
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
                                    {(!from_link).then(|| view! {
                                        <button class="button" type="button" on:click=move |_| apply(false)>
                                            "Replace my progress"
                                        </button>
                                    })}
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
            <ResetProgress done=done />
        </section>
    }
}
