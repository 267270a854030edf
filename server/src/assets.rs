//! Static files: brotli and gzip versions written next to each compressible file at start-up
//! (so they are compressed once, at the highest level, not per request), and cache headers that
//! let browsers keep content-hashed files forever.

use std::path::{Path, PathBuf};
use std::time::Instant;

const COMPRESSIBLE: [&str; 6] = ["js", "wasm", "css", "svg", "json", "html"];
/// Below this size compression gains less than a network packet.
const MIN_SIZE: u64 = 1024;

/// Writes `<file>.br` and `<file>.gz` for every compressible file under `dir` whose compressed
/// copies are missing or older than the file. Safe to run while the files are being served:
/// each copy is written to a temporary name and renamed into place.
pub fn precompress_dir(dir: &Path) -> std::io::Result<usize> {
    let started = Instant::now();
    let mut written = 0;
    for path in files_under(dir)? {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            continue;
        };
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let meta = std::fs::metadata(&path)?;
        if meta.len() < MIN_SIZE {
            continue;
        }
        let source = std::fs::read(&path)?;
        for (suffix, compress) in [
            (
                "br",
                compress_brotli as fn(&[u8]) -> std::io::Result<Vec<u8>>,
            ),
            ("gz", compress_gzip),
        ] {
            let target = with_suffix(&path, suffix);
            if is_fresh(&target, &meta) {
                continue;
            }
            let bytes = compress(&source)?;
            let tmp = with_suffix(&path, &format!("{suffix}.tmp{}", std::process::id()));
            std::fs::write(&tmp, bytes)?;
            std::fs::rename(&tmp, &target)?;
            written += 1;
        }
    }
    tracing::info!(dir = %dir.display(), written, elapsed_ms = started.elapsed().as_millis() as u64, "static files precompressed");
    Ok(written)
}

pub fn compress_brotli(data: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(data.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut std::io::Cursor::new(data), &mut out, &params)?;
    Ok(out)
}

pub fn compress_gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data)?;
    encoder.finish()
}

/// `Cache-Control` for a file under `/pkg`: content-hashed names (`kinerja.<hash>.wasm`) never
/// change meaning, so they are immutable; anything else must be revalidated.
pub fn cache_control_for(file_name: &str) -> &'static str {
    if is_content_hashed(file_name) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    }
}

fn is_content_hashed(file_name: &str) -> bool {
    let parts: Vec<&str> = file_name.split('.').collect();
    parts.len() >= 3
        && parts[1..parts.len() - 1].iter().any(|p| {
            p.len() >= 8
                && p.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
}

fn is_fresh(target: &Path, source: &std::fs::Metadata) -> bool {
    match (
        std::fs::metadata(target).and_then(|m| m.modified()),
        source.modified(),
    ) {
        (Ok(target), Ok(source)) => target >= source,
        _ => false,
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".");
    s.push(suffix);
    PathBuf::from(s)
}

fn files_under(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(e),
        };
        for entry in entries {
            let entry = entry?;
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                stack.push(path);
            } else {
                out.push(path);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_immutable_others_revalidate() {
        assert_eq!(
            cache_control_for("kinerja.4f2a9c81d0e3b7a5.wasm"),
            "public, max-age=31536000, immutable"
        );
        assert_eq!(cache_control_for("kinerja.wasm"), "no-cache");
        assert_eq!(cache_control_for("favicon.svg"), "no-cache");
    }

    #[test]
    fn compressed_copies_decompress_to_the_original() {
        let data = "Berorientasi Pelayanan, Akuntabel, Kompeten, ".repeat(200);
        let br = compress_brotli(data.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut std::io::Cursor::new(&br), &mut back).unwrap();
        assert_eq!(back, data.as_bytes());
        assert!(br.len() < data.len() / 10);
        let gz = compress_gzip(data.as_bytes()).unwrap();
        let mut back = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut back)
            .unwrap();
        assert_eq!(back, data);
    }

    #[test]
    fn precompress_writes_once_and_skips_small_files() {
        let dir = std::env::temp_dir().join(format!("kinerja-assets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app.js"), "console.log('kinerja');\n".repeat(100)).unwrap();
        std::fs::write(dir.join("tiny.css"), "a{}").unwrap();
        std::fs::write(dir.join("image.png"), vec![0u8; 4096]).unwrap();
        assert_eq!(precompress_dir(&dir).unwrap(), 2);
        assert!(dir.join("app.js.br").exists() && dir.join("app.js.gz").exists());
        assert!(!dir.join("tiny.css.br").exists() && !dir.join("image.png.br").exists());
        assert_eq!(precompress_dir(&dir).unwrap(), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
