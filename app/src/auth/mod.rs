//! Who the user is: sessions, passwords and login throttling (server only).

#[cfg(feature = "ssr")]
pub mod mfa;
#[cfg(feature = "ssr")]
pub mod server;
