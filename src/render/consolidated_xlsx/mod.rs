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

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

mod data;
mod lists;
mod span;
mod summary;

use crate::aggregate::{Consolidation, IndicatorTotal, SpanFigures};
use crate::config::{Aggregate, Config};
use crate::intake::Intake;
use crate::messages::{Lang, Msg, WorkbookColumn as W};
use crate::outputs::{self, SHEET_BY_UNIT};
use crate::period::{Period, Term, months_vn};
use crate::render::{csv, many_units};
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
    /// Text on one line (`Dữ liệu`: one row per line of the CSV, however long a note).
    plain: Format,
    /// A figure's cell, before its number format ([`Styles::figure`]).
    number: Format,
    /// States and severities, in the colours of Excel's Good, Neutral and Bad styles.
    good: Format,
    neutral: Format,
    bad: Format,
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
            plain: cell.clone(),
            number: cell.clone(),
            good: mark(&cell, 0xC6EFCE, 0x006100),
            neutral: mark(&cell, 0xFFEB9C, 0x9C5700),
            bad: mark(&cell, 0xFFC7CE, 0x9C0006),
            small_header: cell
                .set_font_size(summary::SMALL_FONT)
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(HEADER_FILL)),
        }
    }
}

/// A centred cell with a fill and a font colour.
fn mark(cell: &Format, fill: u32, font: u32) -> Format {
    cell.clone().set_align(FormatAlign::Center).set_background_color(Color::RGB(fill)).set_font_color(Color::RGB(font))
}

impl Styles {
    /// The format of a figure with `decimals` decimals among figures of at most `max`:
    /// `#,##0`, `#,##0.00_0`, `#,##0_._0_0_0`. No trailing zeros (`56,25`, as the report
    /// writes it, not `56,250`), and the missing digits (and comma) kept as blank space of
    /// their width, so a column of figures still lines up on the decimal comma.
    fn figure(&self, decimals: u32, max: u32, bold: bool) -> Format {
        let mut code = String::from("#,##0");
        if max > 0 {
            if decimals == 0 {
                code.push_str("_.");
            } else {
                code.push('.');
                code.push_str(&"0".repeat(decimals as usize));
            }
            for _ in decimals..max {
                code.push_str("_0");
            }
        }
        let format = self.number.clone().set_num_format(code);
        if bold { format.set_bold() } else { format }
    }
}

/// The most decimals a figure shows: the reader refuses more than this many in an amount.
const MAX_DECIMALS: u32 = 4;

/// The decimals `d` needs (`56.250` → 2), at most [`MAX_DECIMALS`].
fn decimals(d: Decimal) -> u32 {
    d.normalize().scale().min(MAX_DECIMALS)
}

/// The most decimals among an indicator's figures: its units' values and its total.
fn indicator_decimals(t: &IndicatorTotal) -> u32 {
    t.values.iter().flatten().chain([&t.total]).map(|v| decimals(*v)).max().unwrap_or(0)
}

/// What `Tổng hợp` says above and below its table: the period as titles show it (upper case,
/// [`period_shown`]), the note
/// under the title, and a last line (months the figures lack), if any.
struct Head {
    period: String,
    note: String,
    after: Option<String>,
}

/// A month's workbook. Its creation date is pinned to the period, so the same inputs give
/// the same file.
///
/// # Errors
/// Only if rust_xlsxwriter refuses a value.
pub fn render(config: &Config, intake: &Intake, c: &Consolidation, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let term = Term::Month(intake.period);
    let mut workbook = new_workbook(config, &term, lang)?;
    let by_unit = many_units(config.units.len());
    let (unit_word, submitted) = (config.report.unit_word.clone(), ratio(c.submitted.len(), c.units));
    let note = if by_unit {
        Msg::WorkbookSummaryNoteByUnit { unit_word, submitted, sheet: SHEET_BY_UNIT }
    } else {
        Msg::WorkbookSummaryNote { unit_word, submitted }
    };
    // Months the year-to-date figures needed and the archive lacks: those cells stay empty.
    let after = (!c.history_missing.is_empty())
        .then(|| Msg::WorkbookHistoryMissing { months: months_vn(&c.history_missing) }.text(lang));
    let head = Head { period: period_shown(config, &term, lang), note: note.text(lang), after };
    summary::summary(workbook.add_worksheet(), config, &head, c, &s, lang, by_unit)?;
    if by_unit {
        summary::units_sheet(workbook.add_worksheet(), config, &term_name(&term, lang).to_uppercase(), c, &s, lang)?;
    }
    let period = head.period;
    lists::submissions(workbook.add_worksheet(), config, intake, &period, &s, lang, by_unit)?;
    lists::findings(workbook.add_worksheet(), config, intake, &period, &s, lang)?;
    lists::notes(workbook.add_worksheet(), config, c, &period, &s, lang)?;
    let (ky, csv) = (term.to_string(), outputs::file_name(outputs::CONSOLIDATED, &term, "csv"));
    data::data(workbook.add_worksheet(), csv::month_rows(config, intake), (&ky, &period, &csv), &s, lang)?;
    workbook.save_to_buffer()
}

/// A longer period's workbook (`tonghop report`): the same `Tổng hợp` and `Ghi chú` as a
/// month's; `Nộp báo cáo` counts each unit's months, `Kiểm tra` names the months the archive
/// lacks.
///
/// # Errors
/// Only if rust_xlsxwriter refuses a value.
pub fn render_span(config: &Config, f: &SpanFigures, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let s = Styles::new();
    let term = Term::Span(f.span.clone());
    let c = &f.figures;
    let mut workbook = new_workbook(config, &term, lang)?;
    let by_unit = many_units(config.units.len());
    let used: Vec<Period> = f.span.months().into_iter().filter(|p| !f.absent.contains(p)).collect();
    let note = Msg::WorkbookSpanNote {
        unit_word: config.report.unit_word.clone(),
        submitted: ratio(c.submitted.len(), c.units),
        months: months_vn(&used),
        stocks: config
            .indicators
            .iter()
            .filter(|i| i.aggregate == Aggregate::Last)
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    let after = (!f.absent.is_empty()).then(|| Msg::WorkbookSpanAbsent { months: months_vn(&f.absent) }.text(lang));
    let head = Head { period: period_shown(config, &term, lang), note: note.text(lang), after };
    summary::summary(workbook.add_worksheet(), config, &head, c, &s, lang, by_unit)?;
    if by_unit {
        summary::units_sheet(workbook.add_worksheet(), config, &head.period, c, &s, lang)?;
    }
    span::months(workbook.add_worksheet(), config, f, &head.period, &s, lang)?;
    span::archive(workbook.add_worksheet(), config, f, &head.period, &s, lang)?;
    lists::notes(workbook.add_worksheet(), config, c, &head.period, &s, lang)?;
    let (ky, csv) = (term.to_string(), outputs::file_name(outputs::CONSOLIDATED, &term, "csv"));
    data::data(workbook.add_worksheet(), csv::span_rows(config, f), (&ky, &head.period, &csv), &s, lang)?;
    workbook.save_to_buffer()
}

/// A workbook with its properties set; the creation date is the period's first day.
fn new_workbook(config: &Config, term: &Term, lang: Lang) -> Result<Workbook, XlsxError> {
    let mut workbook = Workbook::new();
    let first = term.first();
    let date = ExcelDateTime::from_ymd(first.year() as u16, first.month() as u8, 1)?;
    let title = Msg::WorkbookDocTitle { title: config.report.title.clone(), period: term_name(term, lang) };
    workbook.set_properties(
        &DocProperties::new()
            .set_title(title.text(lang))
            .set_company(&config.report.organisation)
            .set_author("tonghop")
            .set_creation_datetime(&date),
    );
    Ok(workbook)
}

/// `tháng 08/2024`, `quý III năm 2024`.
fn term_name(term: &Term, lang: Lang) -> String {
    Msg::TermName { term: term.clone() }.text(lang)
}

/// The period as the upper-case titles name it, and with a reporting window
/// `THÁNG 10/2024 (Từ 15/9/2024 đến 14/10/2024)`.
fn period_shown(config: &Config, term: &Term, lang: Lang) -> String {
    let name = term_name(term, lang).to_uppercase();
    match (config.report.cutoff_day, term) {
        (Some(day), Term::Month(p)) => {
            let (start, end) = p.window_days(Some(day));
            format!("{name} ({})", Msg::Window { start, end }.text(lang))
        }
        _ => name,
    }
}

fn heading(column: W, lang: Lang) -> String {
    Msg::WorkbookColumn(column).text(lang)
}

/// The row of a list's header, under its title ([`list_title`]); its rows follow.
const LIST_HEADER_ROW: u32 = 2;

/// A list's title over its header, and its header: each column's name and width.
fn list_title(
    sheet: &mut Worksheet,
    title: &str,
    columns: &[(W, f64)],
    s: &Styles,
    lang: Lang,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, title, &s.title)?;
    for (col, (h, w)) in columns.iter().enumerate() {
        sheet.write_string_with_format(LIST_HEADER_ROW, col as u16, heading(*h, lang), &s.header)?;
        sheet.set_column_width(col as u16, *w)?;
    }
    Ok(())
}

/// A list under its title: header frozen and repeated on every page, A4 landscape, page
/// numbers.
fn list_print_setup(sheet: &mut Worksheet, lang: Lang) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(LIST_HEADER_ROW + 1, 0)?;
    sheet.set_repeat_rows(LIST_HEADER_ROW, LIST_HEADER_ROW)?;
    page_setup(sheet, lang);
    Ok(())
}

/// Every sheet prints A4 landscape, one page wide, with its page numbers.
fn page_setup(sheet: &mut Worksheet, lang: Lang) {
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_footer(format!("&C&\"Times New Roman\"&9{}", Msg::WorkbookPageFooter.text(lang)));
}

/// Excel refuses a cell of more than 32.767 characters; an OpenDocument note may be longer.
fn fit(text: &str) -> std::borrow::Cow<'_, str> {
    crate::text::truncate(text, 32_767)
}

/// Spreadsheet cells hold doubles; totals were computed exactly before this.
fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}
