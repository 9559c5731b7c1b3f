//! How large a workbook's sheets would be once loaded, read from the file before calamine
//! loads it: calamine builds .xls and .ods sheets as dense rectangles, and reserves what an
//! .xls `DIMENSIONS` record declares, so a 6 KB file can ask for terabytes (the process is
//! then aborted, not unwound, and every other file of the inbox is lost with it).
//!
//! - .xls: the `Workbook` stream of the compound file is walked record by record; each
//!   sheet's declared extent (`DIMENSIONS`) and real extent (the cells' own rows and columns)
//!   must each fit [`MAX_DENSE_CELLS`].
//! - .ods: `content.xml` is streamed; each table's rectangle from its first to its last
//!   non-empty cell, repeats expanded as calamine expands them, must fit the same bound.
//! - zip-based formats (.xlsx, .xlsb, .ods): the entries' declared sizes once unzipped must
//!   fit [`MAX_UNZIPPED_BYTES`] (the zip reader refuses an entry larger than it declares).

use std::io::{Cursor, Read};

use super::sniff::Format;

/// Cells of a dense rectangle calamine may build for one sheet (about 56 bytes each with its
/// formula range): some 110 MB. A report is a few hundred cells.
pub(crate) const MAX_DENSE_CELLS: u64 = 2_000_000;
/// What a workbook may hold once unzipped. A report is well under a megabyte.
pub(crate) const MAX_UNZIPPED_BYTES: u64 = 200_000_000;

/// Why a workbook is refused before loading, for the finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TooLarge {
    /// A sheet's rectangle: its name (or number), and the cells it would take.
    Sheet { sheet: String, cells: u64 },
    /// The workbook once unzipped, in bytes.
    Unzipped { bytes: u64 },
    /// An .xls container too broken to measure. calamine's own container reader is more
    /// lenient and goes on to read whatever the broken file declares: fuzzing found one that
    /// reserved 43 TB from its DIMENSIONS record, and one whose sector chains made calamine
    /// take 24 GB. Such a file is refused as damaged (a unit can send it again); every .xls
    /// that Excel or LibreOffice writes opens here, as do all of the samples and the corpus.
    Damaged,
}

/// Checks a workbook before it is loaded. A zip or XML that cannot be parsed here passes:
/// calamine then says what is wrong with it.
pub(crate) fn check(bytes: &[u8], format: Format) -> Result<(), TooLarge> {
    match format {
        Format::Xls => check_xls(bytes),
        Format::Xlsx | Format::Xlsb => check_unzipped(bytes),
        Format::Ods => {
            check_unzipped(bytes)?;
            check_ods(bytes)
        }
    }
}

fn check_unzipped(bytes: &[u8]) -> Result<(), TooLarge> {
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(entry) = zip.by_index_raw(i) {
            total = total.saturating_add(entry.size());
        }
    }
    if total > MAX_UNZIPPED_BYTES { Err(TooLarge::Unzipped { bytes: total }) } else { Ok(()) }
}

/// The rows and columns a sheet's cells span, as they are found.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Span {
    fn add(&mut self, row: u32, first_col: u32, last_col: u32) {
        let widen = |r: Option<(u32, u32)>, lo: u32, hi: u32| Some(r.map_or((lo, hi), |(a, b)| (a.min(lo), b.max(hi))));
        self.rows = widen(self.rows, row, row);
        self.cols = widen(self.cols, first_col, last_col);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                (u64::from(r1) - u64::from(r0) + 1) * (u64::from(c1) - u64::from(c0) + 1)
            }
            _ => 0,
        }
    }
}

fn u16_at(d: &[u8], at: usize) -> Option<u32> {
    d.get(at..at + 2).map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(d: &[u8], at: usize) -> Option<u32> {
    d.get(at..at + 4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn check_xls(bytes: &[u8]) -> Result<(), TooLarge> {
    let Ok(mut cfb) = cfb::CompoundFile::open(Cursor::new(bytes)) else { return Err(TooLarge::Damaged) };
    let stream = ["/Workbook", "/Book", "/WORKBOOK", "/BOOK"].into_iter().find(|p| cfb.is_stream(p));
    let Some(path) = stream else { return Ok(()) };
    let mut data = Vec::new();
    let Ok(mut s) = cfb.open_stream(path) else { return Err(TooLarge::Damaged) };
    // The stream is part of a file already bounded in size.
    if s.read_to_end(&mut data).is_err() {
        return Err(TooLarge::Damaged);
    }
    // The walk below is calamine's own (xls.rs, `parse_workbook`): the globals up to their EOF,
    // gathering each sheet's position (BOUNDSHEET); then, for each sheet, the records from that
    // position on, skipping nested substreams. A sheet whose position does not fall on a record
    // boundary is read as calamine reads it, so what it would build is what is measured
    // (fuzzing found a file whose misplaced position made calamine ask for 132 GB).
    let mut positions = Vec::new();
    for (typ, d) in records(&data) {
        match typ {
            // FILEPASS: what follows is encrypted; calamine says the file has a password.
            0x002F => return Ok(()),
            0x0085 => positions.extend(u32_at(&d, 0).map(|p| p as usize)),
            0x000A => break,
            _ => {}
        }
    }
    for (n, pos) in positions.into_iter().enumerate() {
        let Some(stream) = data.get(pos..) else { continue };
        let too_large = |cells: u64| TooLarge::Sheet { sheet: format!("#{}", n + 1), cells };
        let (mut seen_bof, mut depth) = (false, 0usize);
        let mut span = Span::default();
        for (typ, d) in records(stream) {
            if depth > 0 {
                match typ {
                    0x0809 => depth += 1,
                    0x000A => depth -= 1,
                    _ => {}
                }
                continue;
            }
            match typ {
                0x0809 if seen_bof => depth += 1,
                0x0809 => seen_bof = true,
                // DIMENSIONS: what calamine reserves.
                0x0200 => {
                    if let Some(cells) = dangerous_dimensions(&d) {
                        return Err(too_large(cells));
                    }
                }
                // Cells with a row and a column: NUMBER, LABEL, RSTRING, BOOLERR, RK,
                // LABELSST, FORMULA.
                0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                    if let (Some(r), Some(c)) = (u16_at(&d, 0), u16_at(&d, 2)) {
                        span.add(r, c, c);
                    }
                }
                // MULRK: a row, its first column, ..., its last column.
                0x00BD => {
                    if let (Some(r), Some(c0), Some(c1)) =
                        (u16_at(&d, 0), u16_at(&d, 2), u16_at(&d, d.len().saturating_sub(2)))
                    {
                        span.add(r, c0, c1.max(c0));
                    }
                }
                _ => {}
            }
            if span.cells() > MAX_DENSE_CELLS {
                return Err(too_large(span.cells()));
            }
        }
    }
    Ok(())
}

/// The records of a BIFF stream as calamine reads them: type and data, a record's CONTINUE
/// records appended to its data; the walk ends where a record would run past the stream.
fn records(stream: &[u8]) -> impl Iterator<Item = (u32, Vec<u8>)> + '_ {
    let mut at = 0usize;
    std::iter::from_fn(move || {
        let typ = u16_at(stream, at)?;
        let len = u16_at(stream, at + 2)? as usize;
        let mut data = stream.get(at + 4..at + 4 + len)?.to_vec();
        at += 4 + len;
        while u16_at(stream, at) == Some(0x003C) {
            let len = u16_at(stream, at + 2)? as usize;
            data.extend_from_slice(stream.get(at + 4..at + 4 + len)?);
            at += 4 + len;
        }
        Some((typ, data))
    })
}

/// The cells an .xls DIMENSIONS record makes calamine reserve, when that is too many (or when
/// its first row comes after its last, which makes calamine's own arithmetic wrap).
fn dangerous_dimensions(d: &[u8]) -> Option<u64> {
    let (rf, rl, cf, cl) = if d.len() >= 14 {
        (u32_at(d, 0)?, u32_at(d, 4)?, u16_at(d, 8)?, u16_at(d, 10)?)
    } else {
        (u16_at(d, 0)?, u16_at(d, 2)?, u16_at(d, 4)?, u16_at(d, 6)?)
    };
    // Rows first..last+1, columns first..last+1, as calamine reads them.
    let rows = u64::from(rl.saturating_sub(rf));
    let cols = u64::from(if cf > 0xFF || cl < cf { cl } else { cl - cf });
    let cells = rows.saturating_mul(cols);
    ((rl >= 1 && rf > rl - 1) || cells > MAX_DENSE_CELLS).then_some(cells)
}

/// First and last row (or column) of the non-empty cells seen so far.
type Bounds = Option<(u64, u64)>;

/// Reads at most [`MAX_UNZIPPED_BYTES`] of an entry, whatever it declares.
fn bounded<R: Read>(r: R) -> std::io::Take<R> {
    r.take(MAX_UNZIPPED_BYTES)
}

fn check_ods(bytes: &[u8]) -> Result<(), TooLarge> {
    use quick_xml::events::{BytesStart, Event};
    let Ok(mut zip) = zip::ZipArchive::new(Cursor::new(bytes)) else { return Ok(()) };
    let Ok(content) = zip.by_name("content.xml") else { return Ok(()) };
    let mut xml = quick_xml::Reader::from_reader(std::io::BufReader::new(bounded(content)));
    // Read as leniently as calamine reads it (found by fuzzing: a file whose end tags do not
    // match stopped this scan early, while calamine read on and expanded its repeats).
    xml.config_mut().check_end_names = false;
    let repeat = |e: &BytesStart, name: &str| -> u64 {
        e.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| a.value.parse().ok()).unwrap_or(1)
    };
    let has_value = |e: &BytesStart| e.attributes().flatten().any(|a| a.key.as_ref() == "office:value-type");
    // Per table: its name, the current row, the rows and columns its non-empty cells span,
    // and the cells calamine pushes row element by row element.
    let mut table = String::new();
    let (mut row, mut col) = (0u64, 0u64);
    let mut row_repeat = 1u64;
    let mut row_has = false;
    let (mut rows, mut cols): (Bounds, Bounds) = (None, None);
    let mut pushed = 0u64;
    let mut buf = Vec::new();
    let area = |rows: Bounds, cols: Bounds| match (rows, cols) {
        (Some((r0, r1)), Some((c0, c1))) => {
            (r1.saturating_sub(r0).saturating_add(1)).saturating_mul(c1.saturating_sub(c0).saturating_add(1))
        }
        _ => 0,
    };
    loop {
        let event = match xml.read_event_into(&mut buf) {
            Ok(Event::Eof) | Err(_) => break,
            Ok(e) => e,
        };
        match &event {
            Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                "table:table" => {
                    table = e
                        .attributes()
                        .flatten()
                        .find(|a| a.key.as_ref() == "table:name")
                        .map(|a| a.value.into_owned())
                        .unwrap_or_default();
                    (row, rows, cols, pushed) = (0, None, None, 0);
                }
                "table:table-row" => {
                    (col, row_has) = (0, false);
                    row_repeat = repeat(e, "table:number-rows-repeated").max(1);
                    if matches!(event, Event::Empty(_)) {
                        row = row.saturating_add(row_repeat);
                    }
                }
                "table:table-cell" | "table:covered-table-cell" => {
                    let n = repeat(e, "table:number-columns-repeated").max(1);
                    // A cell with a value, or with content (text), is not empty.
                    if has_value(e) || matches!(event, Event::Start(_)) {
                        let last = col.saturating_add(n.saturating_sub(1));
                        cols = Some(cols.map_or((col, last), |(a, b)| (a.min(col), b.max(last))));
                        pushed = pushed.saturating_add(last.saturating_add(1));
                        row_has = true;
                    }
                    col = col.saturating_add(n);
                }
                _ => {}
            },
            Event::End(e) if e.name().as_ref() == "table:table-row" => {
                if row_has {
                    let last = row.saturating_add(row_repeat.saturating_sub(1));
                    rows = Some(rows.map_or((row, last), |(a, _)| (a, last)));
                }
                row = row.saturating_add(row_repeat);
                let cells = area(rows, cols).max(pushed);
                if cells > MAX_DENSE_CELLS {
                    return Err(TooLarge::Sheet { sheet: table.clone(), cells });
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal .ods: one table whose rows are given as XML.
    fn ods(rows: &str) -> Vec<u8> {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default();
        zip.start_file("mimetype", options).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
        zip.start_file("content.xml", options).unwrap();
        let xml = format!(
            r#"<?xml version="1.0"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet><table:table table:name="Báo cáo">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        );
        zip.write_all(xml.as_bytes()).unwrap();
        zip.finish().unwrap().into_inner()
    }

    const VALUE: &str = r#"<table:table-cell office:value-type="float" office:value="1"/>"#;

    #[test]
    fn an_ods_report_passes_and_a_far_cell_does_not() {
        let small = format!("<table:table-row>{VALUE}{VALUE}</table:table-row>");
        assert_eq!(check(&ods(&small), Format::Ods), Ok(()));
        // Trailing empty rows and columns, as LibreOffice writes them, cost nothing.
        let trailing = format!(
            r#"<table:table-row>{VALUE}<table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>"#
        );
        assert_eq!(check(&ods(&trailing), Format::Ods), Ok(()));
        // One value far away: the rectangle to it is refused.
        let far = format!(
            r#"<table:table-row>{VALUE}</table:table-row><table:table-row table:number-rows-repeated="100000"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="1000"/>{VALUE}</table:table-row>"#
        );
        assert!(matches!(check(&ods(&far), Format::Ods), Err(TooLarge::Sheet { .. })));
        // A value repeated down a million rows.
        let repeated =
            format!(r#"<table:table-row table:number-rows-repeated="1000000">{VALUE}{VALUE}{VALUE}</table:table-row>"#);
        assert!(matches!(check(&ods(&repeated), Format::Ods), Err(TooLarge::Sheet { .. })));
    }
}
