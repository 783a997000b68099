//! The progress record: read from storage once the app is on screen (this file's code is
//! in the storage part, see `open_storage`), changed only through the methods here (a
//! grade, an undo, settings, a confusion, a best score, an import, a reset), each of which
//! saves what it changed and keeps what is derived from it in step.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::{now, AppState};
use crate::domain::cards::{cards, Scope};
use crate::domain::derive::Derived;
use crate::domain::fsrs::Grade;
use crate::domain::own;
use crate::domain::progress::{
    Best, Change, Confusion, Progress, Review, ReviewKey, Settings, Source, Written,
};
use crate::domain::schedule::Now;
use crate::domain::stats;
use crate::domain::study;
use crate::platform;
use crate::storage::format::Backup;
use crate::storage::layout::{self, Dirty};
use crate::storage::local::{self, OtherTabs, StorageNotice, Store};

impl AppState {
    /// Reads the stored progress (with a notice for anything wrong with it) and starts
    /// following other tabs' writes. Once only.
    pub(super) fn open(self) {
        if self.opened.get_untracked() {
            return;
        }
        let opened = Store::open(now().ms);
        self.progress.set(opened.progress);
        self.store.set_value(Some(opened.store));
        for notice in opened.notices {
            self.notify(notice);
        }
        self.follow(&Change::everything());
        self.show_own(&opened.decks);
        let listener = OtherTabs::listen(
            move |part, theirs| {
                self.change(|p| p.merge(&theirs));
                // A write of ours that the other tab's write lost (both read the part before
                // either wrote it) goes back now, not at this tab's next save.
                if self
                    .progress
                    .with_untracked(|ours| layout::lacks(part, &theirs, ours))
                {
                    self.pending.update_value(|d| d.part(part));
                    self.save();
                }
            },
            move |list| {
                self.show_own(&list);
                self.store.update_value(|s| {
                    if let Some(s) = s.as_mut() {
                        s.heard_decks(list)
                    }
                });
            },
        );
        self.listener.set_value(listener);
        local::check_persisted(move |granted| self.persisted.set(Some(granted)));
        self.opened.set(true);
        self.keep_badge();
        self.keep_due();
        platform::styles::add_print_sheet();
    }

    /// [`AppState::due`]: every deck's cards due now, worked out when a screen reads it
    /// and again when progress or the decks change while one does. With nothing studied,
    /// nothing is replayed.
    fn keep_due(self) {
        let memo = self.owner.with_value(|owner| {
            owner.with(|| {
                Memo::new(move |_| {
                    if self
                        .progress
                        .with(|p| p.base.is_empty() && p.log.is_empty())
                    {
                        return BTreeMap::new();
                    }
                    let cards = self.library.with(|l| cards(l, &Scope::default()));
                    let now = now();
                    self.study()
                        .with(|d| study::due_by_deck(&cards, d.states(), now))
                })
            })
        });
        self.due.set(Some(memo));
    }

    /// In the installed app, where the browser shows a badge: the cards due now, kept
    /// current as the record changes and set again when the app is put away (cards fall
    /// due while it is closed; a badge set then is what the home screen shows).
    fn keep_badge(self) {
        if !platform::badge::supported() {
            return;
        }
        let study = self.study();
        let due = move || study.with_untracked(|d| stats::due_ahead(d.states(), now(), 1)[0]);
        self.owner.with_value(|owner| {
            owner.with(|| {
                Effect::new(move |_| {
                    study.track();
                    platform::badge::set(due());
                })
            })
        });
        platform::badge::on_hide(move || platform::badge::set(due()));
    }

    /// What studying needs from the progress record: every card's scheduling state, the
    /// scheduler, and the day counts. Kept in step with each change (see `domain::derive`),
    /// so a grade costs the same however long the history.
    ///
    /// Made on first use, not at start-up: only the study screens need it, so its code
    /// (FSRS, the replay) is not in the first download (see `ui::lazy`). The signal belongs
    /// to the app's owner, not to the screen that happened to ask first.
    pub fn study(&self) -> ReadSignal<Derived> {
        if let Some(derived) = self.derived.get_value() {
            return derived.read_only();
        }
        let derived = self.owner.with_value(|owner| {
            owner.with(|| RwSignal::new(self.progress.with_untracked(Derived::new)))
        });
        self.derived.set_value(Some(derived));
        derived.read_only()
    }

    /// Changes the progress record, and what is derived from it with it; the next save
    /// writes what changed.
    fn change(&self, f: impl FnOnce(&mut Progress) -> Change) {
        let mut change = Change::default();
        self.progress.update(|p| change = f(p));
        self.pending.update_value(|d| d.note(&change));
        self.follow(&change);
    }

    /// Brings what is derived from progress in step with `change`, if it exists yet. The
    /// screens that read it re-render only if something changed (a save that merged
    /// nothing changes nothing).
    fn follow(&self, change: &Change) {
        if let Some(derived) = self.derived.get_value() {
            self.progress
                .with_untracked(|p| derived.maybe_update(|d| d.update(p, change)));
        }
    }

    /// Grades a card, saves, and returns the review's key (for undo).
    pub fn grade(&self, card: &str, grade: Grade, source: Source, now: Now) -> ReviewKey {
        self.record(card, grade, source, None, now)
    }

    /// Records a review and, for a wrong answer in a game, which side was mistaken for
    /// which; saves once. After the very first review, asks the browser to keep the data.
    pub fn record(
        &self,
        card: &str,
        grade: Grade,
        source: Source,
        confusion: Option<Confusion>,
        now: Now,
    ) -> ReviewKey {
        self.record_review(Review::new(card, grade, source, now), confusion)
    }

    /// Records an explanation graded by what it covered, with what the user wrote; saves.
    pub fn record_explanation(
        &self,
        card: &str,
        grade: Grade,
        written: Written,
        now: Now,
    ) -> ReviewKey {
        let review = Review {
            written: Some(written),
            ..Review::new(card, grade, Source::Explain, now)
        };
        self.record_review(review, None)
    }

    fn record_review(&self, review: Review, confusion: Option<Confusion>) -> ReviewKey {
        let key = review.key();
        let first = self.progress.with_untracked(|p| p.total_reviews() == 0);
        self.pending
            .update_value(|d| d.confusions(confusion.as_ref()));
        self.change(|p| {
            let mut change = p.insert(review);
            p.confusions.extend(confusion);
            change.and(p.compact(&p.settings.scheduler()));
            change
        });
        self.save();
        if first && self.persisted.get_untracked() != Some(true) {
            let persisted = self.persisted;
            local::request_persistence(move |granted| persisted.set(Some(granted)));
        }
        key
    }

    /// Takes back a review.
    pub fn undo(&self, key: &ReviewKey) {
        self.change(|p| p.undo(key));
        self.save();
    }

    /// Changes the settings and saves.
    pub fn update_settings(&self, change: impl FnOnce(&mut Settings)) {
        let (ms, _) = platform::clock::now();
        // A new scheduler derives every card again (`Derived::update` sees it).
        self.change(|p| {
            change(&mut p.settings);
            p.settings.updated_ms = ms;
            Change::default()
        });
        self.pending.update_value(|d| d.head = true);
        self.save();
    }

    /// Records which side was mistaken for which outside a review (a practice-free match
    /// pair picked wrong), and saves.
    pub fn record_confusion(&self, confusion: Confusion) {
        self.pending
            .update_value(|d| d.confusions(std::slice::from_ref(&confusion)));
        self.progress.update(|p| p.confusions.push(confusion));
        self.save();
    }

    /// Offers a cleared match board's time (tenths of a second) as the best for `key`;
    /// saves if it is one. Returns the best before it.
    pub fn offer_best_match(&self, key: String, tenths: u32) -> Best {
        self.offer_best(|r| r.offer_match(key, tenths))
    }

    /// Offers a finished quiz's score as the best for `key`; saves if it is one.
    pub fn offer_best_quiz(&self, key: String, score: u32) -> Best {
        self.offer_best(|r| r.offer_quiz(key, score))
    }

    fn offer_best(
        &self,
        offer: impl FnOnce(&mut crate::domain::progress::Records) -> Best,
    ) -> Best {
        let mut best = Best::default();
        self.progress.update(|p| best = offer(&mut p.records));
        if best.is_new {
            self.pending.update_value(|d| d.head = true);
            self.save();
        }
        best
    }

    /// Writes progress, merging what other tabs stored since (which may add to it).
    fn save(&self) {
        let dirty = self
            .pending
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut merged = Change::default();
        self.write(|store| {
            let mut notice = None;
            self.progress
                .update(|p| (notice, merged) = store.save(p, &dirty));
            notice
        });
        self.follow(&merged);
    }

    /// Writes progress as it is, over what is stored (a reset, an import that replaces).
    fn replace_stored(&self) {
        self.pending.set_value(Dirty::default());
        self.write(|store| self.progress.with_untracked(|p| store.replace(p)));
    }

    /// The one way to the store; what it reports becomes a notice.
    fn write(&self, op: impl FnOnce(&mut Store) -> Option<StorageNotice>) {
        debug_assert!(
            self.opened.get_untracked(),
            "wrote before the stored progress was read"
        );
        let mut notice = None;
        self.store
            .update_value(|store| notice = store.as_mut().and_then(op));
        if let Some(n) = notice {
            self.notify(n);
        }
    }

    /// Offers all progress, and the user's decks, as a JSON file, and remembers when.
    pub fn export(&self) {
        self.mark_exported();
        platform::download::download_text(
            &Self::backup_name(),
            &self.backup_text(),
            "application/json",
        );
    }

    /// Notes that the record went into a backup file now (downloaded or shared).
    pub fn mark_exported(&self) {
        self.progress.update(|p| p.last_export_ms = now().ms);
        self.pending.update_value(|d| d.head = true);
        self.save();
    }

    /// The backup file's text: the whole record and the user's decks.
    pub fn backup_text(&self) -> String {
        let decks = self.own_list();
        self.progress
            .with_untracked(|p| crate::storage::format::encode_backup(p, &decks))
    }

    /// The backup file's name, with today's date.
    pub fn backup_name() -> String {
        format!(
            "diffdeck-progress-{}.json",
            crate::domain::calendar::iso(now().day)
        )
    }

    /// What a sync link carries (see `domain::sync`): the record's changes after
    /// `since_ms` (0: all of it), in the backup format, without the user's decks.
    pub fn sync_text(&self, since_ms: i64) -> String {
        self.progress.with_untracked(|p| {
            crate::storage::format::encode_backup(
                &crate::domain::sync::changes_since(p, since_ms),
                &[],
            )
        })
    }

    /// When progress was last sent to each of the user's other devices, by name.
    pub fn sent_to() -> std::collections::BTreeMap<String, i64> {
        local::sent()
    }

    /// Notes when progress was sent to each device; if it cannot be stored, it lasts
    /// until the tab closes (the caller keeps it).
    pub fn note_sent(sent: &std::collections::BTreeMap<String, i64>) {
        local::set_sent(sent);
    }

    /// Reads a backup file (see `storage::format::read_backup`): its progress, decks and
    /// warnings, or why it cannot be imported.
    pub fn read_backup(text: &str) -> Result<Backup, Vec<String>> {
        crate::storage::format::read_backup(text)
    }

    /// Brings in an imported backup: its progress merged with the current one, or replacing
    /// it; its decks added, a deck already here replaced by the backup's version when
    /// replacing, or by the newer one when merging (`own::merge`: none is removed).
    pub fn import(&self, backup: Backup, merge: bool) {
        let Backup {
            progress: imported,
            decks,
            ..
        } = backup;
        if !decks.is_empty() {
            self.set_own(own::merge(self.own_list(), decks, !merge));
        }
        if merge {
            self.change(|p| p.merge(&imported));
            self.pending.update_value(|d| d.all = true);
            self.save();
        } else {
            self.progress.set(imported);
            self.follow(&Change::everything());
            self.replace_stored();
        }
    }

    /// Clears all progress but the settings; [`Self::undo_reset`] brings it back until the
    /// tab closes. Other open tabs follow both (see `Progress::reset`).
    pub fn reset(&self) {
        let mut before = None;
        self.progress.update(|p| before = Some(p.reset(now().ms)));
        self.follow(&Change::everything());
        self.before_reset.set(before);
        self.replace_stored();
    }

    pub fn undo_reset(&self) {
        if let Some(before) = self.before_reset.get_untracked() {
            self.before_reset.set(None);
            self.progress.update(|p| p.undo_reset(before, now().ms));
            self.follow(&Change::everything());
            self.replace_stored();
        }
    }

    pub fn is_persistent(&self) -> bool {
        self.store
            .with_value(|store| store.as_ref().is_some_and(Store::is_persistent))
    }
}
