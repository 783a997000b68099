//! Installing diffdeck: the browser's own prompt where it offers one, "Add to Home Screen"
//! steps on iPhone and iPad (Safari has no prompt), and a calm word about Safari's habit of
//! clearing a site's data after a week away. Nothing to offer once installed.

use leptos::prelude::*;

use crate::platform::install;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offer {
    Installed,
    /// The browser's prompt is ready.
    Prompt,
    /// iPhone or iPad: Share, then Add to Home Screen.
    HomeScreen,
    /// Another browser: its menu may offer it.
    Menu,
}

fn offer() -> Offer {
    if install::installed() {
        Offer::Installed
    } else if install::can_prompt() {
        Offer::Prompt
    } else if install::apple_mobile() {
        Offer::HomeScreen
    } else {
        Offer::Menu
    }
}

#[component]
pub fn Install() -> impl IntoView {
    // The offer as the screen opens. Chromium offers to install early (index.html keeps
    // it), so it is there by the time anyone opens Settings.
    let offer = offer();
    let installed = RwSignal::new(offer == Offer::Installed);
    let ask = move |_| {
        leptos::task::spawn_local(async move {
            if install::prompt().await {
                installed.set(true);
            }
        })
    };
    let steps = (offer == Offer::HomeScreen).then(|| {
        view! {
            <ol class="install__steps">
                <li>"Tap the Share button " <span aria-hidden="true">"(a square with an arrow)"</span> " in Safari's toolbar."</li>
                <li>"Choose " <strong>"Add to Home Screen"</strong> ", then " <strong>"Add"</strong> "."</li>
            </ol>
            <p class="check__hint" id="safari-storage">
                "Good to know: Safari clears a website's data when it has not been opened for seven days. "
                "From the home screen, diffdeck keeps your progress; an exported backup (below) keeps it too."
            </p>
        }
    });
    let button = (offer == Offer::Prompt).then(|| {
        view! {
            <div class="summary__actions" hidden=installed>
                <button class="button button--primary" type="button" on:click=ask>
                    "Install diffdeck"
                </button>
            </div>
        }
    });
    let intro = match offer {
        Offer::Installed => "",
        Offer::Prompt => "Open diffdeck from your home screen, full screen and offline, like any app.",
        Offer::HomeScreen => "Open diffdeck from your home screen, full screen and offline, like any app:",
        Offer::Menu => "To open diffdeck like an app, offline, look for “Install” or “Add to Home screen” in your browser's menu.",
    };
    view! {
        <section class="install" aria-labelledby="install-title">
            <h2 class="settings__group" id="install-title">"Install"</h2>
            <p class="check__hint" hidden=installed>{intro}</p>
            <p hidden=move || !installed.get()>
                "diffdeck is installed on this device: it opens from your home screen and works offline."
            </p>
            {button}
            {steps}
        </section>
    }
}
