//! A deck as a link: its Markdown, compressed, in the URL's fragment (`#/add/1.<data>`),
//! which browsers never send to a server. Progress sent to another device travels the
//! same way (`#/sync/1.<data>`, the backup file's JSON: see [`Kind`]).
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

/// What precedes the data in a deck link's fragment.
pub const PREFIX: &str = "#/add/";
/// What precedes the data in a sync link's fragment.
pub const SYNC_PREFIX: &str = "#/sync/";
/// The most a sync link may inflate to (a stored record's limit).
pub const MAX_SYNC_BYTES: usize = 4 * 1024 * 1024;

/// What a link carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A deck's Markdown (`#/add/`).
    Deck,
    /// Progress for another device (`#/sync/`): a backup file's text.
    Sync,
}

impl Kind {
    fn prefix(self) -> &'static str {
        match self {
            Kind::Deck => PREFIX,
            Kind::Sync => SYNC_PREFIX,
        }
    }

    fn max_bytes(self) -> usize {
        match self {
            Kind::Deck => MAX_BYTES,
            Kind::Sync => MAX_SYNC_BYTES,
        }
    }
}
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

impl LinkError {
    /// What to tell the user about a link of `kind` that failed so.
    pub fn describe(&self, kind: Kind) -> String {
        match (kind, self) {
            (Kind::Deck, e) => e.to_string(),
            (Kind::Sync, LinkError::TooLarge { chars }) => format!(
                "This progress is too large for a link ({chars} characters; a link may carry {MAX_LINK_CHARS}). Send only what changed, or use the backup file."
            ),
            (Kind::Sync, LinkError::NotALink) => "This is not a diffdeck sync link.".into(),
            (Kind::Sync, LinkError::UnknownVersion) => {
                "This sync link comes from a newer version of diffdeck. Reload to update, then open it again.".into()
            }
            (Kind::Sync, LinkError::Damaged) => {
                "This sync link is damaged: part of it is missing or changed. Nothing was changed here. Make a new link on the other device, or send the backup file.".into()
            }
        }
    }
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
    encode_as(Kind::Deck, markdown)
}

/// The fragment that carries `text` as a link of `kind`.
pub fn encode_as(kind: Kind, text: &str) -> Result<String, LinkError> {
    let packed = miniz_oxide::deflate::compress_to_vec_zlib(text.as_bytes(), 10);
    let data = URL_SAFE_NO_PAD.encode(packed);
    if data.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLarge { chars: data.len() });
    }
    Ok(format!("{}{VERSION}{data}", kind.prefix()))
}

/// The Markdown a fragment (`#/add/1.…`, with or without `#`) carries. Never inflates
/// more than a deck file may hold ([`MAX_BYTES`]).
pub fn decode(fragment: &str) -> Result<String, LinkError> {
    decode_as(Kind::Deck, fragment)
}

/// The text a link of `kind` carries (with or without `#`); never inflates more than
/// such a link may hold.
pub fn decode_as(kind: Kind, fragment: &str) -> Result<String, LinkError> {
    let prefix = kind.prefix();
    let body = fragment
        .strip_prefix(prefix)
        .or_else(|| fragment.strip_prefix(&prefix[1..]))
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
    let bytes = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, kind.max_bytes())
        .map_err(|_| LinkError::Damaged)?;
    String::from_utf8(bytes).map_err(|_| LinkError::Damaged)
}

/// `text` (a link) as a QR code, drawn as SVG: dark modules on white with a quiet zone of
/// four, sized by its container. Error correction M where the text fits, else L; `None`
/// if it holds more than one code can (2,953 bytes at L).
pub fn qr_svg(text: &str) -> Option<String> {
    use qrcode::{EcLevel, QrCode};
    let code = QrCode::with_error_correction_level(text, EcLevel::M)
        .or_else(|_| QrCode::with_error_correction_level(text, EcLevel::L))
        .ok()?;
    let width = code.width();
    let dark = code.to_colors();
    let mut path = String::new();
    for (y, row) in dark.chunks(width).enumerate() {
        let mut x = 0;
        while x < width {
            if row[x] == qrcode::Color::Dark {
                let start = x;
                while x < width && row[x] == qrcode::Color::Dark {
                    x += 1;
                }
                path += &format!("M{} {}h{}v1h-{}z", start + 4, y + 4, x - start, x - start);
            } else {
                x += 1;
            }
        }
    }
    let size = width + 8;
    Some(format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" shape-rendering="crispEdges"><rect width="{size}" height="{size}" fill="white"/><path fill="black" d="{path}"/></svg>"#
    ))
}

/// [`qr_svg`] as an image's address (`data:image/svg+xml,…`), for an `<img>`: no `#`
/// in it, and `<`, `>` escaped.
pub fn qr_image(text: &str) -> Option<String> {
    let svg = qr_svg(text)?;
    Some(format!(
        "data:image/svg+xml,{}",
        svg.replace('<', "%3C").replace('>', "%3E")
    ))
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
    fn a_sync_link_is_its_own_kind() {
        let text = r#"{"version":3,"log":[]}"#;
        let link = encode_as(Kind::Sync, text).unwrap();
        assert!(link.starts_with("#/sync/1."));
        assert_eq!(decode_as(Kind::Sync, &link).unwrap(), text);
        assert_eq!(decode(&link), Err(LinkError::NotALink), "not a deck");
        assert_eq!(
            decode_as(Kind::Sync, "#/sync/9.abc"),
            Err(LinkError::UnknownVersion)
        );
        let cut = &link[..link.len() - 3];
        assert_eq!(decode_as(Kind::Sync, cut), Err(LinkError::Damaged));
        assert!(LinkError::Damaged
            .describe(Kind::Sync)
            .contains("Nothing was changed"));
        // A record may be larger than a deck file, but not without limit.
        let bomb = URL_SAFE_NO_PAD.encode(miniz_oxide::deflate::compress_to_vec_zlib(
            &vec![b' '; MAX_SYNC_BYTES + 1],
            10,
        ));
        assert!(bomb.len() < MAX_LINK_CHARS);
        assert_eq!(
            decode_as(Kind::Sync, &format!("#/sync/1.{bomb}")),
            Err(LinkError::Damaged)
        );
    }

    #[test]
    fn a_link_becomes_a_qr_code_while_one_can_hold_it() {
        let svg = qr_svg("https://example.org/diffdeck/#/sync/1.eJyrVg").unwrap();
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        // 44 bytes: version 4 at level M, 33 modules and the quiet zone.
        assert!(svg.contains(r#"viewBox="0 0 41 41""#), "{svg}");
        assert!(qr_svg(&"a".repeat(2_953)).is_some());
        let image = qr_image("https://example.org/").unwrap();
        assert!(image.starts_with("data:image/svg+xml,%3Csvg "));
        assert!(!image.contains(['#', '<', '>']));
        assert!(qr_svg(&"a".repeat(2_954)).is_none());
    }

    #[test]
    fn messages_say_what_to_do() {
        assert!(LinkError::Damaged.to_string().contains("damaged"));
        assert!(LinkError::TooLarge { chars: 40_000 }
            .to_string()
            .contains("40000 characters; a link may carry 32000"));
    }
}
