//! `tong-hop-YYYY-MM.xlsx`: the consolidated workbook the clerk prints and files.
//!
//! Sheets: `Tổng hợp` (the figures, one column per unit, `SUM` totals with their values
//! stored), `Nộp báo cáo` (who sent what), `Kiểm tra` (every finding), `Ghi chú` (every note).
//! Text is always written as text, never as a formula, whatever a unit typed.
//!
//! Past [`MANY_UNITS`](crate::render::MANY_UNITS) units a column per unit no longer prints: `Tổng hợp` keeps its totals
//! (summing a column of the next sheet) and `n/N`, and a sheet `Theo đơn vị` after it holds the
//! figures, one row per unit and one column per indicator, with a filter; `Nộp báo cáo` gets a
//! filter on its table of units. Up to [`MANY_UNITS`](crate::render::MANY_UNITS) the workbook is what it always was.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
    utility,
};

use crate::aggregate::Consolidation;
use crate::config::{Config, Kind};
use crate::intake::{Intake, Outcome};
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{SHEET_BY_UNIT, SHEET_FINDINGS, SHEET_NOTES, SHEET_SUBMISSIONS, SHEET_SUMMARY};
use crate::render::{many_units, wrapped_height};
use crate::vn_number::ratio;

const FONT: &str = "Times New Roman";
const HEADER_FILL: u32 = 0xE7EEF7;
const SECTION_FILL: u32 = 0xF2F2F2;

struct Styles {
    title: Format,
    subtitle: Format,
    header: Format,
    section: Format,
    text: Format,
    center: Format,
    center_wrap: Format,
    count: Format,
    amount: Format,
    total_count: Format,
    total_amount: Format,
    small_header: Format,
}

impl Styles {
    fn new() -> Styles {
        let base = Format::new().set_font_name(FONT).set_font_size(11);
        let cell = base.clone().set_border(FormatBorder::Thin).set_align(FormatAlign::VerticalCenter);
        Styles {
            title: base.clone().set_bold().set_font_size(13),
            subtitle: base.clone().set_italic(),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
            section: cell.clone().set_bold().set_text_wrap().set_background_color(Color::RGB(SECTION_FILL)),
            text: cell.clone().set_text_wrap(),
            center: cell.clone().set_align(FormatAlign::Center),
            center_wrap: cell.clone().set_align(FormatAlign::Center).set_text_wrap(),
            count: cell.clone().set_num_format("#,##0"),
            amount: cell.clone().set_num_format("#,##0.000"),
            total_count: cell.clone().set_bold().set_num_format("#,##0"),
            total_amount: cell.clone().set_bold().set_num_format("#,##0.000"),
            small_header: cell
                .set_font_size(SMALL_FONT)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
        }
    }
}

/// The workbook's bytes. Its creation date is pinned to the period, so the same inputs give
/// the same file.
///
/// # Errors
/// Only if rust_xlsxwriter refuses a value.
pub fn render(config: &Config, intake: &Intake, c: &Consolidation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let mut workbook = Workbook::new();
    let date = ExcelDateTime::from_ymd(intake.period.year() as u16, intake.period.month() as u8, 1)?;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(
                Msg::WorkbookDocTitle { title: config.report.title.clone(), period: intake.period.vn() }.text(lang),
            )
            .set_company(&config.report.organisation)
            .set_author("tonghop")
            .set_creation_datetime(&date),
    );
    let by_unit = many_units(config.units.len());
    summary(workbook.add_worksheet(), config, intake, c, &s, lang, by_unit)?;
    if by_unit {
        units_sheet(workbook.add_worksheet(), config, intake, c, &s, lang)?;
    }
    submissions(workbook.add_worksheet(), config, intake, &s, lang, by_unit)?;
    findings(workbook.add_worksheet(), config, intake, &s, lang)?;
    notes(workbook.add_worksheet(), config, c, &s, lang)?;
    workbook.save_to_buffer()
}

/// Column of the first unit on `Tổng hợp` (A–F hold STT, Mã, Chỉ tiêu, ĐVT, total, n/N).
const FIRST_UNIT_COL: u16 = 6;
const HEADER_ROW: u32 = 4;
/// `Tổng hợp`'s label column without unit columns: about what a landscape page holds beside
/// the other five.
const LABEL_WIDTH_BY_UNIT: f64 = 80.0;
/// `Theo đơn vị`: the first unit's row (under three header rows) and first indicator's column
/// (after STT and the unit's name).
const BY_UNIT_FIRST_ROW: u32 = 6;
const BY_UNIT_FIRST_COL: u16 = 2;
/// Narrow enough that the default 17 indicators print one page wide at about three quarters
/// of their size (a column of 8.5 still holds `1.000.000`).
const BY_UNIT_NAME_WIDTH: f64 = 24.0;
const BY_UNIT_VALUE_WIDTH: f64 = 8.5;
/// Font size of the indicators' labels over the columns of `Theo đơn vị`: a long label in a
/// column of 10 would otherwise take a dozen lines.
const SMALL_FONT: f64 = 8.0;

/// With `by_unit`, no column per unit: the totals sum the columns of `Theo đơn vị`.
fn summary(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    c: &Consolidation,
    s: &Styles,
    lang: Lang,
    by_unit: bool,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SUMMARY)?;
    // With history, three columns after the total: year to date, same month last year, last
    // year's year to date (spec §11); the units' columns move right.
    let history = !c.cumulative.is_empty();
    let first_unit_col = if history { FIRST_UNIT_COL + 3 } else { FIRST_UNIT_COL };
    let ratio_col = first_unit_col - 1;
    let last_col = if by_unit { first_unit_col - 1 } else { first_unit_col + config.units.len() as u16 - 1 };
    sheet.write_string_with_format(0, 0, config.report.organisation.to_uppercase(), &s.title)?;
    let title =
        Msg::WorkbookSummaryTitle { title: config.report.title.clone(), period: period_shown(config, intake, lang) }
            .text(lang);
    sheet.write_string_with_format(1, 0, title, &s.title)?;
    let (unit_word, submitted) = (config.report.unit_word.clone(), ratio(c.submitted.len(), c.units));
    let subtitle = if by_unit {
        Msg::WorkbookSummaryNoteByUnit { unit_word, submitted, sheet: SHEET_BY_UNIT }
    } else {
        Msg::WorkbookSummaryNote { unit_word, submitted }
    };
    sheet.write_string_with_format(2, 0, subtitle.text(lang), &s.subtitle)?;

    let mut headers = vec![W::Number, W::Code, W::Indicator, W::UnitOfMeasure, W::Total];
    if history {
        headers.extend([W::Ytd, W::SamePeriodLastYear, W::YtdLastYear]);
    }
    headers.push(W::UnitsReporting);
    for (col, h) in headers.into_iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, heading(h, lang), &s.header)?;
    }
    for (i, unit) in config.units.iter().enumerate().filter(|_| !by_unit) {
        sheet.write_string_with_format(HEADER_ROW, first_unit_col + i as u16, &unit.name, &s.header)?;
    }
    sheet.set_row_height(HEADER_ROW, 48)?;
    // Without unit columns the labels take the width a landscape page offers.
    let label_width = if by_unit { LABEL_WIDTH_BY_UNIT } else { 40.0 };
    for (col, width) in [5.0, 6.5, label_width, 10.0, 10.0].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    for col in 5..=ratio_col {
        sheet.set_column_width(col, 10.0)?;
    }
    for col in (first_unit_col..=last_col).filter(|_| !by_unit) {
        sheet.set_column_width(col, 8.5)?;
    }
    let column_of = by_unit_columns(config);

    let mut row = HEADER_ROW + 1;
    for section in &config.sections {
        sheet.write_string_with_format(row, 0, &section.code, &s.section)?;
        sheet.merge_range(row, 1, row, last_col, &section.title, &s.section)?;
        row += 1;
        let indicators = config.indicators.iter().enumerate().filter(|(_, i)| i.section == section.code);
        for (n, (index, indicator)) in indicators.enumerate() {
            let t = &c.indicators[index];
            let (value_format, total_format) = match indicator.kind {
                Kind::Count => (&s.count, &s.total_count),
                Kind::Amount => (&s.amount, &s.total_amount),
            };
            sheet.write_number_with_format(row, 0, (n + 1) as f64, &s.center)?;
            sheet.write_string_with_format(row, 1, &indicator.code, &s.center)?;
            sheet.write_string_with_format(row, 2, &indicator.label, &s.text)?;
            sheet.write_string_with_format(row, 3, &indicator.unit, &s.center_wrap)?;
            // The total as a formula, with its exact value stored so viewers that do not
            // recalculate (and LibreOffice on open) show the right figure.
            let range = if by_unit {
                let col = column_of[index];
                let (first, last) = (BY_UNIT_FIRST_ROW, BY_UNIT_FIRST_ROW + config.units.len() as u32 - 1);
                format!("{}!{}", quoted(SHEET_BY_UNIT), utility::cell_range(first, col, last, col))
            } else {
                utility::cell_range(row, first_unit_col, row, last_col)
            };
            let formula = Formula::new(format!("=SUM({range})")).set_result(t.total.to_string());
            sheet.write_formula_with_format(row, 4, formula, total_format)?;
            if let Some(h) = c.cumulative.get(index) {
                for (col, figure) in [(5, h.ytd), (6, h.same_period_last_year), (7, h.ytd_last_year)] {
                    match figure {
                        Some(v) => sheet.write_number_with_format(row, col, to_f64(v), value_format)?,
                        None => sheet.write_blank(row, col, value_format)?,
                    };
                }
            }
            sheet.write_string_with_format(row, ratio_col, ratio(t.reporting, c.units), &s.center)?;
            for (u, value) in t.values.iter().enumerate().filter(|_| !by_unit) {
                let col = first_unit_col + u as u16;
                match value {
                    Some(v) => sheet.write_number_with_format(row, col, to_f64(*v), value_format)?,
                    None => sheet.write_blank(row, col, value_format)?,
                };
            }
            sheet.set_row_height(
                row,
                wrapped_height(&[(&indicator.label, label_width), (&indicator.unit, 10.0)], 11.0),
            )?;
            row += 1;
        }
    }

    // Months the year-to-date figures needed and the archive lacks: those cells stay empty.
    if !c.history_missing.is_empty() {
        let months = c.history_missing.iter().map(|p| p.vn()).collect::<Vec<_>>().join(", ");
        sheet.write_string_with_format(row + 1, 0, Msg::WorkbookHistoryMissing { months }.text(lang), &s.subtitle)?;
    }

    // Frozen header and label columns; A4 landscape, one page wide, header repeated.
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_footer(format!("&C&\"Times New Roman\"&9{}", Msg::WorkbookPageFooter.text(lang)));
    Ok(())
}

/// The units of `Theo đơn vị`: one row per unit, one column per indicator in the order of
/// `Tổng hợp` (by section). Three header rows: the labels (small, wrapped), the units of
/// measure, then the codes, on which the filter sits: the row just above the figures, so that
/// sorting or filtering never moves a header.
fn units_sheet(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    c: &Consolidation,
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_BY_UNIT)?;
    let column_of = by_unit_columns(config);
    let last_col = BY_UNIT_FIRST_COL + config.indicators.len() as u16 - 1;
    let (labels, units, codes) = (BY_UNIT_FIRST_ROW - 3, BY_UNIT_FIRST_ROW - 2, BY_UNIT_FIRST_ROW - 1);
    sheet.write_string_with_format(
        0,
        0,
        Msg::WorkbookByUnitTitle { period: intake.period.vn() }.text(lang),
        &s.title,
    )?;
    let note = Msg::WorkbookByUnitNote { summary: SHEET_SUMMARY }.text(lang);
    sheet.write_string_with_format(1, 0, note, &s.subtitle)?;

    // Column B names each header row, as a legend; A is blank above `STT`.
    sheet.merge_range(labels, 0, units, 0, "", &s.header)?;
    sheet.write_string_with_format(labels, 1, heading(W::Indicator, lang), &s.header)?;
    sheet.write_string_with_format(units, 1, heading(W::UnitOfMeasure, lang), &s.header)?;
    sheet.write_string_with_format(codes, 0, heading(W::Number, lang), &s.header)?;
    sheet.write_string_with_format(codes, 1, heading(W::Unit, lang), &s.header)?;
    sheet.set_column_width(0, 5.0)?;
    sheet.set_column_width(1, BY_UNIT_NAME_WIDTH)?;
    let mut label_height: f64 = 0.0;
    for (index, indicator) in config.indicators.iter().enumerate() {
        let col = column_of[index];
        sheet.write_string_with_format(labels, col, &indicator.label, &s.small_header)?;
        sheet.write_string_with_format(units, col, &indicator.unit, &s.small_header)?;
        sheet.write_string_with_format(codes, col, &indicator.code, &s.header)?;
        sheet.set_column_width(col, BY_UNIT_VALUE_WIDTH)?;
        // A narrow column loses a larger share of its width to padding: measured one unit less.
        let height = wrapped_height(&[(&indicator.label, BY_UNIT_VALUE_WIDTH - 1.0)], SMALL_FONT);
        label_height = label_height.max(height);
    }
    sheet.set_row_height(labels, label_height)?;
    let unit_height = config
        .indicators
        .iter()
        .map(|i| wrapped_height(&[(&i.unit, BY_UNIT_VALUE_WIDTH)], SMALL_FONT))
        .fold(0.0, f64::max);
    sheet.set_row_height(units, unit_height)?;

    let mut row = BY_UNIT_FIRST_ROW;
    for (u, unit) in config.units.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (u + 1) as f64, &s.center)?;
        sheet.write_string_with_format(row, 1, &unit.name, &s.text)?;
        for (index, (indicator, t)) in config.indicators.iter().zip(&c.indicators).enumerate() {
            let format = if indicator.kind == Kind::Count { &s.count } else { &s.amount };
            match t.values[u] {
                Some(v) => sheet.write_number_with_format(row, column_of[index], to_f64(v), format)?,
                None => sheet.write_blank(row, column_of[index], format)?,
            };
        }
        row += 1;
    }

    sheet.autofilter(codes, 0, row - 1, last_col)?;
    sheet.set_freeze_panes(BY_UNIT_FIRST_ROW, BY_UNIT_FIRST_COL)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(labels, codes)?;
    sheet.set_repeat_columns(0, 1)?;
    sheet.set_footer(format!("&C&\"Times New Roman\"&9{}", Msg::WorkbookPageFooter.text(lang)));
    Ok(())
}

/// Column of each indicator (by index in the configuration) on `Theo đơn vị`: the order of
/// `Tổng hợp`, section by section.
fn by_unit_columns(config: &Config) -> Vec<u16> {
    let mut columns = vec![0; config.indicators.len()];
    let mut col = BY_UNIT_FIRST_COL;
    for section in &config.sections {
        for (index, _) in config.indicators.iter().enumerate().filter(|(_, i)| i.section == section.code) {
            columns[index] = col;
            col += 1;
        }
    }
    columns
}

/// A sheet name as a formula names it: `'Theo đơn vị'`.
fn quoted(sheet: &str) -> String {
    format!("'{}'", sheet.replace('\'', "''"))
}

/// With `by_unit` (many units), the table of units gets a filter (`Chưa nộp`, `Bị loại`) and a
/// frozen header.
fn submissions(
    sheet: &mut Worksheet,
    config: &Config,
    intake: &Intake,
    s: &Styles,
    lang: Lang,
    by_unit: bool,
) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_SUBMISSIONS)?;
    sheet.write_string_with_format(
        0,
        0,
        Msg::WorkbookSubmissionsTitle { period: period_shown(config, intake, lang) }.text(lang),
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

fn findings(sheet: &mut Worksheet, config: &Config, intake: &Intake, s: &Styles, lang: Lang) -> Result<(), XlsxError> {
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

fn notes(sheet: &mut Worksheet, config: &Config, c: &Consolidation, s: &Styles, lang: Lang) -> Result<(), XlsxError> {
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

/// `10/2024`, or with a reporting window `10/2024 (Từ 15/9/2024 đến 14/10/2024)`.
fn period_shown(config: &Config, intake: &Intake, lang: Lang) -> String {
    match config.report.cutoff_day {
        None => intake.period.vn(),
        Some(day) => {
            let (start, end) = intake.period.window_days(Some(day));
            let window = Msg::Window { start, end };
            format!("{} ({})", intake.period.vn(), window.text(lang))
        }
    }
}

fn heading(column: W, lang: Lang) -> String {
    Msg::WorkbookColumn(column).text(lang)
}

/// A list with its header on the first row: frozen, repeated on every page, A4 landscape.
fn list_print_setup(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Excel refuses a cell of more than 32.767 characters; an OpenDocument note may be longer.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::truncate(text, 32_767)
}

/// Spreadsheet cells hold doubles; totals were computed exactly before this.
fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}
