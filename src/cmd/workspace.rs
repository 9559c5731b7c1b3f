//! `tonghop` with no command (spec §12): the current folder is the clerk's workspace, for
//! those who double-click instead of typing. The first run sets it up (`nhan/`, `mau/`,
//! `cau-hinh.toml`); every later run builds from `nhan/` into `tong-hop/`.

use std::path::{Path, PathBuf};

use super::Context;
use super::build::{Built, build};
use crate::cli::BuildArgs;
use crate::error::Fatal;
use crate::messages::{Lang, Msg};
use crate::period::Period;
use crate::render;
use crate::write::{create_dir, write_atomic};

/// The inbox: the files units send, or one folder per month (`nhan/2024-08/`).
pub(super) const INBOX: &str = "nhan";
/// The outputs, and the archive of earlier months.
pub(super) const OUTPUT: &str = "tong-hop";
/// The forms to send to the units.
const FORMS: &str = "mau";
/// The workspace's configuration, used when present.
pub(super) const CONFIG: &str = "cau-hinh.toml";

pub(super) fn run(ctx: &Context) -> Result<u8, Fatal> {
    let root = Path::new(".");
    if !root.join(INBOX).is_dir() {
        return set_up(ctx, root);
    }
    let inbox = inbox(&root.join(INBOX));
    if !has_files(&inbox) {
        ctx.say(&Msg::WorkspaceEmpty { inbox: shown(&inbox) })?;
        return Ok(super::EXIT_OK);
    }
    let mut args = build_args(inbox.clone(), root.join(OUTPUT), None, None);
    // The committee's own section sits in the workspace, whichever month folder is built.
    args.extra = Some(root.join(super::build::EXTRA)).filter(|p| p.is_file());
    let Some(Built { intake, written, .. }) = build(ctx, &args)? else {
        return Ok(super::EXIT_FINDINGS); // not strict: never
    };
    if !ctx.quiet {
        // Who sent what, then where the outputs are: what the clerk came for.
        let mut text = format!("{}\n", Msg::WorkspaceInbox { inbox: shown(&inbox) }.text(ctx.lang));
        text.push_str(&render::status::text(&intake.config, &intake, ctx.lang));
        text.push_str(&format!("\n{}\n", Msg::BuildWritten.text(ctx.lang)));
        for path in &written {
            text.push_str(&format!("  {}\n", shown(path)));
        }
        super::emit(&text)?;
    }
    Ok(super::check::exit_status(&intake))
}

/// A build of `inbox` into `output` as `tonghop build` would run it by default.
pub(super) fn build_args(
    inbox: PathBuf,
    output: PathBuf,
    period: Option<Period>,
    archive: Option<PathBuf>,
) -> BuildArgs {
    BuildArgs { inbox, period, output, strict: false, narrative_template: None, archive, extra: None }
}

/// The first run: the inbox, this month's forms for every unit, the configuration to edit.
fn set_up(ctx: &Context, root: &Path) -> Result<u8, Fatal> {
    create_dir(&root.join(INBOX))?;
    let config_path = root.join(CONFIG);
    if !config_path.exists() {
        write_atomic(&config_path, ctx.config_text.as_bytes())?;
    }
    let period = Period::current();
    let forms = super::template::write_all(&ctx.config.for_period(period), period, &root.join(FORMS))?;
    ctx.say(&Msg::WorkspaceCreated { forms, period: period.vn(), inbox: INBOX, forms_dir: FORMS, output: OUTPUT })?;
    Ok(super::EXIT_OK)
}

/// The folder to build: the latest month folder of the inbox (`nhan/2024-09/` over
/// `nhan/2024-08/`), or the inbox itself when it holds none.
pub(super) fn inbox(root: &Path) -> PathBuf {
    let Ok(entries) = std::fs::read_dir(root) else { return root.to_path_buf() };
    entries
        .filter_map(|e| {
            let e = e.ok()?;
            let period = crate::read::dates::parse_period_text(&e.file_name().to_string_lossy())?;
            e.file_type().ok()?.is_dir().then(|| (period, e.path()))
        })
        .max()
        .map_or_else(|| root.to_path_buf(), |(_, path)| path)
}

/// Whether a folder holds a file anywhere below it.
fn has_files(dir: &Path) -> bool {
    walkdir::WalkDir::new(dir).into_iter().filter_map(Result::ok).any(|e| e.file_type().is_file())
}

/// `nhan/2024-08`, without the `./` the workspace's paths start with.
fn shown(path: &Path) -> String {
    path.strip_prefix(".").unwrap_or(path).display().to_string()
}

/// Launched by a double-click, tonghop has a console of its own, which closes when it ends:
/// it waits for Enter so the clerk can read what it said. `TONGHOP_PAUSE=1` (or `0`) forces
/// (or prevents) the wait, for tests and scripts.
pub(super) fn pause_if_own_console(lang: Lang) {
    let forced = std::env::var("TONGHOP_PAUSE").ok();
    let pause = match forced.as_deref() {
        Some("1") => true,
        Some("0") => false,
        _ => owns_console(),
    };
    if pause {
        super::warn(&Msg::PressEnter.text(lang));
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}

/// Whether this process is the only one attached to its console: started from the Explorer,
/// not from a command prompt (which is attached too).
#[cfg(windows)]
fn owns_console() -> bool {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        fn GetConsoleProcessList(list: *mut u32, count: u32) -> u32;
    }
    let mut list = [0u32; 4];
    // SAFETY: the buffer holds `list.len()` process ids and the call writes at most that many.
    let attached = unsafe { GetConsoleProcessList(list.as_mut_ptr(), list.len() as u32) };
    attached == 1
}

/// Elsewhere a program is started from a terminal that stays open.
#[cfg(not(windows))]
fn owns_console() -> bool {
    false
}
