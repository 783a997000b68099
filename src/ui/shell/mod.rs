//! The frame around every screen: skip link, header with the app name, main navigation,
//! and the `<main>` landmark. `index.html` paints the same header statically before the
//! wasm loads, so mounting shifts nothing: keep the two in step.

use leptos::prelude::*;

use crate::route::Route;
use crate::state::AppState;

/// Every screen's `<h1>` carries this id, so focus can move to it after a navigation.
pub const SCREEN_TITLE: &str = "screen-title";

#[component]
pub fn Shell(route: Signal<Route>, children: Children) -> impl IntoView {
    let browse_current =
        move || matches!(route.get(), Route::Browse | Route::Comparison(_)).then_some("page");
    let flash_current = move || matches!(route.get(), Route::Flashcards { .. }).then_some("page");
    view! {
        <a class="skip-link" href="#main" on:click=skip_to_main>"Skip to content"</a>
        <header class="app-header">
            <div class="app-header__inner">
                <a class="brand" href="#/">
                    <svg class="brand__mark" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
                        <rect x="2" y="6" width="13" height="20" rx="3" class="brand__left" />
                        <rect x="17" y="6" width="13" height="20" rx="3" class="brand__right" />
                    </svg>
                    <span class="brand__name">"diffdeck"</span>
                </a>
                <nav class="app-nav" aria-label="Main">
                    <ul>
                        <li>
                            <a href="#/" aria-current=browse_current>
                                <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                                    <path d="M4 5h7v14H4zM13 5h7v14h-7z" />
                                </svg>
                                <span>"Browse"</span>
                            </a>
                        </li>
                        <li>
                            <a href="#/flashcards" aria-current=flash_current>
                                <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                                    <path d="M7 4h12v14H7z" />
                                    <path d="M4 7v13h12" />
                                </svg>
                                <span>"Flashcards"</span>
                            </a>
                        </li>
                    </ul>
                </nav>
            </div>
        </header>
        <main id="main" class="app-main" tabindex="-1">
            <Notices />
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
    view! {
        <section class="not-found">
            <h1 id=SCREEN_TITLE tabindex="-1">"Nothing here"</h1>
            <p>"This link does not lead to a screen of diffdeck. It may be mistyped, or come from a newer version."</p>
            <p>
                <a class="button" href="#/">"Browse all comparisons"</a>
            </p>
        </section>
    }
}

/// Messages about the user's data (unreadable saved progress, storage unavailable or
/// full), each with a way to act on it.
#[component]
fn Notices() -> impl IntoView {
    let app: AppState = expect_context();
    view! {
        <div class="notices" aria-live="polite">
            <For each=move || app.notices.get() key=|n| n.id let:notice>
                <div class="notice" role="alert">
                    <p class="notice__text">{notice.text.clone()}</p>
                    {(!notice.details.is_empty())
                        .then(|| {
                            view! {
                                <details class="notice__details">
                                    <summary>"What was wrong"</summary>
                                    <ul>
                                        {notice.details.iter().map(|d| view! { <li>{d.clone()}</li> }).collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                    <div class="notice__actions">
                        {notice
                            .download_key
                            .clone()
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
        </div>
    }
}
