//! The frame around every screen: skip link, the header (`view::header`, shared with the
//! pre-rendered pages), and the `<main>` landmark with the notices. `index.html` paints
//! the same header statically before the wasm loads, so mounting shifts nothing: keep the
//! two in step.

use leptos::prelude::*;

use crate::route::Route;
use crate::state::{AppState, MemoryOnly, StorageNotice};
use crate::view::header::Header;
use crate::view::page::NotFoundSection;
use crate::view::Links;

pub use crate::view::SCREEN_TITLE;

#[component]
pub fn Shell(route: Signal<Route>, children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <Header links=Links::App route=route />
        <main id="main" class="app-main" tabindex="-1">
            <Notices />
            <UpdatePrompt />
            {children()}
        </main>
    }
}

/// The skip link's target is `<main>`, but `#main` in the URL would be read as a route:
/// move focus there without touching the hash.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    crate::platform::document::focus_by_id("main");
}

#[component]
pub fn NotFound() -> impl IntoView {
    crate::platform::document::set_title("Not found — diffdeck");
    view! { <NotFoundSection home="#/" /> }
}

/// Messages about the user's data (unreadable saved progress, storage unavailable or
/// full), each with a way to act on it. Rare, so their code is fetched when there is one.
#[component]
fn Notices() -> impl IntoView {
    let app: AppState = expect_context();
    let any = Memo::new(move |_| app.notices.with(|n| !n.is_empty()));
    view! {
        <div class="notices" aria-live="polite">
            {move || {
                any.get()
                    .then(|| Suspend::new(async move { notice_list(app).await.unwrap_or_else(|_| ().into_any()) }))
            }}
        </div>
    }
}

crate::platform::split::split! {
    fn notice_list(app: AppState) -> AnyView {
        view! {
            <For each=move || app.notices.get() key=|n| n.id let:notice>
                <div class="notice" role="alert">
                    <p class="notice__text">{words(&notice.about)}</p>
                    {problems(&notice.about)
                        .filter(|p| !p.is_empty())
                        .map(|problems| {
                            view! {
                                <details class="notice__details">
                                    <summary>"What was wrong"</summary>
                                    <ul>
                                        {problems.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                    <div class="notice__actions">
                        {notice
                            .download_key()
                            .map(str::to_string)
                            .map(|key| {
                                view! {
                                    <button class="button" type="button" on:click=move |_| app.download_original(&key)>
                                        "Download the original"
                                    </button>
                                }
                            })}
                        <button class="button button--quiet" type="button" on:click=move |_| app.dismiss(notice.id)>
                            "Dismiss"
                        </button>
                    </div>
                </div>
            </For>
        }
        .into_any()
    }
}

/// What a notice tells the user.
fn words(notice: &StorageNotice) -> &'static str {
    match notice {
        StorageNotice::Recovered { .. } => "Some of your saved progress could not be read. Everything that could be read was kept, and the original data is saved: download it to keep a copy.",
        StorageNotice::DecksRecovered { .. } => "Some of your own decks could not be read. The others were kept, and the original data is saved: download it to keep a copy.",
        StorageNotice::MemoryOnly(MemoryOnly::Unavailable) => "This browser does not let diffdeck save data (private browsing?). Your progress is kept only until this tab closes.",
        StorageNotice::MemoryOnly(MemoryOnly::Full) => "Your browser's storage is full. Progress from now on is kept only until this tab closes.",
        StorageNotice::MemoryOnly(MemoryOnly::KeepingOriginal) => "Your saved data was left untouched because there is no room to copy it aside. Progress from now on is kept only until this tab closes.",
        StorageNotice::DecksNotSaved(MemoryOnly::Unavailable) => "This browser does not let diffdeck save data, so your own decks are kept only until this tab closes. Export them as Markdown to keep them.",
        StorageNotice::DecksNotSaved(MemoryOnly::Full) => "Your browser's storage is full: the change to your decks is kept only until this tab closes. Export them as Markdown to keep them, or remove one.",
        StorageNotice::DecksNotSaved(MemoryOnly::KeepingOriginal) => "Your saved decks were left untouched because there is no room to copy them aside: changes to your decks are kept only until this tab closes.",
    }
}

/// What was wrong with the stored data, where the notice lists it.
fn problems(notice: &StorageNotice) -> Option<&Vec<String>> {
    match notice {
        StorageNotice::Recovered { problems, .. }
        | StorageNotice::DecksRecovered { problems, .. } => Some(problems),
        StorageNotice::MemoryOnly(_) | StorageNotice::DecksNotSaved(_) => None,
    }
}

/// "Update available — reload": shown when a new version waits, but never during a timed
/// round. Progress is already saved (after every change), so reloading loses nothing.
#[component]
fn UpdatePrompt() -> impl IntoView {
    let app: AppState = expect_context();
    let dismissed = RwSignal::new(false);
    let show = Memo::new(move |_| app.update_ready.get() && !app.busy.get() && !dismissed.get());
    move || {
        show.get().then(|| {
            view! {
            <div class="update" role="status">
                <p>"A new version of diffdeck is ready."</p>
                <div class="notice__actions">
                    <button class="button button--primary" type="button" on:click=move |_| crate::platform::sw::apply_update()>
                        "Reload"
                    </button>
                    <button class="button button--quiet" type="button" on:click=move |_| dismissed.set(true)>
                        "Later"
                    </button>
                </div>
            </div>
            }
        })
    }
}
