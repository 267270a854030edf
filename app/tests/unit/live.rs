//! The live channel's topics and events (`app::live`).

use app::domain::ids::AccountId;
use app::live::{LiveEvent, Topic};

#[test]
fn topics_have_one_spelling() {
    let topic = Topic::User(AccountId(12));
    assert_eq!(topic.to_string(), "user:12");
    assert_eq!(Topic::parse("user:12"), Some(topic));
    for wrong in [
        "",
        "user",
        "user:",
        "user:0",
        "user:-3",
        "user:x",
        "users:12",
        "USER:12",
        ":12",
        "user:12:1",
        "user: 12",
        "user:+12",
    ] {
        assert_eq!(Topic::parse(wrong), None, "{wrong:?}");
    }
}

#[test]
fn events_are_sent_as_tagged_json() {
    let event = LiveEvent::Notifications { unread: 3 };
    assert_eq!(event.name(), "notifications");
    assert!(LiveEvent::NAMES.contains(&event.name()));
    assert_eq!(
        serde_json::to_string(&event).unwrap(),
        r#"{"kind":"notifications","unread":3}"#
    );
}
