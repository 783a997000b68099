//! Reminders without a push server: the study plan as an iCalendar file (RFC 5545) that
//! any calendar app imports, one session a day with the cards expected and a link back,
//! and the interview itself.
//!
//! Times are UTC (`…Z`): the caller turns each day's local study time into UTC, so a
//! daylight-saving change inside the plan is honoured without a VTIMEZONE.

use super::calendar::date_of;
use super::schedule::{DAY_MS, MINUTE_MS};

/// One day's study session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Session {
    /// The study day (its calendar date's day number).
    pub day: i32,
    /// When it starts (ms, UTC).
    pub start_ms: i64,
    /// Cards expected that day: reviews due, and new cards the plan brings.
    pub reviews: usize,
    pub new: usize,
}

/// How long each session is booked for.
pub const SESSION_MINUTES: i64 = 20;

/// The calendar: `sessions`, and the interview on `interview_day` (an all-day event) if
/// there is one. `url` is the app's address (each event links back to it); `stamp_ms` is
/// when the file is made (DTSTAMP); `host` names the app's origin in each UID, so a
/// calendar that imports a newer file replaces the older events rather than adding to
/// them.
pub fn calendar(
    sessions: &[Session],
    interview_day: Option<i32>,
    url: &str,
    host: &str,
    stamp_ms: i64,
) -> String {
    let mut out = String::new();
    let stamp = utc(stamp_ms);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//diffdeck//study plan//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:diffdeck study plan",
    ] {
        push(&mut out, line);
    }
    for s in sessions {
        let cards = s.reviews + s.new;
        let summary = match cards {
            0 => "diffdeck: a short review".to_string(),
            1 => "diffdeck: 1 card to study".to_string(),
            n => format!("diffdeck: {n} cards to study"),
        };
        let description = format!(
            "About {} due for review and {} new. Open diffdeck: {url}",
            plural(s.reviews, "card"),
            s.new
        );
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:study-{}@{host}", date(s.day)));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("DTSTART:{}", utc(s.start_ms)));
        push(
            &mut out,
            &format!("DTEND:{}", utc(s.start_ms + SESSION_MINUTES * MINUTE_MS)),
        );
        push(&mut out, &format!("SUMMARY:{}", text(&summary)));
        push(&mut out, &format!("DESCRIPTION:{}", text(&description)));
        push(&mut out, &format!("URL:{url}"));
        push(&mut out, "TRANSP:TRANSPARENT");
        push(&mut out, "END:VEVENT");
    }
    if let Some(day) = interview_day {
        push(&mut out, "BEGIN:VEVENT");
        push(&mut out, &format!("UID:interview-{}@{host}", date(day)));
        push(&mut out, &format!("DTSTAMP:{stamp}"));
        push(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(day)));
        push(&mut out, &format!("DTEND;VALUE=DATE:{}", date(day + 1)));
        push(&mut out, "SUMMARY:Interview");
        push(
            &mut out,
            &text_line(
                "DESCRIPTION:",
                &format!("The day diffdeck planned for. A last look: {url}"),
            ),
        );
        push(&mut out, "END:VEVENT");
    }
    push(&mut out, "END:VCALENDAR");
    out
}

fn plural(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

fn text_line(name: &str, value: &str) -> String {
    format!("{name}{}", text(value))
}

/// A TEXT value, escaped (RFC 5545 3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets (never inside a character), with CRLF.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

/// `20260303`.
fn date(day: i32) -> String {
    let (y, m, d) = date_of(day);
    format!("{y:04}{m:02}{d:02}")
}

/// `20260303T180000Z`.
fn utc(ms: i64) -> String {
    let day = ms.div_euclid(DAY_MS) as i32;
    let secs = ms.rem_euclid(DAY_MS) / 1000;
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(day),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::calendar::day_of;

    fn session(day: i32, hour: i64) -> Session {
        Session {
            day,
            start_ms: i64::from(day) * DAY_MS + hour * 60 * MINUTE_MS,
            reviews: 3,
            new: 10,
        }
    }

    #[test]
    fn a_session_a_day_then_the_interview() {
        let d = day_of(2026, 3, 2);
        let sessions: Vec<Session> = (0..7).map(|i| session(d + i, 18)).collect();
        let ics = calendar(
            &sessions,
            Some(d + 7),
            "https://example.org/diffdeck/",
            "example.org",
            i64::from(d) * DAY_MS + 36_000_000,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 8);
        assert!(ics.contains("DTSTART:20260302T180000Z\r\n"));
        assert!(ics.contains("DTEND:20260302T182000Z\r\n"));
        assert!(ics.contains("DTSTART:20260308T180000Z\r\n"));
        assert!(ics.contains("DTSTAMP:20260302T100000Z\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260309\r\n"));
        assert!(ics.contains("UID:study-20260304@example.org\r\n"));
        assert!(ics.contains("SUMMARY:diffdeck: 13 cards to study\r\n"));
        // Every line ends in CRLF and none is longer than 75 octets.
        assert!(!ics.replace("\r\n", "").contains('\n'));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line}");
        }
    }

    #[test]
    fn long_lines_fold_and_text_is_escaped() {
        let d = day_of(2026, 3, 2);
        let url = format!("https://example.org/{}/", "x".repeat(120));
        let ics = calendar(&[session(d, 9)], None, &url, "example.org", 0);
        // Unfolded (CRLF and one space removed), the description is whole and escaped.
        let unfolded = ics.replace("\r\n ", "");
        assert!(unfolded.contains(&format!(
            "DESCRIPTION:About 3 cards due for review and 10 new. Open diffdeck: {url}\r\n"
        )));
        assert!(!ics.contains("Interview"));
        assert_eq!(text("a, b; c\\d\ne"), "a\\, b\\; c\\\\d\\ne");
        let mut folded = String::new();
        push(&mut folded, &"é".repeat(60));
        for line in folded.split("\r\n") {
            assert!(line.len() <= 75);
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), "é".repeat(60));
    }
}
