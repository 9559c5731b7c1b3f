//! Discovery: every file under the inbox, sub-folders included, in a stable order.
//!
//! Files that are obviously not submissions by their name (Office lock files, hidden files,
//! tonghop's own outputs) are marked here; everything else goes on to be sniffed by content.

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::Fatal;
use crate::messages::{Msg, Reason};
use crate::names::fold::nfc;

/// One file found under the inbox.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Path relative to the inbox, `/` separators, NFC: how every report names the file.
    pub rel: String,
    pub path: PathBuf,
    /// Set when the name alone says the file is not a submission.
    pub skip: Option<NameSkip>,
}

/// Why a file is skipped by its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameSkip {
    /// `~$bao cao.xlsx` (Excel) or `.~lock.bao cao.xlsx#` (LibreOffice): a file being edited.
    LockFile,
    /// A name starting with `.` (`.DS_Store`), or inside a hidden folder.
    Hidden,
    /// `tong-hop-2024-08.xlsx`, `bao-cao-2024-08.docx`...: written by `tonghop build`.
    OwnOutput,
}

/// Lists every file under `inbox`, sorted by relative path.
///
/// # Errors
/// When the inbox does not exist or is not a readable folder (exit 2).
pub(crate) fn discover(inbox: &Path) -> Result<Vec<Found>, Fatal> {
    let unreadable =
        |e: &std::io::Error| Fatal(Msg::CannotReadInbox { path: inbox.display().to_string(), reason: Reason::of(e) });
    let meta = std::fs::metadata(inbox).map_err(|e| unreadable(&e))?;
    if !meta.is_dir() {
        return Err(Fatal(Msg::InboxNotAFolder { path: inbox.display().to_string() }));
    }
    // An inbox that cannot be listed, or whose files cannot be reached (a folder readable but
    // not enterable), is no month of rejected files: nothing may be written from it.
    let mut entries = std::fs::read_dir(inbox).map_err(|e| unreadable(&e))?;
    if let Some(Ok(first)) = entries.next() {
        std::fs::symlink_metadata(first.path()).map_err(|e| unreadable(&e))?;
    }
    let mut found = Vec::new();
    for entry in WalkDir::new(inbox).min_depth(1) {
        // A sub-folder that cannot be listed is reported as a file that cannot be read.
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(Path::to_path_buf).unwrap_or_else(|| inbox.to_path_buf());
                found.push(Found { rel: relative(inbox, &path), path, skip: None });
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let path = entry.path().to_path_buf();
        let rel = relative(inbox, &path);
        let skip = name_skip(&rel);
        found.push(Found { rel, path, skip });
    }
    // The order a clerk expects: letters before case and diacritics, then exact bytes (stable).
    found.sort_by_cached_key(|f| (crate::names::fold::fold(&f.rel), f.rel.clone()));
    Ok(found)
}

fn relative(inbox: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(inbox).unwrap_or(path);
    let parts: Vec<String> = rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
    // The name every report shows: escape sequences and newlines in it are shown, not obeyed.
    nfc(&crate::text::printable(&parts.join("/")))
}

/// Classifies a relative path by its name alone.
pub(crate) fn name_skip(rel: &str) -> Option<NameSkip> {
    let (dirs, name) = match rel.rsplit_once('/') {
        Some((d, n)) => (d, n),
        None => ("", rel),
    };
    if name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#')) {
        return Some(NameSkip::LockFile);
    }
    if name.starts_with('.') || dirs.split('/').any(|d| d.starts_with('.')) {
        return Some(NameSkip::Hidden);
    }
    if crate::outputs::is_output_file_name(name) {
        return Some(NameSkip::OwnOutput);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_are_not_submissions() {
        let cases = [
            ("~$an my.xlsx", Some(NameSkip::LockFile)),
            ("sub/.~lock.an my.xlsx#", Some(NameSkip::LockFile)),
            (".DS_Store", Some(NameSkip::Hidden)),
            (".git/config", Some(NameSkip::Hidden)),
            ("tong-hop-2024-08.xlsx", Some(NameSkip::OwnOutput)),
            ("cu/bao-cao-2024-08.docx", Some(NameSkip::OwnOutput)),
            ("tong-hop-cu.xlsx", None),
            ("an my.xlsx", None),
            ("bao cao.pdf", None),
        ];
        for (rel, want) in cases {
            assert_eq!(name_skip(rel), want, "{rel}");
        }
    }
}
