//! Filled-in forms as units send them back: the bundled samples (`samples/`) and the test
//! fixtures are written with this, so each shows its input in code.
//!
//! A [`FilledSheet`] starts as the template's layout with the figures of one unit, and can
//! then be bent the ways units bend forms: a column dropped, rows shuffled with blank rows in
//! between, a value typed as text, the unit cell left empty, last month's sheet kept beside.

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, XlsxError};

use tonghop::config::Config;
use tonghop::form::{Column, HeaderField, SHEET_FORM};

/// A cell value as a unit types it.
#[derive(Debug, Clone, PartialEq)]
pub enum V {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell (year, month, day), shown dd/mm/yyyy.
    Date(u16, u8, u8),
    /// A formula and the result Excel stored with it (`None`: saved without results).
    Formula(String, Option<String>),
    Bool(bool),
}

impl V {
    pub fn text(s: &str) -> V {
        V::Text(s.to_owned())
    }
}

/// One row under the table's header.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Section { code: String, title: String },
    Indicator { stt: String, code: String, label: String, unit: String, value: V, note: Option<String> },
    Blank,
}

/// One sheet of a filled form.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledSheet {
    pub name: String,
    /// Title lines at the top.
    pub titles: Vec<String>,
    /// Header block: label (with its colon) and value, one per row.
    pub header: Vec<(String, V)>,
    /// The table's columns, in order.
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
    /// Header texts other than the template's (`Nội dung chi tiết` for the notes).
    pub renamed: Vec<(Column, String)>,
    /// Columns the unit added: (position among the columns, header, values by indicator code).
    pub extra: Vec<AddedColumn>,
    /// Hidden in the workbook (a draft kept out of sight).
    pub hidden: bool,
}

/// A column a unit added: its position among the columns, its header, values by indicator code.
pub type AddedColumn = (usize, String, Vec<(String, V)>);

/// One column of the written table: the form's own, or one a unit added.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Form(Column),
    Extra(usize),
}

impl FilledSheet {
    /// The template's layout for `unit_name` (empty header cell when `None`) and `period` (`08/2024`).
    pub fn standard(config: &Config, unit_name: Option<&str>, period: &str) -> FilledSheet {
        let label = |f: HeaderField| format!("{}:", f.labels()[0]);
        let mut rows = Vec::new();
        for section in &config.sections {
            rows.push(Row::Section { code: section.code.clone(), title: section.title.clone() });
            for (n, ind) in config.indicators_of(&section.code).enumerate() {
                rows.push(Row::Indicator {
                    stt: (n + 1).to_string(),
                    code: ind.code.clone(),
                    label: ind.label.clone(),
                    unit: ind.unit.clone(),
                    value: V::Empty,
                    note: None,
                });
            }
        }
        FilledSheet {
            name: SHEET_FORM.to_owned(),
            titles: vec![
                config.report.organisation.to_uppercase(),
                format!("{} THÁNG {period}", config.report.title.to_uppercase()),
            ],
            header: vec![
                (label(HeaderField::Unit), unit_name.map_or(V::Empty, V::text)),
                (label(HeaderField::Period), V::text(period)),
                (label(HeaderField::Prepared), V::Empty),
                (label(HeaderField::Preparer), V::Empty),
            ],
            columns: Column::ALL.to_vec(),
            rows,
            renamed: Vec::new(),
            extra: Vec::new(),
            hidden: false,
        }
    }

    /// The columns as written, left to right.
    fn slots(&self) -> Vec<Slot> {
        let mut slots: Vec<Slot> = self.columns.iter().map(|c| Slot::Form(*c)).collect();
        let mut extra: Vec<(usize, usize)> = self.extra.iter().enumerate().map(|(i, e)| (e.0, i)).collect();
        extra.sort_unstable();
        for (at, i) in extra {
            slots.insert(at.min(slots.len()), Slot::Extra(i));
        }
        slots
    }

    /// Renames a column's header.
    pub fn rename(&mut self, column: Column, header: &str) -> &mut Self {
        self.renamed.push((column, header.to_owned()));
        self
    }

    /// Adds a column at `position` (0 = first) with a header and values by indicator code.
    pub fn add_column(&mut self, position: usize, header: &str, values: &[(&str, V)]) -> &mut Self {
        let values = values.iter().map(|(c, v)| ((*c).to_owned(), v.clone())).collect();
        self.extra.push((position, header.to_owned(), values));
        self
    }

    /// Sets the unit of measure typed in an indicator's row.
    pub fn unit_of(&mut self, code: &str, unit_text: &str) -> &mut Self {
        for r in &mut self.rows {
            if let Row::Indicator { code: c, unit, .. } = r
                && c == code
            {
                *unit = unit_text.to_owned();
            }
        }
        self
    }

    /// Sets the label typed in an indicator's row (the code stays).
    pub fn label_of(&mut self, code: &str, label_text: &str) -> &mut Self {
        for r in &mut self.rows {
            if let Row::Indicator { code: c, label, .. } = r
                && c == code
            {
                *label = label_text.to_owned();
            }
        }
        self
    }

    fn indicator_mut(&mut self, code: &str) -> Option<(&mut V, &mut Option<String>)> {
        self.rows.iter_mut().find_map(|r| match r {
            Row::Indicator { code: c, value, note, .. } if c == code => Some((value, note)),
            _ => None,
        })
    }

    /// Sets the value typed for an indicator.
    pub fn set(&mut self, code: &str, value: V) -> &mut Self {
        if let Some((v, _)) = self.indicator_mut(code) {
            *v = value;
        }
        self
    }

    /// Sets the note of an indicator.
    pub fn note(&mut self, code: &str, note: &str) -> &mut Self {
        if let Some((_, n)) = self.indicator_mut(code) {
            *n = Some(note.to_owned());
        }
        self
    }

    /// Sets (or adds) a header-block field by its label without the colon, e.g. `Ngày lập`.
    pub fn header(&mut self, label: &str, value: V) -> &mut Self {
        let key = format!("{label}:");
        match self.header.iter_mut().find(|(l, _)| *l == key) {
            Some((_, v)) => *v = value,
            None => self.header.push((key, value)),
        }
        self
    }

    /// Removes a header-block field (the unit forgot it).
    pub fn without_header(&mut self, label: &str) -> &mut Self {
        let key = format!("{label}:");
        self.header.retain(|(l, _)| *l != key);
        self
    }

    /// Drops a column of the table.
    pub fn without_column(&mut self, column: Column) -> &mut Self {
        self.columns.retain(|c| *c != column);
        self
    }

    /// Drops an indicator's row.
    pub fn without_row(&mut self, code: &str) -> &mut Self {
        self.rows.retain(|r| !matches!(r, Row::Indicator { code: c, .. } if c == code));
        self
    }

    /// Rows in reverse order with a blank row after every third: a re-typed form.
    pub fn shuffled(&mut self) -> &mut Self {
        let rows: Vec<Row> = self.rows.drain(..).rev().collect();
        for (i, r) in rows.into_iter().enumerate() {
            self.rows.push(r);
            if i % 3 == 2 {
                self.rows.push(Row::Blank);
            }
        }
        self
    }

    /// Adds a row by hand (e.g. an indicator the configuration does not know).
    pub fn push_row(&mut self, row: Row) -> &mut Self {
        self.rows.push(row);
        self
    }
}

/// A workbook of one or more filled sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct FilledForm {
    pub sheets: Vec<FilledSheet>,
}

impl FilledForm {
    pub fn new(sheet: FilledSheet) -> FilledForm {
        FilledForm { sheets: vec![sheet] }
    }

    /// The workbook's bytes, with a pinned creation date so samples are reproducible.
    ///
    /// # Errors
    /// Only if rust_xlsxwriter refuses a value.
    pub fn to_xlsx(&self) -> Result<Vec<u8>, XlsxError> {
        let mut workbook = Workbook::new();
        let date = ExcelDateTime::from_ymd(2024, 8, 1)?;
        workbook.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
        let bold = Format::new().set_bold();
        let wrap = Format::new().set_text_wrap();
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        for spec in &self.sheets {
            let sheet = workbook.add_worksheet();
            sheet.set_name(&spec.name)?;
            if spec.hidden {
                sheet.set_hidden(true);
            }
            sheet.set_column_width(2, 48)?;
            sheet.set_column_width(5, 40)?;
            let mut row = 0;
            for title in &spec.titles {
                sheet.write_string_with_format(row, 0, title, &bold)?;
                row += 1;
            }
            row += 1;
            for (label, value) in &spec.header {
                sheet.write_string_with_format(row, 0, label, &bold)?;
                write_value(sheet, row, 2, value, &date_format)?;
                row += 1;
            }
            row += 1;
            let slots = spec.slots();
            for (col, slot) in slots.iter().enumerate() {
                let header = match slot {
                    Slot::Form(c) => spec.renamed.iter().find(|r| r.0 == *c).map_or(c.headers()[0], |r| r.1.as_str()),
                    Slot::Extra(i) => spec.extra[*i].1.as_str(),
                };
                sheet.write_string_with_format(row, col as u16, header, &bold)?;
            }
            row += 1;
            let at = |c: Column| slots.iter().position(|x| *x == Slot::Form(c)).map(|p| p as u16);
            for r in &spec.rows {
                match r {
                    Row::Blank => {}
                    Row::Section { code, title } => {
                        if let Some(c) = at(Column::Stt) {
                            sheet.write_string_with_format(row, c, code, &bold)?;
                        }
                        let c = at(Column::Label).or(at(Column::Code)).unwrap_or(1);
                        sheet.write_string_with_format(row, c, title, &bold)?;
                    }
                    Row::Indicator { stt, code, label, unit, value, note } => {
                        let texts = [
                            (Column::Stt, stt),
                            (Column::Code, code),
                            (Column::Label, label),
                            (Column::UnitOfMeasure, unit),
                        ];
                        for (column, text) in texts {
                            if let Some(c) = at(column) {
                                sheet.write_string(row, c, text)?;
                            }
                        }
                        if let Some(c) = at(Column::Value) {
                            write_value(sheet, row, c, value, &date_format)?;
                        }
                        if let (Some(c), Some(n)) = (at(Column::Note), note) {
                            sheet.write_string_with_format(row, c, n, &wrap)?;
                        }
                        for (col, slot) in slots.iter().enumerate() {
                            let Slot::Extra(i) = slot else { continue };
                            if let Some((_, v)) = spec.extra[*i].2.iter().find(|(c, _)| c == code) {
                                write_value(sheet, row, col as u16, v, &date_format)?;
                            }
                        }
                    }
                }
                row += 1;
            }
        }
        // A hidden sheet cannot be the active one: the first visible sheet is.
        if let Some(i) = self.sheets.iter().position(|s| !s.hidden).filter(|&i| i > 0) {
            workbook.worksheet_from_index(i)?.set_active(true);
        }
        let bytes = workbook.save_to_buffer()?;
        Ok(without_cached_results(bytes, &self.uncomputed_formulas()))
    }

    /// Formulas written without a computed result.
    fn uncomputed_formulas(&self) -> Vec<String> {
        let rows = self.sheets.iter().flat_map(|s| &s.rows);
        rows.filter_map(|r| match r {
            Row::Indicator { value: V::Formula(f, None), .. } => Some(f.clone()),
            _ => None,
        })
        .collect()
    }
}

/// rust_xlsxwriter always stores a result (`<v></v>` as empty text for ""); a program that does
/// not compute formulas stores none. Rewrites those cells the way such a program writes them.
fn without_cached_results(bytes: Vec<u8>, formulas: &[String]) -> Vec<u8> {
    use std::io::{Read, Write};
    if formulas.is_empty() {
        return bytes;
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("rust_xlsxwriter writes a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entries of our own zip");
        let name = entry.name().expect("names of our own zip").into_owned();
        let mut data = Vec::new();
        entry.read_to_end(&mut data).expect("entries of our own zip");
        if name.starts_with("xl/worksheets/") {
            let mut xml = String::from_utf8(data).expect("XML is UTF-8");
            for f in formulas {
                xml = xml.replace(&format!(r#" t="str"><f>{f}</f><v></v>"#), &format!("><f>{f}</f>"));
            }
            data = xml.into_bytes();
        }
        out.start_file(name, options).expect("writing to memory");
        out.write_all(&data).expect("writing to memory");
    }
    out.finish().expect("writing to memory").into_inner()
}

fn write_value(
    sheet: &mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    value: &V,
    date_format: &Format,
) -> Result<(), XlsxError> {
    match value {
        V::Empty => {}
        V::Text(s) => {
            sheet.write_string(row, col, s)?;
        }
        V::Number(n) => {
            sheet.write_number(row, col, *n)?;
        }
        V::Bool(b) => {
            sheet.write_boolean(row, col, *b)?;
        }
        V::Date(y, m, d) => {
            sheet.write_datetime_with_format(row, col, ExcelDateTime::from_ymd(*y, *m, *d)?, date_format)?;
        }
        V::Formula(f, Some(result)) => {
            sheet.write_formula(row, col, Formula::new(f).set_result(result))?;
        }
        V::Formula(f, None) => {
            // As a file saved by a program that does not compute formulas: no cached value
            // (the empty result is removed once the workbook is written).
            sheet.set_formula_result_default("");
            sheet.write_formula(row, col, Formula::new(f))?;
        }
    }
    Ok(())
}
