//! The lists of a month's workbook: `Nộp báo cáo` (who sent what, every file), `Kiểm tra`
//! (every finding) and `Ghi chú` (every note, also in a longer period's workbook).

use std::collections::HashMap;

use rust_xlsxwriter::{Worksheet, XlsxError};

use super::{Styles, fit, heading, list_print_setup, to_f64};
use crate::aggregate::Consolidation;
use crate::config::{Config, Kind};
use crate::intake::{Intake, Outcome};
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{SHEET_FINDINGS, SHEET_NOTES, SHEET_SUBMISSIONS};
use crate::render::wrapped_height;

/// With `by_unit` (many units), the table of units gets a filter (`Chưa nộp`, `Bị loại`) and a
/// frozen header.
pub(super) fn submissions(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    period: &str,
    s: &Styles,
    lang: Lang,
    by_unit: bool,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SUBMISSIONS)?;
    sheet.write_string_with_format(
        0,
        0,
        Msg::WorkbookSubmissionsTitle { period: period.to_owned() }.text(lang),
        &s.title,
    )?;
    // With a deadline: the on-time count under the title, and two columns (spec §11). Without
    // one the sheet stays as it was (and the same inputs give the same bytes: received times
    // are file times).
    let deadline = config.report.deadline_days.is_some();
    if deadline {
        let on_time = intake.on_time();
        let line = Msg::StatusOnTime { on_time, total: intake.units.len() }.text(lang);
        sheet.write_string_with_format(1, 0, line, &s.subtitle)?;
        for (col, (h, w)) in [(W::Received, 17.0), (W::OnTime, 10.0)].into_iter().enumerate() {
            sheet.write_string_with_format(2, 7 + col as u16, heading(h, lang), &s.header)?;
            sheet.set_column_width(7 + col as u16, w)?;
        }
    }
    let headers = [W::Number, W::Unit, W::State, W::File, W::Prepared, W::Errors, W::Warnings];
    let widths = [5.0, 24.0, 12.0, 40.0, 12.0, 8.0, 10.0];
    for (col, (h, w)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(2, col as u16, heading(*h, lang), &s.header)?;
        sheet.set_column_width(col as u16, w)?;
    }
    let mut row = 3;
    for (i, status) in intake.units.iter().enumerate() {
        let file = status.report.map(|r| &intake.files[r]);
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &s.center)?;
        sheet.write_string_with_format(row, 1, &config.units[status.unit].name, &s.text)?;
        sheet.write_string_with_format(row, 2, status.state.word().text(lang), &s.center)?;
        sheet.write_string_with_format(row, 3, file.map(|f| f.shown()).unwrap_or_default(), &s.text)?;
        let prepared = file.and_then(|f| f.prepared).map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default();
        sheet.write_string_with_format(row, 4, prepared, &s.center)?;
        sheet.write_number_with_format(row, 5, status.errors as f64, &s.center)?;
        sheet.write_number_with_format(row, 6, status.warnings as f64, &s.center)?;
        if deadline {
            let received = status.received_shown().unwrap_or_default();
            sheet.write_string_with_format(row, 7, received, &s.center)?;
            let word = status.on_time.map(|ok| Msg::OnTimeWord { on_time: ok }.text(lang)).unwrap_or_default();
            sheet.write_string_with_format(row, 8, word, &s.center)?;
        }
        row += 1;
    }
    if by_unit {
        // On the first table only: the second has other columns, and a sheet has one filter.
        sheet.autofilter(2, 0, row - 1, 6)?;
        sheet.set_freeze_panes(3, 0)?;
        // The units take pages: each gets the header. Pages of the second table (rarely more
        // than one: the files not used) get it too, a wrong header for columns E–G, but the
        // alternative is pages of units under no header at all.
        sheet.set_repeat_rows(2, 2)?;
    }

    // Every other file, so that each file of the inbox appears in the workbook.
    let others: Vec<_> = intake.files.iter().filter(|f| f.outcome != Outcome::Used).collect();
    if !others.is_empty() {
        row += 1;
        sheet.write_string_with_format(row, 0, Msg::WorkbookUnusedFilesTitle.text(lang), &s.title)?;
        row += 1;
        // Same columns as the table above (so the widths fit); the reason spans the last three.
        for (col, h) in [W::Number, W::Unit, W::Outcome, W::File].into_iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, heading(h, lang), &s.header)?;
        }
        sheet.merge_range(row, 4, row, 6, &heading(W::Reason, lang), &s.header)?;
        row += 1;
        for (i, f) in others.iter().enumerate() {
            let unit = f.unit.map(|u| config.units[u].name.as_str()).unwrap_or("");
            let reason = f.reason().map(|x| x.text(lang)).unwrap_or_default();
            sheet.write_number_with_format(row, 0, (i + 1) as f64, &s.center)?;
            sheet.write_string_with_format(row, 1, unit, &s.text)?;
            sheet.write_string_with_format(row, 2, f.outcome.word().text(lang), &s.center)?;
            sheet.write_string_with_format(row, 3, f.shown(), &s.text)?;
            sheet.merge_range(row, 4, row, 6, &fit(&reason), &s.text)?;
            sheet.set_row_height(row, wrapped_height(&[(&f.file, 40.0), (&reason, 30.0), (unit, 24.0)], 11.0))?;
            row += 1;
        }
    }
    // No repeated header row below many units: the second table has other columns.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

pub(super) fn findings(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_FINDINGS)?;
    let headers = [W::Severity, W::Code, W::Unit, W::File, W::Sheet, W::Cell, W::Indicator, W::Content];
    let widths = [10.0, 6.0, 20.0, 28.0, 12.0, 6.0, 8.0, 70.0];
    for (col, (h, w)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, col as u16, heading(*h, lang), &s.header)?;
        sheet.set_column_width(col as u16, w)?;
    }
    // By code in one map: a search of the units per finding is units × findings.
    let names: HashMap<&str, &str> = config.units.iter().map(|u| (u.code.as_str(), u.name.as_str())).collect();
    let mut row = 1;
    for f in intake.findings() {
        let unit = f.unit.as_deref().and_then(|code| names.get(code).copied()).unwrap_or("");
        let cells = [
            f.severity.word().text(lang),
            f.code.clone(),
            unit.to_owned(),
            f.file.clone(),
            f.sheet.clone().unwrap_or_default(),
            f.cell.map(|c| c.to_string()).unwrap_or_default(),
            f.indicator.clone().unwrap_or_default(),
            f.text(lang),
        ];
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, fit(text), &s.text)?;
        }
        let height = wrapped_height(&[(&cells[2], widths[2]), (&cells[3], widths[3]), (&cells[7], widths[7])], 11.0);
        sheet.set_row_height(row, height)?;
        row += 1;
    }
    sheet.autofilter(0, 0, row.saturating_sub(1).max(1), 7)?;
    list_print_setup(sheet)
}

pub(super) fn notes(
    sheet: &mut Worksheet,
    config: &Config,
    c: &Consolidation,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_NOTES)?;
    let headers = [W::Unit, W::Code, W::Indicator, W::Figure, W::Content];
    let widths = [20.0, 6.0, 36.0, 9.0, 70.0];
    for (col, (h, w)) in headers.iter().zip(widths).enumerate() {
        sheet.write_string_with_format(0, col as u16, heading(*h, lang), &s.header)?;
        sheet.set_column_width(col as u16, w)?;
    }
    let mut row = 1;
    for (u, unit) in config.units.iter().enumerate() {
        for t in &c.indicators {
            let Some(note) = &t.notes[u] else { continue };
            let indicator = &config.indicators[t.indicator];
            let format = if indicator.kind == Kind::Count { &s.count } else { &s.amount };
            sheet.write_string_with_format(row, 0, &unit.name, &s.text)?;
            sheet.write_string_with_format(row, 1, &indicator.code, &s.center)?;
            sheet.write_string_with_format(row, 2, &indicator.label, &s.text)?;
            match t.values[u] {
                Some(v) => sheet.write_number_with_format(row, 3, to_f64(v), format)?,
                None => sheet.write_blank(row, 3, format)?,
            };
            sheet.write_string_with_format(row, 4, fit(note), &s.text)?;
            sheet.set_row_height(row, wrapped_height(&[(&indicator.label, widths[2]), (note, widths[4])], 11.0))?;
            row += 1;
        }
    }
    list_print_setup(sheet)
}
