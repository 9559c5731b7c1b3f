//! The sheets only a longer period's workbook has: `Nộp báo cáo` counts each unit's months
//! (`03/03`, spec §11) and `Kiểm tra` names the months the archive lacks. They keep the month's
//! sheet names, so the workbook is recognised as ours wherever it is dropped.

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{LIST_HEADER_ROW, Styles, list_print_setup, list_title, months_vn};
use crate::aggregate::SpanFigures;
use crate::config::Config;
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{self, SHEET_FINDINGS, SHEET_SUBMISSIONS};
use crate::render::wrapped_height;
use crate::vn_number::ratio;

/// Per unit: STT, the unit, `03/03` months reported, the months without a report.
pub(super) fn months(
    sheet: &mut Worksheet,
    config: &Config,
    f: &SpanFigures,
    period: &str,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SUBMISSIONS)?;
    let columns = [(W::Number, 5.0), (W::Unit, 24.0), (W::MonthsReported, 12.0), (W::MonthsMissing, 60.0)];
    list_title(sheet, &Msg::WorkbookMonthsTitle { period: period.to_owned() }.text(lang), &columns, s, lang)?;
    sheet.set_row_height(LIST_HEADER_ROW, 32)?;
    let mut row = LIST_HEADER_ROW + 1;
    for (u, (unit, months)) in config.units.iter().zip(&f.months).enumerate() {
        let missing = months_vn(&f.unit_missing(u));
        sheet.write_number_with_format(row, 0, (u + 1) as f64, &s.center)?;
        sheet.write_string_with_format(row, 1, &unit.name, &s.text)?;
        let state = match months.reported.len() {
            0 => &s.bad,
            n if n < months.expected.len() => &s.neutral,
            _ => &s.good,
        };
        sheet.write_string_with_format(row, 2, ratio(months.reported.len(), months.expected.len()), state)?;
        sheet.write_string_with_format(row, 3, &missing, &s.text)?;
        sheet.set_row_height(row, wrapped_height(&[(&unit.name, columns[1].1), (&missing, columns[3].1)], 11.0))?;
        row += 1;
    }
    sheet.autofilter(LIST_HEADER_ROW, 0, row - 1, 3)?;
    list_print_setup(sheet, lang)
}

/// Each month of the period: its archive file, and how many units it holds or why it is
/// missing.
pub(super) fn archive(
    sheet: &mut Worksheet,
    config: &Config,
    f: &SpanFigures,
    period: &str,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_FINDINGS)?;
    let columns = [(W::Month, 10.0), (W::ArchiveFile, 28.0), (W::Content, 80.0)];
    list_title(sheet, &Msg::WorkbookArchiveTitle { period: period.to_owned() }.text(lang), &columns, s, lang)?;
    // Every month of the period: how many units its archived CSV holds, or why it is missing.
    for (row, month) in (LIST_HEADER_ROW + 1..).zip(f.span.months()) {
        let file = outputs::file_name(outputs::CONSOLIDATED, &month, "csv");
        let (content, state) = if f.absent.contains(&month) {
            let why = match f.unreadable.iter().find(|(name, _)| *name == file) {
                Some((_, reason)) => Msg::WorkbookArchiveUnreadable { reason: reason.clone() },
                None => Msg::WorkbookArchiveAbsent,
            };
            (why.text(lang), &s.neutral)
        } else {
            let reported = f.months.iter().filter(|m| m.reported.contains(&month)).count();
            let expected = f.months.iter().filter(|m| m.expected.contains(&month)).count();
            let units = ratio(reported, expected);
            (Msg::WorkbookArchiveMonth { units, unit_word: config.report.unit_word.clone() }.text(lang), &s.good)
        };
        sheet.write_string_with_format(row, 0, month.vn(), state)?;
        sheet.write_string_with_format(row, 1, &file, &s.text)?;
        sheet.write_string_with_format(row, 2, &content, &s.text)?;
        sheet.set_row_height(row, wrapped_height(&[(&content, columns[2].1)], 11.0))?;
    }
    list_print_setup(sheet, lang)
}
