//! The vocabulary of the form: sheet names, column headers, header-block labels.
//!
//! One list serves both sides: the template writer prints the first word of each list,
//! and the reader accepts any of them (after folding), because units edit their forms.
//!
//! The form `tonghop template` writes (sheet `Báo cáo`):
//!
//! ```text
//!    A      B       C                              D             E          F
//! 1  ỦY BAN MTTQ VIỆT NAM THÀNH PHỐ TAM KỲ
//! 2  BÁO CÁO KẾT QUẢ CÔNG TÁC MẶT TRẬN THÁNG 08/2024
//! 4  Đơn vị:          Phường An Mỹ        (dropdown of unit names, or prefilled and locked)
//! 5  Kỳ báo cáo:      08/2024
//! 6  Ngày lập:        (date)              Người lập:   (name)
//! 8  STT   Mã      Chỉ tiêu                     Đơn vị tính   Số liệu    Ghi chú / nội dung cụ thể
//! 9  I.1   (section title)
//! 10 1     TT01    Tin, bài, hình ảnh ...       tin           [ ]        [ ]
//! ```

/// Name of the sheet holding the table.
pub const SHEET_FORM: &str = "Báo cáo";
/// Name of the instructions sheet.
pub const SHEET_GUIDE: &str = "Hướng dẫn";

/// The columns of the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    Stt,
    Code,
    Label,
    UnitOfMeasure,
    Value,
    Note,
}

impl Column {
    /// In the order the template writes them (A to F).
    pub const ALL: [Column; 6] =
        [Column::Stt, Column::Code, Column::Label, Column::UnitOfMeasure, Column::Value, Column::Note];

    /// Header texts recognised for this column; the first is what the template writes.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Column::Stt => &["STT", "TT", "Số TT", "Số thứ tự"],
            Column::Code => &["Mã", "Mã số", "Mã chỉ tiêu"],
            Column::Label => &["Chỉ tiêu", "Tên chỉ tiêu", "Nội dung"],
            Column::UnitOfMeasure => &["Đơn vị tính", "ĐVT", "Đ.V.T", "ĐV tính", "Đơn vị đo", "Đơn vị"],
            Column::Value => &["Số liệu", "Số lượng", "Giá trị", "Kết quả", "Thực hiện"],
            Column::Note => &[
                "Ghi chú / nội dung cụ thể",
                "Ghi chú",
                "Nội dung cụ thể",
                "Nội dung chi tiết",
                "Nội dung thực hiện",
                "Kết quả cụ thể",
                "Chi tiết",
                "Diễn giải",
                "Mô tả",
            ],
        }
    }
}

/// The label header that depends on where it stands: left of the value column it is the
/// label, right of it the notes (`Số liệu | Nội dung`). `Chỉ tiêu` is the label anywhere.
pub const POSITIONAL_LABEL: &str = "Nội dung";

/// Words in a column header that name another time than the report's period: such a column
/// (`Số liệu tháng trước`, `Lũy kế từ đầu năm`, `Kế hoạch năm`) is never the value column.
pub const OTHER_TIME_WORDS: &[&str] = &[
    "tháng trước",
    "kỳ trước",
    "lũy kế",
    "cộng dồn",
    "từ đầu năm",
    "đầu năm",
    "cả năm",
    "cùng kỳ",
    "năm trước",
    "năm ngoái",
    "kế hoạch",
    "chỉ tiêu năm",
    "chỉ tiêu giao",
    "so sánh",
    "tỷ lệ",
];

/// Words in a column header that say it holds this period's figures (`Tháng này`, `Kỳ này`):
/// such a column is a value column even without a word of [`Column::Value`].
pub const THIS_PERIOD_WORDS: &[&str] = &["tháng này", "kỳ này", "trong tháng", "trong kỳ", "kỳ báo cáo"];

/// The fields of the header block above the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HeaderField {
    Unit,
    Period,
    Prepared,
    Preparer,
}

impl HeaderField {
    pub const ALL: [HeaderField; 4] =
        [HeaderField::Unit, HeaderField::Period, HeaderField::Prepared, HeaderField::Preparer];

    /// Labels recognised for this field (written with a trailing `:`); the first is the template's.
    pub fn labels(self) -> &'static [&'static str] {
        match self {
            HeaderField::Unit => &["Đơn vị", "Đơn vị báo cáo", "Tên đơn vị"],
            HeaderField::Period => &["Kỳ báo cáo", "Tháng", "Báo cáo tháng"],
            HeaderField::Prepared => &["Ngày lập", "Ngày báo cáo"],
            HeaderField::Preparer => &["Người lập"],
        }
    }
}
