//! The stored format: round trips, a fixture for every version, and every kind of bad
//! data recovered without a crash and without losing what could be read.
#![cfg(not(target_arch = "wasm32"))]

use diffdeck::domain::fsrs::Grade;
use diffdeck::domain::own::{adopt, UserDeck};
use diffdeck::domain::progress::{Progress, Review, Source, Theme};
use diffdeck::domain::schedule::{Now, Scheduler, Stage};
use diffdeck::storage::format::{
    decode, encode, encode_backup, read_backup, Backup, Problem, MAX_TEXT, VERSION,
};
use diffdeck::storage::layout::{self, day_key, Dirty};

#[path = "support/history.rs"]
mod history;

const T0: i64 = 1_764_000_000_000;

fn sample() -> Progress {
    let mut p = Progress::default();
    for (i, grade) in [Grade::Good, Grade::Again, Grade::Easy]
        .into_iter()
        .enumerate()
    {
        let now = Now::new(T0 + i as i64 * 60_000, 60);
        p.insert(Review {
            card: format!("pair:c{i}"),
            at: now.ms,
            day: now.day,
            grade,
            source: Source::Flashcard,
            written: None,
        });
    }
    p.settings.new_per_day = 7;
    p.records.best_quiz.insert("all".into(), 990);
    p
}

#[test]
fn encode_then_decode_is_the_identity() {
    let p = sample();
    let text = encode(&p);
    assert!(text.starts_with('{') && text.contains(&format!("\"version\":{VERSION}")));
    let d = decode(&text);
    assert_eq!(d.problems, vec![]);
    assert_eq!(d.progress, p);
}

#[test]
fn every_version_has_a_fixture_that_reads_cleanly() {
    for version in 1..=VERSION {
        let path = format!("tests/fixtures/progress-v{version}.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let d = decode(&text);
        assert_eq!(d.problems, vec![], "{path}");
        assert!(
            !d.progress.log.is_empty() && !d.progress.base.is_empty(),
            "{path}"
        );
    }
}

#[test]
fn the_version_1_fixture_means_what_it_says() {
    let d = decode(include_str!("fixtures/progress-v1.json"));
    let p = d.progress;
    assert_eq!(p.log.len(), 3);
    assert_eq!(p.log[2].grade, Grade::Again);
    assert_eq!(p.log[2].source, Source::Quiz);
    assert_eq!(p.base["pair:image-vs-container"].stage, Stage::Review);
    assert_eq!(p.base["pair:image-vs-container"].interval, 15);
    assert_eq!(p.settings.new_per_day, 15);
    assert_eq!(p.settings.theme, Theme::Dark);
    assert_eq!(p.settings.interview_day, Some(20440));
    assert_eq!(p.records.best_match["all"], 412);
    assert_eq!(p.confusions[0].chosen, "COPY");
    assert_eq!(p.compacted_days[&20415], 12);
    assert_eq!(p.undone.len(), 1);
}

/// Version 2 adds the folded confusions: counted in "most confused" with the others.
#[test]
fn the_version_2_fixture_means_what_it_says() {
    let p = decode(include_str!("fixtures/progress-v2.json")).progress;
    let v1 = decode(include_str!("fixtures/progress-v1.json")).progress;
    assert_eq!(
        (&p.log, &p.base, &p.settings),
        (&v1.log, &v1.base, &v1.settings)
    );
    assert_eq!(p.confusions_compacted_at, 1_764_000_000_000);
    assert_eq!(p.last_export_ms, 1_764_100_800_000);
    let top = diffdeck::domain::stats::most_confused(&p, 5);
    assert_eq!(
        (
            top[0].comparison.as_str(),
            top[0].chosen.as_str(),
            top[0].count
        ),
        ("cmd-vs-entrypoint", "ENTRYPOINT", 3)
    );
    assert_eq!(top[1].count, 1);
}

/// Version 3 adds interview practice: a drill answered in Predict, and an explanation with
/// what was written and how much it covered. Version 2 reads into it unchanged.
#[test]
fn the_version_3_fixture_means_what_it_says() {
    use diffdeck::domain::progress::{Source, Written};
    let p = decode(include_str!("fixtures/progress-v3.json")).progress;
    let v2 = decode(include_str!("fixtures/progress-v2.json")).progress;
    assert_eq!(p.log.len(), v2.log.len() + 2);
    assert_eq!(&p.log[..v2.log.len()], &v2.log[..]);
    assert_eq!(
        (&p.base, &p.settings, &p.records),
        (&v2.base, &v2.settings, &v2.records)
    );
    let drill = &p.log[v2.log.len()];
    assert_eq!(
        (drill.source, drill.written.as_ref()),
        (Source::Predict, None)
    );
    let explained = &p.log[v2.log.len() + 1];
    assert_eq!(explained.source, Source::Explain);
    assert_eq!(
        explained.written,
        Some(Written {
            text: "CMD gives default arguments; ENTRYPOINT is the program that runs.".into(),
            covered: 3,
            of: 7
        })
    );
    // Written back as it was read: the text is kept, and no review is dropped.
    let again = decode(&encode(&p)).progress;
    assert_eq!(again, p);
    assert!(decode(include_str!("fixtures/progress-v2.json"))
        .problems
        .is_empty());
}

#[test]
fn invalid_json_and_half_an_object_start_fresh_and_say_why() {
    for text in [
        "not json at all",
        "{\"version\":1,\"log\":[{\"c\":\"pair:a\",\"t\":1",
        "",
    ] {
        let d = decode(text);
        assert_eq!(d.progress, Progress::default(), "{text:?}");
        assert!(
            matches!(d.problems[..], [Problem::NotJson { .. }]),
            "{text:?}: {:?}",
            d.problems
        );
    }
    for text in ["[1,2,3]", "42", "\"progress\"", "null"] {
        assert_eq!(decode(text).problems, vec![Problem::NotAnObject], "{text}");
    }
}

#[test]
fn wrong_types_cost_only_the_field_or_entry_that_is_wrong() {
    let text = r#"{
        "version": 1,
        "log": [
            {"c": "pair:a", "t": 1764000000000, "d": 20416, "g": 3},
            {"c": "pair:b", "t": "yesterday", "d": 20416, "g": 3},
            {"c": "pair:c", "t": 1764000060000, "d": 20416, "g": 9},
            {"c": "pair:d", "t": 1764000120000, "d": 20416, "g": 1}
        ],
        "base": {"pair:x": {"stage": "review"}, "pair:y": 5},
        "settings": {"new_per_day": 12, "retention": "high", "theme": "sepia"},
        "records": "none",
        "undone": {"not": "a list"}
    }"#;
    let d = decode(text);
    let cards: Vec<&str> = d.progress.log.iter().map(|r| r.card.as_str()).collect();
    assert_eq!(cards, ["pair:a", "pair:d"]);
    assert_eq!(
        d.progress.settings.new_per_day, 12,
        "the good setting is kept"
    );
    assert_eq!(
        d.progress.settings.retention, 0.9,
        "the bad one falls back to its default"
    );
    assert!(d.progress.base.is_empty());
    let described: Vec<String> = d.problems.iter().map(ToString::to_string).collect();
    assert!(
        described.contains(&"2 unreadable entries in `log` were skipped".to_string()),
        "{described:?}"
    );
    assert!(
        described.contains(&"2 unreadable entries in `base` were skipped".to_string()),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|p| p.starts_with("`settings.retention` could not be read")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|p| p.starts_with("`settings.theme` could not be read")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|p| p.starts_with("`records` could not be read")),
        "{described:?}"
    );
    assert!(
        described
            .iter()
            .any(|p| p.starts_with("`undone` could not be read")),
        "{described:?}"
    );
}

#[test]
fn a_future_version_is_read_as_far_as_it_is_understood() {
    let mut p = sample();
    p.settings.new_per_day = 3;
    let mut value: serde_json::Value = serde_json::from_str(&encode(&p)).unwrap();
    value["version"] = 99.into();
    value["hologram"] = serde_json::json!({"new": "field"});
    let d = decode(&value.to_string());
    assert_eq!(d.problems, vec![Problem::FutureVersion { version: 99 }]);
    assert_eq!(d.progress, p);
}

#[test]
fn odd_versions_are_reported() {
    assert_eq!(decode("{}").problems, vec![Problem::NoVersion]);
    assert!(matches!(
        decode("{\"version\":0}").problems[..],
        [Problem::UnknownVersion { .. }]
    ));
    assert!(matches!(
        decode("{\"version\":\"one\"}").problems[..],
        [Problem::UnknownVersion { .. }]
    ));
    assert!(matches!(
        decode("{\"version\":-3}").problems[..],
        [Problem::UnknownVersion { .. }]
    ));
}

#[test]
fn an_enormous_value_is_not_parsed() {
    let huge = format!("{{\"version\":1,\"junk\":\"{}\"}}", "x".repeat(MAX_TEXT));
    let d = decode(&huge);
    assert_eq!(d.progress, Progress::default());
    assert_eq!(d.problems, vec![Problem::TooLarge { bytes: huge.len() }]);
}

#[test]
fn a_duplicated_or_unsorted_log_is_put_in_order() {
    let text = r#"{"version":1,"log":[
        {"c":"b","t":20,"d":1,"g":3},{"c":"a","t":10,"d":1,"g":3},{"c":"a","t":10,"d":1,"g":3}]}"#;
    let d = decode(text);
    assert_eq!(d.problems, vec![]);
    let at: Vec<i64> = d.progress.log.iter().map(|r| r.at).collect();
    assert_eq!(at, [10, 20]);
}

#[test]
fn backup_files_are_accepted_with_warnings_or_refused_with_reasons() {
    // An export reads back whole.
    let p = sample();
    let back = read_backup(&encode(&p)).expect("an export imports");
    assert_eq!(
        back,
        Backup {
            progress: p.clone(),
            decks: vec![],
            warnings: vec![]
        }
    );
    // Older versions import through the migrations (each fixture is an old export).
    assert!(read_backup(include_str!("fixtures/progress-v1.json")).is_ok());
    // A file from a newer diffdeck imports what it can, and says so.
    let newer = encode(&p).replacen(&format!("\"version\":{VERSION}"), "\"version\":7", 1);
    let back = read_backup(&newer).unwrap();
    assert_eq!(back.warnings.len(), 1);
    // Damaged entries are skipped with a warning.
    let damaged = r#"{"version":1,"log":[{"c":"pair:a","t":1,"d":1,"g":3},{"c":"pair:b"}]}"#;
    let partial = read_backup(damaged).unwrap();
    assert_eq!(partial.progress.log.len(), 1);
    assert_eq!(
        partial.warnings,
        vec!["1 unreadable entries in `log` were skipped".to_string()]
    );
    // Not a progress file at all: refused, with the reason.
    for (text, reason) in [
        ("{oops", "not valid JSON"),
        ("[]", "not a progress record"),
        ("{\"hello\":1}", "no version number"),
        ("{\"version\":\"x\"}", "unknown version"),
    ] {
        let errors = read_backup(text).expect_err(text);
        assert!(errors[0].contains(reason), "{text}: {errors:?}");
    }
}

#[test]
fn a_backup_carries_the_users_decks_and_reads_without_them() {
    let p = sample();
    let decks: Vec<UserDeck> = diffdeck::content::bundled()
        .into_iter()
        .map(|d| adopt(d, 9))
        .collect();
    let text = encode_backup(&p, &decks);
    let back = read_backup(&text).expect("an export imports");
    assert_eq!((back.progress, back.decks), (p.clone(), decks.clone()));
    assert!(back.warnings.is_empty(), "{:?}", back.warnings);
    // Older code reads the progress of such a file: the decks are a field it skips.
    assert_eq!(decode(&text).progress, p);
    assert_eq!(decode(&text).problems, vec![]);
    // With no decks, the file is exactly the progress record, as before decks.
    assert_eq!(encode_backup(&p, &[]), encode(&p));
    // A damaged deck is left out with a warning; the progress and other decks come in.
    let damaged = text.replacen("\"added_ms\":9", "\"added_ms\":[]", 1);
    let back = read_backup(&damaged).unwrap();
    assert_eq!(back.progress, p);
    assert_eq!(back.decks, decks[1..]);
    assert_eq!(back.warnings.len(), 1, "{:?}", back.warnings);
    assert!(back.warnings[0].starts_with("deck 1 of the list is damaged"));
    // Decks that are not a list: the progress still comes in.
    let odd = encode(&p).replacen('{', "{\"decks\":7,", 1);
    let back = read_backup(&odd).unwrap();
    assert_eq!((back.progress, back.decks.len()), (p, 0));
    assert!(back.warnings[0].contains("decks in it could not be read"));
}

/// Every card id the version before decks produced (its whole deck, pair and point cards),
/// as it computed them: reviews stored under these ids must still count.
const CARD_IDS_V1: &str = include_str!("fixtures/card-ids-v1.txt");

#[test]
fn a_record_stored_before_decks_keeps_every_review_on_the_same_card() {
    use diffdeck::domain::cards::{cards, Scope};
    use diffdeck::domain::deck::Library;

    let old: Vec<&str> = CARD_IDS_V1.lines().collect();
    assert_eq!(old.len(), 111);
    // A stored record in format 1, written out by hand: one review of every card.
    let log: Vec<String> = old
        .iter()
        .enumerate()
        .map(|(i, id)| {
            format!(
                r#"{{"c":"{id}","t":{},"d":20416,"g":3,"s":"f"}}"#,
                T0 + i as i64 * 1_000
            )
        })
        .collect();
    let text = format!(r#"{{"version":1,"log":[{}]}}"#, log.join(","));
    let decoded = decode(&text);
    assert!(decoded.problems.is_empty(), "{:?}", decoded.problems);
    assert_eq!(decoded.progress.total_reviews(), old.len());

    let decks = diffdeck::content::bundled();
    let library = Library::new(decks.iter().collect());
    let today: std::collections::BTreeSet<String> = cards(&library, &Scope::default())
        .into_iter()
        .map(|c| c.id)
        .collect();
    let states = decoded.progress.states(&Scheduler::default());
    for id in old {
        assert!(today.contains(id), "{id} is no longer a card");
        let state = states
            .get(id)
            .unwrap_or_else(|| panic!("{id} lost its review"));
        assert_eq!(state.reps, 1, "{id}");
        assert_ne!(state.stage, Stage::New, "{id}");
    }
}

/// The record spread over keys reads back as the same record, whatever the history: a
/// year of heavy study with compaction and confusions.
#[test]
fn a_record_split_over_keys_joins_back_whole() {
    for p in [
        sample(),
        history::studied(3_000, 200, Now::new(T0, 60)),
        decode(include_str!("fixtures/progress-v1.json")).progress,
    ] {
        let parts = layout::split(&p);
        assert_eq!(parts[0].0, diffdeck::storage::format::KEY);
        let mut decoded = parts.iter().map(|(_, text)| {
            let d = decode(text);
            assert_eq!(d.problems, vec![]);
            d.progress
        });
        let head = decoded.next().unwrap();
        assert!(head.log.is_empty() && head.confusions.is_empty());
        let days: Vec<Progress> = decoded.collect();
        assert_eq!(layout::join(head, days), p);
    }
}

/// After a simulated year of heavy study (200 reviews a day), everything stored stays well
/// under the smallest browser quota (5 MB), and what one grade writes (today's part) stays
/// small; the head (undo, settings, a finished game) stays small, and the compacted
/// history grows with the cards and the days, not with the reviews. `make bench` prints
/// the figures.
#[test]
fn a_year_of_heavy_study_stays_well_under_the_quota() {
    let end = Now::new(T0, 60);
    let year = history::studied(365 * 200, 200, end);
    assert_eq!(year.total_reviews(), 73_000);
    let parts = layout::split(&year);
    // localStorage counts keys and values in UTF-16 code units: 2 bytes each.
    let bytes: usize = parts.iter().map(|(k, v)| 2 * (k.len() + v.len())).sum();
    assert!(bytes < 1_000_000, "{bytes} bytes stored after a year");
    let size = |key: &str| parts.iter().find(|(k, _)| k == key).unwrap().1.len();
    assert!(
        size(layout::HISTORY_KEY) < 160_000,
        "history: {}",
        size(layout::HISTORY_KEY)
    );
    let head = size(diffdeck::storage::format::KEY);
    assert!(head < 8_000, "head: {head} bytes");
    let day = parts[2..].iter().map(|(_, v)| v.len()).max().unwrap();
    assert!(day < 24_000, "a day's part: {day} bytes");
    // A grade today: the dirty part is today's alone.
    let mut p = year.clone();
    let mut dirty = Dirty::default();
    let now = end.plus_minutes(5);
    dirty.note(&p.insert(Review {
        card: "pair:cmd-vs-entrypoint".into(),
        at: now.ms,
        day: now.day,
        grade: Grade::Good,
        source: Source::Flashcard,
        written: None,
    }));
    assert!(!dirty.head && !dirty.all);
    assert_eq!(
        dirty.days.iter().map(|d| day_key(*d)).collect::<Vec<_>>(),
        [day_key(now.day)]
    );
}

/// Two tabs read today's part before either writes it: each writes what it read plus its
/// own grade, and the second write loses the first one's. The first tab, told of the
/// second write (a `storage` event), finds the stored part lacks its grade and writes it
/// back; the second tab, told of that, finds nothing lacking. Both grades end up stored,
/// and nobody writes forever.
#[test]
fn a_write_lost_to_another_tab_is_written_back_once() {
    let now = Now::new(T0, 60);
    let review = |card: &str, minutes: u32| Review {
        card: card.into(),
        at: now.plus_minutes(minutes).ms,
        day: now.day,
        grade: Grade::Good,
        source: Source::Flashcard,
        written: None,
    };
    let part = layout::Part::Day(now.day);
    let (mut a, mut b) = (sample(), sample());
    a.insert(review("pair:a", 1));
    b.insert(review("pair:b", 1));
    // A writes first, B last: what is stored is B's.
    let stored = part.encode(&b).unwrap();
    let theirs = decode(&stored).progress;
    a.merge(&theirs);
    assert!(layout::lacks(part, &theirs, &a), "A's grade is missing");
    let stored = part.encode(&a).unwrap();
    let theirs = decode(&stored).progress;
    b.merge(&theirs);
    assert!(!layout::lacks(part, &theirs, &b), "B has nothing to add");
    assert!(!layout::lacks(part, &theirs, &a), "A has nothing to add");
    let day = decode(&stored).progress;
    for card in ["pair:a", "pair:b"] {
        assert!(day.log.iter().any(|r| r.card == card), "{card} was lost");
    }
    assert_eq!(a, b);

    // Settings changed at the same moment to different values: neither answers.
    let (mut a, mut b) = (sample(), sample());
    a.settings.updated_ms = T0;
    b.settings.updated_ms = T0;
    b.settings.new_per_day = 3;
    let head = layout::Part::Head;
    let theirs = decode(&head.encode(&b).unwrap()).progress;
    a.merge(&theirs);
    assert!(!layout::lacks(head, &theirs, &a));
    // A newer tombstone or record is written back.
    a.records.best_quiz.insert("new".into(), 5);
    assert!(layout::lacks(head, &theirs, &a));
}
