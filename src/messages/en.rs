//! The English catalogue (`--lang en`): every [`Msg`], word for word as in Vietnamese.

use super::{Lang, Msg, Newer, WorkbookColumn, table_ref};
use crate::period::{SpanKind, Term};

impl Msg {
    pub(super) fn en(&self) -> String {
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
            ConfigOutOfRange { field, value, min, max } => {
                format!("{field} = {value} is not valid: a whole number from {min} to {max} is expected")
            }
            ConfigBadMonth { field, value } => {
                format!("{field} = \"{value}\" is not a month: write it \"YYYY-MM\", e.g. \"2024-12\"")
            }
            ConfigUnitSpan { from, until } => {
                format!("until = \"{until}\" comes before from = \"{from}\": the unit has no period to report for")
            }
            ConfigMergedIntoUnknown { code } => format!("merged_into = \"{code}\" is not the code of another unit"),
            ConfigUnknownFootnote { value } => format!(
                "footnote = \"{value}\" is not valid: use \"notes\" (each unit's note) or \"units\" (the units' names and figures)"
            ),
            ConfigUnknownAggregate { value } => {
                format!(
                    "aggregate = \"{value}\" is not valid: use \"sum\" (add the months) or \"last\" (the last month)"
                )
            }
            ConfigUnknownPeriod { value } => format!("period = \"{value}\" is not valid: only \"month\" is supported"),
            ConfigNegativeMax { value } => format!("max = {value} is not valid: it must be 0 or more"),
            ConfigNotWholeNumber { field, value } => {
                format!("{field} = {value} is not valid: it must be a whole number, 0 or more")
            }
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
            FileUnitNotInPeriod { unit, period, merged_into } => match merged_into {
                Some(m) => {
                    format!("{unit} no longer reports for {period}: it merged into {m}; {m}'s report is expected")
                }
                None => {
                    format!("{unit} does not report for {period} (outside the unit's from/until in the configuration)")
                }
            },
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
                let rows = if *count == 1 { "row" } else { "rows" };
                format!(
                    "column {column}{header} holds text in {count} {rows} that is not read (e.g. \"{example}\"); notes belong in the \"Ghi chú\" column"
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
            WorkbookDocTitle { title, period } => format!("Summary: {title}, {period}"),
            WorkbookSummaryTitle { title, period } => {
                format!("SUMMARY: {}, {}", title.to_uppercase(), period)
            }
            WorkbookSummaryNote { unit_word, submitted } => format!(
                "Reports received ({unit_word}): {submitted}. Units of measure as in the column “Unit”; an empty cell: the unit did not report it."
            ),
            WorkbookSubmissionsTitle { period } => format!("REPORTS RECEIVED FOR {period}"),
            WorkbookUnusedFilesTitle => "FILES NOT USED".to_owned(),
            WorkbookFindingsTitle { period } => format!("FINDINGS, {period}"),
            WorkbookNoFindings => "No errors or warnings.".to_owned(),
            WorkbookNotesTitle { period } => format!("NOTES OF THE UNITS, {period}"),
            WorkbookDataTitle { period, csv } => format!("DATA, {period} (the rows of {csv}, to filter and compute)"),
            WorkbookArchiveTitle { period } => format!("MONTHS IN THE ARCHIVE, {period}"),
            WorkbookSummaryNoteByUnit { unit_word, submitted, sheet } => {
                format!("Reports received ({unit_word}): {submitted}. Each unit's figures: sheet “{sheet}”.")
            }
            WorkbookByUnitTitle { period } => format!("FIGURES BY UNIT, {period}"),
            WorkbookByUnitNote { summary } => format!(
                "One row per unit, one column per indicator (totals: sheet “{summary}”); an empty cell: the unit did not report it."
            ),
            WorkbookPageFooter => "Page &P/&N".to_owned(),
            WorkbookColumn(c) => column(*c).to_owned(),
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
            StatusOnTime { on_time, total } => format!("On time: {on_time}/{total}"),
            OnTimeWord { on_time: true } => "On time".to_owned(),
            OnTimeWord { on_time: false } => "Late".to_owned(),
            WorkbookHistoryMissing { months } => {
                format!("The archive lacks the months {months}: year-to-date figures that need them are left empty.")
            }
            WorkbookSpanNote { unit_word, submitted, months, stocks } => format!(
                "Units ({unit_word}) with reports in the period: {submitted}. Figures added up from the months {months}{}; an empty cell: the unit did not report it.",
                if stocks.is_empty() { String::new() } else { format!(" ({stocks}: the last month's figure)") }
            ),
            WorkbookSpanAbsent { months } => {
                format!("The archive lacks the months {months}: the figures above do not include them.")
            }
            WorkbookMonthsTitle { period } => format!("MONTHS REPORTED, {period}"),
            WorkbookArchiveAbsent => "Not in the archive folder: that month was never built.".to_owned(),
            WorkbookArchiveUnreadable { reason } => format!("Cannot be read ({reason})."),
            WorkbookArchiveMonth { units, unit_word } => format!("Figures of {units} units ({unit_word})."),
            WorkbookNoNotes => "No notes.".to_owned(),
            TermName { term: Term::Month(p) } => p.vn(),
            TermName { term: Term::Span(s) } => match s.kind() {
                SpanKind::Quarter(q) => format!("Q{q} {}", s.first.year()),
                SpanKind::FirstMonths(n) => format!("the first {n} months of {}", s.first.year()),
                SpanKind::Year => s.first.year().to_string(),
                SpanKind::Range => format!("{} to {}", s.first.vn(), s.last.vn()),
            },
            Window { start, end } => format!("{start} to {end}"),
            ReceivedOnTime { at } => format!("received {at}, on time"),
            ReceivedLate { at } => format!("received {at}, late"),
            StatusOtherFiles => "Other files:".to_owned(),
            CountsShort { errors, warnings } => format!("errors: {errors}, warnings: {warnings}"),
            BuildSubmitted { submitted, unit_word } => format!("Submitted: {submitted} ({unit_word})."),
            BuildMissing { names } => format!("Missing: {names}."),
            BuildRejected { names } => format!("Rejected: {names}."),
            BuildFindings { errors, warnings, inbox } => {
                format!("{errors} errors, {warnings} warnings; details: tonghop check {inbox}")
            }
            BuildWritten => "Written:".to_owned(),
            ReportMonths { period, used, months, list } => {
                format!("Report for {period}: the archive holds {used}/{months} months ({list}).")
            }
            ReportAbsent { months } => format!(
                "The archive lacks the months {months}: the figures do not include them (run tonghop build for those months, then the report again)."
            ),
            WorkspaceCreated { forms, period, inbox, forms_dir, output } => format!(
                "Workspace created: {inbox}/ (the inbox), {forms_dir}/ ({forms} forms for {period}), cau-hinh.toml (the configuration, to edit if needed).\n\
                 Send the forms in {forms_dir}/ to the units; copy the files they send back into {inbox}/ (or {inbox}/2024-08/ per month).\n\
                 Run tonghop again (double-click) to consolidate: the outputs go to {output}/."
            ),
            WorkspaceEmpty { inbox } => {
                format!("The folder {inbox}/ holds no file yet: copy the units' files into it, then run tonghop again.")
            }
            WorkspaceInbox { inbox } => format!("Inbox: {inbox}"),
            PressEnter => "Press Enter to close this window.".to_owned(),
            WatchStarted { inbox } => {
                format!("Watching {inbox}: new or changed files are consolidated again (Ctrl-C to stop).")
            }
            WatchBuilt { at } => format!("[{at}] Consolidated again."),
            ReportUnits { submitted, unit_word } => format!("Reports in the period: {submitted} {unit_word}."),
            ReportIncomplete { list } => format!("Not every month: {list}."),
            ReportNoMonth { names } => format!("No report in any month: {names}."),
            ReportArchiveEmpty { archive, period } => format!(
                "The archive folder \"{archive}\" holds no month of {period} (the tong-hop-YEAR-MONTH.csv files tonghop build writes): run tonghop build for each month, or name the archive with --archive"
            ),
            OutlierHistory { value, median, months, from, to } => format!(
                "the figure {value} is far from the unit's earlier months (median {median}, over {months} months {from}–{to}): check it with the unit"
            ),
            OutlierSiblings { value, median, units } => format!(
                "the figure {value} is far from the other units' this month (median {median} of {units} units reporting): check it with the unit"
            ),
            ArchiveUnreadable { file, reason } => {
                format!("Warning: the archived month \"{file}\" cannot be read ({reason}); it counts as missing")
            }
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
            OutputInUse { path, several } => format!(
                "Cannot replace \"{path}\": the file is open in Excel (or Word). Close the file in Excel and run again. {}",
                if *several {
                    "No output was replaced: the earlier ones are intact."
                } else {
                    "The earlier file is intact."
                }
            ),
            CannotCreateDir { path, reason } => format!("Cannot create folder \"{path}\": {}", reason.text(Lang::En)),
            CannotWriteOutput { reason } => format!("Cannot print the results: {}", reason.text(Lang::En)),
            InvalidConfig { path } => {
                format!("Configuration \"{path}\" has problems; see them with: tonghop config --check {path}")
            }
            UnknownUnitCode { code, known } => format!("No unit has code \"{code}\". Valid codes: {known}"),
            TemplateNotXlsx { path } => {
                format!(
                    "The form is an .xlsx file: \"{path}\" has another extension; end the name with .xlsx (or leave it out)"
                )
            }
            BadSpan { value } => format!(
                "Period \"{value}\" is not valid: use 2024-Q3 (quarter), 2024-H1 (six months), 2024-9T (nine months), 2024 (year) or 2024-01..2024-09"
            ),
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

fn type_en(expected: &str) -> &'static str {
    match expected {
        "text" => "a quoted string",
        "list of texts" => "a list of strings, e.g. [\"a\", \"b\"]",
        "true/false" => "true or false",
        "number" => "a number",
        "whole number" => "a whole number, 0 or more",
        "table" => "a table",
        "array of tables" => "an array of tables [[...]]",
        _ => "another value",
    }
}

fn column(c: WorkbookColumn) -> &'static str {
    use WorkbookColumn::*;
    match c {
        Number => "No.",
        Code => "Code",
        Indicator => "Indicator",
        UnitOfMeasure => "Unit",
        Total => "Total",
        UnitsReporting => "Units reporting",
        Unit => "Unit",
        State => "State",
        File => "File",
        Prepared => "Prepared",
        Errors => "Errors",
        Warnings => "Warnings",
        Outcome => "Outcome",
        Reason => "Reason",
        Severity => "Severity",
        Sheet => "Sheet",
        Cell => "Cell",
        Figure => "Figure",
        Content => "Content",
        Received => "Received",
        OnTime => "On time",
        Ytd => "Year to date",
        SamePeriodLastYear => "Same month last year",
        YtdLastYear => "Year to date last year",
        MonthsReported => "Months reported",
        MonthsMissing => "Months without a report",
        Month => "Month",
        ArchiveFile => "Archive file",
        Period => "Period",
        UnitCode => "Unit code",
        Sha256 => "SHA-256 of the file",
    }
}
