//! What `check` and `status` share: reading the inbox and naming things for the clerk.

use crate::finding::{Finding, Severity};
use crate::intake::{Intake, Outcome, PeriodSource, UnitState};
use crate::messages::Msg;

use super::Context;

pub fn period_line(intake: &Intake) -> Msg {
    let period = intake.period.vn();
    match intake.period_source {
        PeriodSource::Argument => Msg::PeriodFromArgument { period },
        PeriodSource::Files => Msg::PeriodFromFiles { period },
        PeriodSource::FolderName => Msg::PeriodFromFolder { period },
    }
}

pub fn severity_word(severity: Severity) -> Msg {
    match severity {
        Severity::Error => Msg::SeverityError,
        Severity::Warning => Msg::SeverityWarning,
        Severity::Info => Msg::SeverityInfo,
    }
}

pub fn outcome_word(outcome: Outcome) -> Msg {
    match outcome {
        Outcome::Used => Msg::OutcomeUsed,
        Outcome::Superseded => Msg::OutcomeSuperseded,
        Outcome::Rejected => Msg::OutcomeRejected,
        Outcome::Skipped => Msg::OutcomeSkipped,
    }
}

pub fn state_word(state: UnitState) -> Msg {
    match state {
        UnitState::Submitted => Msg::StateSubmitted,
        UnitState::Missing => Msg::StateMissing,
        UnitState::Rejected => Msg::StateRejected,
    }
}

/// The unit's full name, or "(unit unknown)".
pub fn unit_name(ctx: &Context, unit: Option<usize>) -> String {
    match unit {
        Some(u) => ctx.config.units[u].name.clone(),
        None => Msg::UnitUnknownShort.text(ctx.lang),
    }
}

/// `Báo cáo!E12`, `Báo cáo`, or nothing.
pub fn location(f: &Finding) -> String {
    match (&f.sheet, &f.cell) {
        (Some(s), Some(c)) => format!("{s}!{c}"),
        (Some(s), None) => s.clone(),
        (None, Some(c)) => c.clone(),
        (None, None) => String::new(),
    }
}
