//! The scheduler: what a grade does to a card. FSRS-6 ([`super::fsrs`]) updates the card's
//! memory; short learning steps (minutes) come first, then reviews in whole days at the
//! interval that reaches the desired retention.
//!
//! States: new -> learning (steps) -> review; a lapse (Again on a review) goes to
//! relearning (steps) and back to review. Time comes in as [`Now`]: the clock in
//! milliseconds and the user's study day (a local day that starts at 04:00), computed by
//! the caller, so every rule here is a pure function.

use serde::{Deserialize, Serialize};

use super::fsrs::{Fsrs, Grade, Memory};

pub const MINUTE_MS: i64 = 60_000;
pub const DAY_MS: i64 = 86_400_000;

/// The moment a rule is evaluated at.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Now {
    /// Milliseconds since the Unix epoch.
    pub ms: i64,
    /// The user's study day: days since the epoch in local time, rolling over at 04:00.
    pub day: i32,
    /// Minutes east of UTC (`-Date.getTimezoneOffset()`).
    pub utc_offset_min: i32,
}

impl Now {
    pub fn new(ms: i64, utc_offset_min: i32) -> Now {
        let local = ms + i64::from(utc_offset_min) * MINUTE_MS - 4 * 60 * MINUTE_MS;
        Now {
            ms,
            day: local.div_euclid(DAY_MS) as i32,
            utc_offset_min,
        }
    }

    pub fn plus_minutes(self, minutes: u32) -> Now {
        Now::new(
            self.ms + i64::from(minutes) * MINUTE_MS,
            self.utc_offset_min,
        )
    }

    pub fn plus_days(self, days: i32) -> Now {
        Now::new(self.ms + i64::from(days) * DAY_MS, self.utc_offset_min)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    #[serde(rename = "new")]
    New,
    #[serde(rename = "learn")]
    Learning,
    #[serde(rename = "review")]
    Review,
    #[serde(rename = "relearn")]
    Relearning,
}

/// Everything the scheduler keeps about one card.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CardState {
    pub stage: Stage,
    /// Index into the learning or relearning steps.
    #[serde(default)]
    pub step: u8,
    pub memory: Option<Memory>,
    /// Learning and relearning: due at this time (ms).
    #[serde(default)]
    pub due_ms: i64,
    /// Review: due on this study day.
    #[serde(default)]
    pub due_day: i32,
    /// Last review: time and study day.
    pub last_ms: i64,
    pub last_day: i32,
    /// Review: the scheduled interval in days.
    #[serde(default)]
    pub interval: u32,
    #[serde(default)]
    pub reps: u32,
    #[serde(default)]
    pub lapses: u32,
}

/// The scheduler's settings.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    pub learning_steps_min: Vec<u32>,
    pub relearning_steps_min: Vec<u32>,
    pub retention: f32,
    pub max_interval: u32,
    /// The study day of the user's interview: intervals end before it (issue: interview date).
    pub deadline_day: Option<i32>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            learning_steps_min: vec![1, 10],
            relearning_steps_min: vec![10],
            retention: 0.9,
            max_interval: 36500,
            deadline_day: None,
        }
    }
}

/// When a card comes back after a grade: in minutes (learning) or days (review).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wait {
    Minutes(u32),
    Days(u32),
}

impl Wait {
    /// Short label for a grade button: "1m", "10m", "1h", "3d", "2mo", "1.2y".
    pub fn label(self) -> String {
        match self {
            Wait::Minutes(m) if m < 60 => format!("{m}m"),
            Wait::Minutes(m) => format!("{}h", (m + 30) / 60),
            Wait::Days(d) if d < 30 => format!("{d}d"),
            Wait::Days(d) if d < 365 => format!("{}mo", (d + 15) / 30),
            // Integer arithmetic: float formatting would cost the wasm ~10 KB.
            Wait::Days(d) => {
                let tenths = (d * 10 + 182) / 365;
                format!("{}.{}y", tenths / 10, tenths % 10)
            }
        }
    }
}

impl CardState {
    /// True when the card should be studied at `now`.
    pub fn is_due(&self, now: Now) -> bool {
        match self.stage {
            Stage::New => true,
            Stage::Learning | Stage::Relearning => self.due_ms <= now.ms,
            Stage::Review => self.due_day <= now.day,
        }
    }

    /// How long until the card is due, as shown to the user.
    pub fn wait_from(&self, now: Now) -> Wait {
        match self.stage {
            Stage::New => Wait::Minutes(0),
            Stage::Learning | Stage::Relearning => Wait::Minutes(
                ((self.due_ms - now.ms).max(0) + MINUTE_MS / 2).div_euclid(MINUTE_MS) as u32,
            ),
            Stage::Review => Wait::Days((self.due_day - now.day).max(0) as u32),
        }
    }
}

/// The scheduler: FSRS plus the step and interval rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scheduler {
    pub fsrs: Fsrs,
    pub config: Config,
}

impl Scheduler {
    /// The state of a card after a review graded `grade` at `now`. `state` is `None` for a
    /// card never reviewed.
    pub fn grade(&self, state: Option<&CardState>, grade: Grade, now: Now) -> CardState {
        let elapsed = state.map_or(0, |s| (now.day - s.last_day).max(0) as u32);
        let memory = self.fsrs.next(state.and_then(|s| s.memory), elapsed, grade);
        let mut next = CardState {
            stage: Stage::Review,
            step: 0,
            memory: Some(memory),
            due_ms: 0,
            due_day: 0,
            last_ms: now.ms,
            last_day: now.day,
            interval: 0,
            reps: state.map_or(0, |s| s.reps) + 1,
            lapses: state.map_or(0, |s| s.lapses),
        };
        let stage = state.map_or(Stage::New, |s| s.stage);
        let step = state.map_or(0, |s| s.step as usize);
        let steps = |stage| match stage {
            Stage::Relearning | Stage::Review => &self.config.relearning_steps_min,
            _ => &self.config.learning_steps_min,
        };
        match stage {
            Stage::New | Stage::Learning | Stage::Relearning => {
                let steps = steps(stage);
                let in_steps = if stage == Stage::New { 0 } else { step };
                let learning = if stage == Stage::Relearning {
                    Stage::Relearning
                } else {
                    Stage::Learning
                };
                match grade {
                    Grade::Again if !steps.is_empty() => {
                        next.stage_at(learning, 0, steps[0], now);
                    }
                    Grade::Hard if !steps.is_empty() => {
                        let i = in_steps.min(steps.len() - 1);
                        next.stage_at(learning, i, hard_delay(steps, i), now);
                    }
                    Grade::Good if in_steps + 1 < steps.len() => {
                        next.stage_at(learning, in_steps + 1, steps[in_steps + 1], now);
                    }
                    _ => {
                        let days = self.graduating_interval(state, grade, memory, elapsed, now);
                        next.review_in(days, now);
                    }
                }
            }
            Stage::Review => {
                if grade == Grade::Again {
                    next.lapses += 1;
                    let steps = steps(Stage::Relearning);
                    if let Some(&first) = steps.first() {
                        next.stage_at(Stage::Relearning, 0, first, now);
                    } else {
                        next.review_in(self.days(memory.stability, now), now);
                    }
                } else {
                    let [hard, good, easy] = self.review_intervals(state, elapsed, now);
                    let days = match grade {
                        Grade::Hard => hard,
                        Grade::Good => good,
                        _ => easy,
                    };
                    next.review_in(days, now);
                }
            }
        }
        next
    }

    /// When each grade would bring the card back: the labels of the grade buttons.
    pub fn preview(&self, state: Option<&CardState>, now: Now) -> [Wait; 4] {
        Grade::ALL.map(|g| {
            let s = self.grade(state, g, now);
            match s.stage {
                Stage::Review => Wait::Days(s.interval),
                _ => Wait::Minutes(((s.due_ms - now.ms) / MINUTE_MS) as u32),
            }
        })
    }

    /// Whole days for `stability` at the desired retention, within [`Self::cap`].
    fn days(&self, stability: f32, now: Now) -> u32 {
        let raw = self.fsrs.interval(stability, self.config.retention).round();
        self.cap(raw as u32, now)
    }

    /// At least 1 day, at most the maximum, and never past the day before the deadline
    /// (when one is set and still ahead).
    fn cap(&self, days: u32, now: Now) -> u32 {
        let days = days.clamp(1, self.config.max_interval);
        match self.config.deadline_day {
            Some(deadline) if deadline - 1 - now.day >= 1 => {
                days.min((deadline - 1 - now.day) as u32)
            }
            _ => days,
        }
    }

    /// Hard < Good < Easy, by at least a day each, as FSRS schedulers do.
    fn review_intervals(&self, state: Option<&CardState>, elapsed: u32, now: Now) -> [u32; 3] {
        let memory = state.and_then(|s| s.memory);
        let s = |g| self.fsrs.next(memory, elapsed, g).stability;
        let hard = self.days(s(Grade::Hard), now);
        let good = self.days(s(Grade::Good), now).max(hard + 1);
        let easy = self.days(s(Grade::Easy), now).max(good + 1);
        [hard, self.cap(good, now), self.cap(easy, now)]
    }

    fn graduating_interval(
        &self,
        state: Option<&CardState>,
        grade: Grade,
        memory: Memory,
        elapsed: u32,
        now: Now,
    ) -> u32 {
        let days = self.days(memory.stability, now);
        if grade == Grade::Easy {
            // Easy must beat what Good would have given.
            let good = self
                .fsrs
                .next(state.and_then(|s| s.memory), elapsed, Grade::Good);
            let floor = self.days(good.stability, now) + 1;
            match self.config.deadline_day {
                Some(deadline) if deadline - 1 - now.day >= 1 => {
                    days.max(floor).min((deadline - 1 - now.day) as u32)
                }
                _ => days.max(floor).min(self.config.max_interval),
            }
        } else {
            days
        }
    }
}

/// Hard on a step repeats it, a little longer; on the first step, halfway to the second.
fn hard_delay(steps: &[u32], i: usize) -> u32 {
    match (i, steps.get(1)) {
        (0, Some(&second)) => (steps[0] + second) / 2,
        (0, None) => steps[0] * 3 / 2,
        _ => steps[i],
    }
}

impl CardState {
    fn stage_at(&mut self, stage: Stage, step: usize, minutes: u32, now: Now) {
        self.stage = stage;
        self.step = step as u8;
        self.due_ms = now.ms + i64::from(minutes) * MINUTE_MS;
        self.interval = 0;
    }

    fn review_in(&mut self, days: u32, now: Now) {
        self.stage = Stage::Review;
        self.step = 0;
        self.interval = days;
        self.due_day = now.day + days as i32;
        self.due_ms = 0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T0: i64 = 1_764_000_000_000; // 2025-11-24T16:00Z

    fn at(ms: i64) -> Now {
        Now::new(ms, 0)
    }

    #[test]
    fn study_days_roll_over_at_four_in_the_morning_local_time() {
        let midnight_utc = 1_764_028_800_000; // 2025-11-25T00:00Z
        let d = Now::new(midnight_utc, 0).day;
        assert_eq!(
            Now::new(midnight_utc + 3 * 3_600_000 + 59 * 60_000, 0).day,
            d
        );
        assert_eq!(Now::new(midnight_utc + 4 * 3_600_000, 0).day, d + 1);
        // UTC+2: 02:00 UTC is 04:00 local, a new day there.
        assert_eq!(Now::new(midnight_utc + 2 * 3_600_000, 120).day, d + 1);
        assert_eq!(Now::new(midnight_utc, -300).day, d);
    }

    #[test]
    fn a_new_card_walks_the_learning_steps_then_graduates() {
        let s = Scheduler::default();
        let now = at(T0);
        let a = s.grade(None, Grade::Good, now);
        assert_eq!((a.stage, a.step), (Stage::Learning, 1));
        assert_eq!(a.due_ms, T0 + 10 * MINUTE_MS);
        let now = at(T0 + 10 * MINUTE_MS);
        let b = s.grade(Some(&a), Grade::Good, now);
        assert_eq!(b.stage, Stage::Review);
        // Same-day review: FSRS short-term stability, rounded to whole days.
        let expected = s.fsrs.next(a.memory, 0, Grade::Good);
        assert_eq!(b.memory, Some(expected));
        assert_eq!(
            b.interval,
            (s.fsrs.interval(expected.stability, 0.9).round() as u32).max(1)
        );
        assert_eq!(b.due_day, now.day + b.interval as i32);
        assert_eq!(b.reps, 2);
    }

    #[test]
    fn again_and_hard_on_steps() {
        let s = Scheduler::default();
        let now = at(T0);
        let again = s.grade(None, Grade::Again, now);
        assert_eq!(
            (again.stage, again.step, again.due_ms),
            (Stage::Learning, 0, T0 + MINUTE_MS)
        );
        let hard = s.grade(None, Grade::Hard, now);
        assert_eq!(
            (hard.stage, hard.step, hard.due_ms),
            (Stage::Learning, 0, T0 + 5 * MINUTE_MS)
        );
        let easy = s.grade(None, Grade::Easy, now);
        assert_eq!(easy.stage, Stage::Review);
        let good_then = s.grade(Some(&s.grade(None, Grade::Good, now)), Grade::Good, now);
        assert!(easy.interval > good_then.interval, "{easy:?} {good_then:?}");
    }

    #[test]
    fn a_lapse_relearns_then_returns_to_review() {
        let s = Scheduler::default();
        let learned = s.grade(None, Grade::Easy, at(T0));
        let review_day = at(T0).plus_days(learned.interval as i32);
        let lapsed = s.grade(Some(&learned), Grade::Again, review_day);
        assert_eq!((lapsed.stage, lapsed.lapses), (Stage::Relearning, 1));
        assert_eq!(lapsed.due_ms, review_day.ms + 10 * MINUTE_MS);
        assert!(lapsed.memory.unwrap().stability < learned.memory.unwrap().stability);
        let back = s.grade(Some(&lapsed), Grade::Good, review_day.plus_minutes(10));
        assert_eq!(back.stage, Stage::Review);
        assert!(back.interval >= 1);
    }

    #[test]
    fn review_intervals_are_ordered_and_follow_fsrs() {
        let s = Scheduler::default();
        let learned = s.grade(None, Grade::Good, at(T0));
        let learned = s.grade(Some(&learned), Grade::Good, at(T0 + 10 * MINUTE_MS));
        let when = at(T0).plus_days(learned.interval as i32);
        let [a, h, g, e] = s.preview(Some(&learned), when);
        assert_eq!(a, Wait::Minutes(10));
        let (Wait::Days(h), Wait::Days(g), Wait::Days(e)) = (h, g, e) else {
            panic!("reviews are in days")
        };
        assert!(h < g && g < e, "{h} {g} {e}");
        // What the intervals are is checked against the reference FSRS crate, not against
        // this file's own formula (tests/fsrs_reference.rs).
    }

    #[test]
    fn due_and_wait() {
        let s = Scheduler::default();
        let now = at(T0);
        let learning = s.grade(None, Grade::Again, now);
        assert!(!learning.is_due(now));
        assert!(learning.is_due(now.plus_minutes(1)));
        assert_eq!(learning.wait_from(now), Wait::Minutes(1));
        let review = s.grade(None, Grade::Easy, now);
        assert!(!review.is_due(now));
        assert!(review.is_due(now.plus_days(review.interval as i32)));
        assert_eq!(Wait::Minutes(90).label(), "2h");
        assert_eq!(Wait::Days(45).label(), "2mo");
        assert_eq!(Wait::Days(400).label(), "1.1y");
    }

    #[test]
    fn a_deadline_caps_intervals_before_the_interview() {
        let mut s = Scheduler::default();
        let now = at(T0);
        s.config.deadline_day = Some(now.day + 4);
        let easy = s.grade(None, Grade::Easy, now);
        assert_eq!(easy.interval, 3, "seen again the day before the interview");
        // A deadline already passed changes nothing.
        s.config.deadline_day = Some(now.day - 1);
        assert!(s.grade(None, Grade::Easy, now).interval > 3);
    }

    #[test]
    fn retention_changes_intervals() {
        let low = Scheduler {
            config: Config {
                retention: 0.8,
                ..Config::default()
            },
            ..Scheduler::default()
        };
        let high = Scheduler {
            config: Config {
                retention: 0.95,
                ..Config::default()
            },
            ..Scheduler::default()
        };
        let now = at(T0);
        assert!(
            low.grade(None, Grade::Easy, now).interval
                > high.grade(None, Grade::Easy, now).interval
        );
    }
}
