//! The table's rows: each matched to an indicator by its code, else by its label or an alias,
//! its value read as the row's unit of measure says, its note kept. Row order, blank rows,
//! section rows and extra columns are all fine.

use std::collections::BTreeMap;

use calamine::Data;

use super::columns::{Columns, column_letter, is_header_word, is_words};
use super::{Entry, a1, cell_text};
use crate::config::Config;
use crate::finding::{Code, Finding};
use crate::form::Column;
use crate::messages::{Msg, clip};
use crate::names::fold::fold;
use crate::read::value::{ReadValue, RowUnit, read_value_as, row_unit};
use crate::read::workbook::Sheet;

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

    /// The indicator a folded code names.
    fn by_code(&self, code: &str) -> Option<usize> {
        self.codes.iter().position(|k| k == code)
    }

    /// The indicator a label names, whole (`folded`) or without its numbering (`1. Tin,
    /// bài...`).
    fn by_label(&self, label: &str, folded: &str) -> Option<usize> {
        let find = |key: &str| self.labels.iter().position(|ls| ls.iter().any(|l| l == key));
        find(folded).or_else(|| find(&fold(strip_numbering(label))))
    }

    /// Whether a row's folded code or label is a section's.
    fn is_section(&self, code: Option<&str>, label: Option<&str>) -> bool {
        code.is_some_and(|c| self.sections.iter().any(|s| s.0 == c))
            || label.is_some_and(|l| self.sections.iter().any(|s| s.1 == l))
    }
}

/// Text found in a column that is not read, for one warning per column.
#[derive(Default)]
struct UnusedText {
    first: BTreeMap<u32, (u32, String)>,
    count: BTreeMap<u32, usize>,
}

/// Reads the rows of a table: one entry per configured indicator found.
pub(super) fn read_rows(
    sheet: &Sheet,
    cols: &Columns,
    data_from: u32,
    config: &Config,
) -> (BTreeMap<usize, Entry>, Vec<Finding>) {
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
        // Each text is folded once for all the comparisons below.
        let code_key = code_text.as_deref().map(fold);
        let label_key = label_text.as_deref().map(fold);
        if code_key.as_deref().is_some_and(|k| is_header_word(k, Column::Code))
            || label_key.as_deref().is_some_and(|k| is_header_word(k, Column::Label))
        {
            continue;
        }
        let by_code = code_key.as_deref().and_then(|c| index.by_code(c));
        let by_label = label_text.as_deref().zip(label_key.as_deref()).and_then(|(l, k)| index.by_label(l, k));
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
                let is_section = index.is_section(code_key.as_deref(), label_key.as_deref());
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
            if !cols.known.contains(&c) && is_words(d) {
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
