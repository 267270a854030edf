//! The wizard's unsaved edits: what the employee typed that the server does not hold yet, kept
//! on the device until a save confirms it. Each edit remembers the server value it started from
//! (its base), so that after a stale save the wizard can tell an edit that is merely late (the
//! server still holds its base: send it again) from a real conflict (someone changed the field
//! elsewhere: the employee chooses). Plain data, so the rules are tested without a browser.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// One field's unsaved value and the server value it was typed over.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingEdit {
    pub value: String,
    pub base: String,
}

/// What the device keeps between visits (`localStorage`), in the shape earlier versions of the
/// wizard wrote, so edits made before an update are not lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    #[serde(default)]
    pub version: i32,
    #[serde(default)]
    pub pending: BTreeMap<String, PendingEdit>,
}

/// A field changed both here and elsewhere: both values, for the employee to choose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Clash {
    pub name: String,
    pub device: String,
    pub server: String,
}

/// The edits the device kept, back in the form.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Restored {
    /// What to put back into the form.
    pub refill: Vec<(String, String)>,
    /// Kept edits over a value the server no longer holds.
    pub clashes: Vec<Clash>,
}

/// What a stale save means for the fields on screen.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Stale {
    /// Changed elsewhere and not here: the new value, to show.
    pub refreshed: Vec<(String, String)>,
    /// Changed both here and elsewhere.
    pub clashes: Vec<Clash>,
}

#[derive(Debug, Default)]
pub struct Edits {
    /// The value the server is known to hold, per field.
    confirmed: BTreeMap<String, String>,
    pending: BTreeMap<String, PendingEdit>,
    /// Fields the server refused as typed: not sent again until they change.
    blocked: BTreeSet<String>,
}

impl Edits {
    /// Starts from the page: every field's value as the server rendered it.
    pub fn new(page: impl IntoIterator<Item = (String, String)>) -> Self {
        Self {
            confirmed: page.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Takes back the edits the device kept. The page is the freshest copy the browser has seen:
    /// an edit it already shows (a plain post saved it) is done, and a field typed into since
    /// the page loaded keeps what was typed. An edit typed over a value the page no longer
    /// shows (someone saved the field elsewhere meanwhile) is a clash, as after a stale save;
    /// the others go back into the form to be sent.
    pub fn restore(&mut self, kept: BTreeMap<String, PendingEdit>) -> Restored {
        let mut restored = Restored::default();
        for (name, edit) in kept {
            let page = self.confirmed.get(&name).cloned().unwrap_or_default();
            if page == edit.value || self.pending.contains_key(&name) {
                continue;
            }
            restored.refill.push((name.clone(), edit.value.clone()));
            if page != edit.base {
                restored.clashes.push(Clash {
                    name: name.clone(),
                    device: edit.value.clone(),
                    server: page,
                });
            }
            self.pending.insert(name, edit);
        }
        restored
    }

    /// The employee typed `value` into `name`.
    pub fn edit(&mut self, name: &str, value: &str) {
        let base = self
            .pending
            .get(name)
            .map(|e| e.base.clone())
            .or_else(|| self.confirmed.get(name).cloned())
            .unwrap_or_default();
        if value == base {
            self.pending.remove(name);
        } else {
            self.pending.insert(
                name.to_owned(),
                PendingEdit {
                    value: value.to_owned(),
                    base,
                },
            );
        }
        self.blocked.remove(name);
    }

    pub fn has_pending(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Edits worth sending: pending and not refused as they stand.
    pub fn to_send(&self) -> Vec<(String, String)> {
        self.pending
            .iter()
            .filter(|(name, _)| !self.blocked.contains(*name))
            .map(|(name, edit)| (name.clone(), edit.value.clone()))
            .collect()
    }

    /// A save answered: `stored` are the fields the server now holds, `refused` those it did
    /// not take as typed. An edit typed again while the save was out stays pending.
    pub fn saved<'a>(
        &mut self,
        sent: &[(String, String)],
        stored: &[(String, String)],
        refused: impl IntoIterator<Item = &'a str>,
    ) {
        for (name, value) in sent {
            // The server's copy, as it stored it (trimmed, say): what later edits build on.
            if let Some((_, kept)) = stored.iter().find(|(n, _)| n == name) {
                self.confirmed.insert(name.clone(), kept.clone());
                if self.pending.get(name).is_some_and(|e| &e.value == value) {
                    self.pending.remove(name);
                }
            }
        }
        for name in refused {
            self.blocked.insert(name.to_owned());
        }
    }

    /// A save was refused as stale; `server` holds the server's value of every field. The
    /// wizard catches up: fields without an edit here take the server's value (`refreshed`, to
    /// show), edits the server already holds are done, edits over a value the server still holds
    /// are simply sent again; the rest clash.
    pub fn stale(&mut self, server: &[(String, String)]) -> Stale {
        let mut stale = Stale::default();
        for (name, theirs) in server {
            match self.pending.get(name) {
                None => {
                    if self.confirmed.get(name) != Some(theirs) {
                        self.confirmed.insert(name.clone(), theirs.clone());
                        stale.refreshed.push((name.clone(), theirs.clone()));
                    }
                }
                Some(edit) if &edit.value == theirs => {
                    self.confirmed.insert(name.clone(), theirs.clone());
                    self.pending.remove(name);
                }
                Some(edit) if &edit.base == theirs => {}
                Some(edit) => stale.clashes.push(Clash {
                    name: name.clone(),
                    device: edit.value.clone(),
                    server: theirs.clone(),
                }),
            }
        }
        stale
    }

    /// The employee keeps this device's value over `server`'s: it is sent again, now typed
    /// over the server's value.
    pub fn keep_device(&mut self, name: &str, server: &str) {
        if let Some(edit) = self.pending.get_mut(name) {
            edit.base = server.to_owned();
        }
    }

    /// The employee takes the server's value: this device's edit is dropped.
    pub fn take_server(&mut self, name: &str, server: &str) {
        self.pending.remove(name);
        self.confirmed.insert(name.to_owned(), server.to_owned());
    }

    /// What the device keeps.
    pub fn stored(&self, version: i32) -> Stored {
        Stored {
            version,
            pending: self.pending.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
