//! Every text tonghop says to its user, in Vietnamese (the default) and English.
//!
//! Code elsewhere builds a [`Msg`] value with the facts; only this module turns it into
//! words. Adding a message means adding a variant and both its texts here, nowhere else.

use std::fmt;

/// The language of messages (`--lang`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Vi,
    En,
}

/// A text quoted in a message, cut to 80 characters: cells can hold pages, messages must not.
pub fn clip(text: &str) -> String {
    // A quoted value stays on the message's line.
    crate::text::truncate(&text.replace(['\n', '\t'], " "), 80).into_owned()
}

/// What a value cell should hold, for messages: a whole number or a decimal, in a unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    pub whole: bool,
    pub unit: String,
}

impl Expected {
    fn vi(&self) -> String {
        if self.whole {
            format!("một số nguyên không âm (đơn vị tính: {})", self.unit)
        } else {
            format!("một số không âm tính bằng {}", self.unit)
        }
    }

    fn en(&self) -> String {
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

    fn text(&self, lang: Lang) -> String {
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

/// A user-facing message with its facts; [`Msg::text`] renders it.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // ---- configuration problems (`config --check`, `--config`)
    ConfigSyntax { detail: String },
    ConfigMissingTable { table: &'static str },
    ConfigMissingField { table: &'static str, field: String },
    ConfigEmptyField { field: String },
    ConfigWrongType { field: String, expected: &'static str },
    ConfigUnknownKey { table: &'static str, key: String },
    ConfigNoEntries { table: &'static str },
    ConfigBadUnitCode { code: String },
    ConfigBadIndicatorCode { code: String },
    ConfigReservedCode { code: String },
    ConfigUnknownKind { value: String },
    ConfigUnknownSeverity { value: String },
    ConfigUnknownPeriod { value: String },
    ConfigNegativeMax { value: String },
    ConfigDuplicateCode { table: &'static str, code: String, first_line: usize },
    ConfigUnknownSection { indicator: String, section: String },
    ConfigNameClash { name: String, other: String, other_line: usize },
    ConfigRuleSyntax { expr: String, detail: String },
    ConfigRuleUnknownCode { expr: String, name: String },
    ConfigSentenceSyntax { indicator: String, detail: String },

    // ---- findings: skipped files
    SkipLockFile,
    SkipHidden,
    SkipOwnOutput,
    SkipOther,
    SkipNotRegular,
    // ---- findings: files
    FileUnreadable { reason: Reason },
    FileDamaged,
    FolderUnreadable,
    FileTooLarge { megabytes: u64, limit: u64 },
    FileEncrypted,
    FileNotSpreadsheet { extension: String },
    FileNoTable { sheets: String },
    FileTooManyCells { sheet: String, limit: usize },
    FileSheetIgnored { sheet: String, period: Option<String>, used: String, hidden: bool },
    FileValueColumnAmbiguous { columns: String },
    FileValueColumnOtherTime { columns: String },
    FileValueColumnPeriod { header: String, found: String, expected: String },
    FileUnitConflict { cell_unit: String, file_unit: String },
    FileUnitUnknown { value: String, suggestion: Option<String> },
    FileUnitFromName { unit: String },
    FileUnitMissing,
    FilePeriodMismatch { found: String, expected: String },
    FilePeriodUnreadable { value: String, assumed: String },
    FilePeriodMissing { assumed: String },
    FileDateUnreadable { value: String },
    FileIndicatorMissing { code: String, label: String },
    FileEmpty,
    FileSuperseded { by: String, why: Newer },
    FileResendUndecidable { other: String },
    FileSheetsDisagree { sheet: String, other: String, period: String },
    // ---- findings: cells and rows
    CellFormulaNoValue { formula: String },
    CellNotANumber { value: String, expected: Expected },
    CellDate { date: String, expected: Expected },
    CellErrorValue { value: String },
    CellUnitWord { value: String, word: String, unit: String },
    CellUnitConverted { value: String, read: String, unit: String },
    CellAmbiguous { value: String, read: String, other: String },
    CellDotDecimal { value: String, read: String },
    CellTextNumber { value: String, read: String },
    CellNegative { value: String },
    CellFraction { value: String, unit: String },
    CellOverMax { value: String, max: String, unit: String },
    RowLabelOnly { label: String, code: String },
    TableWithoutCodes,
    RowUnknown { what: String, value: String },
    RowDuplicate { code: String, first_cell: String },
    RowCodeLabelMismatch { code: String, label: String, label_code: String },
    RowUnitMismatch { typed: String, unit: String },
    RowUnitConverted { value: String, typed: String, read: String, unit: String },
    ColumnUnusedText { column: String, header: String, example: String, count: usize },
    // ---- findings: rules
    RuleViolated { message: String, require: String, values: String },
    RuleFailed { rule: String, detail: String },

    // ---- words shown in reports
    SeverityError,
    SeverityWarning,
    SeverityInfo,
    OutcomeUsed,
    OutcomeSuperseded,
    OutcomeRejected,
    OutcomeSkipped,
    StateSubmitted,
    StateMissing,
    StateRejected,
    UnitUnknownShort,

    // ---- check and status
    PeriodFromArgument { period: String },
    PeriodFromFiles { period: String },
    PeriodFromFolder { period: String },
    CheckSummary { files: usize, errors: usize, warnings: usize },
    CheckClean { files: usize },
    StatusSummary { submitted: usize, total: usize, rejected: usize, missing: usize },
    StatusOtherFiles,
    CountsShort { errors: usize, warnings: usize },

    // ---- build
    BuildSubmitted { submitted: String, unit_word: String },
    BuildMissing { names: String },
    BuildRejected { names: String },
    BuildFindings { errors: usize, warnings: usize, inbox: String },
    BuildWritten,
    BuildStrictRefused { errors: usize, inbox: String },

    // ---- command results
    ConfigProblemAt { file: String, line: usize, column: usize, problem: String },
    ConfigProblemCount { file: String, count: usize },
    ConfigValid { file: String, units: usize, sections: usize, indicators: usize, rules: usize },
    TemplateWritten { path: String },
    TemplatesWritten { count: usize, dir: String },

    // ---- could not run (exit 2)
    CannotReadFile { path: String, reason: Reason },
    CannotWriteFile { path: String, reason: Reason },
    CannotCreateDir { path: String, reason: Reason },
    CannotWriteOutput { reason: Reason },
    InvalidConfig { path: String },
    UnknownUnitCode { code: String, known: String },
    BadPeriod { value: String },
    CannotReadInbox { path: String, reason: Reason },
    InboxNotAFolder { path: String },
    NoPeriod { inbox: String },
    SumOverflow { code: String },
    OutputInsideInbox { output: String, inbox: String },
    TemplateError { name: String, line: Option<usize>, detail: String },
}

/// How a table of the configuration is shown: `[report]`, `[[unit]]`.
fn table_ref(table: &str, lang: Lang) -> String {
    match table {
        "" if lang == Lang::Vi => "(gốc)".to_owned(),
        "" => "(root)".to_owned(),
        "report" => "[report]".to_owned(),
        t => format!("[[{t}]]"),
    }
}

fn type_vi(expected: &str) -> &'static str {
    match expected {
        "text" => "một chuỗi văn bản trong dấu nháy kép",
        "list of texts" => "một danh sách chuỗi, ví dụ [\"a\", \"b\"]",
        "true/false" => "true hoặc false",
        "number" => "một số",
        "table" => "một bảng",
        "array of tables" => "một danh sách bảng [[...]]",
        _ => "giá trị khác",
    }
}

fn type_en(expected: &str) -> &'static str {
    match expected {
        "text" => "a quoted string",
        "list of texts" => "a list of strings, e.g. [\"a\", \"b\"]",
        "true/false" => "true or false",
        "number" => "a number",
        "table" => "a table",
        "array of tables" => "an array of tables [[...]]",
        _ => "another value",
    }
}

impl Msg {
    /// The message in the given language.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }

    fn vi(&self) -> String {
        use Msg::*;
        match self {
            ConfigSyntax { detail } => format!("lỗi cú pháp TOML: {detail}"),
            ConfigMissingTable { table } => format!("thiếu bảng {}", table_ref(table, Lang::Vi)),
            ConfigMissingField { table, field } => {
                format!("{} thiếu trường bắt buộc `{field}`", table_ref(table, Lang::Vi))
            }
            ConfigEmptyField { field } => format!("trường `{field}` để trống"),
            ConfigWrongType { field, expected } => format!("`{field}` phải là {}", type_vi(expected)),
            ConfigUnknownKey { table, key } => {
                format!("trường `{key}` không có trong {} (gõ nhầm tên trường?)", table_ref(table, Lang::Vi))
            }
            ConfigNoEntries { table } => format!("cần ít nhất một {}", table_ref(table, Lang::Vi)),
            ConfigBadUnitCode { code } => format!(
                "mã đơn vị \"{code}\" chỉ được gồm chữ thường không dấu, chữ số, `-` và `_` (dùng trong tên tệp)"
            ),
            ConfigBadIndicatorCode { code } => format!(
                "mã chỉ tiêu \"{code}\" phải bắt đầu bằng chữ cái và chỉ gồm chữ không dấu, chữ số, `_` (dùng làm biến trong quy tắc)"
            ),
            ConfigReservedCode { code } => {
                format!("mã \"{code}\" là từ khóa của biểu thức và mẫu báo cáo (true, none, and, loop...): đặt mã khác")
            }
            ConfigUnknownKind { value } => {
                format!("kind = \"{value}\" không hợp lệ: chỉ nhận \"count\" hoặc \"amount\"")
            }
            ConfigUnknownSeverity { value } => {
                format!("severity = \"{value}\" không hợp lệ: chỉ nhận \"error\" hoặc \"warning\"")
            }
            ConfigUnknownPeriod { value } => format!("period = \"{value}\" không hợp lệ: hiện chỉ hỗ trợ \"month\""),
            ConfigNegativeMax { value } => format!("max = {value} không hợp lệ: phải lớn hơn hoặc bằng 0"),
            ConfigDuplicateCode { table, code, first_line } => {
                format!("mã \"{code}\" của {} bị trùng (đã có ở dòng {first_line})", table_ref(table, Lang::Vi))
            }
            ConfigUnknownSection { indicator, section } => {
                format!("chỉ tiêu {indicator} thuộc phần \"{section}\" nhưng không có [[section]] nào mang mã này")
            }
            ConfigNameClash { name, other, other_line } => format!(
                "tên \"{name}\" trùng với đơn vị \"{other}\" (dòng {other_line}) sau khi bỏ dấu, chữ hoa và tiền tố: không phân biệt được hai đơn vị"
            ),
            ConfigRuleSyntax { expr, detail } => format!("biểu thức \"{expr}\" không hợp lệ: {detail}"),
            ConfigRuleUnknownCode { expr, name } => {
                format!("biểu thức \"{expr}\" dùng \"{name}\" nhưng không có chỉ tiêu nào mang mã này")
            }
            SkipLockFile => "tệp khóa tạm của Office (tệp đang được mở), không phải báo cáo".to_owned(),
            SkipHidden => "tệp ẩn".to_owned(),
            SkipOwnOutput => "tệp kết quả do tonghop ghi ra".to_owned(),
            SkipOther => "không phải bảng tính (xlsx, xls, xlsb, ods)".to_owned(),
            SkipNotRegular => {
                "không phải tệp thông thường (ống dẫn, thiết bị hoặc liên kết tới chúng): không đọc".to_owned()
            }
            FileUnreadable { reason } => format!("không đọc được tệp: {}", reason.text(Lang::Vi)),
            FileTooLarge { megabytes, limit } => {
                format!("tệp quá lớn ({megabytes} MB, giới hạn {limit} MB), không phải một báo cáo: không đọc")
            }
            FolderUnreadable => {
                "thư mục con không mở được (không có quyền đọc?): các tệp trong đó chưa được đọc".to_owned()
            }
            FileDamaged => {
                "tệp bị hỏng hoặc gửi thiếu (không mở được như một bảng tính); đề nghị đơn vị gửi lại".to_owned()
            }
            FileEncrypted => "tệp có mật khẩu: đề nghị đơn vị bỏ mật khẩu rồi gửi lại".to_owned(),
            FileNotSpreadsheet { extension } => {
                format!(
                    "tệp mang đuôi .{extension} nhưng nội dung không phải bảng tính; đề nghị đơn vị gửi lại tệp Excel"
                )
            }
            FileNoTable { sheets } => format!(
                "không tìm thấy bảng số liệu (cần một dòng tiêu đề có cột \"Số liệu\" và cột \"Mã\" hoặc \"Chỉ tiêu\") trong các trang: {sheets}"
            ),
            FileTooManyCells { sheet, limit } => format!(
                "trang \"{sheet}\" có hơn {limit} ô dữ liệu, không phải một báo cáo: không đọc tệp; đề nghị đơn vị gửi lại đúng biểu mẫu"
            ),
            FileSheetIgnored { sheet, period, used, hidden } => {
                let note = if *hidden { "trang ẩn, " } else { "" };
                match period {
                    Some(p) => format!("bỏ qua trang \"{sheet}\" ({note}kỳ {p}); dùng trang \"{used}\""),
                    None if *hidden => format!("bỏ qua trang \"{sheet}\" (trang ẩn); dùng trang \"{used}\""),
                    None => format!("bỏ qua trang \"{sheet}\"; dùng trang \"{used}\""),
                }
            }
            FileValueColumnAmbiguous { columns } => format!(
                "có nhiều cột có thể là số liệu của kỳ này ({columns}): không biết dùng cột nào; đề nghị đơn vị chỉ để một cột số liệu"
            ),
            FileValueColumnOtherTime { columns } => format!(
                "không có cột số liệu của kỳ này: các cột {columns} là số liệu của thời gian khác (tháng trước, lũy kế, kế hoạch...)"
            ),
            FileValueColumnPeriod { header, found, expected } => {
                format!("cột số liệu \"{header}\" là của kỳ {found}, không phải kỳ {expected} đang tổng hợp")
            }
            FileUnitConflict { cell_unit, file_unit } => format!(
                "ô đơn vị ghi \"{cell_unit}\" nhưng tên tệp chỉ \"{file_unit}\": không biết là báo cáo của đơn vị nào"
            ),
            FileUnitUnknown { value, suggestion } => match suggestion {
                Some(s) => format!("đơn vị \"{value}\" không có trong danh sách; có phải là \"{s}\"?"),
                None => format!("đơn vị \"{value}\" không có trong danh sách đơn vị"),
            },
            FileUnitFromName { unit } => format!("không ghi tên đơn vị; theo tên tệp, đây là báo cáo của {unit}"),
            FileUnitMissing => "không ghi tên đơn vị, tên tệp cũng không cho biết đơn vị nào".to_owned(),
            FilePeriodMismatch { found, expected } => {
                format!("báo cáo kỳ {found}, không phải kỳ {expected} đang tổng hợp")
            }
            FilePeriodUnreadable { value, assumed } => {
                format!("không đọc được kỳ báo cáo \"{value}\"; coi là kỳ {assumed}")
            }
            FilePeriodMissing { assumed } => format!("không ghi kỳ báo cáo; coi là kỳ {assumed}"),
            FileDateUnreadable { value } => format!("không đọc được ngày lập \"{value}\" (cần dạng ngày/tháng/năm)"),
            FileIndicatorMissing { code, label } => {
                format!("không có dòng chỉ tiêu {code} ({label}): coi là không báo cáo")
            }
            FileEmpty => "biểu mẫu chưa điền số liệu nào".to_owned(),
            FileSuperseded { by, why } => match why {
                Newer::Prepared { this, used } => {
                    format!("đã có tệp mới hơn của đơn vị: {by} (lập ngày {used}; tệp này lập ngày {this})")
                }
                Newer::Modified => format!("đã có tệp mới hơn của đơn vị: {by} (sửa sau, theo thời điểm lưu tệp)"),
                Newer::SameContent => format!("trùng nội dung với tệp {by} đã dùng"),
            },
            FileResendUndecidable { other } => format!(
                "đơn vị có hai tệp báo cáo (tệp này và {other}) mà ngày lập và thời điểm lưu tệp không cho biết tệp nào mới hơn: không dùng tệp nào; xóa tệp sai rồi chạy lại"
            ),
            FileSheetsDisagree { sheet, other, period } => format!(
                "hai trang \"{sheet}\" và \"{other}\" cùng là báo cáo kỳ {period} nhưng số liệu khác nhau: không biết trang nào đúng, không dùng tệp; đề nghị đơn vị xóa trang thừa"
            ),
            CellFormulaNoValue { formula } => {
                format!("ô có công thức ={formula} nhưng không có giá trị đã tính; mở tệp bằng Excel, lưu lại rồi gửi")
            }
            CellNotANumber { value, expected } => format!("\"{value}\" không phải là số; cần {}", expected.vi()),
            CellDate { date, expected } => {
                format!("ô chứa ngày {date} (Excel tự đổi số thành ngày?); cần {}", expected.vi())
            }
            CellErrorValue { value } => format!("ô báo lỗi {value} của Excel; cần một số"),
            CellUnitWord { value, word, unit } => {
                format!("\"{value}\": không đổi được \"{word}\" sang đơn vị tính của chỉ tiêu ({unit})")
            }
            CellUnitConverted { value, read, unit } => format!("\"{value}\" được đọc là {read} {unit}"),
            CellAmbiguous { value, read, other } => {
                format!("\"{value}\" được đọc theo kiểu Việt Nam là {read} (theo kiểu Anh là {other}): kiểm tra lại")
            }
            CellDotDecimal { value, read } => format!("\"{value}\" được đọc là {read} (dấu chấm coi là dấu thập phân)"),
            CellTextNumber { value, read } => format!("số được gõ dạng chữ \"{value}\", đọc là {read}"),
            CellNegative { value } => format!("\"{value}\" là số âm; cần số không âm"),
            CellFraction { value, unit } => format!("\"{value}\" không phải số nguyên; số {unit} phải là số nguyên"),
            CellOverMax { value, max, unit } => {
                format!("\"{value}\" lớn hơn mức tối đa {max} {unit} của một đơn vị (gõ nhầm?)")
            }
            RowLabelOnly { label, code } => {
                format!("dòng \"{label}\" không có mã, được nhận là chỉ tiêu {code} theo tên")
            }
            TableWithoutCodes => "bảng không có cột Mã: các dòng được nhận theo tên chỉ tiêu".to_owned(),
            RowUnknown { what, value } if value.is_empty() => {
                format!("dòng \"{what}\" không khớp chỉ tiêu nào trong cấu hình: không dùng")
            }
            RowUnknown { what, value } => {
                format!("dòng \"{what}\" (số liệu \"{value}\") không khớp chỉ tiêu nào trong cấu hình: không dùng")
            }
            RowDuplicate { code, first_cell } => {
                format!("chỉ tiêu {code} xuất hiện lần nữa; chỉ dùng dòng đầu tiên (ô {first_cell})")
            }
            RowCodeLabelMismatch { code, label, label_code } => format!(
                "mã {code} nhưng tên chỉ tiêu \"{label}\" là của {label_code}: không biết số liệu thuộc chỉ tiêu nào, không dùng dòng này"
            ),
            RowUnitMismatch { typed, unit } => format!(
                "đơn vị tính \"{typed}\" không đổi được sang đơn vị tính của chỉ tiêu ({unit}): không dùng số liệu"
            ),
            RowUnitConverted { value, typed, read, unit } => {
                format!("\"{value}\" tính bằng {typed} (cột đơn vị tính), được đổi thành {read} {unit}")
            }
            ColumnUnusedText { column, header, example, count } => {
                let header = if header.is_empty() { String::new() } else { format!(" \"{header}\"") };
                format!(
                    "cột {column}{header} có chữ ở {count} dòng nhưng không được đọc (ví dụ: \"{example}\"); nếu là nội dung cụ thể, ghi vào cột \"Ghi chú\""
                )
            }
            RuleViolated { message, require, values } => format!("{message} (cần {require}; {values})"),
            RuleFailed { rule, detail } => format!("không kiểm tra được quy tắc {rule}: {detail}"),
            SeverityError => "lỗi".to_owned(),
            SeverityWarning => "cảnh báo".to_owned(),
            SeverityInfo => "thông tin".to_owned(),
            OutcomeUsed => "dùng".to_owned(),
            OutcomeSuperseded => "bị thay thế".to_owned(),
            OutcomeRejected => "bị loại".to_owned(),
            OutcomeSkipped => "bỏ qua".to_owned(),
            StateSubmitted => "Đã nộp".to_owned(),
            StateMissing => "Chưa nộp".to_owned(),
            StateRejected => "Bị loại".to_owned(),
            UnitUnknownShort => "(chưa rõ đơn vị)".to_owned(),
            PeriodFromArgument { period } => format!("Kỳ báo cáo: {period}"),
            PeriodFromFiles { period } => format!("Kỳ báo cáo: {period} (theo kỳ ghi trong phần lớn các tệp)"),
            PeriodFromFolder { period } => format!("Kỳ báo cáo: {period} (theo tên thư mục)"),
            CheckSummary { files, errors, warnings } => {
                format!("{files} tệp: {errors} lỗi, {warnings} cảnh báo.")
            }
            CheckClean { files } => format!("{files} tệp: không có lỗi hay cảnh báo."),
            StatusSummary { submitted, total, rejected, missing } => format!(
                "{:02}/{:02} đơn vị đã nộp; {rejected} đơn vị có báo cáo bị loại; {missing} đơn vị chưa nộp.",
                submitted, total
            ),
            StatusOtherFiles => "Các tệp khác:".to_owned(),
            CountsShort { errors, warnings } => format!("{errors} lỗi, {warnings} cảnh báo"),
            BuildSubmitted { submitted, unit_word } => format!("Đã nộp: {submitted} {unit_word}."),
            BuildMissing { names } => format!("Chưa nộp: {names}."),
            BuildRejected { names } => format!("Bị loại: {names}."),
            BuildFindings { errors, warnings, inbox } => {
                format!("{errors} lỗi, {warnings} cảnh báo; xem chi tiết: tonghop check {inbox}")
            }
            BuildWritten => "Đã ghi:".to_owned(),
            BuildStrictRefused { errors, inbox } => {
                format!("Có {errors} lỗi nên không ghi kết quả (--strict). Xem và sửa: tonghop check {inbox}")
            }
            ConfigSentenceSyntax { indicator, detail } => {
                format!("câu báo cáo của chỉ tiêu {indicator} không phải là mẫu hợp lệ: {detail}")
            }
            ConfigProblemAt { file, line, column, problem } => format!("{file}:{line}:{column}: {problem}"),
            ConfigProblemCount { file, count } => format!("{file}: {count} lỗi cấu hình."),
            ConfigValid { file, units, sections, indicators, rules } => format!(
                "{file}: cấu hình hợp lệ — {units} đơn vị, {sections} phần, {indicators} chỉ tiêu, {rules} quy tắc."
            ),
            TemplateWritten { path } => format!("Đã ghi biểu mẫu: {path}"),
            TemplatesWritten { count, dir } => format!("Đã ghi {count} biểu mẫu vào thư mục {dir}"),
            CannotReadFile { path, reason } => format!("Không đọc được tệp \"{path}\": {}", reason.text(Lang::Vi)),
            CannotWriteFile { path, reason } => format!("Không ghi được tệp \"{path}\": {}", reason.text(Lang::Vi)),
            CannotCreateDir { path, reason } => {
                format!("Không tạo được thư mục \"{path}\": {}", reason.text(Lang::Vi))
            }
            CannotWriteOutput { reason } => format!("Không in được kết quả: {}", reason.text(Lang::Vi)),
            InvalidConfig { path } => {
                format!("Cấu hình \"{path}\" có lỗi; xem chi tiết bằng: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("Không có đơn vị mã \"{code}\". Các mã hợp lệ: {known}"),
            BadPeriod { value } => {
                format!("Kỳ báo cáo \"{value}\" không hợp lệ: dùng dạng NĂM-THÁNG, ví dụ --period 2024-08")
            }
            CannotReadInbox { path, reason } => {
                format!("Không đọc được thư mục \"{path}\": {}", reason.text(Lang::Vi))
            }
            InboxNotAFolder { path } => format!("\"{path}\" không phải là thư mục"),
            TemplateError { name, line, detail } => match line {
                Some(l) => format!("Lỗi mẫu báo cáo ({name}, dòng {l}): {detail}"),
                None => format!("Lỗi mẫu báo cáo ({name}): {detail}"),
            },
            OutputInsideInbox { output, inbox } => format!(
                "Thư mục kết quả \"{output}\" nằm trong thư mục nhận báo cáo \"{inbox}\": chọn thư mục khác bằng -o"
            ),
            SumOverflow { code } => {
                format!("Tổng của chỉ tiêu {code} quá lớn để tính chính xác: kiểm tra số liệu các đơn vị")
            }
            NoPeriod { inbox } => format!(
                "Không xác định được kỳ báo cáo: các tệp trong \"{inbox}\" không ghi kỳ, tên thư mục cũng không có. Ghi rõ kỳ, ví dụ: --period 2024-08"
            ),
        }
    }

    fn en(&self) -> String {
        use Msg::*;
        match self {
            ConfigSyntax { detail } => format!("TOML syntax error: {detail}"),
            ConfigMissingTable { table } => format!("missing table {}", table_ref(table, Lang::En)),
            ConfigMissingField { table, field } => {
                format!("{} lacks the required field `{field}`", table_ref(table, Lang::En))
            }
            ConfigEmptyField { field } => format!("field `{field}` is empty"),
            ConfigWrongType { field, expected } => format!("`{field}` must be {}", type_en(expected)),
            ConfigUnknownKey { table, key } => {
                format!("field `{key}` is not known in {} (a misspelt field name?)", table_ref(table, Lang::En))
            }
            ConfigNoEntries { table } => format!("at least one {} is needed", table_ref(table, Lang::En)),
            ConfigBadUnitCode { code } => format!(
                "unit code \"{code}\" may hold only lower-case ASCII letters, digits, `-` and `_` (it is used in file names)"
            ),
            ConfigBadIndicatorCode { code } => format!(
                "indicator code \"{code}\" must start with a letter and hold only ASCII letters, digits and `_` (it is a variable in rules)"
            ),
            ConfigReservedCode { code } => format!(
                "code \"{code}\" is a keyword of rules and report templates (true, none, and, loop...): choose another"
            ),
            ConfigUnknownKind { value } => format!("kind = \"{value}\" is not valid: use \"count\" or \"amount\""),
            ConfigUnknownSeverity { value } => {
                format!("severity = \"{value}\" is not valid: use \"error\" or \"warning\"")
            }
            ConfigUnknownPeriod { value } => format!("period = \"{value}\" is not valid: only \"month\" is supported"),
            ConfigNegativeMax { value } => format!("max = {value} is not valid: it must be 0 or more"),
            ConfigDuplicateCode { table, code, first_line } => {
                format!("code \"{code}\" of {} is a duplicate (first at line {first_line})", table_ref(table, Lang::En))
            }
            ConfigUnknownSection { indicator, section } => {
                format!("indicator {indicator} is in section \"{section}\" but no [[section]] has that code")
            }
            ConfigNameClash { name, other, other_line } => format!(
                "name \"{name}\" is the same as unit \"{other}\" (line {other_line}) once diacritics, case and prefixes are folded: the two units cannot be told apart"
            ),
            ConfigRuleSyntax { expr, detail } => format!("expression \"{expr}\" is not valid: {detail}"),
            ConfigRuleUnknownCode { expr, name } => {
                format!("expression \"{expr}\" uses \"{name}\" but no indicator has that code")
            }
            SkipLockFile => "an Office lock file (the file is open somewhere), not a report".to_owned(),
            SkipHidden => "a hidden file".to_owned(),
            SkipOwnOutput => "an output written by tonghop".to_owned(),
            SkipOther => "not a spreadsheet (xlsx, xls, xlsb, ods)".to_owned(),
            SkipNotRegular => "not a regular file (a pipe, a device or a link to one): not read".to_owned(),
            FileUnreadable { reason } => format!("the file cannot be read: {}", reason.text(Lang::En)),
            FileTooLarge { megabytes, limit } => {
                format!("the file is too large ({megabytes} MB, limit {limit} MB) to be a report; not read")
            }
            FolderUnreadable => {
                "a sub-folder that cannot be opened (no permission?): the files in it were not read".to_owned()
            }
            FileDamaged => {
                "the file is damaged or truncated (it does not open as a spreadsheet); ask the unit to send it again"
                    .to_owned()
            }
            FileEncrypted => "the file has a password: ask the unit to remove it and send the file again".to_owned(),
            FileNotSpreadsheet { extension } => {
                format!("the file is named .{extension} but is not a spreadsheet; ask the unit for the Excel file")
            }
            FileNoTable { sheets } => format!(
                "no table found (a header row with a \"Số liệu\" column and a \"Mã\" or \"Chỉ tiêu\" column is needed) in sheets: {sheets}"
            ),
            FileTooManyCells { sheet, limit } => format!(
                "sheet \"{sheet}\" holds more than {limit} cells, which no report does: the file is not read; ask the unit for the form"
            ),
            FileSheetIgnored { sheet, period, used, hidden } => {
                let note = if *hidden { "hidden, " } else { "" };
                match period {
                    Some(p) => format!("sheet \"{sheet}\" ({note}period {p}) ignored; sheet \"{used}\" used"),
                    None if *hidden => format!("sheet \"{sheet}\" (hidden) ignored; sheet \"{used}\" used"),
                    None => format!("sheet \"{sheet}\" ignored; sheet \"{used}\" used"),
                }
            }
            FileValueColumnAmbiguous { columns } => format!(
                "several columns may hold this period's figures ({columns}): which one is meant is unclear; ask the unit to keep one value column"
            ),
            FileValueColumnOtherTime { columns } => format!(
                "no column of this period's figures: columns {columns} hold figures of another time (last month, cumulative, plan...)"
            ),
            FileValueColumnPeriod { header, found, expected } => {
                format!("the value column \"{header}\" is for {found}, not for {expected} being consolidated")
            }
            FileUnitConflict { cell_unit, file_unit } => format!(
                "the unit cell says \"{cell_unit}\" but the file name says \"{file_unit}\": whose report is it?"
            ),
            FileUnitUnknown { value, suggestion } => match suggestion {
                Some(s) => format!("unit \"{value}\" is not in the list of units; did you mean \"{s}\"?"),
                None => format!("unit \"{value}\" is not in the list of units"),
            },
            FileUnitFromName { unit } => format!("no unit name in the file; by its file name it is {unit}'s report"),
            FileUnitMissing => "no unit name in the file, and the file name names no unit".to_owned(),
            FilePeriodMismatch { found, expected } => {
                format!("the report is for {found}, not for {expected} being consolidated")
            }
            FilePeriodUnreadable { value, assumed } => format!("period \"{value}\" cannot be read; {assumed} assumed"),
            FilePeriodMissing { assumed } => format!("no period in the file; {assumed} assumed"),
            FileDateUnreadable { value } => {
                format!("date prepared \"{value}\" cannot be read (day/month/year expected)")
            }
            FileIndicatorMissing { code, label } => {
                format!("no row for indicator {code} ({label}): taken as not reported")
            }
            FileEmpty => "the form holds no figures".to_owned(),
            FileSuperseded { by, why } => match why {
                Newer::Prepared { this, used } => {
                    format!("a newer file of the unit is used: {by} (prepared {used}; this one {this})")
                }
                Newer::Modified => format!("a newer file of the unit is used: {by} (saved later)"),
                Newer::SameContent => format!("the same content as {by}, which is used"),
            },
            FileResendUndecidable { other } => format!(
                "the unit has two report files (this one and {other}) and neither the date prepared nor the time saved tells which is newer: neither is used; remove the wrong one and run again"
            ),
            FileSheetsDisagree { sheet, other, period } => format!(
                "sheets \"{sheet}\" and \"{other}\" are both the report for {period} but their figures differ: which one is right is unclear, the file is not used; ask the unit to remove the extra sheet"
            ),
            CellFormulaNoValue { formula } => format!(
                "the cell has the formula ={formula} but no computed value; open the file in Excel, save it and send it again"
            ),
            CellNotANumber { value, expected } => format!("\"{value}\" is not a number; expected {}", expected.en()),
            CellDate { date, expected } => {
                format!(
                    "the cell holds the date {date} (did Excel turn a number into a date?); expected {}",
                    expected.en()
                )
            }
            CellErrorValue { value } => format!("the cell holds Excel's error {value}; a number is expected"),
            CellUnitWord { value, word, unit } => {
                format!("\"{value}\": \"{word}\" cannot be converted to the indicator's unit ({unit})")
            }
            CellUnitConverted { value, read, unit } => format!("\"{value}\" read as {read} {unit}"),
            CellAmbiguous { value, read, other } => {
                format!("\"{value}\" read the Vietnamese way as {read} (the English way it would be {other}): check it")
            }
            CellDotDecimal { value, read } => format!("\"{value}\" read as {read} (the dot taken as a decimal point)"),
            CellTextNumber { value, read } => format!("number typed as text \"{value}\", read as {read}"),
            CellNegative { value } => format!("\"{value}\" is negative; 0 or more expected"),
            CellFraction { value, unit } => {
                format!("\"{value}\" is not a whole number; a count of {unit} must be whole")
            }
            CellOverMax { value, max, unit } => {
                format!("\"{value}\" is more than the maximum of {max} {unit} for one unit (a typo?)")
            }
            RowLabelOnly { label, code } => {
                format!("row \"{label}\" has no code; taken as indicator {code} by its label")
            }
            TableWithoutCodes => "the table has no code column: rows are matched by their labels".to_owned(),
            RowUnknown { what, value } if value.is_empty() => {
                format!("row \"{what}\" matches no configured indicator: not used")
            }
            RowUnknown { what, value } => {
                format!("row \"{what}\" (value \"{value}\") matches no configured indicator: not used")
            }
            RowDuplicate { code, first_cell } => {
                format!("indicator {code} appears again; only the first row (cell {first_cell}) is used")
            }
            RowCodeLabelMismatch { code, label, label_code } => format!(
                "code {code} but the label \"{label}\" is {label_code}'s: which indicator the figure belongs to is unclear; the row is not used"
            ),
            RowUnitMismatch { typed, unit } => format!(
                "unit of measure \"{typed}\" cannot be converted to the indicator's unit ({unit}): the figure is not used"
            ),
            RowUnitConverted { value, typed, read, unit } => {
                format!("\"{value}\" is in {typed} (unit of measure column), converted to {read} {unit}")
            }
            ColumnUnusedText { column, header, example, count } => {
                let header = if header.is_empty() { String::new() } else { format!(" \"{header}\"") };
                format!(
                    "column {column}{header} holds text in {count} rows that is not read (e.g. \"{example}\"); notes belong in the \"Ghi chú\" column"
                )
            }
            RuleViolated { message, require, values } => format!("{message} ({require} expected; {values})"),
            RuleFailed { rule, detail } => format!("rule {rule} could not be checked: {detail}"),
            SeverityError => "error".to_owned(),
            SeverityWarning => "warning".to_owned(),
            SeverityInfo => "info".to_owned(),
            OutcomeUsed => "used".to_owned(),
            OutcomeSuperseded => "superseded".to_owned(),
            OutcomeRejected => "rejected".to_owned(),
            OutcomeSkipped => "skipped".to_owned(),
            StateSubmitted => "Submitted".to_owned(),
            StateMissing => "Missing".to_owned(),
            StateRejected => "Rejected".to_owned(),
            UnitUnknownShort => "(unit unknown)".to_owned(),
            PeriodFromArgument { period } => format!("Period: {period}"),
            PeriodFromFiles { period } => format!("Period: {period} (declared by most files)"),
            PeriodFromFolder { period } => format!("Period: {period} (from the folder name)"),
            CheckSummary { files, errors, warnings } => format!("{files} files: {errors} errors, {warnings} warnings."),
            CheckClean { files } => format!("{files} files: no errors or warnings."),
            StatusSummary { submitted, total, rejected, missing } => format!(
                "{:02}/{:02} units submitted; {rejected} with a rejected report; {missing} missing.",
                submitted, total
            ),
            StatusOtherFiles => "Other files:".to_owned(),
            CountsShort { errors, warnings } => format!("errors: {errors}, warnings: {warnings}"),
            BuildSubmitted { submitted, unit_word } => format!("Submitted: {submitted} ({unit_word})."),
            BuildMissing { names } => format!("Missing: {names}."),
            BuildRejected { names } => format!("Rejected: {names}."),
            BuildFindings { errors, warnings, inbox } => {
                format!("{errors} errors, {warnings} warnings; details: tonghop check {inbox}")
            }
            BuildWritten => "Written:".to_owned(),
            BuildStrictRefused { errors, inbox } => {
                format!("{errors} errors, so nothing was written (--strict). See them: tonghop check {inbox}")
            }
            ConfigSentenceSyntax { indicator, detail } => {
                format!("the sentence of indicator {indicator} is not a valid template: {detail}")
            }
            ConfigProblemAt { file, line, column, problem } => format!("{file}:{line}:{column}: {problem}"),
            ConfigProblemCount { file, count } => format!("{file}: {count} configuration problem(s)."),
            ConfigValid { file, units, sections, indicators, rules } => format!(
                "{file}: configuration is valid — {units} units, {sections} sections, {indicators} indicators, {rules} rules."
            ),
            TemplateWritten { path } => format!("Form written: {path}"),
            TemplatesWritten { count, dir } => format!("{count} forms written to {dir}"),
            CannotReadFile { path, reason } => format!("Cannot read \"{path}\": {}", reason.text(Lang::En)),
            CannotWriteFile { path, reason } => format!("Cannot write \"{path}\": {}", reason.text(Lang::En)),
            CannotCreateDir { path, reason } => format!("Cannot create folder \"{path}\": {}", reason.text(Lang::En)),
            CannotWriteOutput { reason } => format!("Cannot print the results: {}", reason.text(Lang::En)),
            InvalidConfig { path } => {
                format!("Configuration \"{path}\" has problems; see them with: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("No unit has code \"{code}\". Valid codes: {known}"),
            BadPeriod { value } => format!("Period \"{value}\" is not valid: use YEAR-MONTH, e.g. --period 2024-08"),
            CannotReadInbox { path, reason } => format!("Cannot read folder \"{path}\": {}", reason.text(Lang::En)),
            InboxNotAFolder { path } => format!("\"{path}\" is not a folder"),
            TemplateError { name, line, detail } => match line {
                Some(l) => format!("Narrative template error ({name}, line {l}): {detail}"),
                None => format!("Narrative template error ({name}): {detail}"),
            },
            OutputInsideInbox { output, inbox } => {
                format!("The output folder \"{output}\" is inside the inbox \"{inbox}\": choose another with -o")
            }
            SumOverflow { code } => {
                format!("The total of indicator {code} is too large to compute exactly: check the units' figures")
            }
            NoPeriod { inbox } => format!(
                "The period is unknown: no file in \"{inbox}\" declares one and the folder name has none. Give it, e.g. --period 2024-08"
            ),
        }
    }
}

/// A message in a language, ready for `{}`.
pub struct Localized<'a>(pub &'a Msg, pub Lang);

impl fmt::Display for Localized<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.text(self.1))
    }
}
