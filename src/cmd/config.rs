//! `tonghop config [--check FILE]`: print the configuration in use, or check a file.

use std::path::Path;

use super::{Context, EXIT_FINDINGS, EXIT_OK, print_problems, read_text};
use crate::config::Config;
use crate::error::Fatal;
use crate::messages::{Lang, Msg};

/// Prints the configuration in use, so a user can copy and edit it.
pub(super) fn print(ctx: &Context) -> Result<u8, Fatal> {
    super::emit(&ctx.config_text)?;
    Ok(EXIT_OK)
}

/// Reports every problem of a configuration file; exit 0 when clean, 1 when not.
pub(super) fn check(path: &Path, lang: Lang, quiet: bool) -> Result<u8, Fatal> {
    let text = read_text(path)?;
    let file = path.display().to_string();
    match Config::parse(&text) {
        Ok(c) => {
            if !quiet {
                let msg = Msg::ConfigValid {
                    file,
                    units: c.units.len(),
                    sections: c.sections.len(),
                    indicators: c.indicators.len(),
                    rules: c.rules.len(),
                };
                super::emit(&format!("{}\n", msg.text(lang)))?;
            }
            Ok(EXIT_OK)
        }
        Err(problems) => {
            print_problems(path, &problems, lang);
            if !quiet {
                super::warn(&Msg::ConfigProblemCount { file, count: problems.len() }.text(lang));
            }
            Ok(EXIT_FINDINGS)
        }
    }
}
