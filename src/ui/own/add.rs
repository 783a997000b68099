//! Adding a deck: from a Markdown file, pasted text or a shared link, read by the deck
//! reader; its faults by line beside the text, or a preview and "Add".

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::deck::Deck;
use crate::domain::own;
use crate::platform::document::focus_by_id;
use crate::route::Route;
use crate::state::AppState;
use diffdeck_content::share::Kind;
use diffdeck_content::Fault;

use super::deck_reader::{read, unshare, with_lines};
use super::{Checked, Step, RESULT};

#[component]
pub(super) fn AddDeck(step: RwSignal<Step>, link: Option<String>) -> impl IntoView {
    let app: AppState = expect_context();
    let text = RwSignal::new(String::new());

    let check = move |name: String, bytes: Vec<u8>| {
        step.set(Step::Reading);
        wasm_bindgen_futures::spawn_local(async move {
            let result = match read(&name, bytes.clone()).await {
                Some(Ok(deck)) => Checked::Deck(deck),
                Some(Err(faults)) => Checked::Faults(with_lines(faults, &bytes)),
                None => Checked::NoReader,
            };
            step.set(Step::Checked(result));
            // The preview or the faults are below the fold on a phone: take the reader there.
            request_animation_frame(|| focus_by_id(RESULT));
        });
    };
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = ev.target().expect("input").unchecked_into();
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        let promise = file.array_buffer();
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    // Text goes into the box too, to be fixed there and checked again (not
                    // a file past the size limit: it could not be added anyway).
                    if bytes.len() <= diffdeck_content::parse::MAX_BYTES {
                        if let Ok(t) = std::str::from_utf8(&bytes) {
                            text.set(t.to_string());
                        }
                    }
                    check(name, bytes)
                }
                Err(_) => step.set(Step::Checked(Checked::Faults(vec![(
                    Fault {
                        line: 1,
                        message: "the file could not be read".into(),
                    },
                    String::new(),
                )]))),
            }
        });
    };
    let on_paste_check = move |_| check("pasted.md".into(), text.get_untracked().into_bytes());
    // A shared link: its deck goes into the box and through the same check.
    if let Some(data) = link {
        step.set(Step::Reading);
        wasm_bindgen_futures::spawn_local(async move {
            match unshare(Kind::Deck, Route::AddDeck(data).href()).await {
                Some(Ok(markdown)) => {
                    text.set(markdown.clone());
                    check("link".into(), markdown.into_bytes());
                }
                Some(Err(why)) => {
                    step.set(Step::Checked(Checked::BadLink(why)));
                    request_animation_frame(|| focus_by_id(RESULT));
                }
                None => step.set(Step::Checked(Checked::NoReader)),
            }
        });
    }
    let add = move |deck: Deck| {
        let title = deck.title.clone();
        let id = app.add_deck(deck);
        text.set(String::new());
        step.set(Step::Added { id, title });
    };

    let result = move || {
        step.with(|s| match s {
            Step::Checked(c) => Some(c.clone()),
            _ => None,
        })
        .map(|c| match c {
            Checked::NoReader => view! {
                <div class="notice" role="alert">
                    <p class="notice__text">
                        "The deck reader could not be loaded: this device seems to be offline, and it was not saved for offline use yet. Try again when you are online."
                    </p>
                </div>
            }
            .into_any(),
            Checked::BadLink(why) => view! {
                <div class="notice" role="alert">
                    <p class="notice__text">{why}</p>
                </div>
            }
            .into_any(),
            Checked::Faults(faults) => view! {
                <div class="notice" role="alert">
                    <p class="notice__text">"This deck cannot be added yet. Fix these lines and check it again:"</p>
                    <ol class="faults">
                        {faults
                            .into_iter()
                            .map(|(f, line)| {
                                view! {
                                    <li class="faults__item">
                                        <span class="faults__line">{format!("Line {}: ", f.line)}</span>
                                        {f.message}
                                        {(!line.trim().is_empty()).then(|| view! { <code class="faults__text">{line}</code> })}
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ol>
                </div>
            }
            .into_any(),
            Checked::Deck(deck) => {
                let id = own::deck_id(&deck.title);
                let replaces = untrack(|| app.own_decks())
                    .into_iter()
                    .find(|d| d.id == id)
                    .map(|d| d.title.clone());
                let count = deck.comparisons().count();
                let phases = deck.phases.len();
                let summary = format!(
                    "{}: {} {}, {count} {}.",
                    deck.title,
                    phases,
                    if phases == 1 { "phase" } else { "phases" },
                    if count == 1 { "comparison" } else { "comparisons" }
                );
                let outline = deck
                    .phases
                    .iter()
                    .map(|p| {
                        let titles: Vec<String> = p.comparisons.iter().map(|c| c.title()).collect();
                        view! {
                            <li>
                                <span class="own__phase">{Deck::phase_label(p)}</span>
                                {format!(": {}", titles.join(", "))}
                            </li>
                        }
                    })
                    .collect_view();
                let action = if replaces.is_some() { "Replace my deck" } else { "Add this deck" };
                view! {
                    <div class="preview" role="region" aria-label="Deck preview">
                        <p>{summary}</p>
                        <ul class="own__outline">{outline}</ul>
                        {replaces.map(|old| view! {
                            <p class="check__hint">
                                {format!("This replaces your deck “{old}” (same title). Reviews of the comparisons it still has keep counting.")}
                            </p>
                        })}
                        <div class="summary__actions">
                            <button class="button button--primary" type="button" on:click=move |_| add(deck.clone())>
                                {action}
                            </button>
                            <button class="button button--quiet" type="button" on:click=move |_| step.set(Step::Idle)>
                                "Cancel"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            }
        })
    };

    view! {
        <section aria-labelledby="add-title">
            <h2 class="settings__group" id="add-title">"Add a deck"</h2>
            <div class="dropzone">
                <label class="field__label" for="deck-file">"A Markdown file (.md or .txt)"</label>
                <input id="deck-file" type="file" accept=".md,.markdown,.txt,text/markdown,text/plain" on:change=on_file />
            </div>
            <label class="field__label" for="deck-text">"…or paste the deck here"</label>
            <textarea
                id="deck-text"
                class="own__text"
                rows="8"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="summary__actions">
                <button
                    class="button"
                    type="button"
                    disabled=move || step.with(|s| matches!(s, Step::Reading)) || text.with(|t| t.trim().is_empty())
                    on:click=on_paste_check
                >
                    "Check the pasted deck"
                </button>
            </div>
            <div id=RESULT tabindex="-1" aria-live="polite">
                {move || step.with(|s| matches!(s, Step::Reading)).then(|| view! { <p role="status">"Reading the deck…"</p> })}
                {result}
                {move || step.with(|s| match s {
                    Step::Added { id, title } => Some((id.clone(), title.clone())),
                    _ => None,
                })
                .map(|(id, title)| view! {
                    <p class="own__added" role="status">{format!("Added “{title}”.")}</p>
                    <p class="summary__actions">
                        <a class="button button--primary" href=Route::Flashcards { only: vec![], deck: Some(id.clone()) }.href()>
                            "Study it now"
                        </a>
                        <a class="button" href=Route::Deck(id).href()>"Read it"</a>
                    </p>
                })}
            </div>
        </section>
    }
}
