//! What to study next: the order of a flashcard session, its counters, and what comes after.
//!
//! Learning cards that are due come first (their steps are minutes long), then reviews due
//! today, then new cards up to each deck's daily limit, a comparison's siblings spread
//! apart; a learning card due within [`LEARN_AHEAD_MS`] is shown early rather than leaving
//! the user waiting.

use std::collections::{BTreeMap, BTreeSet};

use super::cards::{comparison_of, Scheduled};
use super::rng::Rng;
use super::schedule::{CardState, Now, Stage, Wait, MINUTE_MS};

pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;
/// A new card of a comparison studied this recently waits behind the other new cards (as
/// Anki buries siblings): a "which side?" card does not come straight after the
/// difference card whose back showed its answer.
pub const SIBLING_GAP_MS: i64 = 10 * MINUTE_MS;

/// The session counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Learning and relearning cards, due now or in minutes.
    pub learning: usize,
    /// Review cards due today.
    pub review: usize,
    /// New cards that may still be introduced today.
    pub new: usize,
}

impl Counts {
    pub fn due(&self) -> usize {
        self.learning + self.review
    }
}

/// How many new cards may still be introduced today: one number for all the cards (a
/// practice session's), or each deck's own (flashcards: each deck has a daily limit, as in
/// Anki, so a deck added today can be studied today).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewLeft {
    Total(usize),
    PerDeck(BTreeMap<String, usize>),
}

impl From<usize> for NewLeft {
    fn from(n: usize) -> Self {
        NewLeft::Total(n)
    }
}

impl NewLeft {
    /// Of the new cards `new` (indices into `cards`, in order), those allowed today.
    fn allowed<C: Scheduled>(&self, cards: &[C], new: Vec<usize>) -> Vec<usize> {
        match self {
            NewLeft::Total(n) => new.into_iter().take(*n).collect(),
            NewLeft::PerDeck(left) => {
                let mut left = left.clone();
                new.into_iter()
                    .filter(|&i| match left.get_mut(cards[i].deck_id()) {
                        Some(n) if *n > 0 => {
                            *n -= 1;
                            true
                        }
                        _ => false,
                    })
                    .collect()
            }
        }
    }

    /// Nothing new (learning ahead).
    fn none() -> NewLeft {
        NewLeft::Total(0)
    }
}

pub fn counts(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
    new_left: impl Into<NewLeft>,
) -> Counts {
    let mut c = Counts::default();
    let mut new = Vec::new();
    for (i, card) in cards.iter().enumerate() {
        match states.get(card.card_id()).map(|s| Waiting::of(s, now)) {
            None => new.push(i),
            Some(Waiting::Learning) => c.learning += 1,
            Some(Waiting::Review) => c.review += 1,
            Some(Waiting::Not) => {}
        }
    }
    c.new = new_left.into().allowed(cards, new).len();
    c
}

/// Whether a studied card is waiting for the learner now, and as what.
enum Waiting {
    /// Learning or relearning: minutes away at most, they come back in this session.
    Learning,
    /// A review due today.
    Review,
    Not,
}

impl Waiting {
    fn of(state: &CardState, now: Now) -> Waiting {
        match state {
            s if matches!(s.stage, Stage::Learning | Stage::Relearning) => Waiting::Learning,
            s if s.is_due(now) => Waiting::Review,
            _ => Waiting::Not,
        }
    }
}

/// Each deck's cards due now (learning cards and reviews, as [`Counts::due`] counts them),
/// for every deck of `cards` with a studied card: what the home screen tells a learner who
/// comes back. A deck none of whose cards has been studied is not in it.
pub fn due_by_deck(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
) -> BTreeMap<String, usize> {
    let mut due = BTreeMap::new();
    for card in cards {
        if let Some(state) = states.get(card.card_id()) {
            let n = due.entry(card.deck_id().to_string()).or_insert(0);
            if !matches!(Waiting::of(state, now), Waiting::Not) {
                *n += 1;
            }
        }
    }
    due
}

/// The next card of a practice session (Predict, Explain it): among the cards not yet
/// `asked` in it, as [`next_card`] picks, with `new_left` new ones allowed. Its index in
/// `cards`, and whether it was new.
pub fn next_unasked<C: Scheduled>(
    cards: &[C],
    asked: &[bool],
    states: &BTreeMap<String, CardState>,
    now: Now,
    new_left: usize,
    avoid: Option<&str>,
) -> Option<(usize, bool)> {
    let open: Vec<(usize, &C)> = cards
        .iter()
        .enumerate()
        .filter(|(i, _)| !asked[*i])
        .collect();
    let only: Vec<&C> = open.iter().map(|(_, c)| *c).collect();
    next_card(&only, states, now, new_left, avoid)
        .map(|k| (open[k].0, !states.contains_key(only[k].card_id())))
}

/// The index of the card to show next, or `None` when nothing is due (within the
/// learn-ahead window). `avoid` (the card just answered) is passed over when another card
/// qualifies, so a card never follows itself.
pub fn next_card(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
    new_left: impl Into<NewLeft>,
    avoid: Option<&str>,
) -> Option<usize> {
    let candidates = |now: Now, new_left: &NewLeft| -> Vec<usize> {
        let mut learning: Vec<(i64, usize)> = Vec::new();
        let mut review: Vec<(i32, usize)> = Vec::new();
        let mut new: Vec<usize> = Vec::new();
        let mut recent: BTreeSet<&str> = BTreeSet::new();
        for (i, card) in cards.iter().enumerate() {
            let state = states.get(card.card_id());
            if state.is_some_and(|s| s.last_ms > now.ms - SIBLING_GAP_MS) {
                recent.extend(comparison_of(card.card_id()));
            }
            match state {
                None => new.push(i),
                Some(s) if !s.is_due(now) => {}
                Some(s) if s.stage == Stage::Review => review.push((s.due_day, i)),
                Some(s) => learning.push((s.due_ms, i)),
            }
        }
        learning.sort();
        review.sort();
        // Stable: the new cards keep their order, those of recent comparisons last.
        new.sort_by_key(|&i| comparison_of(cards[i].card_id()).is_some_and(|c| recent.contains(c)));
        let mut order: Vec<usize> = learning.into_iter().map(|(_, i)| i).collect();
        order.extend(review.into_iter().map(|(_, i)| i));
        order.extend(new_left.allowed(cards, new));
        order
    };
    let pick = |order: Vec<usize>| -> Option<usize> {
        order
            .iter()
            .copied()
            .find(|&i| Some(cards[i].card_id()) != avoid)
            .or(order.first().copied())
    };
    pick(candidates(now, &new_left.into())).or_else(|| {
        let ahead = Now {
            ms: now.ms + LEARN_AHEAD_MS,
            ..now
        };
        pick(candidates(ahead, &NewLeft::none()))
    })
}

/// How long until the next card in `cards` is due (for the end-of-session summary).
pub fn next_due(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
) -> Option<Wait> {
    cards
        .iter()
        .filter_map(|c| states.get(c.card_id()))
        .filter(|s| s.stage != Stage::New)
        .map(|s| s.wait_from(now))
        .min_by_key(|w| match *w {
            Wait::Minutes(m) => i64::from(m),
            Wait::Days(d) => i64::from(d) * 24 * 60,
        })
}

/// How many cards of `cards` are due for review on `day` (learning cards count today).
pub fn due_on(cards: &[impl Scheduled], states: &BTreeMap<String, CardState>, day: i32) -> usize {
    cards
        .iter()
        .filter_map(|c| states.get(c.card_id()))
        .filter(|s| match s.stage {
            Stage::Review => s.due_day <= day,
            Stage::New => false,
            Stage::Learning | Stage::Relearning => true,
        })
        .count()
}

/// Cram: every card in scope once, shuffled by `seed`; a card answered Again comes back
/// at the end. The schedule is not touched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cram {
    order: Vec<usize>,
    pos: usize,
}

impl Cram {
    pub fn new(len: usize, seed: u64) -> Cram {
        let mut order: Vec<usize> = (0..len).collect();
        Rng::new(seed).shuffle(&mut order);
        Cram { order, pos: 0 }
    }

    pub fn current(&self) -> Option<usize> {
        self.order.get(self.pos).copied()
    }

    pub fn remaining(&self) -> usize {
        self.order.len() - self.pos
    }

    /// Moves on; `again` puts the current card back at the end.
    pub fn answer(&mut self, again: bool) {
        if let Some(i) = self.current() {
            if again {
                self.order.push(i);
            }
            self.pos += 1;
        }
    }

    /// Steps back one answer (undo). A card requeued by `again` is taken off the end.
    pub fn undo(&mut self, was_again: bool) -> bool {
        if self.pos == 0 {
            return false;
        }
        if was_again {
            self.order.pop();
        }
        self.pos -= 1;
        true
    }
}
