//! The calamine floor: `floor DIR [--threads N]` opens every spreadsheet of DIR with calamine,
//! reads every sheet's used range and counts its non-empty cells. No reader built on calamine
//! can be faster than this; `tonghop build` is measured against it (BENCHMARKS.md).
//!
//! `--threads 1` reads the files one after the other on this thread; without it, or with more,
//! a rayon pool of that many threads (default: all cores) reads them in parallel.

use std::path::{Path, PathBuf};
use std::time::Instant;

use calamine::{Data, Reader, open_workbook_auto};
use rayon::prelude::*;

const USAGE: &str = "usage: floor DIR [--threads N]";

/// Cells and sheets read from one file.
#[derive(Default, Clone, Copy)]
struct Tally {
    files: usize,
    sheets: usize,
    cells: usize,
    failed: usize,
}

impl std::ops::Add for Tally {
    type Output = Tally;
    fn add(self, o: Tally) -> Tally {
        Tally {
            files: self.files + o.files,
            sheets: self.sheets + o.sheets,
            cells: self.cells + o.cells,
            failed: self.failed + o.failed,
        }
    }
}

fn main() {
    let mut dir = None;
    let mut threads = 0; // 0: rayon's default, one per core
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--threads" => threads = args.next().and_then(|t| t.parse().ok()).unwrap_or_else(|| fail(USAGE)),
            _ if dir.is_none() && !a.starts_with('-') => dir = Some(PathBuf::from(a)),
            _ => fail(USAGE),
        }
    }
    let dir = dir.unwrap_or_else(|| fail(USAGE));
    let started = Instant::now();
    let files = spreadsheets(&dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display())));
    let tally = if threads == 1 {
        files.iter().map(|f| read(f)).fold(Tally::default(), |a, b| a + b)
    } else {
        let pool =
            rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap_or_else(|e| fail(&e.to_string()));
        pool.install(|| files.par_iter().map(|f| read(f)).reduce(Tally::default, |a, b| a + b))
    };
    println!(
        "{} files, {} sheets, {} non-empty cells, {} unreadable, {:.3} s",
        tally.files,
        tally.sheets,
        tally.cells,
        tally.failed,
        started.elapsed().as_secs_f64()
    );
    if tally.failed > 0 {
        std::process::exit(1);
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("floor: {msg}");
    std::process::exit(2);
}

/// The spreadsheets directly in `dir`, by extension, sorted (the same work on every run).
fn spreadsheets(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
        if path.is_file() && matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods")) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Every sheet's used range of one file, every cell looked at (so none of it is optimised away).
fn read(path: &Path) -> Tally {
    let mut tally = Tally { files: 1, ..Tally::default() };
    let Ok(mut workbook) = open_workbook_auto(path) else {
        tally.failed = 1;
        return tally;
    };
    for name in workbook.sheet_names() {
        match workbook.worksheet_range(&name) {
            Ok(range) => {
                tally.sheets += 1;
                tally.cells += range.used_cells().filter(|(_, _, c)| !matches!(c, Data::Empty)).count();
            }
            Err(_) => tally.failed += 1,
        }
    }
    tally
}
