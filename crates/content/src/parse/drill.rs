//! Pass 2, drills: "what does Docker do?" questions after a comparison. A drill is read
//! from a run of blocks, in this order:
//!
//! ~~~markdown
//! Drill: What does `docker run img -c 3 example.com` start?
//!
//! ```dockerfile
//! ENTRYPOINT ["ping"]
//! CMD ["localhost"]
//! ```
//!
//! - [ ] `ping localhost`
//! - [x] `ping -c 3 example.com`
//!
//! Why: Arguments after the image replace CMD. [Dockerfile reference](https://docs.docker.com/…)
//! ~~~
//!
//! The setup is optional; instead of options a drill may have `Answer: <exact answer>`.
//! The links of `Why:` are the drill's sources, and it needs one.

use super::blocks::{trim_rich, Cite, Item};
use super::builder::DeckBuilder;
use super::ErrorKind;
use crate::deck::{Drill, DrillAnswer, Note, Rich, Setup, Span};
use crate::syntax::{ANSWER, DRILL, MAX_OPTIONS, MAX_SETUP_LINES, MIN_OPTIONS, WHY};

/// A drill being read: what it has so far, and where it started.
pub(super) struct DraftDrill {
    line: u32,
    question: Rich,
    setup: Option<Setup>,
    answer: Option<DrillAnswer>,
    why: Option<Note>,
}

impl DraftDrill {
    /// The drill's identity within its comparison (two drills may not share it: their
    /// cards would be one).
    fn key(&self) -> String {
        let setup = self.setup.as_ref().map_or("", |s| s.code.as_str());
        format!("{}\n{setup}", self.question.plain())
    }
}

/// Which marker a paragraph starts with, if it is a part of a drill.
pub(super) enum Part {
    Drill,
    Answer,
    Why,
}

/// The drill part `text` starts with (`Drill:`, `Answer:`, `Why:`, plain or bold), taken
/// off the text.
pub(super) fn take_part(text: &mut Rich) -> Option<Part> {
    [
        (DRILL, Part::Drill),
        (ANSWER, Part::Answer),
        (WHY, Part::Why),
    ]
    .into_iter()
    .find_map(|(marker, part)| take_lead(text, marker).then_some(part))
}

/// Removes a leading `marker` (plain or bold); true if there was one.
pub(super) fn take_lead(text: &mut Rich, marker: &str) -> bool {
    let Some(first) = text.0.first_mut() else {
        return false;
    };
    let (Span::Strong(s) | Span::Text(s)) = first else {
        return false;
    };
    let Some(rest) = s.trim_start().strip_prefix(marker) else {
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

impl DeckBuilder<'_> {
    /// A paragraph that starts with a drill's marker (taken off `text`).
    pub(super) fn drill_part(&mut self, part: Part, text: Rich, links: Vec<Cite>, line: u32) {
        match part {
            Part::Drill => {
                self.finish_drill();
                self.no_links(&links);
                if self.comparison.is_none() {
                    self.error(line, ErrorKind::DrillOutsideComparison);
                    return;
                }
                if text.is_empty() {
                    self.error(line, ErrorKind::EmptyQuestion);
                }
                self.drill = Some(DraftDrill {
                    line,
                    question: text,
                    setup: None,
                    answer: None,
                    why: None,
                });
            }
            Part::Answer => {
                self.no_links(&links);
                let answer = text.plain().trim().to_string();
                let Some(drill) = self.open_drill(line, ANSWER) else {
                    return;
                };
                if drill.answer.is_some() || drill.why.is_some() {
                    return self.out_of_order(line, "this is a second answer");
                }
                drill.answer = Some(DrillAnswer::Exact(answer.clone()));
                if answer.is_empty() {
                    self.error(
                        line,
                        ErrorKind::DrillIncomplete {
                            missing: "answer after `Answer:`".into(),
                        },
                    );
                }
            }
            Part::Why => {
                let sources = self.checked(links.clone());
                let Some(drill) = self.open_drill(line, WHY) else {
                    return;
                };
                if drill.why.is_some() {
                    return self.out_of_order(line, "this is a second `Why:`");
                }
                drill.why = Some(Note { text, sources });
                if links.is_empty() {
                    self.error(line, ErrorKind::DrillWithoutSource);
                }
            }
        }
    }

    /// A fenced code block: a drill's setup, right after its question.
    pub(super) fn code(&mut self, lang: String, text: String, line: u32) {
        let Some(drill) = self.drill.as_mut() else {
            return self.error(line, ErrorKind::CodeOutsideDrill);
        };
        if drill.setup.is_some() || drill.answer.is_some() || drill.why.is_some() {
            return self.out_of_order(
                line,
                "the setup (a code block) comes right after the question, once",
            );
        }
        let code = text.trim_end_matches('\n').to_string();
        let lines = code.lines().count();
        drill.setup = Some(Setup { lang, code });
        if lines > MAX_SETUP_LINES {
            self.error(line, ErrorKind::SetupTooLong { lines });
        }
    }

    /// A list while a drill is open: its options.
    pub(super) fn options(&mut self, items: Vec<Item>) {
        let line = items.first().map_or(1, |i| i.line);
        let Some(drill) = self.drill.as_ref() else {
            return;
        };
        if drill.answer.is_some() || drill.why.is_some() {
            return self.out_of_order(line, "these options come after the drill's answer");
        }
        let mut options = Vec::new();
        let mut right = Vec::new();
        for item in items {
            self.no_links(&item.links);
            if !item.children.is_empty() {
                self.error(
                    item.line,
                    ErrorKind::Unsupported {
                        what: "anything under a drill's option".into(),
                    },
                );
            }
            match item.checked {
                None => self.error(item.line, ErrorKind::OptionWithoutCheckbox),
                Some(true) => right.push(options.len()),
                Some(false) => {}
            }
            if item.text.is_empty() {
                self.error(item.line, ErrorKind::EmptyPoint);
            }
            options.push(item.text);
        }
        if !(MIN_OPTIONS..=MAX_OPTIONS).contains(&options.len()) {
            self.error(
                line,
                ErrorKind::DrillOptions {
                    count: options.len(),
                },
            );
        }
        if right.len() != 1 {
            self.error(line, ErrorKind::RightOptions { count: right.len() });
        }
        if let Some(drill) = self.drill.as_mut() {
            drill.answer = Some(DrillAnswer::Choice {
                options,
                right: right.first().copied().unwrap_or(0),
            });
        }
    }

    /// The drill being read, for a part that needs one; reports `marker` out of place
    /// otherwise.
    fn open_drill(&mut self, line: u32, marker: &str) -> Option<&mut DraftDrill> {
        if self.drill.is_none() {
            self.error(
                line,
                ErrorKind::DrillPartOutsideDrill {
                    marker: marker.to_string(),
                },
            );
        }
        self.drill.as_mut()
    }

    fn out_of_order(&mut self, line: u32, what: &str) {
        self.error(line, ErrorKind::DrillOutOfOrder { what: what.into() });
    }

    /// Ends the drill being read: checked whole, then kept by its comparison.
    pub(super) fn finish_drill(&mut self) {
        let Some(drill) = self.drill.take() else {
            return;
        };
        let mut ok = !drill.question.is_empty();
        if drill.answer.is_none() {
            let missing = "answer: a list of options with one `[x]`, or an `Answer:` line";
            self.error(
                drill.line,
                ErrorKind::DrillIncomplete {
                    missing: missing.into(),
                },
            );
            ok = false;
        }
        match &drill.why {
            None => {
                let missing = "`Why:` line explaining its answer, with the page that states it";
                self.error(
                    drill.line,
                    ErrorKind::DrillIncomplete {
                        missing: missing.into(),
                    },
                );
                ok = false;
            }
            Some(why) if why.text.is_empty() => {
                let missing = "explanation after `Why:`";
                self.error(
                    drill.line,
                    ErrorKind::DrillIncomplete {
                        missing: missing.into(),
                    },
                );
                ok = false;
            }
            Some(_) => {}
        }
        let key = drill.key();
        let Some(comparison) = self.comparison.as_mut() else {
            return;
        };
        if let Some(&(_, first_line)) = comparison.drill_keys.iter().find(|(k, _)| *k == key) {
            let line = drill.line;
            self.error(line, ErrorKind::DuplicateDrill { first_line });
            return;
        }
        comparison.drill_keys.push((key, drill.line));
        if let (true, Some(answer), Some(why)) = (ok, drill.answer, drill.why) {
            comparison.drills.push(Drill {
                question: drill.question,
                setup: drill.setup,
                answer,
                why,
            });
        }
    }
}
