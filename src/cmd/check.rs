//! `tonghop check INBOX`: every problem, file by file, cell by cell.

use super::{Context, EXIT_FINDINGS, EXIT_OK};
use crate::cli::{InboxArgs, OutputFormat};
use crate::error::Fatal;
use crate::intake::{Intake, has_errors, intake_with};
use crate::render::check::{json, text};

pub(super) fn run(ctx: &Context, args: InboxArgs) -> Result<u8, Fatal> {
    let history = args.archive.as_deref().map(crate::history::History::read).unwrap_or_default();
    let intake = intake_with(&args.inbox, &ctx.config, args.period, &history, &super::progress::Bar::new(ctx.quiet))?;
    match args.format {
        OutputFormat::Text => super::emit(&text(&intake.config, &intake, ctx.lang, ctx.quiet))?,
        OutputFormat::Json => super::emit(&format!("{}\n", json(&intake, ctx.lang, ctx.quiet)))?,
    }
    Ok(exit_status(&intake))
}

/// 1 when errors were found (spec §5), for every command that reads an inbox.
pub(super) fn exit_status(intake: &Intake) -> u8 {
    if has_errors(intake) { EXIT_FINDINGS } else { EXIT_OK }
}
