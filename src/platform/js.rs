//! A page's objects through `Reflect`: for the few properties and methods that only a
//! screen loaded later needs, whose web-sys binding would add an import (and its glue) to
//! the first download, and for APIs that some browsers lack (feature detection).

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`; `undefined` if it cannot be read.
pub fn get(target: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
}

/// `target[name](...args)`; `None` if there is no such method or it throws.
pub fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Option<JsValue> {
    let method: js_sys::Function = get(target, name).dyn_into().ok()?;
    method
        .apply(target, &args.iter().collect::<js_sys::Array>())
        .ok()
}

/// `new globalThis[name](...args)`; `None` if there is no such constructor or it throws.
pub fn construct(name: &str, args: &[JsValue]) -> Option<JsValue> {
    let class: js_sys::Function = get(&js_sys::global(), name).dyn_into().ok()?;
    js_sys::Reflect::construct(&class, &args.iter().collect::<js_sys::Array>()).ok()
}

/// The object `{name: value, …}`.
pub fn object(entries: &[(&str, JsValue)]) -> js_sys::Object {
    let object = js_sys::Object::new();
    for (key, value) in entries {
        let _ = js_sys::Reflect::set(&object, &(*key).into(), value);
    }
    object
}
