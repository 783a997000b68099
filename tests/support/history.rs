//! A long history of study, for the storage tests and the benchmarks: `reviews` reviews,
//! `per_day` a day (15 s apart) over the bundled decks' cards, the last one just before
//! `end`, recorded as the app records them (compaction included), with a confusion every
//! 20 reviews. Deterministic: the same arguments give the same record.

use diffdeck::content::bundled;
use diffdeck::domain::cards::{cards, Scope};
use diffdeck::domain::deck::Library;
use diffdeck::domain::fsrs::Grade;
use diffdeck::domain::progress::{Confusion, Progress, Review, Source};
use diffdeck::domain::rng::Rng;
use diffdeck::domain::schedule::{Now, MINUTE_MS};

pub fn studied(reviews: usize, per_day: usize, end: Now) -> Progress {
    let decks = bundled();
    let library = Library::new(decks.iter().collect());
    let ids: Vec<String> = cards(&library, &Scope::default())
        .into_iter()
        .map(|c| c.id)
        .collect();
    let mut rng = Rng::new(14);
    let mut progress = Progress::default();
    let per_day = per_day.max(1);
    for i in 0..reviews {
        // Counted from the last review backwards: `back` reviews before it.
        let back = reviews - 1 - i;
        let days_ago = (back / per_day) as i32;
        let in_day = (back % per_day) as i64 + 1;
        let ms = end.plus_days(-days_ago).ms - in_day * MINUTE_MS / 4;
        let now = Now::new(ms, end.utc_offset_min);
        let card = ids[rng.below(ids.len())].clone();
        let grade = match rng.below(10) {
            0 => Grade::Again,
            1 => Grade::Hard,
            9 => Grade::Easy,
            _ => Grade::Good,
        };
        let source = [Source::Flashcard, Source::Match, Source::Quiz][rng.below(3)];
        progress.insert(Review {
            card,
            at: now.ms,
            day: now.day,
            grade,
            source,
            written: None,
        });
        if i % 20 == 0 {
            progress.confusions.push(Confusion {
                at: now.ms,
                comparison: "cmd-vs-entrypoint".into(),
                right: "CMD".into(),
                chosen: "ENTRYPOINT".into(),
            });
        }
        progress.compact(&progress.settings.scheduler());
    }
    progress
}
