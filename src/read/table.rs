//! Finding the table in a sheet and reading its rows and the header block above it.
//!
//! A table is found by its header row: a row holding a value column and at least a code or a
//! label column (header words compared folded, see [`crate::form`]). Rows are matched to
//! indicators by code first, then by label or alias. Row order, blank rows, section rows,
//! extra columns and rows of unknown indicators are all fine.

use std::collections::BTreeMap;

use calamine::Data;
use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::dates::{cell_date, cell_period, parse_period_text};
use super::value::read_value;
use super::workbook::Sheet;
use crate::config::Config;
use crate::finding::{Code, Finding};
use crate::fold::{fold, nfc};
use crate::form::{Column, HeaderField};
use crate::messages::{Msg, clip};
use crate::period::Period;

/// How far down a sheet the header row is looked for.
const HEADER_SEARCH_ROWS: u32 = 200;

/// Where a table is: its header row and the columns it has (absolute, 0-based).
#[derive(Debug, Clone, PartialEq)]
pub struct TableLoc {
    pub header_row: u32,
    pub columns: BTreeMap<Column, u32>,
}

/// A value read from one cell, with the cell's address.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `None` when the cell is empty or was refused (a finding says why).
    pub value: Option<Decimal>,
    /// Absolute A1 address of the value cell.
    pub value_cell: String,
    pub note: Option<String>,
    pub note_cell: Option<String>,
}

/// The header block's fields, with the text as typed and where it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderBlock {
    /// Unit name as typed, and its cell.
    pub unit: Option<(String, String)>,
    /// Period as typed, what it parses to, and its cell.
    pub period: Option<(String, Option<Period>, String)>,
    /// Date prepared as typed, what it parses to, and its cell.
    pub prepared: Option<(String, Option<NaiveDate>, String)>,
    pub preparer: Option<String>,
}

/// One table read from one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct TableData {
    pub sheet: String,
    pub visible: bool,
    pub header: HeaderBlock,
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

/// Absolute A1 address.
pub fn a1(row: u32, col: u32) -> String {
    rust_xlsxwriter::utility::row_col_to_cell(row, col.min(u32::from(u16::MAX)) as u16)
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

/// Which column a header text names, if any: an exact folded synonym, else a synonym
/// followed by more words (`Số liệu tháng 8`), the longest synonym winning.
fn header_column(text: &str) -> Option<Column> {
    let folded = fold(text);
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

/// The first row that holds a value column and a code or label column.
pub fn find_table(sheet: &Sheet) -> Option<TableLoc> {
    let rows = sheet.rows();
    let last = rows.end.min(rows.start.saturating_add(HEADER_SEARCH_ROWS));
    for row in rows.start..last {
        let mut columns = BTreeMap::new();
        for col in sheet.cols() {
            if let Data::String(s) = sheet.get(row, col)
                && let Some(column) = header_column(s)
            {
                columns.entry(column).or_insert(col);
            }
        }
        let has = |c| columns.contains_key(&c);
        if has(Column::Value) && (has(Column::Code) || has(Column::Label)) {
            return Some(TableLoc { header_row: row, columns });
        }
    }
    None
}

/// Reads the header block above the table: `Label: value` in one cell, or the value in the
/// next non-empty cell to the right.
pub fn read_header(sheet: &Sheet, loc: &TableLoc) -> HeaderBlock {
    let mut block = HeaderBlock::default();
    let first = sheet.rows().start;
    let mut title_period = None;
    for row in first..loc.header_row {
        let cols: Vec<u32> = sheet.cols().collect();
        for (i, &col) in cols.iter().enumerate() {
            let Data::String(text) = sheet.get(row, col) else { continue };
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
                match cols[i + 1..].iter().find(|&&c| cell_text(sheet.get(row, c)).is_some()) {
                    // The next label on the row (`Người lập:` after an empty `Ngày lập:`) is no value.
                    Some(&c) if is_label_cell(sheet.get(row, c)) => continue,
                    Some(&c) => (sheet.get(row, c).clone(), c),
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
                    block.period = Some((shown, cell_period(&value), cell));
                }
                HeaderField::Prepared if block.prepared.is_none() => {
                    block.prepared = Some((shown, cell_date(&value), cell));
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
fn title_month(text: &str) -> Option<(String, Period, String)> {
    let folded = fold(text);
    let at = folded.rfind("thang")?;
    parse_period_text(&folded[at..]).map(|p| (text.to_owned(), p, String::new()))
}

/// Reads the rows of a table: one entry per configured indicator found.
pub fn read_rows(sheet: &Sheet, loc: &TableLoc, config: &Config) -> TableData {
    let mut entries: BTreeMap<usize, Entry> = BTreeMap::new();
    // Indicators whose row had something in its value or note cell.
    let mut filled = std::collections::BTreeSet::new();
    let mut findings = Vec::new();
    let col = |c: Column| loc.columns.get(&c).copied();
    let (code_col, label_col, value_col, note_col) = (
        col(Column::Code),
        col(Column::Label),
        col(Column::Value).expect("a table has a value column"),
        col(Column::Note),
    );
    let codes: Vec<String> = config.indicators.iter().map(|i| fold(&i.code)).collect();
    let labels: Vec<Vec<String>> = config
        .indicators
        .iter()
        .map(|i| std::iter::once(&i.label).chain(&i.aliases).map(|l| fold(l)).collect())
        .collect();
    let sections: Vec<(String, String)> = config.sections.iter().map(|s| (fold(&s.code), fold(&s.title))).collect();
    let name = sheet.name.as_str();

    for row in loc.header_row + 1..sheet.rows().end {
        let text_at = |c: Option<u32>| c.and_then(|c| cell_text(sheet.get(row, c)));
        let code_text = text_at(code_col);
        let label_text = text_at(label_col);
        let value_cell = sheet.get(row, value_col);
        let formula = sheet.formulas.get(&(row, value_col)).map(String::as_str);
        let note = text_at(note_col);
        let has_content = !matches!(value_cell, Data::Empty) || formula.is_some() || note.is_some();

        // A header row repeated inside the table (a form pasted twice) is not data: its code
        // or label cell is exactly a header word.
        let is_header = |t: &Option<String>, c: Column| {
            t.as_deref().is_some_and(|t| c.headers().iter().any(|h| fold(h) == fold(t)))
        };
        if is_header(&code_text, Column::Code) || is_header(&label_text, Column::Label) {
            continue;
        }
        let by_code = code_text.as_deref().and_then(|c| codes.iter().position(|k| *k == fold(c)));
        let by_label = || {
            let label = label_text.as_deref()?;
            let (whole, stripped) = (fold(label), fold(strip_numbering(label)));
            labels
                .iter()
                .position(|ls| ls.contains(&whole))
                .or_else(|| labels.iter().position(|ls| ls.contains(&stripped)))
        };
        let index = match by_code {
            Some(i) => i,
            None => match by_label() {
                // Without a code column, matching by label is the form's own way: said once below.
                Some(i) if code_col.is_none() => i,
                Some(i) => {
                    let label = clip(label_text.as_deref().unwrap_or_default());
                    let f = Finding::new(
                        Code::LabelOnly,
                        "",
                        Msg::RowLabelOnly { label, code: config.indicators[i].code.clone() },
                    );
                    findings.push(
                        f.at_cell(name, a1(row, label_col.unwrap_or(0))).for_indicator(&config.indicators[i].code),
                    );
                    i
                }
                None => {
                    let is_section = code_text.as_deref().map(fold).is_some_and(|c| sections.iter().any(|s| s.0 == c))
                        || label_text.as_deref().map(fold).is_some_and(|l| sections.iter().any(|s| s.1 == l));
                    if has_content && !is_section && (code_text.is_some() || label_text.is_some()) {
                        let what = clip(code_text.as_deref().or(label_text.as_deref()).unwrap_or_default());
                        let value = clip(&cell_text(value_cell).unwrap_or_default());
                        let at = code_col.or(label_col).unwrap_or(value_col);
                        findings.push(
                            Finding::new(Code::UnknownRow, "", Msg::RowUnknown { what, value })
                                .at_cell(name, a1(row, at)),
                        );
                    }
                    continue;
                }
            },
        };
        let indicator = &config.indicators[index];
        // The same indicator twice: an empty first row (the form's own, left blank) gives way
        // to the filled one; of two filled rows the first is used and the other reported.
        if let Some(first) = entries.get(&index).filter(|_| filled.contains(&index)) {
            if has_content {
                let msg = Msg::RowDuplicate { code: indicator.code.clone(), first_cell: first.value_cell.clone() };
                findings.push(
                    Finding::new(Code::DuplicateRow, "", msg)
                        .at_cell(name, a1(row, value_col))
                        .for_indicator(&indicator.code),
                );
            }
            continue;
        }
        if has_content {
            filled.insert(index);
        }
        let read = read_value(value_cell, formula, indicator);
        for (code, msg) in read.findings {
            findings.push(Finding::new(code, "", msg).at_cell(name, a1(row, value_col)).for_indicator(&indicator.code));
        }
        entries.insert(
            index,
            Entry {
                value: read.value,
                value_cell: a1(row, value_col),
                note_cell: note.as_ref().and(note_col).map(|c| a1(row, c)),
                note,
            },
        );
    }
    if code_col.is_none() {
        let at = a1(loc.header_row, label_col.unwrap_or(value_col));
        findings.insert(0, Finding::new(Code::LabelOnly, "", Msg::TableWithoutCodes).at_cell(name, at));
    }
    TableData { sheet: name.to_owned(), visible: sheet.visible, header: HeaderBlock::default(), entries, findings }
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
            ("Đơn vị", None),
            ("Mãi", None),
        ];
        for (text, want) in cases {
            assert_eq!(header_column(text), want, "{text}");
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
