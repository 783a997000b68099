//! Parses `content/docker.md` at build time with the same parser the tests use
//! (`src/content/parse.rs`), so malformed content fails the build with `file:line: fault`,
//! and the app embeds the validated deck (postcard: compact, and decoded by little code)
//! instead of shipping a Markdown parser.

use std::path::Path;

#[path = "src/domain/deck.rs"]
pub mod deck;
#[path = "src/content/parse.rs"]
mod parse;

// `parse.rs` names the model by its path in the library crate.
mod domain {
    pub use crate::deck;
}

const DECK: &str = "content/docker.md";

fn main() {
    for path in [DECK, "src/content/parse.rs", "src/domain/deck.rs"] {
        println!("cargo:rerun-if-changed={path}");
    }
    let source = std::fs::read_to_string(DECK)
        .unwrap_or_else(|e| fail(&[format!("{DECK}: cannot read: {e}")]));
    let deck = parse::parse_deck(DECK, &source)
        .unwrap_or_else(|errors| fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()));
    let bytes = postcard::to_allocvec(&deck).expect("a deck always serializes");
    let out = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    std::fs::write(Path::new(&out).join("deck.postcard"), bytes).expect("OUT_DIR is writable");
}

fn fail(lines: &[String]) -> ! {
    eprintln!("\nerror: the deck content is malformed:");
    for line in lines {
        eprintln!("  {line}");
    }
    eprintln!();
    std::process::exit(1);
}
