//! A timed round (a match board, a quiz): what Match and Quiz share around their rules.
//! While a round runs the app holds back its update prompt (`AppState::busy`), the
//! screen's clock ticks every 100 ms, and leaving the screen ends the round (the flag is
//! cleared, the timer stopped: a tick after unmount would touch disposed signals).

use leptos::prelude::*;

use crate::domain::schedule::Now;
use crate::platform::timer::use_interval;
use crate::state::{now, AppState};

/// A round's handle: `Copy`, for the screen's closures.
#[derive(Clone, Copy)]
pub struct Round {
    busy: RwSignal<bool>,
}

impl Round {
    /// A round starts: no update prompt until it ends.
    pub fn begin(self) {
        self.busy.set(true);
    }

    /// The round is over (finished, or left).
    pub fn end(self) {
        self.busy.set(false);
    }
}

/// Starts the screen's round machinery: `tick` runs every 100 ms with the time, while
/// the screen lives; the round ends when the screen goes.
pub fn use_round(tick: impl Fn(Now) + 'static) -> Round {
    let app: AppState = expect_context();
    let round = Round { busy: app.busy };
    use_interval(100, move || tick(now()));
    on_cleanup(move || round.end());
    round
}
