//! `tonghop status INBOX`: who has sent, who is missing, which files were not used.

use super::Context;
use crate::cli::{InboxArgs, OutputFormat};
use crate::error::Fatal;
use crate::intake::intake_with;
use crate::render::{check, status};

pub(super) fn run(ctx: &Context, args: InboxArgs) -> Result<u8, Fatal> {
    let history = args.archive.as_deref().map(crate::history::History::read).unwrap_or_default();
    let intake = intake_with(&args.inbox, &ctx.config, args.period, &history, &super::progress::Bar::new(ctx.quiet))?;
    match args.format {
        // Quiet: only the problems, as `check -q` shows them.
        OutputFormat::Text if ctx.quiet => super::emit(&check::text(&intake.config, &intake, ctx.lang, true))?,
        OutputFormat::Text => super::emit(&status::text(&intake.config, &intake, ctx.lang))?,
        OutputFormat::Json => super::emit(&format!("{}\n", status::json(&intake.config, &intake)))?,
    }
    Ok(super::check::exit_status(&intake))
}
