//! Periods and dates as units type them: `08/2024`, `Tháng 8/2024`, `tháng 08 năm 2024`,
//! `T8/2024`, `2024-08`, `25/08/2024`, `ngày 25 tháng 8 năm 2024`, or a date cell.

use calamine::{Data, DataType};
use chrono::{Datelike, NaiveDate};

use crate::period::Period;

/// The runs of digits in a text, in order: `Tháng 8/2024` → [8, 2024].
fn numbers(text: &str) -> Vec<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty() && s.len() <= 4)
        .filter_map(|s| s.parse().ok())
        .collect()
}

/// A month written as text: a month and a four-digit year in either order, or a whole date
/// (its month). The first such group wins, so trailing remarks do not matter:
/// `Tháng 8/2024 (từ 15/7 đến 14/8)` is August 2024.
pub fn parse_period_text(text: &str) -> Option<Period> {
    let n = numbers(text);
    (0..n.len()).find_map(|i| {
        let date = date_at(&n[i..]).map(|d| Period { year: d.year(), month: d.month() });
        date.or_else(|| match n[i..] {
            [m, y, ..] if y >= 1000 && m <= 12 => Period::new(y as i32, m),
            [y, m, ..] if y >= 1000 && m <= 12 => Period::new(y as i32, m),
            _ => None,
        })
    })
}

/// A date written as text: day, month, year (Vietnamese order), or ISO `2024-08-25`; the first
/// valid one (`25/08/2024 lúc 10:30` is 25 August 2024).
pub fn parse_date_text(text: &str) -> Option<NaiveDate> {
    let n = numbers(text);
    (0..n.len()).find_map(|i| date_at(&n[i..]))
}

/// A date from the first three numbers of a run, if they make one.
fn date_at(n: &[u32]) -> Option<NaiveDate> {
    match *n {
        [y, m, d, ..] if y >= 1000 => NaiveDate::from_ymd_opt(y as i32, m, d),
        [d, m, y, ..] if y >= 1000 && d <= 31 => NaiveDate::from_ymd_opt(y as i32, m, d),
        _ => None,
    }
}

/// A date from a cell: a date cell, an ISO text (OpenDocument), a typed text, or a bare
/// Excel serial number (a date cell that lost its format).
pub fn cell_date(cell: &Data) -> Option<NaiveDate> {
    match cell {
        Data::DateTime(dt) => dt.as_datetime().map(|d| d.date()),
        Data::DateTimeIso(s) => NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok(),
        Data::String(s) => parse_date_text(s),
        Data::Float(_) | Data::Int(_) => {
            let serial = cell.as_f64()?;
            // 1982..2119: a plausible report date, not an ordinary number.
            if (30000.0..80000.0).contains(&serial) {
                NaiveDate::from_ymd_opt(1899, 12, 30)?.checked_add_days(chrono::Days::new(serial as u64))
            } else {
                None
            }
        }
        _ => None,
    }
}

/// A period from a cell: text, or a date cell (its month).
pub fn cell_period(cell: &Data) -> Option<Period> {
    match cell {
        Data::String(s) => parse_period_text(s),
        _ => cell_date(cell).map(|d| Period { year: d.year(), month: d.month() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_typed() {
        let p = Period { year: 2024, month: 8 };
        for text in [
            "08/2024",
            "8/2024",
            "Tháng 8/2024",
            "tháng 08 năm 2024",
            "T8/2024",
            "2024-08",
            "25/08/2024",
            "Tháng 8/2024 (từ 15/7 đến 14/8)",
            "25/08/2024 lúc 10:30",
        ] {
            assert_eq!(parse_period_text(text), Some(p), "{text}");
        }
        for text in ["", "tháng tám", "13/2024", "8", "2024"] {
            assert_eq!(parse_period_text(text), None, "{text}");
        }
    }

    #[test]
    fn dates_as_typed() {
        let d = NaiveDate::from_ymd_opt(2024, 8, 25);
        for text in
            ["25/08/2024", "25/8/2024", "ngày 25 tháng 8 năm 2024", "2024-08-25", "25-08-2024", "25/08/2024 lúc 10:30"]
        {
            assert_eq!(parse_date_text(text), d, "{text}");
        }
        assert_eq!(parse_date_text("31/02/2024"), None);
        assert_eq!(cell_date(&Data::Float(45529.0)), d);
        assert_eq!(cell_date(&Data::DateTimeIso("2024-08-25T00:00:00".into())), d);
        assert_eq!(cell_date(&Data::Float(12.0)), None);
    }
}
