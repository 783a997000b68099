//! Where the app is: parsed from and written to the URL's hash, so every screen has a link
//! that survives a reload and a share on a static host with no rewrite rules, under any
//! sub-path. Pure: the browser glue lives in `platform::location`.

/// A screen the app can show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The whole deck (the home screen).
    Browse,
    /// One comparison, by id (`#/c/cmd-vs-entrypoint`).
    Comparison(String),
    /// A hash the app does not know.
    NotFound(String),
}

impl Route {
    /// Reads `location.hash` (with or without its leading `#`).
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.strip_prefix('#').unwrap_or(hash);
        let path = path.strip_prefix('/').unwrap_or(path);
        let path = path
            .split(['?'])
            .next()
            .unwrap_or_default()
            .trim_end_matches('/');
        match path.split_once('/') {
            None if path.is_empty() => Route::Browse,
            Some(("c", id)) if is_id(id) => Route::Comparison(id.to_string()),
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The `href` of this screen, relative to the page, e.g. `#/c/cmd-vs-entrypoint`.
    pub fn href(&self) -> String {
        match self {
            Route::Browse => "#/".to_string(),
            Route::Comparison(id) => format!("#/c/{id}"),
            Route::NotFound(hash) => hash.clone(),
        }
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
        for hash in ["", "#", "#/", "/"] {
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
    fn unknown_hashes_are_not_found() {
        for hash in ["#/x", "#/c/", "#/c/Bad Id", "#/c/a/b", "#section"] {
            assert!(
                matches!(Route::from_hash(hash), Route::NotFound(_)),
                "{hash:?}"
            );
        }
    }
}
