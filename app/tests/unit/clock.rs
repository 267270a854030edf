//! The business clock of `app::clock`.

use app::clock::Clock;
use app::domain::agency::AgencyTimeZone;
use chrono::{NaiveDate, Utc};

#[test]
fn a_shifted_clock_shows_the_chosen_day_in_the_agency_zone() {
    for zone in [
        AgencyTimeZone::Wib,
        AgencyTimeZone::Wita,
        AgencyTimeZone::Wit,
    ] {
        let day = NaiveDate::from_ymd_opt(2026, 8, 20).unwrap();
        let clock = Clock::from_today(day, zone);
        assert_eq!(clock.today_in(zone), day);
    }
}

#[test]
fn the_system_clock_is_the_real_one() {
    let clock = Clock::system();
    assert!(!clock.is_shifted());
    assert!((clock.now() - Utc::now()).num_seconds().abs() <= 1);
}
