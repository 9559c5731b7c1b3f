//! `Dữ liệu`: the CSV's rows as typed cells, figures as numbers, with a filter. The CSV is the
//! archive, with `.` decimals as an archive must have; a spreadsheet set to Vietnamese reads
//! `0.985` in it as 985. People filter and add up here instead.

use std::collections::HashMap;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{LIST_HEADER_ROW, Styles, decimals, fit, list_print_setup, list_title, to_f64};
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::SHEET_DATA;
use crate::render::csv::Row;

/// The rows of `csv` (its file name), for the period `period` (upper case, for the title) named
/// `ky` in the rows as in the CSV.
pub(super) fn data<'a>(
    sheet: &mut Worksheet,
    rows: impl Iterator<Item = Row<'a>>,
    (ky, period, csv): (&str, &str, &str),
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_DATA)?;
    let columns = [
        (W::Period, 10.0),
        (W::UnitCode, 12.0),
        (W::Unit, 20.0),
        (W::Code, 6.0),
        (W::Indicator, 36.0),
        (W::UnitOfMeasure, 10.0),
        (W::Figure, 10.0),
        (W::Content, 50.0),
        (W::File, 20.0),
        (W::Cell, 6.0),
        (W::Sha256, 20.0),
    ];
    let title = Msg::WorkbookDataTitle { period: period.to_owned(), csv: csv.to_owned() }.text(lang);
    list_title(sheet, &title, &columns, s, lang)?;
    let rows: Vec<Row> = rows.collect();
    // Each indicator's figures line up on the decimal comma, whatever the filter shows.
    let mut most: HashMap<&str, u32> = HashMap::new();
    for r in &rows {
        let d = r.value.map_or(0, decimals);
        most.entry(r.indicator.code.as_str()).and_modify(|m| *m = (*m).max(d)).or_insert(d);
    }
    let mut row = LIST_HEADER_ROW + 1;
    for r in &rows {
        let texts = [ky, &r.unit.code, &r.unit.name, &r.indicator.code, &r.indicator.label, &r.indicator.unit];
        for (col, text) in texts.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, *text, &s.plain)?;
        }
        match r.value {
            Some(v) => {
                let max = most.get(r.indicator.code.as_str()).copied().unwrap_or(0);
                sheet.write_number_with_format(row, 6, to_f64(v), &s.figure(decimals(v), max, false))?
            }
            None => sheet.write_blank(row, 6, &s.plain)?,
        };
        for (col, text) in [(7, r.note.unwrap_or("")), (8, r.file), (9, &r.cell), (10, r.sha256)] {
            sheet.write_string_with_format(row, col, fit(text), &s.plain)?;
        }
        row += 1;
    }
    sheet.autofilter(LIST_HEADER_ROW, 0, row.max(LIST_HEADER_ROW + 2) - 1, 10)?;
    list_print_setup(sheet, lang)
}
