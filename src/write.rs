//! The one place tonghop writes files: atomically, so a failure never leaves a half-written
//! output and never destroys the previous good one.

use std::io::Write;
use std::path::Path;

use crate::error::Fatal;
use crate::messages::Msg;

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it
/// over `path` (an atomic replace on the same file system).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    let fail = |e: &dyn std::fmt::Display| {
        Fatal(Msg::CannotWriteFile { path: path.display().to_string(), reason: e.to_string() })
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new().prefix(".tonghop-").suffix(".tmp").tempfile_in(dir).map_err(|e| fail(&e))?;
    tmp.write_all(bytes).map_err(|e| fail(&e))?;
    tmp.as_file().sync_all().map_err(|e| fail(&e))?;
    tmp.persist(path).map_err(|e| fail(&e.error))?;
    Ok(())
}

/// Creates a folder and its parents.
pub fn create_dir(path: &Path) -> Result<(), Fatal> {
    std::fs::create_dir_all(path)
        .map_err(|e| Fatal(Msg::CannotCreateDir { path: path.display().to_string(), reason: e.to_string() }))
}
