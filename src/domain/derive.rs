//! What studying needs from the progress record, kept in step with it change by change.
//!
//! Card states are a replay of the record (see [`Progress::states`]). Replaying the whole
//! log on every grade costs time that grows with the history, so [`Derived`] is built by
//! one full replay (on loading, an import, a reset) and then follows each [`Change`]: a
//! grade applies one review to one card; an undo, a review from another tab that lands in
//! the past, or a compaction replays only the cards they touch. The day counts that the
//! study screens show (reviews today, new cards today, total) are kept the same way.
//!
//! The rule, checked by a property test (`tests/derive.rs`): after any sequence of
//! changes, a `Derived` equals `Derived::new` of the same record.

use std::collections::{BTreeMap, BTreeSet};

use super::progress::{Change, Progress, Review};
use super::schedule::{CardState, Scheduler};

#[derive(Clone, Debug, PartialEq)]
pub struct Derived {
    scheduler: Scheduler,
    states: BTreeMap<String, CardState>,
    /// Each card's reviews in the log, oldest first.
    reviews: BTreeMap<String, Vec<Review>>,
    /// Reviews per study day, compacted ones included.
    per_day: BTreeMap<i32, u32>,
    /// Cards seen only in the log (not in the compacted base): the day of their first review.
    first_day: BTreeMap<String, i32>,
    /// How many cards were first seen on each study day.
    new_per_day: BTreeMap<i32, u32>,
    total: usize,
}

fn bump(map: &mut BTreeMap<i32, u32>, day: i32, up: bool) {
    let n = map.entry(day).or_insert(0);
    if up {
        *n += 1;
    } else {
        *n = n.saturating_sub(1);
        if *n == 0 {
            map.remove(&day);
        }
    }
}

impl Derived {
    /// Derives everything from the whole record.
    pub fn new(progress: &Progress) -> Derived {
        let mut reviews: BTreeMap<String, Vec<Review>> = BTreeMap::new();
        let mut per_day = progress.compacted_days.clone();
        per_day.retain(|_, n| *n > 0);
        for r in &progress.log {
            reviews.entry(r.card.clone()).or_default().push(r.clone());
            bump(&mut per_day, r.day, true);
        }
        let mut first_day = BTreeMap::new();
        let mut new_per_day = BTreeMap::new();
        for (card, list) in &reviews {
            if !progress.base.contains_key(card) {
                first_day.insert(card.clone(), list[0].day);
                bump(&mut new_per_day, list[0].day, true);
            }
        }
        let scheduler = progress.settings.scheduler();
        Derived {
            states: progress.states(&scheduler),
            scheduler,
            reviews,
            per_day,
            first_day,
            new_per_day,
            total: progress.total_reviews(),
        }
    }

    /// Follows `change`, which `progress` has just gone through. Work is proportional to
    /// the cards it touches (and their reviews), not to the history; a change of scheduler
    /// (the settings) or a change marked `all` derives everything again. Returns whether
    /// anything was to be done (an empty change under the same scheduler is not).
    pub fn update(&mut self, progress: &Progress, change: &Change) -> bool {
        if change.all || progress.settings.scheduler() != self.scheduler {
            *self = Derived::new(progress);
            return true;
        }
        if change.is_empty() {
            return false;
        }
        let mut dirty: BTreeSet<String> = BTreeSet::new();
        for r in &change.added {
            bump(&mut self.per_day, r.day, true);
            self.total += 1;
            let list = self.reviews.entry(r.card.clone()).or_default();
            let appends = list.last().is_none_or(|last| last.at < r.at);
            if appends && !dirty.contains(&r.card) {
                // The usual case, a grade: one review on top of the card's state.
                if list.is_empty() && !progress.base.contains_key(&r.card) {
                    self.first_day.insert(r.card.clone(), r.day);
                    bump(&mut self.new_per_day, r.day, true);
                }
                list.push(r.clone());
                let next = self
                    .scheduler
                    .grade(self.states.get(&r.card), r.grade, r.now());
                self.states.insert(r.card.clone(), next);
            } else {
                let at = list.partition_point(|x| x.at < r.at);
                list.insert(at, r.clone());
                dirty.insert(r.card.clone());
            }
        }
        for r in &change.removed {
            bump(&mut self.per_day, r.day, false);
            self.total = self.total.saturating_sub(1);
            if let Some(list) = self.reviews.get_mut(&r.card) {
                list.retain(|x| x.at != r.at);
            }
            dirty.insert(r.card.clone());
        }
        for r in &change.compacted {
            // Still counted (in the record's compacted days); now part of the base state.
            if let Some(list) = self.reviews.get_mut(&r.card) {
                list.retain(|x| x.at != r.at);
            }
            dirty.insert(r.card.clone());
        }
        for card in dirty {
            self.refresh(progress, card);
        }
        true
    }

    /// One card derived again from its base state and its reviews.
    fn refresh(&mut self, progress: &Progress, card: String) {
        let list = self
            .reviews
            .get(&card)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut state = progress.base.get(&card).cloned();
        for r in list {
            state = Some(self.scheduler.grade(state.as_ref(), r.grade, r.now()));
        }
        let first = if progress.base.contains_key(&card) {
            None
        } else {
            list.first().map(|r| r.day)
        };
        if list.is_empty() {
            self.reviews.remove(&card);
        }
        let was = self.first_day.get(&card).copied();
        if was != first {
            if let Some(day) = was {
                bump(&mut self.new_per_day, day, false);
                self.first_day.remove(&card);
            }
            if let Some(day) = first {
                bump(&mut self.new_per_day, day, true);
                self.first_day.insert(card.clone(), day);
            }
        }
        match state {
            Some(s) => self.states.insert(card, s),
            None => self.states.remove(&card),
        };
    }

    /// Every card's scheduling state (cards never reviewed are absent).
    pub fn states(&self) -> &BTreeMap<String, CardState> {
        &self.states
    }

    /// The scheduler the settings ask for.
    pub fn scheduler(&self) -> &Scheduler {
        &self.scheduler
    }

    /// Reviews done on `day` (study day), compacted ones included.
    pub fn reviews_on(&self, day: i32) -> usize {
        self.per_day.get(&day).copied().unwrap_or(0) as usize
    }

    /// Cards seen for the first time on `day`.
    pub fn new_cards_on(&self, day: i32) -> usize {
        self.new_per_day.get(&day).copied().unwrap_or(0) as usize
    }

    /// The study day `card` was first seen, if that was since the record was compacted
    /// (each deck's daily limit of new cards counts the cards first seen today).
    pub fn first_day(&self, card: &str) -> Option<i32> {
        self.first_day.get(card).copied()
    }

    /// Every review ever made (compacted ones included).
    pub fn total_reviews(&self) -> usize {
        self.total
    }

    /// Reviews per study day (compacted ones included), for streaks and the calendar.
    pub fn per_day(&self) -> &BTreeMap<i32, u32> {
        &self.per_day
    }
}
