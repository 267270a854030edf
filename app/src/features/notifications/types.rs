//! What the notification pages receive from the server.

use crate::domain::ids::{AccountId, NotificationId};
use crate::domain::notification::NotificationKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationView {
    pub id: NotificationId,
    pub kind: NotificationKind,
    pub actor: String,
    pub link: String,
    pub at: String,
    pub unread: bool,
    /// The deadline of a reminder, in the reader's language (`1 Desember 2026`).
    pub due: Option<String>,
    /// What the actor wrote with it (why a plan was returned).
    pub note: Option<String>,
}

/// What the bell of a signed-in page starts from: whose bell it is and how many are unread.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BellState {
    pub account: AccountId,
    pub unread: u64,
}
