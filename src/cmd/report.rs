//! `tonghop report --period 2024-Q3`: a longer period's report from the archive alone (spec
//! §11). No inbox is read: each month is what its `tong-hop-YYYY-MM.csv` says, as `build`
//! archived it. Writes the same four outputs as `build`, named for the period.

use std::path::{Path, PathBuf};

use super::Context;
use crate::aggregate::{SpanFigures, consolidate_span};
use crate::cli::ReportArgs;
use crate::error::Fatal;
use crate::history::History;
use crate::messages::{Msg, Reason};
use crate::narrative::Narrative;
use crate::period::Term;
use crate::write::{create_dir, write_all_atomic};
use crate::{outputs, render};

pub(super) fn run(ctx: &Context, args: ReportArgs) -> Result<u8, Fatal> {
    let archive = args.archive.as_deref().unwrap_or(&args.output);
    let history = History::read(archive);
    let months = args.period.months();
    let config = ctx.config.for_months(&months);
    let figures = consolidate_span(&config, &args.period, &history)?;
    if figures.absent.len() == months.len() {
        let period = Msg::TermName { term: Term::Span(args.period.clone()) }.text(ctx.lang);
        return Err(Fatal(Msg::ReportArchiveEmpty { archive: archive.display().to_string(), period }));
    }
    if !ctx.quiet {
        for (file, reason) in &figures.unreadable {
            super::warn(&Msg::ArchiveUnreadable { file: file.clone(), reason: reason.clone() }.text(ctx.lang));
        }
    }
    let template = match &args.narrative_template {
        Some(path) => Some(super::read_text(path)?),
        None => None,
    };
    let mut narrative =
        crate::narrative::write_span(&config, &figures, template.as_deref()).map_err(|e| Fatal(e.msg()))?;
    if let Some(path) = &args.extra {
        narrative = narrative.with_extra(&super::read_text(path)?);
    }
    let outputs = render_all(ctx, &config, &figures, &narrative, &args.output)?;
    create_dir(&args.output)?;
    write_all_atomic(&outputs)?;
    if !ctx.quiet {
        let written: Vec<&Path> = outputs.iter().map(|(p, _)| p.as_path()).collect();
        super::emit(&render::build::span_text(&config, &figures, &written, ctx.lang))?;
    }
    Ok(super::EXIT_OK)
}

/// The four outputs, in the order `build` lists them; nothing is written until all rendered.
fn render_all(
    ctx: &Context,
    config: &crate::config::Config,
    f: &SpanFigures,
    narrative: &Narrative,
    folder: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Fatal> {
    let path = |stem: &str, ext: &str| folder.join(outputs::file_name(stem, &f.span.name, ext));
    let cannot = |path: &Path, e: &dyn std::fmt::Display| {
        Fatal(Msg::CannotWriteFile { path: path.display().to_string(), reason: Reason::Other(e.to_string()) })
    };
    let xlsx_path = path(outputs::CONSOLIDATED, "xlsx");
    let xlsx = render::consolidated_xlsx::render_span(config, f, ctx.lang).map_err(|e| cannot(&xlsx_path, &e))?;
    let md = render::markdown::render(narrative);
    let docx_path = path(outputs::REPORT, "docx");
    let docx = render::docx::render(narrative, f.span.first).map_err(|e| cannot(&docx_path, &e))?;
    let csv_path = path(outputs::CONSOLIDATED, "csv");
    let csv = render::csv::render_span(config, f).map_err(|e| cannot(&csv_path, &e))?;
    Ok(vec![(xlsx_path, xlsx), (path(outputs::REPORT, "md"), md), (docx_path, docx), (csv_path, csv)])
}
