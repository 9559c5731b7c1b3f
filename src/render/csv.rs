//! `tong-hop-YYYY-MM.csv`: the archive. One row per unit and indicator of every used
//! submission that has a value or a note; UTF-8 with BOM (Excel opens it right), RFC 4180,
//! `.` decimals without thousands separators. Text a spreadsheet would run as a formula is
//! made inert.

use crate::config::Config;
use crate::intake::Intake;

pub use crate::outputs::CSV_HEADER as HEADER;

/// The CSV's bytes; the same inputs give the same bytes.
///
/// # Errors
/// Never in practice (writing to memory); the csv crate's error is passed on.
pub fn render(config: &Config, intake: &Intake) -> Result<Vec<u8>, csv::Error> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(&mut out);
        w.write_record(HEADER)?;
        let period = intake.period.to_string();
        for s in &intake.submissions {
            let unit = &config.units[s.unit];
            for (i, indicator) in config.indicators.iter().enumerate() {
                let Some(entry) = s.entries.get(&i) else { continue };
                if entry.value.is_none() && entry.note.is_none() {
                    continue;
                }
                let value = entry.value.map(|v| v.normalize().to_string()).unwrap_or_default();
                let record = [
                    period.as_str(),
                    &unit.code,
                    &unit.name,
                    &indicator.code,
                    &indicator.label,
                    &indicator.unit,
                    &value,
                    entry.note.as_deref().unwrap_or(""),
                    &s.file,
                    &entry.value_cell.to_string(),
                    &s.sha256,
                ];
                w.write_record(record.iter().map(|f| inert(f).into_owned()))?;
            }
        }
        w.flush()?;
    }
    Ok(out)
}

/// A field that starts like a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading `'`, so a
/// spreadsheet shows it as text instead of running it (OWASP's CSV injection advice).
pub fn inert(field: &str) -> std::borrow::Cow<'_, str> {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}").into(),
        _ => field.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

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
        }
    }
}
