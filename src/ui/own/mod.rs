//! Your decks (`#/decks`): add a deck from a Markdown file or pasted text, checked by the
//! same parser as the build (the deck reader, loaded on first use), with its faults by
//! line or a preview before anything is stored; open a deck shared as a link (`#/add/…`)
//! the same way; rename a deck, export it back to Markdown, share it as a link, remove it
//! (with undo).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::shell::SCREEN_TITLE;
use crate::content::{self, syntax, Fault, Reading};
use crate::domain::deck::Deck;
use crate::domain::own::{self, UserDeck};
use crate::platform::document::{copy_text, focus_by_id, set_title};
use crate::platform::download::download_text;
use crate::route::Route;
use crate::state::AppState;

/// Where the check's answer shows (and focus goes).
const RESULT: &str = "deck-result";

/// The example deck offered beside the format guide.
const EXAMPLE: &str = include_str!("../../../content/example.md");

/// What just happened on the screen (one signal for all of it: every signal type is
/// code in the first download, see ARCHITECTURE.md).
#[derive(Clone)]
enum Step {
    Idle,
    Reading,
    Checked(Checked),
    Added {
        id: String,
        title: String,
    },
    /// A deck removed, and its place, until undone or something else happens.
    Removed {
        at: usize,
        deck: UserDeck,
    },
    /// A deck's title being changed; why the last try was refused, if it was.
    Renaming {
        id: String,
        error: Option<String>,
    },
    Renamed {
        title: String,
    },
    /// A deck's link: made (and copied to the clipboard, or not), or why it cannot be.
    Shared {
        id: String,
        link: Result<String, String>,
        copied: bool,
    },
}

/// What the last check found.
#[derive(Clone)]
enum Checked {
    /// A deck, ready to add.
    Deck(Deck),
    /// Its faults, each with the text of its line.
    Faults(Vec<(Fault, String)>),
    /// A shared link that holds no deck: why.
    BadLink(String),
    /// The reader itself could not be loaded (offline before it was saved).
    NoReader,
}

/// Reads a deck file's bytes with the deck reader.
async fn read(file: &str, bytes: Vec<u8>) -> Option<Reading> {
    #[cfg(feature = "split")]
    {
        let answer = crate::platform::reader::read(file, &bytes).await?;
        content::decode_reading(&answer)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(content::reading(file, &bytes))
    }
}

/// A deck file's text as a link's fragment (`#/add/1.…`), or why it cannot be one;
/// `None` if the reader cannot be loaded.
async fn share(markdown: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        content::decode_text(&crate::platform::reader::link(&markdown).await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(content::share::encode(&markdown).map_err(|e| e.to_string()))
    }
}

/// The deck file's text a link's fragment carries, or why it carries none; `None` if the
/// reader cannot be loaded.
async fn unshare(fragment: String) -> Option<Result<String, String>> {
    #[cfg(feature = "split")]
    {
        content::decode_text(&crate::platform::reader::open(&fragment).await?)
    }
    #[cfg(not(feature = "split"))]
    {
        Some(content::share::decode(&fragment).map_err(|e| e.to_string()))
    }
}

/// The faults of a reading, each with its line's text (cut short) to show beside it.
fn with_lines(faults: Vec<Fault>, bytes: &[u8]) -> Vec<(Fault, String)> {
    let text = String::from_utf8_lossy(bytes);
    let lines: Vec<&str> = text.lines().collect();
    faults
        .into_iter()
        .map(|f| {
            let line = lines
                .get((f.line as usize).saturating_sub(1))
                .copied()
                .unwrap_or("");
            let shown: String = line.chars().take(160).collect();
            (f, shown)
        })
        .collect()
}

/// The screen; `link` is what follows `#/add/` when it opens a shared deck.
#[component]
pub fn DecksScreen(#[prop(optional)] link: Option<String>) -> impl IntoView {
    set_title("Your decks — diffdeck");
    let step = RwSignal::new(Step::Idle);
    view! {
        <section class="own" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">"Your decks"</h1>
            <p class="check__hint">
                "Bring your own “A vs B” cheat sheet, in Markdown, and study it like the Docker decks. It stays in this browser; nothing is sent anywhere."
            </p>
            <AddDeck step=step link=link />
            <OwnDecks step=step />
            <Guide />
        </section>
    }
}

#[component]
fn AddDeck(step: RwSignal<Step>, link: Option<String>) -> impl IntoView {
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
                    if bytes.len() <= content::parse::MAX_BYTES {
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
            match unshare(Route::AddDeck(data).href()).await {
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
                    <p class="own__added" role="status">
                        {format!("Added “{title}”. ")}
                        <a href=Route::Deck(id).href()>"Open it"</a>
                    </p>
                })}
            </div>
        </section>
    }
}

#[component]
fn OwnDecks(step: RwSignal<Step>) -> impl IntoView {
    let app: AppState = expect_context();
    let list = move || {
        let own = app.own_decks();
        if own.is_empty() {
            return view! { <p class="check__hint">"You have not added a deck yet."</p> }
                .into_any();
        }
        view! {
            <ul class="own__list" role="list">
                {own.into_iter().map(|deck| view! { <OwnDeck deck=deck step=step /> }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="own-title">
            <h2 class="settings__group" id="own-title">"Added decks"</h2>
            {list}
            <div aria-live="polite">
                {move || step.with(|s| match s {
                    Step::Removed { at, deck } => Some((*at, deck.clone())),
                    _ => None,
                })
                .map(|(at, deck)| {
                    let title = deck.deck.title.clone();
                    view! {
                        <p class="own__removed" role="status">
                            {format!("Removed “{title}”. ")}
                            <button class="button button--quiet" type="button" on:click=move |_| {
                                app.restore_deck(at, deck.clone());
                                step.set(Step::Idle);
                            }>
                                "Undo"
                            </button>
                        </p>
                    }
                })}
                {move || step.with(|s| match s {
                    Step::Renamed { title } => Some(view! { <p role="status">{format!("Renamed to “{title}”.")}</p> }),
                    _ => None,
                })}
            </div>
            <p class="check__hint">
                "Your decks are kept in this browser, next to your progress, and go into the backup file that Settings exports."
            </p>
        </section>
    }
}

/// One of the user's decks in the list, with what can be done to it.
#[component]
fn OwnDeck(deck: &'static Deck, step: RwSignal<Step>) -> impl IntoView {
    let app: AppState = expect_context();
    let id = deck.id.clone();
    let name_id = format!("own-{id}");
    let link_name_id = name_id.clone();
    let input_id = format!("rename-{id}");
    let count = deck.comparisons().count();
    let export = move |_| {
        let name = format!("{}.md", deck.id.trim_start_matches(own::PREFIX));
        download_text(&name, &syntax::to_markdown(deck), "text/markdown");
    };
    let copy_link = move |_| {
        wasm_bindgen_futures::spawn_local(async move {
            let link = match share(syntax::to_markdown(deck)).await {
                Some(link) => link.map(|fragment| crate::platform::location::link_to(&fragment)),
                None => Err("The deck reader could not be loaded: this device seems to be offline. Try again when you are online.".into()),
            };
            let copied = match &link {
                Ok(url) => copy_text(url).await,
                Err(_) => false,
            };
            step.set(Step::Shared {
                id: deck.id.clone(),
                link,
                copied,
            });
        });
    };
    let start_rename = {
        let input_id = input_id.clone();
        move |_| {
            step.set(Step::Renaming {
                id: deck.id.clone(),
                error: None,
            });
            let input_id = input_id.clone();
            request_animation_frame(move || focus_by_id(&input_id));
        }
    };
    let rename = {
        let input_id = input_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let title = document()
                .get_element_by_id(&input_id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            match app.rename_deck(&deck.id, &title) {
                Ok(()) => {
                    step.set(Step::Renamed {
                        title: title.trim().to_string(),
                    });
                    let name_id = format!("own-{}", deck.id);
                    request_animation_frame(move || focus_by_id(&name_id));
                }
                Err(e) => step.set(Step::Renaming {
                    id: deck.id.clone(),
                    error: Some(e.to_string()),
                }),
            }
        }
    };
    let rename_form = move || {
        step.with(|s| match s {
            Step::Renaming { id, error } if *id == deck.id => Some(error.clone()),
            _ => None,
        })
        .map(|error| {
            let error_id = format!("{input_id}-error");
            view! {
                <form class="own__form" on:submit=rename.clone()>
                    <label class="field__label" for=input_id.clone()>{format!("New title for “{}”", deck.title)}</label>
                    <input
                        id=input_id.clone()
                        class="field__input"
                        type="text"
                        autocomplete="off"
                        maxlength=own::MAX_TITLE.to_string()
                        value=deck.title.clone()
                        aria-invalid=error.is_some().then_some("true")
                        aria-describedby=error.is_some().then(|| error_id.clone())
                    />
                    {error.map(|e| view! { <p class="own__error" id=error_id>{e}</p> })}
                    <div class="summary__actions">
                        <button class="button button--primary" type="submit">"Save title"</button>
                        <button class="button button--quiet" type="button" on:click=move |_| step.set(Step::Idle)>
                            "Cancel"
                        </button>
                    </div>
                </form>
            }
        })
    };
    let shared = move || {
        step.with(|s| match s {
            Step::Shared { id, link, copied } if *id == deck.id => Some((link.clone(), *copied)),
            _ => None,
        })
        .map(|(link, copied)| match link {
            Ok(url) => {
                let field = format!("link-{}", deck.id);
                let chars = url.len();
                view! {
                    <div class="own__form">
                        <label class="field__label" for=field.clone()>{format!("Link to “{}”", deck.title)}</label>
                        <input id=field class="field__input" type="text" readonly value=url on:focus=|ev| {
                            let input: web_sys::HtmlInputElement = ev.target().expect("input").unchecked_into();
                            input.select();
                        } />
                        <p class="check__hint" role="status">
                            {format!(
                                "{} ({chars} characters). Whoever opens it sees the deck and can add it; the deck travels in the link, not through a server.",
                                if copied { "Link copied" } else { "Copy this link" },
                            )}
                        </p>
                    </div>
                }
                .into_any()
            }
            Err(why) => view! {
                <p class="notice notice__text" role="alert">{why}</p>
            }
            .into_any(),
        })
    };
    view! {
        <li class="own__deck">
            <a class="own__name" id=link_name_id href=Route::Deck(id).href()>{deck.title.clone()}</a>
            <span class="check__hint">{format!("{count} {}", if count == 1 { "comparison" } else { "comparisons" })}</span>
            <div class="summary__actions">
                <button class="button" type="button" aria-describedby=name_id.clone() on:click=copy_link>
                    "Copy link"
                </button>
                <button class="button" type="button" aria-describedby=name_id.clone() on:click=export>
                    "Export as Markdown"
                </button>
                <button class="button button--quiet" type="button" aria-label=format!("Rename {}", deck.title) on:click=start_rename>
                    "Rename"
                </button>
                <button
                    class="button button--quiet"
                    type="button"
                    aria-label=format!("Remove {}", deck.title)
                    on:click=move |_| {
                        if let Some((at, deck)) = app.remove_deck(&deck.id) {
                            step.set(Step::Removed { at, deck });
                        }
                    }
                >
                    "Remove"
                </button>
            </div>
            {rename_form}
            {shared}
        </li>
    }
}

#[component]
fn Guide() -> impl IntoView {
    view! {
        <section aria-labelledby="guide-title">
            <h2 class="settings__group" id="guide-title">"How to write a deck"</h2>
            <ul class="own__guide">
                <li><code>"# Title"</code>" names the deck."</li>
                <li><code>"## Phase 1 – Basics"</code>" starts a phase (numbered, with a title)."</li>
                <li>"A comparison is a line such as "<code>"Left vs Right"</code>", then a list: "<code>"- Left:"</code>" with its points under it, then "<code>"- Right:"</code>" with its points."</li>
                <li>"Optional: "<code>"{both}"</code>" after a point true of both sides, a group such as "<code>"- Tip:"</code>", a "<code>"Sources: [title](https://…)"</code>" line, a note as "<code>"> …"</code>"."</li>
                <li>"At most 1 MB, 1,000 comparisons and 5,000 characters a line. Links must be https; raw HTML is refused."</li>
                <li>"“Copy link” puts a whole deck in a link of at most 32,000 characters (about 70 KB of Markdown, 1,000 lines or so); share a larger deck as its file."</li>
            </ul>
            <div class="summary__actions">
                <button class="button" type="button" on:click=|_| download_text("example-deck.md", EXAMPLE, "text/markdown")>
                    "Download an example deck"
                </button>
            </div>
        </section>
    }
}
