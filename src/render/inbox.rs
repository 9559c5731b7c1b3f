//! What the inbox renderers (`check`, `status`, `build`'s summary) share: naming things for the clerk.

use crate::config::Config;
use crate::finding::Finding;
use crate::intake::{Intake, PeriodSource};
use crate::messages::{Lang, Msg};

pub(super) fn period_line(intake: &Intake) -> Msg {
    let period = intake.period.vn();
    match intake.period_source {
        PeriodSource::Argument => Msg::PeriodFromArgument { period },
        PeriodSource::Files => Msg::PeriodFromFiles { period },
        PeriodSource::FolderName => Msg::PeriodFromFolder { period },
    }
}

/// The unit's full name, or "(unit unknown)".
pub(super) fn unit_name(config: &Config, unit: Option<usize>, lang: Lang) -> String {
    match unit {
        Some(u) => config.units[u].name.clone(),
        None => Msg::UnitUnknownShort.text(lang),
    }
}

/// `Báo cáo!E12`, `Báo cáo`, or nothing.
pub(super) fn location(f: &Finding) -> String {
    match (&f.sheet, &f.cell) {
        (Some(s), Some(c)) => format!("{s}!{c}"),
        (Some(s), None) => s.clone(),
        (None, Some(c)) => c.to_string(),
        (None, None) => String::new(),
    }
}
