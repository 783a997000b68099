//! Parses the bundled decks in `content/` at build time with the same parser the tests use
//! (`diffdeck-content`, a build-dependency), so malformed content fails the build with `file:line: fault`,
//! and the app gets validated decks (postcard: compact, and decoded by little code)
//! instead of shipping a Markdown parser.
//!
//! Every deck is a file the app fetches (`decks/<id>-<hash>.bin`, next to the wasm in the
//! target directory; `scripts/wasm.mjs` copies them into `dist/`): the first one as the
//! wasm starts (index.html preloads it; the page itself is pre-rendered HTML), the others
//! after the first paint. `bundled.rs` tells the app their names and what Browse shows
//! before they arrive. Native tests and benchmarks read the first deck from `deck.postcard`
//! and every deck from `library.postcard`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use diffdeck_content::parse;

/// The bundled decks, in the order the app lists them; the app opens on the first.
const DECKS: &[&str] = &["content/docker.md", "content/docker-in-depth.md"];

fn main() {
    // The parser is a build-dependency (crates/content): cargo reruns this when it changes.
    for path in DECKS {
        println!("cargo:rerun-if-changed={path}");
    }
    let bytes: Vec<(&str, Vec<u8>)> = DECKS
        .iter()
        .map(|&file| {
            let data = std::fs::read(file)
                .unwrap_or_else(|e| fail(&[format!("{file}: cannot read: {e}")]));
            (file, data)
        })
        .collect();
    let files: Vec<(&str, &str)> = bytes
        .iter()
        .map(|(file, data)| {
            let text = parse::deck_text(file, data).unwrap_or_else(|errors| {
                fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>())
            });
            (*file, text)
        })
        .collect();
    let decks = parse::parse_library(&files)
        .unwrap_or_else(|errors| fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()));

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    write(&out.join("deck.postcard"), &encode(&decks[0]));
    write(&out.join("library.postcard"), &encode(&decks));

    // <target>/<triple>/<profile>/build/<crate>-<hash>/out -> <target>/<triple>/<profile>
    let profile_dir = out
        .ancestors()
        .nth(3)
        .expect("OUT_DIR is inside the target dir");
    let mut listing =
        String::from("// Written by build.rs: the bundled decks, fetched by the app.\n");
    listing.push_str("pub const FETCHED: &[BundledDeck] = &[\n");
    let mut files = Vec::new();
    for deck in &decks {
        let data = encode(deck);
        let file = format!("deck-{}-{:08x}.bin", deck.id, fnv1a(&data));
        files.push(format!("{file}\n"));
        write(&profile_dir.join("decks").join(&file), &data);
        write(&out.join("decks").join(&file), &data);
        let _ = writeln!(
            listing,
            "    BundledDeck {{ id: {:?}, title: {:?}, emoji: {:?}, phases: {}, comparisons: {}, file: {:?} }},",
            deck.id,
            deck.title,
            deck.emoji,
            deck.phases.len(),
            deck.comparisons().count(),
            file
        );
    }
    listing.push_str("];\n");
    // Without the `split` feature (wasm-bindgen tests, which have no server for the files)
    // the fetched decks are embedded instead.
    listing.push_str("#[cfg(not(feature = \"split\"))]\npub const FETCHED_BYTES: &[&[u8]] = &[\n");
    for file in &files {
        let path = out.join("decks").join(file.trim_end());
        let _ = writeln!(
            listing,
            "    include_bytes!({:?}),",
            path.display().to_string()
        );
    }
    listing.push_str("];\n");
    write(&out.join("bundled.rs"), listing.as_bytes());
    // Which files of `decks/` this build uses (older builds leave theirs there).
    write(&profile_dir.join("decks.list"), files.concat().as_bytes());
}

fn encode<T: serde::Serialize>(value: &T) -> Vec<u8> {
    postcard::to_allocvec(value).expect("a deck always serializes")
}

fn write(path: &Path, data: &[u8]) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).expect("the target dir is writable");
    }
    std::fs::write(path, data).expect("the target dir is writable");
}

/// 32-bit FNV-1a: names a fetched deck by its content, so a new build never meets an
/// old copy in a cache.
fn fnv1a(data: &[u8]) -> u32 {
    data.iter().fold(0x811c_9dc5u32, |h, &b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

fn fail(lines: &[String]) -> ! {
    eprintln!("\nerror: the deck content is malformed:");
    for line in lines {
        eprintln!("  {line}");
    }
    eprintln!();
    std::process::exit(1);
}
