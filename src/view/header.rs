//! The app's header: its name and the main navigation, in the app (the current screen
//! marked) and on the pre-rendered pages (linking into the app).

use leptos::prelude::*;

use super::Links;
use crate::route::Route;

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
        label: "Practice",
        href: "#/predict",
        icon: "M4 5h16v11H9l-5 4zM8 9h8M8 12h5",
        active: |r| matches!(r, Route::Practice { .. }),
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

/// The header; `route` marks the current entry (`aria-current="page"`).
#[component]
pub fn Header(links: Links, #[prop(into)] route: Signal<Route>) -> impl IntoView {
    view! {
        <header class="app-header">
            <div class="app-header__inner">
                <a class="brand" href=links.app("#/")>
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
                                        <a href=links.app(item.href) aria-current=current>
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
    }
}
