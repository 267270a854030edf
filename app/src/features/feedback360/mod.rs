//! 360° feedback on work behaviour (DOMAIN.md §8): an admin or unit head runs a cycle over a
//! unit's subtree at `/admin/360` and an agency-wide admin adds the agency's own statements to
//! the instrument at `/admin/instrumen-360`; while it takes nominations, each person chooses their peer
//! raters at `/360/usulan/{cycle}/{employee}` and their appraiser approves them there; raters
//! find their forms on the desk and at `/360`, and answer at `/360/isi/{id}`; after the
//! release a unit's head reads its pooled summary at `/360/unit/{cycle}/{unit}`; service users
//! answer without an account at `/umpan-balik/{token}`, from a link or the QR poster the
//! cycle's page makes. The cycle's dashboard (`dashboard`) is also sent on the live channel.
//! The rules are in `domain::feedback360`, the storage that keeps answers
//! anonymous in `db::feedback360`. Otherwise server-rendered forms.

mod api;
mod dashboard;
mod draft;
mod editor;
#[cfg(feature = "ssr")]
mod instrument;
mod links;
mod nominations;
mod pages;
mod public;
pub mod types;
mod unit_report;

#[cfg(feature = "ssr")]
pub use api::ssr::live_board;
pub use api::*;
#[cfg(feature = "ssr")]
pub use dashboard::board_html;
pub use editor::{AddInstrumentItem, InstrumentPage, LoadInstrument, RemoveInstrumentItem};
pub use links::{CreatePublicLink, DeletePublicLink, LoadLinks, LoadPoster, PosterPage};
#[cfg(feature = "ssr")]
pub use nominations::nomination_tasks;
pub use nominations::{LoadNomination, NominationPage, SaveNomination};
pub use pages::{
    CyclePage, CyclesPage, MyFormsPage, RaterFormPage, ReportPage, group_label, state_label,
};
pub use public::{AnswerPublic, LoadPublicForm, PublicFormPage};
pub use unit_report::{LoadUnitReport, UnitReportPage};
