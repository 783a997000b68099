//! Screens that the first paint does not need: each is a split point (see
//! `platform::split`), fetched the first time it opens.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use leptos::prelude::*;

use crate::platform::document as doc;
use crate::platform::split::NotLoaded;
use crate::platform::styles;
use crate::state::AppState;
use crate::ui::shell::SCREEN_TITLE;

/// What fetches a screen's code and builds it (a `split!` function, boxed).
pub type Loader =
    Arc<dyn Fn() -> Pin<Box<dyn Future<Output = Result<AnyView, NotLoaded>> + Send>> + Send + Sync>;

/// Set when a navigation found no screen title to focus (its screen was still loading):
/// the screen takes focus when it arrives.
#[derive(Clone, Copy)]
pub struct PendingFocus(pub StoredValue<bool>);

/// Shows a lazily loaded screen. Until its code is there, the screen's title stands in
/// for it (so the layout does not jump and a navigation has a heading to focus); if the
/// code cannot be fetched, says so with a way to try again.
///
/// One copy for every screen (its code is in the first download): the screen's loader is
/// boxed rather than a type parameter, which would repeat all of this per screen.
pub fn lazy_screen(title: &'static str, load: Loader) -> AnyView {
    let app: AppState = expect_context();
    let PendingFocus(pending) = expect_context();
    let attempt = RwSignal::new(0u32);
    (move || {
        attempt.track();
        // The stored progress and every deck first, then the screen's code: a screen reads
        // the library as it is built, which happens as soon as its code arrives. (Once the
        // app is ready, `ready()` answers at once.) Its styles arrive with its code.
        let screen = load();
        let ready = async move {
            app.ready().await?;
            let (styles, screen) = futures::future::join(styles::study(), screen).await;
            styles.and(screen)
        };
        // The stand-in until the code is there (no <Suspense>: its code would be in the
        // first download for this one use), then the screen, or the stand-in with a retry.
        let failed = RwSignal::new(None::<bool>);
        view! {
            {move || match failed.get() {
                Some(false) => None,
                Some(true) => Some(stand_in(title, Some(attempt))),
                None => Some(stand_in(title, None)),
            }}
            {Suspend::new(async move {
                let view = ready.await.ok();
                failed.set(Some(view.is_none()));
                // After a navigation, focus goes to the screen's title: the stand-in's title
                // may hold it, or nothing did yet. Unless the screen, once on the page, has
                // put it on one of its own elements (a drill opened at once): its focus
                // (the frame before) stands.
                if view.is_some() && (pending.get_value() || doc::has_focus(SCREEN_TITLE)) {
                    pending.set_value(false);
                    request_animation_frame(|| {
                        if !doc::focus_in_main() || doc::has_focus(SCREEN_TITLE) {
                            doc::focus_by_id(SCREEN_TITLE)
                        }
                    });
                }
                view
            })}
        }
    })
    .into_any()
}

/// The screen's title, and either "Loading…" or, after a failed load, what happened.
fn stand_in(title: &'static str, failed: Option<RwSignal<u32>>) -> AnyView {
    view! {
        <section class="stand-in" aria-labelledby=SCREEN_TITLE>
            <h1 id=SCREEN_TITLE tabindex="-1" class="screen-title">
                {title}
            </h1>
            {match failed {
                None => view! { <p class="stand-in__status" role="status">"Loading…"</p> }.into_any(),
                Some(attempt) => view! {
                    <CouldNotLoad what=title kind="screen" on_retry=Callback::new(move |_| attempt.update(|n| *n += 1)) />
                }
                .into_any(),
            }}
        </section>
    }
    .into_any()
}

/// What a failed fetch of part of the app says (`what` could not be loaded, being offline
/// before this `kind` was cached), with a way to try again.
#[component]
pub fn CouldNotLoad(
    what: &'static str,
    kind: &'static str,
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="notice" role="alert">
            <p class="notice__text">
                {format!("{what} could not be loaded: this device seems to be offline, and this {kind} was not saved for offline use yet. Your progress is safe.")}
            </p>
            <div class="notice__actions">
                <button class="button button--primary" type="button" on:click=move |_| on_retry.run(())>
                    "Try again"
                </button>
            </div>
        </div>
    }
}
