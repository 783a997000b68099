//! Pass 1: pulldown-cmark's flat event stream -> a small tree of [`Block`]s, each with
//! its line. What Markdown may hold in a deck is policed here (no raw HTML but comments,
//! no images, tables or indented code, no links in headings, nesting at most
//! [`MAX_DEPTH`](super::MAX_DEPTH)); what the deck's grammar allows where (a fenced code
//! block only as a drill's setup, a checkbox only on a drill's option) is pass 2's.
//! Inline runs are normalised so that a deck written back reads the same
//! (`settle_edges`, `trim_rich`).

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{ContentError, ErrorKind, MAX_DEPTH};
use crate::deck::{Rich, Source, Span};

/// A link as written: its text, target and line.
#[derive(Debug, Clone)]
pub(super) struct Cite {
    pub(super) source: Source,
    pub(super) line: u32,
}

#[derive(Debug)]
pub(super) enum Block {
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
    /// A fenced code block: its info string's first word, and its text.
    Code {
        lang: String,
        text: String,
        line: u32,
    },
    Rule,
}

#[derive(Debug, Default)]
pub(super) struct Item {
    pub(super) text: Rich,
    pub(super) line: u32,
    pub(super) links: Vec<Cite>,
    pub(super) children: Vec<Block>,
    /// A task-list checkbox before the item's text: `[x]` (true) or `[ ]` (false).
    pub(super) checked: Option<bool>,
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

pub(super) fn trim_rich(rich: &mut Rich) {
    if let Some(Span::Text(s)) = rich.0.first_mut() {
        *s = s.trim_start().to_string();
    }
    if let Some(Span::Text(s)) = rich.0.last_mut() {
        *s = s.trim_end().to_string();
    }
    rich.0.retain(|s| !s.text().is_empty());
}

pub(super) fn blocks(file: &str, source: &str) -> (Vec<Block>, Vec<ContentError>) {
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
    // A fenced code block being read: its language, text and first line.
    let mut code: Option<(String, String, u32)> = None;

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
    for (event, range) in Parser::new_ext(source, Options::ENABLE_TASKLISTS).into_offset_iter() {
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
            Event::Text(text) if code.is_some() => {
                if let Some((_, body, _)) = code.as_mut() {
                    body.push_str(&text);
                }
            }
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
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) => {
                flush_item_text(&mut stack, &mut inline);
                let lang = info.split_whitespace().next().unwrap_or("").to_string();
                code = Some((lang, String::new(), line(range.start)));
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((lang, text, line)) = code.take() {
                    push_block(&mut root, &mut stack, Block::Code { lang, text, line });
                }
            }
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) => unsupported(
                "an indented code block (a drill's setup is a fenced one, between ``` lines)",
                range.start,
            ),
            Event::TaskListMarker(checked) => {
                if let Some(Frame::Item(item)) = stack.last_mut() {
                    item.checked = Some(checked);
                }
            }
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
