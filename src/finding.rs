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

/// What a finding of a code does to the file or cell it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// The whole file is not used.
    RejectsFile,
    /// The file is used (or was replaced by a newer one), with a remark.
    File,
    /// Not a submission: skipped, nothing wrong.
    Skipped,
    /// The cell is not used; the rest of the file is.
    RejectsCell,
    /// The value is used, with a remark.
    Value,
    /// A configured rule.
    Rule,
}

/// The one table of built-in codes: variant, stable code, severity, scope, in the order of the
/// README's findings table (a test checks the README against it, row by row).
macro_rules! codes {
    ($($variant:ident = $code:literal, $severity:ident, $scope:ident;)*) => {
        /// The built-in finding codes. Configured rules add their own codes (`R01`...).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every built-in code, in the order of the README's table.
            pub const ALL: &[Code] = &[$(Code::$variant,)*];

            /// The stable code shown to users and in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            pub fn scope(self) -> Scope {
                match self {
                    $(Code::$variant => Scope::$scope,)*
                }
            }
        }
    };
}

codes! {
    Unreadable = "F01", Error, RejectsFile;
    Encrypted = "F02", Error, RejectsFile;
    NoTable = "F03", Error, RejectsFile;
    UnitMissing = "F04", Error, RejectsFile;
    UnitUnknown = "F05", Error, RejectsFile;
    UnitConflict = "F06", Error, RejectsFile;
    PeriodMismatch = "F07", Error, RejectsFile;
    NotSpreadsheet = "F08", Error, RejectsFile;
    ValueColumnUnclear = "F09", Error, RejectsFile;
    Superseded = "F10", Warning, File;
    SheetIgnored = "F11", Warning, File;
    PeriodMissing = "F12", Warning, File;
    DateUnreadable = "F13", Warning, File;
    UnitFromFileName = "F14", Warning, File;
    EmptyForm = "F15", Warning, File;
    IndicatorMissing = "F16", Warning, File;
    ResendUndecidable = "F17", Error, RejectsFile;
    SheetsDisagree = "F18", Error, RejectsFile;
    SkipLockFile = "S01", Info, Skipped;
    SkipHidden = "S02", Info, Skipped;
    SkipOther = "S03", Info, Skipped;
    SkipOwnOutput = "S04", Info, Skipped;
    SkipNotRegular = "S05", Info, Skipped;
    NotANumber = "C01", Error, RejectsCell;
    Negative = "C02", Error, RejectsCell;
    Fraction = "C03", Error, RejectsCell;
    OverMax = "C04", Error, RejectsCell;
    FormulaNoValue = "C05", Error, RejectsCell;
    DateInValue = "C06", Error, RejectsCell;
    ErrorValue = "C07", Error, RejectsCell;
    UnitWord = "C08", Error, RejectsCell;
    CodeLabelMismatch = "C09", Error, RejectsCell;
    UnitOfMeasureMismatch = "C10", Error, RejectsCell;
    TextNumber = "W01", Warning, Value;
    UnitConverted = "W02", Warning, Value;
    Ambiguous = "W03", Warning, Value;
    LabelOnly = "W04", Warning, Value;
    UnknownRow = "W05", Warning, Value;
    DuplicateRow = "W06", Warning, Value;
    DotDecimal = "W07", Warning, Value;
    UnitOfMeasureConverted = "W08", Warning, Value;
    UnusedText = "W09", Warning, Value;
    OutlierHistory = "O01", Warning, Value;
    OutlierSiblings = "O02", Warning, Value;
    RuleFailed = "R00", Warning, Rule;
}

impl Code {
    /// Whether a finding of this code keeps the whole file out of the consolidation.
    pub fn rejects_file(self) -> bool {
        self.scope() == Scope::RejectsFile
    }
}

/// A cell's absolute position in its sheet, 0-based (calamine's ranges need not start at A1;
/// positions are made absolute when read). Shown as an A1 address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub row: u32,
    pub col: u32,
}

impl Cell {
    pub fn new(row: u32, col: u32) -> Cell {
        Cell { row, col }
    }
}

impl std::fmt::Display for Cell {
    /// `E12`. Columns past Excel's last (XFD) are shown as XFD: .ods sheets may be wider.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let col = self.col.min(u32::from(u16::MAX)) as u16;
        f.write_str(&rust_xlsxwriter::utility::row_col_to_cell(self.row, col))
    }
}

impl Serialize for Cell {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
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
    /// Absolute position in the original sheet, shown `E12`.
    pub cell: Option<Cell>,
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

    pub fn at_cell(mut self, sheet: &str, cell: Cell) -> Finding {
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
