//! The live channel: what a browser may follow without reloading, and what travels on it.
//!
//! A topic names one object (`user:12`, one account's own events; `cycle360:3`, one 360° cycle's
//! dashboard). What the hub carries is only
//! the hint that a topic changed; the state sent to the browser is always read from the database
//! by the stream (`stream`), first when it opens and again after every hint. So nothing lives only
//! in the channel: a browser that was offline reconnects and is sent the current state, and a
//! hint lost between instances costs a moment of staleness, never data.
//!
//! The hub (`hub`) is `tokio::sync::broadcast` inside one process and PostgreSQL
//! `LISTEN/NOTIFY` between instances that share a PostgreSQL database; the stream is a
//! server-sent event source at `/live/{topic}` that answers only the topics its reader may
//! follow. Islands follow a topic with `client::follow`.

pub mod client;
#[cfg(feature = "ssr")]
pub mod hub;
#[cfg(feature = "ssr")]
pub mod outbox;
#[cfg(feature = "ssr")]
pub mod stream;

use crate::domain::ids::{AccountId, CycleId};

/// Something a browser can follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Topic {
    /// One account's own events: its notification bell.
    User(AccountId),
    /// One 360° cycle's dashboard: how far its answers are.
    Cycle360(CycleId),
}

impl Topic {
    /// The spelling in addresses and between instances: `user:12`, `cycle360:3`. Anything else
    /// is not a topic.
    pub fn parse(s: &str) -> Option<Self> {
        let (kind, id) = s.split_once(':')?;
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        match kind {
            "user" => id.parse().ok().map(Self::User),
            "cycle360" => id.parse().ok().map(Self::Cycle360),
            _ => None,
        }
    }
}

impl std::fmt::Display for Topic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::User(id) => write!(f, "user:{id}"),
            Self::Cycle360(id) => write!(f, "cycle360:{id}"),
        }
    }
}

/// What the stream sends: a server-sent event named after its kind, whose `data` is the value
/// itself, not JSON. The name already says the kind, and plain data keeps a JSON decoder for a
/// tagged enum out of the browser bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LiveEvent {
    /// The account's unread notifications, when the stream opens and after every change.
    Notifications { unread: u64 },
    /// The cycle's dashboard, when the stream opens and after every answer or change of its
    /// forms: its HTML, rendered by the server in the reader's language, so the browser bundle
    /// holds no copy of the board (`features::feedback360::dashboard`).
    Cycle360 { html: String },
}

impl LiveEvent {
    /// Every event name the stream can send (a browser listens to each by name).
    pub const NAMES: [&'static str; 2] = ["notifications", "cycle360"];

    /// The event name of the server-sent event.
    pub fn name(&self) -> &'static str {
        match self {
            Self::Notifications { .. } => "notifications",
            Self::Cycle360 { .. } => "cycle360",
        }
    }

    /// The `data` of the server-sent event: the number of unread notifications; the board's
    /// HTML.
    pub fn data(&self) -> String {
        match self {
            Self::Notifications { unread } => unread.to_string(),
            Self::Cycle360 { html } => html.clone(),
        }
    }

    /// The event a browser received as `name` with `data`; `None` for a name this build does
    /// not know or data that does not fit it.
    pub fn decode(name: &str, data: String) -> Option<Self> {
        match name {
            "notifications" => data
                .parse()
                .ok()
                .map(|unread| Self::Notifications { unread }),
            "cycle360" => Some(Self::Cycle360 { html: data }),
            _ => None,
        }
    }
}
