//! What a file is, by its content: units rename files, save .xls as .xlsx, and send PDFs.

use std::io::Cursor;

/// Spreadsheet formats calamine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Office Open XML (.xlsx, .xlsm).
    Xlsx,
    /// Excel binary workbook (.xlsb).
    Xlsb,
    /// Excel 97–2003 (.xls, BIFF).
    Xls,
    /// OpenDocument (.ods).
    Ods,
}

/// What the bytes of a file are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Sniffed {
    Spreadsheet(Format),
    /// An Office file protected by a password: the workbook is encrypted inside an OLE container.
    Encrypted,
    /// A zip or OLE container that should be a spreadsheet but cannot be opened as one.
    Damaged,
    /// Anything else: a PDF, a picture, a Word document, a text file.
    Other,
}

const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";

/// Extensions that promise a spreadsheet: such a file that is not one is an error, not a skip.
pub(crate) const SPREADSHEET_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods", "xltx", "xltm", "ots"];

pub(crate) fn sniff(bytes: &[u8]) -> Sniffed {
    if bytes.starts_with(OLE_MAGIC) {
        // Password-protected .xlsx files are OLE containers holding an `EncryptedPackage` stream
        // (its name is stored in UTF-16 in the directory).
        if contains_utf16(bytes, "EncryptedPackage") {
            return Sniffed::Encrypted;
        }
        // Word and PowerPoint 97 files are OLE too; anything else is given to the .xls reader,
        // which says what is wrong if it is not a workbook.
        if contains_utf16(bytes, "WordDocument") || contains_utf16(bytes, "PowerPoint Document") {
            return Sniffed::Other;
        }
        return Sniffed::Spreadsheet(Format::Xls);
    }
    if bytes.starts_with(ZIP_MAGIC) {
        let Ok(zip) = zip::ZipArchive::new(Cursor::new(bytes)) else {
            return Sniffed::Damaged;
        };
        let has = |name: &str| zip.file_names().any(|n| n.is_ok_and(|n| n.eq_ignore_ascii_case(name)));
        if has("xl/workbook.bin") {
            return Sniffed::Spreadsheet(Format::Xlsb);
        }
        if has("content.xml") {
            return if is_ods_mimetype(bytes) || !has("mimetype") {
                Sniffed::Spreadsheet(Format::Ods)
            } else {
                Sniffed::Other // an OpenDocument text or presentation
            };
        }
        if has("word/document.xml") || has("ppt/presentation.xml") || !has("[Content_Types].xml") {
            return Sniffed::Other; // Word, PowerPoint, or an ordinary zip archive
        }
        // Office Open XML: the .xlsx reader finds the workbook part wherever it is.
        return Sniffed::Spreadsheet(Format::Xlsx);
    }
    Sniffed::Other
}

/// ODF puts its media type as the first, uncompressed entry, so it shows in the first bytes.
fn is_ods_mimetype(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    head.windows(b"opendocument.spreadsheet".len()).any(|w| w == b"opendocument.spreadsheet")
}

fn contains_utf16(bytes: &[u8], name: &str) -> bool {
    let needle: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|w| w == needle.as_slice())
}
