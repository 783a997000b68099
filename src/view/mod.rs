//! Views that render the same in the app (wasm, Leptos `csr`) and in the pre-rendered
//! site (native, Leptos `ssr`: `src/bin/prerender.rs`). Pure components over the deck
//! model: they never read `AppState`, call `platform` or touch the browser, so they run
//! wherever Leptos does. `ui` wraps them with what needs the browser (titles, focus,
//! search, storage).

pub mod comparison;
pub mod drill;
pub mod header;
pub mod page;
pub mod rich;

use crate::route::Route;

/// Every screen's `<h1>` carries this id, so focus can move to it after a navigation.
pub const SCREEN_TITLE: &str = "screen-title";

/// Where a view's links lead: into the app's hash routes, or between pre-rendered pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Links {
    /// The app: `#/c/<id>`, `#/d/<id>` (the first deck is `#/`).
    App,
    /// The pre-rendered pages (`c/<id>/`, `d/<id>/`), from a page `root` away from the
    /// site's top (`"../../"`): relative, so the site works at a host's root and under
    /// any sub-path. Native only (`site`): the wasm never makes such links, and carries
    /// no code for them.
    #[cfg(not(target_arch = "wasm32"))]
    Site { root: &'static str },
}

impl Links {
    /// A comparison's page.
    pub fn comparison(self, id: &str) -> String {
        match self {
            Links::App => Route::Comparison(id.to_string()).href(),
            #[cfg(not(target_arch = "wasm32"))]
            Links::Site { root } => format!("{root}c/{id}/"),
        }
    }

    /// A deck's page; `first`: the app's home screen shows that deck.
    pub fn deck(self, id: &str, first: bool) -> String {
        match self {
            Links::App if first => Route::Browse.href(),
            Links::App => Route::Deck(id.to_string()).href(),
            #[cfg(not(target_arch = "wasm32"))]
            Links::Site { root } => format!("{root}d/{id}/"),
        }
    }

    /// A screen of the app (`#/quiz`), from here.
    pub fn app(self, hash: &str) -> String {
        match self {
            Links::App => hash.to_string(),
            #[cfg(not(target_arch = "wasm32"))]
            Links::Site { root } => format!("{root}{hash}"),
        }
    }
}

/// A deck's title without the seed's "(Phase 1 → Phase 6)": short enough for a tab.
pub fn short_title(title: &str) -> &str {
    title.split(" (").next().unwrap_or(title).trim()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn links_lead_into_the_app_or_between_pages() {
        assert_eq!(Links::App.comparison("copy-vs-add"), "#/c/copy-vs-add");
        assert_eq!(Links::App.deck("docker", true), "#/");
        assert_eq!(
            Links::App.deck("docker-in-depth", false),
            "#/d/docker-in-depth"
        );
        assert_eq!(Links::App.app("#/quiz"), "#/quiz");
        let site = Links::Site { root: "../../" };
        assert_eq!(site.comparison("copy-vs-add"), "../../c/copy-vs-add/");
        assert_eq!(site.deck("docker", true), "../../d/docker/");
        assert_eq!(site.app("#/quiz"), "../../#/quiz");
        assert_eq!(
            short_title("Docker Interview Differences (Phase 1 → Phase 6)"),
            "Docker Interview Differences"
        );
    }
}
