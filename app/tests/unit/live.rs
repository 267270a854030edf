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
fn events_are_sent_as_plain_data_named_by_kind() {
    let events = [
        LiveEvent::Notifications { unread: 3 },
        LiveEvent::Cycle360 {
            html: "<p data-answered=\"1\">1 dari 3</p>".into(),
        },
    ];
    for event in events {
        assert!(LiveEvent::NAMES.contains(&event.name()));
        assert_eq!(
            LiveEvent::decode(event.name(), event.data()),
            Some(event.clone())
        );
    }
    assert_eq!(LiveEvent::Notifications { unread: 3 }.data(), "3");
    // What this build does not know is refused, not guessed.
    assert_eq!(LiveEvent::decode("notifications", "tiga".into()), None);
    assert_eq!(LiveEvent::decode("notifications", "-1".into()), None);
    assert_eq!(LiveEvent::decode("reviews", "3".into()), None);
}
