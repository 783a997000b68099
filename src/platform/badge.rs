//! The installed app's badge (`navigator.setAppBadge`, the Badging API): the number of
//! cards due, where the browser has it. Elsewhere nothing happens.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::js;

fn navigator() -> JsValue {
    js::get(&js_sys::global(), "navigator")
}

/// Whether this browser shows a badge on the installed app (and this is the installed app).
pub fn supported() -> bool {
    js::get(&navigator(), "setAppBadge").is_function() && super::install::installed()
}

/// Shows `count` on the app's icon (0 clears it). A refusal (no permission) is ignored.
pub fn set(count: usize) {
    if let Some(promise) = js::call(&navigator(), "setAppBadge", &[(count as f64).into()]) {
        // A rejected promise must be handled, or the console reports it.
        let ignore = Closure::<dyn FnMut(JsValue)>::new(|_| {});
        let _ = js::call(&promise, "catch", &[ignore.as_ref().clone()]);
        ignore.forget();
    }
}

/// Calls `f` whenever the page is hidden (the app closed, put away or switched from), for
/// the page's lifetime (like the app's state, which `f` reads).
pub fn on_hide(f: impl Fn() + 'static) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let target: JsValue = document.clone().into();
    let listener = Closure::<dyn Fn()>::new(move || {
        if js::get(&target, "hidden").is_truthy() {
            f();
        }
    });
    let _ = document
        .add_event_listener_with_callback("visibilitychange", listener.as_ref().unchecked_ref());
    listener.forget();
}
