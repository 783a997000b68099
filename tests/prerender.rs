//! The pre-rendered site (`diffdeck::site`): every bundled deck and comparison has a page
//! that holds all it says, with its own title, description and canonical URL, and links
//! that lead to pages that exist.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use diffdeck::domain::deck::{Deck, Rich};
use diffdeck::site::{home, not_found, pages, robots, site_path, sitemap, Page, Site};

const URL: &str = "https://example.com/diffdeck/";

fn decks() -> Vec<&'static Deck> {
    diffdeck::content::bundled()
        .into_iter()
        .map(|d| &*Box::leak(Box::new(d)))
        .collect()
}

fn site(url: Option<&'static str>) -> Vec<Page> {
    pages(
        &decks(),
        Site {
            stylesheet: "app-0123456789abcdef.css",
            study_stylesheet: "study-0123456789abcdef.css",
            url,
        },
    )
}

/// Text as it appears in HTML (escaped as Leptos escapes text).
fn html_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Every text run of `rich`, as it appears in HTML.
fn runs(rich: &Rich) -> Vec<String> {
    rich.0
        .iter()
        .map(|s| html_text(s.text()))
        .filter(|t| !t.trim().is_empty())
        .collect()
}

/// The code of every setup on a page, as it reads (its coloured runs' tags taken out).
fn setups(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<pre ") {
        let after = &rest[start..];
        if !after[..after.find('>').unwrap()].contains("class=\"code\"") {
            rest = &after[4..];
            continue;
        }
        let open = after.find("<code>").unwrap() + "<code>".len();
        let close = after.find("</code>").unwrap();
        let mut text = String::new();
        let mut in_tag = false;
        for ch in after[open..close].chars() {
            match ch {
                '<' => in_tag = true,
                '>' if in_tag => in_tag = false,
                c if !in_tag => text.push(c),
                _ => {}
            }
        }
        let text = text
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&");
        out.push(text);
        rest = &after[close..];
    }
    out
}

/// A comparison's page shows its drills: setup, question and options in the open, the
/// answer, the explanation and its sources behind a disclosure that needs no script; the
/// study sheet styles them.
#[test]
fn comparison_pages_show_their_drills_without_javascript() {
    use diffdeck::domain::deck::DrillAnswer;
    let decks = decks();
    let pages = site(None);
    let mut drills = 0;
    for c in decks.iter().flat_map(|d| d.comparisons()) {
        let html = &pages
            .iter()
            .find(|p| p.path == format!("c/{}/", c.id))
            .unwrap()
            .html;
        assert!(
            html.contains("href=\"../../study-0123456789abcdef.css\""),
            "{}",
            c.id
        );
        assert!(
            html.contains(&format!("href=\"../../#/explain?c={}\"", c.id)),
            "{}",
            c.id
        );
        if c.drills.is_empty() {
            assert!(!html.contains("class=\"drills\""), "{}", c.id);
            continue;
        }
        assert!(
            html.contains(&format!("href=\"../../#/predict?c={}\"", c.id)),
            "{}",
            c.id
        );
        assert_eq!(
            html.matches("<details class=\"drill__answer\">").count(),
            c.drills.len(),
            "{}",
            c.id
        );
        for drill in &c.drills {
            drills += 1;
            for run in runs(&drill.question)
                .into_iter()
                .chain(runs(&drill.why.text))
            {
                assert!(html.contains(&run), "{}: {run}", c.id);
            }
            if let Some(setup) = &drill.setup {
                assert!(
                    setups(html).contains(&setup.code),
                    "{}: {:?} is not in {:?}",
                    c.id,
                    setup.code,
                    setups(html)
                );
            }
            if let DrillAnswer::Choice { options, .. } = &drill.answer {
                for o in options {
                    for run in runs(o) {
                        assert!(html.contains(&run), "{}: {run}", c.id);
                    }
                }
            }
            for s in &drill.why.sources {
                assert!(
                    html.contains(&format!("href=\"{}\"", html_text(&s.url))),
                    "{}: {}",
                    c.id,
                    s.url
                );
            }
        }
        // The answer is inside the disclosure, after its summary.
        let first = html.find("<details class=\"drill__answer\">").unwrap();
        let answer = html[first..].find("Answer").unwrap();
        assert!(html[first..first + answer].contains("<summary>Show the answer</summary>"));
    }
    assert!(drills >= 60, "{drills} drills on the pages");
    // Deck pages do not need the study sheet.
    let deck = pages.iter().find(|p| p.path == "d/docker/").unwrap();
    assert!(!deck.html.contains("study-0123456789abcdef.css"));
}

#[test]
fn every_deck_and_comparison_has_a_page_with_all_it_says() {
    let decks = decks();
    let pages = site(Some(URL));
    let expected: usize = decks.iter().map(|d| 1 + d.comparisons().count()).sum();
    assert_eq!(pages.len(), expected);
    for deck in &decks {
        let page = pages
            .iter()
            .find(|p| p.path == format!("d/{}/", deck.id))
            .unwrap();
        for c in deck.comparisons() {
            assert!(
                page.html.contains(&format!("href=\"../../c/{}/\"", c.id)),
                "{} lists {}",
                deck.id,
                c.id
            );
        }
        for c in deck.comparisons() {
            let page = pages
                .iter()
                .find(|p| p.path == format!("c/{}/", c.id))
                .unwrap();
            let html = &page.html;
            for side in c.sides() {
                assert!(
                    html.contains(&html_text(&side.name)),
                    "{}: {}",
                    c.id,
                    side.name
                );
                for point in &side.points {
                    // The seed's words and the correction beside them.
                    let mut texts = runs(&point.said);
                    if let Some(fix) = &point.correction {
                        texts.extend(runs(&fix.text));
                        for s in &fix.sources {
                            texts.push(html_text(&s.url));
                        }
                    }
                    for t in texts {
                        assert!(html.contains(&t), "{}: {t:?} is missing", c.id);
                    }
                }
            }
            for group in &c.extras {
                for p in &group.points {
                    for t in runs(p) {
                        assert!(html.contains(&t), "{}: {t:?} is missing", c.id);
                    }
                }
            }
            for note in &c.notes {
                for t in runs(&note.text) {
                    assert!(html.contains(&t), "{}: note {t:?} is missing", c.id);
                }
            }
            for s in &c.sources {
                assert!(
                    html.contains(&format!("href=\"{}\"", html_text(&s.url))),
                    "{}: source {}",
                    c.id,
                    s.url
                );
            }
            // It runs no script (its one script element is data), and studies in the app.
            assert_eq!(html.matches("<script").count(), 1, "{}", c.id);
            let data = html
                .split("<script type=\"application/ld+json\">")
                .nth(1)
                .and_then(|rest| rest.split("</script>").next())
                .unwrap();
            let data: serde_json::Value = serde_json::from_str(data).unwrap();
            assert_eq!(data["headline"], c.title(), "{}", c.id);
            assert_eq!(data["url"], format!("{URL}c/{}/", c.id));
            assert!(
                html.contains(&format!("href=\"../../#/flashcards?c={}\"", c.id)),
                "{}",
                c.id
            );
        }
    }
}

#[test]
fn titles_descriptions_and_canonical_urls_are_unique() {
    let pages = site(Some(URL));
    let mut titles = HashSet::new();
    let mut descriptions = HashSet::new();
    for p in &pages {
        assert!(titles.insert(p.title.clone()), "title {:?} twice", p.title);
        assert!(
            descriptions.insert(p.description.clone()),
            "description {:?} twice",
            p.description
        );
        assert!(
            p.description.chars().count() <= 160,
            "{}: {}",
            p.path,
            p.description
        );
        let canonical = format!("<link rel=\"canonical\" href=\"{URL}{}\" />", p.path);
        assert_eq!(p.html.matches("rel=\"canonical\"").count(), 1, "{}", p.path);
        assert!(p.html.contains(&canonical), "{}", p.path);
        assert!(p.html.contains("<meta property=\"og:title\""), "{}", p.path);
        assert!(p.html.contains("<meta name=\"twitter:card\""), "{}", p.path);
    }
    // Without a site URL there is no canonical URL (it must be absolute).
    assert!(site(None).iter().all(|p| !p.html.contains("canonical")));
}

#[test]
fn every_link_between_pages_leads_to_one() {
    let pages = site(None);
    let paths: HashSet<&str> = pages.iter().map(|p| p.path.as_str()).collect();
    for p in &pages {
        for link in p.html.split("href=\"../../").skip(1) {
            let target = &link[..link.find('"').unwrap()];
            if target.starts_with("c/") || target.starts_with("d/") {
                assert!(paths.contains(target), "{} links to {target}", p.path);
            } else {
                // The app (its hash routes at the top) or one of its files.
                assert!(
                    target.is_empty() || target.starts_with("#/") || !target.contains('/'),
                    "{} links to {target}",
                    p.path
                );
            }
        }
        // No hash route into a comparison: between pages, links are paths.
        assert!(!p.html.contains("#/c/"), "{}", p.path);
    }
}

#[test]
fn pages_carry_no_hydration_markers_and_print_as_a_cheat_sheet() {
    // `<!>` is what Leptos's server rendering leaves for hydration: not valid HTML, and
    // these pages are never hydrated. (`make test` runs html-validate over every page.)
    for p in site(None) {
        assert!(!p.html.contains("<!>"), "{}", p.path);
        assert!(
            p.html
                .contains("<link rel=\"stylesheet\" href=\"../../print.css\" media=\"print\" />"),
            "{}",
            p.path
        );
        // A deck's page has a Print button, which its script shows.
        assert_eq!(
            p.html.contains("print-action") && p.html.contains("print.js"),
            p.path.starts_with("d/"),
            "{}",
            p.path
        );
    }
}

#[test]
fn the_sitemap_lists_every_page_and_robots_points_to_it() {
    let pages = site(Some(URL));
    let map = sitemap(&pages, URL);
    assert!(map.contains(&format!("<loc>{URL}</loc>")));
    for p in &pages {
        assert!(
            map.contains(&format!("<loc>{URL}{}</loc>", p.path)),
            "{}",
            p.path
        );
    }
    assert_eq!(map.matches("<url>").count(), pages.len() + 1);
    assert!(robots(URL).contains("Sitemap: https://example.com/diffdeck/sitemap.xml"));
}

#[test]
fn the_not_found_page_links_from_the_sites_path() {
    assert_eq!(site_path(URL), "/diffdeck/");
    assert_eq!(site_path("https://example.com/"), "/");
    let html = not_found(
        "/diffdeck/",
        Site {
            stylesheet: "app-0123456789abcdef.css",
            study_stylesheet: "study-0123456789abcdef.css",
            url: Some(URL),
        },
    );
    assert!(html.contains("<h1 id=\"screen-title\" tabindex=\"-1\">Nothing here</h1>"));
    assert!(html.contains("href=\"/diffdeck/app-0123456789abcdef.css\""));
    assert!(html.contains("href=\"/diffdeck/#/\""));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\" />"));
    assert!(!html.contains("canonical"));
}

/// The app's home screen pre-rendered into `index.html`: the first deck as Browse shows it
/// (every comparison, linking to its page; the search there but disabled), in place of the
/// markers, the same again when run on its own output, and canonical for a site URL.
#[test]
fn the_home_page_is_browse_on_the_first_deck() {
    let index = std::fs::read_to_string("index.html").unwrap();
    let decks = decks();
    let site = |url| Site {
        stylesheet: "app-0123456789abcdef.css",
        study_stylesheet: "study-0123456789abcdef.css",
        url,
    };
    let html = home(&index, &decks, site(None)).unwrap();
    let app = html.split("<div id=\"app\">").nth(1).unwrap();
    let app = &app[..app.find("<!-- /home -->").unwrap()];
    assert!(app.contains(&format!(">{}</h1>", html_text(&decks[0].title))));
    assert_eq!(
        app.matches("<article ").count(),
        decks[0].comparisons().count()
    );
    for c in decks[0].comparisons() {
        assert!(app.contains(&format!("href=\"./c/{}/\"", c.id)), "{}", c.id);
    }
    for d in &decks {
        assert!(
            app.contains(&format!("href=\"./d/{}/\"", d.id)),
            "the switch lists {}",
            d.id
        );
    }
    assert!(
        app.contains("<input") && app.contains(" disabled"),
        "search waits for the app"
    );
    assert!(app.contains("21 comparisons in 6 phases"));
    assert!(!html.contains("<!>"));
    assert!(!html.contains("canonical"));
    // Run again (the update test rebuilds a copy): the same page.
    assert_eq!(home(&html, &decks, site(None)).unwrap(), html);
    let published = home(&index, &decks, site(Some(URL))).unwrap();
    assert_eq!(
        published
            .matches(&format!("<link rel=\"canonical\" href=\"{URL}\" />"))
            .count(),
        1
    );
    assert_eq!(
        home(&published, &decks, site(Some(URL))).unwrap(),
        published
    );
    // Without its markers, index.html is refused, naming them.
    let err = home("<div id=\"app\"></div>", &decks, site(None)).unwrap_err();
    assert!(err.contains("<!-- home -->"), "{err}");
}
