//! The lists of a month's workbook: `Nộp báo cáo` (who sent what, every file), `Kiểm tra`
//! (every finding) and `Ghi chú` (every note, also in a longer period's workbook).

use std::collections::HashMap;

use rust_xlsxwriter::{FormatAlign, Worksheet, XlsxError};

use super::{LIST_HEADER_ROW, Styles, decimals, fit, heading, list_print_setup, list_title, page_setup, to_f64};
use crate::aggregate::Consolidation;
use crate::config::Config;
use crate::finding::Severity;
use crate::intake::{Intake, Outcome, UnitState};
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{SHEET_FINDINGS, SHEET_NOTES, SHEET_SUBMISSIONS};
use crate::render::wrapped_height;
use crate::text::capitalise;

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
        let state = match status.state {
            UnitState::Submitted => &s.good,
            UnitState::Missing => &s.neutral,
            UnitState::Rejected => &s.bad,
        };
        sheet.write_string_with_format(row, 2, status.state.word().text(lang), state)?;
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
            let outcome = if f.outcome == Outcome::Rejected { &s.bad } else { &s.center };
            sheet.write_string_with_format(row, 2, capitalise(&f.outcome.word().text(lang)), outcome)?;
            sheet.write_string_with_format(row, 3, f.shown(), &s.text)?;
            sheet.merge_range(row, 4, row, 6, &fit(&reason), &s.text)?;
            sheet.set_row_height(row, wrapped_height(&[(&f.file, 40.0), (&reason, 30.0), (unit, 24.0)], 11.0))?;
            row += 1;
        }
    }
    // No repeated header row below many units: the second table has other columns.
    page_setup(sheet, lang);
    Ok(())
}

pub(super) fn findings(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    period: &str,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_FINDINGS)?;
    let columns = [
        (W::Severity, 10.0),
        (W::Code, 6.0),
        (W::Unit, 20.0),
        (W::File, 28.0),
        (W::Sheet, 12.0),
        (W::Cell, 6.0),
        (W::Indicator, 8.0),
        (W::Content, 70.0),
    ];
    list_title(sheet, &Msg::WorkbookFindingsTitle { period: period.to_owned() }.text(lang), &columns, s, lang)?;
    // By code in one map: a search of the units per finding is units × findings.
    let names: HashMap<&str, &str> = config.units.iter().map(|u| (u.code.as_str(), u.name.as_str())).collect();
    let mut row = LIST_HEADER_ROW + 1;
    for f in intake.findings() {
        let unit = f.unit.as_deref().and_then(|code| names.get(code).copied()).unwrap_or("");
        let cells = [
            capitalise(&f.severity.word().text(lang)),
            f.code.clone(),
            unit.to_owned(),
            f.file.clone(),
            f.sheet.clone().unwrap_or_default(),
            f.cell.map(|c| c.to_string()).unwrap_or_default(),
            f.indicator.clone().unwrap_or_default(),
            // A sentence in a cell: finding texts start in lower case to follow a file's name.
            capitalise(&f.text(lang)),
        ];
        let severity = match f.severity {
            Severity::Error => &s.bad,
            Severity::Warning => &s.neutral,
            Severity::Info => &s.center,
        };
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string_with_format(row, col as u16, fit(text), if col == 0 { severity } else { &s.text })?;
        }
        let (unit, file, content) = (columns[2].1, columns[3].1, columns[7].1);
        let height = wrapped_height(&[(&cells[2], unit), (&cells[3], file), (&cells[7], content)], 11.0);
        sheet.set_row_height(row, height)?;
        row += 1;
    }
    if row == LIST_HEADER_ROW + 1 {
        // A clean month says so, rather than printing a header over nothing.
        sheet.merge_range(row, 0, row, 7, &Msg::WorkbookNoFindings.text(lang), &s.good)?;
        row += 1;
    }
    sheet.autofilter(LIST_HEADER_ROW, 0, row - 1, 7)?;
    list_print_setup(sheet, lang)
}

pub(super) fn notes(
    sheet: &mut Worksheet,
    config: &Config,
    c: &Consolidation,
    period: &str,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_NOTES)?;
    let columns = [(W::Unit, 20.0), (W::Code, 6.0), (W::Indicator, 36.0), (W::Figure, 9.0), (W::Content, 70.0)];
    list_title(sheet, &Msg::WorkbookNotesTitle { period: period.to_owned() }.text(lang), &columns, s, lang)?;
    let mut row = LIST_HEADER_ROW + 1;
    for (u, unit) in config.units.iter().enumerate() {
        for t in &c.indicators {
            let Some(note) = &t.notes[u] else { continue };
            let indicator = &config.indicators[t.indicator];
            sheet.write_string_with_format(row, 0, &unit.name, &s.text)?;
            sheet.write_string_with_format(row, 1, &indicator.code, &s.center)?;
            sheet.write_string_with_format(row, 2, &indicator.label, &s.text)?;
            match t.values[u] {
                // Centred: figures of different indicators, right against the note beside them.
                Some(v) => {
                    let format = s.figure(decimals(v), decimals(v), false).set_align(FormatAlign::Center);
                    sheet.write_number_with_format(row, 3, to_f64(v), &format)?
                }
                None => sheet.write_blank(row, 3, &s.text)?,
            };
            sheet.write_string_with_format(row, 4, fit(note), &s.text)?;
            let height = wrapped_height(&[(&indicator.label, columns[2].1), (note, columns[4].1)], 11.0);
            sheet.set_row_height(row, height)?;
            row += 1;
        }
    }
    if row == LIST_HEADER_ROW + 1 {
        sheet.merge_range(row, 0, row, 4, &Msg::WorkbookNoNotes.text(lang), &s.text)?;
    }
    list_print_setup(sheet, lang)
}
