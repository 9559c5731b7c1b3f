//! Finding the table in a sheet and reading its rows and the header block above it.
//!
//! A table is found by its header row: a row holding a value column and at least a code or a
//! label column (header words compared folded, see [`crate::form`]). Rows are matched to
//! indicators by code first, then by label or alias. Row order, blank rows, section rows,
//! extra columns and rows of unknown indicators are all fine.

use std::collections::BTreeMap;

use calamine::Data;
use rust_decimal::Decimal;

mod block;
mod columns;
mod rows;

use super::dates::Prepared;
use super::workbook::Sheet;
use crate::config::Config;
use crate::finding::{Cell, Code, Finding};
use crate::messages::{Msg, clip};
use crate::period::Period;
use block::read_header;
pub use columns::MonthTag;
use columns::{ColumnsProblem, column_letter, find_layout, resolve};
use rows::read_rows;

/// A value read from one cell, with the cell's address.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// `None` when the cell is empty or was refused (a finding says why).
    pub value: Option<Decimal>,
    /// Absolute position of the value cell.
    pub value_cell: Cell,
    pub note: Option<String>,
    pub note_cell: Option<Cell>,
}

/// The header block's fields, with the text as typed and where it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HeaderBlock {
    /// Unit name as typed, and its cell.
    pub unit: Option<(String, Cell)>,
    /// Period as typed, what it parses to, and its cell (none when read from the title).
    pub period: Option<(String, Option<Period>, Option<Cell>)>,
    /// Date prepared as typed, what it gives, and its cell.
    pub prepared: Option<(String, Option<Prepared>, Cell)>,
    pub preparer: Option<String>,
}

/// One table read from one sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct TableData {
    pub sheet: String,
    pub visible: bool,
    pub header: HeaderBlock,
    /// The month the value column's header names, if any (`Tháng 8`), with the header text.
    pub value_month: Option<(String, MonthTag)>,
    /// False when the table cannot be read (which column holds the figures is unclear): its
    /// findings say why, and it has no entries.
    pub usable: bool,
    /// Entries by indicator index in the configuration.
    pub entries: BTreeMap<usize, Entry>,
    /// Cell-level and soft findings (file and unit are filled in later).
    pub findings: Vec<Finding>,
}

impl TableData {
    /// The declared period, if it could be read.
    pub fn period(&self) -> Option<Period> {
        self.header.period.as_ref().and_then(|p| p.1)
    }

    /// Whether any value or note was given.
    pub fn is_empty(&self) -> bool {
        self.entries.values().all(|e| e.value.is_none() && e.note.is_none())
    }
}

/// The cell at an absolute position.
pub fn a1(row: u32, col: u32) -> Cell {
    Cell::new(row, col)
}

/// Text of a cell as shown, trimmed (and NFC, as every text of a [`Sheet`]); `None` when
/// empty.
pub fn cell_text(cell: &Data) -> Option<String> {
    let text = match cell {
        Data::Empty => return None,
        Data::String(s) => s.trim().to_owned(),
        Data::Float(f) => super::value::float_to_decimal(*f).map(|d| d.to_string()).unwrap_or_default(),
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.format("%d/%m/%Y").to_string()).unwrap_or_default(),
        other => other.to_string(),
    };
    (!text.is_empty()).then_some(text)
}

/// Finds and reads the table of a sheet, if it has one: header block, columns, rows.
pub fn read_table(sheet: &Sheet, config: &Config) -> Option<TableData> {
    let layout = find_layout(sheet)?;
    let header = read_header(sheet, layout.header_row);
    let declared = header.period.as_ref().and_then(|p| p.1);
    let mut table = TableData {
        sheet: sheet.name.clone(),
        visible: sheet.visible,
        header,
        value_month: None,
        usable: false,
        entries: BTreeMap::new(),
        findings: Vec::new(),
    };
    match resolve(sheet, &layout, declared) {
        Ok(columns) => {
            let (entries, findings) = read_rows(sheet, &columns, layout.data_from, config);
            table.value_month = columns.value_month;
            (table.usable, table.entries, table.findings) = (true, entries, findings);
            if columns.code.is_none() {
                let at = a1(layout.header_row, columns.label.unwrap_or(columns.value));
                table
                    .findings
                    .insert(0, Finding::new(Code::LabelOnly, "", Msg::TableWithoutCodes).at_cell(&sheet.name, at));
            }
        }
        Err(problem) => {
            let list = |cols: &[(u32, String)]| {
                cols.iter()
                    .map(|(c, t)| format!("{} \"{}\"", column_letter(*c), clip(t)))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let (msg, at) = match &problem {
                ColumnsProblem::Ambiguous(c) => (Msg::FileValueColumnAmbiguous { columns: list(c) }, c[0].0),
                ColumnsProblem::OtherTime(c) => {
                    (Msg::FileValueColumnOtherTime { columns: list(c) }, c.first().map_or(0, |c| c.0))
                }
            };
            let f = Finding::new(Code::ValueColumnUnclear, "", msg).at_cell(&sheet.name, a1(layout.header_row, at));
            table.findings.push(f);
        }
    }
    Some(table)
}
