//! The inbox as a whole: which file each unit's figures come from, and why every other file
//! is not used. Every file found is accounted for exactly once: used, superseded, rejected or
//! skipped.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::config::Config;
use crate::discover::discover;
use crate::error::Fatal;
use crate::finding::{Code, Finding, Severity};
use crate::history::History;
use crate::messages::{Msg, Newer};
use crate::period::Period;
use crate::read::table::TableData;
use crate::read::{FileRead, ReadOutcome, read_file};
use crate::validate::{Basis, Candidate, Rules, decide};
pub use crate::validate::{FileReport, Outcome, Submission};

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
    /// When `file` was received (its modification time), local time.
    pub received_at: Option<chrono::DateTime<chrono::Local>>,
    /// Whether it came by the deadline; `None` without a deadline or a file.
    pub on_time: Option<bool>,
}

impl UnitStatus {
    /// When the file was received, as the clerk reads it: `17/10/2024 12:00`.
    pub fn received_shown(&self) -> Option<String> {
        self.received_at.map(|t| t.format("%d/%m/%Y %H:%M").to_string())
    }
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
    /// One per unit expected in the period, in configuration order.
    pub units: Vec<UnitStatus>,
    /// The configuration as it applies to the period ([`Config::for_period`]): unit indices
    /// everywhere in the intake are into its `units`, so every later stage uses it.
    pub config: Config,
}

impl Intake {
    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().flat_map(|f| &f.findings)
    }

    /// How many expected units sent on time (0 without a deadline).
    pub fn on_time(&self) -> usize {
        self.units.iter().filter(|u| u.on_time == Some(true)).count()
    }

    /// Findings of the files that count: used, rejected and skipped, not superseded.
    pub fn counted_findings(&self) -> impl Iterator<Item = &Finding> {
        self.files.iter().filter(|f| f.outcome != Outcome::Superseded).flat_map(|f| &f.findings)
    }
}

/// Told how reading goes: a progress bar on a clerk's terminal, nothing elsewhere.
pub trait Progress: Sync {
    /// Reading starts; `files` will be read.
    fn start(&self, _files: usize) {}
    /// One more file was read.
    fn read_one(&self) {}
    /// Reading is over (the rest is quick).
    fn done(&self) {}
}

/// No progress shown.
pub struct Silent;

impl Progress for Silent {}

/// Reads every file of the inbox and decides which one each unit's figures come from.
///
/// # Errors
/// When the inbox cannot be listed, or no period is given and none can be inferred (exit 2).
pub fn intake(inbox: &Path, config: &Config, period: Option<Period>) -> Result<Intake, Fatal> {
    intake_with(inbox, config, period, &History::default(), &Silent)
}

/// [`intake`], with the archived months (`history`: figures far from a unit's own are
/// flagged, O01), telling `progress` how reading goes.
///
/// # Errors
/// As [`intake`].
pub fn intake_with(
    inbox: &Path,
    config: &Config,
    period: Option<Period>,
    history: &History,
    progress: &dyn Progress,
) -> Result<Intake, Fatal> {
    let found = discover(inbox)?;
    progress.start(found.len());
    let reads: Vec<FileRead> = found
        .par_iter()
        .map(|f| {
            let read = read_file(f, config);
            progress.read_one();
            read
        })
        .collect();
    progress.done();
    let (period, period_source) = match period {
        Some(p) => (p, PeriodSource::Argument),
        None => infer_period(inbox, &reads)?,
    };
    // From here on, the units are those expected in this period (mergers, new units).
    let (all, expected) = (config, config.for_period(period));
    let config = &expected;
    let rules_env = minijinja::Environment::new();
    let basis = Basis {
        config,
        matcher: config.unit_matcher(),
        rules: Rules::new(&rules_env, config),
        period,
        all,
        all_matcher: (all.units.len() != config.units.len()).then(|| all.unit_matcher()),
    };
    let mut candidates = Vec::new();
    let mut files = Vec::with_capacity(reads.len());
    // Each file is decided on its own (in parallel); the order of the files is kept.
    let decided: Vec<_> = reads.into_par_iter().map(|read| decide(read, &basis)).collect();
    for (report, submission) in decided.into_iter().flatten() {
        if let Some(s) = submission {
            candidates.push((files.len(), s));
        }
        files.push(report);
    }
    let submissions = resolve_duplicates(config, &mut files, candidates);
    crate::validate::plausibility::check(config, period, history, &mut files, &submissions);
    let units = unit_statuses(config, period, &files, &submissions);
    Ok(Intake { period, period_source, files, submissions, units, config: expected })
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

fn unit_statuses(config: &Config, period: Period, files: &[FileReport], submissions: &[Submission]) -> Vec<UnitStatus> {
    let deadline = config
        .report
        .deadline_days
        .and_then(|days| period.window(config.report.cutoff_day).1.checked_add_days(chrono::Days::new(days.into())));
    // Each file and submission is filed under its unit once: linear in files and units.
    #[derive(Default)]
    struct OfUnit<'a> {
        submission: Option<&'a Submission>,
        used: Option<usize>,
        last_rejected: Option<usize>,
        superseded: Vec<String>,
    }
    let mut by_unit: Vec<OfUnit> = (0..config.units.len()).map(|_| OfUnit::default()).collect();
    for s in submissions {
        by_unit[s.unit].submission.get_or_insert(s);
    }
    for (i, f) in files.iter().enumerate() {
        let Some(of) = f.unit.and_then(|u| by_unit.get_mut(u)) else { continue };
        match f.outcome {
            Outcome::Superseded => of.superseded.push(f.file.clone()),
            Outcome::Rejected => of.last_rejected = Some(i),
            Outcome::Used if of.used.is_none() && of.submission.is_some_and(|s| s.file == f.file) => of.used = Some(i),
            _ => {}
        }
    }
    by_unit
        .into_iter()
        .enumerate()
        .map(|(unit, of)| {
            let (state, report) = match (of.submission, of.last_rejected) {
                (Some(_), _) => (UnitState::Submitted, of.used),
                (None, Some(i)) => (UnitState::Rejected, Some(i)),
                (None, None) => (UnitState::Missing, None),
            };
            let file = report.map(|i| &files[i]);
            let (errors, warnings) = file.map(|f| crate::finding::counts(&f.findings)).unwrap_or((0, 0));
            let sheet = match (state, file) {
                (UnitState::Submitted, _) => of.submission.map(|s| s.sheet.clone()),
                (_, Some(f)) => f.sheet.clone(),
                _ => None,
            };
            let superseded = of.superseded;
            let received_at = file.and_then(|f| f.received).map(chrono::DateTime::<chrono::Local>::from);
            // On time: received by the end of the window's last day plus the deadline's days.
            let on_time = deadline.zip(received_at).map(|(d, r)| r.date_naive() <= d);
            UnitStatus {
                unit,
                state,
                file: file.map(|f| f.file.clone()),
                sheet,
                report,
                superseded,
                errors,
                warnings,
                received_at,
                on_time,
            }
        })
        .collect()
}

/// Whether any file that counts has an error (exit status 1, `--strict`). A superseded file's
/// errors do not count: the unit sent a newer one, which is what is used.
pub fn has_errors(intake: &Intake) -> bool {
    intake.counted_findings().any(|f| f.severity == Severity::Error)
}
