//! In-app notifications: the list at `/notifikasi`, the bell in the header, and marking them
//! read. Features create them through `crate::db::notifications`.

mod api;
mod pages;
pub mod text;
pub mod types;

pub use api::*;
pub use pages::*;
