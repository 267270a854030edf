//! 360° feedback on work behaviour (DOMAIN.md §8): an admin or unit head runs a cycle over a
//! unit's subtree at `/admin/360`; raters find their forms on the desk and at `/360`, and answer
//! at `/360/isi/{id}`. The rules are in `domain::feedback360`, the storage that keeps answers
//! anonymous in `db::feedback360`. Server-rendered forms.

mod api;
#[cfg(feature = "ssr")]
mod instrument;
mod pages;
pub mod types;

pub use api::*;
pub use pages::{
    CyclePage, CyclesPage, MyFormsPage, RaterFormPage, ReportPage, group_label, state_label,
};
