//! The study screens' stylesheet (flashcards, match, quiz, progress, settings): not part
//! of the first load, fetched with a screen's code through `diffdeckStyles()`, which
//! `index.html`'s loader defines (it adds the sheet that `scripts/postbuild.mjs` names in a
//! meta tag, once, and resolves when it has loaded). Without that function (the
//! wasm-bindgen tests) every style is already there.

use std::future::Future;

use send_wrapper::SendWrapper;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::split::NotLoaded;

/// Resolves once the study screens' styles apply; fails if the sheet cannot be fetched
/// (offline before it was cached). A later call tries again.
pub fn study() -> impl Future<Output = Result<(), NotLoaded>> + Send {
    SendWrapper::new(async {
        let window = web_sys::window().ok_or(NotLoaded)?;
        let Ok(load) = js_sys::Reflect::get(&window, &"diffdeckStyles".into())
            .unwrap_or_default()
            .dyn_into::<js_sys::Function>()
        else {
            return Ok(());
        };
        let promise: js_sys::Promise = load
            .call0(&JsValue::NULL)
            .ok()
            .and_then(|p| p.dyn_into().ok())
            .ok_or(NotLoaded)?;
        JsFuture::from(promise)
            .await
            .map(|_| ())
            .map_err(|_| NotLoaded)
    })
}

/// Adds the print stylesheet (`print.css`, `media="print"`: the cheat sheet on paper) to
/// the page, once. The static pages link it in their HTML; the app, which is not allowed
/// to grow the first load with it, adds it once it runs.
pub fn add_print_sheet() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("print-sheet").is_some() {
        return;
    }
    let Ok(link) = document.create_element("link") else {
        return;
    };
    for (name, value) in [
        ("id", "print-sheet"),
        ("rel", "stylesheet"),
        ("media", "print"),
        ("href", "print.css"),
    ] {
        let _ = link.set_attribute(name, value);
    }
    let head = super::js::get(&document.into(), "head");
    let _ = super::js::call(&head, "appendChild", &[link.into()]);
}
