//! 360° feedback on work behaviour (DOMAIN.md §8): an admin or unit head runs a cycle over a
//! unit's subtree at `/admin/360`; raters find their forms on the desk and at `/360`, and answer
//! at `/360/isi/{id}`; service users answer without an account at `/umpan-balik/{token}`, from a
//! link or the QR poster the cycle's page makes. The rules are in `domain::feedback360`, the
//! storage that keeps answers anonymous in `db::feedback360`. Server-rendered forms.

mod api;
#[cfg(feature = "ssr")]
mod instrument;
mod links;
mod pages;
mod public;
pub mod types;

pub use api::*;
pub use links::{CreatePublicLink, DeletePublicLink, LoadLinks, LoadPoster, PosterPage};
pub use pages::{
    CyclePage, CyclesPage, MyFormsPage, RaterFormPage, ReportPage, group_label, state_label,
};
pub use public::{AnswerPublic, LoadPublicForm, PublicFormPage};
