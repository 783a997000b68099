//! Where the app is: parsed from and written to the URL's hash, so every screen has a link
//! that survives a reload and a share on a static host with no rewrite rules, under any
//! sub-path. Pure: the browser glue lives in `platform::location`.

/// A screen the app can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The first deck (the home screen).
    Browse,
    /// A deck by id (`#/d/docker-in-depth`).
    Deck(String),
    /// One comparison, by id (`#/c/cmd-vs-entrypoint`).
    Comparison(String),
    /// The match game (`#/match`).
    Match,
    /// The timed quiz (`#/quiz`).
    Quiz,
    /// Where the user stands (`#/progress`).
    Progress,
    /// Settings and the user's data (`#/settings`).
    Settings,
    /// The user's own decks: add, export, remove (`#/decks`).
    Decks,
    /// A deck shared as a link (`#/add/1.<data>`, see `content::share`): its preview on
    /// the user's decks screen. Holds what follows `#/add/`.
    AddDeck(String),
    /// Progress sent from another device (`#/sync/1.<data>`, see `domain::sync`): what it
    /// holds, merged once confirmed. Holds what follows `#/sync/`.
    Sync(String),
    /// Flashcards; `only` limits them to these comparisons (`#/flashcards?c=a-vs-b,c-vs-d`),
    /// `deck` to one deck (`#/flashcards?d=docker`). Either starts a session at once.
    Flashcards {
        only: Vec<String>,
        deck: Option<String>,
    },
    /// Interview practice: Predict, drills answered (`#/predict`), or Explain it
    /// (`#/explain`); `only` as for flashcards. One variant: one screen switches between.
    Practice { explain: bool, only: Vec<String> },
    /// A hash the app does not know.
    NotFound(String),
}

impl Route {
    /// Reads `location.hash` (with or without its leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let (path, query) = path.split_once('?').unwrap_or((path, ""));
        let path = path.trim_end_matches('/');
        match path.split_once('/') {
            // `#main`: the skip link of the pre-rendered home page, followed before the app
            // took over (the app's own skip link moves focus without a hash).
            None if path.is_empty() || hash == "#main" => Route::Browse,
            None if path == "match" => Route::Match,
            None if path == "quiz" => Route::Quiz,
            None if path == "progress" => Route::Progress,
            None if path == "settings" => Route::Settings,
            None if path == "decks" => Route::Decks,
            None if path == "flashcards" => match (ids_param(query), deck_param(query)) {
                (Some(only), Some(deck)) => Route::Flashcards { only, deck },
                _ => Route::NotFound(hash.to_string()),
            },
            None if path == "predict" || path == "explain" => match ids_param(query) {
                Some(only) => Route::Practice {
                    explain: path == "explain",
                    only,
                },
                None => Route::NotFound(hash.to_string()),
            },
            Some(("c", id)) if is_id(id) => Route::Comparison(id.to_string()),
            Some(("d", id)) if is_id(id) => Route::Deck(id.to_string()),
            // Checked when read: a damaged link gets its own message there.
            Some(("add", data)) if !data.is_empty() => Route::AddDeck(data.to_string()),
            Some(("sync", data)) if !data.is_empty() => Route::Sync(data.to_string()),
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The `href` of this screen, relative to the page, e.g. `#/c/cmd-vs-entrypoint`.
    pub fn href(&self) -> String {
        match self {
            Route::Browse => "#/".to_string(),
            Route::Comparison(id) => format!("#/c/{id}"),
            Route::Deck(id) => format!("#/d/{id}"),
            Route::Match => "#/match".to_string(),
            Route::Quiz => "#/quiz".to_string(),
            Route::Progress => "#/progress".to_string(),
            Route::Settings => "#/settings".to_string(),
            Route::Decks => "#/decks".to_string(),
            Route::AddDeck(data) => format!("#/add/{data}"),
            Route::Sync(data) => format!("#/sync/{data}"),
            Route::Flashcards {
                deck: Some(deck), ..
            } => format!("#/flashcards?d={deck}"),
            Route::Flashcards { only, deck: None } => with_ids("#/flashcards", only),
            Route::Practice { explain, only } => {
                with_ids(if *explain { "#/explain" } else { "#/predict" }, only)
            }
            Route::NotFound(hash) => hash.clone(),
        }
    }
}

/// `path`, limited to comparisons `ids` where there are some (`#/flashcards?c=a,b`).
fn with_ids(path: &str, ids: &[String]) -> String {
    if ids.is_empty() {
        path.to_string()
    } else {
        format!("{path}?c={}", ids.join(","))
    }
}

/// `c=a-vs-b,c-vs-d` -> the ids; no `c` -> none; a malformed id -> `None`.
fn ids_param(query: &str) -> Option<Vec<String>> {
    let mut ids = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        if let Some(list) = pair.strip_prefix("c=") {
            for id in list.split(',').filter(|i| !i.is_empty()) {
                if !is_id(id) {
                    return None;
                }
                ids.push(id.to_string());
            }
        }
    }
    Some(ids)
}

/// `d=docker` -> the deck; no `d` -> none; a malformed id -> `None`.
fn deck_param(query: &str) -> Option<Option<String>> {
    match query.split('&').find_map(|p| p.strip_prefix("d=")) {
        Some(id) if is_id(id) => Some(Some(id.to_string())),
        Some(_) => None,
        None => Some(None),
    }
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_root_hashes_are_browse() {
        // `#main`: the pre-rendered home page's skip link, followed before the app ran.
        for hash in ["", "#", "#/", "/", "#main"] {
            assert_eq!(Route::from_hash(hash), Route::Browse, "{hash:?}");
        }
    }

    #[test]
    fn comparison_links_round_trip() {
        let route = Route::Comparison("cmd-vs-entrypoint".into());
        assert_eq!(route.href(), "#/c/cmd-vs-entrypoint");
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(
            Route::from_hash("#/c/v-vs-mount/"),
            Route::Comparison("v-vs-mount".into())
        );
    }

    #[test]
    fn shared_deck_links_round_trip_whatever_they_hold() {
        let route = Route::AddDeck("1.eJzLSM3JyVcozy_KSQEAGgQEXQ".into());
        assert_eq!(route.href(), "#/add/1.eJzLSM3JyVcozy_KSQEAGgQEXQ");
        assert_eq!(Route::from_hash(&route.href()), route);
        // Cut short, it is still this screen, which says the link is damaged.
        assert_eq!(
            Route::from_hash("#/add/1.eJz"),
            Route::AddDeck("1.eJz".into())
        );
        assert!(matches!(Route::from_hash("#/add/"), Route::NotFound(_)));
        // A sync link the same way: the screen reads what it holds.
        let route = Route::Sync("1.eJzLSM3J".into());
        assert_eq!(route.href(), "#/sync/1.eJzLSM3J");
        assert_eq!(Route::from_hash(&route.href()), route);
        assert_eq!(Route::from_hash("#/sync/2.x"), Route::Sync("2.x".into()));
        assert!(matches!(Route::from_hash("#/sync/"), Route::NotFound(_)));
    }

    #[test]
    fn deck_links_round_trip() {
        let route = Route::Deck("docker-in-depth".into());
        assert_eq!(route.href(), "#/d/docker-in-depth");
        assert_eq!(Route::from_hash(&route.href()), route);
        assert!(matches!(Route::from_hash("#/d/"), Route::NotFound(_)));
        // A user's deck and its comparisons (see `domain::own`).
        let route = Route::Comparison("u-my-notes--pod-vs-deployment".into());
        assert_eq!(Route::from_hash(&route.href()), route);
        let route = Route::Deck("u-my-notes".into());
        assert_eq!(Route::from_hash(&route.href()), route);
    }

    #[test]
    fn flashcard_links_round_trip() {
        let all = Route::Flashcards {
            only: vec![],
            deck: None,
        };
        assert_eq!(all.href(), "#/flashcards");
        assert_eq!(Route::from_hash("#/flashcards"), all);
        let deck = Route::Flashcards {
            only: vec![],
            deck: Some("docker".into()),
        };
        assert_eq!(deck.href(), "#/flashcards?d=docker");
        assert_eq!(Route::from_hash(&deck.href()), deck);
        assert!(matches!(
            Route::from_hash("#/flashcards?d=No!"),
            Route::NotFound(_)
        ));
        let some = Route::Flashcards {
            only: vec!["copy-vs-add".into(), "v-vs-mount".into()],
            deck: None,
        };
        assert_eq!(some.href(), "#/flashcards?c=copy-vs-add,v-vs-mount");
        assert_eq!(Route::from_hash(&some.href()), some);
        assert!(matches!(
            Route::from_hash("#/flashcards?c=Bad!"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn practice_links_round_trip() {
        let predict = Route::Practice {
            explain: false,
            only: vec![],
        };
        assert_eq!(predict.href(), "#/predict");
        assert_eq!(Route::from_hash("#/predict"), predict);
        let explain = Route::Practice {
            explain: true,
            only: vec!["cmd-vs-entrypoint".into()],
        };
        assert_eq!(explain.href(), "#/explain?c=cmd-vs-entrypoint");
        assert_eq!(Route::from_hash(&explain.href()), explain);
        assert!(matches!(
            Route::from_hash("#/predict?c=Bad!"),
            Route::NotFound(_)
        ));
    }

    #[test]
    fn game_links_round_trip() {
        for route in [
            Route::Match,
            Route::Quiz,
            Route::Progress,
            Route::Settings,
            Route::Decks,
        ] {
            assert_eq!(Route::from_hash(&route.href()), route);
        }
    }

    #[test]
    fn unknown_hashes_are_not_found() {
        for hash in ["#/x", "#/c/", "#/c/Bad Id", "#/c/a/b", "#section", "#/main"] {
            assert!(
                matches!(Route::from_hash(hash), Route::NotFound(_)),
                "{hash:?}"
            );
        }
    }
}
