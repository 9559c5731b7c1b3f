//! Plausibility (spec §11): a unit's figure far from its own history (O01) or from the other
//! units' figures this month (O02). Warnings only: the figure is used, the clerk looks at it.
//!
//! Both use the modified z-score `0.6745·(x − median)/MAD`. When the MAD is 0 the mean absolute
//! deviation times 1.253314 takes its place; if that is 0 too, every other value is the median,
//! and a value is flagged when it differs from it by more than 10 and by more than half.
//! A short history proves nothing: no O01 on fewer than 6 earlier months, no O02 with fewer
//! than 7 units reporting.

use std::collections::HashMap;

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use super::{FileReport, Outcome, Submission};
use crate::config::Config;
use crate::finding::{Code, Finding};
use crate::history::History;
use crate::messages::Msg;
use crate::period::Period;
use crate::vn_number::plain;

/// Earlier months a unit needs in the archive before its figure is compared with them.
const MIN_MONTHS: usize = 6;
/// Units that must report an indicator before one is compared with the others.
const MIN_SIBLINGS: usize = 7;

/// Adds O01 and O02 warnings to the used files' reports.
pub(crate) fn check(
    config: &Config,
    period: Period,
    history: &History,
    files: &mut [FileReport],
    submissions: &[Submission],
) {
    let (outlier_z, sibling_z) = (to_f64(config.report.outlier_z), to_f64(config.report.sibling_z));
    // The report of each used file, found once (not by a search per unit and indicator).
    let used: HashMap<(usize, String), usize> = files
        .iter()
        .enumerate()
        .filter(|(_, f)| f.outcome == Outcome::Used)
        .filter_map(|(i, f)| Some(((f.unit?, f.file.clone()), i)))
        .collect();
    for (i, indicator) in config.indicators.iter().enumerate() {
        let reported: Vec<(&Submission, Decimal)> =
            submissions.iter().filter_map(|s| Some((s, s.entries.get(&i)?.value?))).collect();
        let siblings: Vec<Decimal> = reported.iter().map(|(_, v)| *v).collect();
        let centre = (siblings.len() >= MIN_SIBLINGS).then(|| Centre::of(&siblings)).flatten();
        for &(s, value) in &reported {
            let unit = &config.units[s.unit];
            let mut found = Vec::new();
            // O01: against the unit's own earlier months.
            let key = (unit.code.clone(), indicator.code.clone());
            let earlier: Vec<(Period, Decimal)> =
                history.months_before(period).filter_map(|(p, m)| Some((p, *m.values.get(&key)?))).collect();
            if earlier.len() >= MIN_MONTHS {
                let values: Vec<Decimal> = earlier.iter().map(|(_, v)| *v).collect();
                if let Some(median) = Centre::of(&values).and_then(|c| c.far(value, outlier_z)) {
                    let (first, last) = (earlier[0].0, earlier[earlier.len() - 1].0);
                    let msg = Msg::OutlierHistory {
                        value: plain(value),
                        median: plain(median),
                        months: earlier.len(),
                        from: first.vn(),
                        to: last.vn(),
                    };
                    found.push((Code::OutlierHistory, msg));
                }
            }
            // O02: against the other units this month.
            if let Some(median) = centre.as_ref().and_then(|c| c.far(value, sibling_z)) {
                let msg = Msg::OutlierSiblings { value: plain(value), median: plain(median), units: siblings.len() };
                found.push((Code::OutlierSiblings, msg));
            }
            let Some(report) = used.get(&(s.unit, s.file.clone())).map(|&r| &mut files[r]) else { continue };
            let cell = s.entries.get(&i).map(|e| e.value_cell);
            for (code, msg) in found {
                let f = Finding::new(code, &s.file, msg).for_indicator(&indicator.code).for_unit(Some(&unit.code));
                report.findings.push(match cell {
                    Some(cell) => f.at_cell(&s.sheet, cell),
                    None => f.at_sheet(&s.sheet),
                });
            }
        }
    }
}

/// Where a group of figures sits: its median and the spread a distance is measured in.
struct Centre {
    median: Decimal,
    /// The MAD, else the mean absolute deviation × 1.253314; 0 when all figures are equal.
    spread: f64,
}

impl Centre {
    /// Computed once per group (a unit's months, or this month's units): sorting is the cost.
    /// Distances are measured in floating point: this is a warning's yardstick, not a figure,
    /// and an archive may hold figures whose exact differences overflow.
    fn of(values: &[Decimal]) -> Option<Centre> {
        let median = median(values.to_vec())?;
        let deviations: Vec<f64> = values.iter().map(|v| (to_f64(*v) - to_f64(median)).abs()).collect();
        let mut sorted = deviations.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let mad = if n % 2 == 1 { sorted[n / 2] } else { (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0 };
        let spread = if mad > 0.0 { mad } else { deviations.iter().sum::<f64>() / n as f64 * 1.253314 };
        Some(Centre { median, spread })
    }

    /// The median, when `value` is far from the group.
    fn far(&self, value: Decimal, z: f64) -> Option<Decimal> {
        let distance = (to_f64(value) - to_f64(self.median)).abs();
        let far = if self.spread > 0.0 {
            0.6745 * distance / self.spread >= z
        } else {
            distance > 10.0 && distance > 0.5 * to_f64(self.median.abs())
        };
        far.then_some(self.median)
    }
}

/// The middle value; of an even count, the mean of the two middle ones (the lower one if
/// their sum would not fit).
fn median(mut values: Vec<Decimal>) -> Option<Decimal> {
    values.sort();
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => {
            let (a, b) = (values[n / 2 - 1], values[n / 2]);
            Some(a.checked_add(b).and_then(|s| s.checked_div(Decimal::TWO)).unwrap_or(a))
        }
    }
}

fn to_f64(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(f64::MAX)
}
