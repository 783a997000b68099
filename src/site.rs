//! The pre-rendered site (native only): every bundled deck (`d/<id>/`) and comparison
//! (`c/<id>/`) as a page of plain HTML, rendered by the app's own views (`view`) with
//! Leptos's `ssr`. The pages read without JavaScript and run none; each has its own title,
//! description and Open Graph tags, and, for a site URL given at build time, a canonical
//! URL; `sitemap.xml` and `robots.txt` list them. `src/bin/prerender.rs` writes them into
//! `dist/` (run by `scripts/postbuild.mjs`).
//!
//! Links between pages are relative (`../../c/<id>/`), so the site works at a host's root
//! and under any sub-path; links into the app lead to its hash routes at the top
//! (`../../#/flashcards?c=<id>`).

use leptos::prelude::*;

use crate::domain::deck::{Comparison, Deck, Point};
use crate::route::Route;
use crate::view::header::Header;
use crate::view::page::{ComparisonArticle, DeckArticle, DeckEntry, NotFoundSection};
use crate::view::{short_title, Links};

// The app loads colours-fallback.css only where light-dark() is missing (a script asks);
// these pages run no script, so they always load it. Its values equal tokens.css's pairs
// (tests/architecture.rs), so where both apply nothing changes.

/// Every page sits two folders down (`c/<id>/`, `d/<id>/`).
const ROOT: &str = "../../";
/// The longest description search engines show in full, about.
const DESCRIPTION_CHARS: usize = 160;

/// How the pages are built: the app's stylesheet and its study screens' (their hashed
/// names in `dist/`: a comparison's page shows its drills, styled by the second), and the
/// address the site is published at, if known (ending in `/`).
#[derive(Clone, Copy, Debug)]
pub struct Site<'a> {
    pub stylesheet: &'a str,
    pub study_stylesheet: &'a str,
    pub url: Option<&'a str>,
}

/// One page: where it goes under `dist/` (`c/<id>/`), its title and description, and its
/// whole HTML.
#[derive(Clone, Debug)]
pub struct Page {
    pub path: String,
    pub title: String,
    pub description: String,
    pub html: String,
}

/// Every deck's page, then every comparison's, for `decks` (the bundled decks, first one
/// first).
pub fn pages(decks: &[&'static Deck], site: Site) -> Vec<Page> {
    let links = Links::Site { root: ROOT };
    let entries = entries(decks);
    let mut out = Vec::new();
    for (i, &deck) in decks.iter().enumerate() {
        let count = deck.comparisons().count();
        let titles: Vec<String> = deck.comparisons().map(Comparison::title).collect();
        let description = cut(&format!(
            "{count} Docker differences side by side, in {} phases: {}.",
            deck.phases.len(),
            titles.join(", ")
        ));
        let title = format!("{} — diffdeck", short_title(&deck.title));
        let route = if i == 0 {
            Route::Browse
        } else {
            Route::Deck(deck.id.clone())
        };
        let entries = entries.clone();
        let body = render(ROOT, route, move || {
            view! {
                <DeckArticle deck=deck entries=entries links=links />
                <p class="summary__actions">
                    <a class="button button--primary" href=links.app("#/flashcards")>"Study them with flashcards"</a>
                    <button class="button print-action" type="button" hidden>"Print a cheat sheet"</button>
                </p>
            }
        });
        out.push(page(
            format!("d/{}/", deck.id),
            ROOT,
            (title, description),
            &format!("<script src=\"{ROOT}print.js\" defer></script>"),
            body,
            site,
        ));
        for phase in &deck.phases {
            for comparison in &phase.comparisons {
                let id = comparison.id.clone();
                let first = i == 0;
                let body = render(ROOT, Route::Comparison(id.clone()), move || {
                    view! { <ComparisonArticle deck=deck phase=phase comparison=comparison first=first links=links /> }
                });
                let path = format!("c/{id}/");
                let title = format!("{} — diffdeck", comparison.title());
                let description = describe(comparison);
                let data = structured(deck, comparison, &description, &path, site);
                out.push(page(path, ROOT, (title, description), &data, body, site));
            }
        }
    }
    out
}

/// The decks as the switch lists them.
fn entries(decks: &[&'static Deck]) -> Vec<DeckEntry> {
    decks.iter().map(|&d| DeckEntry::of(d)).collect()
}

/// Where `index.html` holds the app's static paint, between these two comments.
pub const HOME_MARKERS: (&str, &str) = ("<!-- home -->", "<!-- /home -->");
/// Where `index.html` takes the tags that only a known site address gives.
pub const HEAD_MARKER: &str = "<!-- site head -->";

/// `index.html` with the app's home screen pre-rendered into it: Browse on the first deck,
/// from the same views the app mounts (which then takes over without a shift), with links
/// between the pre-rendered pages so it reads without JavaScript; and, for a known site
/// address, its canonical URL and Open Graph tags. Run again on its own output, it gives
/// the same page (the update test re-runs the build's last step on a copy).
pub fn home(index: &str, decks: &[&'static Deck], site: Site) -> Result<String, String> {
    let (start, end) = HOME_MARKERS;
    let (Some(from), Some(to)) = (index.find(start), index.find(end)) else {
        return Err(format!("index.html lacks {start} … {end} inside #app"));
    };
    let first = decks[0];
    let entries = entries(decks);
    let links = Links::Site { root: "./" };
    let body = render("./", Route::Browse, move || {
        view! { <DeckArticle deck=first entries=entries links=links search=true /> }
    });
    // One line: a second run replaces the line.
    let head = site
        .url
        .map(|url| {
            let url = escape(url);
            format!(
                "<link rel=\"canonical\" href=\"{url}\" /><meta property=\"og:url\" content=\"{url}\" /><meta property=\"og:image\" content=\"{url}icon-512.png\" />"
            )
        })
        .unwrap_or_default();
    let mut html = format!("{}{start}{body}{}", &index[..from], &index[to..]);
    if let Some(at) = html.find(HEAD_MARKER) {
        let line_end = at + HEAD_MARKER.len();
        let next = html[line_end..]
            .find('\n')
            .map_or(html.len(), |n| line_end + n);
        html.replace_range(at..next, &format!("{HEAD_MARKER}{head}"));
    } else {
        return Err(format!("index.html lacks {HEAD_MARKER} in its head"));
    }
    Ok(html)
}

/// `404.html`: what a static host serves for a path it does not have, at any depth. Its
/// links start from `root`: the site's path (`/diffdeck/`) when its address is known, so
/// they work wherever the page is served; else `./` (right at the top only).
pub fn not_found(root: &'static str, site: Site) -> String {
    let home: &'static str = Box::leak(Links::Site { root }.app("#/").into_boxed_str());
    let body = render(root, Route::NotFound(String::new()), move || {
        view! { <NotFoundSection home=home /> }
    });
    let title = "Not found — diffdeck".to_string();
    let description = "This link does not lead to a page of diffdeck.".to_string();
    let site = Site { url: None, ..site };
    let noindex = "<meta name=\"robots\" content=\"noindex\" />";
    page(
        String::new(),
        root,
        (title, description),
        noindex,
        body,
        site,
    )
    .html
}

/// The site's path (`/diffdeck/`) from its address (`https://host/diffdeck/`).
pub fn site_path(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.find('/').map_or("/", |at| &rest[at..])
}

/// A comparison as schema.org data (an `Article` in its deck), for search engines: a
/// `<script type="application/ld+json">` block. Data, not code: the page's
/// `script-src 'none'` does not apply to it.
fn structured(deck: &Deck, c: &Comparison, description: &str, path: &str, site: Site) -> String {
    let mut data = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": c.title(),
        "description": description,
        "inLanguage": "en",
        "about": [c.left.name, c.right.name],
        "isPartOf": { "@type": "CreativeWork", "name": short_title(&deck.title) },
        "citation": c.sources.iter().map(|s| s.url.as_str()).collect::<Vec<_>>(),
    });
    if let Some(url) = site.url {
        data["url"] = format!("{url}{path}").into();
        data["isPartOf"]["url"] = format!("{url}d/{}/", deck.id).into();
    }
    // `<` never appears raw, so no text can end the block early.
    let json = data.to_string().replace('<', "\\u003c");
    format!("<script type=\"application/ld+json\">{json}</script>")
}

/// `sitemap.xml`: the app's page and every pre-rendered page, under `url`.
pub fn sitemap(pages: &[Page], url: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in std::iter::once("").chain(pages.iter().map(|p| p.path.as_str())) {
        out.push_str(&format!(
            "  <url><loc>{}</loc></url>\n",
            escape(&format!("{url}{path}"))
        ));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: everything may be crawled; where the sitemap is.
pub fn robots(url: &str) -> String {
    format!("User-agent: *\nAllow: /\nSitemap: {url}sitemap.xml\n")
}

/// `url` as the site's address (`https://host/path/`), or why it cannot be one.
pub fn site_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| format!("SITE_URL `{url}` must start with https:// (or http://)"))?;
    if rest.is_empty() || rest.starts_with('/') || url.contains(['?', '#', ' ', '"', '<', '>']) {
        return Err(format!(
            "SITE_URL `{url}` is not a site address such as https://example.com/diffdeck/"
        ));
    }
    Ok(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    })
}

/// The app's own views as HTML, inside an owner (for any context they read), with the
/// header marking `route`.
fn render<V: IntoView + 'static>(
    root: &'static str,
    route: Route,
    body: impl FnOnce() -> V + 'static,
) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        let links = Links::Site { root };
        view! {
            <a class="skip-link" href="#main">"Skip to content"</a>
            <Header links=links route=Signal::stored(route) />
            // The app's frame holds its notices here (none on these pages), empty.
            <main id="main" class="app-main" tabindex="-1"><div class="notices" aria-live="polite"></div>{body()}</main>
        }
        .to_html()
    });
    drop(owner);
    // `<!>` marks where Leptos would hydrate a dynamic child. These pages are never
    // hydrated (the app builds its own and takes their place), and the marker is not valid
    // HTML (a bogus comment): text never renders as `<!>` (it would be `&lt;!&gt;`).
    html.replace("<!>", "")
}

/// A whole page around `body`, at `path` (a folder: `c/<id>/`) whose way to the site's
/// top is `root`; `head` goes at the end of its `<head>` (structured data).
fn page(
    path: String,
    root: &str,
    (title, description): (String, String),
    head: &str,
    body: String,
    site: Site,
) -> Page {
    let canonical = site
        .url
        .map(|url| {
            let url = escape(&format!("{url}{path}"));
            format!(
                "<link rel=\"canonical\" href=\"{url}\" />\n    <meta property=\"og:url\" content=\"{url}\" />\n    "
            )
        })
        .unwrap_or_default();
    let image = site
        .url
        .map(|url| {
            format!(
                "<meta property=\"og:image\" content=\"{}icon-512.png\" />\n    ",
                escape(url)
            )
        })
        .unwrap_or_default();
    let kind = if path.starts_with("c/") {
        "article"
    } else {
        "website"
    };
    let study = if path.starts_with("c/") {
        format!(
            "<link rel=\"stylesheet\" href=\"{root}{}\" />\n    ",
            site.study_stylesheet
        )
    } else {
        String::new()
    };
    let (t, d) = (escape(&title), escape(&description));
    let html = format!(
        r##"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'" />
    <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
    <title>{t}</title>
    <meta name="description" content="{d}" />
    {canonical}<meta property="og:type" content="{kind}" />
    <meta property="og:site_name" content="diffdeck" />
    <meta property="og:title" content="{t}" />
    <meta property="og:description" content="{d}" />
    {image}<meta name="twitter:card" content="summary" />
    <meta name="color-scheme" content="light dark" />
    <meta name="theme-color" content="#f6f7fb" media="(prefers-color-scheme: light)" />
    <meta name="theme-color" content="#12151c" media="(prefers-color-scheme: dark)" />
    <link rel="icon" href="{root}favicon.svg" type="image/svg+xml" />
    <link rel="apple-touch-icon" href="{root}apple-touch-icon.png" />
    <link rel="manifest" href="{root}manifest.webmanifest" />
    <link rel="stylesheet" href="{root}{css}" />
    {study}<link rel="stylesheet" href="{root}colours-fallback.css" />
    <link rel="stylesheet" href="{root}print.css" media="print" />
    {head}
  </head>
  <body>
    <div id="app">{body}</div>
  </body>
</html>
"##,
        css = site.stylesheet,
    );
    Page {
        path,
        title,
        description,
        html,
    }
}

/// "CMD vs ENTRYPOINT: CMD — the default command …; ENTRYPOINT — …", from each side's
/// first accurate statement (a corrected point's correction, never its wrong wording).
fn describe(c: &Comparison) -> String {
    let first = |points: &[Point]| {
        points
            .first()
            .map(|p| {
                let text = p
                    .correction
                    .as_ref()
                    .map_or(&p.said, |fix| &fix.text)
                    .plain();
                text.trim_end_matches('.').to_string()
            })
            .unwrap_or_default()
    };
    cut(&format!(
        "{}: {} — {}; {} — {}",
        c.title(),
        c.left.name,
        first(&c.left.points),
        c.right.name,
        first(&c.right.points)
    ))
}

/// `text` cut at a word to at most [`DESCRIPTION_CHARS`], with "…" if cut.
fn cut(text: &str) -> String {
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text.to_string();
    }
    let head: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    let at = head.rfind(' ').unwrap_or(head.len());
    format!(
        "{}…",
        head[..at].trim_end_matches([',', ';', ':', ' ', '—'])
    )
}

/// Text for an HTML attribute or text node.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descriptions_are_cut_at_a_word() {
        let long = "word ".repeat(60);
        let cut = cut(&long);
        assert!(cut.chars().count() <= DESCRIPTION_CHARS, "{cut}");
        assert!(cut.ends_with("word…"), "{cut}");
        assert_eq!(super::cut("short"), "short");
    }

    #[test]
    fn a_site_url_is_checked_and_ends_in_a_slash() {
        assert_eq!(
            site_url("https://example.com/diffdeck").unwrap(),
            "https://example.com/diffdeck/"
        );
        assert_eq!(
            site_url(" https://example.com/ ").unwrap(),
            "https://example.com/"
        );
        for bad in [
            "example.com",
            "ftp://x.org/",
            "https://",
            "https:///x",
            "https://x.org/?a",
            "https://x.org/\"a",
        ] {
            assert!(site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn text_is_escaped_for_attributes() {
        assert_eq!(escape("a<b>&\"c\""), "a&lt;b&gt;&amp;&quot;c&quot;");
    }
}
