//! What `check` and `status` share: reading the inbox and naming things for the clerk.

use crate::finding::Finding;
use crate::intake::{Intake, PeriodSource};
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
