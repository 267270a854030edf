//! The self-assessment wizard's HTTP routes: filled-in paths and the upload path check.

use app::domain::ids::{EvaluationId, EvidenceId};
use app::features::evaluation::paths::{download, is_upload, link, remove, save, upload};

#[test]
fn paths_are_filled_in() {
    let id = EvaluationId(12);
    assert_eq!(save(id), "/evaluasi/12/simpan");
    assert_eq!(link(id), "/evaluasi/12/tautan");
    assert_eq!(upload(id), "/evaluasi/12/bukti");
    assert_eq!(remove(id, EvidenceId(3)), "/evaluasi/12/bukti/3/hapus");
    assert_eq!(download(EvidenceId(3)), "/bukti/3");
}

#[test]
fn upload_paths_are_recognised() {
    assert!(is_upload(&upload(EvaluationId(12))));
    assert!(!is_upload("/evaluasi//bukti"));
    assert!(!is_upload("/evaluasi/12/bukti/3/hapus"));
    assert!(!is_upload("/evaluasi/x/bukti"));
    assert!(!is_upload("/admin/impor/unggah"));
}
