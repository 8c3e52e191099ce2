//! Dates without a date crate: the exporters need only "now" in UTC and ISO 8601 dates.
//!
//! `std::time::SystemTime::now()` panics on wasm32-unknown-unknown, so there the clock is
//! JavaScript's `Date.now()`.

/// Seconds since the Unix epoch; 0 if the clock is unreadable (never a panic).
fn unix_seconds() -> i64 {
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    {
        // `as` saturates and maps NaN to 0.
        (js_sys::Date::now() / 1000.0) as i64
    }
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
    }
}

/// Today's UTC date, `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    let (y, m, d) = civil_from_days(unix_seconds().div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Now in UTC, `YYYY-MM-DDThh:mm:ssZ` (EPUB's `dcterms:modified` form).
pub(crate) fn now() -> String {
    stamp(unix_seconds())
}

fn stamp(seconds: i64) -> String {
    let (y, m, d) = civil_from_days(seconds.div_euclid(86_400));
    let s = seconds.rem_euclid(86_400);
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

/// `value` as EPUB's `YYYY-MM-DDThh:mm:ssZ`: a date or a UTC date-time is kept, anything else
/// becomes the epoch, so the package stays valid whatever the caller passed.
pub(crate) fn epub_stamp(value: &str) -> String {
    let value = value.trim();
    let Some((y, m, d)) = iso_date(value) else {
        return stamp(0);
    };
    let time = value
        .get(10..)
        .and_then(|rest| rest.strip_prefix(['T', 't', ' ']))
        .and_then(|t| {
            let b = t.as_bytes();
            let two = |i: usize| -> Option<u32> {
                let (h, l) = (*b.get(i)?, *b.get(i + 1)?);
                (h.is_ascii_digit() && l.is_ascii_digit())
                    .then(|| u32::from(h - b'0') * 10 + u32::from(l - b'0'))
            };
            let (hh, mm) = (two(0)?, two(3)?);
            let ss = if b.get(5) == Some(&b':') { two(6)? } else { 0 };
            (b.get(2) == Some(&b':') && hh < 24 && mm < 60 && ss < 60).then_some((hh, mm, ss))
        })
        .unwrap_or((0, 0, 0));
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        time.0, time.1, time.2
    )
}

/// The calendar date an ISO 8601 string starts with (`YYYY-MM-DD…`), if it is a real one.
pub(crate) fn iso_date(value: &str) -> Option<(u32, u32, u32)> {
    let b = value.as_bytes();
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = b.get(range)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| part.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.get(4) != Some(&b'-') || b.get(7) != Some(&b'-') {
        return None;
    }
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days).contains(&d).then_some((y, m, d))
}

/// The day count from 1970-01-01 of the calendar date an ISO 8601 string starts with (see
/// [`iso_date`]): the inverse of [`civil_from_days`], for telling neighbouring days apart
/// across months and years (`metadata::utc_on_a_neighbouring_day`).
pub(crate) fn days_of(value: &str) -> Option<i64> {
    let (y, m, d) = iso_date(value)?;
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    // Howard Hinnant's `days_from_civil`.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Proleptic Gregorian date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(days_of("1970-01-01"), Some(0));
        assert_eq!(days_of("2000-03-01T12:00:00Z"), Some(11_017));
        for days in [-1, 0, 11_017, 19_782, 20_088] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_of(&format!("{y:04}-{m:02}-{d:02}")), Some(days));
        }
        assert_eq!(stamp(951_782_400 + 3_661), "2000-02-29T01:01:01Z");
    }

    #[test]
    fn parses_iso_dates() {
        assert_eq!(iso_date("2024-02-29T10:00:00+01:00"), Some((2024, 2, 29)));
        assert_eq!(iso_date("2023-02-29"), None);
        assert_eq!(iso_date("May 5, 2024"), None);
        assert_eq!(epub_stamp("2024-05-01"), "2024-05-01T00:00:00Z");
        assert_eq!(epub_stamp("2024-05-01T12:30:05Z"), "2024-05-01T12:30:05Z");
        assert_eq!(epub_stamp("2024-05-01T12:30"), "2024-05-01T12:30:00Z");
        assert_eq!(epub_stamp("nonsense"), "1970-01-01T00:00:00Z");
    }

    #[test]
    fn today_is_a_date() {
        assert!(iso_date(&today()).is_some());
        assert_eq!(now().len(), 20);
    }
}
