//! What to study next: the order of a flashcard session, its counters, and what comes after.
//!
//! Learning cards that are due come first (their steps are minutes long), then reviews due
//! today, then new cards up to the daily limit; a learning card due within
//! [`LEARN_AHEAD_MS`] is shown early rather than leaving the user waiting.

use std::collections::BTreeMap;

use super::cards::Scheduled;
use super::rng::Rng;
use super::schedule::{CardState, Now, Stage, Wait, MINUTE_MS};

pub const LEARN_AHEAD_MS: i64 = 20 * MINUTE_MS;

/// The session counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Learning and relearning cards due now.
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

pub fn counts(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
    new_left: usize,
) -> Counts {
    let mut c = Counts::default();
    let mut new = 0;
    for card in cards {
        match states.get(card.card_id()) {
            None => new += 1,
            Some(s) if !s.is_due(now) => {}
            Some(s) if s.stage == Stage::Review => c.review += 1,
            Some(_) => c.learning += 1,
        }
    }
    c.new = new.min(new_left);
    c
}

/// The index of the card to show next, or `None` when nothing is due (within the
/// learn-ahead window). `avoid` (the card just answered) is passed over when another card
/// qualifies, so a card never follows itself.
pub fn next_card(
    cards: &[impl Scheduled],
    states: &BTreeMap<String, CardState>,
    now: Now,
    new_left: usize,
    avoid: Option<&str>,
) -> Option<usize> {
    let candidates = |now: Now, new_left: usize| -> Vec<usize> {
        let mut learning: Vec<(i64, usize)> = Vec::new();
        let mut review: Vec<(i32, usize)> = Vec::new();
        let mut new: Vec<usize> = Vec::new();
        for (i, card) in cards.iter().enumerate() {
            match states.get(card.card_id()) {
                None => new.push(i),
                Some(s) if !s.is_due(now) => {}
                Some(s) if s.stage == Stage::Review => review.push((s.due_day, i)),
                Some(s) => learning.push((s.due_ms, i)),
            }
        }
        learning.sort();
        review.sort();
        let mut order: Vec<usize> = learning.into_iter().map(|(_, i)| i).collect();
        order.extend(review.into_iter().map(|(_, i)| i));
        order.extend(new.into_iter().take(new_left));
        order
    };
    let pick = |order: Vec<usize>| -> Option<usize> {
        order
            .iter()
            .copied()
            .find(|&i| Some(cards[i].card_id()) != avoid)
            .or(order.first().copied())
    };
    pick(candidates(now, new_left)).or_else(|| {
        let ahead = Now {
            ms: now.ms + LEARN_AHEAD_MS,
            ..now
        };
        pick(candidates(ahead, 0))
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
