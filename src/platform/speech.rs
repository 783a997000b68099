//! Reading aloud with the browser's speech synthesis (Explain it's optional "read
//! aloud"): where the browser has no voices, nothing is said and nothing fails.
//!
//! Called through `Reflect` rather than web-sys's bindings: each binding is an import of
//! the main module's JS glue, in every first download, for a feature few turn on.

use js_sys::{Function, Reflect};
use wasm_bindgen::{JsCast, JsValue};

/// `window.speechSynthesis`, where there is one.
fn synthesis() -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &"speechSynthesis".into())
        .ok()
        .filter(|s| !s.is_undefined() && !s.is_null())
}

/// Calls `target[name](...args)`.
fn call(target: &JsValue, name: &str, args: &[JsValue]) {
    if let Some(f) = Reflect::get(target, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        let _ = f.apply(target, &args.iter().collect());
    }
}

/// Whether this browser can speak.
pub fn available() -> bool {
    synthesis().is_some()
}

/// Says `text`, after stopping whatever was being said.
pub fn say(text: &str) {
    let Some(synthesis) = synthesis() else {
        return;
    };
    call(&synthesis, "cancel", &[]);
    let Some(utterance) = web_sys::window()
        .and_then(|w| Reflect::get(&w, &"SpeechSynthesisUtterance".into()).ok())
        .and_then(|c| c.dyn_into::<Function>().ok())
        .and_then(|c| Reflect::construct(&c, &[JsValue::from_str(text)].iter().collect()).ok())
    else {
        return;
    };
    let _ = Reflect::set(&utterance, &"lang".into(), &"en".into());
    call(&synthesis, "speak", &[utterance]);
}

/// Stops speaking.
pub fn stop() {
    if let Some(synthesis) = synthesis() {
        call(&synthesis, "cancel", &[]);
    }
}
