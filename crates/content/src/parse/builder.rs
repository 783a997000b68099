//! Pass 2: the block tree -> a [`Deck`]. The deck grammar over Markdown lives here:
//! `# title`, `## <emoji> Phase N – title`, `<Left> vs <Right>` titles, side headers
//! (bullets ending in `:`), points, `{both}`, corrections under a point, `Sources:` lines
//! and update notes. Faults are collected, not returned at the first.

use std::collections::HashMap;

use super::blocks::{trim_rich, Block, Cite, Item};
use super::drill::{take_lead, take_part, DraftDrill};
use super::{ContentError, ErrorKind};
use crate::deck::{
    comparison_id, is_https_url, Comparison, Drill, Group, Note, Phase, Point, Rich, Side, Source,
    Span,
};
use crate::syntax::{
    split_emoji_prefix, split_emoji_suffix, split_title, BOTH_MARKER, CORRECTION, SOURCES,
};

/// Reads blocks in order, keeping what is open (a phase, a comparison) until the next
/// heading or title closes it.
pub(super) struct DeckBuilder<'a> {
    file: &'a str,
    pub(super) errors: Vec<ContentError>,
    /// The deck's `# title`: its emoji and its words.
    pub(super) title: Option<(String, String)>,
    pub(super) phases: Vec<Phase>,
    phase: Option<OpenPhase>,
    pub(super) comparison: Option<Draft>,
    /// The drill being read, after the comparison's list (see `drill.rs`).
    pub(super) drill: Option<DraftDrill>,
    /// Each comparison's id and the line of its title.
    pub(super) ids: HashMap<String, u32>,
    /// Each phase number and the line of its heading.
    phase_lines: HashMap<u32, u32>,
}

/// The phase being read.
struct OpenPhase {
    phase: Phase,
    /// The line of its heading.
    line: u32,
    /// How many comparison titles it has had (a comparison rejected for its own fault
    /// must not also make its phase "empty").
    titles: usize,
}

/// A comparison being read: its title line, its groups in order, its notes, sources and
/// drills.
pub(super) struct Draft {
    line: u32,
    /// Each side's name and emoji, from the title.
    left: (String, String),
    right: (String, String),
    groups: Vec<DraftGroup>,
    notes: Vec<Note>,
    sources: Vec<Source>,
    pub(super) drills: Vec<Drill>,
    /// Each drill read (whole or not): what makes it one, and its line.
    pub(super) drill_keys: Vec<(String, u32)>,
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

impl<'a> DeckBuilder<'a> {
    /// Reads `blocks` as the deck of `file`: what it holds, and its faults.
    pub(super) fn build(file: &'a str, blocks: Vec<Block>) -> Self {
        let mut builder = DeckBuilder {
            file,
            errors: Vec::new(),
            title: None,
            phases: Vec::new(),
            phase: None,
            comparison: None,
            drill: None,
            ids: HashMap::new(),
            phase_lines: HashMap::new(),
        };
        for block in blocks {
            builder.block(block);
        }
        builder.finish_phase();
        builder
    }

    pub(super) fn error(&mut self, line: u32, kind: ErrorKind) {
        self.errors.push(ContentError {
            file: self.file.to_string(),
            line,
            kind,
        });
    }

    /// Reads one block. A drill's parts (its question, a code block, a list, `Answer:`,
    /// `Why:`) go to the drill being read; any other block ends it.
    fn block(&mut self, block: Block) {
        match block {
            Block::Code { lang, text, line } => return self.code(lang, text, line),
            Block::List { items } if self.drill.is_some() => return self.options(items),
            Block::Paragraph {
                mut text,
                line,
                links,
            } => {
                if let Some(part) = take_part(&mut text) {
                    return self.drill_part(part, text, links, line);
                }
                self.finish_drill();
                return self.paragraph(text, links, line);
            }
            _ => self.finish_drill(),
        }
        match block {
            Block::Rule | Block::Code { .. } | Block::Paragraph { .. } => {}
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
            Block::List { items } => self.list(items),
            Block::Quote { blocks, line } => self.note(blocks, line),
        }
    }

    /// A paragraph that is not a drill's: `Sources:` or a comparison's title.
    fn paragraph(&mut self, text: Rich, links: Vec<Cite>, line: u32) {
        if text.plain().starts_with(SOURCES) {
            self.sources(&text, links, line);
        } else {
            self.no_links(&links);
            self.start_comparison(&text.plain(), line);
        }
    }

    /// Reports the first of `links` where links are not allowed.
    pub(super) fn no_links(&mut self, links: &[Cite]) {
        if let Some(cite) = links.first() {
            self.error(cite.line, ErrorKind::LinkNotAllowed);
        }
    }

    /// The sources of `links`, each checked; a bad one is reported and left out.
    pub(super) fn checked(&mut self, links: Vec<Cite>) -> Vec<Source> {
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
        if item.checked.is_some() {
            self.error(item.line, ErrorKind::CheckboxOutsideDrill);
        }
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
        let is_correction = take_lead(&mut text, CORRECTION);
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
                self.phase = Some(OpenPhase {
                    phase: Phase {
                        number,
                        title,
                        emoji,
                        comparisons: Vec::new(),
                    },
                    line,
                    titles: 0,
                });
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
        if let Some(OpenPhase {
            phase,
            line,
            titles,
        }) = self.phase.take()
        {
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
        if let Some(open) = self.phase.as_mut() {
            open.titles += 1;
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
            drills: Vec::new(),
            drill_keys: Vec::new(),
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
                if item.checked.is_some() {
                    self.error(item.line, ErrorKind::CheckboxOutsideDrill);
                }
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
        self.finish_drill();
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
        if let Some(OpenPhase { phase, .. }) = self.phase.as_mut() {
            phase.comparisons.push(Comparison {
                id,
                left,
                right,
                extras,
                notes: draft.notes,
                sources: draft.sources,
                drills: draft.drills.into(),
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

/// `🔰 Phase 1 – Basics` -> (`🔰`, 1, `Basics`).
pub(super) fn parse_phase_heading(text: &str) -> Option<(String, u32, String)> {
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
