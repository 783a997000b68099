//! FSRS-6, the memory model: how stability and difficulty change with each review, and the
//! interval that reaches a desired retention.
//!
//! A port of the scalar scheduler of the reference `fsrs` crate (open-spaced-repetition,
//! fsrs-rs 6.x: `model.rs`), in `f32` with the same operations in the same order, so the
//! results match it bit for bit or within a rounding step; `tests/fsrs_reference.rs` checks
//! that on generated review histories. The reference crate pulls in ndarray, rayon and rand
//! and is a dev-dependency only; this file costs the wasm a few hundred bytes.

use serde::{Deserialize, Serialize};

/// FSRS-6 default parameters (w0..w20), fitted on the average learner.
pub const DEFAULT_PARAMETERS: [f32; 21] = [
    0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
    0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

const S_MIN: f32 = 0.001;
const S_MAX: f32 = 36500.0;
const D_MIN: f32 = 1.0;
const D_MAX: f32 = 10.0;

/// How a review went. The numbers are FSRS's ratings, and how grades are stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "u8", try_from = "u8")]
pub enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

impl Grade {
    pub const ALL: [Grade; 4] = [Grade::Again, Grade::Hard, Grade::Good, Grade::Easy];

    pub fn rating(self) -> u32 {
        self as u32
    }

    pub fn from_rating(rating: u32) -> Option<Grade> {
        Grade::ALL.get(rating.checked_sub(1)? as usize).copied()
    }

    /// Lower-case name, for CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Grade::Again => "again",
            Grade::Hard => "hard",
            Grade::Good => "good",
            Grade::Easy => "easy",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Grade::Again => "Again",
            Grade::Hard => "Hard",
            Grade::Good => "Good",
            Grade::Easy => "Easy",
        }
    }
}

impl From<Grade> for u8 {
    fn from(g: Grade) -> u8 {
        g as u8
    }
}

impl TryFrom<u8> for Grade {
    type Error = String;
    fn try_from(n: u8) -> Result<Grade, String> {
        Grade::from_rating(u32::from(n)).ok_or_else(|| format!("grade {n} is not 1 to 4"))
    }
}

/// What the model knows of one card's memory.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until recall probability falls to 90 %.
    #[serde(rename = "s")]
    pub stability: f32,
    /// 1 (easy) to 10 (hard).
    #[serde(rename = "d")]
    pub difficulty: f32,
}

/// The FSRS model with a parameter set.
#[derive(Clone, Debug, PartialEq)]
pub struct Fsrs {
    w: [f32; 21],
}

impl Default for Fsrs {
    fn default() -> Self {
        Fsrs {
            w: DEFAULT_PARAMETERS,
        }
    }
}

impl Fsrs {
    pub fn new(w: [f32; 21]) -> Self {
        Fsrs { w }
    }

    fn decay(&self) -> f32 {
        -self.w[20]
    }

    fn factor(&self) -> f32 {
        (0.9f32.ln() / self.decay()).exp() - 1.0
    }

    /// Probability of recall `days` after a review that left `stability`.
    pub fn retrievability(&self, days: f32, stability: f32) -> f32 {
        (days / stability * self.factor() + 1.0).powf(self.decay())
    }

    /// Days after which recall probability falls to `retention` (not rounded).
    pub fn interval(&self, stability: f32, retention: f32) -> f32 {
        stability / self.factor() * (retention.powf(1.0 / self.decay()) - 1.0)
    }

    fn init_stability(&self, grade: Grade) -> f32 {
        self.w[grade as usize - 1]
    }

    fn init_difficulty(&self, rating: f32) -> f32 {
        self.w[4] - (self.w[5] * (rating - 1.0)).exp() + 1.0
    }

    fn next_difficulty(&self, d: f32, rating: f32) -> f32 {
        let delta = -self.w[6] * (rating - 3.0);
        let damped = d + (10.0 - d) * delta / 9.0;
        // Mean reversion towards the difficulty of an "Easy" first review.
        (self.w[7] * (self.init_difficulty(4.0) - damped) + damped).clamp(D_MIN, D_MAX)
    }

    fn stability_after_success(&self, s: f32, d: f32, r: f32, grade: Grade) -> f32 {
        let w = &self.w;
        let hard_penalty = if grade == Grade::Hard { w[15] } else { 1.0 };
        let easy_bonus = if grade == Grade::Easy { w[16] } else { 1.0 };
        s * (w[8].exp()
            * (11.0 - d)
            * s.powf(-w[9])
            * (((1.0 - r) * w[10]).exp() - 1.0)
            * hard_penalty
            * easy_bonus
            + 1.0)
    }

    fn stability_after_failure(&self, s: f32, d: f32, r: f32) -> f32 {
        let w = &self.w;
        let new_s =
            w[11] * d.powf(-w[12]) * ((s + 1.0).powf(w[13]) - 1.0) * ((1.0 - r) * w[14]).exp();
        new_s.min(s / (w[17] * w[18]).exp())
    }

    fn stability_short_term(&self, s: f32, grade: Grade) -> f32 {
        let w = &self.w;
        let rating = grade.rating() as f32;
        let sinc = (w[17] * (rating - 3.0 + w[18])).exp() * s.powf(-w[19]);
        s * if grade >= Grade::Hard {
            sinc.max(1.0)
        } else {
            sinc
        }
    }

    /// The memory after a review graded `grade`, `days` whole days after the previous one
    /// (`None` for the card's first review; 0 for a review on the same day).
    pub fn next(&self, memory: Option<Memory>, days: u32, grade: Grade) -> Memory {
        let rating = grade.rating() as f32;
        let Some(memory) = memory else {
            return Memory {
                stability: self.init_stability(grade).clamp(S_MIN, S_MAX),
                difficulty: self.init_difficulty(rating).clamp(D_MIN, D_MAX),
            };
        };
        let s = memory.stability.clamp(S_MIN, S_MAX);
        let d = memory.difficulty.clamp(D_MIN, D_MAX);
        let t = days as f32;
        let new_s = if t == 0.0 {
            self.stability_short_term(s, grade)
        } else {
            let r = self.retrievability(t, s);
            if grade == Grade::Again {
                self.stability_after_failure(s, d, r)
            } else {
                self.stability_after_success(s, d, r, grade)
            }
        };
        Memory {
            stability: new_s.clamp(S_MIN, S_MAX),
            difficulty: self.next_difficulty(d, rating),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_review_uses_the_initial_parameters() {
        let f = Fsrs::default();
        let m = f.next(None, 0, Grade::Good);
        assert_eq!(m.stability, 2.3065);
        assert!((m.difficulty - 2.118104).abs() < 1e-5);
        assert_eq!(f.next(None, 0, Grade::Easy).difficulty, 1.0);
    }

    #[test]
    fn interval_at_ninety_percent_equals_stability() {
        let f = Fsrs::default();
        for s in [0.5f32, 2.3, 10.0, 300.0] {
            assert!((f.interval(s, 0.9) - s).abs() < s * 1e-4, "{s}");
            assert!((f.retrievability(s, s) - 0.9).abs() < 1e-4);
        }
        assert!(f.interval(10.0, 0.95) < 10.0 && f.interval(10.0, 0.8) > 10.0);
    }

    #[test]
    fn success_grows_stability_and_failure_shrinks_it() {
        let f = Fsrs::default();
        let m = f.next(None, 0, Grade::Good);
        let good = f.next(Some(m), 3, Grade::Good);
        let again = f.next(Some(m), 3, Grade::Again);
        assert!(good.stability > m.stability);
        assert!(again.stability < m.stability);
        assert!(again.difficulty > good.difficulty);
    }

    #[test]
    fn grades_round_trip_through_ratings() {
        for g in Grade::ALL {
            assert_eq!(Grade::from_rating(g.rating()), Some(g));
        }
        assert_eq!(Grade::from_rating(0), None);
        assert_eq!(Grade::from_rating(5), None);
    }
}
