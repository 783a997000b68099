//! The match game: a board of side names and descriptions (one point of that side) to pair
//! up against the clock. Boards put confusable pairs together on purpose: both sides of
//! each comparison, comparisons from one phase. No description on a board fits two names
//! on it: names are unique on a board, and only points that belong to one side alone (see
//! [`super::cards::point_cards`]) are used.

use std::collections::BTreeSet;

use super::cards::{point_cards, Card, Face, Scope};
use super::deck::{fold, name_words, Comparison, Deck, Library, Phase, Which};
use super::fsrs::Grade;
use super::rng::Rng;

/// A penalty for a wrong pair, in milliseconds.
pub const PENALTY_MS: i64 = 1_000;
/// A pair cleared within this long after the previous event counts as quick.
pub const QUICK_MS: i64 = 8_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TileKind {
    Name,
    Description,
}

/// One pair on the board: a side's name and one of its points.
#[derive(Clone, Debug, PartialEq)]
pub struct Pair {
    pub comparison: &'static Comparison,
    pub side: Which,
    /// The point card this pair's description comes from (graded when the pair clears).
    pub card_id: String,
    pub description: String,
}

impl Pair {
    pub fn name(&self) -> &str {
        &self.comparison.side(self.side).name
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tile {
    pub kind: TileKind,
    pub pair: usize,
}

/// What a pick did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    Selected,
    Deselected,
    Matched {
        pair: usize,
    },
    /// Wrong: `name` and `description` are pair indices.
    Mismatched {
        name: usize,
        description: usize,
    },
    Ignored,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Board {
    pub pairs: Vec<Pair>,
    pub tiles: Vec<Tile>,
    pub selected: Option<usize>,
    pub cleared: Vec<bool>,
    /// Pairs whose description or name was part of a wrong pick.
    pub missed: Vec<bool>,
    pub mistakes: u32,
    pub started_ms: Option<i64>,
    pub finished_ms: Option<i64>,
    last_event_ms: i64,
    /// Per pair, how its card should be graded once cleared.
    pub grades: Vec<Option<Grade>>,
}

/// The fewest pairs a board holds where its scope's deck has them: a board of two is one
/// pair and a free one.
pub const MIN_PAIRS: usize = 4;

/// How large a board is, and how long its descriptions may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Size {
    pub pairs: usize,
    /// A description is a point of at most this many characters where its side has one
    /// (else the side's shortest): a phone's tiles are small.
    pub max_chars: usize,
}

impl Size {
    /// A phone: 6 pairs in 2 columns, each description at most 3 short lines.
    pub const PHONE: Size = Size {
        pairs: 6,
        max_chars: 64,
    };
    /// A wide screen: 8 pairs in 4 columns.
    pub const WIDE: Size = Size {
        pairs: 8,
        max_chars: 140,
    };
}

impl Board {
    /// A board of up to `size.pairs` pairs from `scope`, built from `seed`. Comparisons
    /// come in deck order from a random start, so a board holds one phase and its
    /// neighbours. A scope too small for [`MIN_PAIRS`] is topped up with the comparisons
    /// that follow it in its deck.
    pub fn new(library: &Library<'static>, scope: &Scope, size: Size, seed: u64) -> Board {
        let mut rng = Rng::new(seed);
        let eligible: Vec<_> = scope.comparisons(library).collect();
        let mut chosen: Vec<Pair> = Vec::new();
        let mut names: BTreeSet<String> = BTreeSet::new();
        // The words of the names on the board: two comparisons whose names share a word
        // ("Volume", "Named Volume") could each claim the other's description.
        let mut name_words_on_board: BTreeSet<String> = BTreeSet::new();
        // Adds both sides of a comparison, or nothing. `strict`: only where each side has
        // a description within `size.max_chars`.
        let mut add =
            |(deck, phase, comparison): (&'static Deck, &'static Phase, &'static Comparison),
             strict: bool,
             rng: &mut Rng,
             chosen: &mut Vec<Pair>| {
                let cards = point_cards(deck, phase, comparison);
                let sides = [Which::Left, Which::Right].map(|which| {
                    let options: Vec<(&Card, String)> = cards
                        .iter()
                        .filter_map(|c| match c.face {
                            Face::Point { side, point } if side == which => {
                                Some((c, point.text().plain()))
                            }
                            _ => None,
                        })
                        .collect();
                    let shortest = options.iter().map(|(_, t)| t.chars().count()).min();
                    (which, options, shortest.unwrap_or(usize::MAX))
                });
                let limit = |shortest: usize| size.max_chars.max(shortest);
                if sides
                    .iter()
                    .any(|(_, o, shortest)| o.is_empty() || (strict && *shortest > size.max_chars))
                {
                    return;
                }
                // No name twice on a board.
                let keys = sides
                    .each_ref()
                    .map(|(w, ..)| fold(&comparison.side(*w).name));
                let words: BTreeSet<String> = sides
                    .iter()
                    .flat_map(|(w, ..)| name_words(&comparison.side(*w).name))
                    .collect();
                if keys[0] == keys[1]
                    || keys.iter().any(|k| names.contains(k))
                    || !words.is_disjoint(&name_words_on_board)
                {
                    return;
                }
                for (which, options, shortest) in sides {
                    let fits: Vec<_> = options
                        .iter()
                        .filter(|(_, t)| t.chars().count() <= limit(shortest))
                        .collect();
                    let (card, description) = fits[rng.below(fits.len())];
                    chosen.push(Pair {
                        comparison,
                        side: which,
                        card_id: card.id.clone(),
                        description: description.clone(),
                    });
                }
                names.extend(keys);
                name_words_on_board.extend(words);
            };
        let n = eligible.len();
        let first = if n == 0 { 0 } else { rng.below(n) };
        // First the comparisons whose descriptions fit the tiles, then any.
        for strict in [true, false] {
            for k in 0..n {
                if chosen.len() + 2 > size.pairs {
                    break;
                }
                add(eligible[(first + k) % n], strict, &mut rng, &mut chosen);
            }
        }
        // Too few: the comparisons after the scope's last in its deck, then from the top.
        if chosen.len() < MIN_PAIRS.min(size.pairs) {
            if let Some((deck, _, last)) = eligible.last().copied() {
                let all: Vec<_> = deck
                    .phases
                    .iter()
                    .flat_map(|p| p.comparisons.iter().map(move |c| (deck, p, c)))
                    .collect();
                let at = all
                    .iter()
                    .position(|(_, _, c)| c.id == last.id)
                    .unwrap_or(0);
                for k in 1..all.len() {
                    if chosen.len() >= MIN_PAIRS.min(size.pairs) {
                        break;
                    }
                    let next = all[(at + k) % all.len()];
                    if !eligible.iter().any(|(_, _, c)| c.id == next.2.id) {
                        add(next, false, &mut rng, &mut chosen);
                    }
                }
            }
        }
        let mut tiles: Vec<Tile> = (0..chosen.len())
            .flat_map(|pair| {
                [
                    Tile {
                        kind: TileKind::Name,
                        pair,
                    },
                    Tile {
                        kind: TileKind::Description,
                        pair,
                    },
                ]
            })
            .collect();
        rng.shuffle(&mut tiles);
        let count = chosen.len();
        Board {
            pairs: chosen,
            tiles,
            selected: None,
            cleared: vec![false; count],
            missed: vec![false; count],
            mistakes: 0,
            started_ms: None,
            finished_ms: None,
            last_event_ms: 0,
            grades: vec![None; count],
        }
    }

    pub fn is_done(&self) -> bool {
        self.finished_ms.is_some()
    }

    pub fn is_cleared(&self, tile: usize) -> bool {
        self.cleared[self.tiles[tile].pair]
    }

    /// Picks a tile at `now_ms`. The first pick starts the clock.
    pub fn pick(&mut self, tile: usize, now_ms: i64) -> Pick {
        if self.is_done() || tile >= self.tiles.len() || self.is_cleared(tile) {
            return Pick::Ignored;
        }
        if self.started_ms.is_none() {
            self.started_ms = Some(now_ms);
            self.last_event_ms = now_ms;
        }
        let Some(first) = self.selected else {
            self.selected = Some(tile);
            return Pick::Selected;
        };
        if first == tile {
            self.selected = None;
            return Pick::Deselected;
        }
        let (a, b) = (&self.tiles[first], &self.tiles[tile]);
        if a.kind == b.kind {
            // Two names (or two descriptions): the newer pick replaces the older.
            self.selected = Some(tile);
            return Pick::Selected;
        }
        self.selected = None;
        let (name, description) = if a.kind == TileKind::Name {
            (a.pair, b.pair)
        } else {
            (b.pair, a.pair)
        };
        if name == description {
            self.cleared[name] = true;
            let quick = now_ms - self.last_event_ms <= QUICK_MS;
            self.grades[name] = Some(if self.missed[name] {
                Grade::Again
            } else if quick {
                Grade::Good
            } else {
                Grade::Hard
            });
            self.last_event_ms = now_ms;
            if self.cleared.iter().all(|&c| c) {
                self.finished_ms = Some(now_ms);
            }
            Pick::Matched { pair: name }
        } else {
            self.mistakes += 1;
            self.missed[description] = true;
            self.missed[name] = true;
            self.last_event_ms = now_ms;
            Pick::Mismatched { name, description }
        }
    }

    /// Time on the clock in milliseconds, penalties included.
    pub fn elapsed_ms(&self, now_ms: i64) -> i64 {
        let Some(start) = self.started_ms else {
            return 0;
        };
        let end = self.finished_ms.unwrap_or(now_ms);
        (end - start).max(0) + i64::from(self.mistakes) * PENALTY_MS
    }

    /// Tenths of a second, as the timer shows and records keep.
    pub fn tenths(&self, now_ms: i64) -> u32 {
        (self.elapsed_ms(now_ms) / 100) as u32
    }
}

/// "12.3 s" from tenths.
pub fn format_tenths(tenths: u32) -> String {
    format!("{}.{} s", tenths / 10, tenths % 10)
}

/// The deck that every scope meant before there were several.
pub const LEGACY_DECK: &str = "docker";

/// The records key of a scope.
pub fn scope_key(scope: &Scope) -> String {
    use super::cards::Selection;
    match &scope.selection {
        // Records from before decks (`all`, `phase-N`) were of the Docker deck: its keys
        // stay as they were, so those records still count.
        Selection::Deck(id) if id == LEGACY_DECK => "all".into(),
        Selection::Phase(id, n) if id == LEGACY_DECK => format!("phase-{n}"),
        Selection::All => "every".into(),
        Selection::Deck(id) => format!("deck:{id}"),
        Selection::Phase(id, n) => format!("phase:{id}:{n}"),
        Selection::Only(ids) | Selection::Studied(ids) => {
            format!("only:{}", ids.iter().cloned().collect::<Vec<_>>().join(","))
        }
    }
}

/// A records key (`<scope key>:<size>`) in words, e.g. "Phase 3 of Docker in Depth, 8".
pub fn describe_key(key: &str, library: &Library) -> String {
    let (scope, size) = key.rsplit_once(':').unwrap_or((key, ""));
    let title = |id: &str| {
        library
            .deck(id)
            .map_or_else(|| id.to_string(), |d| d.title.clone())
    };
    let phase = |id: &str, n: &str| format!("Phase {n} of {}", title(id));
    let scope = if scope == "every" {
        "Every deck".to_string()
    } else if scope == "all" {
        title(LEGACY_DECK)
    } else if let Some(n) = scope.strip_prefix("phase-") {
        phase(LEGACY_DECK, n)
    } else if let Some(id) = scope.strip_prefix("deck:") {
        title(id)
    } else if let Some((id, n)) = scope
        .strip_prefix("phase:")
        .and_then(|r| r.rsplit_once(':'))
    {
        phase(id, n)
    } else {
        "Chosen comparisons".to_string()
    };
    if size.is_empty() {
        scope
    } else {
        format!("{scope}, {size}")
    }
}

/// `text` cut to at most `max` characters at a word's end, with "…" where it was cut:
/// the visible feedback names a description in a line, not a paragraph.
pub fn clipped(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    // Whole words only: the cut ends one where the next character is a space.
    let at_word_end = text.chars().nth(max).is_some_and(char::is_whitespace);
    let head = match cut.rsplit_once(' ') {
        Some((head, _)) if !at_word_end => head,
        _ => cut.as_str(),
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::cards::Selection;

    use crate::domain::deck::test_library;

    #[test]
    fn records_keys_keep_their_old_meaning_and_read_as_words() {
        let library = test_library();
        let key = |selection| {
            scope_key(&Scope {
                selection,
                ..Scope::default()
            })
        };
        // Before decks, "all" and "phase-N" were the Docker deck's.
        assert_eq!(key(Selection::Deck("docker".into())), "all");
        assert_eq!(key(Selection::Phase("docker".into(), 2)), "phase-2");
        assert_eq!(key(Selection::All), "every");
        assert_eq!(
            key(Selection::Deck("docker-in-depth".into())),
            "deck:docker-in-depth"
        );
        assert_eq!(
            key(Selection::Phase("docker-in-depth".into(), 3)),
            "phase:docker-in-depth:3"
        );
        let docker = &library.decks[0].title;
        let depth = &library.decks[1].title;
        assert_eq!(describe_key("all:8", &library), format!("{docker}, 8"));
        assert_eq!(
            describe_key("phase-2:6", &library),
            format!("Phase 2 of {docker}, 6")
        );
        assert_eq!(describe_key("every:10", &library), "Every deck, 10");
        assert_eq!(
            describe_key("deck:docker-in-depth:20", &library),
            format!("{depth}, 20")
        );
        assert_eq!(
            describe_key("phase:docker-in-depth:3:10", &library),
            format!("Phase 3 of {depth}, 10")
        );
        assert_eq!(
            describe_key("only:a-vs-b:8", &library),
            "Chosen comparisons, 8"
        );
    }

    #[test]
    fn no_two_comparisons_on_a_board_have_names_that_share_a_word() {
        for seed in 0..300 {
            let b = Board::new(&test_library(), &Scope::default(), Size::WIDE, seed);
            for p in &b.pairs {
                for q in &b.pairs {
                    if p.comparison.id != q.comparison.id {
                        assert!(
                            name_words(p.name()).is_disjoint(&name_words(q.name())),
                            "seed {seed}: {} and {}",
                            p.name(),
                            q.name()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn boards_hold_both_sides_of_each_comparison_and_no_name_twice() {
        for seed in 0..200 {
            for size in [Size::PHONE, Size::WIDE] {
                let pairs = size.pairs;
                let b = Board::new(&test_library(), &Scope::default(), size, seed);
                assert_eq!(b.pairs.len(), pairs, "seed {seed}");
                assert_eq!(b.tiles.len(), pairs * 2);
                let names: BTreeSet<String> = b.pairs.iter().map(|p| fold(p.name())).collect();
                assert_eq!(names.len(), pairs, "seed {seed}: a name twice");
                for p in &b.pairs {
                    let both = b
                        .pairs
                        .iter()
                        .filter(|q| q.comparison.id == p.comparison.id)
                        .count();
                    assert_eq!(both, 2, "seed {seed}: one side of {}", p.comparison.id);
                }
            }
        }
    }

    #[test]
    fn no_description_fits_two_names_on_a_board() {
        for seed in 0..300 {
            let b = Board::new(&test_library(), &Scope::default(), Size::WIDE, seed);
            for p in &b.pairs {
                let desc = fold(&p.description);
                for q in &b.pairs {
                    let side = q.comparison.side(q.side);
                    let fits = side
                        .points
                        .iter()
                        .any(|pt| fold(&pt.text().plain()) == desc);
                    let same = q.comparison.id == p.comparison.id && q.side == p.side;
                    assert_eq!(
                        fits,
                        same,
                        "seed {seed}: `{}` fits {}",
                        p.description,
                        q.name()
                    );
                }
            }
        }
    }

    #[test]
    fn same_seed_same_board() {
        assert_eq!(
            Board::new(&test_library(), &Scope::default(), Size::PHONE, 9),
            Board::new(&test_library(), &Scope::default(), Size::PHONE, 9)
        );
        assert_ne!(
            Board::new(&test_library(), &Scope::default(), Size::PHONE, 9).tiles,
            Board::new(&test_library(), &Scope::default(), Size::PHONE, 10).tiles
        );
    }

    #[test]
    fn a_small_scope_gives_a_smaller_board_topped_up_to_four_pairs() {
        let scope = Scope {
            selection: Selection::Phase("docker".into(), 2),
            ..Scope::default()
        };
        // Phase 2 has four comparisons with eight distinct names.
        let b = Board::new(&test_library(), &scope, Size::WIDE, 1);
        assert_eq!(b.pairs.len(), 8);
        // Phase 1 names "Container" in both of its comparisons: one fits on a board, and
        // the comparisons after it in the deck (phase 2) make up the rest.
        let phase1 = Scope {
            selection: Selection::Phase("docker".into(), 1),
            ..Scope::default()
        };
        let library = test_library();
        let (_, phase2, _) = library.find("cmd-vs-entrypoint").unwrap();
        assert_eq!(phase2.number, 2);
        for seed in 0..20 {
            let b = Board::new(&library, &phase1, Size::WIDE, seed);
            assert_eq!(b.pairs.len(), MIN_PAIRS, "seed {seed}");
            let ids: BTreeSet<&str> = b.pairs.iter().map(|p| p.comparison.id.as_str()).collect();
            assert_eq!(ids.len(), 2);
            let in_phase = |n: u32| {
                ids.iter()
                    .filter(|id| library.find(id).unwrap().1.number == n)
                    .count()
            };
            assert_eq!((in_phase(1), in_phase(2)), (1, 1), "seed {seed}: {ids:?}");
        }
    }

    #[test]
    fn a_phone_board_takes_short_descriptions_where_a_side_has_them() {
        let library = test_library();
        for seed in 0..200 {
            let b = Board::new(&library, &Scope::default(), Size::PHONE, seed);
            for p in &b.pairs {
                let len = p.description.chars().count();
                let (deck, phase, comparison) = library.find(&p.comparison.id).unwrap();
                let shortest = point_cards(deck, phase, comparison)
                    .iter()
                    .filter(|c| matches!(c.face, Face::Point { side, .. } if side == p.side))
                    .map(|c| c.prompt().chars().count())
                    .min()
                    .unwrap();
                assert!(
                    len <= Size::PHONE.max_chars.max(shortest),
                    "seed {seed}: {len} characters: {}",
                    p.description
                );
            }
        }
        // From a scope this large a phone's board holds only descriptions that fit.
        for seed in 0..200 {
            let b = Board::new(&library, &Scope::default(), Size::PHONE, seed);
            assert_eq!(b.pairs.len(), Size::PHONE.pairs);
            let longest = b.pairs.iter().map(|p| p.description.chars().count()).max();
            assert!(longest <= Some(Size::PHONE.max_chars), "seed {seed}");
        }
        // A wide board may show the longer ones.
        let longest = (0..200)
            .flat_map(|seed| Board::new(&library, &Scope::default(), Size::WIDE, seed).pairs)
            .map(|p| p.description.chars().count())
            .max()
            .unwrap();
        assert!(longest > Size::PHONE.max_chars, "{longest}");
    }

    #[test]
    fn a_long_description_is_clipped_at_a_word() {
        assert_eq!(
            clipped("Open, subject to rate limits.", 36),
            "Open, subject to rate limits."
        );
        assert_eq!(
            clipped(
                "Copies files from the build context (not straight from the host)",
                36
            ),
            "Copies files from the build context…"
        );
        assert_eq!(
            clipped("Keeps images slim, and builds fast", 18),
            "Keeps images slim…"
        );
    }

    fn tile(b: &Board, kind: TileKind, pair: usize) -> usize {
        b.tiles
            .iter()
            .position(|t| t.kind == kind && t.pair == pair)
            .unwrap()
    }

    #[test]
    fn solving_a_board_with_a_mistake_and_the_clock() {
        let mut b = Board::new(&test_library(), &Scope::default(), Size::PHONE, 3);
        let t0 = 1_000_000;
        assert_eq!(b.elapsed_ms(t0), 0);
        // A wrong pair: +1 s, and both pairs will be graded Again.
        assert_eq!(b.pick(tile(&b, TileKind::Name, 0), t0), Pick::Selected);
        assert_eq!(
            b.pick(tile(&b, TileKind::Description, 1), t0 + 500),
            Pick::Mismatched {
                name: 0,
                description: 1
            }
        );
        assert_eq!(b.elapsed_ms(t0 + 500), 1_500);
        // Deselect, then same-kind picks move the selection.
        let n2 = tile(&b, TileKind::Name, 2);
        assert_eq!(b.pick(n2, t0 + 600), Pick::Selected);
        assert_eq!(b.pick(n2, t0 + 700), Pick::Deselected);
        let mut now = t0 + 1_000;
        for pair in 0..6 {
            b.pick(tile(&b, TileKind::Description, pair), now);
            let late = if pair == 5 { QUICK_MS + 1 } else { 1_000 };
            now += late;
            assert_eq!(
                b.pick(tile(&b, TileKind::Name, pair), now),
                Pick::Matched { pair }
            );
        }
        assert!(b.is_done());
        assert_eq!(b.pick(0, now + 1), Pick::Ignored);
        assert_eq!(b.elapsed_ms(now + 99_999), now - t0 + PENALTY_MS);
        assert_eq!(b.grades[0], Some(Grade::Again));
        assert_eq!(b.grades[1], Some(Grade::Again));
        assert_eq!(b.grades[2], Some(Grade::Good));
        assert_eq!(b.grades[5], Some(Grade::Hard), "slow");
        assert_eq!(
            format_tenths(b.tenths(now)),
            format!(
                "{}.{} s",
                (now - t0 + 1000) / 1000,
                ((now - t0 + 1000) / 100) % 10
            )
        );
    }
}
