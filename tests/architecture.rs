//! The layering in ARCHITECTURE.md, held by reading the source tree: which layer may use
//! which. A failure names the file and the line that crosses a line it should not.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// Every line under `src/<layer>` that mentions one of `forbidden`, outside comments.
fn crossings(layer: &str, forbidden: &[&str]) -> Vec<String> {
    crossings_in(&Path::new("src").join(layer), forbidden)
}

/// Every line under `dir` that mentions one of `forbidden`, outside comments.
fn crossings_in(dir: &Path, forbidden: &[&str]) -> Vec<String> {
    let mut found = Vec::new();
    for file in rust_files(dir) {
        let text = fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            for bad in forbidden {
                if code.contains(bad) {
                    found.push(format!(
                        "{}:{}: uses `{bad}`: {}",
                        file.display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    found
}

const BROWSER: &[&str] = &["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"];

#[test]
fn domain_is_pure() {
    let mut forbidden = vec![
        "crate::content",
        "crate::route",
        "crate::storage",
        "crate::platform",
        "crate::state",
        "crate::ui",
        "std::time::SystemTime",
        "Instant::now",
        "pulldown_cmark",
    ];
    forbidden.extend(BROWSER);
    assert_eq!(crossings("domain", &forbidden), Vec::<String>::new());
}

#[test]
fn content_uses_only_the_domain() {
    let mut forbidden = vec![
        "crate::storage",
        "crate::platform",
        "crate::state",
        "crate::ui",
        "crate::route",
    ];
    forbidden.extend(BROWSER);
    assert_eq!(crossings("content", &forbidden), Vec::<String>::new());
}

/// The deck format's crate serves build.rs and the deck reader too: no app, no browser.
#[test]
fn the_deck_format_crate_stands_alone() {
    let mut forbidden = vec!["diffdeck::", "crate::domain", "crate::storage", "crate::ui"];
    forbidden.extend(BROWSER);
    assert_eq!(
        crossings_in(Path::new("crates/content/src"), &forbidden),
        Vec::<String>::new()
    );
    assert!(rust_files(Path::new("crates/content/src")).len() >= 6);
}

#[test]
fn platform_holds_no_rules_and_no_screens() {
    let forbidden = [
        "crate::domain",
        "crate::content",
        "crate::storage",
        "crate::ui",
    ];
    assert_eq!(crossings("platform", &forbidden), Vec::<String>::new());
}

/// Views render natively too (the pre-rendered site): Leptos, the model and routes only.
#[test]
fn views_render_anywhere() {
    let forbidden = [
        "crate::platform",
        "crate::state",
        "crate::storage",
        "crate::ui",
        "crate::site",
        "web_sys",
        "wasm_bindgen",
        "js_sys",
        "gloo",
        "AppState",
    ];
    assert_eq!(crossings("view", &forbidden), Vec::<String>::new());
}

#[test]
fn ui_never_touches_storage_or_the_browser_storage_api() {
    let forbidden = [
        "crate::storage",
        "local_storage",
        "LocalStorage",
        "gloo_storage",
    ];
    assert_eq!(crossings("ui", &forbidden), Vec::<String>::new());
}

#[test]
fn the_checks_see_the_source() {
    // Guards against the tests above passing because they read nothing.
    assert!(rust_files(Path::new("src/domain")).len() >= 2);
    assert!(rust_files(Path::new("src/ui")).len() >= 3);
    assert!(rust_files(Path::new("src/view")).len() >= 3);
    assert!(!crossings("ui", &["leptos"]).is_empty());
}

/// Browsers without `light-dark()` get the same colours: every pair in `style/tokens.css`
/// has its light value in `style/colours-fallback.css`'s `html:root` and its dark value in
/// both of its dark rules (the system's scheme and `data-theme="dark"`).
#[test]
fn every_colour_pair_has_a_fallback_without_light_dark() {
    let tokens = std::fs::read_to_string("style/tokens.css").unwrap();
    let fallback = std::fs::read_to_string("style/colours-fallback.css").unwrap();
    let pairs: Vec<(&str, &str, &str)> = tokens
        .lines()
        .filter_map(|line| {
            let (name, value) = line.trim().split_once(": light-dark(")?;
            let (light, dark) = value.trim_end_matches(");").split_once(", ")?;
            Some((name, light, dark))
        })
        .collect();
    assert!(pairs.len() >= 30, "{} colour pairs", pairs.len());
    let (light_rule, dark_rules) = fallback
        .split_once("@media (prefers-color-scheme: dark)")
        .unwrap();
    let (system_dark, chosen_dark) = dark_rules
        .split_once(r#"html:root[data-theme="dark"]"#)
        .unwrap();
    for (name, light, dark) in pairs {
        assert!(
            light_rule.contains(&format!("{name}: {light};")),
            "{name} light"
        );
        assert!(
            system_dark.contains(&format!("{name}: {dark};")),
            "{name} dark (system)"
        );
        assert!(
            chosen_dark.contains(&format!("{name}: {dark};")),
            "{name} dark (chosen)"
        );
    }
}

/// Every Rust source file, the app's and the deck format crate's, opens with its module
/// doc (`//!`): what the file is for, before anything else (rust-analyzer's tidy rule).
#[test]
fn every_source_file_opens_with_its_module_doc() {
    let mut files = rust_files(Path::new("src"));
    files.extend(rust_files(Path::new("crates/content/src")));
    files.push(PathBuf::from("build.rs"));
    assert!(files.len() >= 60, "{} files", files.len());
    let undocumented: Vec<String> = files
        .iter()
        .filter(|f| {
            let text = fs::read_to_string(f).unwrap();
            !text.starts_with("//!")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert_eq!(
        undocumented,
        Vec::<String>::new(),
        "files without a `//!` first line"
    );
}
