//! Writes the pre-rendered site into a built `dist/` (see `diffdeck::site`): the app's home
//! screen into `index.html`, every bundled deck and comparison as a page, a `404.html`,
//! and, when `SITE_URL` is set, `sitemap.xml` and `robots.txt`. Run by
//! `scripts/postbuild.mjs`:
//!
//! ```text
//! prerender <dist> <stylesheet> <study stylesheet>   (SITE_URL=https://host/path/ for canonical URLs)
//! ```

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::fs;
    use std::path::Path;

    use diffdeck::site::{home, not_found, pages, robots, site_path, site_url, sitemap, Site};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dist, stylesheet, study_stylesheet] = args.as_slice() else {
        eprintln!("usage: prerender <dist> <stylesheet> <study stylesheet>");
        std::process::exit(2);
    };
    let url = match std::env::var("SITE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
    {
        Some(u) => match site_url(&u) {
            Ok(url) => Some(url),
            Err(why) => {
                eprintln!("prerender: {why}");
                std::process::exit(2);
            }
        },
        None => None,
    };
    let decks: Vec<&'static diffdeck::domain::deck::Deck> = diffdeck::content::bundled()
        .into_iter()
        .map(|d| &*Box::leak(Box::new(d)))
        .collect();

    let dist = Path::new(dist);
    let index_path = dist.join("index.html");
    let index =
        fs::read_to_string(&index_path).unwrap_or_else(|e| panic!("{}: {e}", index_path.display()));
    let site = Site {
        stylesheet,
        study_stylesheet,
        url: url.as_deref(),
    };
    match home(&index, &decks, site) {
        Ok(html) => {
            fs::write(&index_path, html).unwrap_or_else(|e| panic!("{}: {e}", index_path.display()))
        }
        Err(why) => {
            eprintln!("prerender: {why}");
            std::process::exit(2);
        }
    }
    let write = |path: &Path, text: &str| {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        }
        fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    };
    let pages = pages(&decks, site);
    for page in &pages {
        write(&dist.join(&page.path).join("index.html"), &page.html);
    }
    let root: &'static str = match &url {
        Some(url) => Box::leak(site_path(url).to_string().into_boxed_str()),
        None => "./",
    };
    write(&dist.join("404.html"), &not_found(root, site));
    match &url {
        Some(url) => {
            write(&dist.join("sitemap.xml"), &sitemap(&pages, url));
            write(&dist.join("robots.txt"), &robots(url));
            println!("prerender: {} pages, sitemap.xml and robots.txt for {url}", pages.len());
        }
        None => println!(
            "prerender: {} pages; SITE_URL is not set, so no sitemap.xml, robots.txt or canonical URLs",
            pages.len()
        ),
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
