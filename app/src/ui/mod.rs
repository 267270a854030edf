//! Widgets shared by every feature.

pub mod dates;
pub mod deadline;
pub mod error;
pub mod form;
pub mod islands;
pub mod layout;
pub mod locale;
pub mod menu;
pub mod not_found;
pub mod title;
