//! Document-level side effects: the tab title, focus after navigation, scrolling.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Sets `document.title`.
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// Moves focus to the element with `id` (which should have `tabindex="-1"`) without
/// scrolling, so screen readers announce the new screen after a navigation.
pub fn focus_by_id(id: &str) {
    focus_if_present(id);
}

/// [`focus_by_id`], saying whether there was such an element to focus.
pub fn focus_if_present(id: &str) -> bool {
    let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}

/// Whether the element with `id` has focus.
pub fn has_focus(id: &str) -> bool {
    document().active_element().is_some_and(|el| el.id() == id)
}

/// Scrolls the window to the top (after a navigation to a new screen).
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Focuses the heading link of a comparison's card on the Browse screen and scrolls it
/// into view (the element id is `card-link-<id>`).
pub fn focus_card_link(comparison_id: &str) {
    let id = format!("card-link-{comparison_id}");
    if let Some(el) = document()
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Puts `text` on the clipboard; `false` if the browser will not (no clipboard on a page
/// that is not https, or permission refused).
pub async fn copy_text(text: &str) -> bool {
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
    };
    let clipboard = get(&window().navigator(), "clipboard");
    let Ok(write) = get(&clipboard, "writeText").dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write
        .call1(&clipboard, &text.into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
