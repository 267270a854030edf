//! When a photo is downscaled in the browser before it is uploaded: a phone's camera writes files
//! of several megabytes that a slow connection carries for minutes, while evidence needs far less.

/// Photos up to this many bytes and pixels on the long side are sent as taken.
pub const KEEP_BYTES: f64 = 1_500_000.0;
pub const LONG_SIDE: u32 = 2560;

/// The types the browser can redraw.
pub fn is_photo(mime: &str) -> bool {
    matches!(mime, "image/jpeg" | "image/png" | "image/webp")
}

/// The size to redraw a `width` × `height` photo of `bytes` at, or `None` to send it as taken.
/// Small files are redrawn too when their long side is too long, and large files at their own
/// size (as JPEG); nothing is ever enlarged.
pub fn redraw_size(width: u32, height: u32, bytes: f64) -> Option<(u32, u32)> {
    let long = width.max(height);
    if long == 0 || (bytes <= KEEP_BYTES && long <= LONG_SIDE) {
        return None;
    }
    let scale = (f64::from(LONG_SIDE) / f64::from(long)).min(1.0);
    let side = |n: u32| ((f64::from(n) * scale).round() as u32).max(1);
    Some((side(width), side(height)))
}

/// `IMG_2041.PNG` → `IMG_2041.jpg`: the redrawn photo is a JPEG.
pub fn jpeg_name(name: &str) -> String {
    let stem = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().all(char::is_alphanumeric) => stem,
        _ => name,
    };
    format!("{stem}.jpg")
}
