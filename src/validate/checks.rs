//! The file-level checks of the chosen table: unit, period, date prepared, missing
//! indicators, an empty form, the configured rules; then whether the file is used.

use super::{Basis, Candidate, FileReport, Submission, file_name};
use crate::finding::{Code, Finding};
use crate::messages::{Msg, clip};
use crate::read::FileRead;
use crate::read::table::TableData;

/// The checks of one table: unit, period, date prepared, missing indicators, rules.
pub(super) fn decide_table(
    mut report: FileReport,
    table: TableData,
    read: &FileRead,
    split: bool,
    basis: &Basis<'_>,
) -> (FileReport, Option<Candidate>) {
    let (config, matcher, rules, period) = (basis.config, &basis.matcher, &basis.rules, basis.period);
    let rel = read.rel.clone();
    let sheet = table.sheet.clone();

    // Unit: the unit cell, checked against the file name; else the file name alone. Sheets
    // of a workbook holding several units are named by their cells only.
    let by_name = if split { None } else { matcher.lookup_file_name(file_name(&rel)) };
    let (unit, unit_ok) = match &table.header.unit {
        Some((typed, cell)) => match matcher.lookup(typed) {
            Some(u) => {
                match by_name.filter(|&n| n != u) {
                    Some(n) => {
                        let msg = Msg::FileUnitConflict {
                            cell_unit: config.units[u].name.clone(),
                            file_unit: config.units[n].name.clone(),
                        };
                        report.findings.push(Finding::new(Code::UnitConflict, &rel, msg).at_cell(&sheet, *cell));
                        // Rejected; it counts for the unit its file name names (spec §10): the
                        // clerk filed it as that unit's, which is "Bị loại", not "Chưa nộp".
                        (Some(n), true)
                    }
                    None => (Some(u), true),
                }
            }
            None => {
                let msg = match basis.retired(typed) {
                    // A unit of the configuration that does not report in this period.
                    Some(unit) => Msg::FileUnitNotInPeriod {
                        unit: unit.name.clone(),
                        period: period.vn(),
                        merged_into: unit
                            .merged_into
                            .as_deref()
                            .and_then(|code| basis.all.unit(code))
                            .map(|u| u.name.clone()),
                    },
                    None => {
                        let suggestion = matcher.suggest(typed).map(|s| config.units[s].name.clone());
                        Msg::FileUnitUnknown { value: clip(typed), suggestion }
                    }
                };
                report.findings.push(Finding::new(Code::UnitUnknown, &rel, msg).at_cell(&sheet, *cell));
                // Rejected, but the unit its file name names did send something.
                (by_name, false)
            }
        },
        None => match by_name {
            Some(n) => {
                let msg = Msg::FileUnitFromName { unit: config.units[n].name.clone() };
                report.findings.push(Finding::new(Code::UnitFromFileName, &rel, msg).at_sheet(&sheet));
                (Some(n), true)
            }
            None => {
                report.findings.push(Finding::new(Code::UnitMissing, &rel, Msg::FileUnitMissing).at_sheet(&sheet));
                (None, false)
            }
        },
    };
    report.unit = unit;

    // Period: declared in the header block or the title, or named by the value column.
    match (&table.header.period, &table.value_month) {
        (Some((_, Some(p), cell)), _) if *p != period => {
            let msg = Msg::FilePeriodMismatch { found: p.vn(), expected: period.vn() };
            let f = Finding::new(Code::PeriodMismatch, &rel, msg);
            report.findings.push(match cell {
                Some(cell) => f.at_cell(&sheet, *cell),
                None => f.at_sheet(&sheet),
            });
        }
        (Some((_, Some(_), _)), _) => {}
        (_, Some((header, month))) if !month.is(period) => {
            let msg = Msg::FileValueColumnPeriod { header: clip(header), found: month.shown(), expected: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMismatch, &rel, msg).at_sheet(&sheet));
        }
        (None, Some(_)) => {}
        (Some((typed, None, cell)), _) => {
            let msg = Msg::FilePeriodUnreadable { value: clip(typed), assumed: period.vn() };
            let f = Finding::new(Code::PeriodMissing, &rel, msg);
            report.findings.push(match cell {
                Some(cell) => f.at_cell(&sheet, *cell),
                None => f.at_sheet(&sheet),
            });
        }
        (None, None) => {
            let msg = Msg::FilePeriodMissing { assumed: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMissing, &rel, msg).at_sheet(&sheet));
        }
    }

    // Date prepared.
    let prepared = match &table.header.prepared {
        Some((typed, p, cell)) => match p.and_then(|p| p.date(period)) {
            Some(d) => Some(d),
            None => {
                let msg = Msg::FileDateUnreadable { value: clip(typed) };
                report.findings.push(Finding::new(Code::DateUnreadable, &rel, msg).at_cell(&sheet, *cell));
                None
            }
        },
        None => None,
    };
    report.prepared = prepared;

    // Indicators without a row, and an empty form (not said of a table that cannot be read).
    if table.usable {
        for (i, indicator) in config.indicators.iter().enumerate() {
            if !table.entries.contains_key(&i) {
                let msg = Msg::FileIndicatorMissing { code: indicator.code.clone(), label: indicator.label.clone() };
                report.findings.push(
                    Finding::new(Code::IndicatorMissing, &rel, msg).at_sheet(&sheet).for_indicator(&indicator.code),
                );
            }
        }
        if table.is_empty() {
            report.findings.push(Finding::new(Code::EmptyForm, &rel, Msg::FileEmpty).at_sheet(&sheet));
        }
    }

    report.findings.extend(table.findings.iter().cloned());
    if table.usable {
        report.findings.extend(rules.evaluate(config, &table.entries, &rel, &sheet));
    }

    let unit_code = unit.map(|u| config.units[u].code.as_str());
    for f in &mut report.findings {
        f.unit = unit_code.map(str::to_owned);
    }
    let rejected = !unit_ok || report.findings.iter().any(|f| f.kind.is_some_and(Code::rejects_file));
    let Some(unit) = unit.filter(|_| !rejected) else {
        return (report, None);
    };
    let submission = Submission {
        unit,
        file: rel,
        sheet,
        sha256: read.sha256.clone(),
        prepared,
        preparer: table.header.preparer.clone(),
        entries: table.entries,
    };
    (report, Some(Candidate { submission, modified: read.modified }))
}
