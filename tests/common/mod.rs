//! Shared by the integration tests that check the FSRS port against the reference crate.
#![cfg(not(target_arch = "wasm32"))]

use diffdeck::domain::fsrs::{Grade, Memory, DEFAULT_PARAMETERS};
use fsrs::{ItemState, MemoryState, FSRS};

/// The reference scheduler with the parameters the port uses.
pub fn reference() -> FSRS {
    FSRS::new(&DEFAULT_PARAMETERS).unwrap()
}

/// What the reference says a review with `grade` leads to, from `memory` (none: a new
/// card) after `elapsed_days`, at `retention`.
pub fn reference_next(
    reference: &FSRS,
    memory: Option<Memory>,
    retention: f32,
    elapsed_days: u32,
    grade: Grade,
) -> ItemState {
    let states = reference
        .next_states(
            memory.map(|m| MemoryState {
                stability: m.stability,
                difficulty: m.difficulty,
            }),
            retention,
            elapsed_days,
        )
        .unwrap();
    match grade {
        Grade::Again => states.again,
        Grade::Hard => states.hard,
        Grade::Good => states.good,
        Grade::Easy => states.easy,
    }
}
