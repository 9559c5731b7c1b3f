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
use crate::messages::{Msg, clip};
use crate::period::Period;
use crate::read::table::{Entry, TableData};
use crate::read::{FileRead, ReadOutcome, read_file};
use crate::rules::evaluate_rules;
use crate::unit_match::UnitMatcher;

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
    pub outcome: Outcome,
    /// Index of the unit in the configuration, when known.
    pub unit: Option<usize>,
    pub prepared: Option<NaiveDate>,
    pub findings: Vec<Finding>,
}

impl FileReport {
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
    let matcher = UnitMatcher::new(config);
    let mut candidates = Vec::new();
    let mut files = Vec::with_capacity(reads.len());
    for read in reads {
        let (report, submission) = decide(read, config, &matcher, period);
        if let Some(s) = submission {
            candidates.push((files.len(), s));
        }
        files.push(report);
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

/// Decides one file: which table, which unit, file-level checks, rules.
fn decide(read: FileRead, config: &Config, matcher: &UnitMatcher, period: Period) -> (FileReport, Option<Candidate>) {
    let rel = read.rel.clone();
    let mut report =
        FileReport { file: rel.clone(), outcome: Outcome::Rejected, unit: None, prepared: None, findings: vec![] };
    let mut tables = match read.outcome {
        ReadOutcome::Skipped(f) => {
            report.outcome = Outcome::Skipped;
            report.findings.push(f);
            return (report, None);
        }
        ReadOutcome::Failed(f) => {
            // The file name may still say whose file it was.
            report.unit = matcher.lookup_file_name(file_name(&rel));
            report.findings.push(f.for_unit(report.unit.map(|u| config.units[u].code.as_str())));
            return (report, None);
        }
        ReadOutcome::Tables(t) => t,
    };

    // The table of this period; the others are reported as ignored.
    let chosen = tables
        .iter()
        .position(|t| t.period() == Some(period))
        .or_else(|| tables.iter().position(|t| t.period().is_none() && t.visible))
        .or_else(|| tables.iter().position(|t| t.period().is_none()))
        .unwrap_or(0);
    for (i, t) in tables.iter().enumerate() {
        if i != chosen {
            let msg = Msg::FileSheetIgnored {
                sheet: t.sheet.clone(),
                period: t.period().map(|p| p.vn()),
                used: tables[chosen].sheet.clone(),
            };
            report.findings.push(Finding::new(Code::SheetIgnored, &rel, msg).at_sheet(&t.sheet));
        }
    }
    let table = tables.swap_remove(chosen);
    let sheet = table.sheet.clone();

    // Unit: the unit cell, checked against the file name; else the file name alone.
    let by_name = matcher.lookup_file_name(file_name(&rel));
    let unit = match &table.header.unit {
        Some((typed, cell)) => match matcher.lookup(typed) {
            Some(u) => {
                if let Some(n) = by_name.filter(|&n| n != u) {
                    let msg = Msg::FileUnitConflict {
                        cell_unit: config.units[u].name.clone(),
                        file_unit: config.units[n].name.clone(),
                    };
                    report.findings.push(Finding::new(Code::UnitConflict, &rel, msg).at_cell(&sheet, cell.clone()));
                }
                Some(u)
            }
            None => {
                let suggestion = matcher.suggest(typed).map(|s| config.units[s].name.clone());
                let msg = Msg::FileUnitUnknown { value: clip(typed), suggestion };
                report.findings.push(Finding::new(Code::UnitUnknown, &rel, msg).at_cell(&sheet, cell.clone()));
                None
            }
        },
        None => match by_name {
            Some(n) => {
                let msg = Msg::FileUnitFromName { unit: config.units[n].name.clone() };
                report.findings.push(Finding::new(Code::UnitFromFileName, &rel, msg).at_sheet(&sheet));
                Some(n)
            }
            None => {
                report.findings.push(Finding::new(Code::UnitMissing, &rel, Msg::FileUnitMissing).at_sheet(&sheet));
                None
            }
        },
    };
    report.unit = unit;

    // Period.
    match &table.header.period {
        Some((_, Some(p), cell)) if *p != period => {
            let msg = Msg::FilePeriodMismatch { found: p.vn(), expected: period.vn() };
            let f = Finding::new(Code::PeriodMismatch, &rel, msg);
            report.findings.push(if cell.is_empty() { f.at_sheet(&sheet) } else { f.at_cell(&sheet, cell.clone()) });
        }
        Some((_, Some(_), _)) => {}
        Some((typed, None, cell)) => {
            let msg = Msg::FilePeriodUnreadable { value: clip(typed), assumed: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMissing, &rel, msg).at_cell(&sheet, cell.clone()));
        }
        None => {
            let msg = Msg::FilePeriodMissing { assumed: period.vn() };
            report.findings.push(Finding::new(Code::PeriodMissing, &rel, msg).at_sheet(&sheet));
        }
    }

    // Date prepared.
    let prepared = match &table.header.prepared {
        Some((_, Some(d), _)) => Some(*d),
        Some((typed, None, cell)) => {
            let msg = Msg::FileDateUnreadable { value: clip(typed) };
            report.findings.push(Finding::new(Code::DateUnreadable, &rel, msg).at_cell(&sheet, cell.clone()));
            None
        }
        None => None,
    };
    report.prepared = prepared;

    // Indicators without a row, and an empty form.
    for (i, indicator) in config.indicators.iter().enumerate() {
        if !table.entries.contains_key(&i) {
            let msg = Msg::FileIndicatorMissing { code: indicator.code.clone(), label: indicator.label.clone() };
            report
                .findings
                .push(Finding::new(Code::IndicatorMissing, &rel, msg).at_sheet(&sheet).for_indicator(&indicator.code));
        }
    }
    if table.is_empty() {
        report.findings.push(Finding::new(Code::EmptyForm, &rel, Msg::FileEmpty).at_sheet(&sheet));
    }

    report.findings.extend(table.findings.iter().cloned());
    report.findings.extend(evaluate_rules(config, &table.entries, &rel, &sheet));

    let unit_code = unit.map(|u| config.units[u].code.as_str());
    for f in &mut report.findings {
        f.unit = unit_code.map(str::to_owned);
    }
    let rejected = report.findings.iter().any(|f| f.kind.is_some_and(Code::rejects_file));
    let Some(unit) = unit.filter(|_| !rejected) else {
        return (report, None);
    };
    let submission = Submission {
        unit,
        file: rel,
        sheet,
        sha256: read.sha256,
        prepared,
        preparer: table.header.preparer.clone(),
        entries: table.entries,
    };
    (report, Some(Candidate { submission, modified: read.modified }))
}

fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

/// Several usable files from one unit: the latest `Ngày lập` wins, then the latest
/// modification time (then the later path, so the choice is always the same).
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
    for (_, mut group) in by_unit {
        group.sort_by(|(_, a), (_, b)| {
            (a.submission.prepared, a.modified, &a.submission.file).cmp(&(
                b.submission.prepared,
                b.modified,
                &b.submission.file,
            ))
        });
        let (winner_index, winner) = group.pop().expect("groups are not empty");
        files[winner_index].outcome = Outcome::Used;
        for (i, c) in group {
            let msg = Msg::FileSuperseded {
                by: winner.submission.file.clone(),
                prepared: c.submission.prepared.map(|d| d.format("%d/%m/%Y").to_string()),
                by_prepared: winner.submission.prepared.map(|d| d.format("%d/%m/%Y").to_string()),
            };
            let unit = config.units[c.submission.unit].code.as_str();
            let f = Finding::new(Code::Superseded, &c.submission.file, msg).for_unit(Some(unit));
            files[i].findings.insert(0, f);
            files[i].outcome = Outcome::Superseded;
        }
        used.push(winner.submission);
    }
    used
}

fn unit_statuses(config: &Config, files: &[FileReport], submissions: &[Submission]) -> Vec<UnitStatus> {
    (0..config.units.len())
        .map(|unit| {
            let of_unit = |o: Outcome| files.iter().filter(move |f| f.unit == Some(unit) && f.outcome == o);
            let superseded = of_unit(Outcome::Superseded).map(|f| f.file.clone()).collect();
            let (state, file) = match submissions.iter().find(|s| s.unit == unit) {
                Some(s) => (UnitState::Submitted, files.iter().find(|f| f.file == s.file)),
                None => match of_unit(Outcome::Rejected).next_back() {
                    Some(f) => (UnitState::Rejected, Some(f)),
                    None => (UnitState::Missing, None),
                },
            };
            let (errors, warnings) = file.map(|f| crate::finding::counts(&f.findings)).unwrap_or((0, 0));
            UnitStatus { unit, state, file: file.map(|f| f.file.clone()), superseded, errors, warnings }
        })
        .collect()
}

/// Whether any file that counts has an error (exit status 1, `--strict`). A superseded file's
/// errors do not count: the unit sent a newer one, which is what is used.
pub fn has_errors(intake: &Intake) -> bool {
    intake.counted_findings().any(|f| f.severity == Severity::Error)
}
