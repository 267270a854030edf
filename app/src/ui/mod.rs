//! Widgets shared by every feature.

pub mod error;
pub mod layout;
pub mod locale;
pub mod not_found;
