//! Calendar dates <-> study days (days since 1970-01-01 in local time; a study day starts
//! at 04:00, so the study day of a date is that date's day number).

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn day_of(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number.
pub fn date_of(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i32::from(m <= 2);
    (y, m, d)
}

/// `2026-12-15` -> its day number; `None` if malformed.
pub fn parse_iso(s: &str) -> Option<i32> {
    let mut parts = s.trim().splitn(3, '-');
    let y = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let day = day_of(y, m, d);
    (date_of(day) == (y, m, d)).then_some(day)
}

/// A day number as `2026-12-15`.
pub fn iso(day: i32) -> String {
    let (y, m, d) = date_of(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// A day number as a short date for a sentence: `Sat 12 Dec`.
pub fn short(day: i32) -> String {
    const WEEKDAYS: [&str; 7] = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"];
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (_, m, d) = date_of(day);
    format!(
        "{} {d} {}",
        WEEKDAYS[day.rem_euclid(7) as usize],
        MONTHS[m as usize - 1]
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_dates_name_the_weekday() {
        assert_eq!(short(0), "Thu 1 Jan");
        assert_eq!(short(parse_iso("2026-12-12").unwrap()), "Sat 12 Dec");
        assert_eq!(short(parse_iso("2027-02-28").unwrap()), "Sun 28 Feb");
        assert_eq!(short(-1), "Wed 31 Dec");
    }

    #[test]
    fn known_dates() {
        assert_eq!(day_of(1970, 1, 1), 0);
        assert_eq!(day_of(2000, 3, 1), 11_017);
        assert_eq!(parse_iso("2026-11-27"), Some(20_784));
        assert_eq!(iso(20_784), "2026-11-27");
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("soon"), None);
    }

    #[test]
    fn round_trips_across_four_centuries() {
        for day in (-200_000..200_000).step_by(7) {
            let (y, m, d) = date_of(day);
            assert_eq!(day_of(y, m, d), day);
        }
    }
}
