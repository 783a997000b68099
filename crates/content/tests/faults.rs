//! The parser's faults, as data: each `faults/<name>.md` is a deck with something wrong,
//! and `faults/<name>.faults` is every fault it must get, one per line, `line: message`,
//! in the words the author reads. A changed message or line fails with both lists shown.
//! `UPDATE_EXPECT=1 cargo test -p diffdeck-content --test faults` rewrites the `.faults`
//! files from what the parser says (read the diff before committing it).
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use diffdeck_content::parse::read_deck;

/// What the parser says of `bytes`, one fault a line (`line: message`); empty if a deck.
fn faults(file: &str, bytes: &[u8]) -> String {
    match read_deck(file, bytes) {
        Ok(_) => String::new(),
        Err(errors) => errors
            .iter()
            .map(|e| format!("{}: {}\n", e.line, e.kind))
            .collect(),
    }
}

#[test]
fn every_faulty_deck_gets_exactly_its_faults() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/faults");
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut decks: Vec<_> = fs::read_dir(&dir)
        .expect("tests/faults")
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    decks.sort();
    assert!(
        decks.len() >= 30,
        "the fault decks are there: {}",
        decks.len()
    );
    let mut wrong = Vec::new();
    for deck in &decks {
        let name = deck.file_name().unwrap().to_string_lossy().into_owned();
        let got = faults(&name, &fs::read(deck).expect("a fault deck"));
        assert!(
            !got.is_empty(),
            "{name} should be refused, but it reads as a deck"
        );
        let expected_file = deck.with_extension("faults");
        if update {
            fs::write(&expected_file, &got).expect("writable");
            continue;
        }
        let expected = fs::read_to_string(&expected_file)
            .unwrap_or_else(|_| panic!("{} is missing", expected_file.display()));
        if got != expected {
            wrong.push(format!("{name}\n  expected:\n{expected}  got:\n{got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
