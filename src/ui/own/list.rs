//! The user's decks, each with what can be done to it: open, rename, copy a link, export
//! to Markdown, remove (with undo).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::deck::Deck;
use crate::domain::own;
use crate::platform::document::{copy_text, focus_by_id, select_all};
use crate::platform::download::download_text;
use crate::route::Route;
use crate::state::AppState;
use diffdeck_content::share::Kind;
use diffdeck_content::syntax;

use super::deck_reader::share;
use super::Step;

#[component]
pub(super) fn OwnDecks(step: RwSignal<Step>) -> impl IntoView {
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
            let link = match share(Kind::Deck, syntax::to_markdown(deck)).await {
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
                        <input id=field class="field__input" type="text" readonly value=url on:focus=select_all />
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
