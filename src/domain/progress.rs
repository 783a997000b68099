//! The progress record: every review the user made (an append-only log), the settings and
//! the records, and the rules that keep it whole across undo, two tabs and compaction.
//!
//! Card states are *derived*: replaying the log on the compacted `base` through the
//! [`Scheduler`] gives each card's state. So merging two copies (two tabs) is the union of
//! their logs, replayed in time order: per card the later review wins, and no review is
//! lost. An undone review leaves a tombstone, so a copy that still has it cannot bring it
//! back.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::fsrs::Grade;
use super::schedule::{CardState, Config, Now, Scheduler};

/// Where a review came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    #[default]
    #[serde(rename = "f")]
    Flashcard,
    #[serde(rename = "m")]
    Match,
    #[serde(rename = "q")]
    Quiz,
    /// A drill answered in Predict.
    #[serde(rename = "p")]
    Predict,
    /// An explanation graded against the comparison's points.
    #[serde(rename = "e")]
    Explain,
}

/// One graded review.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Review {
    #[serde(rename = "c")]
    pub card: String,
    /// When (ms since the epoch).
    #[serde(rename = "t")]
    pub at: i64,
    /// The study day it counted for.
    #[serde(rename = "d")]
    pub day: i32,
    #[serde(rename = "g")]
    pub grade: Grade,
    #[serde(rename = "s", default)]
    pub source: Source,
    /// What the user wrote, for an explanation: kept with its review (and never folded away
    /// by compaction, see [`Progress::compact`]), so its history can be read again.
    #[serde(rename = "w", default, skip_serializing_if = "Option::is_none")]
    pub written: Option<Written>,
}

/// An explanation as the user wrote it, and how much of the comparison it covered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Written {
    #[serde(rename = "x")]
    pub text: String,
    /// The points ticked as covered, of how many.
    #[serde(rename = "k")]
    pub covered: u16,
    #[serde(rename = "n")]
    pub of: u16,
}

impl Review {
    /// A review of `card` at `now`, with nothing written.
    pub fn new(card: &str, grade: Grade, source: Source, now: Now) -> Self {
        Review {
            card: card.to_string(),
            at: now.ms,
            day: now.day,
            grade,
            source,
            written: None,
        }
    }

    pub fn key(&self) -> ReviewKey {
        ReviewKey(self.at, self.card.clone())
    }

    pub fn now(&self) -> Now {
        Now {
            ms: self.at,
            day: self.day,
            utc_offset_min: 0,
        }
    }
}

/// Identifies a review: its time and card.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReviewKey(pub i64, pub String);

/// "X mistaken for Y": an answer that named the wrong side of a comparison.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Confusion {
    #[serde(rename = "t")]
    pub at: i64,
    /// The comparison.
    #[serde(rename = "c")]
    pub comparison: String,
    /// The side that was right.
    #[serde(rename = "r")]
    pub right: String,
    /// The side that was chosen instead.
    #[serde(rename = "w")]
    pub chosen: String,
}

impl Confusion {
    /// The comparison and the two sides, as one key (tab-separated).
    pub fn pair(&self) -> String {
        format!("{}\t{}\t{}", self.comparison, self.right, self.chosen)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Motion {
    #[default]
    System,
    Reduced,
    Full,
}

/// The user's settings. Every field has a default, so a record from before a setting
/// existed still reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub new_per_day: u32,
    pub retention: f32,
    pub pair_cards: bool,
    pub point_cards: bool,
    /// Seconds per quiz question; `None` is untimed.
    pub quiz_seconds: Option<u32>,
    pub streak_bonus: bool,
    pub theme: Theme,
    pub motion: Motion,
    /// The study day of the user's interview.
    pub interview_day: Option<i32>,
    /// With an interview ahead, each deck's daily limit of new cards is the plan's pace
    /// (`domain::plan`), not `new_per_day`. Off once the learner sets their own number.
    pub follow_plan: bool,
    /// New cards added to every deck's limit ("more new cards today") on the study day
    /// `extra_new_day` only.
    pub extra_new: u32,
    pub extra_new_day: i32,
    /// Explain it reads its prompt and the model answer aloud (the browser's speech).
    pub read_aloud: bool,
    /// When the settings were last changed (ms), so two tabs agree on the newer ones.
    pub updated_ms: i64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            new_per_day: 20,
            retention: 0.9,
            pair_cards: true,
            point_cards: true,
            quiz_seconds: Some(15),
            streak_bonus: true,
            theme: Theme::System,
            motion: Motion::System,
            interview_day: None,
            follow_plan: true,
            extra_new: 0,
            extra_new_day: 0,
            read_aloud: false,
            updated_ms: 0,
        }
    }
}

impl Settings {
    /// New cards added to each deck's limit on `day`.
    pub fn extra_new_on(&self, day: i32) -> usize {
        if self.extra_new_day == day {
            self.extra_new as usize
        } else {
            0
        }
    }

    /// The scheduler these settings ask for.
    pub fn scheduler(&self) -> Scheduler {
        Scheduler {
            config: Config {
                retention: self.retention.clamp(0.7, 0.99),
                deadline_day: self.interview_day,
                ..Config::default()
            },
            ..Scheduler::default()
        }
    }
}

/// Personal bests, per scope key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Records {
    /// Fastest cleared match board, in tenths of a second.
    pub best_match: BTreeMap<String, u32>,
    /// Highest quiz score.
    pub best_quiz: BTreeMap<String, u32>,
}

/// What offering a result as a record found: the best before it, and whether the result
/// is the new best (the first result for a key always is).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Best {
    pub before: Option<u32>,
    pub is_new: bool,
}

impl Records {
    /// Whether a match time beats `best`: fewer tenths of a second.
    fn better_match(time: u32, best: u32) -> bool {
        time < best
    }

    /// Whether a quiz score beats `best`: more points.
    fn better_quiz(score: u32, best: u32) -> bool {
        score > best
    }

    /// Keeps the better of each entry.
    pub fn merge(&mut self, other: &Records) {
        for (k, v) in &other.best_match {
            offer(&mut self.best_match, k.clone(), *v, Self::better_match);
        }
        for (k, v) in &other.best_quiz {
            offer(&mut self.best_quiz, k.clone(), *v, Self::better_quiz);
        }
    }

    /// A cleared match board's time, in tenths of a second, for the scope `key`.
    pub fn offer_match(&mut self, key: String, tenths: u32) -> Best {
        offer(&mut self.best_match, key, tenths, Self::better_match)
    }

    /// A finished quiz's score, for the scope `key`.
    pub fn offer_quiz(&mut self, key: String, score: u32) -> Best {
        offer(&mut self.best_quiz, key, score, Self::better_quiz)
    }
}

/// Keeps `value` under `key` if there is none yet or it is `better` than what is there.
fn offer(
    records: &mut BTreeMap<String, u32>,
    key: String,
    value: u32,
    better: fn(u32, u32) -> bool,
) -> Best {
    let before = records.get(&key).copied();
    let is_new = before.is_none_or(|b| better(value, b));
    if is_new {
        records.insert(key, value);
    }
    Best { before, is_new }
}

/// Log length that triggers compaction, and how many recent reviews compaction keeps.
pub const COMPACT_AT: usize = 5_000;
pub const COMPACT_KEEP: usize = 2_500;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    /// Card states as of the oldest review in `log` (reviews folded in by compaction).
    pub base: BTreeMap<String, CardState>,
    /// Reviews since `base`, oldest first.
    pub log: Vec<Review>,
    /// Reviews the user undid.
    pub undone: BTreeSet<ReviewKey>,
    pub confusions: Vec<Confusion>,
    pub settings: Settings,
    pub records: Records,
    /// Days with at least one review before `base` was compacted, for streaks.
    pub compacted_days: BTreeMap<i32, u32>,
    /// Confusions folded by compaction: how often each pair was confused (see
    /// [`Confusion::pair`]).
    pub compacted_confusions: BTreeMap<String, u32>,
    /// Confusions up to this time (ms) are counted in `compacted_confusions`.
    pub confusions_compacted_at: i64,
    /// When the progress was last exported to a file (ms; 0: never).
    pub last_export_ms: i64,
    /// When the user last reset their progress (ms; 0: never). Merging drops what any copy
    /// knew from before it, so a reset in one tab is not undone by another tab's save.
    pub reset_at: i64,
    /// When the user last undid a reset (ms); a reset is in force only if it is newer.
    pub reset_undone_at: i64,
}

impl Progress {
    /// Every card's state: `base`, then the log replayed in order.
    pub fn states(&self, scheduler: &Scheduler) -> BTreeMap<String, CardState> {
        let mut states = self.base.clone();
        for review in &self.log {
            apply(&mut states, scheduler, review);
        }
        states
    }

    /// Adds a review to the log, in time order (once: a review already there is ignored).
    /// Reviews arrive in time order from one tab; one from the past (another tab's) finds
    /// its place.
    pub fn insert(&mut self, review: Review) -> Change {
        let key = (review.at, &review.card);
        let at = self.log.partition_point(|r| (r.at, &r.card) <= key);
        if at > 0 && self.log[at - 1].key() == review.key() {
            return Change::default(); // already there
        }
        self.log.insert(at, review.clone());
        Change {
            added: vec![review],
            ..Change::default()
        }
    }

    /// Takes back the review with `key` (the app's undo), leaving a tombstone.
    pub fn undo(&mut self, key: &ReviewKey) -> Change {
        let Some(i) = self.log.iter().rposition(|r| &r.key() == key) else {
            return Change::default();
        };
        let review = self.log.remove(i);
        self.undone.insert(key.clone());
        Change {
            removed: vec![review],
            ..Change::default()
        }
    }

    /// Everything but the settings cleared, as of `now_ms`; returns the progress as it was
    /// (for undo).
    pub fn reset(&mut self, now_ms: i64) -> Progress {
        let fresh = Progress {
            settings: self.settings.clone(),
            last_export_ms: self.last_export_ms,
            reset_at: now_ms.max(self.reset_at + 1),
            reset_undone_at: self.reset_undone_at,
            ..Progress::default()
        };
        std::mem::replace(self, fresh)
    }

    /// Restores `before` (what [`Self::reset`] returned), in a way other tabs follow.
    pub fn undo_reset(&mut self, mut before: Progress, now_ms: i64) {
        before.reset_at = self.reset_at;
        before.reset_undone_at = now_ms.max(self.reset_at + 1);
        before.settings = self.settings.clone();
        *self = before;
    }

    /// The time before which nothing counts: the last reset, unless it was undone.
    fn cutoff(&self) -> i64 {
        if self.reset_at > self.reset_undone_at {
            self.reset_at
        } else {
            0
        }
    }

    /// Folds another copy of the progress (another tab's, or an imported file) into this
    /// one. Nothing either copy knew is lost: the logs are united, tombstones honoured,
    /// the newer settings and the better records kept.
    pub fn merge(&mut self, other: &Progress) -> Change {
        let before = (
            self.reset_at,
            self.reset_undone_at,
            self.compacted_days.clone(),
        );
        let mut base_changed = false;
        // A reset only one copy knows about: the other copy's records predate it.
        let mut other_records = other.records.clone();
        if other.reset_at > self.reset_at && other.cutoff() > 0 {
            self.records = Records::default();
        } else if self.reset_at > other.reset_at && self.cutoff() > 0 {
            other_records = Records::default();
        }
        self.reset_at = self.reset_at.max(other.reset_at);
        self.reset_undone_at = self.reset_undone_at.max(other.reset_undone_at);
        self.undone.extend(other.undone.iter().cloned());
        for (card, theirs) in &other.base {
            match self.base.get(card) {
                Some(ours) if ours.last_ms >= theirs.last_ms => {}
                _ => {
                    self.base.insert(card.clone(), theirs.clone());
                    base_changed = true;
                }
            }
        }
        let mut change = Change::default();
        for review in &other.log {
            change.and(self.insert(review.clone()));
        }
        let undone = &self.undone;
        let base = &self.base;
        // Drop tombstoned reviews, and reviews already folded into a newer base state.
        let removed = &mut change.removed;
        self.log.retain(|r| {
            let keep =
                !undone.contains(&r.key()) && base.get(&r.card).is_none_or(|s| r.at > s.last_ms);
            if !keep {
                removed.push(r.clone());
            }
            keep
        });
        let mut seen: BTreeSet<(i64, String, String, String)> = self
            .confusions
            .iter()
            .map(|c| {
                (
                    c.at,
                    c.comparison.clone(),
                    c.right.clone(),
                    c.chosen.clone(),
                )
            })
            .collect();
        for c in &other.confusions {
            if seen.insert((
                c.at,
                c.comparison.clone(),
                c.right.clone(),
                c.chosen.clone(),
            )) {
                self.confusions.push(c.clone());
            }
        }
        self.confusions.sort_by_key(|c| c.at);
        for (pair, n) in &other.compacted_confusions {
            let e = self.compacted_confusions.entry(pair.clone()).or_insert(0);
            *e = (*e).max(*n);
        }
        self.confusions_compacted_at = self
            .confusions_compacted_at
            .max(other.confusions_compacted_at);
        let folded = self.confusions_compacted_at;
        self.confusions.retain(|c| c.at > folded);
        if other.settings.updated_ms > self.settings.updated_ms {
            self.settings = other.settings.clone();
        }
        self.records.merge(&other_records);
        for (day, n) in &other.compacted_days {
            let e = self.compacted_days.entry(*day).or_insert(0);
            *e = (*e).max(*n);
        }
        self.last_export_ms = self.last_export_ms.max(other.last_export_ms);
        let cutoff = self.cutoff();
        if cutoff > 0 {
            let removed = &mut change.removed;
            self.log.retain(|r| {
                if r.at <= cutoff {
                    removed.push(r.clone());
                }
                r.at > cutoff
            });
            let cards = self.base.len();
            self.base.retain(|_, s| s.last_ms > cutoff);
            base_changed |= self.base.len() != cards;
            self.confusions.retain(|c| c.at > cutoff);
            self.compacted_days.clear();
            self.compacted_confusions.clear();
        }
        change.all = base_changed
            || before
                != (
                    self.reset_at,
                    self.reset_undone_at,
                    self.compacted_days.clone(),
                );
        change.settle();
        change
    }

    /// When the log has grown past [`COMPACT_AT`], folds all but the newest
    /// [`COMPACT_KEEP`] reviews into `base`, except the reviews that carry written text.
    pub fn compact(&mut self, scheduler: &Scheduler) -> Change {
        self.compact_at(scheduler, COMPACT_AT, COMPACT_KEEP)
    }

    /// [`Self::compact`] with other limits (tests use small ones).
    pub fn compact_at(&mut self, scheduler: &Scheduler, at: usize, keep: usize) -> Change {
        if self.log.len() <= at {
            return Change::default();
        }
        let split = self.log.len() - keep.min(at);
        // A review that carries what the user wrote stays in the log: folding it would lose
        // the text. (Explain cards' reviews all carry it, so no state of theirs is split
        // between `base` and the log.)
        let (kept, old): (Vec<Review>, Vec<Review>) =
            self.log.drain(..split).partition(|r| r.written.is_some());
        self.log.splice(0..0, kept);
        for review in &old {
            apply(&mut self.base, scheduler, review);
            *self.compacted_days.entry(review.day).or_insert(0) += 1;
        }
        let cutoff = self.log.first().map_or(i64::MAX, |r| r.at);
        self.undone.retain(|k| k.0 >= cutoff);
        // Confusions from before the kept reviews become counts: the record stays small
        // however long the history, and "most confused" still counts every one.
        let folded = self.confusions.partition_point(|c| c.at < cutoff);
        for c in self.confusions.drain(..folded) {
            *self.compacted_confusions.entry(c.pair()).or_insert(0) += 1;
            self.confusions_compacted_at = self.confusions_compacted_at.max(c.at);
        }
        Change {
            compacted: old,
            ..Change::default()
        }
    }

    /// Reviews done on `day` (study day), compacted ones included. This walks the log: it
    /// is the definition, which `derive::Derived::reviews_on` keeps as a running count (the
    /// app reads that one; the tests compare the two).
    pub fn reviews_on(&self, day: i32) -> usize {
        self.log.iter().filter(|r| r.day == day).count()
            + self.compacted_days.get(&day).copied().unwrap_or(0) as usize
    }

    /// Cards seen for the first time on `day`: the daily new-card limit counts these. The
    /// definition, as for [`Self::reviews_on`]; the app reads `Derived::new_cards_on`.
    pub fn new_cards_on(&self, day: i32) -> usize {
        let mut seen: BTreeSet<&str> = self.base.keys().map(String::as_str).collect();
        let mut new = 0;
        for r in &self.log {
            if seen.insert(&r.card) && r.day == day {
                new += 1;
            }
        }
        new
    }

    pub fn total_reviews(&self) -> usize {
        self.log.len() + self.compacted_days.values().sum::<u32>() as usize
    }

    /// The study days with a review, in the log or compacted.
    pub fn study_days(&self) -> BTreeSet<i32> {
        self.log
            .iter()
            .map(|r| r.day)
            .chain(self.compacted_days.keys().copied())
            .collect()
    }

    /// The cards with a review, in the log or compacted.
    pub fn reviewed_cards(&self) -> BTreeSet<&str> {
        let mut cards: BTreeSet<&str> = self.base.keys().map(String::as_str).collect();
        cards.extend(self.log.iter().map(|r| r.card.as_str()));
        cards
    }
}

/// What a change to the record did to its reviews: what derived state must follow (see
/// [`super::derive::Derived`]).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Change {
    /// Derive everything again: a reset, or a merge that changed the compacted part.
    pub all: bool,
    /// Reviews added to the log.
    pub added: Vec<Review>,
    /// Reviews taken out of the log (undone, or dropped by a merge).
    pub removed: Vec<Review>,
    /// Reviews folded into `base` by compaction, oldest first.
    pub compacted: Vec<Review>,
}

impl Change {
    /// Everything may have changed.
    pub fn everything() -> Change {
        Change {
            all: true,
            ..Change::default()
        }
    }

    /// Adds what `next` did after this change.
    pub fn and(&mut self, next: Change) {
        self.all |= next.all;
        self.added.extend(next.added);
        self.removed.extend(next.removed);
        self.compacted.extend(next.compacted);
        self.settle();
    }

    /// A review both added and removed (a merge brought it, then dropped it) is neither.
    fn settle(&mut self) {
        if self.added.is_empty() || self.removed.is_empty() {
            return;
        }
        let added: BTreeSet<ReviewKey> = self.added.iter().map(Review::key).collect();
        let both: BTreeSet<ReviewKey> = self
            .removed
            .iter()
            .map(Review::key)
            .filter(|k| added.contains(k))
            .collect();
        self.added.retain(|r| !both.contains(&r.key()));
        self.removed.retain(|r| !both.contains(&r.key()));
    }

    pub fn is_empty(&self) -> bool {
        !self.all && self.added.is_empty() && self.removed.is_empty() && self.compacted.is_empty()
    }
}

fn apply(states: &mut BTreeMap<String, CardState>, scheduler: &Scheduler, review: &Review) {
    let next = scheduler.grade(states.get(&review.card), review.grade, review.now());
    states.insert(review.card.clone(), next);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::schedule::{Stage, DAY_MS, MINUTE_MS};

    const T0: i64 = 1_764_000_000_000;

    fn review(card: &str, minutes: i64, grade: Grade) -> Review {
        let now = Now::new(T0 + minutes * MINUTE_MS, 0);
        Review {
            card: card.into(),
            at: now.ms,
            day: now.day,
            grade,
            source: Source::Flashcard,
            written: None,
        }
    }

    /// Records a review as the app does, keeping `states` in step with the record.
    fn record(
        p: &mut Progress,
        s: &Scheduler,
        states: &mut BTreeMap<String, CardState>,
        r: Review,
    ) {
        let next = s.grade(states.get(&r.card), r.grade, r.now());
        states.insert(r.card.clone(), next);
        p.insert(r);
    }

    #[test]
    fn states_are_the_log_replayed() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let mut states = BTreeMap::new();
        record(&mut p, &s, &mut states, review("a", 0, Grade::Good));
        record(&mut p, &s, &mut states, review("a", 10, Grade::Good));
        record(&mut p, &s, &mut states, review("b", 11, Grade::Again));
        assert_eq!(p.states(&s), states);
        assert_eq!(states["a"].stage, Stage::Review);
        assert_eq!(states["b"].stage, Stage::Learning);
    }

    #[test]
    fn undo_takes_back_the_review_and_restores_the_card() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let mut states = BTreeMap::new();
        record(&mut p, &s, &mut states, review("a", 0, Grade::Good));
        let before = states.clone();
        let second = review("a", 10, Grade::Easy);
        record(&mut p, &s, &mut states, second.clone());
        assert_eq!(p.undo(&second.key()).removed, std::slice::from_ref(&second));
        assert_eq!(p.states(&s), before);
        let first = p.log[0].key();
        assert!(!p.undo(&first).is_empty());
        assert!(
            p.states(&s).is_empty(),
            "a card with no review left is new again"
        );
        assert!(p.undo(&first).is_empty());
        assert!(p.undone.contains(&second.key()));
    }

    #[test]
    fn two_tabs_merge_without_losing_a_review() {
        let s = Scheduler::default();
        let mut start = Progress::default();
        let mut st = BTreeMap::new();
        record(&mut start, &s, &mut st, review("a", 0, Grade::Good));
        let (mut tab1, mut tab2) = (start.clone(), start.clone());
        let (mut s1, mut s2) = (st.clone(), st.clone());
        record(&mut tab1, &s, &mut s1, review("a", 10, Grade::Good));
        record(&mut tab2, &s, &mut s2, review("b", 5, Grade::Hard));
        record(&mut tab2, &s, &mut s2, review("a", 20, Grade::Again));

        let mut merged1 = tab1.clone();
        merged1.merge(&tab2);
        let mut merged2 = tab2.clone();
        merged2.merge(&tab1);
        assert_eq!(merged1, merged2, "merge is symmetric");
        assert_eq!(merged1.log.len(), 4);
        // Per card the reviews replay in time order, so the later one wins: "a" graduated in
        // tab 1 (minute 10), then lapsed in tab 2 (minute 20).
        let states = merged1.states(&s);
        assert_eq!(states["a"].last_ms, T0 + 20 * MINUTE_MS);
        assert_eq!(
            (states["a"].stage, states["a"].lapses),
            (Stage::Relearning, 1)
        );
        // Merging again changes nothing.
        let mut again = merged1.clone();
        again.merge(&merged2);
        assert_eq!(again, merged1);
    }

    #[test]
    fn an_undone_review_does_not_come_back_from_another_tab() {
        let s = Scheduler::default();
        let mut tab1 = Progress::default();
        let mut st = BTreeMap::new();
        let r = review("a", 0, Grade::Good);
        record(&mut tab1, &s, &mut st, r.clone());
        let tab2 = tab1.clone();
        tab1.undo(&r.key());
        assert!(tab1.merge(&tab2).is_empty(), "nothing comes back");
        assert!(tab1.log.is_empty());
        assert!(tab1.states(&s).is_empty());
    }

    #[test]
    fn a_reset_in_one_tab_holds_against_another_and_so_does_its_undo() {
        let s = Scheduler::default();
        let mut tab1 = Progress::default();
        let mut st = BTreeMap::new();
        record(&mut tab1, &s, &mut st, review("a", 0, Grade::Good));
        tab1.records.best_quiz.insert("all".into(), 500);
        let mut tab2 = tab1.clone();
        // Tab 1 resets; tab 2, which has not heard, studies on and then merges.
        let before = tab1.reset(T0 + 5 * MINUTE_MS);
        record(&mut tab2, &s, &mut st, review("b", 10, Grade::Good));
        tab2.merge(&tab1);
        let cards: Vec<&str> = tab2.log.iter().map(|r| r.card.as_str()).collect();
        assert_eq!(cards, ["b"], "only what came after the reset survives");
        assert!(tab2.records.best_quiz.is_empty());
        tab1.merge(&tab2);
        assert_eq!(tab1.log.len(), 1);
        // Tab 1 undoes; tab 2 follows.
        tab1.undo_reset(before, T0 + 20 * MINUTE_MS);
        tab1.merge(&tab2);
        tab2.merge(&tab1);
        let mut cards: Vec<&str> = tab2.log.iter().map(|r| r.card.as_str()).collect();
        cards.sort();
        assert_eq!(cards, ["a", "b"]);
        assert_eq!(tab2.records.best_quiz["all"], 500);
    }

    #[test]
    fn newer_settings_and_better_records_win() {
        let mut a = Progress::default();
        let mut b = Progress::default();
        b.settings.new_per_day = 5;
        b.settings.updated_ms = 10;
        a.records.best_match.insert("all".into(), 300);
        b.records.best_match.insert("all".into(), 250);
        a.records.best_quiz.insert("all".into(), 900);
        b.records.best_quiz.insert("all".into(), 800);
        a.merge(&b);
        assert_eq!(a.settings.new_per_day, 5);
        assert_eq!(a.records.best_match["all"], 250);
        assert_eq!(a.records.best_quiz["all"], 900);
    }

    #[test]
    fn a_best_is_the_fastest_board_and_the_highest_score() {
        let mut r = Records::default();
        let first = r.offer_match("all".into(), 300);
        assert_eq!(
            first,
            Best {
                before: None,
                is_new: true
            }
        );
        assert_eq!(
            r.offer_match("all".into(), 310),
            Best {
                before: Some(300),
                is_new: false
            }
        );
        assert_eq!(
            r.offer_match("all".into(), 300),
            Best {
                before: Some(300),
                is_new: false
            },
            "a tie is not a new best"
        );
        assert_eq!(
            r.offer_match("all".into(), 250),
            Best {
                before: Some(300),
                is_new: true
            }
        );
        assert_eq!(r.best_match["all"], 250);
        assert!(r.offer_quiz("all".into(), 900).is_new);
        assert_eq!(
            r.offer_quiz("all".into(), 800),
            Best {
                before: Some(900),
                is_new: false
            }
        );
        assert_eq!(
            r.offer_quiz("all".into(), 950),
            Best {
                before: Some(900),
                is_new: true
            }
        );
        assert_eq!(r.best_quiz["all"], 950);
        // Other scopes are records of their own.
        assert!(r.offer_quiz("docker".into(), 1).is_new);
        assert_eq!(r.best_quiz["all"], 950);
    }

    #[test]
    fn compaction_never_folds_away_what_the_user_wrote() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let mut explained = review("explain:a-vs-b", 0, Grade::Good);
        explained.source = Source::Explain;
        explained.written = Some(Written {
            text: "CMD gives defaults; ENTRYPOINT is the program.".into(),
            covered: 3,
            of: 5,
        });
        p.insert(explained.clone());
        for i in 1..20 {
            p.insert(review(&format!("c{}", i % 4), i * 60, Grade::Good));
        }
        let states = p.states(&s);
        let change = p.compact_at(&s, 10, 5);
        assert_eq!(
            change.compacted.len(),
            14,
            "the other old reviews are folded"
        );
        assert!(change.compacted.iter().all(|r| r.written.is_none()));
        assert_eq!(
            p.log.first(),
            Some(&explained),
            "the explanation stays, first"
        );
        assert_eq!(p.log.len(), 6);
        assert_eq!(p.states(&s), states, "and every state is the same");
        assert_eq!(p.total_reviews(), 20);
    }

    #[test]
    fn compaction_keeps_every_state_and_count() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let mut states = BTreeMap::new();
        for i in 0..(COMPACT_AT as i64 + 10) {
            let card = format!("c{}", i % 50);
            let mut r = review(&card, 0, Grade::Good);
            r.at = T0 + i * 37 * MINUTE_MS;
            r.day = Now::new(r.at, 0).day;
            record(&mut p, &s, &mut states, r);
        }
        let total = p.total_reviews();
        let day = p.log[10].day;
        let on_day = p.reviews_on(day);
        assert_eq!(
            p.compact(&s).compacted.len(),
            COMPACT_AT + 10 - COMPACT_KEEP
        );
        assert_eq!(p.log.len(), COMPACT_KEEP);
        assert_eq!(p.states(&s), states);
        assert_eq!(p.total_reviews(), total);
        assert_eq!(p.reviews_on(day), on_day);
        assert!(p.compact(&s).is_empty());
    }

    #[test]
    fn compaction_folds_old_confusions_into_counts_once() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        for i in 0..20i64 {
            let r = review(&format!("c{}", i % 3), i, Grade::Good);
            p.confusions.push(Confusion {
                at: r.at,
                comparison: "cmd-vs-entrypoint".into(),
                right: "CMD".into(),
                chosen: "ENTRYPOINT".into(),
            });
            p.insert(r);
        }
        let other_tab = p.clone();
        assert!(!p.compact_at(&s, 10, 5).is_empty());
        assert_eq!(p.confusions.len(), 5, "those of the kept reviews stay");
        assert_eq!(
            p.compacted_confusions["cmd-vs-entrypoint\tCMD\tENTRYPOINT"],
            15
        );
        // A tab that did not compact still has them all: merging counts each once.
        p.merge(&other_tab);
        assert_eq!(p.confusions.len(), 5);
        let mut theirs = other_tab;
        theirs.merge(&p);
        assert_eq!(theirs.confusions.len(), 5);
        assert_eq!(theirs.compacted_confusions, p.compacted_confusions);
    }

    #[test]
    fn new_cards_are_counted_on_the_day_they_are_first_seen() {
        let s = Scheduler::default();
        let mut p = Progress::default();
        let mut st = BTreeMap::new();
        record(&mut p, &s, &mut st, review("a", 0, Grade::Good));
        record(&mut p, &s, &mut st, review("a", 10, Grade::Good));
        record(&mut p, &s, &mut st, review("b", 11, Grade::Good));
        let today = Now::new(T0, 0).day;
        assert_eq!(p.new_cards_on(today), 2);
        let mut r = review("a", 0, Grade::Good);
        r.at += DAY_MS;
        r.day += 1;
        record(&mut p, &s, &mut st, r);
        assert_eq!(p.new_cards_on(today + 1), 0);
        assert_eq!(p.reviews_on(today), 3);
    }
}
