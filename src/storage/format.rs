//! The saved form of [`Progress`]: JSON in an envelope with a version number.
//!
//! ```json
//! {"version": 1, "base": {...}, "log": [{"c": "pair:cmd-vs-entrypoint", "t": 1764000000000, "d": 20416, "g": 3}], ...}
//! ```
//!
//! Reading never fails: [`decode`] returns what it could recover and a list of the
//! [`Problem`]s it met. A caller that gets problems must keep the original text.

use std::fmt;

use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::domain::progress::{Progress, Review};
use crate::domain::schedule::CardState;

/// The localStorage key of the progress record.
pub const KEY: &str = "diffdeck:progress";
/// Where an unreadable original is kept: this prefix plus the time it was found (ms).
pub const BACKUP_PREFIX: &str = "diffdeck:progress:backup:";
/// The current format version. Bump it only for a change old code would misread, and add
/// a migration and a fixture (`tests/fixtures/progress-vN.json`) for the old one.
pub const VERSION: u32 = 1;
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
    let mut value = serde_json::to_value(progress).expect("progress always serializes");
    if let Value::Object(map) = &mut value {
        map.insert("version".into(), VERSION.into());
    }
    value.to_string()
}

/// Reads stored text, recovering field by field (and entry by entry in the log) whatever
/// can be read.
pub fn decode(text: &str) -> Decoded {
    if text.len() > MAX_TEXT {
        return Decoded::broken(Problem::TooLarge { bytes: text.len() });
    }
    let value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            return Decoded::broken(Problem::NotJson {
                error: e.to_string(),
            })
        }
    };
    let Value::Object(mut map) = value else {
        return Decoded::broken(Problem::NotAnObject);
    };
    let mut problems = Vec::new();
    match map.remove("version") {
        None => problems.push(Problem::NoVersion),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) if v == u64::from(VERSION) => {}
            Some(v) if v > u64::from(VERSION) => {
                problems.push(Problem::FutureVersion { version: v })
            }
            Some(v) if v >= 1 => {
                if let Err(e) = migrate(&mut map, v as u32) {
                    problems.push(Problem::Field {
                        field: "version".into(),
                        error: e,
                    });
                }
            }
            _ => problems.push(Problem::UnknownVersion {
                version: n.to_string(),
            }),
        },
        Some(other) => problems.push(Problem::UnknownVersion {
            version: other.to_string(),
        }),
    }
    let progress = read_fields(map, &mut problems);
    Decoded { progress, problems }
}

/// Brings an older record up to [`VERSION`], one version at a time. Version 1 is the
/// first; each later version adds an arm here and a fixture in tests/fixtures.
fn migrate(_map: &mut Map<String, Value>, from: u32) -> Result<(), String> {
    match from {
        VERSION => Ok(()),
        other => Err(format!("no migration from version {other}")),
    }
}

fn read_fields(mut map: Map<String, Value>, problems: &mut Vec<Problem>) -> Progress {
    let mut take = |name: &str| map.remove(name).filter(|v| !v.is_null());
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
    }
}

/// A list read item by item: one bad review costs one review.
fn list<T: DeserializeOwned>(
    name: &str,
    value: Option<Value>,
    problems: &mut Vec<Problem>,
) -> Vec<T> {
    match value {
        None => Vec::new(),
        Some(Value::Array(items)) => {
            let total = items.len();
            let good: Vec<T> = items
                .into_iter()
                .filter_map(|v| serde_json::from_value(v).ok())
                .collect();
            if good.len() < total {
                problems.push(Problem::Dropped {
                    field: name.into(),
                    count: total - good.len(),
                });
            }
            good
        }
        Some(_) => {
            problems.push(Problem::Field {
                field: name.into(),
                error: "not a list".into(),
            });
            Vec::new()
        }
    }
}

/// A map read entry by entry.
fn entries<K, V, C>(name: &str, value: Option<Value>, problems: &mut Vec<Problem>) -> C
where
    K: std::str::FromStr,
    V: DeserializeOwned,
    C: Default + Extend<(K, V)>,
{
    let mut out = C::default();
    match value {
        None => {}
        Some(Value::Object(items)) => {
            let total = items.len();
            let mut good = 0;
            out.extend(items.into_iter().filter_map(|(k, v)| {
                let key = k.parse().ok()?;
                let value = serde_json::from_value(v).ok()?;
                good += 1;
                Some((key, value))
            }));
            if good < total {
                problems.push(Problem::Dropped {
                    field: name.into(),
                    count: total - good,
                });
            }
        }
        Some(_) => problems.push(Problem::Field {
            field: name.into(),
            error: "not an object".into(),
        }),
    }
    out
}

/// A struct read field by field on top of its defaults: a bad setting resets that setting
/// alone.
fn lenient<T: Serialize + DeserializeOwned + Default>(
    name: &str,
    value: Option<Value>,
    problems: &mut Vec<Problem>,
) -> T {
    let Some(value) = value else {
        return T::default();
    };
    if let Ok(t) = serde_json::from_value(value.clone()) {
        return t;
    }
    let Value::Object(stored) = value else {
        problems.push(Problem::Field {
            field: name.into(),
            error: "not an object".into(),
        });
        return T::default();
    };
    let mut merged = serde_json::to_value(T::default()).expect("defaults serialize");
    for (key, v) in stored {
        let Value::Object(m) = &mut merged else { break };
        let previous = m.insert(key.clone(), v);
        if let Err(e) = serde_json::from_value::<T>(merged.clone()) {
            problems.push(Problem::Field {
                field: format!("{name}.{key}"),
                error: e.to_string(),
            });
            if let Value::Object(m) = &mut merged {
                match previous {
                    Some(p) => m.insert(key, p),
                    None => m.remove(&key),
                };
            }
        }
    }
    serde_json::from_value(merged).unwrap_or_default()
}
