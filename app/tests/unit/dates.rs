//! Dates, spans and clock times as each language writes them.

use app::i18n::Locale;
use app::ui::dates::{clock_time, date_span, long_date, moment, month_span};
use chrono::{NaiveDate, NaiveTime};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn documents_write_dates_in_words() {
    assert_eq!(long_date(Locale::id, day(2026, 8, 17)), "17 Agustus 2026");
    assert_eq!(long_date(Locale::en, day(2026, 8, 17)), "17 August 2026");
    assert_eq!(
        date_span(Locale::id, day(2026, 1, 1), day(2026, 12, 31)),
        "1 Januari s.d. 31 Desember 2026"
    );
    assert_eq!(
        date_span(Locale::en, day(2026, 7, 1), day(2026, 12, 31)),
        "1 July to 31 December 2026"
    );
    assert_eq!(
        date_span(Locale::id, day(2026, 12, 1), day(2027, 1, 31)),
        "1 Desember 2026 s.d. 31 Januari 2027"
    );
    for m in 1..=12 {
        assert!(!long_date(Locale::id, day(2026, m, 1)).is_empty());
    }
}

#[test]
fn times_are_written_the_way_each_language_reads_a_clock() {
    let at = day(2026, 12, 1).and_hms_opt(15, 4, 0).unwrap();
    assert_eq!(moment(Locale::id, at), "1 Desember 2026, 15.04");
    assert_eq!(moment(Locale::en, at), "1 December 2026, 15:04");
    let early = NaiveTime::from_hms_opt(7, 5, 59).unwrap();
    assert_eq!(clock_time(Locale::id, early), "07.05");
}

#[test]
fn sub_periods_are_named_by_their_months() {
    assert_eq!(
        month_span(Locale::id, day(2026, 7, 1), day(2026, 7, 31)),
        "Juli 2026"
    );
    assert_eq!(
        month_span(Locale::en, day(2026, 1, 1), day(2026, 3, 31)),
        "January – March 2026"
    );
}
