//! The saved form of [`Progress`]: JSON in an envelope with a version number.
//!
//! ```json
//! {"version": 2, "base": {...}, "log": [{"c": "pair:cmd-vs-entrypoint", "t": 1764000000000, "d": 20416, "g": 3}], ...}
//! ```
//!
//! A backup file holds the whole record in one such text; the browser's storage spreads it
//! over several keys, each a partial record in this same format (see [`super::layout`]).
//!
//! Reading never fails: [`decode`] returns what it could recover and a list of the
//! [`Problem`]s it met. A caller that gets problems must keep the original text.

use std::fmt;

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::value::RawValue;

use crate::domain::own::UserDeck;
use crate::domain::progress::{Progress, Review};
use crate::domain::schedule::CardState;

/// The localStorage key of the progress record.
pub const KEY: &str = "diffdeck:progress";
/// Where an unreadable original is kept: this prefix plus the time it was found (ms).
pub const BACKUP_PREFIX: &str = "diffdeck:progress:backup:";
/// The current format version. Bump it only for a change old code would misread, and add
/// a migration and a fixture (`tests/fixtures/progress-vN.json`) for the old one.
///
/// Version 2 (spreading the record over keys) reads version 1 unchanged: a version-1 record
/// is a head that still holds its reviews. It was bumped so that version-1 code, which
/// knows nothing of the day parts, reports a newer record instead of showing it empty.
///
/// Version 3 (interview practice) reads version 2 unchanged. Its reviews may come from
/// Predict (`"s":"p"`) or Explain it (`"s":"e"`, with what was written, `"w"`): version-2
/// code would drop such a review as unreadable and, saving, lose it, so it must report a
/// newer record instead.
pub const VERSION: u32 = 3;
/// Larger stored values are not parsed (they cannot be ours); they are kept as they are.
pub const MAX_TEXT: usize = 4 * 1024 * 1024;

/// Something wrong with stored data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    TooLarge { bytes: usize },
    NotJson { error: String },
    NotAnObject,
    NoVersion,
    FutureVersion { version: u64 },
    UnknownVersion { version: String },
    Field { field: String, error: String },
    Dropped { field: String, count: usize },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::TooLarge { bytes } => write!(f, "the saved data is too large to read ({bytes} bytes)"),
            Problem::NotJson { error } => write!(f, "the saved data is not valid JSON ({error})"),
            Problem::NotAnObject => write!(f, "the saved data is not a progress record"),
            Problem::NoVersion => write!(f, "the saved data has no version number"),
            Problem::FutureVersion { version } => write!(
                f,
                "the saved data comes from a newer diffdeck (format {version}); what this version understands was read"
            ),
            Problem::UnknownVersion { version } => write!(f, "the saved data has an unknown version ({version})"),
            Problem::Field { field, error } => write!(f, "`{field}` could not be read ({error})"),
            Problem::Dropped { field, count } => write!(f, "{count} unreadable entries in `{field}` were skipped"),
        }
    }
}

/// What [`decode`] recovered.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub progress: Progress,
    pub problems: Vec<Problem>,
}

impl Decoded {
    fn broken(problem: Problem) -> Decoded {
        Decoded {
            progress: Progress::default(),
            problems: vec![problem],
        }
    }
}

/// The text to store.
pub fn encode(progress: &Progress) -> String {
    #[derive(Serialize)]
    struct Envelope<'a> {
        version: u32,
        #[serde(flatten)]
        progress: &'a Progress,
    }
    serde_json::to_string(&Envelope {
        version: VERSION,
        progress,
    })
    .expect("progress always serializes")
}

/// A JSON value not parsed yet. Everything is read from text with one deserializer, so
/// each type's deserialization code exists once in the wasm.
type Raw = Box<RawValue>;

/// Reads stored text, recovering field by field (and entry by entry in the log) whatever
/// can be read.
pub fn decode(text: &str) -> Decoded {
    if text.len() > MAX_TEXT {
        return Decoded::broken(Problem::TooLarge { bytes: text.len() });
    }
    if let Err(e) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Decoded::broken(Problem::NotJson {
            error: e.to_string(),
        });
    }
    let Ok(mut map) = serde_json::from_str::<BTreeMap<String, Raw>>(text) else {
        return Decoded::broken(Problem::NotAnObject);
    };
    let mut problems = Vec::new();
    match map.remove("version") {
        None => problems.push(Problem::NoVersion),
        Some(raw) => match serde_json::from_str::<u64>(raw.get()) {
            Ok(v) if v == u64::from(VERSION) => {}
            Ok(v) if v > u64::from(VERSION) => problems.push(Problem::FutureVersion { version: v }),
            Ok(v) if v >= 1 => {
                if let Err(e) = migrate(&mut map, v as u32) {
                    problems.push(Problem::Field {
                        field: "version".into(),
                        error: e,
                    });
                }
            }
            _ => problems.push(Problem::UnknownVersion {
                version: raw.get().to_string(),
            }),
        },
    }
    let progress = read_fields(map, &mut problems);
    Decoded { progress, problems }
}

/// A backup file: the progress record, with the user's decks beside it (`"decks": […]`,
/// left out when there are none). The field is new in no version: older code reads such a
/// file's progress and skips the decks; this code reads an older file with no decks.
pub fn encode_backup(progress: &Progress, decks: &[UserDeck]) -> String {
    #[derive(Serialize)]
    struct Backup<'a> {
        version: u32,
        #[serde(flatten)]
        progress: &'a Progress,
        #[serde(skip_serializing_if = "<[UserDeck]>::is_empty")]
        decks: &'a [UserDeck],
    }
    serde_json::to_string(&Backup {
        version: VERSION,
        progress,
        decks,
    })
    .expect("progress always serializes")
}

/// What an importable backup file holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Backup {
    pub progress: Progress,
    pub decks: Vec<UserDeck>,
    /// What could not be read (entries or decks left out).
    pub warnings: Vec<String>,
}

/// Reads a backup file for import: the progress and decks in it with any warnings (entries
/// or decks that could not be read), or, when it is not a diffdeck progress file at all,
/// why not.
pub fn read_backup(text: &str) -> Result<Backup, Vec<String>> {
    #[derive(serde::Deserialize)]
    struct Decks<'a> {
        #[serde(default, borrow)]
        decks: Vec<&'a RawValue>,
    }
    let decoded = decode(text);
    let fatal = decoded.problems.iter().any(|p| {
        matches!(
            p,
            Problem::TooLarge { .. }
                | Problem::NotJson { .. }
                | Problem::NotAnObject
                | Problem::NoVersion
                | Problem::UnknownVersion { .. }
        )
    });
    let mut messages: Vec<String> = decoded.problems.iter().map(ToString::to_string).collect();
    if fatal {
        return Err(messages);
    }
    let (decks, problems) = match serde_json::from_str::<Decks>(text) {
        Ok(list) => super::decks::decode_each(&list.decks),
        Err(e) => (
            Vec::new(),
            vec![format!("the decks in it could not be read ({e})")],
        ),
    };
    messages.extend(problems);
    Ok(Backup {
        progress: decoded.progress,
        decks,
        warnings: messages,
    })
}

/// Brings an older record up to [`VERSION`], one version at a time. Version 1 is the
/// first; each later version adds an arm here and a fixture in tests/fixtures.
fn migrate(_map: &mut BTreeMap<String, Raw>, from: u32) -> Result<(), String> {
    match from {
        VERSION => Ok(()),
        // Version 1 to 2: the fields are the same; only where they are stored changed.
        1 => Ok(()),
        // Version 2 to 3: nothing to change; version 3 adds review sources and a field.
        2 => Ok(()),
        other => Err(format!("no migration from version {other}")),
    }
}

fn read_fields(mut map: BTreeMap<String, Raw>, problems: &mut Vec<Problem>) -> Progress {
    let mut take = |name: &str| map.remove(name).filter(|v| v.get() != "null");
    let mut log: Vec<Review> = list("log", take("log"), problems);
    log.sort_by(|a, b| (a.at, &a.card).cmp(&(b.at, &b.card)));
    log.dedup_by(|a, b| a.key() == b.key());
    Progress {
        log,
        base: entries::<String, CardState, _>("base", take("base"), problems),
        undone: list("undone", take("undone"), problems)
            .into_iter()
            .collect(),
        confusions: list("confusions", take("confusions"), problems),
        settings: lenient("settings", take("settings"), problems),
        records: lenient("records", take("records"), problems),
        compacted_days: entries::<i32, u32, _>("compacted_days", take("compacted_days"), problems),
        compacted_confusions: entries::<String, u32, _>(
            "compacted_confusions",
            take("compacted_confusions"),
            problems,
        ),
        confusions_compacted_at: number(take("confusions_compacted_at")),
        last_export_ms: number(take("last_export_ms")),
        reset_at: number(take("reset_at")),
        reset_undone_at: number(take("reset_undone_at")),
    }
}

/// A timestamp field; 0 when missing or unreadable.
fn number(raw: Option<Raw>) -> i64 {
    raw.and_then(|raw| serde_json::from_str(raw.get()).ok())
        .unwrap_or_default()
}

fn field_error(name: &str, error: impl ToString) -> Problem {
    Problem::Field {
        field: name.into(),
        error: error.to_string(),
    }
}

/// A list read item by item: one bad review costs one review.
fn list<T: DeserializeOwned>(name: &str, raw: Option<Raw>, problems: &mut Vec<Problem>) -> Vec<T> {
    let Some(raw) = raw else {
        return Vec::new();
    };
    let items: Vec<Raw> = match serde_json::from_str(raw.get()) {
        Ok(items) => items,
        Err(_) => {
            problems.push(field_error(name, "not a list"));
            return Vec::new();
        }
    };
    let total = items.len();
    let good: Vec<T> = items
        .iter()
        .filter_map(|v| serde_json::from_str(v.get()).ok())
        .collect();
    if good.len() < total {
        problems.push(Problem::Dropped {
            field: name.into(),
            count: total - good.len(),
        });
    }
    good
}

/// A map read entry by entry.
fn entries<K, V, C>(name: &str, raw: Option<Raw>, problems: &mut Vec<Problem>) -> C
where
    K: std::str::FromStr,
    V: DeserializeOwned,
    C: Default + Extend<(K, V)>,
{
    let mut out = C::default();
    let Some(raw) = raw else {
        return out;
    };
    let Ok(items) = serde_json::from_str::<BTreeMap<String, Raw>>(raw.get()) else {
        problems.push(field_error(name, "not an object"));
        return out;
    };
    let total = items.len();
    let mut good = 0;
    out.extend(items.into_iter().filter_map(|(k, v)| {
        let entry = (k.parse().ok()?, serde_json::from_str(v.get()).ok()?);
        good += 1;
        Some(entry)
    }));
    if good < total {
        problems.push(Problem::Dropped {
            field: name.into(),
            count: total - good,
        });
    }
    out
}

/// A struct read field by field on top of its defaults (its fields must all be
/// `#[serde(default)]`): a bad setting resets that setting alone.
fn lenient<T: DeserializeOwned + Default>(
    name: &str,
    raw: Option<Raw>,
    problems: &mut Vec<Problem>,
) -> T {
    let Some(raw) = raw else {
        return T::default();
    };
    if let Ok(t) = serde_json::from_str(raw.get()) {
        return t;
    }
    let Ok(fields) = serde_json::from_str::<BTreeMap<String, Raw>>(raw.get()) else {
        problems.push(field_error(name, "not an object"));
        return T::default();
    };
    // Keep each field that reads on its own; missing fields take their defaults.
    let mut kept: BTreeMap<String, Raw> = BTreeMap::new();
    for (key, value) in fields {
        let alone = format!(
            "{{{}:{}}}",
            serde_json::to_string(&key).unwrap_or_default(),
            value.get()
        );
        match serde_json::from_str::<T>(&alone) {
            Ok(_) => {
                kept.insert(key, value);
            }
            Err(e) => problems.push(field_error(&format!("{name}.{key}"), e)),
        }
    }
    serde_json::to_string(&kept)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}
