//! Loading a workbook's sheets with calamine, whatever the format, without ever panicking.

use std::collections::BTreeMap;
use std::io::Cursor;

use calamine::{Data, Ods, Range, Reader, SheetType, SheetVisible, Xls, Xlsb, Xlsx, open_workbook_from_rs};

use super::sniff::Format;

/// One worksheet: its cached values and, where a cell holds a formula, the formula text.
pub struct Sheet {
    pub name: String,
    pub visible: bool,
    /// Cached values, as calamine gives them (the range need not start at A1).
    pub range: Range<Data>,
    /// Formulas by absolute (row, column), 0-based; only non-empty ones are kept.
    pub formulas: BTreeMap<(u32, u32), String>,
}

impl Sheet {
    /// Absolute (row, column) of the range's first cell.
    pub fn origin(&self) -> (u32, u32) {
        self.range.start().unwrap_or((0, 0))
    }

    /// The value at an absolute (row, column).
    pub fn get(&self, row: u32, col: u32) -> &Data {
        static EMPTY: Data = Data::Empty;
        let (r0, c0) = self.origin();
        if row < r0 || col < c0 {
            return &EMPTY;
        }
        self.range.get(((row - r0) as usize, (col - c0) as usize)).unwrap_or(&EMPTY)
    }

    /// Absolute row numbers covered by the range (empty when the sheet is empty).
    pub fn rows(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) if !self.range.is_empty() => s.0..e.0 + 1,
            _ => 0..0,
        }
    }

    /// Absolute column numbers covered by the range.
    pub fn cols(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) if !self.range.is_empty() => s.1..e.1 + 1,
            _ => 0..0,
        }
    }
}

/// Reads every worksheet of a workbook. The error is calamine's, in its words.
pub fn load(bytes: &[u8], format: Format) -> Result<Vec<Sheet>, String> {
    // calamine is careful, but a hostile file must never take the whole run down with it.
    let result = super::guard::catch(|| match format {
        Format::Xlsx => load_with::<Xlsx<_>>(bytes),
        Format::Xlsb => load_with::<Xlsb<_>>(bytes),
        Format::Xls => load_with::<Xls<_>>(bytes),
        Format::Ods => load_with::<Ods<_>>(bytes),
    });
    match result {
        Ok(r) => r,
        Err(panic) => Err(panic),
    }
}

fn load_with<'a, R>(bytes: &'a [u8]) -> Result<Vec<Sheet>, String>
where
    R: Reader<Cursor<&'a [u8]>>,
    R::Error: std::fmt::Display,
{
    let mut workbook: R = open_workbook_from_rs(Cursor::new(bytes)).map_err(|e: R::Error| e.to_string())?;
    let metadata = workbook.sheets_metadata().to_vec();
    let mut sheets = Vec::new();
    let mut first_error = None;
    for meta in metadata {
        if meta.typ != SheetType::WorkSheet {
            continue;
        }
        let range = match workbook.worksheet_range(&meta.name) {
            Ok(r) => r,
            Err(e) => {
                first_error.get_or_insert_with(|| format!("{}: {e}", meta.name));
                continue;
            }
        };
        let range = to_unicode(range);
        let formulas = workbook.worksheet_formula(&meta.name).map(|f| absolute_formulas(&f)).unwrap_or_default();
        sheets.push(Sheet { name: meta.name, visible: meta.visible == SheetVisible::Visible, range, formulas });
    }
    match (sheets.is_empty(), first_error) {
        (true, Some(e)) => Err(e),
        _ => Ok(sheets),
    }
}

/// Text typed in the legacy TCVN3 or VNI encodings becomes Unicode, and all text NFC.
/// The encoding is decided per sheet (short strings alone are ambiguous), each cell's own
/// evidence winning when it is clear.
fn to_unicode(mut range: Range<Data>) -> Range<Data> {
    let sheet_encoding = crate::legacy::detect(range.used_cells().filter_map(|(_, _, d)| match d {
        Data::String(s) => Some(s.as_str()),
        _ => None,
    }));
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let changes: Vec<((u32, u32), String)> = range
        .used_cells()
        .filter_map(|(r, c, d)| match d {
            Data::String(s) => {
                let u = crate::legacy::to_unicode_in_context(s, sheet_encoding);
                (u != *s).then(|| ((r0 + r as u32, c0 + c as u32), u))
            }
            _ => None,
        })
        .collect();
    for (pos, text) in changes {
        range.set_value(pos, Data::String(text));
    }
    range
}

fn absolute_formulas(range: &Range<String>) -> BTreeMap<(u32, u32), String> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    range
        .used_cells()
        .filter(|(_, _, f)| !f.trim().is_empty())
        .map(|(r, c, f)| ((r0 + r as u32, c0 + c as u32), f.clone()))
        .collect()
}
