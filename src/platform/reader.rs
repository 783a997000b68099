//! The deck reader (`src/bin/reader.rs`): a wasm module of its own, imported on first use
//! through `diffdeckReader()`, which `index.html`'s loader defines. Bytes in, bytes out
//! (postcard); what they mean is `content`'s business.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls the reader's `read(file, bytes)`; `None` if its module cannot be loaded (offline
/// before it was ever cached) or fails.
pub async fn read(file: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let load: js_sys::Function = js_sys::Reflect::get(&window, &"diffdeckReader".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = load.call0(&JsValue::NULL).ok()?.dyn_into().ok()?;
    let module = JsFuture::from(promise).await.ok()?;
    let read: js_sys::Function = js_sys::Reflect::get(&module, &"read".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let answer = read
        .call2(
            &JsValue::NULL,
            &file.into(),
            &js_sys::Uint8Array::from(bytes).into(),
        )
        .ok()?;
    Some(js_sys::Uint8Array::new(&answer).to_vec())
}
