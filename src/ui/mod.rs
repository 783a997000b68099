//! The Leptos screens. `ui` reads the app state and the domain, uses `platform` for the
//! browser, and never touches storage itself. One folder per screen.

pub mod browse;
pub mod choice;
pub mod fields;
pub mod flip;
pub mod lazy;
pub mod matching;
pub mod own;
pub mod plan;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod round;
pub mod scope;
pub mod settings;
pub mod shell;

use std::sync::Arc;

use leptos::prelude::*;

use crate::domain::deck::Deck;
use crate::platform::split::split;
use crate::platform::{document as doc, location::use_route};
use crate::route::Route;
use crate::state::AppState;
use lazy::{lazy_screen, PendingFocus};

/// View state that outlives a screen (the search text survives a visit to a comparison
/// and back).
#[derive(Clone, Copy)]
pub struct BrowseState {
    pub query: RwSignal<String>,
    /// How many phases Browse has rendered. When the app opens on Browse, it renders them
    /// one per task after its header (see `browse`); later visits render them all at once.
    pub phases_shown: RwSignal<usize>,
}

/// Starts the app on the pre-rendered page: fetches the first deck (index.html's loader
/// prefetched it), builds the app off screen, and puts it in the static paint's place once its first
/// screen is built ([`doc::take_over`]): the same content in the same places, so nothing
/// moves. If the deck cannot be fetched, the page stays readable and says so.
pub fn mount() {
    // Not Leptos's spawn_local: its executor starts with the first mount.
    wasm_bindgen_futures::spawn_local(async {
        match crate::state::first_deck().await {
            Ok(deck) => {
                leptos::mount::mount_to(doc::stage(), move || view! { <App deck=deck /> }).forget()
            }
            Err(_) => could_not_start(),
        }
    });
}

/// The first deck could not be fetched (offline before it was cached): a notice at the
/// top of the page, which stays readable. "Try again" loads the page again.
fn could_not_start() {
    let Some(main) = document().get_element_by_id("main") else {
        return;
    };
    let notice = document().create_element("div").expect("a div");
    notice.set_class_name("notice");
    let _ = notice.set_attribute("role", "alert");
    notice.set_inner_html(
        "<p class=\"notice__text\">The app could not be loaded: this device seems to be offline, \
         and this page was not saved for offline use yet. The comparisons below still read.</p>\
         <div class=\"notice__actions\"><a class=\"button button--primary\" href=\"\">Try again</a></div>",
    );
    let _ = main.prepend_with_node_1(&notice);
}

/// The app, on the first bundled deck (`deck`).
#[component]
pub fn App(deck: &'static Deck) -> impl IntoView {
    let app = AppState::new(deck);
    provide_context(app);
    crate::platform::sw::watch(move || app.update_ready.set(true));
    // Theme and motion settings go out to the document, once they are read (until then,
    // index.html's inline script has applied the saved ones), and only when they change:
    // not on every grade, which would restyle the whole document.
    let display = Memo::new(move |_| {
        app.is_ready()
            .then(|| app.progress.with(|p| (p.settings.theme, p.settings.motion)))
    });
    Effect::new(move |_| {
        if let Some((theme, motion)) = display.get() {
            settings::apply_display(theme, motion);
        }
    });
    let pending_focus = PendingFocus(StoredValue::new(false));
    provide_context(pending_focus);
    let route = use_route();
    let opens_on_browse = matches!(route.get_untracked(), Route::Browse | Route::Deck(_));
    provide_context(BrowseState {
        query: RwSignal::new(String::new()),
        phases_shown: RwSignal::new(if opens_on_browse { 0 } else { usize::MAX }),
    });
    // Browse takes over the static paint once its phases are built; any other screen, at once.
    if !opens_on_browse {
        doc::take_over_soon();
    }

    // After a navigation (not on first load), move focus to the new screen so keyboard
    // and screen-reader users land on it; coming back to the deck, land on the card left.
    Effect::new(move |previous: Option<Route>| {
        let current = route.get();
        if let Some(previous) = previous {
            doc::take_over();
            match (&previous, &current) {
                (Route::Comparison(id), Route::Browse | Route::Deck(_)) => doc::focus_card_link(id),
                _ => {
                    doc::scroll_to_top();
                    // A screen whose code is still loading takes focus when it arrives.
                    if !doc::focus_if_present(shell::SCREEN_TITLE) {
                        pending_focus.0.set_value(true);
                    }
                }
            }
        }
        current
    });

    view! {
        <shell::Shell route=route>
            {move || match route.get() {
                Route::Browse => view! { <browse::BrowseScreen /> }.into_any(),
                Route::Deck(id) => view! { <browse::BrowseScreen deck=id /> }.into_any(),
                Route::Comparison(id) => {
                    lazy_screen("Comparison", Arc::new(move || Box::pin(comparison_screen(id.clone()))))
                }
                Route::Flashcards { only, deck } => lazy_screen(
                    "Flashcards",
                    Arc::new(move || Box::pin(flashcards_screen(only.clone(), deck.clone()))),
                ),
                // The games and interview practice share one part (and the drills' code).
                r @ (Route::Match | Route::Quiz | Route::Practice { .. }) => {
                    let title = match r {
                        Route::Practice { explain: true, .. } => "Explain it",
                        Route::Practice { .. } => "Predict",
                        Route::Match => "Match",
                        _ => "Quiz",
                    };
                    lazy_screen(title, Arc::new(move || Box::pin(test_screen(r.clone()))))
                }
                Route::Progress => lazy_screen("Progress", Arc::new(|| Box::pin(progress_screen()))),
                // One call for both: one copy of the loading code.
                r @ (Route::Settings | Route::Decks | Route::AddDeck(_) | Route::Sync(_)) => {
                    let title = match r {
                        Route::Settings | Route::Sync(_) => "Settings",
                        _ => "Your decks",
                    };
                    lazy_screen(title, Arc::new(move || Box::pin(settings_screen(r.clone()))))
                }
                Route::NotFound(_) => view! { <shell::NotFound /> }.into_any(),
            }}
        </shell::Shell>
    }
}

// Browse is what opens first; the other screens (a comparison's page among them) are
// loaded on first use (see `lazy`).
split! {
    fn comparison_screen(id: String) -> AnyView {
        view! { <browse::ComparisonScreen id=id /> }.into_any()
    }
    fn flashcards_screen(only: Vec<String>, deck: Option<String>) -> AnyView {
        view! { <flip::FlashcardsScreen only=only deck=deck /> }.into_any()
    }
    // Match, the quiz, Predict and Explain it: the ways to test yourself, one part.
    fn test_screen(route: Route) -> AnyView {
        match route {
            Route::Practice { explain, only } => {
                view! { <practice::PracticeScreen explain=explain only=only /> }.into_any()
            }
            Route::Match => view! { <matching::MatchScreen /> }.into_any(),
            _ => view! { <quiz::QuizScreen /> }.into_any(),
        }
    }
    fn progress_screen() -> AnyView {
        view! { <progress::ProgressScreen /> }.into_any()
    }
    // Settings (with a sync link's import, if one was opened) and the user's decks (both
    // about the user's data) share one part.
    fn settings_screen(route: Route) -> AnyView {
        match route {
            Route::Settings => view! { <settings::SettingsScreen /> }.into_any(),
            Route::Sync(link) => view! { <settings::SettingsScreen link=link /> }.into_any(),
            Route::AddDeck(link) => view! { <own::DecksScreen link=link /> }.into_any(),
            _ => view! { <own::DecksScreen /> }.into_any(),
        }
    }
}
