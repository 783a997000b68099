//! The user's own decks in storage: one key, `diffdeck:decks`, holding a versioned list
//! (`{"version":1,"decks":[…]}`). Pure; `local` reads and writes it.
//!
//! Written whole on every change (an add, a new version, a removal), which is rare; a
//! grade never writes it. A deck that cannot be read is left out and reported, and the
//! original text is kept aside by `local` before anything is written over it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::domain::own::{self, UserDeck};

pub const DECKS_KEY: &str = "diffdeck:decks";
/// Unreadable stored decks are copied to `diffdeck:decks:backup:<ms>`.
pub const DECKS_BACKUP_PREFIX: &str = "diffdeck:decks:backup:";
/// Bumped with a migration when old code would misread the list. Version 2: decks may
/// hold drills, which version-1 code would drop when it wrote the list back.
pub const DECKS_VERSION: u32 = 2;

#[derive(Serialize)]
struct Envelope<'a> {
    version: u32,
    decks: &'a [UserDeck],
}

#[derive(Deserialize)]
struct RawEnvelope<'a> {
    version: u32,
    #[serde(borrow)]
    decks: Vec<&'a RawValue>,
}

/// The decks as stored.
pub fn encode(decks: &[UserDeck]) -> String {
    serde_json::to_string(&Envelope {
        version: DECKS_VERSION,
        decks,
    })
    .unwrap_or_default()
}

/// The stored decks that can be read, and what is wrong with the rest (empty if all is
/// well). A list from a newer version is not read at all (it might be misread).
pub fn decode(text: &str) -> (Vec<UserDeck>, Vec<String>) {
    let envelope: RawEnvelope = match serde_json::from_str(text) {
        Ok(e) => e,
        Err(e) => {
            return (
                Vec::new(),
                vec![format!("the list of your decks is damaged ({e})")],
            )
        }
    };
    if envelope.version > DECKS_VERSION {
        return (
            Vec::new(),
            vec![format!(
                "your decks were saved by a newer version of diffdeck (format {}); reload to update",
                envelope.version
            )],
        );
    }
    decode_each(&envelope.decks)
}

/// Decks read one by one (from storage or a backup file): one that does not read, or that
/// this app could not have made (`own::check`: a link that is not https, say), is left
/// out and reported; the rest are kept.
pub fn decode_each(raws: &[&RawValue]) -> (Vec<UserDeck>, Vec<String>) {
    let mut decks = Vec::new();
    let mut problems = Vec::new();
    for (i, raw) in raws.iter().enumerate() {
        match serde_json::from_str::<UserDeck>(raw.get())
            .map_err(|e| e.to_string())
            .and_then(|d| own::check(&d).map(|()| d))
        {
            Ok(d) => decks.push(d),
            Err(e) => problems.push(format!("deck {} of the list is damaged ({e})", i + 1)),
        }
    }
    (decks, problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::deck::test_decks;
    use crate::domain::own::adopt;

    fn bundled() -> Vec<crate::domain::deck::Deck> {
        test_decks().to_vec()
    }

    #[test]
    fn decks_are_stored_and_read_back_whole() {
        let decks: Vec<UserDeck> = bundled().into_iter().map(|d| adopt(d, 7)).collect();
        let text = encode(&decks);
        assert!(text.starts_with("{\"version\":2,\"decks\":["));
        assert!(
            text.contains("\"drills\":[{"),
            "drills are stored with their decks"
        );
        assert_eq!(decode(&text), (decks, Vec::new()));
        assert_eq!(decode(&encode(&[])), (Vec::new(), Vec::new()));
    }

    /// A list stored by version 1 (decks without drills) reads as it was.
    #[test]
    fn a_version_1_list_reads_unchanged() {
        let mut decks: Vec<UserDeck> = bundled().into_iter().map(|d| adopt(d, 7)).collect();
        for deck in &mut decks {
            for phase in &mut deck.deck.phases {
                for c in &mut phase.comparisons {
                    c.drills.clear();
                }
            }
        }
        let v1 = encode(&decks)
            .replacen("{\"version\":2,", "{\"version\":1,", 1)
            .replace(",\"drills\":[]", "");
        assert!(!v1.contains("drills"));
        assert_eq!(decode(&v1), (decks, Vec::new()));
    }

    #[test]
    fn a_damaged_deck_is_left_out_and_the_rest_kept() {
        let decks: Vec<UserDeck> = bundled().into_iter().map(|d| adopt(d, 7)).collect();
        let text = encode(&decks);
        let damaged = text.replacen("\"added_ms\":7", "\"added_ms\":\"x\"", 1);
        let (read, problems) = decode(&damaged);
        assert_eq!(read, decks[1..]);
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0].starts_with("deck 1 of the list is damaged"),
            "{problems:?}"
        );

        // A deck that reads but that the app could not have made is left out too.
        let unsafe_link = text.replacen("https://", "javascript://", 1);
        let (read, problems) = decode(&unsafe_link);
        assert_eq!(read.len(), decks.len() - 1);
        assert!(problems[0].contains("not an https link"), "{problems:?}");

        let (read, problems) = decode("{\"version\":1,\"decks\":[");
        assert!(read.is_empty());
        assert!(problems[0].starts_with("the list of your decks is damaged"));
        let (read, problems) = decode("{\"version\":3,\"decks\":[]}");
        assert!(read.is_empty());
        assert!(problems[0].contains("newer version"));
    }
}
