//! The reporting period: a month of a year.

use std::fmt;
use std::str::FromStr;

use chrono::Datelike;

/// A reporting month, e.g. August 2024. Built only through [`Period::new`], so every period
/// is a month Excel can date (years 1900 to 9999): `Kỳ báo cáo: 01/01/1500` is no period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    year: i32,
    /// 1–12.
    month: u32,
}

impl Period {
    pub fn new(year: i32, month: u32) -> Option<Period> {
        ((1..=12).contains(&month) && (1900..=9999).contains(&year)).then_some(Period { year, month })
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// 1–12.
    pub fn month(&self) -> u32 {
        self.month
    }

    /// The current month, by the machine's local clock.
    pub fn current() -> Period {
        let today = chrono::Local::now().date_naive();
        // A clock outside Excel's years still gives a month Excel can date.
        Period { year: today.year().clamp(1900, 9999), month: today.month() }
    }

    /// `08/2024`, the way Vietnamese documents write a month.
    pub fn vn(&self) -> String {
        format!("{:02}/{}", self.month, self.year)
    }

    /// Last day of the month.
    pub fn last_day(&self) -> chrono::NaiveDate {
        let next = if self.month == 12 { (self.year + 1, 1) } else { (self.year, self.month + 1) };
        chrono::NaiveDate::from_ymd_opt(next.0, next.1, 1)
            .and_then(|d| d.pred_opt())
            .expect("valid month by construction")
    }

    /// The reporting window of the period, first and last day: the calendar month, or with a
    /// `cutoff_day` (spec §11) day `cutoff_day + 1` of the previous month to `cutoff_day`.
    pub fn window(&self, cutoff_day: Option<u32>) -> (chrono::NaiveDate, chrono::NaiveDate) {
        match cutoff_day {
            None => (self.first_day(), self.last_day()),
            Some(day) => {
                let previous = if self.month == 1 { (self.year - 1, 12) } else { (self.year, self.month - 1) };
                // Days 1–28 exist in every month (the configuration refuses others).
                let day = day.clamp(1, 28);
                let start = chrono::NaiveDate::from_ymd_opt(previous.0, previous.1, day + 1);
                let end = chrono::NaiveDate::from_ymd_opt(self.year, self.month, day);
                (start.unwrap_or_else(|| self.first_day()), end.unwrap_or_else(|| self.last_day()))
            }
        }
    }

    /// The window's first and last day as documents write dates: `15/9/2024`, `14/10/2024`.
    pub fn window_days(&self, cutoff_day: Option<u32>) -> (String, String) {
        let (start, end) = self.window(cutoff_day);
        (start.format("%-d/%-m/%Y").to_string(), end.format("%-d/%-m/%Y").to_string())
    }

    /// `Từ 15/9/2024 đến 14/10/2024`: the window as the (Vietnamese) report writes it.
    pub fn window_vn(&self, cutoff_day: Option<u32>) -> String {
        let (start, end) = self.window_days(cutoff_day);
        format!("Từ {start} đến {end}")
    }

    /// First day of the month.
    pub fn first_day(&self) -> chrono::NaiveDate {
        chrono::NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("valid month by construction")
    }
}

/// Months as a list reads them: runs of a year's consecutive months as one range,
/// `01–08/2023, 10/2023`.
pub fn months_vn(months: &[Period]) -> String {
    let mut sorted = months.to_vec();
    sorted.sort();
    sorted.dedup();
    let mut runs: Vec<(Period, Period)> = Vec::new();
    for p in sorted {
        match runs.last_mut() {
            Some((_, last)) if last.year == p.year && last.month + 1 == p.month => *last = p,
            _ => runs.push((p, p)),
        }
    }
    runs.iter()
        .map(|(a, b)| if a == b { a.vn() } else { format!("{:02}–{}", a.month, b.vn()) })
        .collect::<Vec<_>>()
        .join(", ")
}

/// `2024-08`: the form used in file names, JSON and the CSV.
impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{:02}", self.year, self.month)
    }
}

/// Parses `2024-08` (also `2024-8`, `08/2024`, `8/2024`): the forms a user types after `--period`.
impl FromStr for Period {
    type Err = ();

    fn from_str(s: &str) -> Result<Period, ()> {
        let s = s.trim();
        let (year, month) = if let Some((y, m)) = s.split_once('-') {
            (y, m)
        } else if let Some((m, y)) = s.split_once('/') {
            (y, m)
        } else {
            return Err(());
        };
        let all_digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(year) || !all_digits(month) || year.len() != 4 || month.len() > 2 {
            return Err(());
        }
        Period::new(year.parse().map_err(|_| ())?, month.parse().map_err(|_| ())?).ok_or(())
    }
}

/// A longer reporting period, the months a report covers (spec §11, `tonghop report
/// --period`): a quarter, the first six or nine months, a year, or a range of months.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// As typed and in file names: `2024-Q3`, `2024-H1`, `2024-9T`, `2024`, `2024-01..2024-09`.
    pub name: String,
    pub first: Period,
    pub last: Period,
    kind: SpanKind,
}

/// What kind of longer period a [`Span`] is, for the words that name it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    /// 1–4.
    Quarter(u32),
    /// The first 6 or 9 months of a year.
    FirstMonths(u32),
    Year,
    Range,
}

/// What an output covers: the month `build` consolidates from an inbox, or the longer period
/// `report` adds up from the archive. File names, titles and the CSV's `ky_bao_cao` name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    Month(Period),
    Span(Span),
}

impl Term {
    /// The first month covered: the creation date pinned into the xlsx and docx.
    pub fn first(&self) -> Period {
        match self {
            Term::Month(p) => *p,
            Term::Span(s) => s.first,
        }
    }
}

/// `2024-08` or `2024-Q3`: file names and the CSV.
impl fmt::Display for Term {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Term::Month(p) => p.fmt(f),
            Term::Span(s) => f.write_str(&s.name),
        }
    }
}

impl Span {
    pub fn kind(&self) -> SpanKind {
        self.kind
    }

    /// Every month of the span, in order.
    pub fn months(&self) -> Vec<Period> {
        let mut months = Vec::new();
        let mut p = self.first;
        while p <= self.last {
            months.push(p);
            p = match Period::new(p.year + i32::from(p.month == 12), p.month % 12 + 1) {
                Some(next) => next,
                None => break,
            };
        }
        months
    }

    /// How reports speak of it: `quý III năm 2024`, `6 tháng đầu năm 2024`, `năm 2024`,
    /// `từ tháng 01/2024 đến tháng 09/2024`.
    pub fn vn(&self) -> String {
        let year = self.first.year;
        match self.kind {
            SpanKind::Quarter(q) => format!("quý {} năm {year}", ["I", "II", "III", "IV"][q as usize - 1]),
            SpanKind::FirstMonths(n) => format!("{n} tháng đầu năm {year}"),
            SpanKind::Year => format!("năm {year}"),
            SpanKind::Range => format!("từ tháng {} đến tháng {}", self.first.vn(), self.last.vn()),
        }
    }
}

/// Parses `2024-Q3`, `2024-H1`, `2024-9T`, `2024` and `2024-01..2024-09` (a range in order).
impl FromStr for Span {
    type Err = ();

    fn from_str(s: &str) -> Result<Span, ()> {
        let s = s.trim();
        let year_of = |t: &str| -> Result<i32, ()> {
            let ok = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
            if ok { Period::new(t.parse().map_err(|_| ())?, 1).map(|p| p.year).ok_or(()) } else { Err(()) }
        };
        let months = |year: i32, first: u32, last: u32, kind: SpanKind| -> Result<Span, ()> {
            let (first, last) = (Period::new(year, first).ok_or(())?, Period::new(year, last).ok_or(())?);
            // The name in file names is one spelling whatever was typed (`2024-q3` is `2024-Q3`).
            let name = match kind {
                SpanKind::Quarter(q) => format!("{year}-Q{q}"),
                SpanKind::FirstMonths(6) => format!("{year}-H1"),
                SpanKind::FirstMonths(n) => format!("{year}-{n}T"),
                SpanKind::Year | SpanKind::Range => year.to_string(),
            };
            Ok(Span { name, first, last, kind })
        };
        if let Some((a, b)) = s.split_once("..") {
            let (first, last): (Period, Period) = (a.parse()?, b.parse()?);
            let name = format!("{first}..{last}");
            return (first <= last).then_some(Span { name, first, last, kind: SpanKind::Range }).ok_or(());
        }
        let Some((year, part)) = s.split_once('-') else {
            return months(year_of(s)?, 1, 12, SpanKind::Year);
        };
        let year = year_of(year)?;
        match part.to_ascii_uppercase().as_str() {
            "Q1" => months(year, 1, 3, SpanKind::Quarter(1)),
            "Q2" => months(year, 4, 6, SpanKind::Quarter(2)),
            "Q3" => months(year, 7, 9, SpanKind::Quarter(3)),
            "Q4" => months(year, 10, 12, SpanKind::Quarter(4)),
            "H1" => months(year, 1, 6, SpanKind::FirstMonths(6)),
            "9T" => months(year, 1, 9, SpanKind::FirstMonths(9)),
            _ => Err(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_forms_users_type() {
        let ok = [("2024-08", (2024, 8)), ("2024-8", (2024, 8)), ("08/2024", (2024, 8)), (" 12/2025 ", (2025, 12))];
        for (text, (y, m)) in ok {
            assert_eq!(text.parse::<Period>(), Ok(Period { year: y, month: m }), "{text}");
        }
        for bad in ["2024-13", "2024-00", "24-08", "2024/08/01", "август", "", "2024-08-01"] {
            assert!(bad.parse::<Period>().is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn longer_periods_parse_and_read_as_reports_write_them() {
        let cases = [
            ("2024-Q3", "quý III năm 2024", (2024, 7), (2024, 9), 3),
            ("2024-q1", "quý I năm 2024", (2024, 1), (2024, 3), 3),
            ("2024-H1", "6 tháng đầu năm 2024", (2024, 1), (2024, 6), 6),
            ("2024-9T", "9 tháng đầu năm 2024", (2024, 1), (2024, 9), 9),
            ("2024", "năm 2024", (2024, 1), (2024, 12), 12),
            ("2024-11..2025-2", "từ tháng 11/2024 đến tháng 02/2025", (2024, 11), (2025, 2), 4),
        ];
        for (text, vn, first, last, n) in cases {
            let span: Span = text.parse().unwrap_or_else(|()| panic!("{text} should parse"));
            assert_eq!(span.vn(), vn, "{text}");
            assert_eq!((span.first.year, span.first.month), first, "{text}");
            assert_eq!((span.last.year, span.last.month), last, "{text}");
            assert_eq!(span.months().len(), n, "{text}");
            assert_eq!(span.name.parse::<Span>().as_ref(), Ok(&span), "{text}: its name reads back");
        }
        for bad in ["2024-Q5", "2024-H2", "24", "2024-09..2024-01", "2024-13..2024-14", "Q3", ""] {
            assert!(bad.parse::<Span>().is_err(), "{bad} should not parse");
        }
    }

    #[test]
    fn months_read_as_ranges() {
        let m = |y, mo| Period::new(y, mo).unwrap();
        assert_eq!(months_vn(&[m(2023, 3), m(2023, 1), m(2023, 2), m(2023, 5)]), "01–03/2023, 05/2023");
        assert_eq!(months_vn(&[m(2023, 12), m(2024, 1)]), "12/2023, 01/2024");
        assert_eq!(months_vn(&[m(2024, 8)]), "08/2024");
        assert_eq!(months_vn(&[]), "");
    }

    #[test]
    fn displays() {
        let p = Period { year: 2024, month: 8 };
        assert_eq!(p.to_string(), "2024-08");
        assert_eq!(p.vn(), "08/2024");
    }
}
