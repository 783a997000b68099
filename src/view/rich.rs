//! Rich inline text as DOM nodes (never `inner_html`: content cannot inject markup).

use leptos::prelude::*;

use crate::domain::deck::{Rich, Span};

/// Renders `text` as inline nodes: code, strong, emphasis and plain text.
pub fn rich(text: &'static Rich) -> impl IntoView {
    text.0
        .iter()
        .map(|span| match span {
            Span::Text(t) => t.as_str().into_any(),
            Span::Code(t) => view! { <code>{t.as_str()}</code> }.into_any(),
            Span::Strong(t) => view! { <strong>{t.as_str()}</strong> }.into_any(),
            Span::Emphasis(t) => view! { <em>{t.as_str()}</em> }.into_any(),
        })
        .collect_view()
}

/// A decorative emoji: hidden from assistive technology, since the text beside it says it all.
#[component]
pub fn Emoji(emoji: &'static str) -> impl IntoView {
    (!emoji.is_empty()).then(|| view! { <span class="emoji" aria-hidden="true">{emoji}</span> })
}
