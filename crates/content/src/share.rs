//! A deck as a link: its Markdown, compressed, in the URL's fragment (`#/add/1.<data>`),
//! which browsers never send to a server.
//!
//! `<data>` is zlib (deflate with an Adler-32 checksum, so a link cut short or changed is
//! told from a deck) in URL-safe base64 without padding; `1.` is the format's version.
//! A link is at most [`MAX_LINK_CHARS`] characters of data, far within what every major
//! browser accepts in a URL (Chromium 2 MB, Firefox 1 MB, Safari more than 80 KB), and
//! short enough for chat apps and e-mail: the Docker deck (64 KB of Markdown with its
//! drills) takes about 23,000.

use std::fmt;

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

use crate::parse::MAX_BYTES;

/// What precedes the data in a link's fragment.
pub const PREFIX: &str = "#/add/";
/// The link format's version, before the data.
const VERSION: &str = "1.";
/// The most characters of data a link may carry.
pub const MAX_LINK_CHARS: usize = 32_000;

/// Why a link holds no deck.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LinkError {
    /// The deck compresses to more than a link may carry.
    TooLarge { chars: usize },
    /// Not a deck link at all.
    NotALink,
    /// A deck link from a newer version of diffdeck.
    UnknownVersion,
    /// Cut short or changed on its way: the data does not decode, or fails its checksum.
    Damaged,
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::TooLarge { chars } => write!(
                f,
                "This deck is too large for a link ({chars} characters; a link may carry {MAX_LINK_CHARS}). Share the Markdown file instead."
            ),
            LinkError::NotALink => write!(f, "This is not a diffdeck deck link."),
            LinkError::UnknownVersion => write!(
                f,
                "This deck link comes from a newer version of diffdeck. Reload to update, then open it again."
            ),
            LinkError::Damaged => write!(
                f,
                "This deck link is damaged: part of it is missing or changed. Ask for the link again, or for the Markdown file."
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// The fragment (`#/add/1.…`) that carries `markdown`, a deck file's text (so at most
/// [`MAX_BYTES`]: [`decode`] refuses more as damaged).
pub fn encode(markdown: &str) -> Result<String, LinkError> {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(markdown.as_bytes(), 10);
    let data = URL_SAFE_NO_PAD.encode(packed);
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge { chars: data.len() });
    }
    Ok(format!("{PREFIX}{VERSION}{data}"))
}

/// The Markdown a fragment (`#/add/1.…`, with or without `#`) carries. Never inflates
/// more than a deck file may hold ([`MAX_BYTES`]).
pub fn decode(fragment: &str) -> Result<String, LinkError> {
    let body = fragment
        .strip_prefix(PREFIX)
        .or_else(|| fragment.strip_prefix(&PREFIX[1..]))
        .ok_or(LinkError::NotALink)?;
    let Some(data) = body.strip_prefix(VERSION) else {
        let newer = body
            .split_once('.')
            .is_some_and(|(v, _)| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()));
        return Err(if newer {
            LinkError::UnknownVersion
        } else {
            LinkError::Damaged
        });
    };
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge { chars: data.len() });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(data.trim_end())
        .map_err(|_| LinkError::Damaged)?;
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_BYTES)
        .map_err(|_| LinkError::Damaged)?;
    String::from_utf8(bytes).map_err(|_| LinkError::Damaged)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOCKER: &str = include_str!("../../../content/docker.md");

    #[test]
    fn a_deck_goes_into_a_link_and_comes_back_whole() {
        let link = encode(DOCKER).unwrap();
        assert!(link.starts_with("#/add/1."));
        // 64 KB of Markdown with its drills: well within a link, at about a third of its size.
        assert!(
            link.len() <= MAX_LINK_CHARS && link.len() * 5 < DOCKER.len() * 2,
            "the Docker deck ({} bytes) takes {} characters",
            DOCKER.len(),
            link.len()
        );
        assert!(link[PREFIX.len()..]
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)));
        assert_eq!(decode(&link).unwrap(), DOCKER);
        assert_eq!(decode(&link[1..]).unwrap(), DOCKER, "without the #");
    }

    #[test]
    fn a_cut_or_changed_link_is_damaged_never_a_different_deck() {
        let link = encode(DOCKER).unwrap();
        let start = PREFIX.len() + VERSION.len();
        // Every cut: the checksum (or the stream's end) is missing.
        for end in (start..link.len()).step_by(97).chain([link.len() - 1]) {
            assert_eq!(
                decode(&link[..end]),
                Err(LinkError::Damaged),
                "cut at {end}"
            );
        }
        // One character changed anywhere.
        for at in (start..link.len()).step_by(89) {
            let mut changed = link.clone().into_bytes();
            changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
            let changed = String::from_utf8(changed).unwrap();
            assert!(decode(&changed).is_err(), "changed at {at}");
        }
    }

    #[test]
    fn other_fragments_and_sizes_are_told_apart() {
        assert_eq!(decode("#/c/cmd-vs-entrypoint"), Err(LinkError::NotALink));
        assert_eq!(decode("#/add/2.abc"), Err(LinkError::UnknownVersion));
        assert_eq!(decode("#/add/"), Err(LinkError::Damaged));
        assert_eq!(decode("#/add/1."), Err(LinkError::Damaged));
        assert_eq!(decode("#/add/1.%%%"), Err(LinkError::Damaged));
        let long = format!("#/add/1.{}", "A".repeat(MAX_LINK_CHARS + 1));
        assert_eq!(
            decode(&long),
            Err(LinkError::TooLarge {
                chars: MAX_LINK_CHARS + 1
            })
        );
        // Text that does not compress (random words) soon outgrows a link.
        let mut x = 0x2545_f491u32;
        let noise: String = (0..40_000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 17;
                x ^= x << 5;
                char::from(b'a' + (x % 26) as u8)
            })
            .collect();
        assert!(matches!(encode(&noise), Err(LinkError::TooLarge { .. })));
        // A small link that would inflate past a deck file's limit is refused.
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(
            &vec![b'a'; MAX_BYTES + 1],
            10,
        ));
        assert!(bomb.len() < MAX_LINK_CHARS);
        assert_eq!(decode(&format!("#/add/1.{bomb}")), Err(LinkError::Damaged));
    }

    #[test]
    fn messages_say_what_to_do() {
        assert!(LinkError::Damaged.to_string().contains("damaged"));
        assert!(LinkError::TooLarge { chars: 40_000 }
            .to_string()
            .contains("40000 characters; a link may carry 32000"));
    }
}
