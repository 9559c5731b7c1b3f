//! What `status` prints: one line per unit and the files not used, or the JSON of spec §5.

use serde::Serialize;

use super::inbox::period_line;
use super::terminal::{bold, green, pad, red, yellow};
use crate::config::Config;
use crate::intake::{Intake, Outcome, UnitState};
use crate::messages::{Lang, Msg};

/// One line per configured unit, then the files not used.
pub(crate) fn text(config: &Config, intake: &Intake, lang: Lang) -> String {
    let count = |s: UnitState| intake.units.iter().filter(|u| u.state == s).count();
    let summary = Msg::StatusSummary {
        submitted: count(UnitState::Submitted),
        total: intake.units.len(),
        rejected: count(UnitState::Rejected),
        missing: count(UnitState::Missing),
    };
    let mut out = format!("{}\n{}\n", period_line(intake).text(lang), bold(&summary.text(lang)));
    // With a deadline configured: how many expected units sent on time (spec §11).
    if config.report.deadline_days.is_some() {
        let on_time = intake.on_time();
        out.push_str(&format!("{}\n", Msg::StatusOnTime { on_time, total: intake.units.len() }.text(lang)));
    }
    out.push('\n');
    let width = config.units.iter().map(|u| u.name.chars().count()).max().unwrap_or(0) + 2;
    for (i, status) in intake.units.iter().enumerate() {
        let name = &config.units[status.unit].name;
        let word = status.state.word().text(lang);
        // The padding goes outside the colour, so that a line that ends here is trimmed.
        let state = match status.state {
            UnitState::Submitted => green(&word),
            UnitState::Missing => yellow(&word),
            UnitState::Rejected => red(&word),
        } + &pad("", 10usize.saturating_sub(word.chars().count()));
        let mut line = format!("{:>3}  {}{state}", i + 1, pad(name, width));
        if let Some(file) = &status.file {
            line.push_str(&format!("  {file}"));
            if let Some(sheet) =
                status.sheet.as_ref().filter(|_| status.report.is_some_and(|r| intake.files[r].sheet.is_some()))
            {
                line.push_str(&format!(" [{sheet}]"));
            }
            if status.errors + status.warnings > 0 {
                let counts = Msg::CountsShort { errors: status.errors, warnings: status.warnings };
                line.push_str(&format!(" ({})", counts.text(lang)));
            }
            if let (Some(on_time), Some(at)) = (status.on_time, status.received_shown()) {
                let word = if on_time { Msg::ReceivedOnTime { at } } else { Msg::ReceivedLate { at } };
                let word = word.text(lang);
                line.push_str(&format!(" — {}", if on_time { word } else { red(&word) }));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    let others: Vec<_> = intake.files.iter().filter(|f| f.outcome != Outcome::Used).collect();
    if !others.is_empty() {
        out.push_str(&format!("\n{}\n", Msg::StatusOtherFiles.text(lang)));
        for f in others {
            let reason = f.reason().map(|r| format!(": {}", r.text(lang))).unwrap_or_default();
            out.push_str(&format!("  {} — {}{reason}\n", f.shown(), f.outcome.word().text(lang)));
        }
    }
    out
}

#[derive(Serialize)]
struct StatusJson<'a> {
    period: String,
    units: Vec<UnitJson<'a>>,
    files: Vec<FileJson<'a>>,
}

#[derive(Serialize)]
struct UnitJson<'a> {
    unit: &'a str,
    name: &'a str,
    status: &'static str,
    file: Option<&'a str>,
    /// The sheet whose figures are used (or that was rejected).
    sheet: Option<&'a str>,
    superseded: &'a [String],
    errors: usize,
    warnings: usize,
    /// When the file was received (its modification time), ISO 8601 in local time.
    received_at: Option<String>,
    /// Whether it came by the deadline; null without a deadline or a file.
    on_time: Option<bool>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    file: &'a str,
    outcome: &'static str,
    unit: Option<&'a str>,
    /// Set when the workbook holds several units' sheets, each accounted for on its own.
    sheet: Option<&'a str>,
}

/// The JSON of spec §5.
pub(crate) fn json(config: &Config, intake: &Intake) -> String {
    let units = intake
        .units
        .iter()
        .map(|u| {
            let unit = &config.units[u.unit];
            UnitJson {
                unit: &unit.code,
                name: &unit.name,
                status: u.state.as_str(),
                file: u.file.as_deref(),
                sheet: u.sheet.as_deref(),
                superseded: &u.superseded,
                errors: u.errors,
                warnings: u.warnings,
                received_at: u.received_at.map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, false)),
                on_time: u.on_time,
            }
        })
        .collect();
    let files = intake
        .files
        .iter()
        .map(|f| FileJson {
            file: &f.file,
            outcome: f.outcome.as_str(),
            unit: f.unit.map(|u| config.units[u].code.as_str()),
            sheet: f.sheet.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&StatusJson { period: intake.period.to_string(), units, files }).expect("serialisable")
}
