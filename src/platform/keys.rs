//! Keyboard shortcuts for a screen: a `keydown` listener on the window that is removed
//! when the screen unmounts, and that leaves typing in form fields alone.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `handler` for key presses outside text fields while the calling owner lives.
pub fn use_shortcuts(handler: impl Fn(&web_sys::KeyboardEvent) + 'static) {
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.alt_key() || ev.meta_key() || typing(&ev) {
            return;
        }
        handler(&ev);
    });
    on_cleanup(move || handle.remove());
}

fn typing(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.is_content_editable()
        })
}

/// Whether a key press lands on a control that acts on it itself (a button, a link, a
/// disclosure's summary, a label): Enter or Space there is the control's, not a shortcut.
pub fn on_control(ev: &web_sys::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "BUTTON" | "A" | "SUMMARY" | "LABEL"))
}
