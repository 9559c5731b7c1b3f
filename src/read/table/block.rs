//! The header block above the table: `Đơn vị`, `Kỳ báo cáo`, `Ngày lập`, `Người lập`, as
//! `Label: value` in one cell or the value in the next cell to the right; else the month of a
//! title line (`BÁO CÁO ... THÁNG 08/2024`).

use std::sync::LazyLock;

use calamine::Data;

use super::{HeaderBlock, a1, cell_text};
use crate::finding::Cell;
use crate::form::HeaderField;
use crate::names::fold::fold;
use crate::period::Period;
use crate::read::dates::{cell_period, cell_prepared, parse_period_text};
use crate::read::workbook::Sheet;

/// Reads the header block above the table: `Label: value` in one cell, or the value in the
/// next non-empty cell to the right.
pub(super) fn read_header(sheet: &Sheet, header_row: u32) -> HeaderBlock {
    let mut block = HeaderBlock::default();
    let mut title_period = None;
    for row in sheet.row_numbers().into_iter().take_while(|&r| r < header_row) {
        let cells: Vec<(u32, &Data)> = sheet.row(row).collect();
        for (i, &(col, cell)) in cells.iter().enumerate() {
            let Data::String(text) = cell else { continue };
            let (label, rest) = match text.split_once(':') {
                Some((l, r)) => (l, r.trim()),
                None => (text.as_str(), ""),
            };
            let Some(field) = header_field(label) else {
                // A title such as "BÁO CÁO ... THÁNG 08/2024" gives the period when no field does.
                if title_period.is_none() {
                    title_period = title_month(text);
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
    // The labels folded once, not for every cell of every header block.
    static LABELS: LazyLock<Vec<(HeaderField, String)>> = LazyLock::new(|| {
        HeaderField::ALL.into_iter().flat_map(|f| f.labels().iter().map(move |l| (f, fold(l)))).collect()
    });
    LABELS.iter().find(|(_, l)| *l == folded).map(|(f, _)| *f)
}

/// `... THÁNG 08/2024` in a title line. Searched in the folded text, whose indices are its own
/// (lower-casing can change a text's length in bytes).
fn title_month(text: &str) -> Option<(String, Period, Option<Cell>)> {
    let folded = fold(text);
    let at = folded.rfind("thang")?;
    parse_period_text(&folded[at..]).map(|p| (text.to_owned(), p, None))
}
