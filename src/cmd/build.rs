//! `tonghop build INBOX`: the clerk's main job. Reads the inbox, consolidates, renders every
//! output to bytes, then writes them all at once into the output folder.

use std::path::{Path, PathBuf};

use super::{Context, EXIT_FINDINGS};
use crate::aggregate::{Consolidation, consolidate};
use crate::cli::BuildArgs;
use crate::error::Fatal;
use crate::finding::counts;
use crate::history::History;
use crate::intake::{Intake, has_errors, intake_with};
use crate::messages::{Msg, Reason};
use crate::narrative::Narrative;
use crate::write::{create_dir, write_all_atomic};
use crate::{outputs, render};

pub(super) fn run(ctx: &Context, args: BuildArgs) -> Result<u8, Fatal> {
    let inbox = args.inbox.display().to_string();
    let Built { intake, consolidation, written } = match build(ctx, &args)? {
        Some(built) => built,
        None => return Ok(EXIT_FINDINGS),
    };
    // Quiet: only the problems, as `check -q` shows them.
    let shown = if ctx.quiet {
        render::check::text(&intake.config, &intake, ctx.lang, true)
    } else {
        let written: Vec<&Path> = written.iter().map(PathBuf::as_path).collect();
        render::build::text(&intake.config, &intake, &consolidation, &inbox, &written, ctx.lang)
    };
    super::emit(&shown)?;
    Ok(super::check::exit_status(&intake))
}

/// What a build read and wrote.
pub(super) struct Built {
    pub intake: Intake,
    pub consolidation: Consolidation,
    /// The outputs, in the order they are listed to the clerk.
    pub written: Vec<PathBuf>,
}

/// Reads the inbox and writes the outputs; `None` when `--strict` refused (said on stderr).
pub(super) fn build(ctx: &Context, args: &BuildArgs) -> Result<Option<Built>, Fatal> {
    refuse_output_inside_inbox(&args.output, &args.inbox)?;
    // The earlier months, from the archive's CSVs (the output folder by default).
    let history = History::read(args.archive.as_deref().unwrap_or(&args.output));
    let intake = intake_with(&args.inbox, &ctx.config, args.period, &history, &super::progress::Bar::new(ctx.quiet))?;
    if args.strict && has_errors(&intake) {
        let (errors, _) = counts(&intake.counted_findings().cloned().collect::<Vec<_>>());
        let inbox = args.inbox.display().to_string();
        super::warn(&Msg::BuildStrictRefused { errors, inbox }.text(ctx.lang));
        return Ok(None);
    }
    let consolidation = consolidate(&intake.config, &intake)?.with_history(&intake.config, intake.period, &history);
    // Named once the months were looked at: only those the figures needed are read.
    if !ctx.quiet {
        for (file, reason) in &history.unreadable() {
            super::warn(&Msg::ArchiveUnreadable { file: file.clone(), reason: reason.clone() }.text(ctx.lang));
        }
    }
    let template = match &args.narrative_template {
        Some(path) => Some(super::read_text(path)?),
        None => None,
    };
    let mut narrative = crate::narrative::write(&intake.config, &intake, &consolidation, template.as_deref())
        .map_err(|e| Fatal(e.msg()))?;
    if let Some(path) = args.extra.clone().or_else(|| beside(&args.inbox, EXTRA)) {
        narrative = narrative.with_extra(&super::read_text(&path)?);
    }
    let outputs = render_all(ctx, &intake, &consolidation, &narrative, &args.output)?;
    create_dir(&args.output)?;
    write_all_atomic(&outputs)?;
    let written = outputs.into_iter().map(|(path, _)| path).collect();
    Ok(Some(Built { intake, consolidation, written }))
}

/// Every output's path and bytes, in the order they are listed to the clerk. Nothing is
/// written until all of them rendered.
fn render_all(
    ctx: &Context,
    intake: &Intake,
    consolidation: &Consolidation,
    narrative: &Narrative,
    folder: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Fatal> {
    let path = |stem: &str, ext: &str| folder.join(outputs::file_name(stem, &intake.period, ext));
    let cannot = |path: &Path, e: &dyn std::fmt::Display| {
        Fatal(Msg::CannotWriteFile { path: path.display().to_string(), reason: Reason::Other(e.to_string()) })
    };
    let xlsx_path = path(outputs::CONSOLIDATED, "xlsx");
    let xlsx = render::consolidated_xlsx::render(&intake.config, intake, consolidation, ctx.lang)
        .map_err(|e| cannot(&xlsx_path, &e))?;
    let md = render::markdown::render(narrative);
    let docx_path = path(outputs::REPORT, "docx");
    let docx = render::docx::render(narrative, intake.period).map_err(|e| cannot(&docx_path, &e))?;
    let csv_path = path(outputs::CONSOLIDATED, "csv");
    let csv = render::csv::render(&intake.config, intake).map_err(|e| cannot(&csv_path, &e))?;
    Ok(vec![(xlsx_path, xlsx), (path(outputs::REPORT, "md"), md), (docx_path, docx), (csv_path, csv)])
}

/// The committee's own section, when the clerk put it beside the inbox (spec §13).
pub(super) const EXTRA: &str = "noi-dung.md";

/// `name` in the inbox's parent folder, if there is such a file.
fn beside(inbox: &Path, name: &str) -> Option<PathBuf> {
    let path = inbox.canonicalize().ok()?.parent()?.join(name);
    path.is_file().then_some(path)
}

/// Outputs inside the inbox would be read back as submissions next time.
fn refuse_output_inside_inbox(output: &Path, inbox: &Path) -> Result<(), Fatal> {
    let (Ok(inbox_abs), Some(output_abs)) = (inbox.canonicalize(), absolute(output)) else {
        return Ok(()); // a missing inbox is reported by the reader
    };
    if output_abs.starts_with(&inbox_abs) {
        return Err(Fatal(Msg::OutputInsideInbox {
            output: output.display().to_string(),
            inbox: inbox.display().to_string(),
        }));
    }
    Ok(())
}

/// The absolute form of a path that may not exist yet: its nearest existing ancestor,
/// canonicalised, with the rest appended.
fn absolute(path: &Path) -> Option<PathBuf> {
    let path = std::path::absolute(path).ok()?;
    let mut existing = path.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        rest.push(existing.file_name()?.to_owned());
        existing = existing.parent()?;
    }
    let mut result = existing.canonicalize().ok()?;
    result.extend(rest.iter().rev());
    Some(result)
}
