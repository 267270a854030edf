//! Hints gathered while a server function works, published once it is done.
//!
//! A change is written inside a transaction, and a hint sent before the commit would make a
//! stream read the old state. So the database layer only notes which topics it touched
//! ([`note`]); [`crate::state::respond`], which every server function ends with, publishes them
//! when the function's work (and every transaction in it) is over. A hint after a rolled-back
//! change only makes a stream read the same state again.

use super::Topic;
use super::hub::LiveHub;
use std::sync::{Arc, Mutex};

/// Provided in the Leptos context of every server-function request.
#[derive(Clone, Debug)]
pub struct Outbox {
    hub: LiveHub,
    topics: Arc<Mutex<Vec<Topic>>>,
}

impl Outbox {
    pub fn new(hub: LiveHub) -> Self {
        Self {
            hub,
            topics: Arc::default(),
        }
    }

    fn push(&self, topic: Topic) {
        let mut topics = self.topics.lock().unwrap_or_else(|p| p.into_inner());
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }

    /// Publishes what was noted so far, in the background (the answer does not wait for it).
    pub fn flush(&self) {
        let topics = std::mem::take(&mut *self.topics.lock().unwrap_or_else(|p| p.into_inner()));
        if topics.is_empty() {
            return;
        }
        let hub = self.hub.clone();
        tokio::spawn(async move {
            for topic in topics {
                hub.publish(topic).await;
            }
        });
    }
}

/// Notes that `topic` changed in the request being handled. Outside a server function (the
/// demo data, background jobs) there is no outbox, and the caller publishes itself.
pub fn note(topic: Topic) {
    if let Some(outbox) = leptos::prelude::use_context::<Outbox>() {
        outbox.push(topic);
    }
}

/// Publishes the hints of the request being handled.
pub fn flush() {
    if let Some(outbox) = leptos::prelude::use_context::<Outbox>() {
        outbox.flush();
    }
}
