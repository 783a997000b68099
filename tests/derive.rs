//! Incremental derivation equals a full replay: two tabs grade, undo, merge each other's
//! records, reset (and undo it), compact and change settings in generated orders; after
//! every step each tab's `Derived`, kept in step change by change, equals one derived
//! afresh from its record.
#![cfg(not(target_arch = "wasm32"))]

use diffdeck::domain::derive::Derived;
use diffdeck::domain::fsrs::Grade;
use diffdeck::domain::progress::{Change, Progress, Review, Source, Written};
use diffdeck::domain::schedule::{Now, MINUTE_MS};
use proptest::prelude::*;

const T0: i64 = 1_764_000_000_000;

#[derive(Clone, Debug)]
enum Op {
    /// A tab grades a card, `minutes` after the previous step.
    Grade {
        tab: usize,
        card: u8,
        minutes: u16,
        grade: u8,
    },
    /// A tab undoes one of its latest reviews (`back` from the newest).
    Undo {
        tab: usize,
        back: u8,
    },
    /// A tab merges the other tab's record (a storage event, or a save that read it).
    Merge {
        into: usize,
    },
    Reset {
        tab: usize,
    },
    UndoReset {
        tab: usize,
    },
    /// Compaction with small limits, so that it happens.
    Compact {
        tab: usize,
        at: u8,
        keep: u8,
    },
    /// New settings: another scheduler.
    Retention {
        tab: usize,
        percent: u8,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let tab = 0usize..2;
    prop_oneof![
        6 => (tab.clone(), 0u8..6, 0u16..2_000, 1u8..=4).prop_map(|(tab, card, minutes, grade)| Op::Grade { tab, card, minutes, grade }),
        2 => (tab.clone(), 0u8..4).prop_map(|(tab, back)| Op::Undo { tab, back }),
        2 => tab.clone().prop_map(|into| Op::Merge { into }),
        1 => tab.clone().prop_map(|tab| Op::Reset { tab }),
        1 => tab.clone().prop_map(|tab| Op::UndoReset { tab }),
        1 => (tab.clone(), 2u8..12, 1u8..12).prop_map(|(tab, at, keep)| Op::Compact { tab, at, keep }),
        1 => (tab, 80u8..96).prop_map(|(tab, percent)| Op::Retention { tab, percent }),
    ]
}

struct Tab {
    progress: Progress,
    derived: Derived,
    before_reset: Option<Progress>,
}

fn grade(n: u8) -> Grade {
    match n {
        1 => Grade::Again,
        2 => Grade::Hard,
        3 => Grade::Good,
        _ => Grade::Easy,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn incremental_states_equal_a_full_replay(ops in prop::collection::vec(op(), 1..80)) {
        let fresh = || Tab { progress: Progress::default(), derived: Derived::new(&Progress::default()), before_reset: None };
        let mut tabs = [fresh(), fresh()];
        let mut now = T0;
        for op in ops {
            now += MINUTE_MS / 2; // every step takes a moment
            let (tab, change) = match op {
                Op::Grade { tab, card, minutes, grade: g } => {
                    now += i64::from(minutes) * MINUTE_MS;
                    let at = Now::new(now, 60);
                    let p = &mut tabs[tab].progress;
                    // Cards 4 and 5 are explain cards: their reviews carry what was written,
                    // and compaction leaves them in the log.
                    let (id, source, written) = if card >= 4 {
                        (format!("explain:c{card}"), Source::Explain, Some(Written { text: format!("answer {now}"), covered: 1, of: 2 }))
                    } else {
                        (format!("pair:c{card}"), Source::Flashcard, None)
                    };
                    let mut change = p.insert(Review { card: id, at: at.ms, day: at.day, grade: grade(g), source, written });
                    change.and(p.compact(&p.settings.scheduler()));
                    (tab, change)
                }
                Op::Undo { tab, back } => {
                    let p = &mut tabs[tab].progress;
                    let Some(key) = p.log.iter().rev().nth(usize::from(back)).map(Review::key) else { continue };
                    (tab, p.undo(&key))
                }
                Op::Merge { into } => {
                    let theirs = tabs[1 - into].progress.clone();
                    (into, tabs[into].progress.merge(&theirs))
                }
                Op::Reset { tab } => {
                    tabs[tab].before_reset = Some(tabs[tab].progress.reset(now));
                    (tab, Change::everything())
                }
                Op::UndoReset { tab } => {
                    let Some(before) = tabs[tab].before_reset.take() else { continue };
                    tabs[tab].progress.undo_reset(before, now);
                    (tab, Change::everything())
                }
                Op::Compact { tab, at, keep } => {
                    let p = &mut tabs[tab].progress;
                    let scheduler = p.settings.scheduler();
                    (tab, p.compact_at(&scheduler, usize::from(at), usize::from(keep)))
                }
                Op::Retention { tab, percent } => {
                    let p = &mut tabs[tab].progress;
                    p.settings.retention = f32::from(percent) / 100.0;
                    p.settings.updated_ms = now;
                    (tab, Change::default())
                }
            };
            let Tab { progress, derived, .. } = &mut tabs[tab];
            derived.update(progress, &change);
            let replayed = Derived::new(progress);
            prop_assert_eq!(&*derived, &replayed);
            prop_assert_eq!(derived.states(), &progress.states(&progress.settings.scheduler()));
            let today = Now::new(now, 60).day;
            prop_assert_eq!(derived.reviews_on(today), progress.reviews_on(today));
            prop_assert_eq!(derived.new_cards_on(today), progress.new_cards_on(today));
            prop_assert_eq!(derived.total_reviews(), progress.total_reviews());
        }
    }
}

/// A grade on top of a long history touches one card: the derived record of every other
/// card is left as it was (the same values, not rebuilt), and the new state is the one a
/// replay gives.
#[test]
fn a_grade_after_a_long_history_changes_one_card() {
    let mut p = Progress::default();
    let mut now = Now::new(T0, 0);
    for i in 0..3_000 {
        now = now.plus_minutes(37);
        p.insert(Review {
            card: format!("pair:c{}", i % 100),
            at: now.ms,
            day: now.day,
            grade: Grade::Good,
            source: Source::Flashcard,
            written: None,
        });
    }
    let mut derived = Derived::new(&p);
    let before = derived.clone();
    now = now.plus_minutes(5);
    let change = p.insert(Review {
        card: "pair:c7".into(),
        at: now.ms,
        day: now.day,
        grade: Grade::Again,
        source: Source::Flashcard,
        written: None,
    });
    assert!(derived.update(&p, &change));
    // Nothing to follow (a save that merged nothing): nothing to re-render.
    assert!(!derived.update(&p, &Change::default()));
    let changed: Vec<&String> = derived
        .states()
        .iter()
        .filter(|(card, state)| before.states().get(*card) != Some(state))
        .map(|(card, _)| card)
        .collect();
    assert_eq!(changed, ["pair:c7"]);
    assert_eq!(derived, Derived::new(&p));
}
