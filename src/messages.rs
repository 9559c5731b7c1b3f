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
    ConfigUnknownKind { value: String },
    ConfigUnknownSeverity { value: String },
    ConfigUnknownPeriod { value: String },
    ConfigNegativeMax { value: String },
    ConfigDuplicateCode { table: &'static str, code: String, first_line: usize },
    ConfigUnknownSection { indicator: String, section: String },
    ConfigNameClash { name: String, other: String, other_line: usize },
    ConfigRuleSyntax { expr: String, detail: String },
    ConfigRuleUnknownCode { expr: String, name: String },

    // ---- command results
    ConfigProblemAt { file: String, line: usize, column: usize, problem: String },
    ConfigProblemCount { file: String, count: usize },
    ConfigValid { file: String, units: usize, sections: usize, indicators: usize, rules: usize },
    TemplateWritten { path: String },
    TemplatesWritten { count: usize, dir: String },

    // ---- could not run (exit 2)
    CannotReadFile { path: String, reason: String },
    CannotWriteFile { path: String, reason: String },
    CannotCreateDir { path: String, reason: String },
    InvalidConfig { path: String },
    UnknownUnitCode { code: String, known: String },
    BadPeriod { value: String },
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
            ConfigProblemAt { file, line, column, problem } => format!("{file}:{line}:{column}: {problem}"),
            ConfigProblemCount { file, count } => format!("{file}: {count} lỗi cấu hình."),
            ConfigValid { file, units, sections, indicators, rules } => format!(
                "{file}: cấu hình hợp lệ — {units} đơn vị, {sections} phần, {indicators} chỉ tiêu, {rules} quy tắc."
            ),
            TemplateWritten { path } => format!("Đã ghi biểu mẫu: {path}"),
            TemplatesWritten { count, dir } => format!("Đã ghi {count} biểu mẫu vào thư mục {dir}"),
            CannotReadFile { path, reason } => format!("Không đọc được tệp \"{path}\": {reason}"),
            CannotWriteFile { path, reason } => format!("Không ghi được tệp \"{path}\": {reason}"),
            CannotCreateDir { path, reason } => format!("Không tạo được thư mục \"{path}\": {reason}"),
            InvalidConfig { path } => {
                format!("Cấu hình \"{path}\" có lỗi; xem chi tiết bằng: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("Không có đơn vị mã \"{code}\". Các mã hợp lệ: {known}"),
            BadPeriod { value } => {
                format!("Kỳ báo cáo \"{value}\" không hợp lệ: dùng dạng NĂM-THÁNG, ví dụ --period 2024-08")
            }
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
            ConfigProblemAt { file, line, column, problem } => format!("{file}:{line}:{column}: {problem}"),
            ConfigProblemCount { file, count } => format!("{file}: {count} configuration problem(s)."),
            ConfigValid { file, units, sections, indicators, rules } => format!(
                "{file}: configuration is valid — {units} units, {sections} sections, {indicators} indicators, {rules} rules."
            ),
            TemplateWritten { path } => format!("Form written: {path}"),
            TemplatesWritten { count, dir } => format!("{count} forms written to {dir}"),
            CannotReadFile { path, reason } => format!("Cannot read \"{path}\": {reason}"),
            CannotWriteFile { path, reason } => format!("Cannot write \"{path}\": {reason}"),
            CannotCreateDir { path, reason } => format!("Cannot create folder \"{path}\": {reason}"),
            InvalidConfig { path } => {
                format!("Configuration \"{path}\" has problems; see them with: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("No unit has code \"{code}\". Valid codes: {known}"),
            BadPeriod { value } => format!("Period \"{value}\" is not valid: use YEAR-MONTH, e.g. --period 2024-08"),
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
