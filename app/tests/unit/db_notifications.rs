//! The stored spelling of notification kinds (`app::db::notifications`).

use app::domain::notification::NotificationKind;

#[test]
fn kinds_are_stored_as_spelled() {
    app::domain::vocabulary::assert_column_spelling(NotificationKind::as_str);
    app::domain::vocabulary::assert_round_trips(NotificationKind::as_str);
    app::domain::vocabulary::assert_serde_spelling(NotificationKind::as_str);
}
