//! The FSRS port (src/domain/fsrs.rs) against the reference `fsrs` crate, on the same
//! review histories: thousands of seeded random histories with same-day and multi-day
//! gaps, every grade, and the interval for several retentions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{reference, reference_next};
use diffdeck::domain::fsrs::{Fsrs, Grade, Memory};
use diffdeck::domain::schedule::{Now, Scheduler, Wait};
// The app's own seeded generator: every run checks the same histories.
use diffdeck::domain::rng::Rng;

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() <= 1e-4 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn memory_and_intervals_match_the_reference_on_random_histories() {
    let reference = reference();
    let ours = Fsrs::default();
    let mut rng = Rng::new(0x9E37_79B9_7F4A_7C15);
    let mut steps = 0;
    for _history in 0..2_000 {
        let mut mem: Option<Memory> = None;
        let len = 1 + rng.below(12);
        for _ in 0..len {
            // Same-day reviews (learning steps), short and long gaps.
            let days = match rng.below(4) {
                0 => 0,
                1 => rng.below(3) as u32,
                2 => rng.below(30) as u32,
                _ => rng.below(400) as u32,
            };
            let grade = Grade::from_rating(1 + rng.below(4) as u32).unwrap();
            let elapsed = if mem.is_none() { 0 } else { days };
            let want = reference_next(&reference, mem, 0.9, elapsed, grade);
            let got = ours.next(mem, days, grade);
            assert!(
                close(got.stability, want.memory.stability)
                    && close(got.difficulty, want.memory.difficulty),
                "after {mem:?}, {days} days, {grade:?}: ours {got:?}, reference {:?}",
                want.memory
            );
            assert!(close(ours.interval(got.stability, 0.9), want.interval));
            mem = Some(got);
            steps += 1;
        }
    }
    assert!(steps > 10_000, "checked {steps} reviews");
}

#[test]
fn intervals_match_the_reference_at_other_retentions() {
    let reference = reference();
    let ours = Fsrs::default();
    for retention in [0.7f32, 0.8, 0.85, 0.9, 0.95, 0.97] {
        for s in [0.1f32, 1.0, 2.3065, 15.0, 180.0, 3000.0] {
            let want = reference.next_interval(Some(s), retention, 3);
            assert!(
                close(ours.interval(s, retention), want),
                "s={s} r={retention}"
            );
        }
    }
}

#[test]
fn the_schedulers_review_intervals_are_the_references() {
    let reference = reference();
    let s = Scheduler::default();
    let t0 = Now::new(1_772_445_600_000, 0); // 2026-03-02T10:00Z
                                             // A new card graduated the usual way: Good, then Good after its 10-minute step.
    let learning = s.grade(None, Grade::Good, t0);
    let learned = s.grade(Some(&learning), Grade::Good, t0.plus_minutes(10));
    let graduated = reference_next(&reference, learning.memory, 0.9, 0, Grade::Good);
    assert_eq!(
        learned.interval,
        graduated.interval.round() as u32,
        "the graduating interval is the reference's"
    );
    // Reviewed on the day it is due: each button shows the reference's interval.
    let when = t0.plus_days(learned.interval as i32);
    let [again, hard, good, easy] = s.preview(Some(&learned), when);
    assert_eq!(again, Wait::Minutes(10), "a lapse relearns in 10 minutes");
    let days = |grade| {
        let want = reference_next(&reference, learned.memory, 0.9, learned.interval, grade);
        Wait::Days(want.interval.round() as u32)
    };
    assert_eq!(hard, days(Grade::Hard));
    assert_eq!(good, days(Grade::Good));
    assert_eq!(easy, days(Grade::Easy));
}
