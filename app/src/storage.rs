//! Where evidence files (*bukti dukung*) live: behind the `object_store` abstraction, a local
//! directory by default, an S3-compatible bucket (AWS, MinIO, Ceph, Wasabi …) when several
//! instances share the files, or memory for tests. Files are content-addressed (SHA-256), so the
//! same photo uploaded twice is stored once, and their type is recognised from the bytes.

use crate::error::{AppError, FormErrors};
use bytes::Bytes;
use object_store::aws::AmazonS3Builder;
use object_store::path::Path as ObjectPath;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt};
use sha2::{Digest, Sha256};
use std::sync::Arc;

/// The kinds of evidence accepted, recognised from the bytes (magic numbers), never from the file
/// name or the type the browser claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter, sea_orm::DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")]
pub enum EvidenceType {
    Jpeg,
    Png,
    Webp,
    Pdf,
}

impl EvidenceType {
    pub fn mime(self) -> &'static str {
        match self {
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
            Self::Webp => "image/webp",
            Self::Pdf => "application/pdf",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Self::Jpeg => "jpg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Pdf => "pdf",
        }
    }

    /// As stored in `bukti.file_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Jpeg => "jpeg",
            Self::Png => "png",
            Self::Webp => "webp",
            Self::Pdf => "pdf",
        }
    }

    pub fn is_image(self) -> bool {
        self != Self::Pdf
    }
}

/// The type of a file from its first bytes, or `None` when it is not an accepted kind.
pub fn sniff(bytes: &[u8]) -> Option<EvidenceType> {
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some(EvidenceType::Jpeg)
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A]) {
        Some(EvidenceType::Png)
    } else if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        Some(EvidenceType::Webp)
    } else if bytes.starts_with(b"%PDF-") {
        Some(EvidenceType::Pdf)
    } else {
        None
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredObject {
    pub key: String,
    pub sha256: String,
    pub size: u64,
}

/// The evidence store of the running server; cheap to clone.
#[derive(Clone)]
pub struct EvidenceStore {
    inner: Arc<dyn ObjectStore>,
    backend: &'static str,
    max_bytes: u64,
}

impl std::fmt::Debug for EvidenceStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EvidenceStore")
            .field("backend", &self.backend)
            .field("max_bytes", &self.max_bytes)
            .finish()
    }
}

fn refused(code: &str) -> AppError {
    AppError::Invalid(FormErrors::default().field("berkas", code))
}

fn unavailable(err: object_store::Error) -> AppError {
    tracing::error!(error = %err, "evidence store failed");
    AppError::Unavailable
}

impl EvidenceStore {
    pub fn in_memory(max_bytes: u64) -> Self {
        Self {
            inner: Arc::new(object_store::memory::InMemory::new()),
            backend: "memory",
            max_bytes,
        }
    }

    /// A directory on this machine, created when missing.
    pub fn local(dir: &std::path::Path, max_bytes: u64) -> std::io::Result<Self> {
        std::fs::create_dir_all(dir)?;
        let store = object_store::local::LocalFileSystem::new_with_prefix(dir)
            .map_err(std::io::Error::other)?;
        Ok(Self {
            inner: Arc::new(store),
            backend: "local",
            max_bytes,
        })
    }

    /// `data/bukti`, `file:///srv/kinerja/bukti`, or `s3://bucket/optional/prefix` with the
    /// endpoint, region and keys in the standard `AWS_*` variables (see the README).
    pub fn from_setting(setting: &str, max_bytes: u64) -> Result<Self, String> {
        let setting = setting.trim();
        if setting.starts_with("s3://") {
            return Self::s3(AmazonS3Builder::from_env(), setting, max_bytes);
        }
        if setting.contains("://") && !setting.starts_with("file://") {
            return Err(format!(
                "unsupported evidence store {setting:?}: use a directory, file:///path or s3://bucket"
            ));
        }
        let dir = setting.strip_prefix("file://").unwrap_or(setting);
        if dir.is_empty() {
            return Err("the evidence store directory is empty".to_owned());
        }
        Self::local(std::path::Path::new(dir), max_bytes).map_err(|e| format!("{dir}: {e}"))
    }

    /// A bucket (and key prefix) of an S3-compatible service, reached through `builder`.
    pub fn s3(builder: AmazonS3Builder, url: &str, max_bytes: u64) -> Result<Self, String> {
        let rest = url.strip_prefix("s3://").unwrap_or(url);
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(format!("{url:?}: the bucket name is missing"));
        }
        // HTTPS goes through rustls; ring is the provider this binary already carries.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let store = builder
            .with_bucket_name(bucket)
            .build()
            .map_err(|e| format!("{url}: {e}"))?;
        let prefix = prefix.trim_matches('/');
        let inner: Arc<dyn ObjectStore> = if prefix.is_empty() {
            Arc::new(store)
        } else {
            Arc::new(PrefixStore::new(store, prefix))
        };
        Ok(Self {
            inner,
            backend: "s3",
            max_bytes,
        })
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    /// Stores `bytes` under their SHA-256 after checking size and type.
    pub async fn put(&self, bytes: Bytes) -> Result<(StoredObject, EvidenceType), AppError> {
        if bytes.is_empty() {
            return Err(refused("file_empty"));
        }
        if bytes.len() as u64 > self.max_bytes {
            return Err(refused("file_too_large"));
        }
        let kind = sniff(&bytes).ok_or_else(|| refused("file_type"))?;
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let key = format!("bukti/{}/{sha256}", &sha256[..2]);
        let path = ObjectPath::from(key.as_str());
        let size = bytes.len() as u64;
        match self.inner.head(&path).await {
            Ok(_) => {}
            Err(object_store::Error::NotFound { .. }) => {
                self.inner
                    .put(&path, bytes.into())
                    .await
                    .map_err(unavailable)?;
            }
            Err(err) => return Err(unavailable(err)),
        }
        Ok((StoredObject { key, sha256, size }, kind))
    }

    pub async fn get(&self, key: &str) -> Result<Bytes, AppError> {
        let path = ObjectPath::from(key);
        match self.inner.get(&path).await {
            Ok(result) => result.bytes().await.map_err(unavailable),
            Err(object_store::Error::NotFound { .. }) => Err(AppError::NotFound),
            Err(err) => Err(unavailable(err)),
        }
    }
}
