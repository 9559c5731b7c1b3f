//! `tonghop template`: the forms units fill in.

use std::path::{Path, PathBuf};

use super::{Context, EXIT_OK};
use crate::cli::TemplateArgs;
use crate::config::{Config, Unit};
use crate::error::Fatal;
use crate::messages::{Msg, Reason};
use crate::period::Period;
use crate::render::form_xlsx;
use crate::write::{create_dir, write_atomic};

pub(super) fn run(ctx: &Context, args: TemplateArgs) -> Result<u8, Fatal> {
    let period = args.period.unwrap_or_else(Period::current);
    // The units of that period only: a unit merged away gets no form, nor a place in the list.
    let config = ctx.config.for_period(period);
    if args.all_units {
        let dir = args.output.unwrap_or_else(|| PathBuf::from("mau"));
        let count = write_all(&config, period, &dir)?;
        ctx.say(&Msg::TemplatesWritten { count, dir: dir.display().to_string() })?;
        return Ok(EXIT_OK);
    }
    let unit = match &args.unit {
        Some(code) => Some(config.unit(code).ok_or_else(|| {
            let known = config.units.iter().map(|u| u.code.as_str()).collect::<Vec<_>>().join(", ");
            Fatal(Msg::UnknownUnitCode { code: code.clone(), known })
        })?),
        None => None,
    };
    let path = match args.output {
        Some(path) => xlsx_path(path)?,
        None => PathBuf::from(file_name(period, unit)),
    };
    write_form(&config, period, unit, path.clone())?;
    ctx.say(&Msg::TemplateWritten { path: path.display().to_string() })?;
    Ok(EXIT_OK)
}

/// The form is an .xlsx: a path without an extension gets it (`-o form` writes `form.xlsx`,
/// which a double-click opens); another extension would name the file for a format it is not.
fn xlsx_path(path: PathBuf) -> Result<PathBuf, Fatal> {
    match path.extension().map(|e| e.to_string_lossy().to_lowercase()) {
        None => Ok(path.with_extension("xlsx")),
        Some(e) if e == "xlsx" => Ok(path),
        Some(_) => Err(Fatal(Msg::TemplateNotXlsx { path: path.display().to_string() })),
    }
}

/// One prefilled form per unit of `config` into `dir`; how many.
pub(super) fn write_all(config: &Config, period: Period, dir: &Path) -> Result<usize, Fatal> {
    create_dir(dir)?;
    for unit in &config.units {
        write_form(config, period, Some(unit), dir.join(file_name(period, Some(unit))))?;
    }
    Ok(config.units.len())
}

/// `mau-2024-08.xlsx`, or `mau-2024-08-an-my.xlsx` for a prefilled form.
fn file_name(period: Period, unit: Option<&Unit>) -> String {
    match unit {
        Some(u) => format!("mau-{period}-{}.xlsx", u.code),
        None => format!("mau-{period}.xlsx"),
    }
}

fn write_form(config: &Config, period: Period, unit: Option<&Unit>, path: PathBuf) -> Result<(), Fatal> {
    let bytes = form_xlsx::render(config, period, unit).map_err(|e| {
        Fatal(Msg::CannotWriteFile { path: path.display().to_string(), reason: Reason::Other(e.to_string()) })
    })?;
    write_atomic(&path, &bytes)
}
