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
