//! Consolidation: per indicator, the exact total over the units, how many units reported a
//! value above zero, and each unit's value and note.
//!
//! Sums are [`Decimal`]: money is never added as floating point. A cell refused by validation
//! has no value here; the rest of its file counts.

mod span;

pub use span::{SpanFigures, UnitMonths, consolidate_span};

use rust_decimal::Decimal;

use crate::config::Config;
use crate::error::Fatal;
use crate::history::{Cumulative, History};
use crate::intake::{Intake, UnitState};
use crate::messages::Msg;
use crate::period::Period;

/// The consolidated figures of one indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorTotal {
    /// Index in the configuration.
    pub indicator: usize,
    /// Sum over the units' used values (an empty cell counts as 0).
    pub total: Decimal,
    /// Units whose value is above zero (the `n` of `n/N`).
    pub reporting: usize,
    /// Per configured unit, in configuration order: the value used, if any.
    pub values: Vec<Option<Decimal>>,
    /// Per configured unit: the note, if any.
    pub notes: Vec<Option<String>>,
}

/// Everything the renderers need beyond the configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct Consolidation {
    pub indicators: Vec<IndicatorTotal>,
    /// Units that sent a usable report, in configuration order.
    pub submitted: Vec<usize>,
    pub missing: Vec<usize>,
    pub rejected: Vec<usize>,
    /// `N`: the number of configured units.
    pub units: usize,
    /// Per indicator, its figures against the archive ([`Consolidation::with_history`]);
    /// empty when the archive holds no month of this year or the last.
    pub cumulative: Vec<Cumulative>,
    /// The months those figures would need that the archive lacks.
    pub history_missing: Vec<Period>,
}

impl Consolidation {
    /// The consolidation with year to date and last year's figures from `history` (spec §11),
    /// when the archive holds a month of this year or the last (a first build shows none).
    pub fn with_history(mut self, config: &Config, period: Period, history: &History) -> Consolidation {
        if history.has_year(period.year(), period) || history.has_year(period.year() - 1, period) {
            self.cumulative = self
                .indicators
                .iter()
                .map(|t| history.cumulative(period, &config.indicators[t.indicator], t.total))
                .collect();
            self.history_missing = history.missing_months(period);
        }
        self
    }
}

/// The figures of the whole inbox.
///
/// # Errors
/// When a total would not fit an exact decimal. The reader refuses any value above
/// [`MAX_VALUE`](crate::read::value::MAX_VALUE), so it would take billions of units; the sum is
/// checked all the same, as every sum of figures is.
pub fn consolidate(config: &Config, intake: &Intake) -> Result<Consolidation, Fatal> {
    let n = config.units.len();
    let indicators = (0..config.indicators.len())
        .map(|i| {
            let mut values = vec![None; n];
            let mut notes = vec![None; n];
            for s in &intake.submissions {
                if let Some(entry) = s.entries.get(&i) {
                    values[s.unit] = entry.value;
                    notes[s.unit] = entry.note.clone();
                }
            }
            let total = values
                .iter()
                .flatten()
                .try_fold(Decimal::ZERO, |sum, v| sum.checked_add(*v))
                .ok_or_else(|| Fatal(Msg::SumOverflow { code: config.indicators[i].code.clone() }))?
                .normalize();
            let reporting = values.iter().flatten().filter(|v| v.is_sign_positive() && !v.is_zero()).count();
            Ok(IndicatorTotal { indicator: i, total, reporting, values, notes })
        })
        .collect::<Result<_, Fatal>>()?;
    let with = |state: UnitState| intake.units.iter().filter(|u| u.state == state).map(|u| u.unit).collect();
    Ok(Consolidation {
        indicators,
        submitted: with(UnitState::Submitted),
        missing: with(UnitState::Missing),
        rejected: with(UnitState::Rejected),
        units: n,
        cumulative: Vec::new(),
        history_missing: Vec::new(),
    })
}
