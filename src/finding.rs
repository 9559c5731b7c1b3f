//! Findings: problems found inside one submission, collected and reported, never thrown.
//!
//! Every finding has a stable code (the README's findings table lists them all), a severity,
//! where it is (file, sheet, cell), what it concerns (unit, indicator) and a message that
//! quotes the value and says what was expected.

use serde::Serialize;

use crate::messages::{Lang, Msg};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file or cell is not used (for rules: the figures are flagged as wrong).
    Error,
    /// The value is used, but the clerk should look at it.
    Warning,
    /// Nothing wrong: a file that is not a submission was skipped.
    Info,
}

impl Severity {
    /// The word shown to the clerk.
    pub fn word(self) -> Msg {
        match self {
            Severity::Error => Msg::SeverityError,
            Severity::Warning => Msg::SeverityWarning,
            Severity::Info => Msg::SeverityInfo,
        }
    }

    /// The stable name used in JSON and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// The built-in finding codes. Configured rules add their own codes (`R01`...).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Code {
    // File level: the file is not used.
    Unreadable,
    Encrypted,
    NoTable,
    UnitMissing,
    UnitUnknown,
    UnitConflict,
    PeriodMismatch,
    NotSpreadsheet,
    ValueColumnUnclear,
    ResendUndecidable,
    SheetsDisagree,
    // File level: the file is used (or was replaced), with a remark.
    Superseded,
    SheetIgnored,
    PeriodMissing,
    DateUnreadable,
    UnitFromFileName,
    EmptyForm,
    IndicatorMissing,
    // Skipped files.
    SkipLockFile,
    SkipHidden,
    SkipOther,
    SkipOwnOutput,
    SkipNotRegular,
    // Cell level: the cell is not used.
    NotANumber,
    Negative,
    Fraction,
    OverMax,
    FormulaNoValue,
    DateInValue,
    ErrorValue,
    UnitWord,
    CodeLabelMismatch,
    UnitOfMeasureMismatch,
    // Soft: the value is used.
    TextNumber,
    UnitConverted,
    Ambiguous,
    LabelOnly,
    UnknownRow,
    DuplicateRow,
    DotDecimal,
    UnitOfMeasureConverted,
    UnusedText,
    // Rules.
    RuleFailed,
}

impl Code {
    /// Every built-in code, in the order of the README's table.
    pub const ALL: [Code; 43] = [
        Code::Unreadable,
        Code::Encrypted,
        Code::NoTable,
        Code::UnitMissing,
        Code::UnitUnknown,
        Code::UnitConflict,
        Code::PeriodMismatch,
        Code::NotSpreadsheet,
        Code::ValueColumnUnclear,
        Code::Superseded,
        Code::SheetIgnored,
        Code::PeriodMissing,
        Code::DateUnreadable,
        Code::UnitFromFileName,
        Code::EmptyForm,
        Code::IndicatorMissing,
        Code::ResendUndecidable,
        Code::SheetsDisagree,
        Code::SkipLockFile,
        Code::SkipHidden,
        Code::SkipOther,
        Code::SkipOwnOutput,
        Code::SkipNotRegular,
        Code::NotANumber,
        Code::Negative,
        Code::Fraction,
        Code::OverMax,
        Code::FormulaNoValue,
        Code::DateInValue,
        Code::ErrorValue,
        Code::UnitWord,
        Code::CodeLabelMismatch,
        Code::UnitOfMeasureMismatch,
        Code::TextNumber,
        Code::UnitConverted,
        Code::Ambiguous,
        Code::LabelOnly,
        Code::UnknownRow,
        Code::DuplicateRow,
        Code::DotDecimal,
        Code::UnitOfMeasureConverted,
        Code::UnusedText,
        Code::RuleFailed,
    ];

    /// The stable code shown to users and in JSON.
    pub fn as_str(self) -> &'static str {
        use Code::*;
        match self {
            Unreadable => "F01",
            Encrypted => "F02",
            NoTable => "F03",
            UnitMissing => "F04",
            UnitUnknown => "F05",
            UnitConflict => "F06",
            PeriodMismatch => "F07",
            NotSpreadsheet => "F08",
            ValueColumnUnclear => "F09",
            ResendUndecidable => "F17",
            SheetsDisagree => "F18",
            Superseded => "F10",
            SheetIgnored => "F11",
            PeriodMissing => "F12",
            DateUnreadable => "F13",
            UnitFromFileName => "F14",
            EmptyForm => "F15",
            IndicatorMissing => "F16",
            SkipLockFile => "S01",
            SkipHidden => "S02",
            SkipOther => "S03",
            SkipOwnOutput => "S04",
            SkipNotRegular => "S05",
            NotANumber => "C01",
            Negative => "C02",
            Fraction => "C03",
            OverMax => "C04",
            FormulaNoValue => "C05",
            DateInValue => "C06",
            ErrorValue => "C07",
            UnitWord => "C08",
            CodeLabelMismatch => "C09",
            UnitOfMeasureMismatch => "C10",
            TextNumber => "W01",
            UnitConverted => "W02",
            Ambiguous => "W03",
            LabelOnly => "W04",
            UnknownRow => "W05",
            DuplicateRow => "W06",
            DotDecimal => "W07",
            UnitOfMeasureConverted => "W08",
            UnusedText => "W09",
            RuleFailed => "R00",
        }
    }

    pub fn severity(self) -> Severity {
        use Code::*;
        match self {
            Unreadable | Encrypted | NoTable | UnitMissing | UnitUnknown | UnitConflict | PeriodMismatch
            | NotSpreadsheet | ValueColumnUnclear | ResendUndecidable | SheetsDisagree => Severity::Error,
            NotANumber
            | Negative
            | Fraction
            | OverMax
            | FormulaNoValue
            | DateInValue
            | ErrorValue
            | UnitWord
            | CodeLabelMismatch
            | UnitOfMeasureMismatch => Severity::Error,
            SkipLockFile | SkipHidden | SkipOther | SkipOwnOutput | SkipNotRegular => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// Whether a finding of this code keeps the whole file out of the consolidation.
    pub fn rejects_file(self) -> bool {
        self.severity() == Severity::Error && self.as_str().starts_with('F')
    }
}

/// One problem, with where it is and what it concerns.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// A built-in code (`C01`) or a configured rule's code (`R01`).
    pub code: String,
    pub severity: Severity,
    /// Set for built-in codes, `None` for configured rules.
    pub kind: Option<Code>,
    /// Path relative to the inbox, `/` separators, NFC.
    pub file: String,
    pub sheet: Option<String>,
    /// Absolute A1 address in the original sheet, e.g. `E12`.
    pub cell: Option<String>,
    /// Unit code, when known.
    pub unit: Option<String>,
    /// Indicator code, when the finding concerns one.
    pub indicator: Option<String>,
    pub msg: Msg,
}

impl Finding {
    /// A built-in finding about a file; add place and subject with the `at_*`/`for_*` methods.
    pub fn new(code: Code, file: &str, msg: Msg) -> Finding {
        Finding { kind: Some(code), ..Finding::rule(code.as_str(), code.severity(), file, msg) }
    }

    /// A finding of a configured rule.
    pub fn rule(code: &str, severity: Severity, file: &str, msg: Msg) -> Finding {
        Finding {
            code: code.to_owned(),
            severity,
            kind: None,
            file: file.to_owned(),
            sheet: None,
            cell: None,
            unit: None,
            indicator: None,
            msg,
        }
    }

    pub fn at_sheet(mut self, sheet: &str) -> Finding {
        self.sheet = Some(sheet.to_owned());
        self
    }

    pub fn at_cell(mut self, sheet: &str, cell: String) -> Finding {
        self.sheet = Some(sheet.to_owned());
        self.cell = Some(cell);
        self
    }

    pub fn for_indicator(mut self, code: &str) -> Finding {
        self.indicator = Some(code.to_owned());
        self
    }

    pub fn for_unit(mut self, code: Option<&str>) -> Finding {
        self.unit = code.map(str::to_owned);
        self
    }

    pub fn text(&self, lang: Lang) -> String {
        self.msg.text(lang)
    }
}

/// Error and warning counts of a list of findings.
pub fn counts(findings: &[Finding]) -> (usize, usize) {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    let warnings = findings.iter().filter(|f| f.severity == Severity::Warning).count();
    (errors, warnings)
}
