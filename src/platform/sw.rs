//! The service worker's update flow, as `index.html`'s loader runs it (`scripts/loader.js`
//! registers `./sw.js`, a relative URL so the app works under any sub-path, and watches it).
//! A new version installs in the background and waits; the app is told, and
//! [`apply_update`] asks the loader to let it take over (the page reloads once it has).
//! In JavaScript rather than here: web-sys's service-worker bindings would be imports of
//! the first download, for a flow that runs once per release.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// The loader's function `name`, where the loader defined it.
fn loader(name: &str) -> Option<Function> {
    let window: JsValue = web_sys::window()?.into();
    Reflect::get(&window, &name.into()).ok()?.dyn_into().ok()
}

/// Calls `on_update` when a new version is installed and waiting while this page is
/// controlled by the old one (at once, if one already is).
pub fn watch(on_update: impl Fn() + Clone + 'static) {
    let ready = loader("diffdeckUpdateReady")
        .and_then(|f| f.call0(&JsValue::NULL).ok())
        .is_some_and(|v| v.is_truthy());
    if ready {
        on_update();
    }
    let handle =
        leptos::prelude::window_event_listener_untyped("diffdeck-update", move |_| on_update());
    // Lives as long as the page.
    std::mem::forget(handle);
}

/// Activates the waiting version; the page reloads when it has taken control.
pub fn apply_update() {
    if let Some(update) = loader("diffdeckUpdate") {
        let _ = update.call0(&JsValue::NULL);
    }
}
