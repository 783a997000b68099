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
//! > **Update:** a note shown beside the comparison.
//! ```

use std::collections::HashMap;
use std::fmt;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::domain::deck::{comparison_id, Comparison, Deck, Group, Phase, Point, Rich, Side, Span};

/// Marks a point that is true of both sides: `- Stops containers. {both}`.
pub const BOTH_MARKER: &str = "{both}";

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
    BadPhaseHeading { text: String },
    DuplicatePhase { number: u32, first_line: u32 },
    PhaseWithoutComparison { phase: String },
    ComparisonOutsidePhase { title: String },
    NotATitle { text: String },
    EmptyName { title: String },
    OneSide { title: String, sides: usize },
    EmptySide { side: String },
    PointOutsideSide { point: String },
    ListOutsideComparison,
    NoteOutsideComparison,
    DuplicateId { id: String, first_line: u32 },
    MarkerOutsideSide { group: String },
    Unsupported { what: String },
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: ", self.file, self.line)?;
        match &self.kind {
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
        }
    }
}

impl std::error::Error for ContentError {}

/// Parses one deck file. `file` is only used to name the file in errors.
pub fn parse_deck(file: &str, source: &str) -> Result<Deck, Vec<ContentError>> {
    let (blocks, mut errors) = blocks(file, source);
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
    if !errors.is_empty() {
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    let (emoji, title) = reader.title.unwrap_or_default();
    Ok(Deck {
        title,
        emoji,
        phases: reader.phases,
    })
}

// ---------------------------------------------------------------------------------------
// Pass 1: events -> blocks

#[derive(Debug)]
enum Block {
    Heading { level: u8, text: Rich, line: u32 },
    Paragraph { text: Rich, line: u32 },
    List { items: Vec<Item> },
    Quote { blocks: Vec<Block>, line: u32 },
    Rule,
}

#[derive(Debug, Default)]
struct Item {
    text: Rich,
    line: u32,
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
}

impl Inline {
    fn new() -> Self {
        Inline {
            rich: Rich::default(),
            strong: 0,
            emphasis: 0,
        }
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
        let mut rich = std::mem::take(&mut self.rich);
        trim_rich(&mut rich);
        rich
    }
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
                    Block::Paragraph { text, .. }
                        if item.text.0.is_empty() && item.children.is_empty() =>
                    {
                        item.text = text
                    }
                    other => item.children.push(other),
                }
            }
            Some(Frame::List { .. }) => unreachable!("pulldown-cmark puts blocks in items"),
        }
    }

    for (event, range) in Parser::new_ext(source, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                leaf = Some((line(range.start), Some(heading_level(level))));
            }
            Event::Start(Tag::Paragraph) => leaf = Some((line(range.start), None)),
            Event::End(TagEnd::Heading(_)) | Event::End(TagEnd::Paragraph) => {
                let (at, level) = leaf.take().unwrap_or((line(range.start), None));
                let text = inline.take();
                let block = match level {
                    Some(level) => Block::Heading {
                        level,
                        text,
                        line: at,
                    },
                    None => Block::Paragraph { text, line: at },
                };
                push_block(&mut root, &mut stack, block);
            }
            Event::Start(Tag::BlockQuote(_)) => stack.push(Frame::Quote {
                blocks: Vec::new(),
                line: line(range.start),
            }),
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
            Event::Code(code) => inline.push(Span::Code(code.to_string())),
            Event::SoftBreak | Event::HardBreak => inline.text(" "),
            Event::Rule => push_block(&mut root, &mut stack, Block::Rule),
            // Links keep their text; the deck has no use for the target yet.
            Event::Start(Tag::Link { .. }) | Event::End(TagEnd::Link) => {}
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
        if !text.0.is_empty() && item.text.0.is_empty() {
            item.text = text;
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

/// A comparison being read: its title line, its groups in order, its notes.
struct Draft {
    line: u32,
    left: (String, String),
    right: (String, String),
    groups: Vec<DraftGroup>,
    notes: Vec<Rich>,
}

struct DraftGroup {
    label: String,
    line: u32,
    points: Vec<Rich>,
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
            Block::Paragraph { text, line } => self.start_comparison(&text.plain(), line),
            Block::List { items } => self.list(items),
            Block::Quote { blocks, line } => self.note(blocks, line),
        }
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
        });
    }

    fn list(&mut self, items: Vec<Item>) {
        let Some(draft) = self.comparison.as_mut() else {
            let line = items.first().map_or(1, |i| i.line);
            self.error(line, ErrorKind::ListOutsideComparison);
            return;
        };
        let mut errors = Vec::new();
        for item in items {
            let text = item.text.plain();
            match header_label(&text) {
                Some(label) => {
                    let mut group = DraftGroup {
                        label,
                        line: item.line,
                        points: Vec::new(),
                    };
                    // The nested shape: points under their header.
                    for child in item.children {
                        match child {
                            Block::List { items } => {
                                group.points.extend(items.into_iter().map(|i| i.text))
                            }
                            _ => errors.push((
                                item.line,
                                ErrorKind::Unsupported {
                                    what: "a block under a side header other than a list".into(),
                                },
                            )),
                        }
                    }
                    draft.groups.push(group);
                }
                None => match draft.groups.last_mut() {
                    Some(group) if item.children.is_empty() => group.points.push(item.text),
                    Some(_) => errors.push((
                        item.line,
                        ErrorKind::Unsupported {
                            what: "a nested list under a point".into(),
                        },
                    )),
                    None => errors.push((item.line, ErrorKind::PointOutsideSide { point: text })),
                },
            }
        }
        for (line, kind) in errors {
            self.error(line, kind);
        }
    }

    fn note(&mut self, blocks: Vec<Block>, line: u32) {
        let Some(draft) = self.comparison.as_mut() else {
            self.error(line, ErrorKind::NoteOutsideComparison);
            return;
        };
        for block in blocks {
            match block {
                Block::Paragraph { text, .. } => draft.notes.push(text),
                _ => {
                    self.error(
                        line,
                        ErrorKind::Unsupported {
                            what: "anything but paragraphs in an update note".into(),
                        },
                    );
                    return;
                }
            }
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
            if group.points.iter().all(Rich::is_empty) {
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
                    .map(|mut text| {
                        let both = take_marker(&mut text);
                        Point { text, both }
                    })
                    .collect(),
            }
        };
        let left = side(draft.left);
        let right = side(draft.right);
        let mut extras = Vec::new();
        for mut g in groups {
            if g.points.iter_mut().any(take_marker) {
                let group = g.label.clone();
                self.error(g.line, ErrorKind::MarkerOutsideSide { group });
            }
            extras.push(Group {
                title: g.label,
                points: g.points,
            });
        }
        if let Some((phase, _, _)) = self.phase.as_mut() {
            phase.comparisons.push(Comparison {
                id,
                left,
                right,
                extras,
                notes: draft.notes,
            });
        }
    }
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

/// Splits a comparison title at `🆚` or at the word `vs`.
fn split_title(text: &str) -> Option<(&str, &str)> {
    if let Some((l, r)) = text.split_once('🆚') {
        return Some((l, r));
    }
    for sep in [" vs ", " vs. ", " VS ", " Vs "] {
        if let Some((l, r)) = text.split_once(sep) {
            return Some((l, r));
        }
    }
    None
}

/// True for the characters that make up an emoji: pictographs, symbols, variation
/// selectors, joiners and keycaps. Letters, digits, ASCII and typographic punctuation are not.
pub fn is_emoji_char(c: char) -> bool {
    let u = c as u32;
    matches!(u, 0x200D | 0x20E3 | 0xFE0E | 0xFE0F)
        || (0x2190..=0x2BFF).contains(&u)
        || (0x1F000..=0x1FAFF).contains(&u)
        || (0xE0020..=0xE007F).contains(&u)
}

/// `Image 🖼️` -> (`Image`, `🖼️`).
fn split_emoji_suffix(s: &str) -> (String, String) {
    let s = s.trim();
    let name = s.trim_end_matches(|c: char| is_emoji_char(c) || c.is_whitespace());
    (name.to_string(), s[name.len()..].trim().to_string())
}

/// `🐳 Docker Interview` -> (`🐳`, `Docker Interview`).
fn split_emoji_prefix(s: &str) -> (String, String) {
    let s = s.trim();
    let rest = s.trim_start_matches(|c: char| is_emoji_char(c) || c.is_whitespace());
    (
        s[..s.len() - rest.len()].trim().to_string(),
        rest.to_string(),
    )
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
            c.left.points[0].text,
            Rich(vec![Span::Text("Read-only.".into())])
        );
        assert!(!c.left.points[0].both);
        assert_eq!(
            c.right.points[0].text.0,
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
        assert_eq!(points[0].text.plain(), "shared a");
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
        assert_eq!(c.notes[0].plain(), "Update: docker scan was removed.");
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
            let e = err(src);
            assert!(
                e.iter().any(|e| e.starts_with(expected)),
                "for {src:?}\n got {e:?}\nwant {expected}"
            );
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
}
