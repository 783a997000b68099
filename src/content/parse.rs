//! Markdown -> [`Deck`], with errors that name file, line and fault.
//!
//! Runs at build time (`build.rs` includes this file), in native tests and in the parse
//! benchmark; the wasm never contains it. Two passes: pulldown-cmark events become a small
//! block tree ([`Block`]), then the tree is read as a deck. Both the source's flat shape
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

use std::collections::HashMap;
use std::fmt;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::domain::deck::{
    comparison_id, is_https_url, Comparison, Deck, Group, Note, Phase, Point, Rich, Side, Source,
    Span,
};

pub use super::syntax::{
    split_emoji_prefix, split_emoji_suffix, split_title, Fault, Reading, BOTH_MARKER, CORRECTION,
    SOURCES,
};

/// A fault in a content file, located by 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: u32,
    pub kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    NoTitle,
    NoPhases,
    BadPhaseHeading {
        text: String,
    },
    DuplicatePhase {
        number: u32,
        first_line: u32,
    },
    PhaseWithoutComparison {
        phase: String,
    },
    ComparisonOutsidePhase {
        title: String,
    },
    NotATitle {
        text: String,
    },
    EmptyName {
        title: String,
    },
    OneSide {
        title: String,
        sides: usize,
    },
    EmptySide {
        side: String,
    },
    EmptyPoint,
    PointOutsideSide {
        point: String,
    },
    ListOutsideComparison,
    NoteOutsideComparison,
    DuplicateId {
        id: String,
        first_line: u32,
    },
    MarkerOutsideSide {
        group: String,
    },
    Unsupported {
        what: String,
    },
    BadLink {
        url: String,
    },
    LinkNotAllowed,
    SourcesWithoutLink,
    SourcesWithText {
        text: String,
    },
    SourcesOutsideComparison,
    CorrectionOutsidePoint,
    NotACorrection,
    EmptyCorrection,
    DuplicateDeckId {
        id: String,
        other_file: String,
        other_line: u32,
    },
    Empty,
    TooLarge {
        bytes: usize,
    },
    Binary,
    NotUtf8,
    LineTooLong {
        chars: usize,
    },
    TooDeep,
    TooManyComparisons {
        count: usize,
    },
    MoreFaults {
        count: usize,
    },
}

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

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.kind)
    }
}

/// What is wrong, without where (the app lists it under its line number).
impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::NoTitle => write!(f, "the deck has no `# title` heading"),
            ErrorKind::NoPhases => write!(f, "the deck has no `## Phase N – title` section"),
            ErrorKind::BadPhaseHeading { text } => write!(
                f,
                "`## {text}` is not a phase heading; expected `## <emoji> Phase <N> – <title>`"
            ),
            ErrorKind::DuplicatePhase { number, first_line } => {
                write!(f, "phase {number} appears twice (first at line {first_line})")
            }
            ErrorKind::PhaseWithoutComparison { phase } => {
                write!(f, "phase `{phase}` has no comparison")
            }
            ErrorKind::ComparisonOutsidePhase { title } => write!(
                f,
                "comparison `{title}` comes before any `## Phase N – title` heading"
            ),
            ErrorKind::NotATitle { text } => write!(
                f,
                "`{text}` is not a comparison title; a title reads `<Left> vs <Right>` (or uses 🆚)"
            ),
            ErrorKind::EmptyName { title } => {
                write!(f, "comparison title `{title}` has an empty side name")
            }
            ErrorKind::OneSide { title, sides } => write!(
                f,
                "comparison `{title}` has {sides} side(s); it needs two side headers such as `- Left:` and `- Right:`"
            ),
            ErrorKind::EmptySide { side } => write!(f, "side `{side}` has no points"),
            ErrorKind::EmptyPoint => write!(f, "a point says nothing; remove the empty `-`"),
            ErrorKind::PointOutsideSide { point } => write!(
                f,
                "point `{point}` comes before any side header (a bullet ending in `:`)"
            ),
            ErrorKind::ListOutsideComparison => {
                write!(f, "a list comes before any comparison title")
            }
            ErrorKind::NoteOutsideComparison => {
                write!(f, "an update note (`> ...`) comes before any comparison")
            }
            ErrorKind::DuplicateId { id, first_line } => write!(
                f,
                "comparison id `{id}` is used twice (first at line {first_line}); rename one side"
            ),
            ErrorKind::MarkerOutsideSide { group } => write!(
                f,
                "`{BOTH_MARKER}` marks a side's point as true of both sides; `{group}` is not a side"
            ),
            ErrorKind::Unsupported { what } => write!(f, "{what} is not supported in a deck"),
            ErrorKind::BadLink { url } => write!(
                f,
                "`{url}` is not a valid source link; a source is an `https://host/…` URL"
            ),
            ErrorKind::LinkNotAllowed => write!(
                f,
                "a link is allowed only in a `{SOURCES}` line, an update note or a correction"
            ),
            ErrorKind::SourcesWithoutLink => {
                write!(f, "`{SOURCES}` lists no link; write `{SOURCES} [title](https://…)`")
            }
            ErrorKind::SourcesWithText { text } => write!(
                f,
                "`{SOURCES}` lists links only, separated by commas; found `{text}`"
            ),
            ErrorKind::SourcesOutsideComparison => {
                write!(f, "a `{SOURCES}` line comes before any comparison")
            }
            ErrorKind::CorrectionOutsidePoint => write!(
                f,
                "a correction goes under the point it corrects: indent it as `  > **{CORRECTION}** …` right below the point"
            ),
            ErrorKind::NotACorrection => write!(
                f,
                "a quote under a point must start with `**{CORRECTION}**`"
            ),
            ErrorKind::EmptyCorrection => write!(f, "the correction says nothing"),
            ErrorKind::DuplicateDeckId {
                id,
                other_file,
                other_line,
            } => write!(
                f,
                "comparison id `{id}` is also used by {other_file}:{other_line}; ids must be unique across decks"
            ),
            ErrorKind::Empty => write!(f, "the file is empty"),
            ErrorKind::TooLarge { bytes } => write!(
                f,
                "the file has {} bytes; a deck may have at most 1 MB ({} bytes)",
                grouped(*bytes),
                grouped(MAX_BYTES)
            ),
            ErrorKind::Binary => write!(
                f,
                "this is not a text file (it contains a NUL byte); a deck is Markdown text"
            ),
            ErrorKind::NotUtf8 => write!(
                f,
                "the text is not valid UTF-8 here; save the file as UTF-8"
            ),
            ErrorKind::LineTooLong { chars } => write!(
                f,
                "the line has {} characters; a line may have at most {}",
                grouped(*chars),
                grouped(MAX_LINE_CHARS)
            ),
            ErrorKind::TooDeep => write!(
                f,
                "lists and quotes are nested more than {MAX_DEPTH} deep; a deck needs 3 at most"
            ),
            ErrorKind::TooManyComparisons { count } => write!(
                f,
                "the deck has {} comparisons; a deck may have at most {}",
                grouped(*count),
                grouped(MAX_COMPARISONS)
            ),
            ErrorKind::MoreFaults { count } => write!(f, "and {count} more faults"),
        }
    }
}

impl std::error::Error for ContentError {}

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
    let (blocks, mut errors) = blocks(file, source);
    if errors.iter().any(|e| e.kind == ErrorKind::TooDeep) {
        return Err(errors);
    }
    let mut reader = Reader {
        file,
        errors: Vec::new(),
        title: None,
        phases: Vec::new(),
        phase: None,
        comparison: None,
        ids: HashMap::new(),
        phase_lines: HashMap::new(),
    };
    for block in blocks {
        reader.block(block);
    }
    reader.finish_phase();
    errors.append(&mut reader.errors);
    let at_end = source.lines().count().max(1) as u32;
    if reader.title.is_none() {
        errors.push(ContentError {
            file: file.to_string(),
            line: 1,
            kind: ErrorKind::NoTitle,
        });
    }
    if reader.phases.is_empty() && errors.is_empty() {
        errors.push(ContentError {
            file: file.to_string(),
            line: at_end,
            kind: ErrorKind::NoPhases,
        });
    }
    let count: usize = reader.phases.iter().map(|p| p.comparisons.len()).sum();
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
    let (emoji, title) = reader.title.unwrap_or_default();
    let deck = Deck {
        id: deck_id(file),
        title,
        emoji,
        phases: reader.phases,
    };
    Ok((deck, reader.ids))
}

/// `1234567` as `1,234,567`, for messages.
fn grouped(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, d) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(d);
    }
    out
}

/// A deck's id: its file name without directory and `.md` (`content/docker.md` -> `docker`).
pub fn deck_id(file: &str) -> String {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = name.strip_suffix(".md").unwrap_or(name);
    crate::domain::deck::slug(stem)
}

// ---------------------------------------------------------------------------------------
// Pass 1: events -> blocks

/// A link as written: its text, target and line.
#[derive(Debug, Clone)]
struct Cite {
    source: Source,
    line: u32,
}

#[derive(Debug)]
enum Block {
    Heading {
        level: u8,
        text: Rich,
        line: u32,
    },
    Paragraph {
        text: Rich,
        line: u32,
        links: Vec<Cite>,
    },
    List {
        items: Vec<Item>,
    },
    Quote {
        blocks: Vec<Block>,
        line: u32,
    },
    Rule,
}

#[derive(Debug, Default)]
struct Item {
    text: Rich,
    line: u32,
    links: Vec<Cite>,
    children: Vec<Block>,
}

enum Frame {
    Quote { blocks: Vec<Block>, line: u32 },
    List { items: Vec<Item> },
    Item(Item),
}

struct Inline {
    rich: Rich,
    strong: u32,
    emphasis: u32,
    /// The link being read: its text goes to the link, not to the rich text.
    link: Option<Cite>,
    links: Vec<Cite>,
}

impl Inline {
    fn new() -> Self {
        Inline {
            rich: Rich::default(),
            strong: 0,
            emphasis: 0,
            link: None,
            links: Vec::new(),
        }
    }

    fn start_link(&mut self, url: &str, line: u32) {
        self.link = Some(Cite {
            source: Source {
                title: String::new(),
                url: url.to_string(),
            },
            line,
        });
    }

    fn end_link(&mut self) {
        if let Some(mut cite) = self.link.take() {
            let title = cite.source.title.trim().to_string();
            cite.source.title = if title.is_empty() {
                cite.source.url.clone()
            } else {
                title
            };
            self.links.push(cite);
        }
    }

    fn take_links(&mut self) -> Vec<Cite> {
        std::mem::take(&mut self.links)
    }

    fn push(&mut self, span: Span) {
        let merged = match (self.rich.0.last_mut(), &span) {
            (Some(Span::Text(a)), Span::Text(b))
            | (Some(Span::Strong(a)), Span::Strong(b))
            | (Some(Span::Emphasis(a)), Span::Emphasis(b)) => {
                a.push_str(b);
                true
            }
            _ => false,
        };
        if !merged {
            self.rich.0.push(span);
        }
    }

    fn text(&mut self, s: &str) {
        if let Some(cite) = self.link.as_mut() {
            cite.source.title.push_str(s);
            return;
        }
        let span = if self.strong > 0 {
            Span::Strong(s.to_string())
        } else if self.emphasis > 0 {
            Span::Emphasis(s.to_string())
        } else {
            Span::Text(s.to_string())
        };
        self.push(span);
    }

    fn take(&mut self) -> Rich {
        let rich = std::mem::take(&mut self.rich);
        let mut rich = settle_edges(rich);
        trim_rich(&mut rich);
        rich
    }
}

/// Moves the spaces at the edges of bold and italic runs out into plain text, so that
/// every run reads as itself when written back (`*a*`, never `* a*`), and joins what
/// then touches.
fn settle_edges(rich: Rich) -> Rich {
    let mut out: Vec<Span> = Vec::with_capacity(rich.0.len());
    let mut push = |span: Span| {
        if span.text().is_empty() {
            return;
        }
        match (out.last_mut(), &span) {
            (Some(Span::Text(a)), Span::Text(b))
            | (Some(Span::Strong(a)), Span::Strong(b))
            | (Some(Span::Emphasis(a)), Span::Emphasis(b)) => a.push_str(b),
            _ => out.push(span),
        }
    };
    for span in rich.0 {
        let (s, styled): (String, fn(String) -> Span) = match span {
            Span::Strong(s) => (s, Span::Strong),
            Span::Emphasis(s) => (s, Span::Emphasis),
            other => {
                push(other);
                continue;
            }
        };
        let inner = s.trim();
        if inner.is_empty() {
            push(Span::Text(s));
            continue;
        }
        let lead = &s[..s.len() - s.trim_start().len()];
        let trail = &s[s.trim_end().len()..];
        push(Span::Text(lead.to_string()));
        push(styled(inner.to_string()));
        push(Span::Text(trail.to_string()));
    }
    Rich(out)
}

fn trim_rich(rich: &mut Rich) {
    if let Some(Span::Text(s)) = rich.0.first_mut() {
        *s = s.trim_start().to_string();
    }
    if let Some(Span::Text(s)) = rich.0.last_mut() {
        *s = s.trim_end().to_string();
    }
    rich.0.retain(|s| !s.text().is_empty());
}

fn blocks(file: &str, source: &str) -> (Vec<Block>, Vec<ContentError>) {
    // Line starts, so each offset maps to a line in O(log n).
    let starts: Vec<usize> = std::iter::once(0)
        .chain(source.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let line = |offset: usize| -> u32 {
        match starts.binary_search(&offset) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    };
    let mut errors = Vec::new();
    let mut unsupported = |what: &str, offset: usize| {
        errors.push(ContentError {
            file: file.to_string(),
            line: line(offset),
            kind: ErrorKind::Unsupported {
                what: what.to_string(),
            },
        })
    };

    // Lines of links in headings (reported with the other faults at the end).
    let mut misplaced_links: Vec<u32> = Vec::new();
    let mut root: Vec<Block> = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut inline = Inline::new();
    // Where the current heading or paragraph started, and the heading level.
    let mut leaf: Option<(u32, Option<u8>)> = None;
    // An HTML block being read, and where it started: only comments are allowed.
    let mut html_block: Option<(String, usize)> = None;

    fn push_block(root: &mut Vec<Block>, stack: &mut [Frame], block: Block) {
        match stack.last_mut() {
            None => root.push(block),
            Some(Frame::Quote { blocks, .. }) => blocks.push(block),
            Some(Frame::Item(item)) => {
                // A loose item's first paragraph is its text.
                match block {
                    Block::Paragraph { text, links, .. }
                        if item.text.0.is_empty() && item.children.is_empty() =>
                    {
                        item.text = text;
                        item.links = links;
                    }
                    other => item.children.push(other),
                }
            }
            Some(Frame::List { .. }) => unreachable!("pulldown-cmark puts blocks in items"),
        }
    }

    // Lists and quotes open: nested deeper than MAX_DEPTH, the file is refused (no tree
    // this reads is deep, and nothing recurses far).
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        match &event {
            Event::Start(Tag::BlockQuote(_) | Tag::List(_)) => depth += 1,
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > MAX_DEPTH {
            let fault = ContentError {
                file: file.to_string(),
                line: line(range.start),
                kind: ErrorKind::TooDeep,
            };
            return (Vec::new(), vec![fault]);
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                leaf = Some((line(range.start), Some(heading_level(level))));
            }
            Event::Start(Tag::Paragraph) => leaf = Some((line(range.start), None)),
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) => {
                let (at, level) = leaf.take().unwrap_or((line(range.start), None));
                let text = inline.take();
                let links = inline.take_links();
                let block = match level {
                    Some(level) => {
                        if let Some(cite) = links.first() {
                            misplaced_links.push(cite.line);
                        }
                        Block::Heading {
                            level,
                            text,
                            line: at,
                        }
                    }
                    None => Block::Paragraph {
                        text,
                        line: at,
                        links,
                    },
                };
                push_block(&mut root, &mut stack, block);
            }
            Event::Start(Tag::BlockQuote(_)) => {
                flush_item_text(&mut stack, &mut inline);
                stack.push(Frame::Quote {
                    blocks: Vec::new(),
                    line: line(range.start),
                })
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                if let Some(Frame::Quote { blocks, line }) = stack.pop() {
                    push_block(&mut root, &mut stack, Block::Quote { blocks, line });
                }
            }
            Event::Start(Tag::List(_)) => {
                flush_item_text(&mut stack, &mut inline);
                stack.push(Frame::List { items: Vec::new() });
            }
            Event::End(TagEnd::List(_)) => {
                if let Some(Frame::List { items }) = stack.pop() {
                    push_block(&mut root, &mut stack, Block::List { items });
                }
            }
            Event::Start(Tag::Item) => stack.push(Frame::Item(Item {
                line: line(range.start),
                ..Item::default()
            })),
            Event::End(TagEnd::Item) => {
                flush_item_text(&mut stack, &mut inline);
                if let Some(Frame::Item(item)) = stack.pop() {
                    if let Some(Frame::List { items }) = stack.last_mut() {
                        items.push(item);
                    }
                }
            }
            Event::Start(Tag::Strong) => inline.strong += 1,
            Event::End(TagEnd::Strong) => inline.strong = inline.strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => inline.emphasis += 1,
            Event::End(TagEnd::Emphasis) => inline.emphasis = inline.emphasis.saturating_sub(1),
            Event::Text(text) => inline.text(&text),
            Event::Code(code) if inline.link.is_some() => inline.text(&code),
            Event::Code(code) => inline.push(Span::Code(code.to_string())),
            Event::SoftBreak | Event::HardBreak => inline.text(" "),
            Event::Rule => push_block(&mut root, &mut stack, Block::Rule),
            // A link is a source; where one is allowed is decided in pass 2.
            Event::Start(Tag::Link { dest_url, .. }) => {
                inline.start_link(&dest_url, line(range.start))
            }
            Event::End(TagEnd::Link) => inline.end_link(),
            // Comments are for the deck's authors; any other HTML is refused.
            Event::Start(Tag::HtmlBlock) => html_block = Some((String::new(), range.start)),
            Event::Html(html) if html_block.is_some() => {
                if let Some((text, _)) = html_block.as_mut() {
                    text.push_str(&html);
                }
            }
            Event::End(TagEnd::HtmlBlock) => {
                if let Some((text, start)) = html_block.take() {
                    if !is_comment(&text) {
                        unsupported("raw HTML", start);
                    }
                }
            }
            Event::InlineHtml(html) if is_comment(&html) => {}
            Event::Html(_) | Event::InlineHtml(_) => unsupported("raw HTML", range.start),
            Event::Start(Tag::CodeBlock(_)) => unsupported("a code block", range.start),
            Event::Start(Tag::Image { .. }) => unsupported("an image", range.start),
            Event::Start(Tag::Table(_)) => unsupported("a table", range.start),
            _ => {}
        }
    }
    errors.extend(misplaced_links.into_iter().map(|line| ContentError {
        file: file.to_string(),
        line,
        kind: ErrorKind::LinkNotAllowed,
    }));
    (root, errors)
}

fn is_comment(html: &str) -> bool {
    let html = html.trim();
    html.starts_with("<!--") && html.ends_with("-->")
}

/// Text that a tight list item carries before its nested list.
fn flush_item_text(stack: &mut [Frame], inline: &mut Inline) {
    if let Some(Frame::Item(item)) = stack.last_mut() {
        let text = inline.take();
        let links = inline.take_links();
        if !text.0.is_empty() && item.text.0.is_empty() {
            item.text = text;
            item.links = links;
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

// ---------------------------------------------------------------------------------------
// Pass 2: blocks -> deck

struct Reader<'a> {
    file: &'a str,
    errors: Vec<ContentError>,
    title: Option<(String, String)>,
    phases: Vec<Phase>,
    /// The phase being read, its heading line, and how many comparison titles it has had
    /// (a comparison rejected for its own fault must not also make its phase "empty").
    phase: Option<(Phase, u32, usize)>,
    comparison: Option<Draft>,
    ids: HashMap<String, u32>,
    phase_lines: HashMap<u32, u32>,
}

/// A comparison being read: its title line, its groups in order, its notes and sources.
struct Draft {
    line: u32,
    left: (String, String),
    right: (String, String),
    groups: Vec<DraftGroup>,
    notes: Vec<Note>,
    sources: Vec<Source>,
}

struct DraftGroup {
    label: String,
    line: u32,
    points: Vec<DraftPoint>,
}

struct DraftPoint {
    text: Rich,
    line: u32,
    correction: Option<Note>,
}

impl Reader<'_> {
    fn error(&mut self, line: u32, kind: ErrorKind) {
        self.errors.push(ContentError {
            file: self.file.to_string(),
            line,
            kind,
        });
    }

    fn block(&mut self, block: Block) {
        match block {
            Block::Rule => {}
            Block::Heading { level: 1, text, .. } => {
                self.title = Some(split_emoji_prefix(&text.plain()));
            }
            Block::Heading {
                level: 2,
                text,
                line,
            } => {
                self.finish_phase();
                self.start_phase(&text.plain(), line);
            }
            Block::Heading { level, line, .. } => self.error(
                line,
                ErrorKind::Unsupported {
                    what: format!("a level-{level} heading"),
                },
            ),
            Block::Paragraph { text, line, links } => {
                if text.plain().starts_with(SOURCES) {
                    self.sources(&text, links, line);
                } else {
                    self.no_links(&links);
                    self.start_comparison(&text.plain(), line);
                }
            }
            Block::List { items } => self.list(items),
            Block::Quote { blocks, line } => self.note(blocks, line),
        }
    }

    /// Reports the first of `links` where links are not allowed.
    fn no_links(&mut self, links: &[Cite]) {
        if let Some(cite) = links.first() {
            self.error(cite.line, ErrorKind::LinkNotAllowed);
        }
    }

    /// The sources of `links`, each checked; a bad one is reported and left out.
    fn checked(&mut self, links: Vec<Cite>) -> Vec<Source> {
        let mut out = Vec::new();
        for cite in links {
            if is_https_url(&cite.source.url) {
                out.push(cite.source);
            } else {
                self.error(
                    cite.line,
                    ErrorKind::BadLink {
                        url: cite.source.url,
                    },
                );
            }
        }
        out
    }

    /// `Sources: [a](https://…), [b](https://…)` after a comparison.
    fn sources(&mut self, text: &Rich, links: Vec<Cite>, line: u32) {
        if self.comparison.is_none() {
            self.error(line, ErrorKind::SourcesOutsideComparison);
            return;
        }
        let plain = text.plain();
        let rest = plain[SOURCES.len()..].trim();
        let stray: String = rest
            .split([',', ';'])
            .map(str::trim)
            .filter(|w| !w.is_empty() && *w != "and")
            .collect::<Vec<_>>()
            .join(", ");
        if !stray.is_empty() {
            self.error(line, ErrorKind::SourcesWithText { text: stray });
        }
        if links.is_empty() {
            self.error(line, ErrorKind::SourcesWithoutLink);
        }
        let sources = self.checked(links);
        if let Some(draft) = self.comparison.as_mut() {
            draft.sources.extend(sources);
        }
    }

    /// A point's item: its text, and the correction quoted under it.
    fn point(&mut self, item: Item) -> DraftPoint {
        self.no_links(&item.links);
        let plain = item.text.plain();
        if plain.trim().is_empty() || plain.trim() == BOTH_MARKER {
            self.error(item.line, ErrorKind::EmptyPoint);
        }
        let mut correction = None;
        for child in item.children {
            match child {
                Block::Quote { blocks, line } => match self.note_of(blocks, line) {
                    Some((note, true)) if note.text.is_empty() => {
                        self.error(line, ErrorKind::EmptyCorrection)
                    }
                    Some((note, true)) if correction.is_none() => correction = Some(note),
                    Some((_, true)) => self.error(
                        line,
                        ErrorKind::Unsupported {
                            what: "a second correction of one point".into(),
                        },
                    ),
                    Some((_, false)) => self.error(line, ErrorKind::NotACorrection),
                    None => {}
                },
                Block::List { items } => self.error(
                    items.first().map_or(item.line, |i| i.line),
                    ErrorKind::Unsupported {
                        what: "a nested list under a point".into(),
                    },
                ),
                _ => self.error(
                    item.line,
                    ErrorKind::Unsupported {
                        what: "a block under a point other than a correction".into(),
                    },
                ),
            }
        }
        DraftPoint {
            text: item.text,
            line: item.line,
            correction,
        }
    }

    /// A quote's paragraphs as one note; true if it is a correction (its marker removed).
    fn note_of(&mut self, blocks: Vec<Block>, line: u32) -> Option<(Note, bool)> {
        let mut text = Rich::default();
        let mut links = Vec::new();
        for block in blocks {
            match block {
                Block::Paragraph {
                    text: t, links: l, ..
                } => {
                    if !text.0.is_empty() {
                        text.0.push(Span::Text(" ".into()));
                    }
                    text.0.extend(t.0);
                    links.extend(l);
                }
                _ => {
                    self.error(
                        line,
                        ErrorKind::Unsupported {
                            what: "anything but paragraphs in a note or correction".into(),
                        },
                    );
                    return None;
                }
            }
        }
        let is_correction = take_correction_marker(&mut text);
        let sources = self.checked(links);
        Some((Note { text, sources }, is_correction))
    }

    fn start_phase(&mut self, heading: &str, line: u32) {
        match parse_phase_heading(heading) {
            Some((emoji, number, title)) => {
                if let Some(&first_line) = self.phase_lines.get(&number) {
                    self.error(line, ErrorKind::DuplicatePhase { number, first_line });
                }
                self.phase_lines.entry(number).or_insert(line);
                self.phase = Some((
                    Phase {
                        number,
                        title,
                        emoji,
                        comparisons: Vec::new(),
                    },
                    line,
                    0,
                ));
            }
            None => self.error(
                line,
                ErrorKind::BadPhaseHeading {
                    text: heading.to_string(),
                },
            ),
        }
    }

    fn finish_phase(&mut self) {
        self.finish_comparison();
        if let Some((phase, line, titles)) = self.phase.take() {
            if titles == 0 {
                let name = format!("Phase {} – {}", phase.number, phase.title);
                self.error(line, ErrorKind::PhaseWithoutComparison { phase: name });
            } else if !phase.comparisons.is_empty() {
                self.phases.push(phase);
            }
        }
    }

    fn start_comparison(&mut self, text: &str, line: u32) {
        self.finish_comparison();
        if let Some((_, _, titles)) = self.phase.as_mut() {
            *titles += 1;
        }
        let Some((left, right)) = split_title(text) else {
            self.error(
                line,
                ErrorKind::NotATitle {
                    text: text.to_string(),
                },
            );
            return;
        };
        let left = split_emoji_suffix(left);
        let right = split_emoji_suffix(right);
        if left.0.is_empty() || right.0.is_empty() {
            self.error(
                line,
                ErrorKind::EmptyName {
                    title: text.to_string(),
                },
            );
            return;
        }
        if self.phase.is_none() {
            self.error(
                line,
                ErrorKind::ComparisonOutsidePhase {
                    title: text.to_string(),
                },
            );
        }
        self.comparison = Some(Draft {
            line,
            left,
            right,
            groups: Vec::new(),
            notes: Vec::new(),
            sources: Vec::new(),
        });
    }

    fn list(&mut self, items: Vec<Item>) {
        if self.comparison.is_none() {
            let line = items.first().map_or(1, |i| i.line);
            self.error(line, ErrorKind::ListOutsideComparison);
            return;
        }
        for mut item in items {
            let text = item.text.plain();
            if let Some(label) = header_label(&text) {
                self.no_links(&item.links);
                let mut group = DraftGroup {
                    label,
                    line: item.line,
                    points: Vec::new(),
                };
                // The nested shape: points under their header.
                for child in std::mem::take(&mut item.children) {
                    match child {
                        Block::List { items } => {
                            for i in items {
                                let point = self.point(i);
                                group.points.push(point);
                            }
                        }
                        _ => self.error(
                            item.line,
                            ErrorKind::Unsupported {
                                what: "a block under a side header other than a list".into(),
                            },
                        ),
                    }
                }
                self.draft_groups().push(group);
            } else if self.draft_groups().is_empty() {
                self.error(item.line, ErrorKind::PointOutsideSide { point: text });
            } else {
                let point = self.point(item);
                if let Some(group) = self.draft_groups().last_mut() {
                    group.points.push(point);
                }
            }
        }
    }

    /// The groups of the comparison being read (there is one whenever a list is read).
    fn draft_groups(&mut self) -> &mut Vec<DraftGroup> {
        &mut self
            .comparison
            .as_mut()
            .expect("lists are read only inside a comparison")
            .groups
    }

    fn note(&mut self, blocks: Vec<Block>, line: u32) {
        if self.comparison.is_none() {
            self.error(line, ErrorKind::NoteOutsideComparison);
            return;
        }
        match self.note_of(blocks, line) {
            Some((_, true)) => self.error(line, ErrorKind::CorrectionOutsidePoint),
            Some((note, false)) => {
                if let Some(draft) = self.comparison.as_mut() {
                    draft.notes.push(note);
                }
            }
            None => {}
        }
    }

    fn finish_comparison(&mut self) {
        let Some(draft) = self.comparison.take() else {
            return;
        };
        let title = format!("{} vs {}", draft.left.0, draft.right.0);
        let mut ok = true;
        if draft.groups.len() < 2 {
            self.error(
                draft.line,
                ErrorKind::OneSide {
                    title: title.clone(),
                    sides: draft.groups.len(),
                },
            );
            ok = false;
        }
        for group in &draft.groups {
            if group.points.iter().all(|p| p.text.is_empty()) {
                let side = group.label.clone();
                self.error(group.line, ErrorKind::EmptySide { side });
                ok = false;
            }
        }
        let id = comparison_id(&draft.left.0, &draft.right.0);
        if let Some(&first_line) = self.ids.get(&id) {
            self.error(draft.line, ErrorKind::DuplicateId { id, first_line });
            return;
        }
        self.ids.insert(id.clone(), draft.line);
        if !ok {
            return;
        }
        let mut groups = draft.groups.into_iter();
        let mut side = |(name, emoji): (String, String)| {
            let group = groups.next().expect("two groups checked above");
            Side {
                name,
                emoji,
                label: group.label,
                points: group
                    .points
                    .into_iter()
                    .map(|p| {
                        let mut said = p.text;
                        let both = take_marker(&mut said);
                        Point {
                            said,
                            correction: p.correction,
                            both,
                        }
                    })
                    .collect(),
            }
        };
        let left = side(draft.left);
        let right = side(draft.right);
        let mut extras = Vec::new();
        for g in groups {
            let mut points: Vec<Rich> = Vec::new();
            for p in g.points {
                if p.correction.is_some() {
                    let what = format!("a correction in `{}`, which is not a side", g.label);
                    self.errors.push(ContentError {
                        file: self.file.to_string(),
                        line: p.line,
                        kind: ErrorKind::Unsupported { what },
                    });
                }
                points.push(p.text);
            }
            if points.iter_mut().any(take_marker) {
                let group = g.label.clone();
                self.error(g.line, ErrorKind::MarkerOutsideSide { group });
            }
            extras.push(Group {
                title: g.label,
                points,
            });
        }
        if let Some((phase, _, _)) = self.phase.as_mut() {
            phase.comparisons.push(Comparison {
                id,
                left,
                right,
                extras,
                notes: draft.notes,
                sources: draft.sources,
            });
        }
    }
}

/// Removes a leading `**Correction:**`; true if there was one.
fn take_correction_marker(text: &mut Rich) -> bool {
    let Some(first) = text.0.first_mut() else {
        return false;
    };
    let (Span::Strong(s) | Span::Text(s)) = first else {
        return false;
    };
    let Some(rest) = s.trim_start().strip_prefix(CORRECTION) else {
        return false;
    };
    let rest = rest.trim_start().to_string();
    if rest.is_empty() {
        text.0.remove(0);
    } else {
        *s = rest;
    }
    trim_rich(text);
    true
}

/// Removes a trailing `{both}` marker; true if there was one.
fn take_marker(text: &mut Rich) -> bool {
    let Some(Span::Text(last)) = text.0.last_mut() else {
        return false;
    };
    let Some(rest) = last.trim_end().strip_suffix(BOTH_MARKER) else {
        return false;
    };
    *last = rest.trim_end().to_string();
    trim_rich(text);
    true
}

/// `Image:` -> `Image`. A side or group header is a bullet whose text ends in a colon.
fn header_label(text: &str) -> Option<String> {
    let label = text.trim().strip_suffix(':')?.trim();
    (!label.is_empty()).then(|| label.to_string())
}

/// `🔰 Phase 1 – Basics` -> (`🔰`, 1, `Basics`).
fn parse_phase_heading(text: &str) -> Option<(String, u32, String)> {
    let (emoji, rest) = split_emoji_prefix(text);
    let rest = rest
        .strip_prefix("Phase ")
        .or_else(|| rest.strip_prefix("phase "))?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let number = rest[..digits].parse().ok()?;
    let title = rest[digits..]
        .trim_start()
        .strip_prefix(['–', '—', '-', ':'])?
        .trim();
    (!title.is_empty()).then(|| (emoji, number, title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(src: &str) -> Deck {
        parse_deck("t.md", src).unwrap_or_else(|e| panic!("{}", e[0]))
    }

    fn err(src: &str) -> Vec<String> {
        parse_deck("t.md", src)
            .expect_err("content should be rejected")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    /// `src` is rejected with a fault that starts with `expected` (among others).
    fn expect_fault(src: &str, expected: &str) {
        let e = err(src);
        assert!(
            e.iter().any(|e| e.starts_with(expected)),
            "for {src:?}\n got {e:?}\nwant {expected}"
        );
    }

    const FLAT: &str = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n- Image:\n- Read-only.\n- Container:\n- Runs `docker run x`.\n- Best practice:\n- Keep **small**.\n";

    #[test]
    fn reads_the_flat_shape() {
        let deck = ok(FLAT);
        assert_eq!(deck.title, "Deck");
        assert_eq!(deck.emoji, "🐳");
        let phase = &deck.phases[0];
        assert_eq!(
            (phase.number, phase.title.as_str(), phase.emoji.as_str()),
            (1, "Basics", "🔰")
        );
        let c = &phase.comparisons[0];
        assert_eq!(c.id, "image-vs-container");
        assert_eq!(
            (c.left.name.as_str(), c.left.emoji.as_str()),
            ("Image", "🖼️")
        );
        assert_eq!(
            (c.right.name.as_str(), c.right.emoji.as_str()),
            ("Container", "📦")
        );
        assert_eq!(
            c.left.points[0].said,
            Rich(vec![Span::Text("Read-only.".into())])
        );
        assert!(!c.left.points[0].both);
        assert_eq!(
            c.right.points[0].said.0,
            vec![
                Span::Text("Runs ".into()),
                Span::Code("docker run x".into()),
                Span::Text(".".into())
            ]
        );
        assert_eq!(c.extras[0].title, "Best practice");
        assert_eq!(
            c.extras[0].points[0].0,
            vec![
                Span::Text("Keep ".into()),
                Span::Strong("small".into()),
                Span::Text(".".into())
            ]
        );
    }

    #[test]
    fn the_nested_shape_reads_the_same_as_the_flat_one() {
        let nested = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n- Image:\n  - Read-only.\n- Container:\n  - Runs `docker run x`.\n- Best practice:\n  - Keep **small**.\n";
        assert_eq!(ok(nested), ok(FLAT));
    }

    #[test]
    fn a_loose_nested_list_reads_the_same_too() {
        let loose = "# 🐳 Deck\n\n## 🔰 Phase 1 – Basics\n\nImage 🖼️ vs Container 📦\n\n- Image:\n\n  - Read-only.\n\n- Container:\n\n  - Runs `docker run x`.\n\n- Best practice:\n\n  - Keep **small**.\n";
        assert_eq!(ok(loose), ok(FLAT));
    }

    #[test]
    fn vs_symbol_and_titles_starting_with_a_dash() {
        let deck = ok("# D\n\n## Phase 3 – Volumes\n\n-v 🆚 --mount\n- `-v`:\n- Short.\n- `--mount`:\n- Long.\n");
        let c = &deck.phases[0].comparisons[0];
        assert_eq!(c.id, "v-vs-mount");
        assert_eq!(c.left.name, "-v");
        assert_eq!(c.right.name, "--mount");
        assert_eq!(c.left.label, "-v");
    }

    #[test]
    fn side_labels_keep_their_wording_and_names_come_from_the_title() {
        let deck = ok("# D\n\n## Phase 6 – Prod\n\nPublic Registry 🌍 vs Private Registry 🔐\n- Public (Docker Hub):\n- Open.\n- Private (ECR):\n- Closed.\n");
        let c = &deck.phases[0].comparisons[0];
        assert_eq!(c.left.name, "Public Registry");
        assert_eq!(c.left.label, "Public (Docker Hub)");
        assert_eq!(c.id, "public-registry-vs-private-registry");
    }

    #[test]
    fn both_marker_flags_a_point_and_comments_are_ignored() {
        let deck = ok("# D\n\n<!-- authors' note -->\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- shared `a` {both}\n- own\n- Y:\n- b\n");
        let points = &deck.phases[0].comparisons[0].left.points;
        assert!(points[0].both);
        assert_eq!(points[0].said.plain(), "shared a");
        assert!(!points[1].both);
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n- Tip:\n- c {both}\n");
        assert_eq!(
            e,
            vec![
                "t.md:10: `{both}` marks a side's point as true of both sides; `Tip` is not a side"
            ]
        );
    }

    #[test]
    fn update_notes_attach_to_their_comparison() {
        let deck = ok("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n\n> **Update:** `docker scan` was removed.\n");
        let c = &deck.phases[0].comparisons[0];
        assert_eq!(c.notes.len(), 1);
        assert_eq!(c.notes[0].text.plain(), "Update: docker scan was removed.");
    }

    const CITED: &str = "# D\n\n## Phase 1 – A\n\nImage vs Container\n- Image:\n- Read-only.\n- Container:\n- Dies = gone.\n  > **Correction:** Removing it discards its `layer`. [run --rm](https://docs.docker.com/reference/cli/docker/container/run/#rm)\n- Uses RAM.\n\nSources: [Overview](https://docs.docker.com/get-started/docker-overview/), [Storage drivers](https://docs.docker.com/engine/storage/drivers/)\n\n> **Update (2023):** Stopped ones stay. [docker ps](https://docs.docker.com/reference/cli/docker/container/ls/)\n";

    #[test]
    fn corrections_sources_and_cited_notes() {
        let deck = ok(CITED);
        assert_eq!(deck.id, "t");
        let c = &deck.phases[0].comparisons[0];
        let p = &c.right.points[0];
        assert_eq!(p.said.plain(), "Dies = gone.");
        let fix = p.correction.as_ref().expect("a correction");
        assert_eq!(fix.text.plain(), "Removing it discards its layer.");
        assert_eq!(p.text(), &fix.text, "study modes ask the correction");
        assert_eq!(
            fix.sources,
            vec![Source {
                title: "run --rm".into(),
                url: "https://docs.docker.com/reference/cli/docker/container/run/#rm".into()
            }]
        );
        // The point after the corrected one is still a point of the same side.
        assert_eq!(c.right.points.len(), 2);
        assert_eq!(c.right.points[1].text().plain(), "Uses RAM.");
        assert!(c.right.points[1].correction.is_none());
        assert_eq!(
            c.sources
                .iter()
                .map(|s| s.title.as_str())
                .collect::<Vec<_>>(),
            ["Overview", "Storage drivers"]
        );
        assert_eq!(c.notes[0].text.plain(), "Update (2023): Stopped ones stay.");
        assert_eq!(c.notes[0].sources[0].title, "docker ps");
    }

    #[test]
    fn the_nested_shape_takes_corrections_too() {
        let nested = CITED
            .replace("- Read-only.", "  - Read-only.")
            .replace("- Dies = gone.\n  >", "  - Dies = gone.\n    >")
            .replace("- Uses RAM.", "  - Uses RAM.");
        assert_eq!(ok(&nested), ok(CITED));
    }

    #[test]
    fn rejects_bad_links_and_links_where_they_do_not_belong() {
        let base = "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n\n";
        let cases: &[(String, &str)] = &[
            (format!("{base}Sources: [t](http://docs.docker.com/x)\n"), "t.md:11: `http://docs.docker.com/x` is not a valid source link"),
            (format!("{base}Sources: [t](https://nodot/x)\n"), "t.md:11: `https://nodot/x` is not a valid source link"),
            (format!("{base}Sources: [t](javascript:alert(1))\n"), "t.md:11: `javascript:alert(1)` is not a valid source link"),
            (format!("{base}Sources: none yet\n"), "t.md:11: `Sources:` lists links only"),
            (format!("{base}Sources:\n"), "t.md:11: `Sources:` lists no link"),
            (format!("{base}> **Update:** see [t](ftp://x.org/a)\n"), "t.md:11: `ftp://x.org/a` is not a valid source link"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a [t](https://docs.docker.com/)\n- Y:\n- b\n".to_string(), "t.md:7: a link is allowed only in"),
            ("# D\n\n## Phase 1 – A\n\n[X](https://a.b/) vs Y\n- X:\n- a\n- Y:\n- b\n".to_string(), "t.md:5: a link is allowed only in"),
            ("# D\n\n## Phase 1 – [A](https://a.b/)\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n".to_string(), "t.md:3: a link is allowed only in"),
            ("# D\n\n## Phase 1 – A\n\nSources: [t](https://a.b/)\n".to_string(), "t.md:5: a `Sources:` line comes before any comparison"),
            (format!("{base}> **Correction:** fixed.\n"), "t.md:11: a correction goes under the point it corrects"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n  > a quote\n- Y:\n- b\n".to_string(), "t.md:8: a quote under a point must start with"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n  > **Correction:**\n- Y:\n- b\n".to_string(), "t.md:8: the correction says nothing"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n- Tip:\n- c\n  > **Correction:** d\n".to_string(), "t.md:11: a correction in `Tip`, which is not a side"),
        ];
        for (src, expected) in cases {
            expect_fault(src, expected);
        }
    }

    #[test]
    fn https_urls() {
        for good in [
            "https://docs.docker.com/",
            "https://docs.docker.com/reference/cli/docker/container/run/#rm",
            "https://kubernetes.io/docs/concepts/overview/",
            "https://a.b:8443/x?y=1",
        ] {
            assert!(is_https_url(good), "{good}");
        }
        for bad in [
            "http://docs.docker.com/",
            "https://",
            "https:///x",
            "https://localhost/",
            "https://.docker.com/",
            "https://docs.docker.com/a b",
            "https://docs.docker.com/\"onmouseover=",
            "HTTPS://docs.docker.com/",
            "//docs.docker.com/",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
        assert_eq!(deck_id("content/docker-in-depth.md"), "docker-in-depth");
        assert_eq!(deck_id("docker.md"), "docker");
    }

    #[test]
    fn ids_are_unique_across_decks() {
        let a = "# A\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n";
        let b = "# B\n\n## Phase 1 – B\n\nZ vs W\n- Z:\n- a\n- W:\n- b\n\nX 🐳 vs Y\n- X:\n- a\n- Y:\n- b\n";
        let e: Vec<String> = parse_library(&[("a.md", a), ("b.md", b)])
            .expect_err("a clash")
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(e, ["b.md:11: comparison id `x-vs-y` is also used by a.md:5; ids must be unique across decks"]);
        let decks = parse_library(&[("a.md", a), ("c.md", &b[..b.find("\nX 🐳").unwrap()])])
            .expect("no clash");
        assert_eq!(
            decks.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["a", "c"]
        );
    }

    #[test]
    fn ids_do_not_depend_on_point_wording() {
        let a =
            ok("# D\n\n## Phase 1 – A\n\nCMD vs ENTRYPOINT\n- CMD:\n- one\n- ENTRYPOINT:\n- two\n");
        let b = ok("# D\n\n## Phase 1 – A\n\nCMD 📝 vs ENTRYPOINT 🚀\n- CMD:\n- one, reworded\n- ENTRYPOINT:\n- two, reworded\n");
        assert_eq!(a.phases[0].comparisons[0].id, b.phases[0].comparisons[0].id);
        assert_eq!(a.phases[0].comparisons[0].id, "cmd-vs-entrypoint");
    }

    #[test]
    fn rejects_a_comparison_with_one_side() {
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n");
        assert_eq!(e, vec!["t.md:5: comparison `X vs Y` has 1 side(s); it needs two side headers such as `- Left:` and `- Right:`"]);
    }

    #[test]
    fn rejects_an_empty_side() {
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n");
        assert_eq!(e, vec!["t.md:8: side `Y` has no points"]);
    }

    #[test]
    fn rejects_duplicate_ids() {
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n\nX 🐳 vs Y\n- X:\n- a\n- Y:\n- b\n");
        assert_eq!(
            e,
            vec![
                "t.md:11: comparison id `x-vs-y` is used twice (first at line 5); rename one side"
            ]
        );
    }

    #[test]
    fn rejects_a_point_outside_any_side() {
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- stray\n- X:\n- a\n- Y:\n- b\n");
        assert_eq!(
            e,
            vec!["t.md:6: point `stray` comes before any side header (a bullet ending in `:`)"]
        );
    }

    #[test]
    fn rejects_a_phase_with_no_comparison() {
        let e =
            err("# D\n\n## Phase 1 – Empty\n\n## Phase 2 – B\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n");
        assert_eq!(e, vec!["t.md:3: phase `Phase 1 – Empty` has no comparison"]);
    }

    #[test]
    fn rejects_other_faults_with_their_line() {
        let cases: &[(&str, &str)] = &[
            ("# D\n\n## Basics\n", "t.md:3: `## Basics` is not a phase heading"),
            ("# D\n\n## Phase 1 – A\n\nJust a sentence.\n", "t.md:5: `Just a sentence.` is not a comparison title"),
            ("# D\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n", "t.md:3: comparison `X vs Y` comes before any"),
            ("# D\n\n## Phase 1 – A\n\n- X:\n- a\n", "t.md:5: a list comes before any comparison title"),
            ("# D\n\n## Phase 1 – A\n\n> note\n", "t.md:5: an update note"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a <b>hi</b>\n- Y:\n- b\n", "t.md:7: raw HTML is not supported"),
            ("## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n", "t.md:1: the deck has no `# title` heading"),
            ("# D\n", "t.md:1: the deck has no `## Phase N – title` section"),
            ("# D\n\n## Phase 1 – A\n\nX vs 🐳\n", "t.md:5: comparison title `X vs 🐳` has an empty side name"),
            ("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n- Y:\n- b\n\n## Phase 1 – B\n\nZ vs W\n- Z:\n- a\n- W:\n- b\n", "t.md:11: phase 1 appears twice (first at line 3)"),
        ];
        for (src, expected) in cases {
            expect_fault(src, expected);
        }
    }

    #[test]
    fn reports_every_fault_not_just_the_first() {
        let e = err("# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- a\n\nZ vs W\n- Z:\n- W:\n- b\n");
        assert_eq!(e.len(), 2, "{e:?}");
        assert!(
            e[0].starts_with("t.md:5:") && e[1].starts_with("t.md:10:"),
            "{e:?}"
        );
    }

    #[test]
    fn emoji_split() {
        assert_eq!(
            split_emoji_suffix("Default Bridge 🛤️"),
            ("Default Bridge".into(), "🛤️".into())
        );
        assert_eq!(
            split_emoji_suffix("depends_on ⏳"),
            ("depends_on".into(), "⏳".into())
        );
        assert_eq!(
            split_emoji_suffix("healthcheck ❤️"),
            ("healthcheck".into(), "❤️".into())
        );
        assert_eq!(split_emoji_suffix("-v"), ("-v".into(), String::new()));
        assert_eq!(
            parse_phase_heading("⚙️ Phase 5 – Docker Compose"),
            Some(("⚙️".into(), 5, "Docker Compose".into()))
        );
        assert_eq!(
            parse_phase_heading("Phase 12: Extra"),
            Some((String::new(), 12, "Extra".into()))
        );
        assert_eq!(parse_phase_heading("Phase one – x"), None);
    }

    /// `read_deck`'s faults for `bytes`, as printed.
    fn read_err(bytes: &[u8]) -> Vec<String> {
        read_deck("t.md", bytes)
            .expect_err("the file should be refused")
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn files_that_are_not_deck_text_are_refused_before_parsing() {
        assert_eq!(read_err(b""), ["t.md:1: the file is empty"]);
        assert_eq!(
            read_err(b"\xef\xbb\xbf \n\r\n"),
            ["t.md:1: the file is empty"]
        );
        assert_eq!(
            read_err(b"# D\n\nok\n\x89PNG\x00\x01"),
            ["t.md:4: this is not a text file (it contains a NUL byte); a deck is Markdown text"]
        );
        assert_eq!(
            read_err(b"# D\n\n## Phase 1 \xe2\x80 A\n"),
            ["t.md:3: the text is not valid UTF-8 here; save the file as UTF-8"]
        );
        let big = vec![b'a'; MAX_BYTES + 1];
        assert_eq!(
            read_err(&big),
            ["t.md:1: the file has 1,000,001 bytes; a deck may have at most 1 MB (1,000,000 bytes)"]
        );
    }

    #[test]
    fn a_byte_order_mark_and_any_line_ends_read_the_same() {
        let lf = ok(FLAT);
        let bom = [b"\xef\xbb\xbf".as_slice(), FLAT.as_bytes()].concat();
        assert_eq!(read_deck("t.md", &bom), Ok(lf.clone()));
        assert_eq!(
            read_deck("t.md", FLAT.replace('\n', "\r\n").as_bytes()),
            Ok(lf.clone())
        );
        assert_eq!(
            read_deck("t.md", FLAT.replace('\n', "\r").as_bytes()),
            Ok(lf)
        );
        // Faults still name the right line.
        let e = read_err(b"# D\r\n\r\n## Phase 1 \xe2\x80\x93 A\r\n\r\nX vs Y\r\n- X:\r\n- a\r\n");
        assert!(
            e[0].starts_with("t.md:5: comparison `X vs Y` has 1 side(s)"),
            "{e:?}"
        );
    }

    #[test]
    fn limits_on_lines_nesting_comparisons_and_faults() {
        let long = format!(
            "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n- {}\n",
            "a".repeat(100_000)
        );
        assert_eq!(
            read_err(long.as_bytes()),
            ["t.md:7: the line has 100,002 characters; a line may have at most 5,000"]
        );
        for deep in [
            ">".repeat(50_000),
            "- ".repeat(50_000),
            "  ".repeat(200) + "- x",
        ] {
            let src = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{deep}\n");
            let e = read_err(src.as_bytes());
            if deep.len() > MAX_LINE_CHARS {
                assert!(e[0].contains("characters"), "{e:?}");
            } else {
                assert!(!e.is_empty());
            }
        }
        let nested = (0..12)
            .map(|i| format!("{}- n{i}\n", "  ".repeat(i)))
            .collect::<String>();
        let e = read_err(format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{nested}").as_bytes());
        assert_eq!(
            e,
            ["t.md:14: lists and quotes are nested more than 8 deep; a deck needs 3 at most"]
        );
        let quotes = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{}x\n", "> ".repeat(9));
        assert!(read_err(quotes.as_bytes())[0].contains("nested more than 8 deep"));

        let mut many = String::from("# D\n\n## Phase 1 – A\n");
        for i in 0..=MAX_COMPARISONS {
            many.push_str(&format!("\nL{i} vs R{i}\n- L:\n- a\n- R:\n- b\n"));
        }
        let e = read_err(many.as_bytes());
        assert_eq!(e.len(), 1);
        assert!(e[0].ends_with("the deck has 1,001 comparisons; a deck may have at most 1,000"));

        let mut faults = String::from("# D\n\n## Phase 1 – A\n");
        for i in 0..80 {
            faults.push_str(&format!("\nnot a title {i}\n"));
        }
        let e = read_err(faults.as_bytes());
        assert_eq!(e.len(), MAX_FAULTS + 1);
        assert!(
            e[MAX_FAULTS].ends_with("and 30 more faults"),
            "{:?}",
            e.last()
        );
    }

    #[test]
    fn an_empty_point_is_a_fault() {
        expect_fault(
            "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n  - a\n  -\n- Y:\n  - {both}\n  - b\n",
            "t.md:8: a point says nothing",
        );
        expect_fault(
            "# D\n\n## Phase 1 – A\n\nX vs Y\n- X:\n  - a\n- Y:\n  - {both}\n  - b\n",
            "t.md:9: a point says nothing",
        );
    }

    #[test]
    fn html_is_refused_wherever_it_is() {
        for html in [
            "<script>alert(1)</script>",
            "- X:\n- <img src=x onerror=alert(1)>",
            "- X:\n- a <b onmouseover=alert(1)>b</b>",
            "<div>\n\n- X:\n- a\n\n</div>",
        ] {
            let src = format!("# D\n\n## Phase 1 – A\n\nX vs Y\n{html}\n- Y:\n- b\n");
            let e = err(&src);
            assert!(
                e.iter().any(|e| e.contains("raw HTML is not supported")),
                "{html}: {e:?}"
            );
        }
    }
}
