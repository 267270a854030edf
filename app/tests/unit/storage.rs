//! The evidence store of `app::storage`: type sniffing, limits, memory, local and S3 back ends.

use app::error::AppError;
use app::storage::{EvidenceStore, EvidenceType, sniff};
use bytes::Bytes;
use object_store::aws::AmazonS3Builder;

fn code(err: AppError) -> String {
    match err {
        AppError::Invalid(f) => f.fields[0].1.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn types_come_from_the_bytes() {
    assert_eq!(
        sniff(&[0xFF, 0xD8, 0xFF, 0xE0, 0]),
        Some(EvidenceType::Jpeg)
    );
    assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some(EvidenceType::Png));
    assert_eq!(sniff(b"RIFF\x10\0\0\0WEBPVP8 "), Some(EvidenceType::Webp));
    assert_eq!(sniff(b"%PDF-1.7\n"), Some(EvidenceType::Pdf));
    assert_eq!(sniff(b"hello"), None);
    assert_eq!(sniff(b"<svg xmlns=..."), None);
    app::domain::vocabulary::assert_column_spelling(EvidenceType::as_str);
}

#[tokio::test]
async fn size_type_and_dedup() {
    let store = EvidenceStore::in_memory(10);
    assert_eq!(
        code(store.put(Bytes::from_static(b"hello")).await.unwrap_err()),
        "file_type"
    );
    assert_eq!(
        code(store.put(Bytes::new()).await.unwrap_err()),
        "file_empty"
    );
    let too_big = Bytes::from(vec![0xFF, 0xD8, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(
        code(store.put(too_big).await.unwrap_err()),
        "file_too_large"
    );
    let photo = Bytes::from(vec![0xFF, 0xD8, 0xFF, 1, 2, 3, 4, 5, 6, 7]);
    let (a, kind) = store.put(photo.clone()).await.unwrap();
    let (b, _) = store.put(photo.clone()).await.unwrap();
    assert_eq!(kind, EvidenceType::Jpeg);
    assert_eq!(a, b, "content-addressed");
    assert_eq!(store.get(&a.key).await.unwrap(), photo);
    assert_eq!(
        store.get("bukti/00/none").await.unwrap_err(),
        AppError::NotFound
    );
}

#[tokio::test]
async fn local_directory_round_trip() {
    let dir = std::env::temp_dir().join(format!("kinerja-bukti-{}", std::process::id()));
    let store = EvidenceStore::from_setting(dir.to_str().unwrap(), 1024).unwrap();
    let pdf = Bytes::from_static(b"%PDF-1.4 test");
    let (stored, kind) = store.put(pdf.clone()).await.unwrap();
    assert_eq!(kind, EvidenceType::Pdf);
    assert_eq!(store.get(&stored.key).await.unwrap(), pdf);
    assert!(EvidenceStore::from_setting("ftp://host/dir", 1).is_err());
    assert!(EvidenceStore::s3(AmazonS3Builder::new(), "s3://", 1).is_err());
    std::fs::remove_dir_all(dir).unwrap();
}

/// Just enough of the S3 protocol (path-style PUT, HEAD, GET) to prove the store speaks it:
/// requests must be signed, objects land under the bucket and prefix.
mod fake_s3 {
    use axum::body::Bytes;
    use axum::extract::{Path, State};
    use axum::http::{HeaderMap, Method, StatusCode, header};
    use axum::response::{IntoResponse, Response};
    use std::collections::HashMap;
    use std::sync::{Arc, Mutex};

    pub type Objects = Arc<Mutex<HashMap<String, Vec<u8>>>>;

    async fn object(
        State(objects): State<Objects>,
        Path(key): Path<String>,
        method: Method,
        headers: HeaderMap,
        body: Bytes,
    ) -> Response {
        let signed = headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("AWS4-HMAC-SHA256 Credential=kunci/"));
        if !signed {
            return StatusCode::FORBIDDEN.into_response();
        }
        let mut objects = objects.lock().unwrap();
        let meta = |len: usize| {
            [
                (header::CONTENT_LENGTH, len.to_string()),
                (header::ETAG, format!("\"{len}\"")),
                (
                    header::LAST_MODIFIED,
                    "Tue, 24 Nov 2026 08:00:00 GMT".to_owned(),
                ),
            ]
        };
        match method {
            Method::PUT => {
                let len = body.len();
                objects.insert(key, body.to_vec());
                (StatusCode::OK, [(header::ETAG, format!("\"{len}\""))]).into_response()
            }
            Method::HEAD => match objects.get(&key) {
                Some(o) => (StatusCode::OK, meta(o.len())).into_response(),
                None => StatusCode::NOT_FOUND.into_response(),
            },
            Method::GET => match objects.get(&key) {
                Some(o) => (StatusCode::OK, meta(o.len()), o.clone()).into_response(),
                None => StatusCode::NOT_FOUND.into_response(),
            },
            _ => StatusCode::METHOD_NOT_ALLOWED.into_response(),
        }
    }

    pub async fn start() -> (String, Objects) {
        let objects = Objects::default();
        let app = axum::Router::new()
            .route("/{*key}", axum::routing::any(object))
            .with_state(objects.clone());
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        (format!("http://{addr}"), objects)
    }
}

#[tokio::test]
async fn s3_compatible_round_trip() {
    let (endpoint, objects) = fake_s3::start().await;
    let builder = AmazonS3Builder::new()
        .with_endpoint(&endpoint)
        .with_allow_http(true)
        .with_region("id-jkt-1")
        .with_access_key_id("kunci")
        .with_secret_access_key("rahasia");
    let store = EvidenceStore::s3(builder, "s3://kinerja/instansi-a", 1024).unwrap();
    let photo = Bytes::from_static(b"\x89PNG\r\n\x1a\nbukti");
    let (stored, kind) = store.put(photo.clone()).await.unwrap();
    assert_eq!(kind, EvidenceType::Png);
    let expected = format!("kinerja/instansi-a/{}", stored.key);
    assert!(
        objects.lock().unwrap().contains_key(&expected),
        "stored under bucket and prefix: {:?}",
        objects.lock().unwrap().keys().collect::<Vec<_>>()
    );
    // The same file again is found by HEAD and not sent twice.
    objects
        .lock()
        .unwrap()
        .get_mut(&expected)
        .unwrap()
        .push(b'!');
    store.put(photo.clone()).await.unwrap();
    assert!(objects.lock().unwrap()[&expected].ends_with(b"!"));
    objects.lock().unwrap().get_mut(&expected).unwrap().pop();
    assert_eq!(store.get(&stored.key).await.unwrap(), photo);
    assert_eq!(
        store.get("bukti/00/none").await.unwrap_err(),
        AppError::NotFound
    );
}
