//! Widgets shared by every feature.

pub mod banner;
pub mod dates;
pub mod deadline;
pub mod error;
pub mod form;
pub mod islands;
pub mod layout;
pub mod locale;
pub mod menu;
pub mod not_found;
pub mod page;
pub mod radar;
pub mod stepper;
pub mod tag;
pub mod task_list;
pub mod title;
