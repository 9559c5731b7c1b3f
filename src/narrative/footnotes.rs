//! The footnotes that name which unit did what (the seed report's `⁽²⁾ Phường An Phú: ...`),
//! and which units a sentence counts: one source for both, so that a sentence's `08/13` and its
//! footnote always name the same units.

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

use super::escape;
use crate::aggregate::Consolidation;
use crate::config::{Config, Footnote, Kind};
use crate::vn_number;

/// Where a footnote of too many units sends the reader.
const SEE_WORKBOOK: &str = "chi tiết tại bảng tổng hợp";

/// What the footnotes list for each unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Footnotes {
    /// The unit's note, for indicators with `notes = true` and `footnote = "notes"` (a month).
    Notes,
    /// The unit's figures only (a longer period, whose notes are months of them).
    Figures,
}

/// Per indicator, the indicators its sentence speaks of: itself, then those its own sentence
/// uses (`ind.VD04.total` in VD03's), in configuration order. `mentions` are the codes each
/// sentence uses.
pub(super) fn groups(config: &Config, mentions: &[BTreeSet<String>]) -> Vec<Vec<usize>> {
    (0..config.indicators.len())
        .map(|i| {
            let mut group = vec![i];
            group.extend(
                config
                    .indicators
                    .iter()
                    .enumerate()
                    .filter(|(j, ind)| *j != i && mentions[i].contains(&ind.code))
                    .map(|(j, _)| j),
            );
            group
        })
        .collect()
}

/// The units a sentence of `group` counts: those with a figure above 0 in any of its
/// indicators, in configuration order.
pub(super) fn reporting(c: &Consolidation, group: &[usize]) -> Vec<usize> {
    (0..c.units)
        .filter(|&u| group.iter().any(|&i| c.indicators[i].values[u].is_some_and(|v| v > Decimal::ZERO)))
        .collect()
}

/// Per indicator code, the footnote of its sentence: the units [`reporting`] counts, in
/// configuration order. `**Unit:** note; ...` where the unit wrote a note the report uses;
/// otherwise `Unit (02 cuộc)` for counts (shown above 1), `Unit (1,25 tỷ đồng)` for amounts,
/// `Unit (03 công trình, 1,25 tỷ đồng)` for a sentence of two figures. Past `[report]
/// footnote_max_units` units, their number and where to find them: `137 xã, phường; chi tiết
/// tại bảng tổng hợp.` A footnote of a hundred names (or notes) would be pages of a report that
/// is read, not searched; the workbook lists them, with a filter.
pub(super) fn unit_lists(
    config: &Config,
    c: &Consolidation,
    kind: Footnotes,
    groups: &[Vec<usize>],
) -> BTreeMap<String, String> {
    config
        .indicators
        .iter()
        .zip(groups)
        .map(|(ind, group)| {
            let units = reporting(c, group);
            if units.len() > config.report.footnote_max_units {
                let count = vn_number::count(Decimal::from(units.len()));
                let list = format!("{count} {}; {SEE_WORKBOOK}.", escape(&config.report.unit_word));
                return (ind.code.clone(), list);
            }
            // Notes only from the indicator whose footnote it is: a note of VD04 in VD03's
            // footnote would say the same works twice.
            let notes_wanted = kind == Footnotes::Notes && ind.notes && ind.footnote == Footnote::Notes;
            let t = &c.indicators[group[0]];
            let note = |u: usize| t.notes[u].as_deref().filter(|n| notes_wanted && !n.trim().is_empty());
            let list = if units.iter().any(|&u| note(u).is_some()) {
                // `**Unit:** note; **Unit:** 02 tọa đàm`: every unit in bold, those without a
                // note with their figures, and semicolons between (notes hold commas).
                units
                    .iter()
                    .map(|&u| {
                        let said = match note(u) {
                            Some(n) => crate::text::capitalise(&escape(n.trim_end_matches([';', '.', ',']))),
                            None => figures(config, c, group, u, true).join(", "),
                        };
                        format!("**{}:** {said}", escape(&config.units[u].name))
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            } else {
                units
                    .iter()
                    .map(|&u| {
                        let name = escape(&config.units[u].name);
                        let shown = figures(config, c, group, u, false);
                        if shown.is_empty() { name } else { format!("{name} ({})", shown.join(", ")) }
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let list = if list.is_empty() { list } else { format!("{list}.") };
            (ind.code.clone(), list)
        })
        .collect()
}

/// A unit's figures in the group: `02 cuộc`, `hơn 1,12 tỷ đồng` (amounts as the sentences
/// write them). A count of 1 goes without saying in a list of names, unless `every` figure is
/// wanted or the sentence says two figures: there `01 công trình` and `không ghi số công
/// trình` are what tell a unit with one work from one with a value and no work.
fn figures(config: &Config, c: &Consolidation, group: &[usize], u: usize, every: bool) -> Vec<String> {
    let two = group.len() > 1;
    let every = every || two;
    group
        .iter()
        .filter_map(|&i| {
            let ind = &config.indicators[i];
            let Some(v) = c.indicators[i].values[u] else {
                return (two && ind.kind == Kind::Count).then(|| format!("không ghi số {}", ind.unit));
            };
            match ind.kind {
                Kind::Count if every || v > Decimal::ONE => Some(format!("{} {}", vn_number::count(v), ind.unit)),
                Kind::Count => None,
                Kind::Amount if v > Decimal::ZERO => Some(format!("{} {}", vn_number::amount(v), ind.unit)),
                Kind::Amount => None,
            }
        })
        .collect()
}
