//! How the progress record is spread over storage keys, so that what a grade writes does
//! not grow with the history.
//!
//! - The **head** ([`KEY`]): settings, records, tombstones of undone reviews, reset
//!   times. A few kilobytes; written by an undo, a change of settings, a finished game.
//! - The **compacted history** ([`HISTORY_KEY`]): the base states, compacted day counts
//!   and confusion counts. It grows with the cards and the days studied, not with the
//!   reviews; written only by a compaction (every [`COMPACT_KEEP`] reviews or so).
//! - One **day part** per study day ([`DAY_PREFIX`]`<day>`): that day's reviews, and the
//!   confusions recorded that (UTC) day. A grade rewrites today's part alone.
//!
//! Every key holds a partial record in the one format of [`super::format`], and the
//! record is their merge ([`join`]): the same rules that join two tabs' copies join the
//! parts, so a part written by another tab, or left over from before a compaction or a
//! reset, is read correctly. A record stored by version 1 (everything under [`KEY`]) is a
//! head that still holds its reviews; it reads as it is, and is spread out on the first
//! save ([`Dirty::all`]).

use std::collections::BTreeSet;

use serde::Serialize;

use super::format::{KEY, VERSION};
#[cfg(doc)]
use crate::domain::progress::COMPACT_KEEP;
use crate::domain::progress::{Change, Confusion, Progress, Review};
use crate::domain::schedule::Now;

/// The key of the compacted history.
pub const HISTORY_KEY: &str = "diffdeck:history";
/// The prefix of the day parts' keys.
pub const DAY_PREFIX: &str = "diffdeck:log:";

/// Which part a key holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Head,
    History,
    Day(i32),
}

impl Part {
    pub fn of(key: &str) -> Option<Part> {
        match key {
            KEY => Some(Part::Head),
            HISTORY_KEY => Some(Part::History),
            _ => key_day(key).map(Part::Day),
        }
    }

    pub fn key(self) -> String {
        match self {
            Part::Head => KEY.to_string(),
            Part::History => HISTORY_KEY.to_string(),
            Part::Day(day) => day_key(day),
        }
    }

    /// What this part of `progress` holds, as a partial record.
    pub fn project(self, progress: &Progress) -> Progress {
        match self {
            Part::Head => head(progress),
            Part::History => history(progress),
            Part::Day(day) => {
                let (log, confusions) = of_day(progress, day);
                Progress {
                    log: log.into_iter().cloned().collect(),
                    confusions: confusions.into_iter().cloned().collect(),
                    ..Progress::default()
                }
            }
        }
    }

    /// The text of this part of `progress`; `None` when it holds nothing for it.
    pub fn encode(self, progress: &Progress) -> Option<String> {
        match self {
            Part::Head => Some(super::format::encode(&head(progress))),
            Part::History => Some(super::format::encode(&history(progress))),
            Part::Day(day) => encode_day(progress, day),
        }
    }
}

pub fn day_key(day: i32) -> String {
    format!("{DAY_PREFIX}{day}")
}

/// The study day of a day part's key.
pub fn key_day(key: &str) -> Option<i32> {
    key.strip_prefix(DAY_PREFIX)?.parse().ok()
}

/// Which part a confusion is stored in (it has a time, not a study day).
pub fn confusion_day(c: &Confusion) -> i32 {
    Now::new(c.at, 0).day
}

/// The head: settings, records, tombstones and reset times.
fn head(progress: &Progress) -> Progress {
    Progress {
        undone: progress.undone.clone(),
        settings: progress.settings.clone(),
        records: progress.records.clone(),
        last_export_ms: progress.last_export_ms,
        reset_at: progress.reset_at,
        reset_undone_at: progress.reset_undone_at,
        ..Progress::default()
    }
}

/// The compacted history. Merging it into a record that holds newer reviews of a card
/// keeps them (see `Progress::merge`).
fn history(progress: &Progress) -> Progress {
    Progress {
        base: progress.base.clone(),
        compacted_days: progress.compacted_days.clone(),
        compacted_confusions: progress.compacted_confusions.clone(),
        confusions_compacted_at: progress.confusions_compacted_at,
        ..Progress::default()
    }
}

/// The reviews and confusions that day `day`'s part holds.
fn of_day(progress: &Progress, day: i32) -> (Vec<&Review>, Vec<&Confusion>) {
    (
        progress.log.iter().filter(|r| r.day == day).collect(),
        progress
            .confusions
            .iter()
            .filter(|c| confusion_day(c) == day)
            .collect(),
    )
}

/// The text of day `day`'s part, or `None` when the record holds nothing for that day.
fn encode_day(progress: &Progress, day: i32) -> Option<String> {
    #[derive(Serialize)]
    struct Part<'a> {
        version: u32,
        log: Vec<&'a Review>,
        confusions: Vec<&'a Confusion>,
    }
    let (log, confusions) = of_day(progress, day);
    let part = Part {
        version: VERSION,
        log,
        confusions,
    };
    (!part.log.is_empty() || !part.confusions.is_empty())
        .then(|| serde_json::to_string(&part).expect("a day part always serializes"))
}

/// Whether `theirs`, this part as another tab just stored it, lacks something that `ours`
/// holds for it: then this tab writes the part back. Two tabs that read a part before
/// either wrote it each write what they read plus their own; the second write loses the
/// first one's addition, and the first tab, told of the second write, puts it back.
///
/// Only what `ours` adds counts, by the rules of `Progress::merge`: where the two are
/// merely different (settings or a base state of the same time), what is stored stays, so
/// two tabs never answer each other's writes forever.
pub fn lacks(part: Part, theirs: &Progress, ours: &Progress) -> bool {
    let mut merged = theirs.clone();
    merged.merge(&part.project(ours));
    part.encode(&merged) != part.encode(theirs)
}

/// Every day that has a part.
pub fn days(progress: &Progress) -> BTreeSet<i32> {
    progress
        .log
        .iter()
        .map(|r| r.day)
        .chain(progress.confusions.iter().map(confusion_day))
        .collect()
}

/// Every part of a record and its key and text, head first: what [`join`] reads back as
/// the same record.
pub fn split(progress: &Progress) -> Vec<(String, String)> {
    [Part::Head, Part::History]
        .into_iter()
        .chain(days(progress).into_iter().map(Part::Day))
        .filter_map(|part| Some((part.key(), part.encode(progress)?)))
        .collect()
}

/// The record from its parts: the head, then the others in any order (duplicates are
/// fine). A version-1 record is a head that holds everything.
pub fn join(head: Progress, parts: impl IntoIterator<Item = Progress>) -> Progress {
    let mut record = head;
    let mut rest = Progress::default();
    for part in parts {
        if part.log.is_empty() && part.confusions.is_empty() {
            record.merge(&part); // the compacted history
        } else {
            rest.log.extend(part.log);
            rest.confusions.extend(part.confusions);
        }
    }
    rest.log
        .sort_by(|a, b| (a.at, &a.card).cmp(&(b.at, &b.card)));
    rest.log.dedup_by(|a, b| a.key() == b.key());
    record.merge(&rest);
    record
}

/// What a save must write: the parts that changed since the last one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Dirty {
    /// Every part (an import, a merge that changed the compacted history).
    pub all: bool,
    pub head: bool,
    pub history: bool,
    pub days: BTreeSet<i32>,
}

impl Dirty {
    /// Notes what a change of the reviews touched. Taking a review back adds a tombstone
    /// (the head); compacting changes the history (and drops old tombstones).
    pub fn note(&mut self, change: &Change) {
        self.all |= change.all;
        self.head |= !change.removed.is_empty() || !change.compacted.is_empty();
        self.history |= !change.compacted.is_empty();
        for r in change
            .added
            .iter()
            .chain(&change.removed)
            .chain(&change.compacted)
        {
            self.days.insert(r.day);
        }
    }

    /// Notes a part to write whatever changed.
    pub fn part(&mut self, part: Part) {
        match part {
            Part::Head => self.head = true,
            Part::History => self.history = true,
            Part::Day(day) => {
                self.days.insert(day);
            }
        }
    }

    /// Notes confusions added to the record.
    pub fn confusions<'a>(&mut self, added: impl IntoIterator<Item = &'a Confusion>) {
        self.days.extend(added.into_iter().map(confusion_day));
    }

    /// The parts to write for `progress`, in the order that keeps the stored record whole
    /// if writing stops half-way: the head (tombstones) and the history (base states)
    /// before the day parts they empty. `spread`: the stored head still holds reviews (a
    /// version-1 record): then the day parts go first, and the head that no longer holds
    /// them last.
    pub fn parts(&self, progress: &Progress, spread: bool) -> Vec<Part> {
        let all = self.all || spread;
        let mut days = self.days.clone();
        if all {
            days.extend(self::days(progress));
        }
        let mut out: Vec<Part> = Vec::new();
        if all || self.head {
            out.push(Part::Head);
        }
        if all || self.history {
            out.push(Part::History);
        }
        out.extend(days.into_iter().map(Part::Day));
        if spread {
            out.reverse();
        }
        out
    }
}
