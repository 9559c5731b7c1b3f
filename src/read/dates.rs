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
/// (its month), or a reporting window (`Từ 15/7/2024 đến 14/8/2024`, `15/7 - 14/8/2024`: the
/// month of its end date). The first such group wins, so trailing remarks do not matter:
/// `Tháng 8/2024 (từ 15/7 đến 14/8)` is August 2024.
pub fn parse_period_text(text: &str) -> Option<Period> {
    let n = numbers(text);
    let window = has_window_word(text);
    (0..n.len()).find_map(|i| {
        let month_of = |d: NaiveDate| Period::new(d.year(), d.month());
        let end = window.then(|| window_end(&n[i..])).flatten().and_then(month_of);
        end.or_else(|| date_at(&n[i..]).and_then(month_of)).or_else(|| match n[i..] {
            [m, y, ..] if y >= 1000 && m <= 12 => Period::new(y as i32, m),
            [y, m, ..] if y >= 1000 && m <= 12 => Period::new(y as i32, m),
            _ => None,
        })
    })
}

/// Words that join the two ends of a window: `đến`, `tới`, a dash.
fn has_window_word(text: &str) -> bool {
    let folded = crate::names::fold::fold(text);
    let words = [" den ", " toi "];
    text.contains(['-', '\u{2013}', '\u{2014}', '~']) || words.iter().any(|w| format!(" {folded} ").contains(w))
}

/// The end of a window of two dates: `d/m/y … d/m/y`, or `d/m … d/m/y` (one year for both).
fn window_end(n: &[u32]) -> Option<NaiveDate> {
    match *n {
        [d1, m1, y1, d2, m2, y2, ..] if y1 >= 1000 && y2 >= 1000 => {
            NaiveDate::from_ymd_opt(y1 as i32, m1, d1)?;
            NaiveDate::from_ymd_opt(y2 as i32, m2, d2)
        }
        [d1, m1, d2, m2, y, ..] if y >= 1000 && d1 <= 31 && m1 <= 12 && d2 <= 31 => {
            NaiveDate::from_ymd_opt(y as i32, m1, d1)?;
            NaiveDate::from_ymd_opt(y as i32, m2, d2)
        }
        _ => None,
    }
}

/// A date written as text: day, month, year (Vietnamese order), or ISO `2024-08-25`; the first
/// valid one (`25/08/2024 lúc 10:30` is 25 August 2024).
pub fn parse_date_text(text: &str) -> Option<NaiveDate> {
    let n = numbers(text);
    (0..n.len()).find_map(|i| date_at(&n[i..]))
}

/// A date prepared as typed: a whole date, or only a day and a month (`26/8`,
/// `Ngày 26 tháng 8`), whose year is the one that puts it nearest the reporting period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Prepared {
    Date(NaiveDate),
    DayMonth { day: u32, month: u32 },
}

impl Prepared {
    /// The date, a day and month taking the year that puts it nearest the period's end (a
    /// December report is often prepared in January).
    pub fn date(self, period: Period) -> Option<NaiveDate> {
        match self {
            Prepared::Date(d) => Some(d),
            Prepared::DayMonth { day, month } => {
                let end = period.last_day();
                [period.year() - 1, period.year(), period.year() + 1]
                    .into_iter()
                    .filter_map(|y| NaiveDate::from_ymd_opt(y, month, day))
                    .min_by_key(|d| (*d - end).num_days().abs())
            }
        }
    }
}

/// A date prepared from its text: a whole date, `26/08/24` (a two-digit year after `/`, `-`
/// or `.`), or a day and a month alone.
pub fn parse_prepared_text(text: &str) -> Option<Prepared> {
    if let Some(d) = parse_date_text(text) {
        return Some(Prepared::Date(d));
    }
    // Digit runs with the text that separates them.
    let mut runs: Vec<(&str, &str)> = Vec::new(); // (separator before, digits)
    let mut rest = text;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        let len = rest[start..].find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len() - start);
        runs.push((&rest[..start], &rest[start..start + len]));
        rest = &rest[start + len..];
    }
    let num = |s: &str| s.parse::<u32>().ok().filter(|_| s.len() <= 2);
    let joined = |sep: &str| matches!(sep, "/" | "-" | ".");
    for i in 0..runs.len() {
        let (Some(day), Some(month)) = (num(runs[i].1), runs.get(i + 1).and_then(|r| num(r.1))) else { continue };
        let by_words = crate::names::fold::fold(runs[i + 1].0) == "thang";
        if !joined(runs[i + 1].0) && !by_words {
            continue;
        }
        if let Some(&(sep, yy)) = runs.get(i + 2)
            && joined(sep)
            && yy.len() == 2
        {
            let year = 2000 + yy.parse::<i32>().ok()?;
            return NaiveDate::from_ymd_opt(year, month, day).map(Prepared::Date);
        }
        // A day that exists in some year (29/2 included).
        if NaiveDate::from_ymd_opt(2024, month, day).is_some() {
            return Some(Prepared::DayMonth { day, month });
        }
    }
    None
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

/// A date prepared from a cell: a date cell, or text in any common form.
pub fn cell_prepared(cell: &Data) -> Option<Prepared> {
    match cell {
        Data::String(s) => parse_prepared_text(s),
        _ => cell_date(cell).map(Prepared::Date),
    }
}

/// A period from a cell: text, or a date cell (its month).
pub fn cell_period(cell: &Data) -> Option<Period> {
    match cell {
        Data::String(s) => parse_period_text(s),
        _ => cell_date(cell).and_then(|d| Period::new(d.year(), d.month())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_as_typed() {
        let p = Period::new(2024, 8).unwrap();
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
            "Từ 15/7/2024 đến 14/8/2024",
            "từ ngày 15/7/2024 - 14/8/2024",
            "15/7 - 14/8/2024",
            "15/07 đến 14/08/2024",
        ] {
            assert_eq!(parse_period_text(text), Some(p), "{text}");
        }
        // A window across the new year is the month of its end.
        assert_eq!(parse_period_text("Từ 15/12/2024 đến 14/1/2025"), Period::new(2025, 1));
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
        let aug = Period::new(2024, 8).unwrap();
        for text in ["26/8/2024", "26/08/24", "26/8", "Ngày 26 tháng 8", "ngày 26 tháng 8 năm 2024", "26-8"] {
            let got = parse_prepared_text(text).and_then(|p| p.date(aug));
            assert_eq!(got, NaiveDate::from_ymd_opt(2024, 8, 26), "{text}");
        }
        // December's report prepared on 3 January is dated in the next year.
        let dec = Period::new(2024, 12).unwrap();
        assert_eq!(parse_prepared_text("3/1").and_then(|p| p.date(dec)), NaiveDate::from_ymd_opt(2025, 1, 3));
        for text in ["26", "lúc 10:30 hôm qua", "32/8", "26/13"] {
            assert_eq!(parse_prepared_text(text), None, "{text}");
        }
        assert_eq!(cell_date(&Data::Float(45529.0)), d);
        assert_eq!(cell_date(&Data::DateTimeIso("2024-08-25T00:00:00".into())), d);
        assert_eq!(cell_date(&Data::Float(12.0)), None);
    }
}
