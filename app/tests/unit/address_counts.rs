use app::address_counts::AddressCounts;

#[test]
fn counts_per_address_and_forgets_each_hour() {
    let counts = AddressCounts::default();
    counts.add(Some("203.0.113.5"), 10);
    counts.add(Some("203.0.113.5"), 10);
    counts.add(Some("198.51.100.1"), 10);
    assert_eq!(counts.get(Some("203.0.113.5"), 10), 2);
    assert_eq!(
        counts.get(Some("::ffff:203.0.113.5"), 10),
        2,
        "a mapped IPv4 is the IPv4"
    );
    assert_eq!(counts.get(Some("198.51.100.1"), 10), 1);
    // One household's IPv6 devices count together, the next /64 apart.
    counts.add(Some("2001:db8:1:2::a"), 10);
    assert_eq!(counts.get(Some("2001:db8:1:2:ffff::1"), 10), 1);
    assert_eq!(counts.get(Some("2001:db8:1:3::a"), 10), 0);
    // Anything that is not an address counts as one unknown sender.
    counts.add(Some("not an address"), 10);
    assert_eq!(counts.get(None, 10), 1);
    // The next hour starts from nothing, and nothing of the last one is kept.
    assert_eq!(counts.get(Some("203.0.113.5"), 11), 0);
    assert_eq!(counts.get(Some("203.0.113.5"), 10), 0);
}
