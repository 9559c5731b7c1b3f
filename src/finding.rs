//! Findings: problems found inside one submission, collected and reported, never thrown.

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The file, cell or rule value is not used (or, for rules, flagged as wrong).
    Error,
    /// The value is used, but the clerk should look at it.
    Warning,
    /// Nothing wrong: a file that is not a submission was skipped.
    Info,
}

impl Severity {
    /// The stable name used in JSON and configuration.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}
