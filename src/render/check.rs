//! What `check` prints: findings grouped by file for a clerk, or the JSON of spec §5.

use serde::Serialize;

use super::inbox::{location, period_line, unit_name};
use super::terminal::{bold, dim, pad, red, yellow};
use crate::config::Config;
use crate::finding::{Cell, Code, Finding, Severity, counts};
use crate::intake::{Intake, Outcome};
use crate::messages::{Lang, Msg};

/// Findings grouped by file, for a clerk. With `--quiet`, only the errors.
pub(crate) fn text(config: &Config, intake: &Intake, lang: Lang, errors_only: bool) -> String {
    let mut out = if errors_only { String::new() } else { format!("{}\n", period_line(intake).text(lang)) };
    for file in &intake.files {
        // A superseded file's own problems do not count (a newer file is used): only why it
        // was replaced is said, so the list agrees with the summary and the exit status.
        let still_counts = |f: &&Finding| file.outcome != Outcome::Superseded || f.kind == Some(Code::Superseded);
        let shown: Vec<_> = file
            .findings
            .iter()
            .filter(still_counts)
            .filter(|f| !errors_only || f.severity == Severity::Error)
            .collect();
        if shown.is_empty() {
            continue;
        }
        let head =
            format!("{} — {} — {}", file.shown(), unit_name(config, file.unit, lang), file.outcome.word().text(lang));
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&format!("{}\n", bold(&head)));
        for f in shown {
            let word = pad(&f.severity.word().text(lang), 9);
            let word = match f.severity {
                Severity::Error => red(&word),
                Severity::Warning => yellow(&word),
                Severity::Info => dim(&word),
            };
            let mut line = format!("  {word} {}", pad(&f.code, 4));
            let at = location(f);
            if !at.is_empty() {
                line.push_str(&format!("  {}", dim(&at)));
            }
            if let Some(ind) = &f.indicator {
                line.push_str(&format!("  [{ind}]"));
            }
            line.push_str(&format!("  {}\n", f.text(lang)));
            out.push_str(&line);
        }
    }
    if errors_only {
        return out;
    }
    let all: Vec<_> = intake.counted_findings().cloned().collect();
    let (errors, warnings) = counts(&all);
    let files = intake.files.iter().map(|f| &f.file).collect::<std::collections::BTreeSet<_>>().len();
    let summary =
        if errors + warnings == 0 { Msg::CheckClean { files } } else { Msg::CheckSummary { files, errors, warnings } };
    out.push_str(&format!("\n{}\n", summary.text(lang)));
    out
}

#[derive(Serialize)]
struct CheckJson<'a> {
    period: String,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'a str,
    severity: &'static str,
    file: &'a str,
    sheet: Option<&'a str>,
    cell: Option<Cell>,
    unit: Option<&'a str>,
    indicator: Option<&'a str>,
    message: String,
}

/// The JSON of spec §5: `{"period", "findings": [{code, severity, file, sheet, cell, unit, indicator, message}]}`.
pub(crate) fn json(intake: &Intake, lang: Lang, errors_only: bool) -> String {
    // Quiet: the errors only, here too.
    let findings = intake
        .findings()
        .filter(|f| !errors_only || f.severity == Severity::Error)
        .map(|f| FindingJson {
            code: &f.code,
            severity: f.severity.as_str(),
            file: &f.file,
            sheet: f.sheet.as_deref(),
            cell: f.cell,
            unit: f.unit.as_deref(),
            indicator: f.indicator.as_deref(),
            message: f.text(lang),
        })
        .collect();
    serde_json::to_string_pretty(&CheckJson { period: intake.period.to_string(), findings }).expect("serialisable")
}
