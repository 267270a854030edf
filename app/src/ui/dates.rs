//! Dates and times, one way per language on every page: dates as official documents write them
//! ("1 Januari 2026"), a span within one year as "1 Januari s.d. 31 Desember 2026" (the SKP
//! form's *periode penilaian*), clock times as Indonesian writes them ("15.04"; "15:04" in
//! English), always on the agency's clocks.

use crate::i18n::Locale;
use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month(locale: Locale, d: NaiveDate) -> &'static str {
    let months = match locale {
        Locale::id => &MONTHS_ID,
        Locale::en => &MONTHS_EN,
    };
    months[d.month0() as usize]
}

/// "1 Januari 2026" / "1 January 2026".
pub fn long_date(locale: Locale, d: NaiveDate) -> String {
    format!("{} {} {}", d.day(), month(locale, d), d.year())
}

/// "15.04" / "15:04".
pub fn clock_time(locale: Locale, t: NaiveTime) -> String {
    let separator = match locale {
        Locale::id => '.',
        Locale::en => ':',
    };
    format!("{:02}{separator}{:02}", t.hour(), t.minute())
}

/// "1 Desember 2026, 15.04" / "1 December 2026, 15:04".
pub fn moment(locale: Locale, at: NaiveDateTime) -> String {
    format!(
        "{}, {}",
        long_date(locale, at.date()),
        clock_time(locale, at.time())
    )
}

/// A stored moment on the agency's clocks, in the language of the request being answered.
#[cfg(feature = "ssr")]
pub fn local_moment(
    zone: crate::domain::agency::AgencyTimeZone,
    at: chrono::DateTime<chrono::Utc>,
) -> String {
    moment(
        crate::ui::locale::request_locale(),
        zone.local(at).naive_local(),
    )
}

/// A date in the language of the request being answered.
#[cfg(feature = "ssr")]
pub fn local_date(d: NaiveDate) -> String {
    long_date(crate::ui::locale::request_locale(), d)
}

/// A sub-period by its months: "Juli 2026", "Januari – Maret 2026".
pub fn month_span(locale: Locale, from: NaiveDate, to: NaiveDate) -> String {
    if (from.year(), from.month()) == (to.year(), to.month()) {
        format!("{} {}", month(locale, from), from.year())
    } else {
        format!(
            "{} – {} {}",
            month(locale, from),
            month(locale, to),
            to.year()
        )
    }
}

/// "1 Januari s.d. 31 Desember 2026"; the year is written once when both ends share it.
pub fn date_span(locale: Locale, from: NaiveDate, to: NaiveDate) -> String {
    let until = match locale {
        Locale::id => "s.d.",
        Locale::en => "to",
    };
    if from.year() == to.year() {
        format!(
            "{} {} {until} {}",
            from.day(),
            month(locale, from),
            long_date(locale, to)
        )
    } else {
        format!(
            "{} {until} {}",
            long_date(locale, from),
            long_date(locale, to)
        )
    }
}
