//! "Send to another device": a sync link of the progress (what changed since the last send
//! to that device, or all of it), its QR code, or the backup file through the share sheet.
//! Opening a sync link is an import with a preview (`data.rs`). The rules: `domain::sync`.

use diffdeck_content::share::Kind;
use leptos::prelude::*;

use crate::domain::calendar;
use crate::domain::schedule::MINUTE_MS;
use crate::platform::document::{copy_text, select_all};
use crate::platform::location::link_to;
use crate::platform::share;
use crate::state::{now, AppState};
use crate::ui::own::deck_reader;

/// How a link reads where it is shown: the date and time it was made, in the user's time.
fn when(ms: i64) -> String {
    let local = ms + i64::from(crate::platform::clock::now().1) * MINUTE_MS;
    let minutes = local.div_euclid(MINUTE_MS).rem_euclid(24 * 60);
    // `day` starts at 4 a.m.: the calendar date is that of the local midnight.
    let date = calendar::iso(local.div_euclid(24 * 60 * MINUTE_MS) as i32);
    format!("{date} at {:02}:{:02}", minutes / 60, minutes % 60)
}

/// A link made, with what it may be shown as.
#[derive(Clone)]
struct Made {
    url: String,
    copied: bool,
    /// The QR code (an image's `data:` address); `None` if the link is too long for one.
    qr: Option<String>,
}

/// Settings' "Send to another device".
#[component]
pub fn SendProgress() -> impl IntoView {
    let app: AppState = expect_context();
    let sent = RwSignal::new(AppState::sent_to());
    let device = RwSignal::new(
        sent.with_untracked(|s| s.iter().max_by_key(|(_, ms)| **ms).map(|(n, _)| n.clone()))
            .unwrap_or_else(|| "My other device".to_string()),
    );
    let everything = RwSignal::new(false);
    let made: RwSignal<Option<Result<Made, String>>> = RwSignal::new(None);
    let shared = RwSignal::new(String::new());
    let since = move || device.with(|name| sent.with(|s| s.get(name).copied()));

    let make = move |_| {
        let name = device.get_untracked();
        let from = if everything.get_untracked() {
            0
        } else {
            sent.with_untracked(|s| s.get(&name).copied().unwrap_or(0))
        };
        let at = now().ms;
        let text = app.sync_text(from);
        made.set(None);
        shared.set(String::new());
        wasm_bindgen_futures::spawn_local(async move {
            let Some(link) = deck_reader::share(Kind::Sync, text).await else {
                made.set(Some(Err(OFFLINE.into())));
                return;
            };
            let url = match link {
                Ok(fragment) => link_to(&fragment),
                Err(why) => {
                    made.set(Some(Err(why)));
                    return;
                }
            };
            let qr = deck_reader::qr(url.clone()).await.flatten();
            let copied = copy_text(&url).await;
            if !name.is_empty() {
                sent.update(|s| {
                    s.insert(name, at);
                });
                // Not stored (private browsing, full storage): kept until the tab closes.
                sent.with_untracked(AppState::note_sent);
            }
            made.set(Some(Ok(Made { url, copied, qr })));
        });
    };
    let share_file = move |_| {
        let (name, text) = (AppState::backup_name(), app.backup_text());
        wasm_bindgen_futures::spawn_local(async move {
            match share::share_file(&name, &text, "application/json").await {
                Some(true) => {
                    app.mark_exported();
                    shared.set("The backup file was shared.".into());
                }
                Some(false) => shared.set("Not shared.".into()),
                None => {
                    app.export();
                    shared.set(
                        "This browser cannot share files: the backup file was downloaded instead."
                            .into(),
                    );
                }
            }
        });
    };

    view! {
        <section class="data" aria-labelledby="send-title" id="send">
            <h2 class="settings__group" id="send-title">"Send to another device"</h2>
            <p class="check__hint">
                "A link carries your progress to your phone or laptop, with no server in between: open it there, see what it adds, and confirm. Your own decks go with the backup file."
            </p>
            <div class="own__form">
                <label class="field__label" for="send-device">"To which device?"</label>
                <input
                    id="send-device"
                    class="field__input"
                    type="text"
                    autocomplete="off"
                    prop:value=move || device.get()
                    on:input=move |ev| device.set(event_target_value(&ev))
                />
                <p class="check__hint">
                    {move || match since() {
                        Some(ms) if !everything.get() => format!(
                            "Last sent to this device on {}: the link holds what changed since.",
                            when(ms)
                        ),
                        _ => "The link holds all your progress.".to_string(),
                    }}
                </p>
            </div>
            <label class="check">
                <input type="checkbox" prop:checked=move || everything.get() on:change=move |ev| everything.set(event_target_checked(&ev)) />
                <span>"Send everything, not only what changed"</span>
            </label>
            <div class="summary__actions">
                <button class="button button--primary" type="button" on:click=make>
                    "Make a sync link"
                </button>
                <button class="button" type="button" on:click=share_file>
                    "Share the backup file"
                </button>
            </div>
            <p role="status" class="check__hint">{move || shared.get()}</p>
            {move || made.get().map(|m| match m {
                Err(why) => view! { <p class="notice" role="alert">{why}</p> }.into_any(),
                Ok(m) => view! { <SyncLink made=m /> }.into_any(),
            })}
        </section>
    }
}

pub(super) const OFFLINE: &str = "The link maker could not be loaded: this device seems to be offline. Try again when you are online, or share the backup file.";

/// A sync link made: the link as text, copy and share, and its QR code.
#[component]
fn SyncLink(made: Made) -> impl IntoView {
    let Made { url, copied, qr } = made;
    let chars = url.len();
    let status = RwSignal::new(if copied {
        format!("Link copied ({chars} characters).")
    } else {
        format!("Copy this link ({chars} characters).")
    });
    let copy = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if copy_text(&url).await {
                    status.set(format!("Link copied ({chars} characters)."));
                }
            });
        }
    };
    let send = {
        let url = url.clone();
        move |_| {
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if share::share_link("diffdeck progress", &url).await {
                    status.set("Link shared.".into());
                }
            });
        }
    };
    view! {
        <div class="own__form sync-link">
            <label class="field__label" for="sync-link">"Sync link"</label>
            <input id="sync-link" class="field__input" type="text" readonly value=url on:focus=select_all />
            <p class="check__hint" role="status">{move || status.get()}</p>
            <div class="summary__actions">
                <button class="button" type="button" on:click=copy>"Copy"</button>
                {share::can_share().then(|| view! { <button class="button" type="button" on:click=send>"Share…"</button> })}
            </div>
            {match qr {
                Some(image) => view! {
                    <figure class="qr">
                        <img class="qr__code" src=image alt="QR code of the sync link" width="512" height="512" />
                        <figcaption class="check__hint">"Or scan it with the other device's camera."</figcaption>
                    </figure>
                }.into_any(),
                None => view! {
                    <p class="notice">
                        {format!("These changes are too many for one QR code ({chars} characters; one holds about 2,900). Send the link, or share the backup file.")}
                    </p>
                }.into_any(),
            }}
        </div>
    }
}
