//! The deck parser holds under any input, and what it reads, the writer writes back.
//!
//! - Any bytes, any Markdown-like text, and valid decks with random edits: the parser
//!   returns a deck or faults, never panics, and every fault names a line of the file.
//! - Valid decks, generated in every shape the format allows (flat or nested lists, tight
//!   or loose, `vs` or `🆚`, emoji, styles, `{both}`, corrections, notes, sources):
//!   parse, write back to Markdown (`syntax::to_markdown`), parse again: the
//!   same deck.
//!
//! - A deck shared as a link opens as the same text; cut anywhere, the link is damaged; any
//!   fragment decodes to text or a fault.
//!
//! `make test` runs 256 cases of each. `make fuzz` runs many more (`FUZZ_CASES`, default
//! 100,000 each) in release mode: a longer search, not part of the test run.
#![cfg(not(target_arch = "wasm32"))]

use diffdeck_content::parse::{read_deck, ContentError};
use diffdeck_content::share;
use diffdeck_content::syntax::to_markdown;
use proptest::prelude::*;

fn cases() -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(256)
}

/// Faults name a line of the file (an empty file has line 1).
fn check_lines(bytes: &[u8], errors: &[ContentError]) -> Result<(), TestCaseError> {
    let lines = bytes.split(|&b| b == b'\n' || b == b'\r').count().max(1) as u32;
    prop_assert!(!errors.is_empty());
    for e in errors {
        prop_assert!(
            (1..=lines).contains(&e.line),
            "fault at line {} of {lines}: {e}",
            e.line
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Generated valid decks, as Markdown written in varied shapes.

/// Escapes ASCII punctuation, as an author may (and as CommonMark allows everywhere).
fn esc(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

const EMOJI: &[&str] = &["", "🐳", "📦", "🖼️", "🔐", "❤️", "⏳", "🛠️"];
const PUNCT: &[&str] = &[
    ".", ",", "(", ")", "-", "&", "*", "_", "<", ">", "#", "[", "]", "\\", "!", "'", "\"", "/",
    "=", "+", "~", "|", "{", "}", "%", "→", "é", "“", "”", "&amp;", "1.", "2)", "`",
];

fn word() -> impl Strategy<Value = String> {
    "[A-Za-z][a-z0-9]{0,7}"
}

/// One run of a point's text, written as Markdown (the parser decides what it means).
fn run() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => word(),
        2 => prop::sample::select(PUNCT).prop_map(esc),
        1 => word().prop_map(|w| format!("**{w}**")),
        1 => word().prop_map(|w| format!("*{w}*")),
        1 => (word(), word()).prop_map(|(a, b)| format!("_{a} {b}_")),
        1 => "[a-z ()*_<>#-]{1,8}".prop_map(|c| if c.contains(' ') || c.starts_with(' ') { format!("`{}`", c.trim()) } else { format!("`{c}`") })
            .prop_filter("code has content", |c| c != "``"),
        1 => "[a-z*-]{1,4}".prop_map(|c| format!("``{c}`x``")),
    ]
}

/// A point's text: runs joined by spaces (or not), never read as a side header.
fn text() -> impl Strategy<Value = String> {
    (word(), prop::collection::vec((run(), any::<bool>()), 0..6)).prop_map(|(first, runs)| {
        let mut s = first;
        for (r, spaced) in runs {
            if spaced || s.ends_with('`') || r.starts_with('`') {
                s.push(' ');
            }
            s.push_str(&r);
        }
        // A point ending in `:` is a header; `{both}` is the marker.
        s.push_str(" end");
        s
    })
}

#[derive(Clone, Debug)]
struct GenPoint {
    text: String,
    both: bool,
    correction: Option<(String, usize)>,
}

#[derive(Clone, Debug)]
struct GenComparison {
    left: (String, usize, String),
    right: (String, usize, String),
    points: [Vec<GenPoint>; 2],
    extras: Vec<(String, Vec<String>)>,
    sources: usize,
    notes: Vec<(String, usize)>,
    vs_symbol: bool,
    drills: Vec<GenDrill>,
}

#[derive(Clone, Debug)]
struct GenDrill {
    question: String,
    /// Its language and lines.
    setup: Option<(String, Vec<String>)>,
    /// Options and the right one's index, or an exact answer.
    answer: Result<(Vec<String>, usize), String>,
    why: (String, usize),
    /// `**Drill:**` rather than `Drill:`.
    bold: bool,
}

fn drill() -> impl Strategy<Value = GenDrill> {
    (
        text(),
        prop::option::of((
            prop::sample::select(&["", "dockerfile", "yaml", "sh", "text"][..]),
            prop::collection::vec(
                "[ -~]{0,24}".prop_filter("no fence", |l: &String| !l.contains("````")),
                0..5,
            ),
        )),
        prop_oneof![
            (
                prop::collection::vec(text(), 2..=5),
                any::<prop::sample::Index>()
            )
                .prop_map(|(options, i)| {
                    let right = i.index(options.len());
                    Ok((options, right))
                }),
            "[a-z0-9][a-z0-9 .=-]{0,14}[a-z0-9]".prop_map(Err),
        ],
        (text(), 1..3usize),
        any::<bool>(),
    )
        .prop_map(|(question, setup, answer, why, bold)| GenDrill {
            question,
            setup: setup.map(|(lang, lines)| (lang.to_string(), lines)),
            answer,
            why,
            bold,
        })
}

#[derive(Clone, Debug)]
struct GenDeck {
    emoji: usize,
    title: String,
    phases: Vec<(usize, String, Vec<GenComparison>)>,
    nested: bool,
    loose: bool,
}

fn point() -> impl Strategy<Value = GenPoint> {
    (
        text(),
        prop::bool::weighted(0.2),
        prop::option::weighted(0.3, (text(), 0..3usize)),
    )
        .prop_map(|(text, both, correction)| GenPoint {
            text,
            both,
            correction,
        })
}

/// A side's name: words and some punctuation, never splitting a title.
fn name() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => word(), 1 => prop::sample::select(&["-v", "--rm", "C#", "a/b", "x.y", "(1)", "é"][..]).prop_map(String::from)],
        1..4,
    )
    .prop_map(|w| w.join(" "))
}

fn comparison() -> impl Strategy<Value = GenComparison> {
    (
        (name(), 0..EMOJI.len(), prop::option::of(word())),
        (name(), 0..EMOJI.len(), prop::option::of(word())),
        prop::collection::vec(point(), 1..4),
        prop::collection::vec(point(), 1..4),
        prop::collection::vec((word(), prop::collection::vec(text(), 1..3)), 0..2),
        0..4usize,
        prop::collection::vec((text(), 0..3usize), 0..3),
        any::<bool>(),
        prop::collection::vec(drill(), 0..3),
    )
        .prop_map(
            |(l, r, lp, rp, extras, sources, notes, vs_symbol, drills)| GenComparison {
                left: (l.0.clone(), l.1, l.2.map_or(l.0, |w| format!("{w} side"))),
                right: (r.0.clone(), r.1, r.2.map_or(r.0, |w| format!("{w} side"))),
                points: [lp, rp],
                extras,
                sources,
                notes,
                vs_symbol,
                drills,
            },
        )
}

fn deck() -> impl Strategy<Value = GenDeck> {
    (
        0..EMOJI.len(),
        name(),
        prop::collection::vec(
            (
                0..EMOJI.len(),
                name(),
                prop::collection::vec(comparison(), 1..4),
            ),
            1..4,
        ),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(emoji, title, phases, nested, loose)| GenDeck {
            emoji,
            title,
            phases,
            nested,
            loose,
        })
}

fn links(n: usize, sep: &str) -> String {
    (0..n)
        .map(|i| format!("[Docs {i} (*x*)](https://docs.example.com/p{i}/a_(b)?q=1&amp;r={i})"))
        .collect::<Vec<_>>()
        .join(sep)
}

impl GenDeck {
    fn markdown(&self) -> String {
        let gap = if self.loose { "\n" } else { "" };
        let mut md = format!("# {} {}\n", EMOJI[self.emoji], esc(&self.title));
        for (p, (emoji, title, comparisons)) in self.phases.iter().enumerate() {
            md.push_str(&format!(
                "\n## {} Phase {} – {}\n",
                EMOJI[*emoji],
                p + 1,
                esc(title)
            ));
            for (i, c) in comparisons.iter().enumerate() {
                // Names made unique in the deck, so ids are.
                let left = format!("{} {p}x{i}", c.left.0);
                let right = format!("{} {p}y{i}", c.right.0);
                let sep = if c.vs_symbol { "🆚" } else { "vs" };
                md.push_str(&format!(
                    "\n{} {} {sep} {} {}\n{gap}",
                    esc(&left),
                    EMOJI[c.left.1],
                    esc(&right),
                    EMOJI[c.right.1]
                ));
                let labels = [&c.left.2, &c.right.2];
                for (side, points) in c.points.iter().enumerate() {
                    md.push_str(&format!("- {}:\n{gap}", esc(labels[side])));
                    for pt in points {
                        let indent = if self.nested { "  " } else { "" };
                        let both = if pt.both { " {both}" } else { "" };
                        md.push_str(&format!("{indent}- {}{both}\n{gap}", pt.text));
                        if let Some((text, n)) = &pt.correction {
                            md.push_str(&format!(
                                "{indent}  > **Correction:** {text} {}\n{gap}",
                                links(*n, " ")
                            ));
                        }
                    }
                }
                for (title, points) in &c.extras {
                    md.push_str(&format!("- {}:\n{gap}", esc(title)));
                    for pt in points {
                        let indent = if self.nested { "  " } else { "" };
                        md.push_str(&format!("{indent}- {pt}\n{gap}"));
                    }
                }
                if c.sources > 0 {
                    md.push_str(&format!("\nSources: {}\n", links(c.sources, ", ")));
                }
                for (text, n) in &c.notes {
                    md.push_str(&format!("\n> **Update:** {text} {}\n", links(*n, " ")));
                }
                for (k, d) in c.drills.iter().enumerate() {
                    let marker = if d.bold { "**Drill:**" } else { "Drill:" };
                    // Questions made unique in the comparison, as the format asks.
                    md.push_str(&format!("\n{marker} {} q{k}\n", d.question));
                    if let Some((lang, lines)) = &d.setup {
                        md.push_str(&format!("\n````{lang}\n"));
                        for l in lines {
                            md.push_str(l);
                            md.push('\n');
                        }
                        md.push_str("````\n");
                    }
                    md.push('\n');
                    match &d.answer {
                        Ok((options, right)) => {
                            for (i, o) in options.iter().enumerate() {
                                let mark = if i == *right { 'x' } else { ' ' };
                                md.push_str(&format!("- [{mark}] {o}\n{gap}"));
                            }
                        }
                        Err(exact) => md.push_str(&format!("Answer: `{exact}`\n")),
                    }
                    md.push_str(&format!("\nWhy: {} {}\n", d.why.0, links(d.why.1, " ")));
                }
            }
        }
        md
    }
}

/// Random edits of a text: a syntax token inserted, a range deleted, a line duplicated.
#[derive(Clone, Debug)]
enum Edit {
    Insert(usize, &'static str),
    Delete(usize, usize),
    Repeat(usize),
}

const TOKENS: &[&str] = &[
    "\n",
    "\n\n",
    "- ",
    "  - ",
    "> ",
    "## ",
    "# ",
    "**",
    "*",
    "`",
    "[",
    "](",
    ")",
    ":",
    "{both}",
    "Sources: ",
    "**Correction:** ",
    "🆚",
    " vs ",
    "<!--",
    "-->",
    "<b>",
    "\r",
    "\t",
    "    ",
    "1. ",
    "---",
    "&amp;",
    "\\",
    "\u{feff}",
    "é",
    "[x](http://a.b)",
    "Drill: ",
    "**Drill:** ",
    "Why: ",
    "Answer: ",
    "- [x] ",
    "- [ ] ",
    "```",
    "\n```sh\n",
    "![i](https://a.b/i.png)",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(TOKENS)).prop_map(|(at, t)| Edit::Insert(at, t)),
        (any::<usize>(), 0..40usize).prop_map(|(at, n)| Edit::Delete(at, n)),
        any::<usize>().prop_map(Edit::Repeat),
    ]
}

fn apply(md: &str, edits: &[Edit]) -> String {
    let mut s: Vec<char> = md.chars().collect();
    for e in edits {
        match *e {
            Edit::Insert(at, t) => {
                let at = at % (s.len() + 1);
                s.splice(at..at, t.chars());
            }
            Edit::Delete(at, n) => {
                let at = at % (s.len() + 1);
                let end = (at + n).min(s.len());
                s.drain(at..end);
            }
            Edit::Repeat(at) => {
                let text: String = s.iter().collect();
                let lines: Vec<&str> = text.lines().collect();
                if !lines.is_empty() {
                    let i = at % lines.len();
                    let mut out = lines[..=i].join("\n");
                    out.push('\n');
                    out.push_str(&lines[i..].join("\n"));
                    s = out.chars().collect();
                }
            }
        }
    }
    s.into_iter().collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_give_a_deck_or_faults_with_lines(bytes in prop::collection::vec(any::<u8>(), 0..1500)) {
        if let Err(errors) = read_deck("f.md", &bytes) {
            check_lines(&bytes, &errors)?;
        }
    }

    #[test]
    fn any_markdown_like_text_gives_a_deck_or_faults_with_lines(
        text in "([#>*_`\\[\\]()<>{}:!&;|\\\\-]|[a-z0-9 ]{1,6}|\n|\r\n| vs |🆚|- |  - |> |## Phase [0-9] – |\\*\\*Correction:\\*\\* |Sources: |\\[s\\]\\(https://a\\.b/\\)){0,120}"
    ) {
        if let Err(errors) = read_deck("f.md", text.as_bytes()) {
            check_lines(text.as_bytes(), &errors)?;
        }
    }

    #[test]
    fn edited_decks_give_a_deck_or_faults_with_lines(
        deck in deck(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        let md = apply(&deck.markdown(), &edits);
        match read_deck("f.md", md.as_bytes()) {
            // Whatever it reads, it writes back.
            Ok(d) => {
                let written = to_markdown(&d);
                prop_assert_eq!(read_deck("f.md", written.as_bytes()), Ok(d), "read:\n{}\nwritten:\n{}", md, written);
            }
            Err(errors) => check_lines(md.as_bytes(), &errors)?,
        }
    }

    #[test]
    fn any_fragment_gives_a_deck_text_or_a_link_fault(
        fragment in "(#/add/1\\.)?[A-Za-z0-9_.%#/-]{0,400}",
    ) {
        // Random text is never a deck (zlib's header and Adler-32 checksum would have to
        // hold by chance): it is refused, with a sentence the user can read.
        match share::decode(&fragment) {
            Ok(text) => prop_assert!(false, "{fragment:?} opened as {text:?}"),
            Err(e) => {
                let message = e.to_string();
                prop_assert!(message.len() > 20 && message.ends_with('.'), "{message:?}");
            }
        }
    }

    #[test]
    fn a_changed_link_is_damaged_never_another_deck(
        deck in deck(),
        at in any::<usize>(),
        to in "[A-Za-z0-9_-]",
    ) {
        let md = deck.markdown();
        let link = share::encode(&md).unwrap();
        let start = share::PREFIX.len() + 2;
        let i = start + at % (link.len() - start);
        let mut changed = link.clone();
        changed.replace_range(i..i + 1, &to);
        match share::decode(&changed) {
            // The same character, or one base64 packs into the same bytes: the same deck.
            Ok(text) => prop_assert_eq!(text, md),
            Err(e) => prop_assert_eq!(e, share::LinkError::Damaged),
        }
    }

    #[test]
    fn a_deck_shared_as_a_link_opens_as_the_same_deck(deck in deck(), cut in any::<usize>()) {
        let md = deck.markdown();
        let link = share::encode(&md).unwrap();
        prop_assert_eq!(share::decode(&link), Ok(md));
        // Cut anywhere after the version, it is damaged, never another deck.
        let start = share::PREFIX.len() + 2;
        let end = start + cut % (link.len() - start);
        prop_assert_eq!(share::decode(&link[..end]), Err(share::LinkError::Damaged));
    }

    #[test]
    fn generated_decks_are_read_and_written_back_the_same(deck in deck()) {
        let md = deck.markdown();
        let read = read_deck("f.md", md.as_bytes());
        prop_assert!(read.is_ok(), "{}\n{:?}", md, read.err().map(|e| e.iter().map(ToString::to_string).collect::<Vec<_>>()));
        let read = read.unwrap();
        // Every drill written is read, with its kind of answer.
        let generated: Vec<bool> = deck.phases.iter().flat_map(|p| &p.2).flat_map(|c| &c.drills).map(|d| d.answer.is_ok()).collect();
        let got: Vec<bool> = read.comparisons().flat_map(|c| &c.drills).map(|d| matches!(d.answer, diffdeck_content::deck::DrillAnswer::Choice { .. })).collect();
        prop_assert_eq!(got, generated);
        let written = to_markdown(&read);
        prop_assert_eq!(read_deck("f.md", written.as_bytes()), Ok(read), "written:\n{}", written);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// `fold` (one pass) folds as its definition says: the runs of letters and digits,
    /// ASCII lower-cased, joined by single spaces.
    #[test]
    fn fold_is_the_words_lower_cased_and_joined(s in "[a-zA-Z0-9 .,:()/_\\-éÉßİ日本\u{300}\u{1F433}\t\n]{0,40}") {
        let folded = |s: &str| {
            s.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_ascii_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        };
        // Both ways through it: any text, and the same text's ASCII alone.
        let ascii: String = s.chars().filter(char::is_ascii).collect();
        prop_assert_eq!(diffdeck_content::deck::fold(&s), folded(&s));
        prop_assert_eq!(diffdeck_content::deck::fold(&ascii), folded(&ascii));
    }
}
