//! `Tổng hợp` and, past [`MANY_UNITS`](crate::render::MANY_UNITS) units, `Theo đơn vị`: the
//! figures. The same for a month and for a longer period; only the titles differ.

use rust_decimal::Decimal;
use rust_xlsxwriter::{Formula, Worksheet, XlsxError, utility};

use super::{Head, Styles, decimals, heading, indicator_decimals, to_f64};
use crate::aggregate::Consolidation;
use crate::config::Config;
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{SHEET_BY_UNIT, SHEET_SUMMARY};
use crate::render::wrapped_height;
use crate::vn_number::ratio;

/// Column of the first unit on `Tổng hợp` (A–F hold STT, Mã, Chỉ tiêu, ĐVT, total, n/N).
const FIRST_UNIT_COL: u16 = 6;
const HEADER_ROW: u32 = 4;
/// `Tổng hợp`'s label column beside a column per unit, and the unit columns: narrow enough that
/// 13 units print on one landscape page at about 80 %; a unit's name wraps on two or three
/// lines of the header.
const LABEL_WIDTH: f64 = 30.0;
const UNIT_WIDTH: f64 = 7.4;
const UNIT_OF_MEASURE_WIDTH: f64 = 8.0;
/// Rows (title and header included) that still print on one page at the scale the width allows.
const ONE_PAGE_ROWS: u32 = 40;
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
pub(super) const SMALL_FONT: f64 = 8.0;

/// With `by_unit`, no column per unit: the totals sum the columns of `Theo đơn vị`.
pub(super) fn summary(
    sheet: &mut Worksheet,
    config: &Config,
    head: &Head,
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
    let title = Msg::WorkbookSummaryTitle { title: config.report.title.clone(), period: head.period.clone() };
    sheet.write_string_with_format(1, 0, title.text(lang), &s.title)?;
    sheet.write_string_with_format(2, 0, &head.note, &s.subtitle)?;

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
    let label_width = if by_unit { LABEL_WIDTH_BY_UNIT } else { LABEL_WIDTH };
    for (col, width) in [4.5, 6.0, label_width, UNIT_OF_MEASURE_WIDTH, 9.5].into_iter().enumerate() {
        sheet.set_column_width(col as u16, width)?;
    }
    for col in 5..=ratio_col {
        sheet.set_column_width(col, 9.5)?;
    }
    for col in (first_unit_col..=last_col).filter(|_| !by_unit) {
        sheet.set_column_width(col, UNIT_WIDTH)?;
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
            let max = indicator_decimals(t);
            let value_format = |v: Option<Decimal>| s.figure(v.map_or(max, decimals), max, false);
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
            sheet.write_formula_with_format(row, 4, formula, &s.figure(decimals(t.total), max, true))?;
            if let Some(h) = c.cumulative.get(index) {
                for (col, figure) in [(5, h.ytd), (6, h.same_period_last_year), (7, h.ytd_last_year)] {
                    match figure {
                        Some(v) => sheet.write_number_with_format(row, col, to_f64(v), &value_format(Some(v)))?,
                        None => sheet.write_blank(row, col, &value_format(None))?,
                    };
                }
            }
            // `09/13` as a formula over the same cells, so that it follows when the clerk
            // corrects a unit's figure; its value stored as the total's is.
            let count = format!("=TEXT(COUNTIF({range},\">0\"),\"00\")&\"/\"&TEXT({},\"00\")", c.units);
            let formula = Formula::new(count).set_result(ratio(t.reporting, c.units));
            sheet.write_formula_with_format(row, ratio_col, formula, &s.center)?;
            for (u, value) in t.values.iter().enumerate().filter(|_| !by_unit) {
                let col = first_unit_col + u as u16;
                match value {
                    Some(v) => sheet.write_number_with_format(row, col, to_f64(*v), &value_format(Some(*v)))?,
                    None => sheet.write_blank(row, col, &value_format(None))?,
                };
            }
            sheet.set_row_height(
                row,
                wrapped_height(&[(&indicator.label, label_width), (&indicator.unit, UNIT_OF_MEASURE_WIDTH)], 11.0),
            )?;
            row += 1;
        }
    }

    if let Some(after) = &head.after {
        sheet.write_string_with_format(row + 1, 0, after, &s.subtitle)?;
    }

    // Frozen header and label columns; A4 landscape, one page wide, header repeated.
    sheet.set_freeze_panes(HEADER_ROW + 1, 3)?;
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    // One page when the table fits one at a readable size (a month of the default
    // configuration does), else one page wide and as many long as it takes.
    let pages_high = if row <= ONE_PAGE_ROWS { 1 } else { 0 };
    sheet.set_print_fit_to_pages(1, pages_high);
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_footer(format!("&C&\"Times New Roman\"&9{}", Msg::WorkbookPageFooter.text(lang)));
    Ok(())
}

/// The units of `Theo đơn vị`: one row per unit, one column per indicator in the order of
/// `Tổng hợp` (by section). Three header rows: the labels (small, wrapped), the units of
/// measure, then the codes, on which the filter sits: the row just above the figures, so that
/// sorting or filtering never moves a header.
pub(super) fn units_sheet(
    sheet: &mut Worksheet,
    config: &Config,
    period: &str,
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
        Msg::WorkbookByUnitTitle { period: period.to_owned() }.text(lang),
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

    let max_decimals: Vec<u32> = c.indicators.iter().map(indicator_decimals).collect();
    let mut row = BY_UNIT_FIRST_ROW;
    for (u, unit) in config.units.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (u + 1) as f64, &s.center)?;
        sheet.write_string_with_format(row, 1, &unit.name, &s.text)?;
        for (index, t) in c.indicators.iter().enumerate() {
            // One indicator per column: its figures line up on the decimal comma.
            let max = max_decimals[index];
            match t.values[u] {
                Some(v) => sheet.write_number_with_format(
                    row,
                    column_of[index],
                    to_f64(v),
                    &s.figure(decimals(v), max, false),
                )?,
                None => sheet.write_blank(row, column_of[index], &s.figure(max, max, false))?,
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
