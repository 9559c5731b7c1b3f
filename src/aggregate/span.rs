//! A longer period from the archive alone (spec §11, `tonghop report --period`): per unit, its
//! months added up (`aggregate = "sum"`) or the value of the period's last month (`"last"`, a
//! stock), with how many of its months the archive holds.
//!
//! A stock a unit did not report in the last month is left empty, not taken from an earlier
//! month: the figure would claim a date it does not have. The month is named as missing.

use rust_decimal::Decimal;

use super::{Consolidation, IndicatorTotal};
use crate::config::{Aggregate, Config};
use crate::error::Fatal;
use crate::history::{History, Month};
use crate::messages::Msg;
use crate::period::{Period, Span};

/// The figures of a longer period and what the archive holds of it.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanFigures {
    pub span: Span,
    /// Per indicator, per unit of the period's configuration: as a month's.
    pub figures: Consolidation,
    /// Per unit, in configuration order: its months in the period and those it reported.
    pub months: Vec<UnitMonths>,
    /// Months of the period the archive lacks (no file, or one that cannot be read).
    pub absent: Vec<Period>,
    /// Of those, the archive files that exist and cannot be read: file name and why.
    pub unreadable: Vec<(String, String)>,
}

/// A unit's months within a longer period.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitMonths {
    /// The months the unit exists in (`from`, `until`).
    pub expected: Vec<Period>,
    /// The months whose archived CSV has a row of the unit.
    pub reported: Vec<Period>,
}

impl SpanFigures {
    /// The months unit `u` did not report although the archive holds them, in order. A month
    /// the archive lacks is named once for all units ([`SpanFigures::absent`]), not here: it is
    /// not known whether the unit reported it.
    pub fn unit_missing(&self, u: usize) -> Vec<Period> {
        let m = &self.months[u];
        m.expected.iter().filter(|p| !m.reported.contains(p) && !self.absent.contains(p)).copied().collect()
    }

    /// The units that reported some months of the period but not every month the archive
    /// holds, with those months: the terminal and the narrative name them.
    pub fn incomplete(&self) -> Vec<(usize, Vec<Period>)> {
        (0..self.months.len())
            .filter(|&u| !self.months[u].reported.is_empty())
            .map(|u| (u, self.unit_missing(u)))
            .filter(|(_, missing)| !missing.is_empty())
            .collect()
    }
}

/// The figures of `span` from the archived months in `history`. `config` is the configuration
/// of the period ([`Config::for_months`]).
///
/// # Errors
/// When a sum would not fit an exact decimal (only a hand-edited archive gets there).
pub fn consolidate_span(config: &Config, span: &Span, history: &History) -> Result<SpanFigures, Fatal> {
    let all = span.months();
    let archived: Vec<(Period, &Month)> = all.iter().filter_map(|p| Some((*p, history.month(*p)?))).collect();
    let absent = all.iter().filter(|p| !archived.iter().any(|(a, _)| a == *p)).copied().collect();
    let months: Vec<UnitMonths> = config
        .units
        .iter()
        .map(|unit| UnitMonths {
            expected: all.iter().filter(|p| unit.exists_in(**p)).copied().collect(),
            reported: archived.iter().filter(|(_, m)| m.has_unit(&unit.code)).map(|(p, _)| *p).collect(),
        })
        .collect();
    let overflow = |code: &str| Fatal(Msg::SumOverflow { code: code.to_owned() });
    let indicators = config
        .indicators
        .iter()
        .enumerate()
        .map(|(index, ind)| {
            let mut values = Vec::with_capacity(config.units.len());
            let mut notes = Vec::with_capacity(config.units.len());
            for unit in &config.units {
                let key = (unit.code.clone(), ind.code.clone());
                let value = match ind.aggregate {
                    Aggregate::Last => {
                        archived.iter().find(|(p, _)| *p == span.last).and_then(|(_, m)| m.values.get(&key).copied())
                    }
                    // Exact, and empty when no month has a figure (not reported is not 0).
                    Aggregate::Sum => archived
                        .iter()
                        .filter_map(|(_, m)| m.values.get(&key))
                        .try_fold(None, |sum: Option<Decimal>, v| match sum {
                            None => Some(Some(*v)),
                            Some(s) => s.checked_add(*v).map(Some),
                        })
                        .ok_or_else(|| overflow(&ind.code))?,
                };
                values.push(value.map(|v| v.normalize()));
                // Each month's note under its month, one per line.
                let noted: Vec<String> = archived
                    .iter()
                    .filter_map(|(p, m)| Some(format!("Tháng {}: {}", p.vn(), m.notes.get(&key)?)))
                    .collect();
                notes.push((!noted.is_empty()).then(|| noted.join("\n")));
            }
            let total = values
                .iter()
                .flatten()
                .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
                .ok_or_else(|| overflow(&ind.code))?
                .normalize();
            let reporting = values.iter().flatten().filter(|v| **v > Decimal::ZERO).count();
            Ok(IndicatorTotal { indicator: index, total, reporting, values, notes })
        })
        .collect::<Result<Vec<_>, Fatal>>()?;
    let (submitted, missing) = (0..config.units.len()).partition(|u| !months[*u].reported.is_empty());
    let figures = Consolidation {
        indicators,
        submitted,
        missing,
        rejected: Vec::new(),
        units: config.units.len(),
        cumulative: Vec::new(),
        history_missing: Vec::new(),
    };
    Ok(SpanFigures { span: span.clone(), figures, months, absent, unreadable: history.unreadable() })
}
