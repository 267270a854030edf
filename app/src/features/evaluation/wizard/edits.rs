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
