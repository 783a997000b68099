//! The study order over the real deck: new cards, due learning and reviews, the daily
//! limit, learn-ahead, and cram. Time is injected; nothing reads the clock.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use diffdeck::domain::cards::{cards, Scheduled, Scope};
use diffdeck::domain::deck::Library;
use diffdeck::domain::fsrs::Grade;
use diffdeck::domain::schedule::{CardState, Now, Scheduler, Wait};
use diffdeck::domain::study::*;

const T0: i64 = 1_764_000_000_000;

fn deck() -> diffdeck::domain::deck::Deck {
    diffdeck::content::first_deck()
}

#[test]
fn new_cards_in_deck_order_up_to_the_limit() {
    let deck = deck();
    let cards = cards(&Library::new(vec![&deck]), &Scope::default());
    let states = BTreeMap::new();
    let now = Now::new(T0, 0);
    assert_eq!(next_card(&cards, &states, now, 20, None), Some(0));
    assert_eq!(next_card(&cards, &states, now, 0, None), None);
    let c = counts(&cards, &states, now, 20);
    assert_eq!(
        c,
        Counts {
            learning: 0,
            review: 0,
            new: 20
        }
    );
    assert_eq!(counts(&cards, &states, now, 500).new, cards.len());
}

#[test]
fn due_learning_then_reviews_then_new() {
    let deck = deck();
    let cards = cards(&Library::new(vec![&deck]), &Scope::default());
    let s = Scheduler::default();
    let now = Now::new(T0, 0);
    let mut states = BTreeMap::new();
    // Card 3 is a review due today, card 5 a learning card due now.
    let learned = s.grade(None, Grade::Easy, now.plus_days(-10));
    states.insert(
        cards[3].id.clone(),
        CardState {
            due_day: now.day,
            ..learned
        },
    );
    states.insert(
        cards[5].id.clone(),
        s.grade(None, Grade::Again, now.plus_minutes(0)),
    );
    let later = now.plus_minutes(2);
    assert_eq!(next_card(&cards, &states, later, 20, None), Some(5));
    assert_eq!(
        next_card(&cards, &states, later, 20, Some(&cards[5].id)),
        Some(3)
    );
    assert_eq!(
        counts(&cards, &states, later, 20),
        Counts {
            learning: 1,
            review: 1,
            new: 20
        }
    );
    assert_eq!(due_on(&cards, &states, now.day), 2);
}

#[test]
fn a_card_graded_is_not_shown_again_before_it_is_due_and_learn_ahead_fills_gaps() {
    let deck = deck();
    let all = cards(&Library::new(vec![&deck]), &Scope::default());
    let one = &all[..1];
    let s = Scheduler::default();
    let now = Now::new(T0, 0);
    let mut states = BTreeMap::new();
    states.insert(one[0].id.clone(), s.grade(None, Grade::Good, now)); // due in 10 min
                                                                       // Nothing else to do: shown ahead of time within 20 minutes...
    assert_eq!(next_card(one, &states, now, 20, None), Some(0));
    // ...but a graduated card (due in days) is not.
    let review = s.grade(states.get(&one[0].id), Grade::Good, now.plus_minutes(10));
    states.insert(one[0].id.clone(), review.clone());
    assert_eq!(
        next_card(one, &states, now.plus_minutes(11), 20, None),
        None
    );
    assert_eq!(
        next_due(one, &states, now.plus_minutes(11)),
        Some(Wait::Days(review.interval))
    );
    assert_eq!(
        next_card(
            one,
            &states,
            now.plus_days(review.interval as i32),
            20,
            None
        ),
        Some(0)
    );
}

#[test]
fn a_which_side_card_waits_behind_other_new_cards_after_its_difference_card() {
    use diffdeck::domain::cards::{comparison_of, Face};
    let deck = deck();
    let all = cards(&Library::new(vec![&deck]), &Scope::default());
    assert!(all[0].is_pair() && matches!(all[1].face, Face::Point { .. }));
    let s = Scheduler::default();
    let now = Now::new(T0, 0);
    let mut states = BTreeMap::new();
    // The first difference card, answered Good: in learning, due in 10 minutes.
    states.insert(all[0].id.clone(), s.grade(None, Grade::Good, now));
    let next = next_card(&all, &states, now, 20, Some(&all[0].id)).unwrap();
    assert_ne!(comparison_of(&all[next].id), comparison_of(&all[0].id));
    assert!(all[next].is_pair(), "the next comparison's difference card");
    // With no other new card allowed, a sibling still comes (deferred, not dropped)...
    let only_siblings = &all[..3];
    assert_eq!(
        next_card(only_siblings, &states, now, 20, Some(&all[0].id)),
        Some(1)
    );
    // ...and once the comparison has rested, its cards come in deck order again.
    let later = now.plus_minutes(11);
    let mut rested = BTreeMap::new();
    rested.insert(all[0].id.clone(), s.grade(None, Grade::Easy, now));
    assert_eq!(next_card(&all, &rested, later, 20, None), Some(1));
}

#[test]
fn cram_shows_each_card_once_and_again_requeues() {
    let mut cram = Cram::new(5, 42);
    let first = cram.current().unwrap();
    cram.answer(true);
    let mut seen = vec![first];
    while let Some(i) = cram.current() {
        seen.push(i);
        cram.answer(false);
    }
    assert_eq!(seen.len(), 6);
    assert_eq!(
        *seen.last().unwrap(),
        first,
        "the card answered Again comes back last"
    );
    assert_eq!(Cram::new(5, 42), Cram::new(5, 42));
    assert!(cram.undo(false));
    assert_eq!(cram.remaining(), 1);
}

/// A month of daily study of the whole deck, with a seeded learner: every card shown is
/// due (or inside the learn-ahead window), the new-card limit holds, every memory update
/// equals the reference FSRS crate's, and replaying the saved log gives the same states.
#[test]
fn a_month_of_study_follows_fsrs_and_the_rules() {
    use diffdeck::domain::derive::Derived;
    use diffdeck::domain::progress::{Progress, Review, Source};
    use diffdeck::domain::rng::Rng;

    let deck = deck();
    let cards = cards(&Library::new(vec![&deck]), &Scope::default());
    let scheduler = Scheduler::default();
    let reference = common::reference();
    let mut progress = Progress::default();
    // What the app keeps in step with the record, grade by grade.
    let mut derived = Derived::new(&progress);
    let mut rng = Rng::new(2026);
    let start = Now::new(T0, 120); // a learner in UTC+2, studying at 18:00 local
    let mut reviews = 0;
    for day in 0..30 {
        let mut now = start.plus_days(day);
        let new_before = derived.new_cards_on(now.day);
        let mut last: Option<String> = None;
        for _ in 0..1_000 {
            let states = derived.states();
            let new_left = 20usize.saturating_sub(derived.new_cards_on(now.day));
            let Some(i) = next_card(&cards, states, now, new_left, last.as_deref()) else {
                break;
            };
            let card = &cards[i];
            if let Some(s) = states.get(&card.id) {
                let ahead = Now {
                    ms: now.ms + LEARN_AHEAD_MS,
                    ..now
                };
                assert!(
                    s.is_due(ahead),
                    "day {day}: {} shown before it was due",
                    card.id
                );
            }
            // The learner: mostly right, sometimes not.
            let grade = match rng.below(10) {
                0 => Grade::Again,
                1 => Grade::Hard,
                9 => Grade::Easy,
                _ => Grade::Good,
            };
            let before = states.get(&card.id).and_then(|s: &CardState| s.memory);
            let elapsed = states
                .get(&card.id)
                .map_or(0, |s| (now.day - s.last_day) as u32);
            let change = progress.insert(Review {
                card: card.id.clone(),
                at: now.ms,
                day: now.day,
                grade,
                source: Source::Flashcard,
                written: None,
            });
            derived.update(&progress, &change);
            let after = &derived.states()[&card.id];
            let want = common::reference_next(&reference, before, 0.9, elapsed, grade).memory;
            let got = after.memory.unwrap();
            assert!(
                (got.stability - want.stability).abs() <= 1e-3 * want.stability.max(1.0)
                    && (got.difficulty - want.difficulty).abs() <= 1e-3,
                "day {day}, {}: {got:?} vs reference {want:?}",
                card.id
            );
            reviews += 1;
            last = Some(card.id.clone());
            now = now.plus_minutes(1);
        }
        let day = start.plus_days(day).day;
        assert!(derived.new_cards_on(day) - new_before <= 20);
        assert_eq!(derived.new_cards_on(day), progress.new_cards_on(day));
        assert_eq!(derived.reviews_on(day), progress.reviews_on(day));
    }
    assert!(reviews > 400, "{reviews} reviews in a month");
    // After a month every card has been introduced, 20 a day.
    assert_eq!(derived.states().len(), cards.len());
    assert_eq!(&progress.states(&scheduler), derived.states());
    assert_eq!(derived, Derived::new(&progress));
}

/// Mastery and projected readiness: recall now, and lower on a later day if nothing is
/// reviewed meanwhile; phases never studied stay at 0.
#[test]
fn mastery_and_readiness_per_deck_and_phase() {
    use diffdeck::domain::stats::mastery_by_deck;

    let decks: &'static [_] = diffdeck::content::bundled().leak();
    let library = Library::new(decks.iter().collect());
    let all = cards(&library, &Scope::default());
    let s = Scheduler::default();
    let now = Now::new(T0, 0);
    let mut states = BTreeMap::new();
    // Every card of the Docker deck's phase 2, learned with Easy.
    for card in all
        .iter()
        .filter(|c| c.deck.id == "docker" && c.phase.number == 2)
    {
        states.insert(card.id.clone(), s.grade(None, Grade::Easy, now));
    }
    let today = mastery_by_deck(&library, &all, &s, &states, now.day);
    assert_eq!(today.len(), 2);
    let docker = &today[0].phases;
    assert_eq!(docker.len(), 6);
    assert_eq!(docker[0].mastery, 0.0);
    assert!(
        docker[1].mastery > 0.99,
        "just learned: {}",
        docker[1].mastery
    );
    assert!(docker[1].comparisons.iter().all(|(_, _, m)| *m > 0.99));
    assert!(today[0].mastery > 0.1 && today[0].mastery < 0.5);
    assert_eq!(
        today[1].mastery, 0.0,
        "nothing of the second deck was studied"
    );
    assert!(today[1]
        .phases
        .iter()
        .all(|p| p.number != 2 || p.mastery == 0.0));
    let later = mastery_by_deck(&library, &all, &s, &states, now.day + 30);
    let phase2 = later[0].phases[1].mastery;
    assert!(phase2 < 0.9 && phase2 > 0.5, "after a month: {phase2}");
}

#[test]
fn a_practice_session_picks_among_cards_not_yet_asked_and_says_which_were_new() {
    let deck = deck();
    let cards = cards(&Library::new(vec![&deck]), &Scope::default());
    let now = Now::new(T0, 0);
    let mut asked = vec![false; cards.len()];
    let mut states = BTreeMap::new();
    // Nothing asked: the first card, new.
    assert_eq!(
        next_unasked(&cards, &asked, &states, now, 5, None),
        Some((0, true))
    );
    // The first two asked: the third, its index in the whole list.
    asked[0] = true;
    asked[1] = true;
    assert_eq!(
        next_unasked(&cards, &asked, &states, now, 5, None),
        Some((2, true))
    );
    // No new card left in the session: only a seen one that is due qualifies.
    assert_eq!(next_unasked(&cards, &asked, &states, now, 0, None), None);
    let seen = Scheduler::default().grade(None, Grade::Again, now);
    states.insert(cards[3].id.clone(), seen);
    let later = Now::new(T0 + 3_600_000, 0);
    assert_eq!(
        next_unasked(&cards, &asked, &states, later, 0, None),
        Some((3, false))
    );
}

#[test]
fn due_by_deck_counts_learning_and_due_reviews_of_studied_decks_only() {
    let decks: &'static [_] = diffdeck::content::bundled().leak();
    let library = Library::new(decks.iter().collect());
    let cards = cards(&library, &Scope::default());
    let s = Scheduler::default();
    let now = Now::new(T0, 0);
    let in_deck = |id: &'static str| cards.iter().filter(move |c| c.deck_id() == id);
    let [docker, depth] = [decks[0].id.as_str(), decks[1].id.as_str()];
    let mut states = BTreeMap::new();
    let mut docker_cards = in_deck(docker);
    // Docker: a review due today, a learning card, and a review not due for days.
    let due = s.grade(None, Grade::Easy, now.plus_days(-10));
    states.insert(
        docker_cards.next().unwrap().id.clone(),
        CardState {
            due_day: now.day,
            ..due.clone()
        },
    );
    states.insert(
        docker_cards.next().unwrap().id.clone(),
        s.grade(None, Grade::Again, now),
    );
    let later = CardState {
        due_day: now.day + 5,
        ..due
    };
    states.insert(docker_cards.next().unwrap().id.clone(), later.clone());
    assert_eq!(
        due_by_deck(&cards, &states, now.plus_minutes(1)),
        BTreeMap::from([(docker.to_string(), 2)])
    );
    // A studied deck with nothing due is listed with 0; an unstudied one is not.
    states.insert(in_deck(depth).next().unwrap().id.clone(), later);
    let by_deck = due_by_deck(&cards, &states, now.plus_minutes(1));
    assert_eq!(by_deck.get(depth), Some(&0));
    assert_eq!(by_deck.len(), 2);
    // The same figure as a session's counters.
    let docker_only: Vec<_> = in_deck(docker).cloned().collect();
    assert_eq!(
        counts(&docker_only, &states, now.plus_minutes(1), 0).due(),
        by_deck[docker]
    );
    // Days later, the later review is due too.
    assert_eq!(due_by_deck(&cards, &states, now.plus_days(6))[docker], 3);
}

/// Progress is keyed by card ids, and a point card's id hashes the content's own words
/// (not a correction's): a change to how ids are made loses learners' progress.
#[test]
fn card_ids_are_made_as_stored_progress_expects() {
    let decks = diffdeck::content::bundled();
    let library = Library::new(decks.iter().collect());
    let ids: Vec<String> = cards(&library, &Scope::default())
        .into_iter()
        .map(|c| c.id)
        .filter(|id| id.contains(":cmd-vs-entrypoint") || id.contains(":image-vs-container"))
        .collect();
    // Container's points carry corrections; CMD vs ENTRYPOINT's do not.
    assert_eq!(
        ids,
        [
            "pair:image-vs-container",
            "point:image-vs-container:l:ea51f09e",
            "point:image-vs-container:l:97174ccd",
            "point:image-vs-container:l:e80612df",
            "point:image-vs-container:r:753aef6a",
            "point:image-vs-container:r:6f193703",
            "point:image-vs-container:r:843ec084",
            "pair:cmd-vs-entrypoint",
            "point:cmd-vs-entrypoint:l:9a5d68e8",
            "point:cmd-vs-entrypoint:l:a0785b11",
            "point:cmd-vs-entrypoint:r:d5dee41c",
            "point:cmd-vs-entrypoint:r:9f21d589",
        ]
    );
}
