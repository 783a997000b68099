//! Search as you type over the deck: names, labels, points, extra groups, notes and the
//! phase title. Every word of the query must match; case and punctuation are forgiven
//! (`docker-compose` finds "Docker Compose", `depends on` finds `depends_on`).

use super::deck::{Comparison, Library, Note, Phase, Rich};

/// The deck's text, lower-cased and folded once, so each keystroke only scans strings.
#[derive(Clone, Debug)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

#[derive(Clone, Debug)]
struct Entry {
    id: String,
    lower: String,
    folded: String,
}

impl SearchIndex {
    pub fn new(library: &Library) -> Self {
        let entries = library
            .phases()
            .flat_map(|(_, p)| p.comparisons.iter().map(move |c| (p, c)))
            .map(|(p, c)| {
                let text = haystack(p, c);
                Entry {
                    id: c.id.clone(),
                    folded: fold(&text),
                    lower: text.to_ascii_lowercase(),
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// Ids of the comparisons that match `query`, in library order. An empty query matches
    /// all.
    pub fn matching<'a>(&'a self, query: &str) -> impl Iterator<Item = &'a str> + 'a {
        let terms: Vec<(String, String)> = query
            .split_whitespace()
            .map(|t| (t.to_ascii_lowercase(), fold(t)))
            .collect();
        self.entries
            .iter()
            .filter(move |e| {
                terms.iter().all(|(lower, folded)| {
                    e.lower.contains(lower.as_str())
                        // Folding drops punctuation; a one-letter leftover (`-v` -> `v`)
                        // would match nearly everything, so it must match as typed.
                        || (folded.chars().filter(|c| is_word(*c)).count() >= 2
                            && e.folded.contains(folded.as_str()))
                })
            })
            .map(|e| e.id.as_str())
    }
}

fn haystack(phase: &Phase, c: &Comparison) -> String {
    let mut parts: Vec<String> = vec![phase.title.clone()];
    for side in c.sides() {
        parts.push(side.name.clone());
        parts.push(side.label.clone());
        for point in &side.points {
            parts.push(point.said.plain());
            parts.extend(point.correction.iter().map(|c| c.text.plain()));
        }
    }
    for group in &c.extras {
        parts.push(group.title.clone());
        parts.extend(group.points.iter().map(Rich::plain));
    }
    parts.extend(c.notes.iter().map(|n: &Note| n.text.plain()));
    parts.join("\n")
}

/// Whether `c` belongs to a word: an ASCII letter or digit, or any other character but
/// the punctuation, symbols, arrows and emoji that decks write. Unicode's tables of letters
/// and digits would cost the first download kilobytes, for English decks.
fn is_word(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || !(c.is_ascii()
            || matches!(
                c,
                '\u{80}'..='\u{BF}'
                    | '\u{D7}'
                    | '\u{F7}'
                    | '\u{2000}'..='\u{2BFF}'
                    | '\u{3000}'..='\u{303F}'
                    | '\u{FE00}'..='\u{FE0F}'
                    | '\u{FEFF}'
                    | '\u{1F000}'..='\u{1FAFF}'
            ))
}

/// Lower-case letters and digits; every other run of characters becomes one space.
fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    // ASCII case folding: the deck is English, and Unicode case tables would cost the
    // wasm kilobytes.
    for ch in s.chars().map(|c| c.to_ascii_lowercase()) {
        if is_word(ch) {
            out.push(ch);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_letters_beyond_ascii_and_drops_what_decks_use_as_punctuation() {
        assert_eq!(
            fold("Café “Déjà-vu” → naïve — ok…"),
            "café déjà vu naïve ok"
        );
        assert_eq!(fold("Emoji 🐳 and ✅ gone ×2"), "emoji and gone 2");
        // Every letter and digit Unicode knows in the decks' text is still a word.
        for c in ('\u{0}'..='\u{FFFF}').filter(|c| c.is_alphanumeric()) {
            if !matches!(c, '\u{80}'..='\u{BF}' | '\u{2000}'..='\u{2BFF}' | '\u{3000}'..='\u{303F}')
            {
                assert!(is_word(c), "{c:?}");
            }
        }
    }
    use crate::domain::deck::{Deck, Point, Side, Span};

    fn side(name: &str, points: &[&str]) -> Side {
        Side {
            name: name.into(),
            emoji: String::new(),
            label: name.into(),
            points: points
                .iter()
                .map(|p| Point {
                    said: Rich(vec![Span::Text((*p).into())]),
                    correction: None,
                    both: false,
                })
                .collect(),
        }
    }

    fn deck() -> Deck {
        let comparison = |l: Side, r: Side| Comparison {
            id: crate::domain::deck::comparison_id(&l.name, &r.name),
            left: l,
            right: r,
            extras: vec![],
            notes: vec![],
            sources: vec![],
            drills: Default::default(),
        };
        Deck {
            id: "d".into(),
            title: "D".into(),
            emoji: String::new(),
            phases: vec![
                Phase {
                    number: 3,
                    title: "Volumes".into(),
                    emoji: String::new(),
                    comparisons: vec![
                        comparison(
                            side("-v", &["Old shorthand."]),
                            side("--mount", &["Explicit."]),
                        ),
                        comparison(
                            side("Bind Mount", &["Host path."]),
                            side("Named Volume", &["Portable."]),
                        ),
                    ],
                },
                Phase {
                    number: 4,
                    title: "Networking".into(),
                    emoji: String::new(),
                    comparisons: vec![
                        comparison(
                            side("depends_on", &["Startup order."]),
                            side("healthcheck", &["Readiness."]),
                        ),
                        comparison(
                            side("docker run", &["One container."]),
                            side("Docker Compose", &["YAML."]),
                        ),
                    ],
                },
            ],
        }
    }

    fn ids(q: &str) -> Vec<String> {
        SearchIndex::new(&Library::new(vec![&deck()]))
            .matching(q)
            .map(String::from)
            .collect()
    }

    #[test]
    fn empty_query_matches_everything_in_order() {
        assert_eq!(
            ids("  "),
            [
                "v-vs-mount",
                "bind-mount-vs-named-volume",
                "depends-on-vs-healthcheck",
                "docker-run-vs-docker-compose"
            ]
        );
    }

    #[test]
    fn matches_names_points_and_phase_case_insensitively() {
        assert_eq!(ids("PORTABLE"), ["bind-mount-vs-named-volume"]);
        assert_eq!(
            ids("networking"),
            ["depends-on-vs-healthcheck", "docker-run-vs-docker-compose"]
        );
        assert_eq!(ids("mount"), ["v-vs-mount", "bind-mount-vs-named-volume"]);
    }

    #[test]
    fn every_word_must_match() {
        assert_eq!(ids("mount host"), ["bind-mount-vs-named-volume"]);
        assert!(ids("mount yaml").is_empty());
    }

    #[test]
    fn punctuation_is_forgiven_but_short_flags_match_as_typed() {
        assert_eq!(ids("depends on"), ["depends-on-vs-healthcheck"]);
        assert_eq!(ids("docker-compose"), ["docker-run-vs-docker-compose"]);
        assert_eq!(ids("-v"), ["v-vs-mount"]);
        assert!(ids("zzz").is_empty());
    }
}
