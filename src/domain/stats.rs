//! What the progress screen shows, computed from the progress record at a given time:
//! mastery (FSRS retrievability), the week ahead, the review heatmap, streaks, the most
//! confused pairs, and the projected readiness on the interview day.

use std::collections::BTreeMap;

use super::cards::Card;
use super::deck::{Deck, Library};
use super::progress::Progress;
use super::schedule::{CardState, Now, Scheduler, Stage};

/// A day counts towards a streak once this many reviews are done.
pub const STREAK_MIN_REVIEWS: usize = 10;
/// Weeks in the heatmap.
pub const HEATMAP_WEEKS: i32 = 12;

/// Probability of recalling a card at study day `day` (0 for a card never reviewed).
pub fn recall(scheduler: &Scheduler, state: Option<&CardState>, day: i32) -> f32 {
    match state {
        Some(s) if s.stage != Stage::New => match s.memory {
            Some(m) => scheduler
                .fsrs
                .retrievability((day - s.last_day).max(0) as f32, m.stability),
            None => 0.0,
        },
        _ => 0.0,
    }
}

/// Mean recall over `cards` at `day`, 0 to 1.
pub fn mastery(
    scheduler: &Scheduler,
    cards: &[&Card],
    states: &BTreeMap<String, CardState>,
    day: i32,
) -> f32 {
    if cards.is_empty() {
        return 0.0;
    }
    cards
        .iter()
        .map(|c| recall(scheduler, states.get(&c.id), day))
        .sum::<f32>()
        / cards.len() as f32
}

/// Mastery of one deck, its phases and comparisons at `day`.
#[derive(Clone, Debug, PartialEq)]
pub struct DeckMastery {
    pub id: String,
    pub title: String,
    pub mastery: f32,
    pub phases: Vec<PhaseMastery>,
}

/// Mastery of each phase and each comparison at `day`, in deck order.
#[derive(Clone, Debug, PartialEq)]
pub struct PhaseMastery {
    pub number: u32,
    pub title: String,
    pub mastery: f32,
    pub comparisons: Vec<(String, String, f32)>,
}

/// Mastery of every deck of `library` (of its cards among `cards`), in library order.
pub fn mastery_by_deck(
    library: &Library,
    cards: &[Card],
    scheduler: &Scheduler,
    states: &BTreeMap<String, CardState>,
    day: i32,
) -> Vec<DeckMastery> {
    library
        .decks
        .iter()
        .map(|deck| {
            let of_deck: Vec<&Card> = cards.iter().filter(|c| c.deck.id == deck.id).collect();
            DeckMastery {
                id: deck.id.clone(),
                title: deck.title.clone(),
                mastery: mastery(scheduler, &of_deck, states, day),
                phases: mastery_by_phase(deck, &of_deck, scheduler, states, day),
            }
        })
        .collect()
}

/// Mastery of each phase of `deck` (of its cards among `cards`) at `day`.
pub fn mastery_by_phase(
    deck: &Deck,
    cards: &[&Card],
    scheduler: &Scheduler,
    states: &BTreeMap<String, CardState>,
    day: i32,
) -> Vec<PhaseMastery> {
    deck.phases
        .iter()
        .map(|phase| {
            let of_phase: Vec<&Card> = cards
                .iter()
                .copied()
                .filter(|c| c.deck.id == deck.id && c.phase.number == phase.number)
                .collect();
            let comparisons = phase
                .comparisons
                .iter()
                .map(|comparison| {
                    let of: Vec<&Card> = of_phase
                        .iter()
                        .copied()
                        .filter(|c| c.comparison.id == comparison.id)
                        .collect();
                    (
                        comparison.id.clone(),
                        comparison.title(),
                        mastery(scheduler, &of, states, day),
                    )
                })
                .collect();
            PhaseMastery {
                number: phase.number,
                title: phase.title.clone(),
                mastery: mastery(scheduler, &of_phase, states, day),
                comparisons,
            }
        })
        .collect()
}

/// Cards due on each of the next `days` days; today includes overdue and learning cards.
pub fn due_ahead(states: &BTreeMap<String, CardState>, now: Now, days: usize) -> Vec<usize> {
    let mut out = vec![0; days];
    for s in states.values() {
        let offset = match s.stage {
            Stage::New => continue,
            Stage::Learning | Stage::Relearning => 0,
            Stage::Review => (s.due_day - now.day).max(0),
        };
        if let Some(slot) = out.get_mut(offset as usize) {
            *slot += 1;
        }
    }
    out
}

/// Reviews per study day over the last [`HEATMAP_WEEKS`] weeks ending `today`, oldest
/// first. `per_day`: reviews per study day ([`super::derive::Derived::per_day`]).
pub fn heatmap(per_day: &BTreeMap<i32, u32>, today: i32) -> Vec<(i32, usize)> {
    let first = today - HEATMAP_WEEKS * 7 + 1;
    (first..=today)
        .map(|d| (d, per_day.get(&d).copied().unwrap_or(0) as usize))
        .collect()
}

/// Current and longest streak of days with at least [`STREAK_MIN_REVIEWS`] reviews. Today
/// keeps the current streak alive until it ends, so a streak is not lost at breakfast.
/// Work grows with the days studied, not with the reviews.
pub fn streaks(per_day: &BTreeMap<i32, u32>, today: i32) -> (u32, u32) {
    let counts = |d: i32| per_day.get(&d).copied().unwrap_or(0) as usize >= STREAK_MIN_REVIEWS;
    let mut longest = 0;
    let mut run = 0;
    let mut last: Option<i32> = None;
    for (&day, &n) in per_day {
        if (n as usize) < STREAK_MIN_REVIEWS {
            continue;
        }
        run = if last == Some(day - 1) { run + 1 } else { 1 };
        longest = longest.max(run);
        last = Some(day);
    }
    let mut current = 0;
    let mut day = if counts(today) { today } else { today - 1 };
    while counts(day) {
        current += 1;
        day -= 1;
    }
    (current, longest)
}

/// "X mistaken for Y", counted, most frequent first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfusedPair {
    pub comparison: String,
    pub right: String,
    pub chosen: String,
    pub count: usize,
}

pub fn most_confused(progress: &Progress, limit: usize) -> Vec<ConfusedPair> {
    let mut counts: BTreeMap<(String, String, String), usize> = BTreeMap::new();
    for c in &progress.confusions {
        *counts
            .entry((c.comparison.clone(), c.right.clone(), c.chosen.clone()))
            .or_insert(0) += 1;
    }
    // Those folded by compaction.
    for (pair, n) in &progress.compacted_confusions {
        let mut parts = pair.splitn(3, '\t').map(str::to_string);
        if let (Some(comparison), Some(right), Some(chosen)) =
            (parts.next(), parts.next(), parts.next())
        {
            *counts.entry((comparison, right, chosen)).or_insert(0) += *n as usize;
        }
    }
    let mut out: Vec<ConfusedPair> = counts
        .into_iter()
        .map(|((comparison, right, chosen), count)| ConfusedPair {
            comparison,
            right,
            chosen,
            count,
        })
        .collect();
    out.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| a.comparison.cmp(&b.comparison))
    });
    out.truncate(limit);
    out
}

/// Interview practice at a glance: drills (how many exist in the library, are due, were
/// answered, and the share answered right) and explanations (how many were written, and
/// the average share of points they covered, the latest per comparison).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Practice {
    pub drills: usize,
    pub drills_due: usize,
    pub drill_answers: usize,
    /// Percent of drill answers that were right (Hard or better); `None` before any.
    pub drill_accuracy: Option<usize>,
    pub explained: usize,
    pub explanations: usize,
    /// Average percent covered by the latest explanation of each comparison.
    pub covered: Option<usize>,
}

/// See [`Practice`]. Drill answers and explanations still in the log are counted (written
/// ones are never compacted; drill answers folded by compaction only show in the due count).
pub fn practice(
    progress: &Progress,
    library: &Library,
    states: &BTreeMap<String, CardState>,
    day: i32,
) -> Practice {
    use super::cards::{drill_cards, CardKind, Scope};
    use super::practice::percent;
    let drills = drill_cards(library, &Scope::default());
    let due = super::study::due_on(&drills, states, day);
    let mut answers = 0;
    let mut right = 0;
    let mut latest: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut explanations = 0;
    for r in progress
        .log
        .iter()
        .filter(|r| !progress.undone.contains(&r.key()))
    {
        match CardKind::of(&r.card) {
            Some(CardKind::Drill) => {
                answers += 1;
                right += usize::from(r.grade != super::fsrs::Grade::Again);
            }
            Some(CardKind::Explain) => {
                if let Some(w) = &r.written {
                    explanations += 1;
                    latest.insert(&r.card, (w.covered.into(), w.of.into()));
                }
            }
            _ => {}
        }
    }
    let covered = (!latest.is_empty())
        .then(|| latest.values().map(|&(k, n)| percent(k, n)).sum::<usize>() / latest.len());
    Practice {
        drills: drills.len(),
        drills_due: due,
        drill_answers: answers,
        drill_accuracy: (answers > 0).then(|| right * 100 / answers),
        explained: latest.len(),
        explanations,
        covered,
    }
}

/// The explanations written for the explain card `card`, newest first, with their day.
pub fn explanations(progress: &Progress, card: &str) -> Vec<(i32, super::progress::Written)> {
    progress
        .log
        .iter()
        .rev()
        .filter(|r| r.card == card && !progress.undone.contains(&r.key()))
        .filter_map(|r| Some((r.day, r.written.clone()?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::derive::Derived;
    use crate::domain::fsrs::Grade;
    use crate::domain::progress::{Confusion, Review, Source};

    const T0: i64 = 1_764_000_000_000;

    fn day_reviews(p: &mut Progress, day_offset: i32, n: usize) {
        let now = Now::new(T0, 0).plus_days(day_offset);
        for i in 0..n {
            p.insert(Review {
                card: format!("pair:c{i}"),
                at: now.ms + i as i64,
                day: now.day,
                grade: Grade::Good,
                source: Source::Flashcard,
                written: None,
            });
        }
    }

    #[test]
    fn practice_counts_drills_and_explanations_and_streaks_count_them() {
        use crate::domain::cards::{drill_cards, explain_id, Scope};
        use crate::domain::deck::test_library;
        use crate::domain::progress::Written;
        let library = test_library();
        let drills = drill_cards(&library, &Scope::default());
        let now = Now::new(T0, 0);
        let mut p = Progress::default();
        let mut at = now.ms;
        let mut review = |p: &mut Progress, card: &str, grade, source, written| {
            at += 60_000;
            p.insert(Review {
                card: card.into(),
                at,
                day: now.day,
                grade,
                source,
                written,
            });
        };
        review(&mut p, &drills[0].id, Grade::Good, Source::Predict, None);
        review(&mut p, &drills[1].id, Grade::Again, Source::Predict, None);
        review(&mut p, &drills[2].id, Grade::Hard, Source::Predict, None);
        let explain = explain_id("cmd-vs-entrypoint");
        let w = |k, n| {
            Some(Written {
                text: format!("{k} of {n}"),
                covered: k,
                of: n,
            })
        };
        review(&mut p, &explain, Grade::Again, Source::Explain, w(1, 10));
        review(&mut p, &explain, Grade::Good, Source::Explain, w(8, 10));
        review(
            &mut p,
            &explain_id("copy-vs-add"),
            Grade::Hard,
            Source::Explain,
            w(1, 2),
        );
        let states = p.states(&Scheduler::default());
        let got = practice(&p, &library, &states, now.day);
        assert_eq!(got.drills, drills.len());
        assert!(got.drills >= 60);
        assert_eq!(got.drill_answers, 3);
        assert_eq!(got.drill_accuracy, Some(66), "2 of 3 right (Hard counts)");
        assert_eq!(
            got.drills_due, 3,
            "learning drills (all three, new today) count as due today"
        );
        assert_eq!((got.explained, got.explanations), (2, 3));
        assert_eq!(got.covered, Some(65), "the latest of each: 80 % and 50 %");
        let history = explanations(&p, &explain);
        assert_eq!(
            history.iter().map(|(_, w)| w.covered).collect::<Vec<_>>(),
            [8, 1],
            "newest first"
        );
        // Practice counts toward the day's reviews, and so toward streaks.
        assert_eq!(Derived::new(&p).per_day().get(&now.day), Some(&6));
    }

    #[test]
    fn streaks_count_days_with_ten_reviews_and_today_keeps_them_alive() {
        let mut p = Progress::default();
        let today = Now::new(T0, 0).day;
        for d in [-9, -8, -7] {
            day_reviews(&mut p, d, 12);
        }
        day_reviews(&mut p, -6, 9); // not enough: breaks the run
        for d in [-3, -2, -1] {
            day_reviews(&mut p, d, 10);
        }
        let per_day = |p: &Progress| Derived::new(p).per_day().clone();
        assert_eq!(
            streaks(&per_day(&p), today),
            (3, 3),
            "today not done yet: still 3"
        );
        day_reviews(&mut p, 0, 10);
        assert_eq!(streaks(&per_day(&p), today), (4, 4));
        assert_eq!(
            streaks(&per_day(&p), today + 2),
            (0, 4),
            "a missed day ends it"
        );
    }

    #[test]
    fn heatmap_covers_twelve_weeks_with_compacted_days() {
        let mut p = Progress::default();
        let today = Now::new(T0, 0).day;
        day_reviews(&mut p, 0, 3);
        day_reviews(&mut p, -100, 5); // outside the window
        p.compacted_days.insert(today - 10, 7);
        let map = heatmap(Derived::new(&p).per_day(), today);
        assert_eq!(map.len(), 84);
        assert_eq!(map.last(), Some(&(today, 3)));
        assert_eq!(
            map.iter().find(|(d, _)| *d == today - 10),
            Some(&(today - 10, 7))
        );
        assert_eq!(map.iter().map(|(_, n)| n).sum::<usize>(), 10);
    }

    #[test]
    fn due_ahead_and_recall() {
        let s = Scheduler::default();
        let now = Now::new(T0, 0);
        let mut states = BTreeMap::new();
        let easy = s.grade(None, Grade::Easy, now);
        states.insert("a".to_string(), easy.clone());
        states.insert("b".to_string(), s.grade(None, Grade::Again, now));
        let due = due_ahead(&states, now, 10);
        assert_eq!(due[0], 1);
        assert_eq!(due[easy.interval as usize], 1);
        assert_eq!(due.iter().sum::<usize>(), 2);
        // Recall is 90 % when a card falls due, more before, 0 for a new card.
        let r_due = recall(&s, Some(&easy), now.day + easy.interval as i32);
        assert!((r_due - 0.9).abs() < 0.02, "{r_due}");
        assert!(recall(&s, Some(&easy), now.day + 1) > r_due);
        assert_eq!(recall(&s, None, now.day), 0.0);
    }

    #[test]
    fn most_confused_pairs_first() {
        let mut p = Progress::default();
        let c = |right: &str, chosen: &str, at| Confusion {
            at,
            comparison: "cmd-vs-entrypoint".into(),
            right: right.into(),
            chosen: chosen.into(),
        };
        p.confusions = vec![
            c("CMD", "ENTRYPOINT", 1),
            c("ENTRYPOINT", "CMD", 2),
            c("CMD", "ENTRYPOINT", 3),
        ];
        let top = most_confused(&p, 5);
        assert_eq!(top.len(), 2);
        assert_eq!(
            (top[0].right.as_str(), top[0].chosen.as_str(), top[0].count),
            ("CMD", "ENTRYPOINT", 2)
        );
    }
}
