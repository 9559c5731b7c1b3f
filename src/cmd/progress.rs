//! The progress bar of a large inbox: on standard error, only when it is a terminal, only for
//! more than a few dozen files (a small inbox is read before a bar would show), never with
//! `--quiet`. Nothing of it reaches standard output, so piped results stay clean.

use std::io::IsTerminal;
use std::sync::OnceLock;

use indicatif::{ProgressBar, ProgressStyle};

use crate::intake::Progress;

/// Inboxes up to this many files are read without a bar.
const MIN_FILES: usize = 48;

pub(super) struct Bar {
    shown: bool,
    bar: OnceLock<ProgressBar>,
}

impl Bar {
    pub(super) fn new(quiet: bool) -> Bar {
        Bar { shown: !quiet && std::io::stderr().is_terminal(), bar: OnceLock::new() }
    }
}

impl Progress for Bar {
    fn start(&self, files: usize) {
        if self.shown && files > MIN_FILES {
            let bar = ProgressBar::new(files as u64);
            if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {elapsed}") {
                bar.set_style(style);
            }
            let _ = self.bar.set(bar);
        }
    }

    fn read_one(&self) {
        if let Some(bar) = self.bar.get() {
            bar.inc(1);
        }
    }

    fn done(&self) {
        if let Some(bar) = self.bar.get() {
            bar.finish_and_clear();
        }
    }
}
