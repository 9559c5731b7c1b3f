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
