//! `tonghop status INBOX`: who has sent, who is missing, which files were not used.

use serde::Serialize;

use super::Context;
use super::inbox::period_line;
use crate::cli::{InboxArgs, OutputFormat};
use crate::error::Fatal;
use crate::intake::{Intake, Outcome, UnitState, intake};
use crate::messages::Msg;
use crate::term::{Paint, pad};

pub fn run(ctx: &Context, args: InboxArgs) -> Result<u8, Fatal> {
    let intake = intake(&args.inbox, &ctx.config, args.period)?;
    match args.format {
        // Quiet: only the problems, as `check -q` shows them.
        OutputFormat::Text if ctx.quiet => super::emit(&super::check::text(ctx, &intake, Paint::stdout()))?,
        OutputFormat::Text => super::emit(&text(ctx, &intake, Paint::stdout()))?,
        OutputFormat::Json => super::emit(&format!("{}\n", json(ctx, &intake)))?,
    }
    Ok(super::check::exit_status(&intake))
}

/// One line per configured unit, then the files not used.
pub fn text(ctx: &Context, intake: &Intake, paint: Paint) -> String {
    let lang = ctx.lang;
    let count = |s: UnitState| intake.units.iter().filter(|u| u.state == s).count();
    let summary = Msg::StatusSummary {
        submitted: count(UnitState::Submitted),
        total: intake.units.len(),
        rejected: count(UnitState::Rejected),
        missing: count(UnitState::Missing),
    };
    let mut out = format!("{}\n{}\n\n", period_line(intake).text(lang), paint.bold(&summary.text(lang)));
    let width = ctx.config.units.iter().map(|u| u.name.chars().count()).max().unwrap_or(0) + 2;
    for (i, status) in intake.units.iter().enumerate() {
        let name = &ctx.config.units[status.unit].name;
        let state = pad(&status.state.word().text(lang), 10);
        let state = match status.state {
            UnitState::Submitted => paint.green(&state),
            UnitState::Missing => paint.yellow(&state),
            UnitState::Rejected => paint.red(&state),
        };
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
pub fn json(ctx: &Context, intake: &Intake) -> String {
    let units = intake
        .units
        .iter()
        .map(|u| {
            let unit = &ctx.config.units[u.unit];
            UnitJson {
                unit: &unit.code,
                name: &unit.name,
                status: u.state.as_str(),
                file: u.file.as_deref(),
                sheet: u.sheet.as_deref(),
                superseded: &u.superseded,
                errors: u.errors,
                warnings: u.warnings,
            }
        })
        .collect();
    let files = intake
        .files
        .iter()
        .map(|f| FileJson {
            file: &f.file,
            outcome: f.outcome.as_str(),
            unit: f.unit.map(|u| ctx.config.units[u].code.as_str()),
            sheet: f.sheet.as_deref(),
        })
        .collect();
    serde_json::to_string_pretty(&StatusJson { period: intake.period.to_string(), units, files }).expect("serialisable")
}
