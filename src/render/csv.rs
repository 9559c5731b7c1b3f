//! `tong-hop-YYYY-MM.csv`: the archive (and `tong-hop-2024-Q3.csv`, a longer period's figures). One row per unit and indicator of every used
//! submission that has a value or a note; UTF-8 with BOM (Excel opens it right), RFC 4180,
//! `.` decimals without thousands separators. Text a spreadsheet would run as a formula is
//! made inert.

use rust_decimal::Decimal;

use crate::aggregate::SpanFigures;
use crate::config::{Config, Indicator, Unit};
use crate::intake::Intake;

pub use crate::outputs::CSV_HEADER as HEADER;
pub use crate::outputs::{inert, uninert};

/// A month's CSV; the same inputs give the same bytes.
///
/// # Errors
/// Never in practice (writing to memory); the csv crate's error is passed on.
pub fn render(config: &Config, intake: &Intake) -> Result<Vec<u8>, csv::Error> {
    write(&intake.period.to_string(), month_rows(config, intake))
}

/// A month's rows: per used submission, each indicator with a value or a note.
pub(crate) fn month_rows<'a>(config: &'a Config, intake: &'a Intake) -> impl Iterator<Item = Row<'a>> {
    intake.submissions.iter().flat_map(move |s| {
        let unit = &config.units[s.unit];
        config.indicators.iter().enumerate().filter_map(move |(i, indicator)| {
            let entry = s.entries.get(&i)?;
            (entry.value.is_some() || entry.note.is_some()).then(|| Row {
                unit,
                indicator,
                value: entry.value,
                note: entry.note.as_deref(),
                file: &s.file,
                cell: entry.value_cell.to_string(),
                sha256: &s.sha256,
            })
        })
    })
}

/// A longer period's CSV (spec §11): the figures its report used, one row per unit and
/// indicator with a value or a note, `ky_bao_cao` the period (`2024-Q3`), no source file.
///
/// # Errors
/// As [`render`].
pub fn render_span(config: &Config, f: &SpanFigures) -> Result<Vec<u8>, csv::Error> {
    write(&f.span.name, span_rows(config, f))
}

/// A longer period's rows: per unit, each indicator with a value or a note.
pub(crate) fn span_rows<'a>(config: &'a Config, f: &'a SpanFigures) -> impl Iterator<Item = Row<'a>> {
    config.units.iter().enumerate().flat_map(move |(u, unit)| {
        config.indicators.iter().zip(&f.figures.indicators).filter_map(move |(indicator, t)| {
            let (value, note) = (t.values[u], t.notes[u].as_deref());
            (value.is_some() || note.is_some()).then(|| Row {
                unit,
                indicator,
                value,
                note,
                file: "",
                cell: String::new(),
                sha256: "",
            })
        })
    })
}

/// One line of the archive (and of the workbook's `Dữ liệu`).
pub(crate) struct Row<'a> {
    pub unit: &'a Unit,
    pub indicator: &'a Indicator,
    pub value: Option<Decimal>,
    pub note: Option<&'a str>,
    pub file: &'a str,
    pub cell: String,
    pub sha256: &'a str,
}

fn write<'a>(period: &str, rows: impl Iterator<Item = Row<'a>>) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(HEADER)?;
        for row in rows {
            let value = row.value.map(|v| v.normalize().to_string()).unwrap_or_default();
            let record = [
                period,
                &row.unit.code,
                &row.unit.name,
                &row.indicator.code,
                &row.indicator.label,
                &row.indicator.unit,
                &value,
                row.note.unwrap_or(""),
                row.file,
                &row.cell,
                row.sha256,
            ];
            w.write_record(record.iter().map(|f| inert(f).into_owned()))?;
        }
        w.flush()?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use crate::outputs::{inert, uninert};

    #[test]
    fn formula_like_text_is_inert() {
        for (input, want) in [
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Tổ chức đối thoại", "Tổ chức đối thoại"),
            ("", ""),
        ] {
            assert_eq!(inert(input), want, "{input:?}");
            assert_eq!(uninert(&inert(input)), input, "{input:?}");
        }
    }
}
