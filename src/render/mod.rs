//! Renderers: pure functions from tonghop's data to the bytes of an output file or the text a
//! command prints. None of them touches the file system or the terminal; `crate::write`
//! writes files, `cmd` prints.

pub(crate) mod build;
pub(crate) mod check;
pub mod consolidated_xlsx;
pub mod csv;
pub mod docx;
pub(crate) mod form_xlsx;
mod inbox;
pub(crate) mod markdown;
pub(crate) mod status;
mod terminal;

/// Above this many configured units a configuration is "large" (a province's ~100 communes, a
/// national body's thousands) and the outputs change shape so that they stay printable:
/// `Tổng hợp` keeps its totals and `n/N` but drops its column per unit, whose figures move to
/// a sheet `Theo đơn vị` with one row per unit; and a form prefilled for one unit leaves out
/// the list of every unit (`template --all-units` would write N lists of N names). At 30, the
/// 13 communes of a city and a district's 20-odd keep the layout they know; past it, a column
/// per unit printed one page wide (spec §6) shrinks the text to well under half its size.
pub const MANY_UNITS: usize = 30;

/// Whether a configuration of `units` units is past [`MANY_UNITS`].
pub fn many_units(units: usize) -> bool {
    units > MANY_UNITS
}

/// A row height (points) that shows wrapped texts whole, from each text's length and its
/// column's width in character units. Spreadsheet viewers do not all re-fit rows when opening
/// a file, so the writer sets them. `font_points` is the cell font's size: a column width unit
/// holds about 1.4 Times New Roman characters at 11 pt (measured in LibreOffice).
pub fn wrapped_height(texts: &[(&str, f64)], font_points: f64) -> f64 {
    let chars_per_unit = 1.4 * 11.0 / font_points;
    let line_height = font_points * 1.35;
    let lines = texts
        .iter()
        .map(|(text, width)| {
            let per_line = (width * chars_per_unit).max(1.0);
            text.split('\n').map(|l| (l.chars().count() as f64 / per_line).ceil().max(1.0)).sum::<f64>()
        })
        .fold(1.0, f64::max);
    lines * line_height + 4.0
}
