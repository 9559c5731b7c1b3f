//! The one place tonghop writes files: atomically, so a failure never leaves a half-written
//! output and never destroys the previous good one.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::Fatal;
use crate::messages::{Msg, Reason};

/// A temporary file created as any program creates a file: on Unix mode 0666, which the
/// umask then narrows (tempfile's own default, 0600, would hide the report from colleagues).
fn temp_builder<'a>() -> tempfile::Builder<'a, 'a> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(".tonghop-").suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    builder
}

/// Writes `bytes` to `path` through a temporary file in the same folder, then renames it
/// over `path` (an atomic replace on the same file system).
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    write_all_atomic(&[(path.to_path_buf(), bytes.to_vec())])
}

/// Writes several files as one step: every file goes to a temporary file first; only when
/// all are written are they renamed into place, each earlier output moved aside until all the
/// renames succeed. On any failure the earlier outputs are put back and no new or partial file
/// is left.
pub(crate) fn write_all_atomic(files: &[(PathBuf, Vec<u8>)]) -> Result<(), Fatal> {
    let fail = |path: &Path, e: &std::io::Error| {
        Fatal(Msg::CannotWriteFile { path: path.display().to_string(), reason: Reason::of(e) })
    };
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let mut tmp = temp_builder().tempfile_in(dir).map_err(|e| fail(path, &e))?;
        tmp.write_all(bytes).map_err(|e| fail(path, &e))?;
        tmp.as_file().sync_all().map_err(|e| fail(path, &e))?;
        staged.push((tmp, path.as_path()));
    }
    let mut placed: Vec<(&Path, Option<PathBuf>)> = Vec::new();
    for (tmp, path) in staged {
        let result = set_aside(path).and_then(|backup| {
            let r = tmp.persist(path).map_err(|e| e.error);
            if r.is_err() {
                restore(path, backup.as_deref());
            }
            r.map(|_| backup)
        });
        match result {
            Ok(backup) => placed.push((path, backup)),
            Err(e) => {
                for (p, backup) in placed.into_iter().rev() {
                    restore(p, backup.as_deref());
                }
                return Err(fail(path, &e));
            }
        }
    }
    for (_, backup) in placed {
        if let Some(b) = backup {
            let _ = std::fs::remove_file(b);
        }
    }
    Ok(())
}

/// Moves an existing output file aside (not folders: a folder in the way is an error later).
fn set_aside(path: &Path) -> std::io::Result<Option<PathBuf>> {
    if !path.is_file() {
        return Ok(None);
    }
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let backup = path.with_file_name(format!(".{name}.tonghop-old"));
    std::fs::rename(path, &backup)?;
    Ok(Some(backup))
}

/// Puts an earlier output back (or removes the new file when there was none).
fn restore(path: &Path, backup: Option<&Path>) {
    match backup {
        Some(b) => {
            let _ = std::fs::rename(b, path);
        }
        None => {
            if path.is_file() {
                let _ = std::fs::remove_file(path);
            }
        }
    }
}

/// Creates a folder and its parents.
pub(crate) fn create_dir(path: &Path) -> Result<(), Fatal> {
    std::fs::create_dir_all(path)
        .map_err(|e| Fatal(Msg::CannotCreateDir { path: path.display().to_string(), reason: Reason::of(&e) }))
}
