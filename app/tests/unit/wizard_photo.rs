//! When and how the wizard downscales a photo before uploading it.

use app::features::evaluation::wizard::photo::{KEEP_BYTES, is_photo, jpeg_name, redraw_size};

#[test]
fn only_photos_are_redrawn() {
    assert!(is_photo("image/jpeg") && is_photo("image/png") && is_photo("image/webp"));
    assert!(!is_photo("application/pdf") && !is_photo("image/gif"));
}

#[test]
fn small_photos_are_sent_as_taken() {
    assert_eq!(redraw_size(2560, 1920, KEEP_BYTES), None);
    assert_eq!(redraw_size(1000, 4000, 10.0).unwrap(), (640, 2560));
}

#[test]
fn large_photos_shrink_to_the_long_side_keeping_their_shape() {
    assert_eq!(redraw_size(4032, 3024, 4.2e6), Some((2560, 1920)));
    assert_eq!(redraw_size(3024, 4032, 4.2e6), Some((1920, 2560)));
    // Heavy but not too wide: redrawn at its own size, as JPEG.
    assert_eq!(redraw_size(1600, 1200, 3.0e6), Some((1600, 1200)));
    assert_eq!(redraw_size(0, 0, 3.0e6), None);
}

#[test]
fn the_redrawn_photo_is_named_a_jpeg() {
    assert_eq!(jpeg_name("IMG_2041.PNG"), "IMG_2041.jpg");
    assert_eq!(jpeg_name("foto.kegiatan.webp"), "foto.kegiatan.jpg");
    assert_eq!(jpeg_name("tanpa-ekstensi"), "tanpa-ekstensi.jpg");
    assert_eq!(jpeg_name(".jpg"), ".jpg.jpg");
}
