//! The parser's faults: where ([`ContentError`]: file and 1-based line) and what
//! ([`ErrorKind`]), with the words a deck's author reads. Every message says what is
//! wrong and, where it can, what to write instead.

use std::fmt;

use super::{MAX_BYTES, MAX_COMPARISONS, MAX_DEPTH, MAX_LINE_CHARS};
use crate::syntax::{
    ANSWER, BOTH_MARKER, CORRECTION, DRILL, MAX_OPTIONS, MAX_SETUP_LINES, MIN_OPTIONS, SOURCES, WHY,
};

/// A fault in a content file, located by 1-based line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    pub line: u32,
    pub kind: ErrorKind,
}

/// What is wrong with a deck file, with what the message needs to say it.
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
    DrillOutsideComparison,
    EmptyQuestion,
    DrillPartOutsideDrill {
        marker: String,
    },
    DrillOutOfOrder {
        what: String,
    },
    DrillIncomplete {
        missing: String,
    },
    DrillWithoutSource,
    DrillOptions {
        count: usize,
    },
    RightOptions {
        count: usize,
    },
    OptionWithoutCheckbox,
    CheckboxOutsideDrill,
    CodeOutsideDrill,
    SetupTooLong {
        lines: usize,
    },
    DuplicateDrill {
        first_line: u32,
    },
}

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
                "a link is allowed only in a `{SOURCES}` line, an update note, a correction or a drill's `{WHY}`"
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
            ErrorKind::DrillOutsideComparison => {
                write!(f, "a `{DRILL}` comes before any comparison; a drill follows the comparison it drills")
            }
            ErrorKind::EmptyQuestion => {
                write!(f, "the drill asks nothing: write its question after `{DRILL}`")
            }
            ErrorKind::DrillPartOutsideDrill { marker } => write!(
                f,
                "`{marker}` belongs to a drill, but no `{DRILL}` question comes before it"
            ),
            ErrorKind::DrillOutOfOrder { what } => write!(
                f,
                "{what}: a drill is its `{DRILL}` question, a setup (optional), its options or `{ANSWER}`, then `{WHY}`"
            ),
            ErrorKind::DrillIncomplete { missing } => write!(f, "the drill has no {missing}"),
            ErrorKind::DrillWithoutSource => write!(
                f,
                "`{WHY}` names no source: end it with a link to the page that states the answer, `[title](https://…)`"
            ),
            ErrorKind::DrillOptions { count } => write!(
                f,
                "a drill has {MIN_OPTIONS} to {MAX_OPTIONS} options; this one has {count}"
            ),
            ErrorKind::RightOptions { count } => write!(
                f,
                "exactly one option is the answer, marked `- [x]`; this drill marks {count}"
            ),
            ErrorKind::OptionWithoutCheckbox => write!(
                f,
                "a drill's option starts with `[ ]`, or `[x]` for the right one"
            ),
            ErrorKind::CheckboxOutsideDrill => write!(
                f,
                "a checkbox (`- [ ]`, `- [x]`) marks a drill's option; this list is a comparison's"
            ),
            ErrorKind::CodeOutsideDrill => write!(
                f,
                "a code block is allowed only as a drill's setup, right after its `{DRILL}` question"
            ),
            ErrorKind::SetupTooLong { lines } => write!(
                f,
                "the setup has {lines} lines; a drill's setup may have at most {MAX_SETUP_LINES}"
            ),
            ErrorKind::DuplicateDrill { first_line } => write!(
                f,
                "this drill asks the same as the one at line {first_line}, with the same setup"
            ),
        }
    }
}

impl std::error::Error for ContentError {}

/// `1234567` as `1,234,567`, for messages.
pub(super) fn grouped(n: usize) -> String {
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
