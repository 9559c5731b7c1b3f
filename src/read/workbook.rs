//! Loading a workbook's sheets with calamine, whatever the format, without ever panicking and
//! without letting a hostile file take more memory than a real report could need.
//!
//! A sheet is kept sparse: only the cells that hold something, by absolute position. calamine's
//! `worksheet_range` allocates the whole rectangle from the first to the last used cell, so one
//! stray value at `XFD1048576` beside a table at `A1` would ask for 17 billion cells. For
//! .xlsx and .xlsb the cells are streamed instead and counted as they come, and a sheet with
//! more than [`MAX_CELLS_PER_SHEET`] cells is refused (F01) before it is held whole. calamine
//! reads .xls and .ods into dense ranges when it opens them; those formats bound the rectangle
//! themselves (.xls: 65,536 × 256), and the range is checked and turned sparse at once.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::sniff::Format;

/// A report holds a few hundred cells; a sheet with more than this is not one.
pub const MAX_CELLS_PER_SHEET: usize = 500_000;
/// The same for a whole workbook, so that many large sheets cannot add up.
pub const MAX_CELLS_PER_WORKBOOK: usize = 1_000_000;
/// Cell records read from a stream, empty (formatted) ones included: bounds the time a
/// compressed sheet of millions of formatted blanks can take.
const MAX_RECORDS_PER_SHEET: usize = 20_000_000;
/// Largest rectangle whose formulas are read into calamine's dense formula range (.xlsb).
const MAX_DENSE_AREA: u64 = 5_000_000;

/// One worksheet: the cells that hold something and, where a cell holds a formula, its text.
#[derive(Debug, Clone, Default)]
pub struct Sheet {
    pub name: String,
    pub visible: bool,
    /// Non-empty cells (and formula cells, whatever their cached value) by absolute
    /// (row, column), 0-based.
    cells: BTreeMap<(u32, u32), Data>,
    /// Formulas by absolute (row, column); only non-empty ones are kept.
    pub formulas: BTreeMap<(u32, u32), String>,
}

impl Sheet {
    /// The value at an absolute (row, column).
    pub fn get(&self, row: u32, col: u32) -> &Data {
        static EMPTY: Data = Data::Empty;
        self.cells.get(&(row, col)).unwrap_or(&EMPTY)
    }

    /// The cells of one row that hold something, left to right.
    pub fn row(&self, row: u32) -> impl Iterator<Item = (u32, &Data)> {
        self.cells.range((row, 0)..=(row, u32::MAX)).map(|(&(_, c), d)| (c, d))
    }

    /// Absolute numbers of the rows that hold a cell or a formula, top to bottom.
    pub fn row_numbers(&self) -> Vec<u32> {
        let mut rows: Vec<u32> = self.cells.keys().chain(self.formulas.keys()).map(|&(r, _)| r).collect();
        rows.sort_unstable();
        rows.dedup();
        rows
    }
}

/// Why a workbook could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// calamine's own words.
    Unreadable(String),
    /// A sheet, or the workbook, holds more cells than any report.
    TooManyCells { sheet: String, limit: usize },
}

/// Reads every worksheet of a workbook.
pub fn load(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, LoadError> {
    // calamine is careful, but a hostile file must never take the whole run down with it.
    let result = super::guard::catch(|| match format {
        Format::Xlsx => load_xlsx(bytes),
        Format::Xlsb => load_xlsb(bytes),
        Format::Xls => load_dense::<Xls<_>>(bytes, Data::Empty),
        // OpenDocument stores a formula's empty-text result as no value at all, and the
        // programs that write .ods always compute: such a cell is empty text, not uncomputed.
        Format::Ods => load_dense::<Ods<_>>(bytes, Data::String(String::new())),
    });
    let sheets = result.map_err(LoadError::Unreadable)??;
    Ok(sheets.into_iter().map(to_unicode).collect())
}

/// Counts cells against both caps as they are read.
struct Budget {
    left: usize,
}

impl Budget {
    fn new() -> Budget {
        Budget { left: MAX_CELLS_PER_WORKBOOK }
    }

    /// Checks a sheet that now holds `cells` cells after reading `records` records.
    fn check(&self, sheet: &str, cells: usize, records: usize) -> Result<(), LoadError> {
        if cells > MAX_CELLS_PER_SHEET || records > MAX_RECORDS_PER_SHEET {
            return Err(LoadError::TooManyCells { sheet: sheet.to_owned(), limit: MAX_CELLS_PER_SHEET });
        }
        if cells > self.left {
            return Err(LoadError::TooManyCells { sheet: sheet.to_owned(), limit: MAX_CELLS_PER_WORKBOOK });
        }
        Ok(())
    }
}

fn worksheets<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(workbook: &R) -> Vec<(String, bool)> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|m| m.typ == SheetType::WorkSheet)
        .map(|m| (m.name.clone(), m.visible == SheetVisible::Visible))
        .collect()
}

/// The sheets of a workbook whose sheets can be read; a sheet that cannot be read is left
/// out, unless none can, when its error is the workbook's.
fn collect_sheets(
    names: Vec<(String, bool)>,
    mut read: impl FnMut(&str, bool, &mut Budget) -> Result<Sheet, LoadError>,
) -> Result<Vec<Sheet>, LoadError> {
    let mut budget = Budget::new();
    let mut sheets = Vec::new();
    let mut first_error = None;
    for (name, visible) in names {
        match read(&name, visible, &mut budget) {
            Ok(mut sheet) => {
                budget.left -= sheet.cells.len().min(budget.left);
                // The name as reports show it (calamine needed the real one to find the sheet).
                sheet.name = crate::text::printable(&sheet.name).into_owned();
                sheets.push(sheet);
            }
            Err(e @ LoadError::TooManyCells { .. }) => return Err(e),
            Err(LoadError::Unreadable(e)) => {
                let name = crate::text::printable(&name);
                first_error.get_or_insert_with(|| LoadError::Unreadable(format!("{name}: {e}")));
            }
        }
    }
    match (sheets.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(sheets),
    }
}

fn unreadable(e: impl std::fmt::Display) -> LoadError {
    LoadError::Unreadable(e.to_string())
}

fn load_xlsx(bytes: &[u8]) -> Result<Vec<Sheet>, LoadError> {
    let mut workbook: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = worksheets(&workbook);
    collect_sheets(names, |name, visible, budget| {
        let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
        let (mut cells, mut formulas) = (BTreeMap::new(), BTreeMap::new());
        let mut records = 0;
        while let Some(cell) = reader.next_cell_with_formula().map_err(unreadable)? {
            records += 1;
            let formula = cell.formula.filter(|f| !f.trim().is_empty());
            let value = Data::from(cell.value);
            if formula.is_some() || !matches!(value, Data::Empty) {
                cells.insert(cell.pos, value);
            }
            if let Some(f) = formula {
                formulas.insert(cell.pos, f);
            }
            budget.check(name, cells.len(), records)?;
        }
        Ok(Sheet { name: name.to_owned(), visible, cells, formulas })
    })
}

fn load_xlsb(bytes: &[u8]) -> Result<Vec<Sheet>, LoadError> {
    let mut workbook: Xlsb<_> = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = worksheets(&workbook);
    collect_sheets(names, |name, visible, budget| {
        let mut cells = BTreeMap::new();
        {
            let mut reader = workbook.worksheet_cells_reader(name).map_err(unreadable)?;
            let mut records = 0;
            while let Some(cell) = reader.next_cell().map_err(unreadable)? {
                records += 1;
                let value = Data::from(cell.get_value().clone());
                if !matches!(value, Data::Empty) {
                    cells.insert(cell.get_position(), value);
                }
                budget.check(name, cells.len(), records)?;
            }
        }
        // calamine reads .xlsb formulas into a dense range: only over a small rectangle.
        let formulas = if bounding_area(&cells) <= MAX_DENSE_AREA {
            workbook.worksheet_formula(name).map(|f| absolute_formulas(&f)).unwrap_or_default()
        } else {
            BTreeMap::new()
        };
        for pos in formulas.keys() {
            cells.entry(*pos).or_insert(Data::Empty);
        }
        Ok(Sheet { name: name.to_owned(), visible, cells, formulas })
    })
}

fn load_dense<'a, R>(bytes: &'a [u8], formula_without_value: Data) -> Result<Vec<Sheet>, LoadError>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut workbook: R = open_workbook_from_rs(Cursor::new(bytes)).map_err(unreadable)?;
    let names = worksheets(&workbook);
    collect_sheets(names, |name, visible, budget| {
        let range = workbook.worksheet_range(name).map_err(unreadable)?;
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let mut cells = BTreeMap::new();
        for (r, c, d) in range.used_cells() {
            cells.insert((r0 + r as u32, c0 + c as u32), d.clone());
            budget.check(name, cells.len(), cells.len())?;
        }
        drop(range);
        let formulas = workbook.worksheet_formula(name).map(|f| absolute_formulas(&f)).unwrap_or_default();
        for pos in formulas.keys() {
            cells.entry(*pos).or_insert_with(|| formula_without_value.clone());
        }
        Ok(Sheet { name: name.to_owned(), visible, cells, formulas })
    })
}

fn bounding_area(cells: &BTreeMap<(u32, u32), Data>) -> u64 {
    let (Some(first), Some(last)) = (cells.keys().next(), cells.keys().next_back()) else { return 0 };
    let (min_c, max_c) = cells.keys().fold((u32::MAX, 0), |(lo, hi), &(_, c)| (lo.min(c), hi.max(c)));
    u64::from(last.0 - first.0 + 1) * u64::from(max_c - min_c + 1)
}

/// Text typed in the legacy TCVN3 or VNI encodings becomes Unicode, all text NFC, and control
/// characters are cleaned once here for every output ([`crate::text::clean_text`]).
/// The encoding is decided per sheet (short strings alone are ambiguous), each cell's own
/// evidence winning when it is clear.
fn to_unicode(mut sheet: Sheet) -> Sheet {
    let mut texts: Vec<&mut String> = sheet
        .cells
        .values_mut()
        .filter_map(|d| match d {
            Data::String(s) => Some(s),
            _ => None,
        })
        .collect();
    super::legacy::group_to_unicode(&mut texts);
    for value in sheet.cells.values_mut() {
        match value {
            Data::String(s) => {
                // Dropping a control character can leave a mark next to its letter: composed
                // again, so that every text of a sheet is NFC (the readers rely on it).
                if let std::borrow::Cow::Owned(clean) = crate::text::clean_text(s) {
                    *s = crate::names::fold::nfc(&clean);
                }
            }
            // Dates kept as text (xlsx `t="d"`, .ods date values) are shown as typed.
            Data::DateTimeIso(s) | Data::DurationIso(s) => {
                if let std::borrow::Cow::Owned(clean) = crate::text::clean_text(s) {
                    *s = clean;
                }
            }
            _ => {}
        }
    }
    // Formulas are quoted in messages (C05).
    for formula in sheet.formulas.values_mut() {
        if let std::borrow::Cow::Owned(clean) = crate::text::printable(formula) {
            *formula = clean;
        }
    }
    sheet
}

fn absolute_formulas(range: &Range<String>) -> BTreeMap<(u32, u32), String> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .filter(|(_, _, f)| !f.trim().is_empty())
        .map(|(r, c, f)| ((r0 + r as u32, c0 + c as u32), f.clone()))
        .collect()
}
