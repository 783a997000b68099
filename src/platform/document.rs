//! Document-level side effects: the tab title, focus after navigation, scrolling.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Sets `document.title`.
pub fn set_title(title: &str) {
    document().set_title(title);
}

/// A focus handler for a read-only field that holds a link: selects all of it, ready to copy.
pub fn select_all(ev: web_sys::FocusEvent) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.select();
    }
}

/// Moves focus to the element with `id` (which should have `tabindex="-1"`) without
/// scrolling, so screen readers announce the new screen after a navigation.
pub fn focus_by_id(id: &str) {
    focus_if_present(id);
}

/// Moves focus to `id` once the DOM has caught up with a change (the next frame).
pub fn focus_soon(id: &'static str) {
    request_animation_frame(move || focus_by_id(id));
}

/// Moves focus to `id` and scrolls it to the top of the screen, once the DOM has caught
/// up (the next frame): a result that arrived after the screen, such as a link's preview.
pub fn reveal_soon(id: &'static str) {
    request_animation_frame(move || {
        if focus_if_present(id) {
            if let Some(el) = document().get_element_by_id(id) {
                super::js::call(&el.into(), "scrollIntoView", &[]);
            }
        }
    });
}

/// [`focus_by_id`], saying whether there was such an element to focus.
pub fn focus_if_present(id: &str) -> bool {
    let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    el.focus_with_options(&options).is_ok()
}

/// Whether the element with `id` has focus.
pub fn has_focus(id: &str) -> bool {
    document().active_element().is_some_and(|el| el.id() == id)
}

/// Whether focus is on something in `main` (a screen's own element, such as a drill that
/// a screen focused as it opened).
pub fn focus_in_main() -> bool {
    document()
        .active_element()
        .is_some_and(|el| el.closest("main").ok().flatten().is_some())
}

/// Scrolls the window to the top (after a navigation to a new screen).
pub fn scroll_to_top() {
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

/// Focuses the heading link of a comparison's card on the Browse screen and scrolls it
/// into view (the element id is `card-link-<id>`).
pub fn focus_card_link(comparison_id: &str) {
    let id = format!("card-link-{comparison_id}");
    if let Some(el) = document()
        .get_element_by_id(&id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Puts `text` on the clipboard; `false` if the browser will not (no clipboard on a page
/// that is not https, or permission refused).
pub async fn copy_text(text: &str) -> bool {
    let get = |target: &wasm_bindgen::JsValue, name: &str| {
        js_sys::Reflect::get(target, &name.into()).unwrap_or_default()
    };
    let clipboard = get(&window().navigator(), "clipboard");
    let Ok(write) = get(&clipboard, "writeText").dyn_into::<js_sys::Function>() else {
        return false;
    };
    let Ok(promise) = write
        .call1(&clipboard, &text.into())
        .and_then(|p| p.dyn_into::<js_sys::Promise>())
    else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

thread_local! {
    /// The app while it is built off screen (see [`stage`]).
    static STAGE: std::cell::RefCell<Option<web_sys::Element>> = const { std::cell::RefCell::new(None) };
}

/// A detached `#app` for the app to be built in, off screen, while the page's static
/// paint stays; [`take_over`] puts it in the static paint's place.
pub fn stage() -> web_sys::HtmlElement {
    let stage = document()
        .create_element("div")
        .expect("a div")
        .unchecked_into::<web_sys::HtmlElement>();
    stage.set_id("app");
    STAGE.with_borrow_mut(|s| *s = Some(stage.clone().into()));
    stage
}

/// Replaces the static paint's `#app` with the staged app, in one step: what has focus
/// keeps it (the control in the same place of the same screen), and the scroll position
/// stays (the app renders the same content, in the same places), and so does what was
/// typed into the focused field. Once; a no-op without
/// a stage (tests mount the app directly).
pub fn take_over() {
    let Some(stage) = STAGE.with_borrow_mut(Option::take) else {
        return;
    };
    let Some(old) = document().get_element_by_id("app") else {
        return;
    };
    const FOCUSABLE: &str = "a[href], button, input, [tabindex]";
    let active = document().active_element();
    let focused = active.as_ref().and_then(|active| {
        let list = old.query_selector_all(FOCUSABLE).ok()?;
        (0..list.length()).find(|&i| list.get(i).is_some_and(|n| n.is_same_node(Some(active))))
    });
    keep_sizes(&old, &stage);
    let _ = old.replace_with_with_node_1(&stage);
    // The page is the app's now (CSS and tests can tell).
    let _ = document()
        .document_element()
        .map(|html| html.set_attribute("data-app", "running"));
    if let Some(el) = focused
        .and_then(|i| stage.query_selector_all(FOCUSABLE).ok()?.get(i))
        .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
    {
        // What was typed into the page's search box (typing is what started the app) goes
        // on in the app's, as if typed there.
        let typed = active
            .and_then(|a| a.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|a| a.value())
            .filter(|t| !t.is_empty());
        if let (Some(typed), Some(input)) = (typed, el.dyn_ref::<web_sys::HtmlInputElement>()) {
            input.set_value(&typed);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Runs `f` once the app is on screen: after the frame that shows it (the first frame, or
/// the one after [`take_over`]), and its task.
pub fn once_shown(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        if STAGE.with_borrow(Option::is_some) {
            once_shown(f)
        } else {
            set_timeout(f, std::time::Duration::ZERO)
        }
    });
}

/// [`take_over`] once the current task is done (the app's first render with it).
pub fn take_over_soon() {
    set_timeout(take_over, std::time::Duration::ZERO);
}

/// Gives each element of `new` marked `data-keep-size` (a phase: the view marks it) the
/// height its counterpart in `old` has now, as the size it takes until laid out (phases
/// off screen are not: `content-visibility: auto`, see browse.css). Without it, a new
/// phase above the screen would take the stylesheet's guess and what is on screen would
/// jump. Only when both show the same number of them.
fn keep_sizes(old: &web_sys::Element, new: &web_sys::Element) {
    let (Ok(before), Ok(after)) = (
        old.query_selector_all("[data-keep-size]"),
        new.query_selector_all("[data-keep-size]"),
    ) else {
        return;
    };
    if before.length() != after.length() {
        return;
    }
    for i in 0..before.length() {
        let (Some(b), Some(a)) = (
            before
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()),
            after
                .get(i)
                .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()),
        ) else {
            continue;
        };
        // To the thousandth of a pixel, written with integers: formatting a float would add
        // kilobytes to the wasm.
        let milli = (b.get_bounding_client_rect().height() * 1000.0).round() as u64;
        let _ = a.style().set_property(
            "contain-intrinsic-size",
            &format!("auto {}.{:03}px", milli / 1000, milli % 1000),
        );
    }
}
