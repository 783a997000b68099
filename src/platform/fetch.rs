//! Fetching a file that sits next to the app (a bundled deck), as bytes.

use std::future::Future;

use js_sys::Uint8Array;
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::split::NotLoaded;

/// The bytes at `url` (relative to the page). Offline before the service worker cached
/// the file, a server error, or a response that is not the file: [`NotLoaded`].
///
/// The future is `Send` (as Leptos's `Suspend` wants): the browser's main thread is the
/// only thread, so the JS values it holds never move.
pub fn bytes(url: &str) -> impl Future<Output = Result<Vec<u8>, NotLoaded>> + Send {
    SendWrapper::new(fetch(url.to_string()))
}

async fn fetch(url: String) -> Result<Vec<u8>, NotLoaded> {
    let url = url.as_str();
    let window = web_sys::window().ok_or(NotLoaded)?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| NotLoaded)?
        .dyn_into()
        .map_err(|_| NotLoaded)?;
    if !response.ok() {
        return Err(NotLoaded);
    }
    let buffer = JsFuture::from(response.array_buffer().map_err(|_| NotLoaded)?)
        .await
        .map_err(|_| NotLoaded)?;
    Ok(Uint8Array::new(&buffer).to_vec())
}
