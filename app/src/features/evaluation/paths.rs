//! The wizard's own HTTP routes (see `routes`), shared by the router that serves them, the forms
//! that post to them and the island that calls them. Plain form posts land here because a step
//! form's field names depend on the plan, and uploads because they are large multipart bodies
//! whose progress the browser reports; everything else is a server function.

use crate::domain::ids::{EvaluationId, EvidenceId};

/// A step form posted without JavaScript: its fields, `version`, `step` and where to `go`.
pub const SAVE: &str = "/evaluasi/{id}/simpan";
/// A step form whose "add link" button was pressed.
pub const LINK: &str = "/evaluasi/{id}/tautan";
/// An evidence file (multipart), from the island or from a plain step form.
pub const UPLOAD: &str = "/evaluasi/{id}/bukti";
/// A step form whose "remove" button of one piece of evidence was pressed.
pub const REMOVE: &str = "/evaluasi/{id}/bukti/{evidence}/hapus";
/// An evidence file, for the employee and their appraisers.
pub const DOWNLOAD: &str = "/bukti/{id}";

fn with_id(pattern: &str, id: impl std::fmt::Display) -> String {
    pattern.replacen("{id}", &id.to_string(), 1)
}

pub fn save(id: EvaluationId) -> String {
    with_id(SAVE, id)
}

pub fn link(id: EvaluationId) -> String {
    with_id(LINK, id)
}

pub fn upload(id: EvaluationId) -> String {
    with_id(UPLOAD, id)
}

pub fn remove(id: EvaluationId, evidence: EvidenceId) -> String {
    with_id(REMOVE, id).replacen("{evidence}", &evidence.to_string(), 1)
}

pub fn download(evidence: EvidenceId) -> String {
    with_id(DOWNLOAD, evidence)
}

/// `POST /evaluasi/{id}/bukti`: the path the body limit treats specially.
pub fn is_upload(path: &str) -> bool {
    path.strip_prefix("/evaluasi/")
        .and_then(|rest| rest.strip_suffix("/bukti"))
        .is_some_and(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit()))
}
