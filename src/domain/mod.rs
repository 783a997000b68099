//! The rules of the app: plain data and pure functions, `std` and `serde` only.
//! Time and randomness come in as arguments. Never imports another layer of the app.

pub mod backup;
pub mod calendar;
pub mod cards;
pub mod deck;
pub mod derive;
pub mod fsrs;
pub mod ics;
pub mod matching;
pub mod own;
pub mod plan;
pub mod practice;
pub mod progress;
pub mod quiz;
pub mod rng;
pub mod schedule;
pub mod search;
pub mod stats;
pub mod study;
pub mod sync;
