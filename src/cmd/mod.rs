//! The commands: each takes its arguments and the shared context, strings the pipeline
//! stages together, and returns the exit status.

mod build;
mod check;
mod config;
mod progress;
mod report;

mod status;
mod template;
mod watch;
mod workspace;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::config::{Config, ConfigProblem};
use crate::error::Fatal;
use crate::messages::{Lang, Msg};

/// What every command gets: the configuration in use and how to talk to the user.
pub struct Context {
    pub config: Config,
    /// The configuration's text (what `tonghop config` prints).
    pub config_text: String,
    pub lang: Lang,
    pub quiet: bool,
}

impl Context {
    /// Prints a result line (suppressed by `--quiet`).
    pub fn say(&self, msg: &Msg) -> Result<(), Fatal> {
        if self.quiet { Ok(()) } else { emit(&format!("{}\n", msg.text(self.lang))) }
    }
}

/// Writes to standard output. When the reader has gone (`tonghop check | head -1`), the rest
/// is dropped quietly, as ripgrep and hyperfine do, instead of panicking; the command still
/// ends with the status it found (a script with `pipefail` learns that errors were found).
pub(crate) fn emit(text: &str) -> Result<(), Fatal> {
    use std::io::Write;
    // Renderers style their text; anstream drops the styles when stdout is no terminal.
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        Err(e) if reader_gone(&e) => Ok(()),
        Err(e) => Err(Fatal(Msg::CannotWriteOutput { reason: crate::messages::Reason::of(&e) })),
    }
}

/// Writes a line to standard error; a closed standard error is not worth failing over.
/// Whether a write failed because the reading end of a pipe closed (`tonghop check | head`):
/// then there is nobody left to tell, and tonghop stops quietly. Windows says it as "no data"
/// (232, which Rust calls a broken pipe) or, under Wine, "pipe not connected" (233).
fn reader_gone(e: &std::io::Error) -> bool {
    const ERROR_PIPE_NOT_CONNECTED: i32 = 233;
    e.kind() == std::io::ErrorKind::BrokenPipe || (cfg!(windows) && e.raw_os_error() == Some(ERROR_PIPE_NOT_CONNECTED))
}

pub(crate) fn warn(text: &str) {
    use std::io::Write;
    let _ = writeln!(anstream::stderr().lock(), "{text}");
}

/// Exit statuses (spec §5).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_FATAL: u8 = 2;

pub fn run(cli: Cli) -> ExitCode {
    let lang = cli.global.lang;
    let workspace = cli.command.is_none();
    let code = match dispatch(cli) {
        Ok(code) => code,
        Err(Fatal(msg)) => {
            warn(&msg.text(lang));
            EXIT_FATAL
        }
    };
    // Double-clicked: the window would close before the clerk could read it.
    if workspace {
        workspace::pause_if_own_console(lang);
    }
    ExitCode::from(code)
}

fn dispatch(cli: Cli) -> Result<u8, Fatal> {
    let g = cli.global;
    // `config --check FILE` looks at FILE alone; it must work even when --config is broken.
    if let Some(Command::Config(args)) = &cli.command
        && let Some(file) = &args.check
    {
        return config::check(file, g.lang, g.quiet);
    }
    // In the workspace (no command, or `watch` without an inbox), its cau-hinh.toml.
    let in_workspace = matches!(&cli.command, None | Some(Command::Watch(crate::cli::WatchArgs { inbox: None, .. })));
    let config_path = match g.config {
        None if in_workspace => Some(Path::new(workspace::CONFIG)).filter(|p| p.is_file()).map(Path::to_path_buf),
        other => other,
    };
    let (config, config_text) = load_config(config_path.as_deref(), g.lang)?;
    let ctx = Context { config, config_text, lang: g.lang, quiet: g.quiet };
    let Some(command) = cli.command else {
        return workspace::run(&ctx);
    };
    match command {
        Command::Watch(args) => watch::run(&ctx, args),
        Command::Template(args) => template::run(&ctx, args),
        Command::Check(args) => check::run(&ctx, args),
        Command::Status(args) => status::run(&ctx, args),
        Command::Build(args) => build::run(&ctx, args),
        Command::Report(args) => report::run(&ctx, args),
        Command::Config(_) => config::print(&ctx),
    }
}

/// The configuration given with `--config`, or the embedded default.
fn load_config(path: Option<&Path>, lang: Lang) -> Result<(Config, String), Fatal> {
    let Some(path) = path else {
        return Ok((Config::default_config(), crate::config::DEFAULT_TOML.to_owned()));
    };
    let text = read_text(path)?;
    match Config::parse(&text) {
        Ok(c) => Ok((c, text)),
        Err(problems) => {
            print_problems(path, &problems, lang);
            Err(Fatal(Msg::InvalidConfig { path: path.display().to_string() }))
        }
    }
}

/// A text file (a configuration, a narrative template): UTF-8, or the line where it is not.
pub(crate) fn read_text(path: &Path) -> Result<String, Fatal> {
    use crate::messages::Reason;
    let cannot = |reason| Fatal(Msg::CannotReadFile { path: path.display().to_string(), reason });
    let bytes = std::fs::read(path).map_err(|e| cannot(Reason::of(&e)))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..valid].iter().filter(|&&b| b == b'\n').count() + 1;
        cannot(Reason::NotUtf8 { line })
    })
}

pub(crate) fn print_problems(path: &Path, problems: &[ConfigProblem], lang: Lang) {
    for p in problems {
        let msg = Msg::ConfigProblemAt {
            file: path.display().to_string(),
            line: p.line,
            column: p.column,
            problem: p.msg.text(lang),
        };
        warn(&msg.text(lang));
    }
}
