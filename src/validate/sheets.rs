//! Which sheet of a workbook is the report: the one of this period, a filled one before a
//! blank copy; two of this period that disagree are an error.

use super::Finding;
use crate::finding::Code;
use crate::messages::Msg;
use crate::period::Period;
use crate::read::table::TableData;

/// Whether a table is of `period`: by its declared period, else by the month its value column
/// names; `None` when it says neither.
fn fits(t: &TableData, period: Period) -> Option<bool> {
    match (t.period(), &t.value_month) {
        (Some(p), _) => Some(p == period),
        (None, Some((_, m))) => Some(m.is(period)),
        (None, None) => None,
    }
}

/// The figures and notes of a table, to compare two sheets.
fn figures(t: &TableData) -> Vec<(usize, Option<rust_decimal::Decimal>, Option<&str>)> {
    t.entries.iter().map(|(i, e)| (*i, e.value, e.note.as_deref())).collect()
}

/// Of several tables (sheets) of one unit, the one of this period; the others are reported as
/// ignored. Two sheets of this period with different figures are an error (F18): which one the
/// unit meant cannot be told.
pub(super) fn choose_table(
    mut tables: Vec<TableData>,
    period: Period,
    rel: &str,
    findings: &mut Vec<Finding>,
) -> TableData {
    let of_period: Vec<usize> = (0..tables.len()).filter(|&i| fits(&tables[i], period) == Some(true)).collect();
    // Among this period's sheets, a filled one before a blank copy.
    let filled: Vec<usize> = of_period.iter().copied().filter(|&i| tables[i].usable && !tables[i].is_empty()).collect();
    let chosen = filled
        .first()
        .or(of_period.first())
        .copied()
        .or_else(|| (0..tables.len()).find(|&i| fits(&tables[i], period).is_none()))
        .unwrap_or(0);
    for &other in filled.iter().filter(|&&i| i != chosen) {
        if figures(&tables[other]) != figures(&tables[chosen]) {
            let msg = Msg::FileSheetsDisagree {
                sheet: tables[chosen].sheet.clone(),
                other: tables[other].sheet.clone(),
                period: period.vn(),
            };
            findings.push(Finding::new(Code::SheetsDisagree, rel, msg).at_sheet(&tables[other].sheet));
        }
    }
    for (i, t) in tables.iter().enumerate() {
        if i != chosen {
            let msg = Msg::FileSheetIgnored {
                sheet: t.sheet.clone(),
                period: t.period().map(|p| p.vn()),
                used: tables[chosen].sheet.clone(),
                hidden: !t.visible,
            };
            findings.push(Finding::new(Code::SheetIgnored, rel, msg).at_sheet(&t.sheet));
        }
    }
    tables.swap_remove(chosen)
}
