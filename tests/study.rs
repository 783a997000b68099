//! The study order over the real deck: new cards, due learning and reviews, the daily
//! limit, learn-ahead, and cram. Time is injected; nothing reads the clock.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use diffdeck::domain::cards::{cards, Scope};
use diffdeck::domain::fsrs::Grade;
use diffdeck::domain::schedule::{CardState, Now, Scheduler, Wait};
use diffdeck::domain::study::*;

const T0: i64 = 1_764_000_000_000;

fn deck() -> diffdeck::domain::deck::Deck {
    diffdeck::content::embedded()
}

#[test]
fn new_cards_in_deck_order_up_to_the_limit() {
    let deck = deck();
    let cards = cards(&deck, &Scope::default());
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
    let cards = cards(&deck, &Scope::default());
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
    let all = cards(&deck, &Scope::default());
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
