//! The facts some messages carry, with their own words: what a cell should hold, why a file
//! could not be read, why one file is newer than another, a workbook column.

use super::Lang;

/// What a value cell should hold, for messages: a whole number or a decimal, in a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub whole: bool,
    pub unit: String,
}

impl Expected {
    pub(super) fn vi(&self) -> String {
        if self.whole {
            format!("một số nguyên không âm (đơn vị tính: {})", self.unit)
        } else {
            format!("một số không âm tính bằng {}", self.unit)
        }
    }

    pub(super) fn en(&self) -> String {
        if self.whole {
            format!("a whole number of 0 or more (unit: {})", self.unit)
        } else {
            format!("a number of 0 or more in {}", self.unit)
        }
    }
}

/// Why the system refused to read or write something, in the clerk's words rather than the
/// operating system's ("Permission denied (os error 13)").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    PermissionDenied,
    NotFound,
    /// A file stands where a folder is needed (`-o afile`).
    FileInTheWay,
    IsAFolder,
    /// Links that point at each other.
    LinkLoop,
    /// Text that is not UTF-8, from this line on.
    NotUtf8 {
        line: usize,
    },
    DiskFull,
    ReadOnly,
    /// Another program holds the file (Excel keeps the files it has open).
    InUse,
    /// A library's own words, when nothing above fits.
    Other(String),
}

impl Reason {
    /// The reason of an I/O error.
    pub fn of(e: &std::io::Error) -> Reason {
        use std::io::ErrorKind as K;
        // Raw codes for what `ErrorKind` does not name on every platform: ELOOP (Linux 40,
        // macOS 62), ETXTBSY (26), and Windows' sharing and lock violations (32, 33).
        match (e.kind(), e.raw_os_error()) {
            (K::PermissionDenied, _) => Reason::PermissionDenied,
            (K::NotFound, _) => Reason::NotFound,
            (K::AlreadyExists | K::NotADirectory, _) => Reason::FileInTheWay,
            (K::IsADirectory, _) => Reason::IsAFolder,
            (K::StorageFull | K::QuotaExceeded, _) => Reason::DiskFull,
            (K::ReadOnlyFilesystem, _) => Reason::ReadOnly,
            (K::ResourceBusy | K::ExecutableFileBusy, _) => Reason::InUse,
            (_, Some(40)) if cfg!(target_os = "linux") => Reason::LinkLoop,
            (_, Some(62)) if cfg!(target_os = "macos") => Reason::LinkLoop,
            (_, Some(32 | 33)) if cfg!(windows) => Reason::InUse,
            _ => Reason::Other(e.to_string()),
        }
    }

    pub(super) fn text(&self, lang: Lang) -> String {
        use Reason::*;
        match (self, lang) {
            (PermissionDenied, Lang::Vi) => "không có quyền truy cập".to_owned(),
            (PermissionDenied, Lang::En) => "permission denied".to_owned(),
            (NotFound, Lang::Vi) => "không tồn tại".to_owned(),
            (NotFound, Lang::En) => "it does not exist".to_owned(),
            (FileInTheWay, Lang::Vi) => "đã có một tệp cùng tên ở chỗ cần một thư mục".to_owned(),
            (FileInTheWay, Lang::En) => "a file of that name is where a folder is needed".to_owned(),
            (IsAFolder, Lang::Vi) => "đây là một thư mục, không phải tệp".to_owned(),
            (IsAFolder, Lang::En) => "it is a folder, not a file".to_owned(),
            (LinkLoop, Lang::Vi) => "các liên kết trỏ vòng vào nhau".to_owned(),
            (LinkLoop, Lang::En) => "links that point at each other".to_owned(),
            (NotUtf8 { line }, Lang::Vi) => format!("dòng {line} không phải văn bản UTF-8 (lưu lại tệp với mã UTF-8)"),
            (NotUtf8 { line }, Lang::En) => format!("line {line} is not UTF-8 text (save the file as UTF-8)"),
            (DiskFull, Lang::Vi) => "ổ đĩa đã đầy".to_owned(),
            (DiskFull, Lang::En) => "the disk is full".to_owned(),
            (ReadOnly, Lang::Vi) => "ổ đĩa chỉ cho đọc".to_owned(),
            (ReadOnly, Lang::En) => "the disk is read-only".to_owned(),
            (InUse, Lang::Vi) => "tệp đang được mở bởi chương trình khác (Excel?): đóng tệp rồi chạy lại".to_owned(),
            (InUse, Lang::En) => "the file is open in another program (Excel?): close it and run again".to_owned(),
            (Other(text), Lang::Vi) => format!("bộ đọc tệp báo: {}", crate::text::printable(text)),
            (Other(text), Lang::En) => format!("the reader says: {}", crate::text::printable(text)),
        }
    }
}

/// Why one file of a unit replaces another, for the superseded file's message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Newer {
    /// Both files have a readable `Ngày lập`, and the used one is later.
    Prepared { this: String, used: String },
    /// Decided by the files' modification times (a `Ngày lập` missing, unreadable or equal).
    Modified,
    /// The two files have the same bytes: which one is used does not matter.
    SameContent,
}

/// A column header of the consolidated workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookColumn {
    Number,
    Code,
    Indicator,
    UnitOfMeasure,
    Total,
    UnitsReporting,
    Unit,
    State,
    File,
    Prepared,
    Errors,
    Warnings,
    Outcome,
    Reason,
    Severity,
    Sheet,
    Cell,
    Figure,
    Content,
    Received,
    OnTime,
    Ytd,
    SamePeriodLastYear,
    YtdLastYear,
    MonthsReported,
    MonthsMissing,
    Month,
    ArchiveFile,
    Period,
    UnitCode,
    Sha256,
}
