//! The inbox as a whole: which file each unit's figures come from, and why every other file
//! is not used. Every file found is accounted for exactly once: used, superseded, rejected or
//! skipped.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::SystemTime;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::discover::discover;
use crate::error::Fatal;
use crate::finding::{Code, Finding, Severity};
use crate::messages::{Msg, Newer, clip};
use crate::names::units::UnitMatcher;
use crate::period::Period;
use crate::read::table::{Entry, TableData};
use crate::read::{FileRead, ReadOutcome, read_file};
use crate::rules::evaluate_rules;

/// What became of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Used,
    Superseded,
    Rejected,
    Skipped,
}

impl Outcome {
    /// The word shown to the clerk.
    pub fn word(self) -> Msg {
        match self {
            Outcome::Used => Msg::OutcomeUsed,
            Outcome::Superseded => Msg::OutcomeSuperseded,
            Outcome::Rejected => Msg::OutcomeRejected,
            Outcome::Skipped => Msg::OutcomeSkipped,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Used => "used",
            Outcome::Superseded => "superseded",
            Outcome::Rejected => "rejected",
            Outcome::Skipped => "skipped",
        }
    }
}

/// One file of the inbox and everything found in it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub file: String,
    /// Set when the workbook holds several units' sheets: each is reported on its own.
    pub sheet: Option<String>,
    pub outcome: Outcome,
    /// Index of the unit in the configuration, when known.
    pub unit: Option<usize>,
    pub prepared: Option<NaiveDate>,
    pub findings: Vec<Finding>,
}

impl FileReport {
    /// The file as shown to the clerk, with its sheet when the workbook holds several units.
    pub fn shown(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("{} [{sheet}]", self.file),
            None => self.file.clone(),
        }
    }

    /// Why the file is not used: the finding that rejected it, replaced it, or skipped it.
    pub fn reason(&self) -> Option<&Finding> {
        self.findings.iter().find(|f| {
            f.kind.is_some_and(|k| k.rejects_file() || k == Code::Superseded || k.severity() == Severity::Info)
        })
    }
}

/// The figures one unit sent, from the file that is used.
#[derive(Debug, Clone)]
pub struct Submission {
    pub unit: usize,
    pub file: String,
    pub sheet: String,
    pub sha256: String,
    pub prepared: Option<NaiveDate>,
    pub preparer: Option<String>,
    /// By indicator index.
    pub entries: BTreeMap<usize, Entry>,
}

/// Whether a unit has sent a usable report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitState {
    Submitted,
    Missing,
    Rejected,
}

impl UnitState {
    /// The word shown to the clerk and in the workbook (`Đã nộp`, `Chưa nộp`, `Bị loại`).
    pub fn word(self) -> Msg {
        match self {
            UnitState::Submitted => Msg::StateSubmitted,
            UnitState::Missing => Msg::StateMissing,
            UnitState::Rejected => Msg::StateRejected,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnitState::Submitted => "submitted",
            UnitState::Missing => "missing",
            UnitState::Rejected => "rejected",
        }
    }
}

#[derive(Debug, Clone)]
pub struct UnitStatus {
    pub unit: usize,
    pub state: UnitState,
    /// The file used (submitted) or the newest rejected file.
    pub file: Option<String>,
    /// The sheet of `file` whose figures are used (or that was rejected).
    pub sheet: Option<String>,
    /// Index of that file's report in [`Intake::files`].
    pub report: Option<usize>,
    pub superseded: Vec<String>,
    pub errors: usize,
    pub warnings: usize,
}

/// Where the period came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeriodSource {
    Argument,
    Files,
    FolderName,
}

/// The whole inbox, read and decided.
#[derive(Debug, Clone)]
pub struct Intake {
    pub period: Period,
    pub period_source: PeriodSource,
    /// Every file, in discovery order.
    pub files: Vec<FileReport>,
    /// Used submissions, in configuration order of their units.
    pub submissions: Vec<Submission>,
    /// One per configured unit, in configuration order.
    pub units: Vec<UnitStatus>,
}

impl Intake {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| &f.findings)
    }

    /// Findings of the files that count: used, rejected and skipped, not superseded.
    pub fn counted_findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().filter(|f| f.outcome != Outcome::Superseded).flat_map(|f| &f.findings)
    }
}

/// Reads every file of the inbox and decides which one each unit's figures come from.
///
/// # Errors
/// When the inbox cannot be listed, or no period is given and none can be inferred (exit 2).
pub fn intake(inbox: &Path, config: &Config, period: Option<Period>) -> Result<Intake, Fatal> {
    let found = discover(inbox)?;
    let reads: Vec<FileRead> = found.par_iter().map(|f| read_file(f, config)).collect();
    let (period, period_source) = match period {
        Some(p) => (p, PeriodSource::Argument),
        None => infer_period(inbox, &reads)?,
    };
    let matcher = config.unit_matcher();
    let mut candidates = Vec::new();
    let mut files = Vec::with_capacity(reads.len());
    for read in reads {
        for (report, submission) in decide(read, config, &matcher, period) {
            if let Some(s) = submission {
                candidates.push((files.len(), s));
            }
            files.push(report);
        }
    }
    let submissions = resolve_duplicates(config, &mut files, candidates);
    let units = unit_statuses(config, &files, &submissions);
    Ok(Intake { period, period_source, files, submissions, units })
}

/// The most common period declared in the files (one vote per file, its latest table);
/// else a period in the folder name.
fn infer_period(inbox: &Path, reads: &[FileRead]) -> Result<(Period, PeriodSource), Fatal> {
    let mut votes: BTreeMap<Period, usize> = BTreeMap::new();
    for read in reads {
        if let ReadOutcome::Tables(tables) = &read.outcome
            && let Some(p) = tables.iter().filter_map(TableData::period).max()
        {
            *votes.entry(p).or_default() += 1;
        }
    }
    // Most votes; on a tie, the later month.
    if let Some((&p, _)) = votes.iter().max_by_key(|&(p, n)| (*n, *p)) {
        return Ok((p, PeriodSource::Files));
    }
    let name = inbox.canonicalize().unwrap_or_else(|_| inbox.to_path_buf());
    let folder = name.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    match crate::read::dates::parse_period_text(&folder) {
        Some(p) => Ok((p, PeriodSource::FolderName)),
        None => Err(Fatal(Msg::NoPeriod { inbox: inbox.display().to_string() })),
    }
}

/// A file that passed the file-level checks, waiting for the duplicate check.
struct Candidate {
    submission: Submission,
    modified: Option<SystemTime>,
}

/// Decides one file: which table, which unit, file-level checks, rules. A workbook whose
/// visible sheets name several units gives one report per unit.
fn decide(
    mut read: FileRead,
    config: &Config,
    matcher: &UnitMatcher,
    period: Period,
) -> Vec<(FileReport, Option<Candidate>)> {
    let rel = read.rel.clone();
    let mut report = FileReport {
        file: rel.clone(),
        sheet: None,
        outcome: Outcome::Rejected,
        unit: None,
        prepared: None,
        findings: vec![],
    };
    let tables = match std::mem::replace(&mut read.outcome, ReadOutcome::Tables(Vec::new())) {
        ReadOutcome::Skipped(f) => {
            report.outcome = Outcome::Skipped;
            report.findings.push(f);
            return vec![(report, None)];
        }
        ReadOutcome::Failed(f) => {
            // The file name may still say whose file it was.
            report.unit = matcher.lookup_file_name(file_name(&rel));
            report.findings.push(f.for_unit(report.unit.map(|u| config.units[u].code.as_str())));
            return vec![(report, None)];
        }
        ReadOutcome::Tables(t) => t,
    };

    // A visible sheet always wins over a hidden one: a hidden draft is not the report.
    let any_visible = tables.iter().any(|t| t.visible);
    let (tables, hidden): (Vec<TableData>, Vec<TableData>) =
        tables.into_iter().partition(|t| t.visible || !any_visible);
    // Sheets whose unit cells name different units (known or not) are each a submission: a
    // clerk merged files, or a ward sent its residential groups' sheets.
    let key = |t: &TableData| -> Option<UnitKey> {
        let (typed, _) = t.header.unit.as_ref()?;
        Some(match matcher.lookup(typed) {
            Some(u) => UnitKey::Known(u),
            None => UnitKey::Unknown(matcher.key(typed)),
        })
    };
    let mut keys: Vec<UnitKey> = tables.iter().filter_map(key).collect();
    keys.sort();
    keys.dedup();
    let split = keys.len() > 1;
    let mut groups: Vec<(Option<UnitKey>, Vec<TableData>)> = Vec::new();
    if split {
        let mut by_unit: BTreeMap<UnitKey, Vec<TableData>> = BTreeMap::new();
        for t in tables {
            match key(&t) {
                Some(k) => by_unit.entry(k).or_default().push(t),
                // A sheet without a unit cell is decided alone (and rejected, naming its sheet).
                None => groups.push((None, vec![t])),
            }
        }
        groups.extend(by_unit.into_iter().map(|(k, ts)| (Some(k), ts)));
    } else {
        groups.push((None, tables));
    }
    // Each hidden sheet is reported with the submission of its unit, else the first.
    let home = |t: &TableData| groups.iter().position(|(k, _)| k.is_some() && *k == key(t)).unwrap_or(0);
    let hidden: Vec<(usize, TableData)> = hidden.into_iter().map(|t| (home(&t), t)).collect();

    let mut decided = Vec::new();
    for (n, (_, group)) in groups.into_iter().enumerate() {
        let mut report = report.clone();
        let table = choose_table(group, period, &rel, &mut report.findings);
        for (_, t) in hidden.iter().filter(|(h, _)| *h == n) {
            let msg = Msg::FileSheetIgnored {
                sheet: t.sheet.clone(),
                period: t.period().map(|p| p.vn()),
                used: table.sheet.clone(),
                hidden: true,
            };
            report.findings.push(Finding::new(Code::SheetIgnored, &rel, msg).at_sheet(&t.sheet));
        }
        if split {
            report.sheet = Some(table.sheet.clone());
        }
        decided.push(decide_table(report, table, &read, split, config, matcher, period));
    }
    decided
}

/// What a unit cell names, for telling a workbook's sheets apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum UnitKey {
    Known(usize),
    /// Not a configured unit: its folded key.
    Unknown(String),
}

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
fn choose_table(mut tables: Vec<TableData>, period: Period, rel: &str, findings: &mut Vec<Finding>) -> TableData {
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

/// The checks of one table: unit, period, date prepared, missing indicators, rules.
fn decide_table(
    mut report: FileReport,
    table: TableData,
    read: &FileRead,
    split: bool,
    config: &Config,
    matcher: &UnitMatcher,
    period: Period,
) -> (FileReport, Option<Candidate>) {
    let rel = read.rel.clone();
    let sheet = table.sheet.clone();

    // Unit: the unit cell, checked against the file name; else the file name alone. Sheets
    // of a workbook holding several units are named by their cells only.
    let by_name = if split { None } else { matcher.lookup_file_name(file_name(&rel)) };
    let (unit, unit_ok) = match &table.header.unit {
        Some((typed, cell)) => match matcher.lookup(typed) {
            Some(u) => {
                if let Some(n) = by_name.filter(|&n| n != u) {
                    let msg = Msg::FileUnitConflict {
                        cell_unit: config.units[u].name.clone(),
                        file_unit: config.units[n].name.clone(),
                    };
                    report.findings.push(Finding::new(Code::UnitConflict, &rel, msg).at_cell(&sheet, cell.clone()));
                }
                (Some(u), true)
            }
            None => {
                let suggestion = matcher.suggest(typed).map(|s| config.units[s].name.clone());
                let msg = Msg::FileUnitUnknown { value: clip(typed), suggestion };
                report.findings.push(Finding::new(Code::UnitUnknown, &rel, msg).at_cell(&sheet, cell.clone()));
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
            report.findings.push(if cell.is_empty() { f.at_sheet(&sheet) } else { f.at_cell(&sheet, cell.clone()) });
        }
        (Some((_, Some(_), _)), _) => {}
        (_, Some((header, month))) if !month.is(period) => {
            let msg = Msg::FileValueColumnPeriod { header: clip(header), found: month.shown(), expected: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMismatch, &rel, msg).at_sheet(&sheet));
        }
        (None, Some(_)) => {}
        (Some((typed, None, cell)), _) => {
            let msg = Msg::FilePeriodUnreadable { value: clip(typed), assumed: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMissing, &rel, msg).at_cell(&sheet, cell.clone()));
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
                report.findings.push(Finding::new(Code::DateUnreadable, &rel, msg).at_cell(&sheet, cell.clone()));
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
        report.findings.extend(evaluate_rules(config, &table.entries, &rel, &sheet));
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

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// Which of two files of a unit is newer, or why it does not matter or cannot be told.
enum Order {
    /// The first is newer (or the same): it stays.
    First(Newer),
    /// The second is newer.
    Second,
    Undecidable,
}

/// §10: `Ngày lập` decides only when both files have one and they differ; otherwise the
/// modification time; two files with the same bytes are the same report.
fn order(a: &Candidate, b: &Candidate) -> Order {
    if a.submission.sha256 == b.submission.sha256 {
        return Order::First(Newer::SameContent);
    }
    let shown = |d: NaiveDate| d.format("%d/%m/%Y").to_string();
    if let (Some(x), Some(y)) = (a.submission.prepared, b.submission.prepared)
        && x != y
    {
        return if x > y { Order::First(Newer::Prepared { this: shown(y), used: shown(x) }) } else { Order::Second };
    }
    match (a.modified, b.modified) {
        (Some(x), Some(y)) if x > y => Order::First(Newer::Modified),
        (Some(x), Some(y)) if x < y => Order::Second,
        _ => Order::Undecidable,
    }
}

/// Several usable files from one unit: the newest is used, the others superseded. When the
/// newest cannot be told, none is used and each of them says which file it ties with.
fn resolve_duplicates(
    config: &Config,
    files: &mut [FileReport],
    candidates: Vec<(usize, Candidate)>,
) -> Vec<Submission> {
    let mut by_unit: BTreeMap<usize, Vec<(usize, Candidate)>> = BTreeMap::new();
    for (i, c) in candidates {
        by_unit.entry(c.submission.unit).or_default().push((i, c));
    }
    let mut used = Vec::new();
    for (unit, group) in by_unit {
        let unit_code = config.units[unit].code.as_str();
        let mut winner = 0;
        for k in 1..group.len() {
            if let Order::Second = order(&group[winner].1, &group[k].1) {
                winner = k;
            }
        }
        let ties: Vec<usize> = (0..group.len())
            .filter(|&k| {
                k != winner && matches!(order(&group[winner].1, &group[k].1), Order::Undecidable | Order::Second)
            })
            .collect();
        if !ties.is_empty() {
            for &k in ties.iter().chain(std::iter::once(&winner)) {
                let other = if k == winner { ties[0] } else { winner };
                let msg = Msg::FileResendUndecidable { other: group[other].1.submission.file.clone() };
                let (i, c) = &group[k];
                let f = Finding::new(Code::ResendUndecidable, &c.submission.file, msg).for_unit(Some(unit_code));
                files[*i].findings.insert(0, f.at_sheet(&c.submission.sheet));
                files[*i].outcome = Outcome::Rejected;
            }
            for (k, (i, c)) in group.iter().enumerate() {
                if k != winner && !ties.contains(&k) {
                    supersede(&mut files[*i], c, &group[winner].1, unit_code);
                }
            }
            continue;
        }
        for (k, (i, c)) in group.iter().enumerate() {
            if k != winner {
                supersede(&mut files[*i], c, &group[winner].1, unit_code);
            }
        }
        let (winner_index, winner) = group.into_iter().nth(winner).expect("the winner is in its group");
        files[winner_index].outcome = Outcome::Used;
        used.push(winner.submission);
    }
    used
}

fn supersede(report: &mut FileReport, older: &Candidate, newer: &Candidate, unit: &str) {
    let why = match order(newer, older) {
        Order::First(why) => why,
        _ => Newer::Modified,
    };
    let msg = Msg::FileSuperseded { by: newer.submission.file.clone(), why };
    let f = Finding::new(Code::Superseded, &older.submission.file, msg).for_unit(Some(unit));
    report.findings.insert(0, f);
    report.outcome = Outcome::Superseded;
}

fn unit_statuses(config: &Config, files: &[FileReport], submissions: &[Submission]) -> Vec<UnitStatus> {
    (0..config.units.len())
        .map(|unit| {
            let of_unit =
                |o: Outcome| files.iter().enumerate().filter(move |(_, f)| f.unit == Some(unit) && f.outcome == o);
            let superseded = of_unit(Outcome::Superseded).map(|(_, f)| f.file.clone()).collect();
            let (state, report) = match submissions.iter().find(|s| s.unit == unit) {
                Some(s) => (
                    UnitState::Submitted,
                    files.iter().position(|f| f.outcome == Outcome::Used && f.unit == Some(unit) && f.file == s.file),
                ),
                None => match of_unit(Outcome::Rejected).next_back() {
                    Some((i, _)) => (UnitState::Rejected, Some(i)),
                    None => (UnitState::Missing, None),
                },
            };
            let file = report.map(|i| &files[i]);
            let (errors, warnings) = file.map(|f| crate::finding::counts(&f.findings)).unwrap_or((0, 0));
            let sheet = match (state, file) {
                (UnitState::Submitted, _) => submissions.iter().find(|s| s.unit == unit).map(|s| s.sheet.clone()),
                (_, Some(f)) => f.sheet.clone(),
                _ => None,
            };
            UnitStatus { unit, state, file: file.map(|f| f.file.clone()), sheet, report, superseded, errors, warnings }
        })
        .collect()
}

/// Whether any file that counts has an error (exit status 1, `--strict`). A superseded file's
/// errors do not count: the unit sent a newer one, which is what is used.
pub fn has_errors(intake: &Intake) -> bool {
    intake.counted_findings().any(|f| f.severity == Severity::Error)
}
