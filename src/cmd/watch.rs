//! `tonghop watch [INBOX]` (spec §12): stays running and rebuilds a few seconds after files
//! stop changing in the inbox, saying who is still missing after each build. Ctrl-C stops it.
//!
//! Events come from the operating system (the notify crate), debounced: a file copied in
//! pieces, or ten files dropped at once, give one rebuild once they have settled.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};

use super::Context;
use super::build::{Built, build};
use super::workspace;
use crate::cli::WatchArgs;
use crate::error::Fatal;
use crate::messages::{Msg, Reason};
use crate::render;

/// How long the inbox must stay still before a rebuild.
const SETTLE: Duration = Duration::from_secs(2);

pub(super) fn run(ctx: &Context, args: WatchArgs) -> Result<u8, Fatal> {
    // Without an inbox, the workspace's: its latest month folder, looked up at every build.
    let root = args.inbox.clone().unwrap_or_else(|| PathBuf::from(workspace::INBOX));
    let folder = |root: &PathBuf| if args.inbox.is_some() { root.clone() } else { workspace::inbox(root) };
    let cannot = |e: &dyn std::fmt::Display| {
        Fatal(Msg::CannotReadInbox { path: root.display().to_string(), reason: Reason::Other(e.to_string()) })
    };
    if !root.is_dir() {
        return Err(Fatal(Msg::InboxNotAFolder { path: root.display().to_string() }));
    }
    let (events, received) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(SETTLE, events).map_err(|e| cannot(&e))?;
    debouncer.watcher().watch(&root, RecursiveMode::Recursive).map_err(|e| cannot(&e))?;
    ctx.say(&Msg::WatchStarted { inbox: root.display().to_string() })?;
    loop {
        let seen = fingerprint(&root);
        let inbox = folder(&root);
        let args = workspace::build_args(inbox.clone(), args.output.clone(), args.period, args.archive.clone());
        // A build that cannot run (no period yet, a file held open) is said, and the next
        // change tries again.
        match build(ctx, &args) {
            Ok(Some(Built { intake, consolidation, written })) => {
                let written: Vec<&std::path::Path> = written.iter().map(PathBuf::as_path).collect();
                let inbox = inbox.display().to_string();
                let text = render::build::text(&intake.config, &intake, &consolidation, &inbox, &written, ctx.lang);
                super::emit(&format!("\n{}\n{text}", Msg::WatchBuilt { at: now() }.text(ctx.lang)))?;
            }
            Ok(None) => {}
            Err(Fatal(msg)) => super::warn(&msg.text(ctx.lang)),
        }
        // Until a file of the inbox is new, changed or gone. Events alone do not say it: the
        // build's own reading of the files makes some (access times), which would rebuild
        // forever. Errors of the watcher are said and waited through.
        loop {
            match received.recv() {
                Ok(Ok(_)) if fingerprint(&root) != seen => break,
                Ok(Ok(_)) => {}
                Ok(Err(e)) => super::warn(&cannot(&e).0.text(ctx.lang)),
                Err(_) => return Ok(super::EXIT_OK), // the watcher is gone
            }
        }
    }
}

/// Every file below `root` with its size and modification time, in order.
fn fingerprint(root: &Path) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some((e.into_path(), meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files
}

/// The local time of day, `14:02:11`.
fn now() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}
