//! The table's columns, found by its header row: which column holds the code, the label, the
//! unit of measure, the notes, and this period's figures. A header naming another time
//! (`Tháng trước`, `Lũy kế`, `Kế hoạch`) or another month is never the value column; several
//! candidates, or none, leave the table unread (F09).

use std::collections::BTreeMap;
use std::sync::LazyLock;

use calamine::Data;

use super::a1;
use crate::form::{Column, OTHER_TIME_WORDS, POSITIONAL_LABEL, THIS_PERIOD_WORDS};
use crate::names::fold::{fold, words};
use crate::period::Period;
use crate::read::workbook::Sheet;

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
pub(super) struct Layout {
    pub(super) header_row: u32,
    /// The first row after the header (a second header row under merged cells included).
    pub(super) data_from: u32,
    cells: Vec<HeaderCell>,
}

/// The columns of a table that are read (absolute, 0-based).
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Columns {
    pub code: Option<u32>,
    pub label: Option<u32>,
    pub unit: Option<u32>,
    pub value: u32,
    pub note: Option<u32>,
    /// The month the value column's header names, if any, with the header text.
    pub value_month: Option<(String, MonthTag)>,
    /// Columns read or knowingly left (numbering, other times): text there is expected.
    pub(super) known: Vec<u32>,
    /// Header texts of the other columns, for the warning about text left unread.
    pub(super) others: BTreeMap<u32, String>,
}

/// Letter of a column (`E`).
pub(super) fn column_letter(col: u32) -> String {
    a1(0, col).to_string().trim_end_matches('1').to_owned()
}

/// The form's header words, folded once (headers are classified for every row a table is
/// looked for in, in every file).
struct Vocabulary {
    /// Each column's synonyms, in `Column::ALL` order.
    columns: Vec<(Column, String)>,
    /// Phrases, as their folded words.
    other_time: Vec<Vec<String>>,
    this_period: Vec<Vec<String>>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(|| Vocabulary {
    columns: Column::ALL.into_iter().flat_map(|c| c.headers().iter().map(move |h| (c, fold(h)))).collect(),
    other_time: OTHER_TIME_WORDS.iter().map(|w| words(w)).collect(),
    this_period: THIS_PERIOD_WORDS.iter().map(|w| words(w)).collect(),
});

/// Whether a folded text is exactly one of a column's header words (a header row repeated
/// inside the table).
pub(super) fn is_header_word(folded: &str, column: Column) -> bool {
    VOCABULARY.columns.iter().any(|(c, h)| *c == column && h == folded)
}

/// Whether a phrase's words stand in a text's words, in a row.
fn has_phrase(words: &[&str], phrase: &[String]) -> bool {
    !phrase.is_empty() && words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| *a == b))
}

/// Which column a header text names, if any: an exact folded synonym, else a synonym
/// followed by more words (`Số liệu tháng 8`), the longest synonym winning.
fn header_column(folded: &str) -> Option<Column> {
    let mut best: Option<(bool, usize, Column)> = None;
    for (column, syn) in &VOCABULARY.columns {
        let exact = folded == syn;
        let prefix =
            folded.len() > syn.len() && folded.starts_with(syn.as_str()) && folded.as_bytes()[syn.len()] == b' ';
        if exact || prefix {
            let candidate = (exact, syn.len(), *column);
            if best.is_none_or(|b| (candidate.0, candidate.1) > (b.0, b.1)) {
                best = Some(candidate);
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
    let words: Vec<&str> = folded.split(' ').collect();
    if VOCABULARY.other_time.iter().any(|p| has_phrase(&words, p)) {
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
    VOCABULARY.this_period.iter().any(|p| has_phrase(&words, p)).then_some(Heading::Value { month: None })
}

/// The header cells of one row.
fn header_cells(sheet: &Sheet, row: u32) -> Vec<HeaderCell> {
    sheet
        .row(row)
        .filter_map(|(col, d)| match d {
            Data::String(s) if !s.trim().is_empty() => {
                Some(HeaderCell { col, text: s.trim().to_owned(), heading: classify(s) })
            }
            _ => None,
        })
        .collect()
}

/// The first row that holds a figures column (of any time) and a code or label column, with
/// the row under it when that row is a second header row (`Tháng 8 | Lũy kế` under a merged
/// `Số liệu`).
pub(super) fn find_layout(sheet: &Sheet) -> Option<Layout> {
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
pub(super) enum ColumnsProblem {
    Ambiguous(Vec<(u32, String)>),
    OtherTime(Vec<(u32, String)>),
}

/// Decides which column is which. The value column must be the only column of this period's
/// figures: a header naming another time, or a month other than the declared period's, is not.
pub(super) fn resolve(sheet: &Sheet, layout: &Layout, declared: Option<Period>) -> Result<Columns, ColumnsProblem> {
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
pub(super) fn is_words(d: &Data) -> bool {
    matches!(d, Data::String(s) if !s.trim().is_empty() && crate::read::value_text::parse_value_text(s, "").is_err())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// `has_phrase` finds what padding both folded texts with spaces and searching found.
        #[test]
        fn phrases_are_found_as_whole_words(text in "[ab ]{0,12}", phrase in "[ab ]{1,5}") {
            let text = fold(&text);
            let phrase = fold(&phrase);
            let padded = !phrase.is_empty() && format!(" {text} ").contains(&format!(" {phrase} "));
            let words: Vec<&str> = text.split(' ').collect();
            proptest::prop_assert_eq!(has_phrase(&words, &super::words(&phrase)), padded);
        }
    }

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
}
