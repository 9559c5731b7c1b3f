//! Finding the table in a sheet and reading its rows and the header block above it.
//!
//! A table is found by its header row: a row holding a value column and at least a code or a
//! label column (header words compared folded, see [`crate::form`]). Rows are matched to
//! indicators by code first, then by label or alias. Row order, blank rows, section rows,
//! extra columns and rows of unknown indicators are all fine.

use std::collections::BTreeMap;

use calamine::Data;
use rust_decimal::Decimal;

use super::dates::{Prepared, cell_period, cell_prepared, parse_period_text};
use super::value::{ReadValue, RowUnit, read_value_as, row_unit};
use super::workbook::Sheet;
use crate::config::Config;
use crate::finding::{Cell, Code, Finding};
use crate::form::{Column, HeaderField, OTHER_TIME_WORDS, POSITIONAL_LABEL, THIS_PERIOD_WORDS};
use crate::messages::{Msg, clip};
use crate::names::fold::{fold, nfc};
use crate::period::Period;

/// How far down a sheet the header row is looked for.
const HEADER_SEARCH_ROWS: u32 = 200;

/// A month named in a column header (`Tháng 8`, `Số liệu tháng 8/2024`, `T8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthTag {
    pub month: u32,
    pub year: Option<i32>,
}

impl MonthTag {
    /// Whether the month names `period` (a tag without a year names the month of any year).
    pub fn is(&self, period: Period) -> bool {
        self.month == period.month() && self.year.is_none_or(|y| y == period.year())
    }

    /// `08/2024`, or `08` without a year.
    pub fn shown(&self) -> String {
        match self.year {
            Some(y) => format!("{:02}/{y}", self.month),
            None => format!("{:02}", self.month),
        }
    }
}

/// What a header cell says its column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Heading {
    /// Code, label, unit of measure, note or numbering (never [`Column::Value`]: see `Value`).
    Known(Column),
    /// Figures, of this period or of the month it names.
    Value { month: Option<MonthTag> },
    /// Figures of another time: last month, cumulative, plan (`form::OTHER_TIME_WORDS`).
    OtherTime,
}

/// A header cell: its column, its text as shown, and what it says.
#[derive(Debug, Clone)]
struct HeaderCell {
    col: u32,
    text: String,
    heading: Option<Heading>,
}

/// Where a table is: its header row (one or two rows) and what each header cell says.
#[derive(Debug, Clone)]
struct Layout {
    header_row: u32,
    /// The first row after the header (a second header row under merged cells included).
    data_from: u32,
    cells: Vec<HeaderCell>,
}

/// The columns of a table that are read (absolute, 0-based).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Columns {
    pub code: Option<u32>,
    pub label: Option<u32>,
    pub unit: Option<u32>,
    pub value: u32,
    pub note: Option<u32>,
    /// The month the value column's header names, if any, with the header text.
    pub value_month: Option<(String, MonthTag)>,
    /// Columns read or knowingly left (numbering, other times): text there is expected.
    known: Vec<u32>,
    /// Header texts of the other columns, for the warning about text left unread.
    others: BTreeMap<u32, String>,
}

/// A value read from one cell, with the cell's address.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `None` when the cell is empty or was refused (a finding says why).
    pub value: Option<Decimal>,
    /// Absolute position of the value cell.
    pub value_cell: Cell,
    pub note: Option<String>,
    pub note_cell: Option<Cell>,
}

/// The header block's fields, with the text as typed and where it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderBlock {
    /// Unit name as typed, and its cell.
    pub unit: Option<(String, Cell)>,
    /// Period as typed, what it parses to, and its cell (none when read from the title).
    pub period: Option<(String, Option<Period>, Option<Cell>)>,
    /// Date prepared as typed, what it gives, and its cell.
    pub prepared: Option<(String, Option<Prepared>, Cell)>,
    pub preparer: Option<String>,
}

/// One table read from one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct TableData {
    pub sheet: String,
    pub visible: bool,
    pub header: HeaderBlock,
    /// The month the value column's header names, if any (`Tháng 8`), with the header text.
    pub value_month: Option<(String, MonthTag)>,
    /// False when the table cannot be read (which column holds the figures is unclear): its
    /// findings say why, and it has no entries.
    pub usable: bool,
    /// Entries by indicator index in the configuration.
    pub entries: BTreeMap<usize, Entry>,
    /// Cell-level and soft findings (file and unit are filled in later).
    pub findings: Vec<Finding>,
}

impl TableData {
    /// The declared period, if it could be read.
    pub fn period(&self) -> Option<Period> {
        self.header.period.as_ref().and_then(|p| p.1)
    }

    /// Whether any value or note was given.
    pub fn is_empty(&self) -> bool {
        self.entries.values().all(|e| e.value.is_none() && e.note.is_none())
    }
}

/// The cell at an absolute position.
pub fn a1(row: u32, col: u32) -> Cell {
    Cell::new(row, col)
}

/// Letter of a column (`E`).
fn column_letter(col: u32) -> String {
    a1(0, col).to_string().trim_end_matches('1').to_owned()
}

/// Text of a cell as shown, trimmed and NFC; `None` when empty.
pub fn cell_text(cell: &Data) -> Option<String> {
    let text = match cell {
        Data::Empty => return None,
        Data::String(s) => nfc(s.trim()),
        Data::Float(f) => super::value::float_to_decimal(*f).map(|d| d.to_string()).unwrap_or_default(),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
        other => other.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

/// Whether the folded `text` holds the folded `phrase` as whole words.
fn has_phrase(text: &str, phrase: &str) -> bool {
    let phrase = fold(phrase);
    format!(" {text} ").contains(&format!(" {phrase} "))
}

/// Which column a header text names, if any: an exact folded synonym, else a synonym
/// followed by more words (`Số liệu tháng 8`), the longest synonym winning.
fn header_column(folded: &str) -> Option<Column> {
    let mut best: Option<(bool, usize, Column)> = None;
    for column in Column::ALL {
        for synonym in column.headers() {
            let syn = fold(synonym);
            let exact = folded == syn;
            let prefix = folded.len() > syn.len() && folded.starts_with(&syn) && folded.as_bytes()[syn.len()] == b' ';
            if exact || prefix {
                let candidate = (exact, syn.len(), column);
                if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                    best = Some(candidate);
                }
            }
        }
    }
    best.map(|b| b.2)
}

/// The month a folded header names: `thang 8`, `thang 8 2024`, `thang 08 nam 2024`,
/// `t8 2024`. A bare `T8` is not one: `T1 … T10` are as often residential groups (tổ).
fn header_month(folded: &str) -> Option<MonthTag> {
    let words: Vec<&str> = folded.split(' ').collect();
    let number = |w: Option<&&str>| w.and_then(|w| w.parse::<u32>().ok());
    (0..words.len()).find_map(|i| {
        let month = match words[i] {
            "thang" => number(words.get(i + 1))?,
            w => w.strip_prefix('t').filter(|d| !d.is_empty() && d.len() <= 2).and_then(|d| d.parse().ok())?,
        };
        let after = if words[i] == "thang" { i + 2 } else { i + 1 };
        let year_at = if words.get(after) == Some(&"nam") { after + 1 } else { after };
        let year = number(words.get(year_at)).filter(|y| (1000..=9999).contains(y)).map(|y| y as i32);
        if words[i] != "thang" && year.is_none() {
            return None;
        }
        (1..=12).contains(&month).then_some(MonthTag { month, year })
    })
}

/// What a header text says its column holds.
fn classify(text: &str) -> Option<Heading> {
    let folded = fold(text);
    if folded.is_empty() {
        return None;
    }
    let column = header_column(&folded);
    // Notes stay notes whatever time they speak of (`Ghi chú (so với cùng kỳ)`).
    if column == Some(Column::Note) {
        return Some(Heading::Known(Column::Note));
    }
    if OTHER_TIME_WORDS.iter().any(|w| has_phrase(&folded, w)) {
        return Some(Heading::OtherTime);
    }
    match column {
        Some(Column::Value) => return Some(Heading::Value { month: header_month(&folded) }),
        Some(column) => return Some(Heading::Known(column)),
        None => {}
    }
    if let Some(month) = header_month(&folded) {
        return Some(Heading::Value { month: Some(month) });
    }
    THIS_PERIOD_WORDS.iter().any(|w| has_phrase(&folded, w)).then_some(Heading::Value { month: None })
}

/// The header cells of one row.
fn header_cells(sheet: &Sheet, row: u32) -> Vec<HeaderCell> {
    sheet
        .row(row)
        .filter_map(|(col, d)| match d {
            Data::String(s) if !s.trim().is_empty() => {
                Some(HeaderCell { col, text: nfc(s.trim()), heading: classify(s) })
            }
            _ => None,
        })
        .collect()
}

/// The first row that holds a figures column (of any time) and a code or label column, with
/// the row under it when that row is a second header row (`Tháng 8 | Lũy kế` under a merged
/// `Số liệu`).
fn find_layout(sheet: &Sheet) -> Option<Layout> {
    let rows = sheet.row_numbers();
    let first = *rows.first()?;
    let header_row = rows.iter().copied().take_while(|&r| r < first.saturating_add(HEADER_SEARCH_ROWS)).find(|&r| {
        let cells = header_cells(sheet, r);
        let has = |f: &dyn Fn(&Heading) -> bool| cells.iter().any(|c| c.heading.as_ref().is_some_and(f));
        has(&|h| matches!(h, Heading::Value { .. } | Heading::OtherTime))
            && has(&|h| matches!(h, Heading::Known(Column::Code | Column::Label)))
    })?;
    let mut cells = header_cells(sheet, header_row);
    let below = header_row + 1;
    let sub = header_cells(sheet, below);
    // A second header row holds only text, some of it header words. Its other cells are kept
    // as they are: an unknown word under a merged `Số liệu` (`Cộng dồn | Tháng 8`) makes two
    // candidates, refused (F09), rather than the first sub-column taken as the figures.
    // A header word under a column of figures, or under a merged cell, says so; a section title
    // under `Chỉ tiêu` that happens to start with `Kết quả` does not.
    let under_figures = |s: &HeaderCell| match cells.iter().rev().find(|c| c.col <= s.col) {
        Some(p) if p.col == s.col => matches!(p.heading, Some(Heading::Value { .. } | Heading::OtherTime)),
        _ => true,
    };
    let all_text = sheet.row(below).count() == sub.len();
    let is_sub_header = all_text && sub.iter().any(|c| c.heading.is_some() && under_figures(c));
    if !is_sub_header {
        return Some(Layout { header_row, data_from: below, cells });
    }
    let above = cells.clone();
    for s in sub {
        // The parent is the header above, or the nearest one to the left (a merged cell keeps
        // its text in its first column).
        let parent = above.iter().rev().find(|c| c.col <= s.col).cloned();
        let heading = combine(parent.as_ref().and_then(|p| p.heading), s.heading);
        let text = match &parent {
            Some(p) => format!("{} / {}", p.text, s.text),
            None => s.text.clone(),
        };
        cells.retain(|c| c.col != s.col);
        cells.push(HeaderCell { col: s.col, text, heading });
    }
    cells.sort_by_key(|c| c.col);
    Some(Layout { header_row, data_from: below + 1, cells })
}

/// A column's heading from its two header rows.
fn combine(parent: Option<Heading>, sub: Option<Heading>) -> Option<Heading> {
    use Heading::*;
    match (parent, sub) {
        (Some(OtherTime), _) | (_, Some(OtherTime)) => Some(OtherTime),
        (Some(Value { month: a }), Some(Value { month: b })) => Some(Value { month: b.or(a) }),
        (_, Some(sub)) => Some(sub),
        (parent, None) => parent,
    }
}

/// Problems that make a table unreadable (F09, F07).
#[derive(Debug, Clone, PartialEq)]
enum ColumnsProblem {
    Ambiguous(Vec<(u32, String)>),
    OtherTime(Vec<(u32, String)>),
}

/// Decides which column is which. The value column must be the only column of this period's
/// figures: a header naming another time, or a month other than the declared period's, is not.
fn resolve(sheet: &Sheet, layout: &Layout, declared: Option<Period>) -> Result<Columns, ColumnsProblem> {
    let mut other_times = Vec::new();
    let mut candidates = Vec::new();
    for c in &layout.cells {
        match c.heading {
            Some(Heading::OtherTime) => other_times.push((c.col, c.text.clone())),
            Some(Heading::Value { month: Some(m) }) if declared.is_some_and(|p| !m.is(p)) => {
                other_times.push((c.col, c.text.clone()));
            }
            Some(Heading::Value { month }) => candidates.push((c.col, c.text.clone(), month)),
            _ => {}
        }
    }
    let (value, value_text, month) = match candidates.len() {
        1 => candidates.pop().expect("one candidate"),
        0 => return Err(ColumnsProblem::OtherTime(other_times)),
        _ => return Err(ColumnsProblem::Ambiguous(candidates.into_iter().map(|(c, t, _)| (c, t)).collect())),
    };
    let first = |column: Column, keep: &dyn Fn(u32) -> bool| {
        layout.cells.iter().find(|c| c.heading == Some(Heading::Known(column)) && keep(c.col)).map(|c| c.col)
    };
    let code = first(Column::Code, &|_| true);
    // `Nội dung` left of the value column is the label, right of it the notes; `Chỉ tiêu` is
    // the label wherever it stands.
    let positional =
        |c: u32| layout.cells.iter().any(|h| h.col == c && fold(&h.text).starts_with(&fold(POSITIONAL_LABEL)));
    let label = first(Column::Label, &|c| !positional(c) || c < value)
        .or_else(|| code.is_none().then(|| first(Column::Label, &|_| true)).flatten());
    let unit = first(Column::UnitOfMeasure, &|_| true);
    let stt = first(Column::Stt, &|_| true);
    let taken = [code, label, unit, stt, Some(value)];
    let free = |c: u32| !taken.contains(&Some(c)) && !other_times.iter().any(|o| o.0 == c);
    let note = first(Column::Note, &|c| free(c))
        .or_else(|| first(Column::Label, &|c| c > value && positional(c) && free(c)))
        .or_else(|| {
            // Any other text column right of the value column, headed by no known word.
            let unheaded = |c: u32| layout.cells.iter().find(|h| h.col == c).is_none_or(|h| h.heading.is_none());
            text_columns(sheet, layout).into_iter().find(|&c| c > value && free(c) && unheaded(c))
        });
    // Columns of another time are not read either: text in them (not a number) is reported.
    let known: Vec<u32> = [code, label, unit, stt, Some(value), note].into_iter().flatten().collect();
    let others = layout.cells.iter().filter(|c| !known.contains(&c.col)).map(|c| (c.col, c.text.clone())).collect();
    Ok(Columns { code, label, unit, value, note, value_month: month.map(|m| (value_text, m)), known, others })
}

/// Columns that hold text in some row under the header.
fn text_columns(sheet: &Sheet, layout: &Layout) -> Vec<u32> {
    let mut cols: Vec<u32> = sheet
        .row_numbers()
        .into_iter()
        .filter(|&r| r >= layout.data_from)
        .flat_map(|r| sheet.row(r).filter(|(_, d)| is_text(d)).map(|(c, _)| c).collect::<Vec<_>>())
        .collect();
    cols.sort_unstable();
    cols.dedup();
    cols
}

fn is_text(d: &Data) -> bool {
    matches!(d, Data::String(s) if !s.trim().is_empty())
}

/// Text that is not a number typed as text (`1.250`, `12 cuộc`): words someone wrote.
fn is_words(d: &Data) -> bool {
    matches!(d, Data::String(s) if !s.trim().is_empty() && super::value_text::parse_value_text(s, "").is_err())
}

/// Finds and reads the table of a sheet, if it has one: header block, columns, rows.
pub fn read_table(sheet: &Sheet, config: &Config) -> Option<TableData> {
    let layout = find_layout(sheet)?;
    let header = read_header(sheet, layout.header_row);
    let declared = header.period.as_ref().and_then(|p| p.1);
    let mut table = TableData {
        sheet: sheet.name.clone(),
        visible: sheet.visible,
        header,
        value_month: None,
        usable: false,
        entries: BTreeMap::new(),
        findings: Vec::new(),
    };
    match resolve(sheet, &layout, declared) {
        Ok(columns) => {
            let (entries, findings) = read_rows(sheet, &columns, layout.data_from, config);
            table.value_month = columns.value_month;
            (table.usable, table.entries, table.findings) = (true, entries, findings);
            if columns.code.is_none() {
                let at = a1(layout.header_row, columns.label.unwrap_or(columns.value));
                table
                    .findings
                    .insert(0, Finding::new(Code::LabelOnly, "", Msg::TableWithoutCodes).at_cell(&sheet.name, at));
            }
        }
        Err(problem) => {
            let list = |cols: &[(u32, String)]| {
                cols.iter()
                    .map(|(c, t)| format!("{} \"{}\"", column_letter(*c), clip(t)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (msg, at) = match &problem {
                ColumnsProblem::Ambiguous(c) => (Msg::FileValueColumnAmbiguous { columns: list(c) }, c[0].0),
                ColumnsProblem::OtherTime(c) => {
                    (Msg::FileValueColumnOtherTime { columns: list(c) }, c.first().map_or(0, |c| c.0))
                }
            };
            let f = Finding::new(Code::ValueColumnUnclear, "", msg).at_cell(&sheet.name, a1(layout.header_row, at));
            table.findings.push(f);
        }
    }
    Some(table)
}

/// Reads the header block above the table: `Label: value` in one cell, or the value in the
/// next non-empty cell to the right.
fn read_header(sheet: &Sheet, header_row: u32) -> HeaderBlock {
    let mut block = HeaderBlock::default();
    let mut title_period = None;
    for row in sheet.row_numbers().into_iter().take_while(|&r| r < header_row) {
        let cells: Vec<(u32, &Data)> = sheet.row(row).collect();
        for (i, &(col, cell)) in cells.iter().enumerate() {
            let Data::String(text) = cell else { continue };
            let text = nfc(text);
            let (label, rest) = match text.split_once(':') {
                Some((l, r)) => (l, r.trim()),
                None => (text.as_str(), ""),
            };
            let Some(field) = header_field(label) else {
                // A title such as "BÁO CÁO ... THÁNG 08/2024" gives the period when no field does.
                if title_period.is_none() {
                    title_period = title_month(&text);
                }
                continue;
            };
            // The value: after the colon, or the next non-empty cell to the right.
            let (value, value_col) = if rest.is_empty() {
                // Cells holding only spaces are empty to the eye, so they are skipped too.
                match cells[i + 1..].iter().find(|(_, d)| cell_text(d).is_some()) {
                    // The next label on the row (`Người lập:` after an empty `Ngày lập:`) is no value.
                    Some((_, d)) if is_label_cell(d) => continue,
                    Some(&(c, d)) => (d.clone(), c),
                    None => continue,
                }
            } else {
                (Data::String(rest.to_owned()), col)
            };
            let cell = a1(row, value_col);
            let Some(shown) = cell_text(&value) else { continue };
            match field {
                HeaderField::Unit if block.unit.is_none() => block.unit = Some((shown, cell)),
                HeaderField::Period if block.period.is_none() => {
                    block.period = Some((shown, cell_period(&value), Some(cell)));
                }
                HeaderField::Prepared if block.prepared.is_none() => {
                    block.prepared = Some((shown, cell_prepared(&value), cell));
                }
                HeaderField::Preparer if block.preparer.is_none() => block.preparer = Some(shown),
                _ => {}
            }
        }
    }
    if block.period.is_none()
        && let Some((shown, period, cell)) = title_period
    {
        block.period = Some((shown, Some(period), cell));
    }
    block
}

fn is_label_cell(cell: &Data) -> bool {
    match cell {
        Data::String(s) => s.trim_end().ends_with(':') || header_field(s).is_some(),
        _ => false,
    }
}

fn header_field(label: &str) -> Option<HeaderField> {
    let folded = fold(label);
    HeaderField::ALL.into_iter().find(|f| f.labels().iter().any(|l| fold(l) == folded))
}

/// `... THÁNG 08/2024` in a title line. Searched in the folded text, whose indices are its own
/// (lower-casing can change a text's length in bytes).
fn title_month(text: &str) -> Option<(String, Period, Option<Cell>)> {
    let folded = fold(text);
    let at = folded.rfind("thang")?;
    parse_period_text(&folded[at..]).map(|p| (text.to_owned(), p, None))
}

/// The folded label keys of every indicator (its label and aliases), by index.
struct LabelIndex {
    codes: Vec<String>,
    labels: Vec<Vec<String>>,
    sections: Vec<(String, String)>,
}

impl LabelIndex {
    fn new(config: &Config) -> LabelIndex {
        LabelIndex {
            codes: config.indicators.iter().map(|i| fold(&i.code)).collect(),
            labels: config
                .indicators
                .iter()
                .map(|i| std::iter::once(&i.label).chain(&i.aliases).map(|l| fold(l)).collect())
                .collect(),
            sections: config.sections.iter().map(|s| (fold(&s.code), fold(&s.title))).collect(),
        }
    }

    fn by_code(&self, code: &str) -> Option<usize> {
        let code = fold(code);
        self.codes.iter().position(|k| *k == code)
    }

    /// The indicator a label names, whole or without its numbering (`1. Tin, bài...`).
    fn by_label(&self, label: &str) -> Option<usize> {
        let (whole, stripped) = (fold(label), fold(strip_numbering(label)));
        let find = |key: &String| self.labels.iter().position(|ls| ls.contains(key));
        find(&whole).or_else(|| find(&stripped))
    }

    fn is_section(&self, code: Option<&str>, label: Option<&str>) -> bool {
        code.map(fold).is_some_and(|c| self.sections.iter().any(|s| s.0 == c))
            || label.map(fold).is_some_and(|l| self.sections.iter().any(|s| s.1 == l))
    }
}

/// Text found in a column that is not read, for one warning per column.
#[derive(Default)]
struct UnusedText {
    first: BTreeMap<u32, (u32, String)>,
    count: BTreeMap<u32, usize>,
}

/// Reads the rows of a table: one entry per configured indicator found.
fn read_rows(sheet: &Sheet, cols: &Columns, data_from: u32, config: &Config) -> (BTreeMap<usize, Entry>, Vec<Finding>) {
    let mut entries: BTreeMap<usize, Entry> = BTreeMap::new();
    // Indicators whose row had something in its value or note cell.
    let mut filled = std::collections::BTreeSet::new();
    let mut findings = Vec::new();
    let mut unused = UnusedText::default();
    let index = LabelIndex::new(config);
    let name = sheet.name.as_str();
    let value_col = cols.value;

    for row in sheet.row_numbers().into_iter().filter(|&r| r >= data_from) {
        let text_at = |c: Option<u32>| c.and_then(|c| cell_text(sheet.get(row, c)));
        let code_text = text_at(cols.code);
        let label_text = text_at(cols.label);
        let value_cell = sheet.get(row, value_col);
        let formula = sheet.formulas.get(&(row, value_col)).map(String::as_str);
        let note = text_at(cols.note);
        let has_content = !matches!(value_cell, Data::Empty) || formula.is_some() || note.is_some();

        // A header row repeated inside the table (a form pasted twice) is not data: its code
        // or label cell is exactly a header word.
        let is_header = |t: &Option<String>, c: Column| {
            t.as_deref().is_some_and(|t| c.headers().iter().any(|h| fold(h) == fold(t)))
        };
        if is_header(&code_text, Column::Code) || is_header(&label_text, Column::Label) {
            continue;
        }
        let by_code = code_text.as_deref().and_then(|c| index.by_code(c));
        let by_label = label_text.as_deref().and_then(|l| index.by_label(l));
        let at_value = a1(row, value_col);
        let i = match (by_code, by_label) {
            // The code names one indicator and the label another: a unit sorted or pasted some
            // columns and not others. Neither figure can be trusted.
            (Some(i), Some(j)) if i != j => {
                let msg = Msg::RowCodeLabelMismatch {
                    code: config.indicators[i].code.clone(),
                    label: clip(label_text.as_deref().unwrap_or_default()),
                    label_code: config.indicators[j].code.clone(),
                };
                let at = a1(row, cols.code.unwrap_or(value_col));
                findings.push(
                    Finding::new(Code::CodeLabelMismatch, "", msg)
                        .at_cell(name, at)
                        .for_indicator(&config.indicators[i].code),
                );
                entries.entry(i).or_insert(Entry { value: None, value_cell: at_value, note: None, note_cell: None });
                continue;
            }
            (Some(i), _) => i,
            // Without a code column, matching by label is the form's own way: said once.
            (None, Some(i)) if cols.code.is_none() => i,
            (None, Some(i)) => {
                let label = clip(label_text.as_deref().unwrap_or_default());
                let f = Finding::new(
                    Code::LabelOnly,
                    "",
                    Msg::RowLabelOnly { label, code: config.indicators[i].code.clone() },
                );
                findings
                    .push(f.at_cell(name, a1(row, cols.label.unwrap_or(0))).for_indicator(&config.indicators[i].code));
                i
            }
            (None, None) => {
                let is_section = index.is_section(code_text.as_deref(), label_text.as_deref());
                if has_content && !is_section && (code_text.is_some() || label_text.is_some()) {
                    let what = clip(code_text.as_deref().or(label_text.as_deref()).unwrap_or_default());
                    let value = clip(&cell_text(value_cell).unwrap_or_default());
                    let at = cols.code.or(cols.label).unwrap_or(value_col);
                    findings.push(
                        Finding::new(Code::UnknownRow, "", Msg::RowUnknown { what, value }).at_cell(name, a1(row, at)),
                    );
                }
                continue;
            }
        };
        let indicator = &config.indicators[i];
        // The same indicator twice: an empty first row (the form's own, left blank) gives way
        // to the filled one; of two filled rows the first is used and the other reported.
        if let Some(first) = entries.get(&i).filter(|_| filled.contains(&i)) {
            if has_content {
                let msg = Msg::RowDuplicate { code: indicator.code.clone(), first_cell: first.value_cell.to_string() };
                findings.push(
                    Finding::new(Code::DuplicateRow, "", msg).at_cell(name, at_value).for_indicator(&indicator.code),
                );
            }
            continue;
        }
        if has_content {
            filled.insert(i);
        }
        for (c, d) in sheet.row(row) {
            if is_words(d) && !cols.known.contains(&c) {
                unused.first.entry(c).or_insert_with(|| (row, cell_text(d).unwrap_or_default()));
                *unused.count.entry(c).or_default() += 1;
            }
        }
        // The row's own unit of measure, when it differs from the indicator's.
        let read = match text_at(cols.unit).map(|typed| row_unit(&typed, indicator)) {
            Some(Err(typed)) if has_content && !matches!(value_cell, Data::Empty) => {
                let msg = Msg::RowUnitMismatch { typed: clip(&typed), unit: indicator.unit.clone() };
                let at = a1(row, cols.unit.unwrap_or(value_col));
                findings.push(
                    Finding::new(Code::UnitOfMeasureMismatch, "", msg).at_cell(name, at).for_indicator(&indicator.code),
                );
                ReadValue::default()
            }
            Some(Ok(unit)) => read_value_as(value_cell, formula, indicator, &unit),
            _ => read_value_as(value_cell, formula, indicator, &RowUnit::Same),
        };
        for (code, msg) in read.findings {
            findings.push(Finding::new(code, "", msg).at_cell(name, at_value).for_indicator(&indicator.code));
        }
        entries.insert(
            i,
            Entry {
                value: read.value,
                value_cell: at_value,
                note_cell: note.as_ref().and(cols.note).map(|c| a1(row, c)),
                note,
            },
        );
    }
    for (col, (row, example)) in unused.first {
        let msg = Msg::ColumnUnusedText {
            column: column_letter(col),
            header: cols.others.get(&col).cloned().unwrap_or_default(),
            example: clip(&example),
            count: unused.count[&col],
        };
        findings.push(Finding::new(Code::UnusedText, "", msg).at_cell(name, a1(row, col)));
    }
    (entries, findings)
}

/// `1. Tin, bài...`, `2) Tin, bài...` or `a. Tin, bài...` → `Tin, bài...`: the numbering some
/// units type in front of labels. Only a number or a single letter followed by `.` or `)` is
/// numbering; `Y tế` keeps its first word.
fn strip_numbering(label: &str) -> &str {
    let trimmed = label.trim_start();
    let head_len = trimmed.find(['.', ')']).unwrap_or(0);
    let head = &trimmed[..head_len];
    let is_number = !head.is_empty() && head.len() <= 3 && head.bytes().all(|b| b.is_ascii_digit());
    let is_letter = head.len() == 1 && head.bytes().all(|b| b.is_ascii_alphabetic());
    if is_number || is_letter { trimmed[head_len + 1..].trim_start() } else { label }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_words() {
        let cases = [
            ("Mã", Some(Column::Code)),
            ("MÃ SỐ", Some(Column::Code)),
            ("Chỉ tiêu", Some(Column::Label)),
            ("Nội dung", Some(Column::Label)),
            ("Nội dung cụ thể", Some(Column::Note)),
            ("Ghi chú / nội dung cụ thể", Some(Column::Note)),
            ("Đơn vị tính", Some(Column::UnitOfMeasure)),
            ("ĐVT", Some(Column::UnitOfMeasure)),
            ("Số liệu", Some(Column::Value)),
            ("Số liệu tháng 8", Some(Column::Value)),
            ("Kết quả", Some(Column::Value)),
            ("Đơn vị", Some(Column::UnitOfMeasure)),
            ("Đ.V.T", Some(Column::UnitOfMeasure)),
            ("Mãi", None),
        ];
        for (text, want) in cases {
            assert_eq!(header_column(&fold(text)), want, "{text}");
        }
    }

    #[test]
    fn what_headers_say() {
        let month = |m, y| Some(Heading::Value { month: Some(MonthTag { month: m, year: y }) });
        let value = Some(Heading::Value { month: None });
        let cases = [
            ("Số liệu", value),
            ("Số liệu tháng này", value),
            ("Kỳ này", value),
            ("Thực hiện trong tháng", value),
            ("Số liệu tháng 8", month(8, None)),
            ("Tháng 8/2024", month(8, Some(2024))),
            ("tháng 08 năm 2024", month(8, Some(2024))),
            ("T8/2024", month(8, Some(2024))),
            ("T8", None),
            ("Cộng dồn", Some(Heading::OtherTime)),
            ("Ghi chú (so với cùng kỳ)", Some(Heading::Known(Column::Note))),
            ("Số liệu tháng trước", Some(Heading::OtherTime)),
            ("Lũy kế từ đầu năm", Some(Heading::OtherTime)),
            ("Luỹ kế", Some(Heading::OtherTime)),
            ("Cùng kỳ năm trước", Some(Heading::OtherTime)),
            ("Kế hoạch năm", Some(Heading::OtherTime)),
            ("Chỉ tiêu năm 2024", Some(Heading::OtherTime)),
            ("Chỉ tiêu", Some(Heading::Known(Column::Label))),
            ("Nội dung chi tiết", Some(Heading::Known(Column::Note))),
            ("Kết quả cụ thể", Some(Heading::Known(Column::Note))),
            ("Kết quả", value),
            ("TT", Some(Heading::Known(Column::Stt))),
            ("Tháng", None),
            ("Ý kiến", None),
        ];
        for (text, want) in cases {
            assert_eq!(classify(text), want, "{text}");
        }
    }

    #[test]
    fn numbering_is_stripped_from_labels() {
        let cases = [
            ("1. Lớp tập huấn", "Lớp tập huấn"),
            ("12) Lớp tập huấn", "Lớp tập huấn"),
            ("a. Lớp tập huấn", "Lớp tập huấn"),
            ("Lớp tập huấn", "Lớp tập huấn"),
            ("Y tế cơ sở", "Y tế cơ sở"),
            ("Số tiền vận động ủng hộ Quỹ “Vì người nghèo”", "Số tiền vận động ủng hộ Quỹ “Vì người nghèo”"),
            ("2024. năm", "2024. năm"),
        ];
        for (label, want) in cases {
            assert_eq!(strip_numbering(label), want, "{label}");
        }
    }
}
