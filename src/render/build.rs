//! What `build` prints when it is done: who sent, who is missing, what was written.

use std::path::Path;

use super::inbox::period_line;
use crate::aggregate::{Consolidation, SpanFigures};
use crate::config::Config;
use crate::finding::counts;
use crate::intake::Intake;
use crate::messages::{Lang, Msg};
use crate::period::Term;
use crate::vn_number::ratio;

/// The short summary of spec §5: submitted n/N, missing units, errors, warnings, files written.
pub(crate) fn text(
    config: &Config,
    intake: &Intake,
    c: &Consolidation,
    inbox: &str,
    written: &[&Path],
    lang: Lang,
) -> String {
    let names = |units: &[usize]| units.iter().map(|&u| config.units[u].name.as_str()).collect::<Vec<_>>().join(", ");
    let mut lines = vec![
        period_line(intake).text(lang),
        Msg::BuildSubmitted {
            submitted: ratio(c.submitted.len(), c.units),
            unit_word: config.report.unit_word.clone(),
        }
        .text(lang),
    ];
    if !c.missing.is_empty() {
        lines.push(Msg::BuildMissing { names: names(&c.missing) }.text(lang));
    }
    if !c.rejected.is_empty() {
        lines.push(Msg::BuildRejected { names: names(&c.rejected) }.text(lang));
    }
    let (errors, warnings) = counts(&intake.counted_findings().cloned().collect::<Vec<_>>());
    if errors + warnings > 0 {
        lines.push(Msg::BuildFindings { errors, warnings, inbox: inbox.to_owned() }.text(lang));
    }
    lines.push(Msg::BuildWritten.text(lang));
    for path in written {
        lines.push(format!("  {}", path.display()));
    }
    lines.join("\n") + "\n"
}

/// What `report` prints: the months the archive holds of the period, who reported, what was
/// written.
pub(crate) fn span_text(config: &Config, f: &SpanFigures, written: &[&Path], lang: Lang) -> String {
    let c = &f.figures;
    let months = f.span.months();
    let used: Vec<String> = months.iter().filter(|p| !f.absent.contains(p)).map(|p| p.vn()).collect();
    let period = Msg::TermName { term: Term::Span(f.span.clone()) }.text(lang);
    let mut lines = vec![
        Msg::ReportMonths { period, used: used.len(), months: months.len(), list: used.join(", ") }.text(lang),
        Msg::ReportUnits { submitted: ratio(c.submitted.len(), c.units), unit_word: config.report.unit_word.clone() }
            .text(lang),
    ];
    if !f.absent.is_empty() {
        let months = f.absent.iter().map(|p| p.vn()).collect::<Vec<_>>().join(", ");
        lines.push(Msg::ReportAbsent { months }.text(lang));
    }
    let incomplete: Vec<String> = f
        .incomplete()
        .into_iter()
        .map(|(u, _)| {
            let m = &f.months[u];
            format!("{} ({})", config.units[u].name, ratio(m.reported.len(), m.expected.len()))
        })
        .collect();
    if !incomplete.is_empty() {
        lines.push(Msg::ReportIncomplete { list: incomplete.join(", ") }.text(lang));
    }
    if !c.missing.is_empty() {
        let names = c.missing.iter().map(|&u| config.units[u].name.as_str()).collect::<Vec<_>>().join(", ");
        lines.push(Msg::ReportNoMonth { names }.text(lang));
    }
    lines.push(Msg::BuildWritten.text(lang));
    for path in written {
        lines.push(format!("  {}", path.display()));
    }
    lines.join("\n") + "\n"
}
