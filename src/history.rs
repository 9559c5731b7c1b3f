//! History: the archive read back (spec §11). Every `tong-hop-YYYY-MM.csv` in the archive
//! folder is a month of figures; a month is taken from its CSV, never from re-reading old
//! inboxes. A month missing or unreadable is named, never fatal.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;

use crate::config::{Aggregate, Indicator};
use crate::outputs;
use crate::period::Period;

/// One archived month.
#[derive(Debug, Default, PartialEq)]
pub struct Month {
    /// (unit code, indicator code) → value.
    pub values: BTreeMap<(String, String), Decimal>,
    /// Indicator code → total over the units, added once when the month is read.
    pub totals: BTreeMap<String, Decimal>,
    /// (unit code, indicator code) → note, as the unit wrote it.
    pub notes: BTreeMap<(String, String), String>,
}

impl Month {
    /// Whether the unit sent a report that month: it has a row (a figure or a note).
    pub fn has_unit(&self, unit: &str) -> bool {
        fn has<V>(map: &BTreeMap<(String, String), V>, unit: &str) -> bool {
            map.range((unit.to_owned(), String::new())..).next().is_some_and(|((u, _), _)| u == unit)
        }
        has(&self.values, unit) || has(&self.notes, unit)
    }
}

/// The archived months, each read on first use: an archive of years costs only the months a
/// build looks at (and the month being built, archived by an earlier run, is never parsed).
#[derive(Debug, Default)]
pub struct History {
    dir: PathBuf,
    months: BTreeMap<Period, (String, OnceLock<Result<Month, String>>)>,
}

/// An indicator's figures against its history, for the month being built.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Cumulative {
    /// Year to date: this month and the archived earlier months of the year, by the
    /// indicator's `aggregate`; `None` when one of those months is not in the archive.
    pub ytd: Option<Decimal>,
    pub same_period_last_year: Option<Decimal>,
    pub ytd_last_year: Option<Decimal>,
    /// Percent versus the same month last year (one decimal), when that was above 0.
    pub change: Option<Decimal>,
}

impl History {
    /// The archive in `dir` (no folder: no history). Files of other names are not looked at.
    pub fn read(dir: &Path) -> History {
        let mut history = History { dir: dir.to_path_buf(), months: BTreeMap::new() };
        let Ok(entries) = std::fs::read_dir(dir) else { return history };
        for name in entries.filter_map(|e| e.ok()?.file_name().into_string().ok()) {
            if let Some(period) = archived_period(&name) {
                history.months.insert(period, (name, OnceLock::new()));
            }
        }
        history
    }

    /// An archived month's figures; `None` when it is not archived or cannot be read.
    pub fn month(&self, period: Period) -> Option<&Month> {
        let (name, cell) = self.months.get(&period)?;
        cell.get_or_init(|| read_month(&self.dir.join(name), period)).as_ref().ok()
    }

    /// The archived months before `period` that can be read, in order.
    pub fn months_before(&self, period: Period) -> impl Iterator<Item = (Period, &Month)> {
        self.months.range(..period).filter_map(|(p, _)| Some((*p, self.month(*p)?)))
    }

    /// The archive files that were needed and could not be read: file name and why.
    pub fn unreadable(&self) -> Vec<(String, String)> {
        self.months
            .values()
            .filter_map(|(name, cell)| Some((name.clone(), cell.get()?.as_ref().err()?.clone())))
            .collect()
    }

    /// An indicator's total over the units in an archived month; `None`: not archived.
    pub fn total(&self, period: Period, indicator: &str) -> Option<Decimal> {
        let month = self.month(period)?;
        Some(month.totals.get(indicator).copied().unwrap_or_default())
    }

    /// Whether the archive holds a month of `year` other than `except`.
    pub fn has_year(&self, year: i32, except: Period) -> bool {
        self.months.keys().any(|p| p.year() == year && *p != except)
    }

    /// The months a year-to-date figure of `period` (this year's, and last year's) would
    /// need that the archive lacks, in order.
    pub fn missing_months(&self, period: Period) -> Vec<Period> {
        let this_year = (1..period.month()).filter_map(|m| Period::new(period.year(), m));
        let last_year = (1..=period.month()).filter_map(|m| Period::new(period.year() - 1, m));
        let mut missing: Vec<Period> = this_year.chain(last_year).filter(|p| self.month(*p).is_none()).collect();
        missing.sort();
        missing
    }

    /// `indicator`'s year to date and last year's figures for `period`, whose own total is
    /// `total` (the month being built, not its archived copy).
    pub fn cumulative(&self, period: Period, indicator: &Indicator, total: Decimal) -> Cumulative {
        let last_year = Period::new(period.year() - 1, period.month());
        let same = last_year.and_then(|p| self.total(p, &indicator.code));
        // Sums of whole months, exact; `None` as soon as one month is missing.
        let sum = |year: i32, months: std::ops::RangeInclusive<u32>| -> Option<Decimal> {
            months
                .map(|m| Period::new(year, m).and_then(|p| self.total(p, &indicator.code)))
                .try_fold(Decimal::ZERO, |acc, v| acc.checked_add(v?))
        };
        let (ytd, ytd_last_year) = match indicator.aggregate {
            // A stock: its value at the end of the period.
            Aggregate::Last => (Some(total), same),
            Aggregate::Sum => (
                sum(period.year(), 1..=period.month().saturating_sub(1)).and_then(|s| s.checked_add(total)),
                sum(period.year() - 1, 1..=period.month()),
            ),
        };
        let change = same.filter(|s| *s > Decimal::ZERO).and_then(|s| {
            let pct = total.checked_sub(s)?.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(s)?;
            Some(pct.round_dp(1).normalize())
        });
        Cumulative { ytd, same_period_last_year: same, ytd_last_year, change }
    }
}

/// The month of an archive file name (`tong-hop-2024-08.csv`).
fn archived_period(name: &str) -> Option<Period> {
    let period = name.strip_prefix(outputs::CONSOLIDATED)?.strip_prefix('-')?.strip_suffix(".csv")?;
    (period.len() == 7).then(|| period.parse().ok()).flatten()
}

/// One archived month's values; an error says why the file cannot be trusted.
fn read_month(path: &Path, period: Period) -> Result<Month, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    let mut reader = csv::ReaderBuilder::new().from_reader(bytes);
    let header = reader.headers().map_err(|e| e.to_string())?.clone();
    if header.iter().ne(outputs::CSV_HEADER.iter().copied()) {
        return Err("not tonghop's CSV header".to_owned());
    }
    let column = |name: &str| outputs::CSV_HEADER.iter().position(|h| *h == name).expect("a column of the header");
    let (ky, unit, indicator, value, note) =
        (column("ky_bao_cao"), column("ma_don_vi"), column("ma_chi_tieu"), column("gia_tri"), column("ghi_chu"));
    let mut month = Month::default();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        if record.get(ky) != Some(period.to_string().as_str()) {
            return Err(format!("a row of another period: {}", record.get(ky).unwrap_or_default()));
        }
        let key =
            (record.get(unit).unwrap_or_default().to_owned(), record.get(indicator).unwrap_or_default().to_owned());
        let text = record.get(note).unwrap_or_default();
        if !text.is_empty() {
            month.notes.insert(key.clone(), outputs::uninert(text).to_owned());
        }
        let text = record.get(value).unwrap_or_default();
        if text.is_empty() {
            continue; // a note without a figure
        }
        let v = Decimal::from_str(text).map_err(|_| format!("not a number: {text}"))?;
        let total = month.totals.entry(key.1.clone()).or_default();
        // A hand-edited archive can hold figures no exact sum holds: the month is refused.
        *total = total.checked_add(v).ok_or_else(|| format!("figures too large to add up: {text}"))?;
        month.values.insert(key, v);
    }
    Ok(month)
}
