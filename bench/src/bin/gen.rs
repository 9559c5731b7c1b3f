//! Writes the benchmark's inboxes: `gen [--sizes 13,1000,10000] [--data DIR] [--force]`.
//!
//! For each N, `DIR/N/config.toml` (the default configuration with N generated units) and
//! `DIR/N/2024-08/`, one filled form per unit. A size whose folder is complete (its `.complete`
//! stamp written last) is left alone unless `--force`: generating 10,000 forms takes a while,
//! and the timed runs must read the same files.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use tonghop_bench::inbox::{SEED, convert, file_name, form, format_of};
use tonghop_bench::{PERIOD_ISO, units};

const USAGE: &str = "usage: gen [--sizes 13,1000,10000] [--data bench/data] [--force]";

fn main() {
    if let Err(e) = run() {
        eprintln!("gen: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let mut sizes = vec![13, 1000, 10_000];
    let mut data = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let mut force = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--sizes" => {
                let v = args.next().ok_or(USAGE)?;
                sizes = v
                    .split(',')
                    .map(|s| s.trim().replace('_', "").parse())
                    .collect::<Result<_, _>>()
                    .map_err(|e| format!("--sizes {v}: {e}"))?;
            }
            "--data" => data = PathBuf::from(args.next().ok_or(USAGE)?),
            "--force" => force = true,
            _ => return Err(USAGE.to_owned()),
        }
    }
    for n in sizes {
        let dir = data.join(n.to_string());
        if dir.join(".complete").exists() && !force {
            println!("{}: present", dir.display());
            continue;
        }
        let started = Instant::now();
        generate(n, &dir)?;
        println!("{}: {n} units written in {:.1} s", dir.display(), started.elapsed().as_secs_f64());
    }
    Ok(())
}

fn generate(n: usize, dir: &Path) -> Result<(), String> {
    if n == 0 {
        return Err("a size must be at least 1".into());
    }
    let io = |e: std::io::Error| e.to_string();
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io)?;
    }
    let inbox = dir.join(PERIOD_ISO);
    // Forms to be converted are written here first: the inbox holds only what units send.
    let staging = dir.join("to-convert");
    std::fs::create_dir_all(&inbox).map_err(io)?;
    std::fs::create_dir_all(&staging).map_err(io)?;

    let units = units::units(n);
    let toml = units::config_toml(&units);
    let config = units::check(&toml, &units)?;
    std::fs::write(dir.join("config.toml"), &toml).map_err(io)?;

    (1..=n).into_par_iter().try_for_each(|i| {
        let bytes = form(&config, i).to_xlsx().map_err(|e| e.to_string())?;
        let name = file_name(&config, i);
        let path = match format_of(i) {
            "xlsx" => inbox.join(name),
            _ => staging.join(Path::new(&name).with_extension("xlsx")),
        };
        std::fs::write(path, bytes).map_err(io)
    })?;

    let profile = std::env::temp_dir().join(format!("tonghop-bench-soffice-{}", std::process::id()));
    for ext in ["xls", "ods"] {
        let files: Vec<PathBuf> = (1..=n)
            .filter(|&i| format_of(i) == ext)
            .map(|i| staging.join(Path::new(&file_name(&config, i)).with_extension("xlsx")))
            .collect();
        convert(&files, ext, &inbox, &profile)?;
    }
    let _ = std::fs::remove_dir_all(&profile);
    std::fs::remove_dir_all(&staging).map_err(io)?;
    let stamp = format!("units = {n}\nseed = {SEED:#x}\nperiod = \"{PERIOD_ISO}\"\n");
    std::fs::write(dir.join(".complete"), stamp).map_err(io)
}
