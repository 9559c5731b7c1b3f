//! The command line, declared; nothing here runs anything.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::messages::Lang;
use crate::period::Period;

/// tonghop — tổng hợp báo cáo Excel của các đơn vị thành một báo cáo chung.
///
/// Consolidates the monthly Excel reports of a committee's units into one workbook,
/// one narrative and one CSV archive.
#[derive(Debug, Parser)]
#[command(name = "tonghop", version, about, long_about = None)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Configuration file (TOML) replacing the embedded default (see `tonghop config`).
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Language of messages: vi (Vietnamese, default) or en (English).
    #[arg(long, global = true, value_enum, default_value_t = Lang::Vi)]
    pub lang: Lang,
    /// Print only problems, no progress or summary.
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write the blank form(s) units fill in.
    Template(TemplateArgs),
    /// Every problem in the received files, file by file, cell by cell.
    Check(InboxArgs),
    /// Who has sent, who is missing, which files were rejected.
    Status(InboxArgs),
    /// The consolidated workbook, narrative report and CSV archive.
    Build(BuildArgs),
    /// Print the configuration in use, or check a configuration file.
    Config(ConfigArgs),
}

#[derive(Debug, Args)]
pub struct TemplateArgs {
    /// Month of the report, YYYY-MM (default: the current month).
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Prefill the form for this unit (its code, e.g. an-my); its unit cell is locked.
    #[arg(long, value_name = "CODE", conflicts_with = "all_units")]
    pub unit: Option<String>,
    /// One prefilled form per unit, written into the folder given by -o.
    #[arg(long)]
    pub all_units: bool,
    /// Output file (or folder with --all-units). Default: mau-YYYY-MM[-CODE].xlsx, or mau/.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct InboxArgs {
    /// Folder holding the received files (sub-folders included).
    pub inbox: PathBuf,
    /// Month of the report, YYYY-MM (default: the one most files declare, else the folder name).
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub format: OutputFormat,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Folder holding the received files (sub-folders included).
    pub inbox: PathBuf,
    /// Month of the report, YYYY-MM (default: the one most files declare, else the folder name).
    #[arg(long, value_parser = parse_period)]
    pub period: Option<Period>,
    /// Output folder (never inside the inbox).
    #[arg(short, long, value_name = "DIR", default_value = "tong-hop")]
    pub output: PathBuf,
    /// Write nothing (exit 1) when any error is found.
    #[arg(long)]
    pub strict: bool,
    /// A minijinja template replacing the default narrative (see README, "Narrative").
    #[arg(long, value_name = "FILE")]
    pub narrative_template: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    /// Check this configuration file and report every problem with its line and column.
    #[arg(long, value_name = "FILE")]
    pub check: Option<PathBuf>,
}

/// The `--lang` of a command line, read before clap parses it, so that the messages of
/// argument parsers (`--period 2024-13`) are in that language too.
static ARG_LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// Parses the command line, with argument errors in the language it asks for.
pub fn parse() -> Cli {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = args.windows(2).find_map(|w| (w[0] == "--lang").then(|| w[1].clone()));
    let lang = lang.or_else(|| args.iter().find_map(|a| a.to_str()?.strip_prefix("--lang=").map(Into::into)));
    if lang.is_some_and(|l| l == "en") {
        let _ = ARG_LANG.set(Lang::En);
    }
    Cli::parse_from(args)
}

fn parse_period(s: &str) -> Result<Period, String> {
    let lang = ARG_LANG.get().copied().unwrap_or_default();
    s.parse().map_err(|()| crate::messages::Msg::BadPeriod { value: s.to_owned() }.text(lang))
}
