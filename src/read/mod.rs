//! Reading one received file: bytes → format → sheets → tables with their values.
//!
//! Each file is read on its own (so files can be read in parallel) and only what was
//! extracted is kept, never the workbook. Nothing here decides whether the file is used:
//! that needs the period and the other files, see [`crate::intake`].

pub mod dates;
pub mod guard;
pub mod sniff;
pub mod table;
pub mod value;
pub mod value_text;
pub mod workbook;

use std::time::SystemTime;

use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::discover::{Found, NameSkip};
use crate::finding::{Code, Finding};
use crate::messages::Msg;
use sniff::{SPREADSHEET_EXTENSIONS, Sniffed, sniff};
use table::TableData;

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
    // A report is a few kilobytes; a file this large is not one, and reading it whole would
    // only exhaust memory.
    if let Ok(meta) = std::fs::metadata(&found.path)
        && meta.len() > MAX_FILE_BYTES
    {
        let msg = Msg::FileTooLarge { megabytes: meta.len() / 1_000_000, limit: MAX_FILE_BYTES / 1_000_000 };
        read.outcome = ReadOutcome::Failed(Finding::new(Code::Unreadable, &rel, msg));
        return read;
    }
    let bytes = match std::fs::read(&found.path) {
        Ok(b) => b,
        Err(e) => {
            read.outcome = ReadOutcome::Failed(Finding::new(
                Code::Unreadable,
                &rel,
                Msg::FileUnreadable { reason: e.to_string() },
            ));
            return read;
        }
    };
    read.modified = std::fs::metadata(&found.path).and_then(|m| m.modified()).ok();
    read.sha256 = hex(&Sha256::digest(&bytes));
    read.outcome = read_bytes(&rel, &bytes, config);
    read
}

fn read_bytes(rel: &str, bytes: &[u8], config: &Config) -> ReadOutcome {
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
    let sheets = match workbook::load(bytes, format) {
        Ok(sheets) => sheets,
        Err(reason) if reason.to_lowercase().contains("password") => {
            return Failed(Finding::new(Code::Encrypted, rel, Msg::FileEncrypted));
        }
        Err(reason) => return Failed(Finding::new(Code::Unreadable, rel, Msg::FileUnreadable { reason })),
    };
    let mut tables = Vec::new();
    for sheet in &sheets {
        // Reading rows of a hostile sheet is guarded like loading it.
        let table = guard::catch(|| {
            table::find_table(sheet).map(|loc| {
                let mut data = table::read_rows(sheet, &loc, config);
                data.header = table::read_header(sheet, &loc);
                data
            })
        });
        match table {
            Ok(Some(mut t)) => {
                for f in &mut t.findings {
                    f.file = rel.to_owned();
                }
                tables.push(t);
            }
            Ok(None) => {}
            Err(reason) => {
                return Failed(Finding::new(Code::Unreadable, rel, Msg::FileUnreadable { reason }));
            }
        }
    }
    if tables.is_empty() {
        let sheets = sheets.iter().map(|s| s.name.clone()).collect::<Vec<_>>().join(", ");
        return Failed(Finding::new(Code::NoTable, rel, Msg::FileNoTable { sheets }));
    }
    ReadOutcome::Tables(tables)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
