//! The service worker's update flow. `index.html`'s loader registers `./sw.js` (a relative
//! URL, so the app works under any sub-path) as the page loads, app or not; the app
//! watches that registration. A new version installs in the background and waits;
//! [`apply_update`] tells it to take over, and the page reloads once it has.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Absent in insecure contexts and some embedded browsers.
    js_sys::Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .ok()?
        .then(|| navigator.service_worker())
}

/// Watches the service worker the loader registered (once one is active): calls
/// `on_update` when a new version is installed and waiting while this page is controlled
/// by the old one.
pub fn watch(on_update: impl Fn() + Clone + 'static) {
    let Some(promise) = container().and_then(|c| c.ready().ok()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        // Not a registration when the browser blocks service workers (it resolves empty).
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = move || container_controller().is_some();
        if reg.waiting().is_some() && controlled() {
            on_update();
        }
        let reg_for_found = reg.clone();
        let on_found = Closure::<dyn FnMut()>::new(move || {
            let Some(installing) = reg_for_found.installing() else {
                return;
            };
            let worker = installing.clone();
            let on_update = on_update.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if worker.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    on_update();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget(); // lives as long as the worker it watches
        });
        reg.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget(); // lives as long as the page
    });
}

fn container_controller() -> Option<web_sys::ServiceWorker> {
    container()?.controller()
}

/// Activates the waiting version and reloads the page when it has taken control.
pub fn apply_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget(); // the page reloads
    let promise = container.get_registration();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(reg) = wasm_bindgen_futures::JsFuture::from(promise).await else {
            return;
        };
        let Ok(reg) = reg.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = reg.waiting() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"SKIP_WAITING".into());
            let _ = waiting.post_message(&message);
        }
    });
}
