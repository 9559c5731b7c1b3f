//! Reading one received file: bytes → format → sheets → tables with their values.
//!
//! Each file is read on its own (so files can be read in parallel) and only what was
//! extracted is kept, never the workbook. Nothing here decides whether the file is used:
//! that needs the period and the other files, see [`crate::intake`].

pub mod dates;
pub(crate) mod extent;
pub(crate) mod guard;
pub(crate) mod legacy;
pub(crate) mod sniff;
pub mod table;
pub mod value;
pub mod value_text;
pub mod workbook;

use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::discover::{Found, NameSkip};
use crate::finding::{Code, Finding};
use crate::messages::{Msg, Reason};
use sniff::{SPREADSHEET_EXTENSIONS, Sniffed, sniff};
use table::TableData;
use workbook::LoadError;

/// Files above this size are refused without being read.
pub const MAX_FILE_BYTES: u64 = 100_000_000;

/// What reading one file gave.
#[derive(Debug, Clone)]
pub struct FileRead {
    /// Path relative to the inbox.
    pub rel: String,
    /// SHA-256 of the file's bytes, hex (empty when it could not be read).
    pub sha256: String,
    pub modified: Option<SystemTime>,
    pub outcome: ReadOutcome,
}

#[derive(Debug, Clone)]
pub enum ReadOutcome {
    /// Not a submission (lock file, PDF...): an `info` finding says what it is.
    Skipped(Finding),
    /// Could not be used at all: the finding says why.
    Failed(Finding),
    /// The tables found, one per sheet that has one (at least one).
    Tables(Vec<TableData>),
}

/// Reads one discovered file. Never panics, whatever the bytes.
pub fn read_file(found: &Found, config: &Config) -> FileRead {
    let rel = found.rel.clone();
    let mut read =
        FileRead { rel: rel.clone(), sha256: String::new(), modified: None, outcome: ReadOutcome::Tables(vec![]) };
    if let Some(skip) = found.skip {
        let (code, msg) = match skip {
            NameSkip::LockFile => (Code::SkipLockFile, Msg::SkipLockFile),
            NameSkip::Hidden => (Code::SkipHidden, Msg::SkipHidden),
            NameSkip::OwnOutput => (Code::SkipOwnOutput, Msg::SkipOwnOutput),
        };
        read.outcome = ReadOutcome::Skipped(Finding::new(code, &rel, msg));
        return read;
    }
    let (bytes, modified) = match read_regular(&found.path) {
        Ok(b) => b,
        Err(e) => {
            read.outcome = match e {
                OpenError::NotRegular => {
                    ReadOutcome::Skipped(Finding::new(Code::SkipNotRegular, &rel, Msg::SkipNotRegular))
                }
                OpenError::Folder => ReadOutcome::Failed(Finding::new(Code::Unreadable, &rel, Msg::FolderUnreadable)),
                OpenError::TooLarge(bytes) => {
                    let msg = Msg::FileTooLarge { megabytes: bytes / 1_000_000, limit: MAX_FILE_BYTES / 1_000_000 };
                    ReadOutcome::Failed(Finding::new(Code::Unreadable, &rel, msg))
                }
                OpenError::Io(reason) => {
                    ReadOutcome::Failed(Finding::new(Code::Unreadable, &rel, Msg::FileUnreadable { reason }))
                }
            };
            return read;
        }
    };
    read.modified = modified;
    read.sha256 = hex(&Sha256::digest(&bytes));
    read.outcome = read_bytes(&rel, &bytes, config);
    read
}

/// Why a file's bytes could not be had.
enum OpenError {
    /// A FIFO, a device, a folder, or a link to one: opening or reading it could block forever
    /// or never end.
    NotRegular,
    /// A sub-folder that could not be listed (walkdir reports it as an entry).
    Folder,
    TooLarge(u64),
    Io(Reason),
}

/// The bytes and modification time of a regular file, read with a size limit. The path is
/// checked before opening (opening a FIFO blocks until someone writes to it) and the opened
/// file again (the path may have been swapped in between).
fn read_regular(path: &std::path::Path) -> Result<(Vec<u8>, Option<SystemTime>), OpenError> {
    use std::io::Read;
    let io = |e: std::io::Error| OpenError::Io(Reason::of(&e));
    let meta = std::fs::metadata(path).map_err(io)?;
    // A real sub-folder here is one the walk could not list; a link to a folder is just a link.
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if meta.is_dir() && !is_link {
        return Err(OpenError::Folder);
    }
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if !meta.is_file() {
        return Err(OpenError::NotRegular);
    }
    // A report is a few kilobytes; a file this large is not one, and reading it whole would
    // only exhaust memory. The limit also holds if the file grows while it is read.
    if meta.len() > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge(meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(OpenError::TooLarge(bytes.len() as u64));
    }
    Ok((bytes, meta.modified().ok()))
}

/// Reads one file's bytes: format, sheets, tables and their values. Never panics, whatever the
/// bytes (the fuzz target `read_file` holds it to that). `rel` names the file in findings.
pub fn read_bytes(rel: &str, bytes: &[u8], config: &Config) -> ReadOutcome {
    use ReadOutcome::{Failed, Skipped};
    let extension = rel.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    let promised = SPREADSHEET_EXTENSIONS.contains(&extension.as_str());
    let format = match sniff(bytes) {
        Sniffed::Spreadsheet(format) => format,
        Sniffed::Encrypted => return Failed(Finding::new(Code::Encrypted, rel, Msg::FileEncrypted)),
        Sniffed::Damaged => return Failed(Finding::new(Code::Unreadable, rel, Msg::FileDamaged)),
        Sniffed::Other if promised => {
            return Failed(Finding::new(Code::NotSpreadsheet, rel, Msg::FileNotSpreadsheet { extension }));
        }
        Sniffed::Other => return Skipped(Finding::new(Code::SkipOther, rel, Msg::SkipOther)),
    };
    // calamine builds .xls and .ods sheets whole: their size is checked before.
    match guard::catch(|| extent::check(bytes, format)) {
        Ok(Ok(())) => {}
        Err(reason) => {
            return Failed(Finding::new(Code::Unreadable, rel, Msg::FileUnreadable { reason: Reason::Other(reason) }));
        }
        Ok(Err(extent::TooLarge::Sheet { sheet, .. })) => {
            let msg = Msg::FileTooManyCells { sheet, limit: extent::MAX_DENSE_CELLS as usize };
            return Failed(Finding::new(Code::Unreadable, rel, msg));
        }
        Ok(Err(extent::TooLarge::Damaged)) => return Failed(Finding::new(Code::Unreadable, rel, Msg::FileDamaged)),
        Ok(Err(extent::TooLarge::Unzipped { bytes })) => {
            let msg = Msg::FileTooLarge { megabytes: bytes / 1_000_000, limit: extent::MAX_UNZIPPED_BYTES / 1_000_000 };
            return Failed(Finding::new(Code::Unreadable, rel, msg));
        }
    }
    let sheets = match workbook::load(bytes, format) {
        Ok(sheets) => sheets,
        Err(LoadError::Unreadable(reason)) if reason.to_lowercase().contains("password") => {
            return Failed(Finding::new(Code::Encrypted, rel, Msg::FileEncrypted));
        }
        Err(LoadError::Unreadable(reason)) => {
            return Failed(Finding::new(Code::Unreadable, rel, Msg::FileUnreadable { reason: Reason::Other(reason) }));
        }
        Err(LoadError::TooManyCells { sheet, limit }) => {
            return Failed(Finding::new(Code::Unreadable, rel, Msg::FileTooManyCells { sheet, limit }));
        }
    };
    // The consolidated workbook, whatever it is called (`tong-hop-2024-08 (1).xlsx`), is no
    // submission: its sheets are the renderer's.
    if is_own_output(&sheets) {
        return Skipped(Finding::new(Code::SkipOwnOutput, rel, Msg::SkipOwnOutput));
    }
    let mut tables = Vec::new();
    for sheet in &sheets {
        // Reading rows of a hostile sheet is guarded like loading it.
        match guard::catch(|| table::read_table(sheet, config)) {
            Ok(Some(mut t)) => {
                for f in &mut t.findings {
                    f.file = rel.to_owned();
                }
                tables.push(t);
            }
            Ok(None) => {}
            Err(reason) => {
                return Failed(Finding::new(
                    Code::Unreadable,
                    rel,
                    Msg::FileUnreadable { reason: Reason::Other(reason) },
                ));
            }
        }
    }
    if tables.is_empty() {
        let sheets = sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ");
        return Failed(Finding::new(Code::NoTable, rel, Msg::FileNoTable { sheets }));
    }
    ReadOutcome::Tables(tables)
}

/// Whether the sheets are those of the workbook `tonghop build` writes.
fn is_own_output(sheets: &[workbook::Sheet]) -> bool {
    let names: Vec<&str> = sheets.iter().map(|s| s.name.as_str()).collect();
    crate::outputs::SHEETS.iter().all(|s| names.contains(s))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
