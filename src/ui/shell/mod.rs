//! The frame around every screen: skip link, header with the app name, main navigation,
//! and the `<main>` landmark. `index.html` paints the same header statically before the
//! wasm loads, so mounting shifts nothing: keep the two in step.

use leptos::prelude::*;

use crate::route::Route;
use crate::state::AppState;

/// A main navigation entry. `index.html` repeats these for the first paint.
struct NavItem {
    label: &'static str,
    href: &'static str,
    /// An SVG path (24 × 24, stroked).
    icon: &'static str,
    active: fn(&Route) -> bool,
}

const NAV: &[NavItem] = &[
    NavItem {
        label: "Browse",
        href: "#/",
        icon: "M4 5h7v14H4zM13 5h7v14h-7z",
        active: |r| matches!(r, Route::Browse | Route::Deck(_) | Route::Comparison(_)),
    },
    NavItem {
        label: "Flashcards",
        href: "#/flashcards",
        icon: "M7 4h12v14H7zM4 7v13h12",
        active: |r| matches!(r, Route::Flashcards { .. }),
    },
    NavItem {
        label: "Match",
        href: "#/match",
        icon: "M4 5h6v6H4zM14 13h6v6h-6zM10 8h4v5",
        active: |r| matches!(r, Route::Match),
    },
    NavItem {
        label: "Quiz",
        href: "#/quiz",
        icon: "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M9.5 9.5a2.5 2.5 0 1 1 3.4 2.3c-.6.3-.9.8-.9 1.4v.8M12 16.8v.2",
        active: |r| matches!(r, Route::Quiz),
    },
    NavItem {
        label: "Progress",
        href: "#/progress",
        icon: "M4 20V10M10 20V4M16 20v-7M22 20H2",
        active: |r| matches!(r, Route::Progress),
    },
    NavItem {
        label: "Settings",
        href: "#/settings",
        icon: "M4 6h10M18 6h2M4 12h4M12 12h8M4 18h12M20 18h0M16 4v4M10 10v4M18 16v4",
        active: |r| matches!(r, Route::Settings),
    },
];

/// Every screen's `<h1>` carries this id, so focus can move to it after a navigation.
pub const SCREEN_TITLE: &str = "screen-title";

#[component]
pub fn Shell(route: Signal<Route>, children: Children) -> impl IntoView {
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
                        {NAV
                            .iter()
                            .map(|item| {
                                let current = move || (item.active)(&route.get()).then_some("page");
                                view! {
                                    <li>
                                        <a href=item.href aria-current=current>
                                            <svg class="nav-icon" viewBox="0 0 24 24" aria-hidden="true">
                                                <path d=item.icon />
                                            </svg>
                                            <span>{item.label}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </nav>
            </div>
        </header>
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
        }
        .into_any()
    }
}

/// "Update available — reload": shown when a new version waits, but never during a timed
/// round. Progress is already saved (after every change), so reloading loses nothing.
#[component]
fn UpdatePrompt() -> impl IntoView {
    let app: AppState = expect_context();
    let dismissed = RwSignal::new(false);
    let show = move || app.update_ready.get() && !app.busy.get() && !dismissed.get();
    view! {
        <Show when=show>
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
        </Show>
    }
}
