//! The name an uploaded evidence file is stored under.

use app::features::evaluation::ssr::stored_name;
use app::storage::EvidenceType;

#[test]
fn uploaded_names_keep_the_stem_and_get_the_real_extension() {
    assert_eq!(
        stored_name("IMG_2041.JPG", EvidenceType::Jpeg),
        "IMG_2041.jpg"
    );
    assert_eq!(stored_name("laporan.jpg", EvidenceType::Pdf), "laporan.pdf");
    assert_eq!(
        stored_name("C:\\Users\\putri\\foto kegiatan.png", EvidenceType::Png),
        "foto kegiatan.png"
    );
    assert_eq!(
        stored_name("../../etc/passwd", EvidenceType::Pdf),
        "passwd.pdf"
    );
    assert_eq!(stored_name("", EvidenceType::Webp), "bukti.webp");
}
