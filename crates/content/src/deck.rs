//! The deck as the app knows it: phases of "A vs B" comparisons, each side a list of points.
//!
//! Plain data, no I/O, `serde` and `std` only. [`crate::parse`] builds it from Markdown
//! (at build time, and in the browser's deck reader); the app reads it back from the
//! postcard files `build.rs` writes, and its domain re-exports it (`domain::deck`).

use serde::{Deserialize, Serialize};

/// One deck: what the Browse screen shows at a time, and what study modes draw from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deck {
    /// Stable id, the content file's name without `.md` (`docker`, `docker-in-depth`).
    pub id: String,
    /// The document title, e.g. "Docker Interview Differences (Phase 1 → Phase 6)".
    pub title: String,
    /// Decorative emoji shown before the title (may be empty).
    pub emoji: String,
    pub phases: Vec<Phase>,
}

/// One section of the deck, e.g. "Phase 3 – Volumes & Persistence".
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phase {
    pub number: u32,
    pub title: String,
    pub emoji: String,
    pub comparisons: Vec<Comparison>,
}

/// One "A vs B" comparison: the unit of study.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Comparison {
    /// Stable id derived from the two names only (e.g. `cmd-vs-entrypoint`), so editing a
    /// point's wording never changes it. Progress and links are keyed on it.
    pub id: String,
    pub left: Side,
    pub right: Side,
    /// Groups that are neither side, such as "Best practice".
    pub extras: Vec<Group>,
    /// Update notes added where a fact of the source has gone stale.
    pub notes: Vec<Note>,
    /// The pages that back the comparison's points (`Sources:` in the content).
    pub sources: Vec<Source>,
    /// "What does Docker do?" questions on this comparison, each with its answer and the
    /// pages that state it. (Default: stored decks from before drills have none.)
    #[serde(default)]
    pub drills: Drills,
}

/// A comparison's drills: a list ([`Deref`](std::ops::Deref) to `Vec<Drill>`).
///
/// In a compact file (postcard: the bundled decks the app fetches, the deck reader's
/// answers) they travel as one run of bytes and are read on first use. The app's first
/// screen lists comparisons but never their drills, so the code that reads a drill is
/// not in its first download, only in the screens that show them. In a readable format
/// (JSON: stored decks, backups) they are a plain list.
#[derive(Default)]
pub struct Drills {
    /// The compact form, as it came.
    raw: Vec<u8>,
    read: std::sync::OnceLock<Vec<Drill>>,
}

impl Drills {
    pub fn new(list: Vec<Drill>) -> Drills {
        Drills {
            raw: Vec::new(),
            read: std::sync::OnceLock::from(list),
        }
    }

    fn list(&self) -> &Vec<Drill> {
        // A compact form that does not read (never one this build wrote) is no drills.
        self.read
            .get_or_init(|| postcard::from_bytes(&self.raw).unwrap_or_default())
    }
}

impl From<Vec<Drill>> for Drills {
    fn from(list: Vec<Drill>) -> Drills {
        Drills::new(list)
    }
}

impl std::ops::Deref for Drills {
    type Target = Vec<Drill>;
    fn deref(&self) -> &Vec<Drill> {
        self.list()
    }
}

impl std::ops::DerefMut for Drills {
    fn deref_mut(&mut self) -> &mut Vec<Drill> {
        self.list();
        self.raw.clear();
        self.read.get_mut().expect("read just above")
    }
}

impl<'a> IntoIterator for &'a Drills {
    type Item = &'a Drill;
    type IntoIter = std::slice::Iter<'a, Drill>;
    fn into_iter(self) -> Self::IntoIter {
        self.list().iter()
    }
}

impl Clone for Drills {
    fn clone(&self) -> Drills {
        Drills::new(self.list().clone())
    }
}

impl PartialEq for Drills {
    fn eq(&self, other: &Drills) -> bool {
        self.list() == other.list()
    }
}

impl Eq for Drills {}

impl std::fmt::Debug for Drills {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.list().fmt(f)
    }
}

impl Serialize for Drills {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            return self.list().serialize(serializer);
        }
        let bytes = postcard::to_allocvec(self.list()).map_err(serde::ser::Error::custom)?;
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de> Deserialize<'de> for Drills {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Drills, D::Error> {
        if deserializer.is_human_readable() {
            return Vec::<Drill>::deserialize(deserializer).map(Drills::new);
        }
        struct Bytes;
        impl serde::de::Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a deck's drills, as bytes")
            }
            fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                Ok(v.to_vec())
            }
            fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
                Ok(v)
            }
        }
        let raw = deserializer.deserialize_byte_buf(Bytes)?;
        Ok(Drills {
            raw,
            read: std::sync::OnceLock::new(),
        })
    }
}

/// A drill: a short setup (a Dockerfile, a compose file, commands), a question about what
/// happens, its answer, and why, with the pages that say so.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Drill {
    pub question: Rich,
    pub setup: Option<Setup>,
    pub answer: DrillAnswer,
    /// The explanation, and its sources (at least one).
    pub why: Note,
}

/// A drill's setup: code in a language the highlighter knows (or plain text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    /// The fenced block's language as written (`dockerfile`, `yaml`, `sh`, …); may be empty.
    pub lang: String,
    pub code: String,
}

/// How a drill is answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DrillAnswer {
    /// One of 2 to 5 options; `right` is the index of the one that is.
    Choice { options: Vec<Rich>, right: usize },
    /// A short exact answer, such as the command line that runs.
    Exact(String),
}

impl Drill {
    /// The answer as text: the right option, or the exact answer.
    pub fn answer_text(&self) -> String {
        match &self.answer {
            DrillAnswer::Choice { options, right } => {
                options.get(*right).map(Rich::plain).unwrap_or_default()
            }
            DrillAnswer::Exact(text) => text.clone(),
        }
    }
}

/// An update note or a correction: what it says, and the pages that settle it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    pub text: Rich,
    pub sources: Vec<Source>,
}

/// A cited page: always an `https` URL (checked when the content is read).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: String,
}

/// One side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Side {
    /// The name as the title gives it ("Public Registry").
    pub name: String,
    pub emoji: String,
    /// The side's header as written in the list ("Public (Docker Hub)"); often the name.
    pub label: String,
    pub points: Vec<Point>,
}

/// One point of a side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Point {
    /// The words as the content has them (for the Docker deck: the seed's). Shown on
    /// Browse; never asked when there is a correction. Point-card ids hash these words,
    /// so adding a correction keeps a card's progress.
    pub said: Rich,
    /// The accurate statement, where `said` is wrong or misleading (with its sources).
    pub correction: Option<Note>,
    /// True when the point is also true of the other side (marked `{both}` in the content):
    /// it is shown, but never asked as "which side is this?".
    pub both: bool,
}

impl Point {
    /// What study modes ask and show: the correction where there is one, else the words.
    pub fn text(&self) -> &Rich {
        self.correction.as_ref().map_or(&self.said, |c| &c.text)
    }
}

/// A titled group of points that belongs to neither side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    pub title: String,
    pub points: Vec<Rich>,
}

/// Inline rich text: what a point or a note says.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Rich(pub Vec<Span>);

/// A run of inline text with one style.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Span {
    #[serde(rename = "t")]
    Text(String),
    #[serde(rename = "c")]
    Code(String),
    #[serde(rename = "b")]
    Strong(String),
    #[serde(rename = "i")]
    Emphasis(String),
}

impl Span {
    pub fn text(&self) -> &str {
        match self {
            Span::Text(s) | Span::Code(s) | Span::Strong(s) | Span::Emphasis(s) => s,
        }
    }
}

impl Rich {
    /// The text without its styling, e.g. for search and for screen-reader labels.
    pub fn plain(&self) -> String {
        self.0.iter().map(Span::text).collect()
    }

    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|s| s.text().trim().is_empty())
    }
}

/// Which side of a comparison.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Which {
    Left,
    Right,
}

impl Which {
    pub fn other(self) -> Which {
        match self {
            Which::Left => Which::Right,
            Which::Right => Which::Left,
        }
    }

    /// The side in a card id: `l` or `r`.
    pub fn code(self) -> char {
        match self {
            Which::Left => 'l',
            Which::Right => 'r',
        }
    }
}

impl Comparison {
    /// One side of the comparison.
    pub fn side(&self, which: Which) -> &Side {
        match which {
            Which::Left => &self.left,
            Which::Right => &self.right,
        }
    }

    /// "CMD vs ENTRYPOINT".
    pub fn title(&self) -> String {
        format!("{} vs {}", self.left.name, self.right.name)
    }

    /// Both sides, left first.
    pub fn sides(&self) -> [&Side; 2] {
        [&self.left, &self.right]
    }
}

impl Deck {
    /// "Phase 3 – Volumes & Persistence".
    pub fn phase_label(phase: &Phase) -> String {
        format!("Phase {} – {}", phase.number, phase.title)
    }

    pub fn comparisons(&self) -> impl Iterator<Item = &Comparison> {
        self.phases.iter().flat_map(|p| p.comparisons.iter())
    }

    /// Every source the deck cites: its comparisons', their notes' and corrections'.
    pub fn sources(&self) -> impl Iterator<Item = &Source> {
        self.comparisons().flat_map(|c| {
            let corrections = c
                .sides()
                .into_iter()
                .flat_map(|s| s.points.iter().filter_map(|p| p.correction.as_ref()));
            c.sources.iter().chain(
                c.notes
                    .iter()
                    .chain(corrections)
                    .flat_map(|n| n.sources.iter()),
            )
        })
    }

    /// The comparison with this id, with the phase that holds it.
    pub fn find(&self, id: &str) -> Option<(&Phase, &Comparison)> {
        self.phases
            .iter()
            .find_map(|p| p.comparisons.iter().find(|c| c.id == id).map(|c| (p, c)))
    }

    /// The comparisons before and after `id` in deck order, for previous/next links.
    pub fn neighbours(&self, id: &str) -> (Option<&Comparison>, Option<&Comparison>) {
        let all: Vec<&Comparison> = self.comparisons().collect();
        match all.iter().position(|c| c.id == id) {
            Some(i) => (i.checked_sub(1).map(|j| all[j]), all.get(i + 1).copied()),
            None => (None, None),
        }
    }
}

/// Every deck the app holds, in order: the bundled decks first. Comparison ids are unique
/// across them (the build fails on a clash), so a comparison's id (and a card's) names it
/// without its deck.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Library<'a> {
    pub decks: Vec<&'a Deck>,
}

impl<'a> Library<'a> {
    pub fn new(decks: Vec<&'a Deck>) -> Self {
        Library { decks }
    }

    pub fn deck(&self, id: &str) -> Option<&'a Deck> {
        self.decks.iter().copied().find(|d| d.id == id)
    }

    /// Every phase, with its deck, in library order.
    pub fn phases(&self) -> impl Iterator<Item = (&'a Deck, &'a Phase)> + '_ {
        self.decks
            .iter()
            .flat_map(|d| d.phases.iter().map(move |p| (*d, p)))
    }

    pub fn comparisons(&self) -> impl Iterator<Item = &'a Comparison> + '_ {
        self.decks.iter().flat_map(|d| d.comparisons())
    }

    /// The comparison with this id, with its deck and phase.
    pub fn find(&self, id: &str) -> Option<(&'a Deck, &'a Phase, &'a Comparison)> {
        self.decks
            .iter()
            .find_map(|d| d.find(id).map(|(p, c)| (*d, p, c)))
    }
}

/// The id of a comparison: a slug of the two names, e.g. `-v` and `--mount` give `v-vs-mount`.
pub fn comparison_id(left: &str, right: &str) -> String {
    format!("{}-vs-{}", slug(left), slug(right))
}

/// Words of `s`, lower-cased (ASCII) and joined by single spaces, punctuation dropped:
/// "Default  ARGS." and "default args" fold alike. Used to compare texts and names.
pub fn fold(s: &str) -> String {
    // One pass, one allocation: making cards folds every point of every deck. Most texts
    // are ASCII: bytes, without decoding characters or Unicode's tables.
    let mut out = String::with_capacity(s.len());
    let mut gap = false;
    if s.is_ascii() {
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(char::from(b.to_ascii_lowercase()));
            } else {
                gap = true;
            }
        }
        return out;
    }
    for c in s.chars() {
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    out
}

/// The telling words of a side's name, lower-cased: "Named Volume" -> {named, volume}.
/// Words under three letters and ones every name shares ("docker") are left out. Two
/// names that share none cannot be confused for each other.
pub fn name_words(name: &str) -> std::collections::BTreeSet<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 3)
        .map(str::to_ascii_lowercase)
        .filter(|w| !matches!(w.as_str(), "docker" | "the" | "and"))
        .collect()
}

/// Whether `url` is an acceptable source: `https`, a host with a dot, no spaces or quotes.
pub fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-'])
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    host_ok
        && url.chars().all(|c| {
            !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | '"' | '\\' | '`')
        })
}

/// Lower-case ASCII letters and digits, every other run of characters becomes one `-`.
pub fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}
