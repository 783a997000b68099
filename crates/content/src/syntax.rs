//! The deck format's rules that reading and writing share (markers, titles, emoji), and
//! the writer: [`Deck`] -> Markdown that the parser ([`crate::parse`]) reads back as
//! the same deck.
//!
//! Pure `std`, so the app can export a deck without the parser. The writer uses the
//! nested shape (points under their side header), escapes every character Markdown could
//! read as syntax, and puts links only where the format allows them (`Sources:`, notes,
//! corrections). Any deck the parser returns is written so that it parses back the same
//! (`tests/parse_props.rs` checks this on generated decks).

use serde::{Deserialize, Serialize};

use crate::deck::{Comparison, Deck, Drill, DrillAnswer, Group, Note, Rich, Side, Source, Span};

/// A fault in a deck read in the browser: its line and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fault {
    pub line: u32,
    pub message: String,
}

/// What the deck reader answers: the deck, or its faults (postcard between the reader's
/// module and the app).
pub type Reading = Result<Deck, Vec<Fault>>;

/// Marks a point that is true of both sides: `- Stops containers. {both}`.
pub const BOTH_MARKER: &str = "{both}";
/// Starts a correction under a point: `  > **Correction:** …`.
pub const CORRECTION: &str = "Correction:";
/// Starts a comparison's list of sources: `Sources: [title](https://…), …`.
pub const SOURCES: &str = "Sources:";
/// Starts a drill, with its question: `Drill: What runs with …?`.
pub const DRILL: &str = "Drill:";
/// A drill's exact answer, where it has no options: `Answer: \`ping -c 3 example.com\``.
pub const ANSWER: &str = "Answer:";
/// A drill's explanation, ending in its sources: `Why: … [title](https://…)`.
pub const WHY: &str = "Why:";
/// The most options a drill may have, and the fewest.
pub const MAX_OPTIONS: usize = 5;
pub const MIN_OPTIONS: usize = 2;
/// The longest setup, in lines: it must read on a phone.
pub const MAX_SETUP_LINES: usize = 40;

/// The deck as Markdown, in the nested shape.
pub fn to_markdown(deck: &Deck) -> String {
    let mut out = String::new();
    out.push_str("# ");
    if !deck.emoji.is_empty() {
        out.push_str(&deck.emoji);
        out.push(' ');
    }
    out.push_str(&escape(&deck.title, true));
    out.push('\n');
    for phase in &deck.phases {
        out.push_str("\n## ");
        if !phase.emoji.is_empty() {
            out.push_str(&phase.emoji);
            out.push(' ');
        }
        out.push_str(&format!(
            "Phase {} – {}\n",
            phase.number,
            escape(&phase.title, false)
        ));
        for comparison in &phase.comparisons {
            out.push('\n');
            write_comparison(&mut out, comparison);
        }
    }
    out
}

fn write_comparison(out: &mut String, c: &Comparison) {
    let name = |side: &Side| {
        let mut s = escape(&side.name, false);
        if !side.emoji.is_empty() {
            s.push(' ');
            s.push_str(&side.emoji);
        }
        s
    };
    // The parser splits a title at the first `🆚`, else at the first ` vs `: use the
    // separator that splits this one where it belongs.
    let plain = |side: &Side| format!("{} {}", side.name, side.emoji);
    let separator = if split_title(&format!("{} vs {}", plain(&c.left), plain(&c.right)))
        .is_some_and(|(l, _)| split_emoji_suffix(l).0 == c.left.name)
    {
        "vs"
    } else {
        "🆚"
    };
    // The title's first character is escaped as a line start: `-v vs --mount` is no list.
    let title = format!("{} {separator} {}", name(&c.left), name(&c.right));
    out.push_str(&line_start(&title));
    out.push_str("\n\n");
    for side in c.sides() {
        out.push_str(&format!("- {}:\n", escape(&side.label, true)));
        for point in &side.points {
            out.push_str("  - ");
            out.push_str(&rich(&point.said, true));
            if point.both {
                out.push(' ');
                out.push_str(BOTH_MARKER);
            }
            out.push('\n');
            if let Some(correction) = &point.correction {
                out.push_str("    > **");
                out.push_str(CORRECTION);
                out.push_str("** ");
                write_note_body(out, correction);
                out.push('\n');
            }
        }
    }
    for Group { title, points } in &c.extras {
        out.push_str(&format!("- {}:\n", escape(title, true)));
        for point in points {
            out.push_str(&format!("  - {}\n", rich(point, true)));
        }
    }
    if !c.sources.is_empty() {
        out.push('\n');
        out.push_str(SOURCES);
        out.push(' ');
        let links: Vec<String> = c.sources.iter().map(link).collect();
        out.push_str(&links.join(", "));
        out.push('\n');
    }
    for note in &c.notes {
        out.push_str("\n> ");
        out.push_str(&line_start(&rich(&note.text, false)));
        if !note.sources.is_empty() {
            out.push(' ');
            let links: Vec<String> = note.sources.iter().map(link).collect();
            out.push_str(&links.join(" "));
        }
        out.push('\n');
    }
    for drill in &c.drills {
        write_drill(out, drill);
    }
}

/// A drill: its question, its setup in a fenced block, its options or exact answer, and
/// `Why:` with its sources.
fn write_drill(out: &mut String, drill: &Drill) {
    out.push('\n');
    out.push_str(DRILL);
    out.push(' ');
    out.push_str(&rich(&drill.question, false));
    out.push('\n');
    if let Some(setup) = &drill.setup {
        // A fence longer than any run of backticks in the code.
        let longest = setup
            .code
            .split(|c| c != '`')
            .map(str::len)
            .max()
            .unwrap_or(0);
        let fence = "`".repeat((longest + 1).max(3));
        out.push_str(&format!("\n{fence}{}\n", setup.lang));
        if !setup.code.is_empty() {
            out.push_str(&setup.code);
            out.push('\n');
        }
        out.push_str(&fence);
        out.push('\n');
    }
    out.push('\n');
    match &drill.answer {
        DrillAnswer::Choice { options, right } => {
            for (i, option) in options.iter().enumerate() {
                let mark = if i == *right { "x" } else { " " };
                out.push_str(&format!("- [{mark}] {}\n", rich(option, false)));
            }
        }
        DrillAnswer::Exact(answer) => {
            out.push_str(ANSWER);
            out.push(' ');
            out.push_str(&code(answer));
            out.push('\n');
        }
    }
    out.push('\n');
    out.push_str(WHY);
    out.push(' ');
    write_note_body(out, &drill.why);
    out.push('\n');
}

fn write_note_body(out: &mut String, note: &Note) {
    out.push_str(&rich(&note.text, false));
    for source in &note.sources {
        out.push(' ');
        out.push_str(&link(source));
    }
}

/// `[title](url)`. The destination is written in angle brackets (any parentheses in it
/// are then plain), with `&` escaped where it would start a character reference.
fn link(source: &Source) -> String {
    let mut url = String::with_capacity(source.url.len() + 2);
    let bytes = source.url.as_bytes();
    for (i, ch) in source.url.char_indices() {
        if ch == '&' && starts_reference(&bytes[i..]) {
            url.push('\\');
        }
        url.push(ch);
    }
    format!("[{}](<{url}>)", escape(&source.title, false))
}

/// Whether `s` (starting at `&`) reads as an entity or numeric character reference.
fn starts_reference(s: &[u8]) -> bool {
    let body = &s[1..];
    let end = body.iter().position(|&b| b == b';');
    end.is_some_and(|n| {
        n > 0
            && body[..n]
                .iter()
                .enumerate()
                .all(|(i, &b)| b.is_ascii_alphanumeric() || (i == 0 && b == b'#'))
    })
}

/// Keeps two runs apart where their delimiters would otherwise touch and read as one
/// (`*a***b**`, `` `a``b` ``): an empty comment, which the parser skips.
const APART: &str = "<!-- -->";

/// Rich text as inline Markdown. `item` marks text that starts a list item's line.
fn rich(text: &Rich, item: bool) -> String {
    let mut out = String::new();
    for (i, span) in text.0.iter().enumerate() {
        let first = i == 0 && item;
        if let Some(before) = i.checked_sub(1).map(|j| &text.0[j]) {
            let styled = |s: &Span| matches!(s, Span::Strong(_) | Span::Emphasis(_));
            let touching = (styled(before) && styled(span))
                || (matches!(before, Span::Code(_)) && matches!(span, Span::Code(_)));
            if touching {
                out.push_str(APART);
            }
        }
        match span {
            Span::Text(s) => out.push_str(&escape(s, first)),
            Span::Strong(s) => out.push_str(&format!("**{}**", escape(s, false))),
            Span::Emphasis(s) => out.push_str(&format!("*{}*", escape(s, false))),
            Span::Code(s) => out.push_str(&code(s)),
        }
    }
    out
}

/// A code span: a fence longer than any run of backticks inside, padded where the content
/// starts or ends with a backtick or would lose a space.
fn code(s: &str) -> String {
    let longest = s.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = s.starts_with('`')
        || s.ends_with('`')
        || (s.starts_with(' ') && s.ends_with(' ') && !s.trim().is_empty());
    if pad {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// Characters Markdown may read as inline syntax (or, in a heading, as its closing `#`).
fn is_inline_syntax(c: char) -> bool {
    matches!(
        c,
        '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '!' | '#' | '|' | '~'
    )
}

/// Plain text with its syntax characters escaped. `line_start`: the text begins a line
/// (or a list item), where `-`, `+`, `=` and `1.` would start a block.
fn escape(s: &str, line_start: bool) -> String {
    let mut out = String::with_capacity(s.len() + 4);
    for c in s.chars() {
        if is_inline_syntax(c) {
            out.push('\\');
        }
        out.push(c);
    }
    if line_start {
        self::line_start(&out)
    } else {
        out
    }
}

/// `out` with its first character escaped if, at the start of a line, it would open a
/// block: a list item (`-`, `+`, `1.`, `1)`), a heading (`#`), a quote (`>`), a rule.
fn line_start(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c @ ('-' | '+' | '=')) => format!("\\{c}{}", chars.as_str()),
        Some(c) if c.is_ascii_digit() => {
            let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            let rest = &s[digits..];
            match rest.chars().next() {
                Some(m @ ('.' | ')')) => format!("{}\\{m}{}", &s[..digits], &rest[1..]),
                _ => s.to_string(),
            }
        }
        _ => s.to_string(),
    }
}

/// Splits a comparison title at `🆚` or at the word `vs`.
pub fn split_title(text: &str) -> Option<(&str, &str)> {
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
pub fn split_emoji_suffix(s: &str) -> (String, String) {
    let s = s.trim();
    let name = s.trim_end_matches(|c: char| is_emoji_char(c) || c.is_whitespace());
    (name.to_string(), s[name.len()..].trim().to_string())
}

/// `🐳 Docker Interview` -> (`🐳`, `Docker Interview`).
pub fn split_emoji_prefix(s: &str) -> (String, String) {
    let s = s.trim();
    let rest = s.trim_start_matches(|c: char| is_emoji_char(c) || c.is_whitespace());
    (
        s[..s.len() - rest.len()].trim().to_string(),
        rest.to_string(),
    )
}
