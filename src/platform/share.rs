//! The system share sheet (`navigator.share`), where the browser has one: a link, or a
//! file where it can share files (`navigator.canShare`).

use wasm_bindgen::{JsCast, JsValue};

use super::js;

fn navigator() -> JsValue {
    js::get(&js_sys::global(), "navigator")
}

/// Whether the browser can share a link through the system's share sheet.
pub fn can_share() -> bool {
    js::get(&navigator(), "share").is_function()
}

/// Opens the share sheet with `data` (`{title, url}` or `{files}`); `true` once shared.
async fn share(data: js_sys::Object) -> bool {
    let Some(promise) = js::call(&navigator(), "share", &[data.into()])
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Shares `url` titled `title`; `false` if the user cancelled or there is no share sheet.
pub async fn share_link(title: &str, url: &str) -> bool {
    share(js::object(&[("title", title.into()), ("url", url.into())])).await
}

/// Shares `text` as a file named `name`; `None` if this browser cannot share files (the
/// caller offers a download instead), else whether it was shared.
pub async fn share_file(name: &str, text: &str, mime: &str) -> Option<bool> {
    let parts: JsValue = js_sys::Array::of1(&text.into()).into();
    let options = js::object(&[("type", mime.into())]).into();
    let file = js::construct("File", &[parts, name.into(), options])?;
    let data = js::object(&[("files", js_sys::Array::of1(&file).into())]);
    let able = js::call(&navigator(), "canShare", &[data.clone().into()])?;
    if able.as_bool() != Some(true) {
        return None;
    }
    Some(share(data).await)
}
