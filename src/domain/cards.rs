//! Flashcards made from the deck, each with a stable id that progress is keyed on.
//!
//! - a *pair card* asks for the whole difference: "CMD vs ENTRYPOINT — what is the
//!   difference?" (id `pair:cmd-vs-entrypoint`);
//! - a *point card* shows one point and asks which side it belongs to (id
//!   `point:cmd-vs-entrypoint:l:<hash of the point's words>`). Points marked `{both}`, and
//!   points whose text stands on both sides, never become point cards. A point card asks
//!   the accurate statement ([`Point::text`]: the correction, where there is one); its id
//!   hashes the words as written, so a correction added later keeps the card's progress.
//!
//! - a *drill card* is one of a comparison's "what does Docker do?" drills (id
//!   `drill:cmd-vs-entrypoint:<hash of its question and setup>`);
//! - an *explain card* asks to explain a whole comparison in one's own words, then grade
//!   the answer against its points (id `explain:cmd-vs-entrypoint`).
//!
//! Comparison ids are unique across decks, so card ids need no deck.

use std::collections::BTreeSet;

use super::deck::{fold, Comparison, Deck, Drill, Library, Phase, Point, Side, Which};

/// What a card asks.
#[derive(Clone, Debug, PartialEq)]
pub enum Face<'a> {
    Pair,
    Point { side: Which, point: &'a Point },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Card<'a> {
    pub id: String,
    pub deck: &'a Deck,
    pub phase: &'a Phase,
    pub comparison: &'a Comparison,
    pub face: Face<'a>,
}

impl Card<'_> {
    /// The question, as text.
    pub fn prompt(&self) -> String {
        match &self.face {
            Face::Pair => format!("{} — what is the difference?", self.comparison.title()),
            Face::Point { point, .. } => point.text().plain(),
        }
    }

    /// The answer of a point card: the side's name; of a pair card: the title.
    pub fn answer(&self) -> String {
        match &self.face {
            Face::Pair => self.comparison.title(),
            Face::Point { side, .. } => self.comparison.side(*side).name.clone(),
        }
    }

    pub fn is_pair(&self) -> bool {
        matches!(self.face, Face::Pair)
    }
}

/// Which comparisons to study.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub enum Selection {
    /// Every deck.
    #[default]
    All,
    /// One deck, by id.
    Deck(String),
    /// One phase of a deck: (deck id, phase number).
    Phase(String, u32),
    Only(BTreeSet<String>),
    /// The comparisons the learner has studied (the games' default, once there are some).
    Studied(BTreeSet<String>),
}

/// A study scope: which comparisons, which kinds of card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub selection: Selection,
    pub pairs: bool,
    pub points: bool,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            selection: Selection::All,
            pairs: true,
            points: true,
        }
    }
}

impl Selection {
    /// As a form value (`all`, `deck:<id>`, `phase:<id>:<n>`, `pick`, `studied`): the
    /// scope chooser's.
    pub fn value(&self) -> String {
        match self {
            Selection::All => "all".to_string(),
            Selection::Deck(id) => format!("deck:{id}"),
            Selection::Phase(id, n) => format!("phase:{id}:{n}"),
            Selection::Only(_) => "pick".to_string(),
            Selection::Studied(_) => "studied".to_string(),
        }
    }

    /// The selection a form value names; `pick` starts with no comparison chosen,
    /// `studied` with none studied (the chooser knows which were), and anything unknown is
    /// every deck.
    pub fn from_value(value: &str) -> Selection {
        if let Some(id) = value.strip_prefix("deck:") {
            return Selection::Deck(id.to_string());
        }
        if let Some((id, n)) = value
            .strip_prefix("phase:")
            .and_then(|rest| rest.rsplit_once(':'))
        {
            if let Ok(n) = n.parse() {
                return Selection::Phase(id.to_string(), n);
            }
        }
        match value {
            "pick" => Selection::Only(BTreeSet::new()),
            "studied" => Selection::Studied(BTreeSet::new()),
            _ => Selection::All,
        }
    }
}

impl Scope {
    pub fn includes(&self, deck: &Deck, phase: &Phase, comparison: &Comparison) -> bool {
        match &self.selection {
            Selection::All => true,
            Selection::Deck(id) => deck.id == *id,
            Selection::Phase(id, n) => deck.id == *id && phase.number == *n,
            Selection::Only(ids) | Selection::Studied(ids) => ids.contains(&comparison.id),
        }
    }

    /// The scope's comparisons in `library`, with their deck and phase, in library order.
    pub fn comparisons<'a, 'l>(
        &'l self,
        library: &'l Library<'a>,
    ) -> impl Iterator<Item = (&'a Deck, &'a Phase, &'a Comparison)> + 'l {
        library
            .phases()
            .flat_map(|(d, p)| p.comparisons.iter().map(move |c| (d, p, c)))
            .filter(move |(d, p, c)| self.includes(d, p, c))
    }
}

/// The id of a comparison's pair card.
pub fn pair_id(comparison_id: &str) -> String {
    format!("pair:{comparison_id}")
}

/// The comparison id inside any card id (`pair:x-vs-y`, `point:x-vs-y:l:…`,
/// `drill:x-vs-y:…`, `explain:x-vs-y`).
pub fn comparison_of(card_id: &str) -> Option<&str> {
    let rest = card_id
        .strip_prefix("pair:")
        .or_else(|| card_id.strip_prefix("point:"))
        .or_else(|| card_id.strip_prefix(DRILL_PREFIX))
        .or_else(|| card_id.strip_prefix(EXPLAIN_PREFIX))?;
    Some(rest.split(':').next().unwrap_or(rest))
}

const DRILL_PREFIX: &str = "drill:";
const EXPLAIN_PREFIX: &str = "explain:";

/// What kind of card an id names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CardKind {
    Pair,
    Point,
    Drill,
    Explain,
}

impl CardKind {
    pub fn of(card_id: &str) -> Option<CardKind> {
        let (prefix, _) = card_id.split_once(':')?;
        Some(match prefix {
            "pair" => CardKind::Pair,
            "point" => CardKind::Point,
            "drill" => CardKind::Drill,
            "explain" => CardKind::Explain,
            _ => return None,
        })
    }
}

/// A card the scheduler keeps a state for: anything with a stable id, in a deck (daily
/// limits of new cards are per deck).
pub trait Scheduled {
    fn card_id(&self) -> &str;
    fn deck_id(&self) -> &str;
}

impl<T: Scheduled> Scheduled for &T {
    fn card_id(&self) -> &str {
        (*self).card_id()
    }
    fn deck_id(&self) -> &str {
        (*self).deck_id()
    }
}

impl Scheduled for Card<'_> {
    fn card_id(&self) -> &str {
        &self.id
    }
    fn deck_id(&self) -> &str {
        &self.deck.id
    }
}

/// One of a comparison's drills, as a card.
#[derive(Clone, Debug, PartialEq)]
pub struct DrillCard<'a> {
    pub id: String,
    pub deck: &'a Deck,
    pub phase: &'a Phase,
    pub comparison: &'a Comparison,
    pub drill: &'a Drill,
}

impl Scheduled for DrillCard<'_> {
    fn card_id(&self) -> &str {
        &self.id
    }
    fn deck_id(&self) -> &str {
        &self.deck.id
    }
}

/// A comparison to explain, as a card.
#[derive(Clone, Debug, PartialEq)]
pub struct ExplainCard<'a> {
    pub id: String,
    pub deck: &'a Deck,
    pub phase: &'a Phase,
    pub comparison: &'a Comparison,
}

impl Scheduled for ExplainCard<'_> {
    fn card_id(&self) -> &str {
        &self.id
    }
    fn deck_id(&self) -> &str {
        &self.deck.id
    }
}

/// A drill's card id: its comparison, and a hash of its question and setup as written (so
/// rewording its explanation or options keeps its progress).
pub fn drill_id(comparison_id: &str, drill: &Drill) -> String {
    let setup = drill.setup.as_ref().map_or("", |s| s.code.as_str());
    let key = format!("{}\n{setup}", fold(&drill.question.plain()));
    format!("{DRILL_PREFIX}{comparison_id}:{:08x}", fnv1a(&key))
}

/// The explain card's id of a comparison.
pub fn explain_id(comparison_id: &str) -> String {
    format!("{EXPLAIN_PREFIX}{comparison_id}")
}

/// Every drill of the comparisons in `scope`, in library order.
pub fn drill_cards<'a>(library: &Library<'a>, scope: &Scope) -> Vec<DrillCard<'a>> {
    scope
        .comparisons(library)
        .flat_map(|(deck, phase, comparison)| {
            comparison.drills.iter().map(move |drill| DrillCard {
                id: drill_id(&comparison.id, drill),
                deck,
                phase,
                comparison,
                drill,
            })
        })
        .collect()
}

/// An explain card for every comparison in `scope`, in library order.
pub fn explain_cards<'a>(library: &Library<'a>, scope: &Scope) -> Vec<ExplainCard<'a>> {
    scope
        .comparisons(library)
        .map(|(deck, phase, comparison)| ExplainCard {
            id: explain_id(&comparison.id),
            deck,
            phase,
            comparison,
        })
        .collect()
}

/// Every card of the library in `scope`, in library order: each comparison's pair card,
/// then its point cards, left side first.
pub fn cards<'a>(library: &Library<'a>, scope: &Scope) -> Vec<Card<'a>> {
    let mut out = Vec::new();
    for (deck, phase, comparison) in scope.comparisons(library) {
        if scope.pairs {
            out.push(Card {
                id: pair_id(&comparison.id),
                deck,
                phase,
                comparison,
                face: Face::Pair,
            });
        }
        if scope.points {
            out.extend(point_cards(deck, phase, comparison));
        }
    }
    out
}

/// The points of `comparison` that can be asked as "which side?", as cards.
pub fn point_cards<'a>(
    deck: &'a Deck,
    phase: &'a Phase,
    comparison: &'a Comparison,
) -> Vec<Card<'a>> {
    // Each point's words folded once (flashcards make every deck's cards when they open).
    let folded = |side: &Side| -> Vec<String> {
        side.points
            .iter()
            .map(|p| fold(&p.text().plain()))
            .collect()
    };
    let left = folded(&comparison.left);
    let right = folded(&comparison.right);
    let on_left: BTreeSet<&str> = left.iter().map(String::as_str).collect();
    let on_right: BTreeSet<&str> = right.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    for which in [Which::Left, Which::Right] {
        let (asked, other) = if which == Which::Left {
            (&left, &on_right)
        } else {
            (&right, &on_left)
        };
        for (point, asked) in comparison.side(which).points.iter().zip(asked) {
            if point.both || other.contains(asked.as_str()) || asked.is_empty() {
                continue;
            }
            // The id hashes the content's own words, so a correction keeps the card.
            let said = match point.correction {
                None => fnv1a(asked),
                Some(_) => fnv1a(&fold(&point.said.plain())),
            };
            out.push(Card {
                id: format!("point:{}:{}:{said:08x}", comparison.id, which.code()),
                deck,
                phase,
                comparison,
                face: Face::Point { side: which, point },
            });
        }
    }
    out
}

/// 32-bit FNV-1a: a tiny, stable hash (std's hashers may change between Rust releases).
pub(crate) fn fnv1a(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deck::{Rich, Span};

    fn point(text: &str, both: bool) -> Point {
        Point {
            said: Rich(vec![Span::Text(text.into())]),
            correction: None,
            both,
        }
    }

    fn side(name: &str, points: Vec<Point>) -> Side {
        Side {
            name: name.into(),
            emoji: String::new(),
            label: name.into(),
            points,
        }
    }

    fn deck() -> Deck {
        Deck {
            id: "d".into(),
            title: "D".into(),
            emoji: String::new(),
            phases: vec![
                Phase {
                    number: 1,
                    title: "A".into(),
                    emoji: String::new(),
                    comparisons: vec![Comparison {
                        id: "down-vs-down-v".into(),
                        left: side(
                            "down",
                            vec![
                                point("Stops containers.", true),
                                point("Volumes persist.", false),
                            ],
                        ),
                        right: side(
                            "down -v",
                            vec![
                                point("Also nukes volumes.", false),
                                point("Volumes persist!", false),
                            ],
                        ),
                        extras: vec![],
                        notes: vec![],
                        sources: vec![],
                        drills: Default::default(),
                    }],
                },
                Phase {
                    number: 2,
                    title: "B".into(),
                    emoji: String::new(),
                    comparisons: vec![Comparison {
                        id: "cmd-vs-entrypoint".into(),
                        left: side("CMD", vec![point("Default args.", false)]),
                        right: side("ENTRYPOINT", vec![point("Main process.", false)]),
                        extras: vec![],
                        notes: vec![],
                        sources: vec![],
                        drills: Default::default(),
                    }],
                },
            ],
        }
    }

    #[test]
    fn points_true_of_both_sides_are_not_point_cards() {
        let deck = deck();
        let ids: Vec<String> = cards(&Library::new(vec![&deck]), &Scope::default())
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert_eq!(ids.len(), 5, "{ids:?}");
        assert_eq!(ids[0], "pair:down-vs-down-v");
        // "Stops containers." is marked {both}; "Volumes persist." stands on both sides.
        let c = &deck.phases[0].comparisons[0];
        let asked: Vec<String> = point_cards(&deck, &deck.phases[0], c)
            .iter()
            .map(Card::prompt)
            .collect();
        assert_eq!(asked, ["Also nukes volumes."]);
    }

    #[test]
    fn ids_are_stable_and_ignore_punctuation_and_case() {
        let deck = deck();
        let ids: Vec<String> = cards(&Library::new(vec![&deck]), &Scope::default())
            .into_iter()
            .map(|c| c.id)
            .collect();
        assert!(ids.contains(&format!(
            "point:cmd-vs-entrypoint:l:{:08x}",
            fnv1a("default args")
        )));
        assert_eq!(fold("Default  ARGS."), "default args");
        // Pinned: changing the hash would orphan every user's point-card progress.
        assert_eq!(fnv1a("default args"), 0x1fe5_6bfb);
    }

    #[test]
    fn scope_selects_phases_comparisons_and_kinds() {
        let deck = deck();
        let phase2 = Scope {
            selection: Selection::Phase("d".into(), 2),
            ..Scope::default()
        };
        assert_eq!(cards(&Library::new(vec![&deck]), &phase2).len(), 3);
        let only = Scope {
            selection: Selection::Only(["down-vs-down-v".to_string()].into()),
            pairs: false,
            points: true,
        };
        let c = cards(&Library::new(vec![&deck]), &only);
        assert_eq!(c.len(), 1);
        assert!(matches!(
            c[0].face,
            Face::Point {
                side: Which::Right,
                ..
            }
        ));
        assert_eq!(c[0].answer(), "down -v");
        let pairs = Scope {
            points: false,
            ..Scope::default()
        };
        assert!(cards(&Library::new(vec![&deck]), &pairs)
            .iter()
            .all(Card::is_pair));
    }

    #[test]
    fn a_correction_is_asked_and_keeps_the_card_id() {
        let mut deck = deck();
        let before: Vec<String> = cards(&Library::new(vec![&deck]), &Scope::default())
            .into_iter()
            .map(|c| c.id)
            .collect();
        let right = &mut deck.phases[1].comparisons[0].right.points[0];
        right.correction = Some(crate::domain::deck::Note {
            text: Rich(vec![Span::Text("Sets the executable.".into())]),
            sources: vec![],
        });
        let after = cards(&Library::new(vec![&deck]), &Scope::default());
        let ids: Vec<String> = after.iter().map(|c| c.id.clone()).collect();
        assert_eq!(before, ids);
        let prompts: Vec<String> = after.iter().map(Card::prompt).collect();
        assert!(prompts.contains(&"Sets the executable.".to_string()));
        assert!(!prompts.contains(&"Main process.".to_string()));
    }

    #[test]
    fn scope_selects_decks() {
        let a = deck();
        let mut b = deck();
        b.id = "e".into();
        for p in &mut b.phases {
            for c in &mut p.comparisons {
                c.id = format!("e-{}", c.id);
            }
        }
        let library = Library::new(vec![&a, &b]);
        let all = cards(&library, &Scope::default()).len();
        let one = Scope {
            selection: Selection::Deck("e".into()),
            ..Scope::default()
        };
        assert_eq!(cards(&library, &one).len() * 2, all);
        assert!(cards(&library, &one).iter().all(|c| c.deck.id == "e"));
        let phase = Scope {
            selection: Selection::Phase("e".into(), 2),
            ..Scope::default()
        };
        assert_eq!(cards(&library, &phase).len(), 3);
        assert!(cards(&library, &phase).iter().all(|c| c.deck.id == "e"));
    }

    #[test]
    fn selections_round_trip_through_form_values() {
        for s in [
            Selection::All,
            Selection::Deck("docker-in-depth".into()),
            Selection::Phase("docker".into(), 3),
            Selection::Only(BTreeSet::new()),
        ] {
            assert_eq!(Selection::from_value(&s.value()), s);
        }
        assert_eq!(Selection::from_value("phase:docker:x"), Selection::All);
    }

    #[test]
    fn card_ids_name_their_comparison() {
        assert_eq!(
            comparison_of("pair:cmd-vs-entrypoint"),
            Some("cmd-vs-entrypoint")
        );
        assert_eq!(
            comparison_of("point:v-vs-mount:l:0a1b2c3d"),
            Some("v-vs-mount")
        );
        assert_eq!(comparison_of("other"), None);
    }
}
