//! Markdown -> [`Deck`], with errors that name file, line and fault.
//!
//! Runs at build time (`build.rs`), in native tests and the parse benchmark, and in the
//! browser only in the deck reader's own wasm module (`src/bin/reader.rs`). Two passes:
//! pulldown-cmark events become a small block tree (`blocks.rs`), then the tree is read
//! as a deck (`builder.rs`); `error.rs` holds the faults and their wording. Both the source's flat shape
//! (side headers and points as siblings) and a nested shape (points under their header)
//! are accepted:
//!
//! ```markdown
//! ## 🔰 Phase 1 – Basics
//!
//! Image 🖼️ vs Container 📦
//! - Image:
//! - Immutable blueprint (read-only).
//! - Container:
//!   - Running instance of an image.
//!
//!   > **Correction:** the accurate statement, asked instead. [Source](https://docs.docker.com/…)
//!
//! Sources: [Dockerfile reference](https://docs.docker.com/reference/dockerfile/)
//!
//! > **Update:** a note shown beside the comparison. [Source](https://docs.docker.com/…)
//! ```
//!
//! Links are sources: allowed in a `Sources:` line, an update note and a correction (the
//! links of a note or correction are listed under it), nowhere else, and only `https`.

mod blocks;
mod builder;
mod drill;
mod error;
#[cfg(test)]
mod tests;

use std::collections::HashMap;

use crate::deck::{slug, Deck};
use crate::syntax::{Fault, Reading};
use builder::DeckBuilder;

pub use error::{ContentError, ErrorKind};

/// The largest deck file read, in bytes.
pub const MAX_BYTES: usize = 1_000_000;
/// The longest line, in characters.
pub const MAX_LINE_CHARS: usize = 5_000;
/// The most comparisons in one deck.
pub const MAX_COMPARISONS: usize = 1_000;
/// The deepest nesting of lists and quotes (a deck needs 3).
pub const MAX_DEPTH: usize = 8;
/// The most faults listed; the rest are counted.
pub const MAX_FAULTS: usize = 50;

/// Parses one deck file. `file` names the file in errors and gives the deck its id.
pub fn parse_deck(file: &str, source: &str) -> Result<Deck, Vec<ContentError>> {
    parse_with_lines(file, source).map(|(deck, _)| deck)
}

/// Reads a deck file's bytes as the deck reader does in the browser: the deck, or its
/// faults by line (without the file's name, which is the user's).
pub fn reading(file: &str, bytes: &[u8]) -> Reading {
    read_deck(file, bytes).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| Fault {
                line: e.line,
                message: e.kind.to_string(),
            })
            .collect()
    })
}

/// Reads a deck file as its bytes: whatever they are, a deck or the faults that stop it
/// (a file too large, binary or not UTF-8 is refused before it is parsed). A byte-order
/// mark is skipped.
pub fn read_deck(file: &str, bytes: &[u8]) -> Result<Deck, Vec<ContentError>> {
    deck_text(file, bytes).and_then(|text| parse_deck(file, text))
}

/// The text of a deck file's bytes, or the one fault that stops it from being read.
pub fn deck_text<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, Vec<ContentError>> {
    let fault = |line: u32, kind| {
        vec![ContentError {
            file: file.to_string(),
            line,
            kind,
        }]
    };
    let line_at =
        |offset: usize| bytes[..offset].iter().filter(|&&b| b == b'\n').count() as u32 + 1;
    if bytes.len() > MAX_BYTES {
        return Err(fault(1, ErrorKind::TooLarge { bytes: bytes.len() }));
    }
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        return Err(fault(line_at(at), ErrorKind::Binary));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| fault(line_at(e.valid_up_to()), ErrorKind::NotUtf8))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(fault(1, ErrorKind::Empty));
    }
    Ok(text)
}

/// Parses several deck files (`(file, source)`) as one library: each as [`parse_deck`],
/// and no comparison id may be used by two decks.
pub fn parse_library(files: &[(&str, &str)]) -> Result<Vec<Deck>, Vec<ContentError>> {
    let mut decks = Vec::new();
    let mut errors = Vec::new();
    let mut seen: HashMap<String, (String, u32)> = HashMap::new();
    for (file, source) in files {
        match parse_with_lines(file, source) {
            Ok((deck, lines)) => {
                for c in deck.comparisons() {
                    let line = lines.get(&c.id).copied().unwrap_or(1);
                    if let Some((other_file, other_line)) = seen.get(&c.id) {
                        errors.push(ContentError {
                            file: file.to_string(),
                            line,
                            kind: ErrorKind::DuplicateDeckId {
                                id: c.id.clone(),
                                other_file: other_file.clone(),
                                other_line: *other_line,
                            },
                        });
                    } else {
                        seen.insert(c.id.clone(), (file.to_string(), line));
                    }
                }
                decks.push(deck);
            }
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(decks)
    } else {
        Err(errors)
    }
}

/// [`parse_deck`], with the line of each comparison's title by id.
fn parse_with_lines(
    file: &str,
    source: &str,
) -> Result<(Deck, HashMap<String, u32>), Vec<ContentError>> {
    // Lines end at `\n`, `\r\n` or a lone `\r` (as Markdown has it); faults count `\n`s.
    let normalized;
    let source = if source.contains('\r') {
        normalized = source.replace("\r\n", "\n").replace('\r', "\n");
        normalized.as_str()
    } else {
        source
    };
    if let Some((i, chars)) = source
        .lines()
        .map(|l| l.chars().count())
        .enumerate()
        .find(|&(_, n)| n > MAX_LINE_CHARS)
    {
        return Err(vec![ContentError {
            file: file.to_string(),
            line: i as u32 + 1,
            kind: ErrorKind::LineTooLong { chars },
        }]);
    }
    let (blocks, mut errors) = blocks::blocks(file, source);
    if errors.iter().any(|e| e.kind == ErrorKind::TooDeep) {
        return Err(errors);
    }
    let mut built = DeckBuilder::build(file, blocks);
    errors.append(&mut built.errors);
    let at_end = source.lines().count().max(1) as u32;
    if built.title.is_none() {
        errors.push(ContentError {
            file: file.to_string(),
            line: 1,
            kind: ErrorKind::NoTitle,
        });
    }
    if built.phases.is_empty() && errors.is_empty() {
        errors.push(ContentError {
            file: file.to_string(),
            line: at_end,
            kind: ErrorKind::NoPhases,
        });
    }
    let count: usize = built.phases.iter().map(|p| p.comparisons.len()).sum();
    if count > MAX_COMPARISONS {
        errors.push(ContentError {
            file: file.to_string(),
            line: at_end,
            kind: ErrorKind::TooManyComparisons { count },
        });
    }
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        if errors.len() > MAX_FAULTS {
            let count = errors.len() - MAX_FAULTS;
            errors.truncate(MAX_FAULTS);
            errors.push(ContentError {
                file: file.to_string(),
                line: errors[MAX_FAULTS - 1].line,
                kind: ErrorKind::MoreFaults { count },
            });
        }
        return Err(errors);
    }
    let (emoji, title) = built.title.unwrap_or_default();
    let deck = Deck {
        id: deck_id(file),
        title,
        emoji,
        phases: built.phases,
    };
    Ok((deck, built.ids))
}

/// A deck's id: its file name without directory and `.md` (`content/docker.md` -> `docker`).
pub fn deck_id(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    slug(stem)
}
