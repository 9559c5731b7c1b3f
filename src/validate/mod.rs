//! Validation: what one read file is worth. For each file (or each unit's sheets of a shared
//! workbook): which table is the report, whose it is, whether it is of the period, what is
//! missing, what the configured rules say, and whether it can be used at all. Cell-level
//! checks (a value that is not a number, a unit of measure that differs) are made while the
//! value is read, in [`crate::read::value`]; their findings arrive here with the table.
//!
//! Nothing here looks at other files: duplicates and unit statuses are [`crate::intake`]'s.

mod checks;
pub(crate) mod plausibility;
pub(crate) mod rules;
mod sheets;

use std::collections::BTreeMap;
use std::time::SystemTime;

use chrono::NaiveDate;

use crate::config::Config;
use crate::finding::{Code, Finding, Severity};
use crate::messages::Msg;
use crate::names::units::UnitMatcher;
use crate::period::Period;
use crate::read::table::{Entry, TableData};
use crate::read::{FileRead, ReadOutcome};
use checks::decide_table;
pub(crate) use rules::Rules;
use sheets::choose_table;

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
    /// When the file was received: its modification time (spec §11).
    pub received: Option<SystemTime>,
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

/// A file that passed the file-level checks, waiting for the duplicate check.
pub(crate) struct Candidate {
    pub submission: Submission,
    pub modified: Option<SystemTime>,
}

/// What every file of a run is decided against, built once: the configuration, its unit index
/// and compiled rules, and the period.
pub(crate) struct Basis<'a> {
    /// The units expected in `period` only.
    pub config: &'a Config,
    pub matcher: UnitMatcher,
    pub rules: Rules<'a>,
    pub period: Period,
    /// The whole configuration, to name a unit that merged away or starts later.
    pub all: &'a Config,
    /// The index of `all`, when it has units `config` lacks.
    pub all_matcher: Option<UnitMatcher>,
}

impl Basis<'_> {
    /// The configured unit a text names that does not report in this period.
    pub(crate) fn retired(&self, text: &str) -> Option<&crate::config::Unit> {
        let i = self.all_matcher.as_ref()?.lookup(text)?;
        Some(&self.all.units[i]).filter(|u| !u.exists_in(self.period))
    }
}

/// Decides one file: which table, which unit, file-level checks, rules. A workbook whose
/// visible sheets name several units gives one report per unit.
pub(crate) fn decide(mut read: FileRead, basis: &Basis<'_>) -> Vec<(FileReport, Option<Candidate>)> {
    let (config, matcher, period) = (basis.config, &basis.matcher, basis.period);
    let rel = read.rel.clone();
    let mut report = FileReport {
        file: rel.clone(),
        sheet: None,
        outcome: Outcome::Rejected,
        unit: None,
        prepared: None,
        received: read.modified,
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
        decided.push(decide_table(report, table, &read, split, basis));
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

pub(crate) fn file_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}
