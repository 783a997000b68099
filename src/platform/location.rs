//! The current [`Route`], read from `location.hash` and kept up to date on `hashchange`.

use leptos::prelude::*;

use crate::route::Route;

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// A signal of the current route. The `hashchange` listener is removed when the calling
/// owner is cleaned up.
pub fn use_route() -> Signal<Route> {
    let (hash, set_hash) = signal(current_hash());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_hash.set(current_hash())
    });
    on_cleanup(move || handle.remove());
    Signal::derive(move || hash.with(|h| Route::from_hash(h)))
}

/// This page's address with `fragment` (`#/…`) in place of its hash: a link to share.
pub fn link_to(fragment: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    format!("{page}{fragment}")
}
