//! How to write a deck, with an example to download.

use leptos::prelude::*;

use crate::platform::download::download_text;

/// The example deck offered beside the format guide.
const EXAMPLE: &str = include_str!("../../../content/example.md");

#[component]
pub(super) fn Guide() -> impl IntoView {
    view! {
        <section aria-labelledby="guide-title">
            <h2 class="settings__group" id="guide-title">"How to write a deck"</h2>
            <ul class="own__guide">
                <li><code>"# Title"</code>" names the deck."</li>
                <li><code>"## Phase 1 – Basics"</code>" starts a phase (numbered, with a title)."</li>
                <li>"A comparison is a line such as "<code>"Left vs Right"</code>", then a list: "<code>"- Left:"</code>" with its points under it, then "<code>"- Right:"</code>" with its points."</li>
                <li>"Optional: "<code>"{both}"</code>" after a point true of both sides, a group such as "<code>"- Tip:"</code>", a "<code>"Sources: [title](https://…)"</code>" line, a note as "<code>"> …"</code>"."</li>
                <li>"Drills, after a comparison: "<code>"Drill: question?"</code>", a fenced code block as its setup (optional), options as "<code>"- [ ] wrong"</code>" and one "<code>"- [x] right"</code>" (or "<code>"Answer: exact"</code>"), then "<code>"Why: … [source](https://…)"</code>"."</li>
                <li>"At most 1 MB, 1,000 comparisons and 5,000 characters a line. Links must be https; raw HTML is refused."</li>
                <li>"“Copy link” puts a whole deck in a link of at most 32,000 characters (about 70 KB of Markdown, 1,000 lines or so); share a larger deck as its file."</li>
            </ul>
            <div class="summary__actions">
                <button class="button" type="button" on:click=|_| download_text("example-deck.md", EXAMPLE, "text/markdown")>
                    "Download an example deck"
                </button>
            </div>
        </section>
    }
}
