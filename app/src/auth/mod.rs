//! Who the user is. The session machinery is server-only (`server`); what the UI may know about
//! the signed-in user crosses the wire as [`SessionUser`].

#[cfg(feature = "ssr")]
pub mod server;

use serde::{Deserialize, Serialize};

/// The signed-in user as the UI sees them: enough to greet them and to choose menus. The server
/// never trusts this; every server function re-derives the actor from the session.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub display_name: String,
    pub nip: Option<String>,
    /// Has people to appraise (*pejabat penilai*).
    pub is_appraiser: bool,
    /// Heads a unit (*pimpinan unit*).
    pub is_unit_head: bool,
    pub is_admin: bool,
    pub is_super_admin: bool,
}
