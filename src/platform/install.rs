//! Installing the app to the home screen. Chromium browsers fire `beforeinstallprompt`
//! early, before the wasm runs: index.html keeps the event (`window.__diffdeckInstall`) and
//! announces it (`diffdeck-installable`), so the prompt can be shown when the user asks.
//! Safari on iPhone and iPad has no prompt: installing is "Add to Home Screen" in the
//! Share menu, and a site that is not installed loses its storage after seven days
//! without a visit.

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The event index.html dispatches when the browser offers to install.
pub const INSTALLABLE_EVENT: &str = "diffdeck-installable";
const KEPT_PROMPT: &str = "__diffdeckInstall";

fn get(target: &JsValue, name: &str) -> Option<JsValue> {
    Some(super::js::get(target, name)).filter(|v| !v.is_undefined() && !v.is_null())
}

/// Running as an installed app (from the home screen), not in a browser tab.
pub fn installed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // Safari on iOS says so on `navigator.standalone`.
    standalone || get(&window.navigator(), "standalone").is_some_and(|v| v.is_truthy())
}

/// An iPhone, iPod or iPad (iPadOS asks for desktop sites: a Mac with a touch screen).
pub fn apple_mobile() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator = window.navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d))
        || (agent.contains("Macintosh") && navigator.max_touch_points() > 1)
}

/// Whether the browser has offered to install (a kept `beforeinstallprompt`).
pub fn can_prompt() -> bool {
    web_sys::window().is_some_and(|w| get(&w, KEPT_PROMPT).is_some())
}

/// Shows the browser's install prompt; resolves to whether the user accepted. The
/// prompt can be shown once: afterwards [`can_prompt`] is false.
pub async fn prompt() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let Some(event) = get(&window, KEPT_PROMPT) else {
        return false;
    };
    let _ = Reflect::delete_property(&window, &JsValue::from_str(KEPT_PROMPT));
    let Some(show) = get(&event, "prompt").and_then(|f| f.dyn_into::<Function>().ok()) else {
        return false;
    };
    if let Ok(shown) = show.call0(&event) {
        if let Ok(shown) = shown.dyn_into::<Promise>() {
            let _ = JsFuture::from(shown).await;
        }
    }
    let Some(choice) = get(&event, "userChoice").and_then(|c| c.dyn_into::<Promise>().ok()) else {
        return false;
    };
    let Ok(choice) = JsFuture::from(choice).await else {
        return false;
    };
    get(&choice, "outcome")
        .and_then(|o| o.as_string())
        .as_deref()
        == Some("accepted")
}
