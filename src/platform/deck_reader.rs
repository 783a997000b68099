//! The deck reader (`src/bin/reader.rs`): a wasm module of its own, imported on first use
//! through `diffdeckReader()`, which `index.html`'s loader defines. Arguments in, postcard
//! bytes out; what they mean is `content`'s business.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls the reader's export `name` with `args`; `None` if its module cannot be loaded
/// (offline before it was ever cached) or the call fails.
async fn call(name: &str, args: &[JsValue]) -> Option<Vec<u8>> {
    let window = web_sys::window()?;
    let load: js_sys::Function = js_sys::Reflect::get(&window, &"diffdeckReader".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let promise: js_sys::Promise = load.call0(&JsValue::NULL).ok()?.dyn_into().ok()?;
    let module = JsFuture::from(promise).await.ok()?;
    let export: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .ok()?
        .dyn_into()
        .ok()?;
    let answer = export
        .apply(&JsValue::NULL, &args.iter().collect::<js_sys::Array>())
        .ok()?;
    Some(js_sys::Uint8Array::new(&answer).to_vec())
}

/// `read(file, bytes)`: a deck file read (postcard `Reading`).
pub async fn read(file: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    call(
        "read",
        &[file.into(), js_sys::Uint8Array::from(bytes).into()],
    )
    .await
}

/// `link(text, sync)`: a deck's link, or a sync link (postcard `Result<String, String>`).
pub async fn link(text: &str, sync: bool) -> Option<Vec<u8>> {
    call("link", &[text.into(), sync.into()]).await
}

/// `open(fragment, sync)`: the text a link carries (postcard `Result<String, String>`).
pub async fn open(fragment: &str, sync: bool) -> Option<Vec<u8>> {
    call("open", &[fragment.into(), sync.into()]).await
}

/// `qr(text)`: a QR code's SVG (postcard `Option<String>`).
pub async fn qr(text: &str) -> Option<Vec<u8>> {
    call("qr", &[text.into()]).await
}
