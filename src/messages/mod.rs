//! Every text tonghop says to its user, in Vietnamese (the default) and English.
//!
//! Code elsewhere builds a [`Msg`] value with the facts; only this module turns it into
//! words. Adding a message means adding a variant here and its text in each catalogue,
//! `vi.rs` and `en.rs`, nowhere else.

mod en;
mod parts;
mod vi;

pub use parts::{Expected, Newer, Reason, WorkbookColumn};

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

/// A user-facing message with its facts; [`Msg::text`] renders it.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    // ---- configuration problems (`config --check`, `--config`)
    ConfigSyntax {
        detail: String,
    },
    ConfigMissingTable {
        table: &'static str,
    },
    ConfigMissingField {
        table: &'static str,
        field: String,
    },
    ConfigEmptyField {
        field: String,
    },
    ConfigWrongType {
        field: String,
        expected: &'static str,
    },
    ConfigUnknownKey {
        table: &'static str,
        key: String,
    },
    ConfigNoEntries {
        table: &'static str,
    },
    ConfigBadUnitCode {
        code: String,
    },
    ConfigBadIndicatorCode {
        code: String,
    },
    ConfigReservedCode {
        code: String,
    },
    ConfigUnknownKind {
        value: String,
    },
    ConfigUnknownSeverity {
        value: String,
    },
    /// `cutoff_day`, `deadline_days` outside what they can be.
    ConfigOutOfRange {
        field: String,
        value: usize,
        min: usize,
        max: usize,
    },
    /// `from`/`until` that is not a month `YYYY-MM`.
    ConfigBadMonth {
        field: String,
        value: String,
    },
    /// A unit's `from` after its `until`.
    ConfigUnitSpan {
        from: String,
        until: String,
    },
    /// `merged_into` names no other unit.
    ConfigMergedIntoUnknown {
        code: String,
    },
    ConfigUnknownAggregate {
        value: String,
    },
    ConfigUnknownFootnote {
        value: String,
    },
    ConfigUnknownPeriod {
        value: String,
    },
    ConfigNegativeMax {
        value: String,
    },
    /// A field that takes a whole number of 0 or more (`footnote_max_units`) holds another number.
    ConfigNotWholeNumber {
        field: String,
        value: String,
    },
    ConfigDuplicateCode {
        table: &'static str,
        code: String,
        first_line: usize,
    },
    ConfigUnknownSection {
        indicator: String,
        section: String,
    },
    ConfigNameClash {
        name: String,
        other: String,
        other_line: usize,
    },
    ConfigRuleSyntax {
        expr: String,
        detail: String,
    },
    ConfigRuleUnknownCode {
        expr: String,
        name: String,
    },
    ConfigSentenceSyntax {
        indicator: String,
        detail: String,
    },

    // ---- findings: skipped files
    SkipLockFile,
    SkipHidden,
    SkipOwnOutput,
    SkipOther,
    SkipNotRegular,
    // ---- findings: files
    FileUnreadable {
        reason: Reason,
    },
    FileDamaged,
    FolderUnreadable,
    FileTooLarge {
        megabytes: u64,
        limit: u64,
    },
    FileEncrypted,
    FileNotSpreadsheet {
        extension: String,
    },
    FileNoTable {
        sheets: String,
    },
    FileTooManyCells {
        sheet: String,
        limit: usize,
    },
    FileSheetIgnored {
        sheet: String,
        period: Option<String>,
        used: String,
        hidden: bool,
    },
    FileValueColumnAmbiguous {
        columns: String,
    },
    FileValueColumnOtherTime {
        columns: String,
    },
    FileValueColumnPeriod {
        header: String,
        found: String,
        expected: String,
    },
    FileUnitConflict {
        cell_unit: String,
        file_unit: String,
    },
    /// The unit cell names a configured unit that does not report in this period.
    FileUnitNotInPeriod {
        unit: String,
        period: String,
        merged_into: Option<String>,
    },
    FileUnitUnknown {
        value: String,
        suggestion: Option<String>,
    },
    FileUnitFromName {
        unit: String,
    },
    FileUnitMissing,
    FilePeriodMismatch {
        found: String,
        expected: String,
    },
    FilePeriodUnreadable {
        value: String,
        assumed: String,
    },
    FilePeriodMissing {
        assumed: String,
    },
    FileDateUnreadable {
        value: String,
    },
    FileIndicatorMissing {
        code: String,
        label: String,
    },
    FileEmpty,
    FileSuperseded {
        by: String,
        why: Newer,
    },
    FileResendUndecidable {
        other: String,
    },
    FileSheetsDisagree {
        sheet: String,
        other: String,
        period: String,
    },
    // ---- findings: cells and rows
    CellFormulaNoValue {
        formula: String,
    },
    CellNotANumber {
        value: String,
        expected: Expected,
    },
    CellDate {
        date: String,
        expected: Expected,
    },
    CellErrorValue {
        value: String,
    },
    CellUnitWord {
        value: String,
        word: String,
        unit: String,
    },
    CellUnitConverted {
        value: String,
        read: String,
        unit: String,
    },
    CellAmbiguous {
        value: String,
        read: String,
        other: String,
    },
    CellDotDecimal {
        value: String,
        read: String,
    },
    CellTextNumber {
        value: String,
        read: String,
    },
    CellNegative {
        value: String,
    },
    CellFraction {
        value: String,
        unit: String,
    },
    CellOverMax {
        value: String,
        max: String,
        unit: String,
    },
    RowLabelOnly {
        label: String,
        code: String,
    },
    TableWithoutCodes,
    RowUnknown {
        what: String,
        value: String,
    },
    RowDuplicate {
        code: String,
        first_cell: String,
    },
    RowCodeLabelMismatch {
        code: String,
        label: String,
        label_code: String,
    },
    RowUnitMismatch {
        typed: String,
        unit: String,
    },
    RowUnitConverted {
        value: String,
        typed: String,
        read: String,
        unit: String,
    },
    ColumnUnusedText {
        column: String,
        header: String,
        example: String,
        count: usize,
    },
    // ---- findings: rules
    RuleViolated {
        message: String,
        require: String,
        values: String,
    },
    RuleFailed {
        rule: String,
        detail: String,
    },

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

    // ---- the consolidated workbook (its sheet names are fixed: `crate::outputs`)
    WorkbookDocTitle {
        title: String,
        period: String,
    },
    WorkbookSummaryTitle {
        title: String,
        period: String,
    },
    WorkbookSummaryNote {
        unit_word: String,
        submitted: String,
    },
    WorkbookSubmissionsTitle {
        period: String,
    },
    WorkbookUnusedFilesTitle,
    WorkbookFindingsTitle {
        period: String,
    },
    /// `Kiểm tra` of a month without findings.
    WorkbookNoFindings,
    WorkbookNotesTitle {
        period: String,
    },
    /// `Dữ liệu`: the CSV's rows, and the file they are the rows of.
    WorkbookDataTitle {
        period: String,
        csv: String,
    },
    WorkbookArchiveTitle {
        period: String,
    },
    /// `Tổng hợp`'s note when the figures of each unit are on `Theo đơn vị`.
    WorkbookSummaryNoteByUnit {
        unit_word: String,
        submitted: String,
        sheet: &'static str,
    },
    WorkbookByUnitTitle {
        period: String,
    },
    WorkbookByUnitNote {
        summary: &'static str,
    },
    /// A page footer in Excel's header/footer codes (`&P` page, `&N` pages).
    WorkbookPageFooter,
    WorkbookColumn(WorkbookColumn),

    // ---- check and status
    PeriodFromArgument {
        period: String,
    },
    PeriodFromFiles {
        period: String,
    },
    PeriodFromFolder {
        period: String,
    },
    CheckSummary {
        files: usize,
        errors: usize,
        warnings: usize,
    },
    CheckClean {
        files: usize,
    },
    StatusSummary {
        submitted: usize,
        total: usize,
        rejected: usize,
        missing: usize,
    },
    StatusOtherFiles,
    /// `Đúng hạn` / `Trễ hạn` in the workbook.
    OnTimeWord {
        on_time: bool,
    },
    /// `Tổng hợp` of a longer period: who reported, from which archived months.
    WorkbookSpanNote {
        unit_word: String,
        submitted: String,
        months: String,
        /// The codes of the indicators that take the last month's value (`aggregate = "last"`).
        stocks: String,
    },
    /// Under `Tổng hợp` of a longer period: the months the archive lacks.
    WorkbookSpanAbsent {
        months: String,
    },
    WorkbookMonthsTitle {
        period: String,
    },
    /// `Kiểm tra` of a longer period: a month not in the archive, or unreadable.
    WorkbookArchiveAbsent,
    WorkbookArchiveUnreadable {
        reason: String,
    },
    /// `Kiểm tra` of a longer period: an archived month and how many units it holds.
    WorkbookArchiveMonth {
        units: String,
        unit_word: String,
    },
    /// `Ghi chú` without any note.
    WorkbookNoNotes,
    /// Under `Tổng hợp`: the archived months its year-to-date figures lack.
    WorkbookHistoryMissing {
        months: String,
    },
    /// What an output covers, as a title says it: `tháng 08/2024`, `quý III năm 2024`.
    TermName {
        term: crate::period::Term,
    },
    /// A reporting window, first and last day.
    Window {
        start: String,
        end: String,
    },
    /// `Đúng hạn: 10/12`, when a deadline is configured.
    StatusOnTime {
        on_time: usize,
        total: usize,
    },
    ReceivedOnTime {
        at: String,
    },
    ReceivedLate {
        at: String,
    },
    CountsShort {
        errors: usize,
        warnings: usize,
    },

    // ---- build
    BuildSubmitted {
        submitted: String,
        unit_word: String,
    },
    BuildMissing {
        names: String,
    },
    BuildRejected {
        names: String,
    },
    BuildFindings {
        errors: usize,
        warnings: usize,
        inbox: String,
    },
    BuildWritten,
    /// `report`: which months of the period the archive holds.
    ReportMonths {
        period: String,
        used: usize,
        months: usize,
        list: String,
    },
    ReportAbsent {
        months: String,
    },
    ReportUnits {
        submitted: String,
        unit_word: String,
    },
    ReportIncomplete {
        list: String,
    },
    ReportNoMonth {
        names: String,
    },
    /// The workspace (spec §12), first run: what was made, what to do next (three lines).
    WorkspaceCreated {
        forms: usize,
        period: String,
        inbox: &'static str,
        forms_dir: &'static str,
        output: &'static str,
    },
    WorkspaceEmpty {
        inbox: String,
    },
    WorkspaceInbox {
        inbox: String,
    },
    PressEnter,
    WatchStarted {
        inbox: String,
    },
    WatchBuilt {
        at: String,
    },
    /// `report` on an archive without one month of the period.
    ReportArchiveEmpty {
        archive: String,
        period: String,
    },
    /// O01: a unit's figure far from its own earlier months.
    OutlierHistory {
        value: String,
        median: String,
        months: usize,
        from: String,
        to: String,
    },
    /// O02: a unit's figure far from the other units' this month.
    OutlierSiblings {
        value: String,
        median: String,
        units: usize,
    },
    /// A month of the archive that cannot be read: left out of the history.
    ArchiveUnreadable {
        file: String,
        reason: String,
    },
    BuildStrictRefused {
        errors: usize,
        inbox: String,
    },

    // ---- command results
    ConfigProblemAt {
        file: String,
        line: usize,
        column: usize,
        problem: String,
    },
    ConfigProblemCount {
        file: String,
        count: usize,
    },
    ConfigValid {
        file: String,
        units: usize,
        sections: usize,
        indicators: usize,
        rules: usize,
    },
    TemplateWritten {
        path: String,
    },
    TemplatesWritten {
        count: usize,
        dir: String,
    },

    // ---- could not run (exit 2)
    CannotReadFile {
        path: String,
        reason: Reason,
    },
    CannotWriteFile {
        path: String,
        reason: Reason,
    },
    /// An output to replace is open in another program: Windows refuses to replace a file that
    /// Excel (or Word) has open. `several`: one of a set of outputs, none of which was replaced.
    OutputInUse {
        path: String,
        several: bool,
    },
    CannotCreateDir {
        path: String,
        reason: Reason,
    },
    CannotWriteOutput {
        reason: Reason,
    },
    InvalidConfig {
        path: String,
    },
    UnknownUnitCode {
        code: String,
        known: String,
    },
    TemplateNotXlsx {
        path: String,
    },
    BadSpan {
        value: String,
    },
    BadPeriod {
        value: String,
    },
    CannotReadInbox {
        path: String,
        reason: Reason,
    },
    InboxNotAFolder {
        path: String,
    },
    NoPeriod {
        inbox: String,
    },
    SumOverflow {
        code: String,
    },
    OutputInsideInbox {
        output: String,
        inbox: String,
    },
    TemplateError {
        name: String,
        line: Option<usize>,
        detail: String,
    },
}

/// How a table of the configuration is shown: `[report]`, `[[unit]]`.
pub(crate) fn table_ref(table: &str, lang: Lang) -> String {
    match table {
        "" if lang == Lang::Vi => "(gốc)".to_owned(),
        "" => "(root)".to_owned(),
        "report" => "[report]".to_owned(),
        t => format!("[[{t}]]"),
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
}
