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
        // The workspace's outputs are `./tong-hop/...`: the clerk knows them as `tong-hop/...`.
        let path = path.strip_prefix(".").unwrap_or(path).display().to_string();
        if held_open(e, cfg!(windows)) {
            // Excel has the earlier output open. Nothing was replaced: say what to do.
            return Fatal(Msg::OutputInUse { path, several: files.len() > 1 });
        }
        Fatal(Msg::CannotWriteFile { path, reason: Reason::of(e) })
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
            let r = persist(tmp, path);
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
    let mut waits = PATIENCE.iter();
    while let Err(e) = std::fs::rename(path, &backup) {
        if !try_again(&e, &mut waits) {
            return Err(e);
        }
    }
    Ok(Some(backup))
}

/// Renames a written temporary file to `path`.
fn persist(mut tmp: tempfile::NamedTempFile, path: &Path) -> std::io::Result<()> {
    let mut waits = PATIENCE.iter();
    loop {
        match tmp.persist(path) {
            Ok(_) => return Ok(()),
            Err(e) if try_again(&e.error, &mut waits) => tmp = e.file,
            Err(e) => return Err(e.error),
        }
    }
}

/// Whether to try a rename again after it failed with `e`, having waited: on Windows, while
/// another program holds the file, for a moment. A virus scanner, the search indexer or
/// OneDrive may open a file for a fraction of a second; Excel holds it until the clerk closes
/// it, and the error is then reported.
fn try_again(e: &std::io::Error, waits: &mut std::slice::Iter<'_, u64>) -> bool {
    if !(cfg!(windows) && held_open(e, true)) {
        return false;
    }
    waits.next().is_some_and(|&ms| {
        std::thread::sleep(std::time::Duration::from_millis(ms));
        true
    })
}

/// The waits between tries of a rename while the file is held (milliseconds; 0.35 s in all).
const PATIENCE: [u64; 3] = [50, 100, 200];

/// Whether an error means another program has the file open. On Windows, replacing a file that
/// Excel has open fails with a sharing violation (ERROR_SHARING_VIOLATION, 32) or a lock
/// violation (ERROR_LOCK_VIOLATION, 33); elsewhere those numbers mean other things (32 is a
/// broken pipe on Linux), hence `windows`, which is `cfg!(windows)` but for the tests.
fn held_open(e: &std::io::Error, windows: bool) -> bool {
    use std::io::ErrorKind as K;
    matches!(e.kind(), K::ResourceBusy | K::ExecutableFileBusy)
        || (windows && matches!(e.raw_os_error(), Some(32 | 33)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sharing_or_lock_violation_is_a_file_held_open_on_windows_only() {
        for code in [32, 33] {
            let e = std::io::Error::from_raw_os_error(code);
            assert!(held_open(&e, true), "{code} on Windows");
            assert!(!held_open(&e, false), "{code} elsewhere");
        }
        assert!(held_open(&std::io::Error::from(std::io::ErrorKind::ResourceBusy), false));
        // Access denied is a permission problem, not Excel.
        assert!(!held_open(&std::io::Error::from_raw_os_error(5), true));
        assert!(!held_open(&std::io::Error::from(std::io::ErrorKind::PermissionDenied), true));
    }

    #[test]
    fn a_file_held_open_asks_to_close_it_in_excel_in_both_languages() {
        use crate::messages::Lang;
        let msg = Msg::OutputInUse { path: "tong-hop\\tong-hop-2024-08.xlsx".to_owned(), several: true };
        let vi = msg.text(Lang::Vi);
        assert!(vi.contains("Đóng tệp đó trong Excel") && vi.contains("các tệp cũ vẫn còn nguyên"), "{vi}");
        let en = msg.text(Lang::En);
        assert!(en.contains("Close the file in Excel") && en.contains("earlier ones are intact"), "{en}");
    }

    /// The second of four outputs cannot be replaced (a folder stands in its place): the first,
    /// already replaced, is put back, and no temporary file is left.
    #[test]
    fn when_the_second_of_four_renames_fails_every_earlier_output_is_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let names = ["a.xlsx", "b.md", "c.docx", "d.csv"];
        let files = |text: &str| -> Vec<(PathBuf, Vec<u8>)> {
            names.iter().map(|n| (dir.path().join(n), format!("{text} {n}").into_bytes())).collect()
        };
        write_all_atomic(&files("old")).unwrap();
        std::fs::remove_file(dir.path().join("b.md")).unwrap();
        std::fs::create_dir_all(dir.path().join("b.md/x")).unwrap();
        let Err(Fatal(msg)) = write_all_atomic(&files("new")) else { panic!("the write must fail") };
        assert!(matches!(&msg, Msg::CannotWriteFile { path, .. } if path.ends_with("b.md")), "{msg:?}");
        for n in ["a.xlsx", "c.docx", "d.csv"] {
            assert_eq!(std::fs::read_to_string(dir.path().join(n)).unwrap(), format!("old {n}"));
        }
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        assert_eq!(left, names, "nothing but the earlier outputs");
    }

    #[test]
    fn a_rename_is_tried_again_only_on_windows_and_only_while_the_file_is_held() {
        let tries = |e: std::io::Error| {
            let mut waits = PATIENCE.iter();
            1 + std::iter::from_fn(|| try_again(&e, &mut waits).then_some(())).count()
        };
        assert_eq!(tries(std::io::Error::from_raw_os_error(32)), if cfg!(windows) { 1 + PATIENCE.len() } else { 1 });
        assert_eq!(tries(std::io::Error::from(std::io::ErrorKind::PermissionDenied)), 1);
    }
}
