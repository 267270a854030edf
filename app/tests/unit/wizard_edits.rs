//! The wizard's unsaved edits: sending, saving, stale saves, clashes, what the device keeps.

use app::features::evaluation::wizard::edits::{
    Clash, Edits, PendingEdit, Restored, Stale, Stored,
};
use std::collections::BTreeMap;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

fn page() -> Edits {
    Edits::new(pairs(&[("r-1", "10"), ("achievements", "")]))
}

#[test]
fn typing_back_the_saved_value_leaves_nothing_to_send() {
    let mut edits = page();
    edits.edit("r-1", "12");
    assert_eq!(edits.to_send(), pairs(&[("r-1", "12")]));
    edits.edit("r-1", "10");
    assert!(!edits.has_pending());
}

#[test]
fn a_save_confirms_what_it_stored_and_keeps_what_was_typed_meanwhile() {
    let mut edits = page();
    edits.edit("r-1", "12");
    edits.edit("achievements", "Laporan");
    let sent = edits.to_send();
    edits.edit("achievements", "Laporan selesai");
    edits.saved(
        &sent,
        &pairs(&[("r-1", "12"), ("achievements", "Laporan")]),
        [],
    );
    assert_eq!(
        edits.to_send(),
        pairs(&[("achievements", "Laporan selesai")])
    );
}

#[test]
fn a_refused_field_waits_until_it_changes() {
    let mut edits = page();
    edits.edit("r-1", "dua belas");
    let sent = edits.to_send();
    edits.saved(&sent, &[], ["r-1"]);
    assert!(edits.has_pending());
    assert!(edits.to_send().is_empty());
    edits.edit("r-1", "12");
    assert_eq!(edits.to_send(), pairs(&[("r-1", "12")]));
}

#[test]
fn a_stale_save_resends_late_edits_and_reports_real_clashes() {
    let mut edits = page();
    edits.edit("r-1", "12");
    edits.edit("achievements", "Dari ponsel");
    // The server still holds r-1's base, and someone wrote the report elsewhere.
    let stale = edits.stale(&pairs(&[("r-1", "10"), ("achievements", "Dari laptop")]));
    assert_eq!(
        stale.clashes,
        vec![Clash {
            name: "achievements".into(),
            device: "Dari ponsel".into(),
            server: "Dari laptop".into(),
        }]
    );
    assert!(stale.refreshed.is_empty());
    assert_eq!(edits.to_send().len(), 2, "both still pending until decided");
}

#[test]
fn a_stale_save_of_the_same_value_is_done() {
    let mut edits = page();
    edits.edit("r-1", "12");
    assert_eq!(edits.stale(&pairs(&[("r-1", "12")])), Stale::default());
    assert!(!edits.has_pending());
}

#[test]
fn a_stale_save_brings_fields_changed_elsewhere_up_to_date() {
    let mut edits = page();
    edits.edit("r-1", "12");
    let stale = edits.stale(&pairs(&[("r-1", "10"), ("achievements", "Dari laptop")]));
    assert_eq!(stale.refreshed, pairs(&[("achievements", "Dari laptop")]));
    // Editing it now builds on the laptop's value: a later stale save is no clash.
    edits.edit("achievements", "Dari laptop, ditambah");
    let again = edits.stale(&pairs(&[("achievements", "Dari laptop")]));
    assert_eq!(again, Stale::default());
    assert_eq!(edits.to_send().len(), 2);
}

#[test]
fn choosing_this_device_sends_it_over_the_server_value() {
    let mut edits = page();
    edits.edit("achievements", "Dari ponsel");
    edits.stale(&pairs(&[("achievements", "Dari laptop")]));
    edits.keep_device("achievements", "Dari laptop");
    // Sent again; a second stale answer with the same server value is no longer a clash.
    assert_eq!(edits.to_send(), pairs(&[("achievements", "Dari ponsel")]));
    assert_eq!(
        edits.stale(&pairs(&[("achievements", "Dari laptop")])),
        Stale::default()
    );
}

#[test]
fn choosing_the_server_drops_the_edit() {
    let mut edits = page();
    edits.edit("achievements", "Dari ponsel");
    edits.take_server("achievements", "Dari laptop");
    assert!(!edits.has_pending());
    // Typing the server's value again is no edit.
    edits.edit("achievements", "Dari laptop");
    assert!(!edits.has_pending());
}

fn kept(list: &[(&str, &str, &str)]) -> BTreeMap<String, PendingEdit> {
    list.iter()
        .map(|(name, value, base)| {
            (
                (*name).to_owned(),
                PendingEdit {
                    value: (*value).to_owned(),
                    base: (*base).to_owned(),
                },
            )
        })
        .collect()
}

#[test]
fn kept_edits_return_unless_the_page_already_shows_them() {
    let mut edits = page();
    let restored = edits.restore(kept(&[("r-1", "10", "9"), ("achievements", "Offline", "")]));
    assert_eq!(
        restored,
        Restored {
            refill: pairs(&[("achievements", "Offline")]),
            clashes: vec![],
        }
    );
    assert_eq!(edits.to_send(), pairs(&[("achievements", "Offline")]));
}

#[test]
fn a_kept_edit_over_a_value_changed_elsewhere_is_a_clash() {
    // Typed offline over 9; meanwhile the laptop saved 10, which the page shows.
    let mut edits = page();
    let restored = edits.restore(kept(&[("r-1", "12", "9")]));
    assert_eq!(restored.refill, pairs(&[("r-1", "12")]));
    assert_eq!(
        restored.clashes,
        vec![Clash {
            name: "r-1".into(),
            device: "12".into(),
            server: "10".into(),
        }]
    );
    // Keeping this device's value sends it over the page's.
    edits.keep_device("r-1", "10");
    assert_eq!(
        edits.stale(&pairs(&[("r-1", "10")])),
        Stale::default(),
        "no longer a clash"
    );
}

#[test]
fn typing_before_the_kept_edits_return_wins() {
    let mut edits = page();
    edits.edit("achievements", "Baru diketik");
    let restored = edits.restore(kept(&[("achievements", "Lama", "")]));
    assert_eq!(restored, Restored::default());
    assert_eq!(edits.to_send(), pairs(&[("achievements", "Baru diketik")]));
}

#[test]
fn a_save_confirms_the_value_as_the_server_stored_it() {
    let mut edits = page();
    edits.edit("achievements", "Laporan ");
    let sent = edits.to_send();
    edits.saved(&sent, &pairs(&[("achievements", "Laporan")]), []);
    assert!(!edits.has_pending());
    // The next edit builds on the trimmed value: a stale answer holding it is no clash.
    edits.edit("achievements", "Laporan selesai");
    assert_eq!(
        edits.stale(&pairs(&[("achievements", "Laporan")])),
        Stale::default()
    );
    assert_eq!(
        edits.to_send(),
        pairs(&[("achievements", "Laporan selesai")])
    );
}

#[test]
fn the_kept_shape_reads_what_earlier_versions_wrote() {
    let json = r#"{"version":4,"pending":{"r-1":{"value":"12","base":"10"}}}"#;
    let stored: Stored = serde_json::from_str(json).unwrap();
    assert_eq!(stored.version, 4);
    assert_eq!(stored.pending["r-1"].value, "12");
    let mut edits = page();
    edits.edit("r-1", "12");
    assert_eq!(
        serde_json::to_string(&edits.stored(4)).unwrap(),
        json,
        "written back the same way"
    );
}
