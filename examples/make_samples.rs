//! Writes the bundled samples: `cargo run --example make_samples`.
//!
//! - `samples/2024-08/`: the 13 forms of August 2024 that reproduce the seed report. The units
//!   listed in `support::samples::CONVERTED` are converted once with LibreOffice (`soffice`
//!   must be on PATH) to .xls and .ods, so the samples show more than one format.
//! - `samples/messy/`: an inbox that shows every finding.
//! - `samples/2024/`: a generated year, the inboxes `2024-01/` … `2024-12/` of the 13 units;
//!   its August is a copy of `samples/2024-08/`, converted files included.
//!
//! `cargo run --example make_samples -- 2024` writes only `samples/2024/`, from the checked-in
//! `samples/2024-08/` (no LibreOffice, and the converted files are left as they are).
//!
//! The .xlsx files are byte-for-byte reproducible; a test checks the checked-in ones are current.

use std::path::Path;
use std::process::Command;

use support::samples::{CONVERTED, august_2024, messy, write_inbox};
use support::year::{AUGUST, month_dir, year_2024};
use tonghop::config::Config;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::default_config();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let august = root.join("2024-08");
    let only_year = std::env::args().nth(1).is_some_and(|a| a == "2024");

    if !only_year {
        fresh(&august)?;
        for (name, form) in august_2024(&config) {
            std::fs::write(august.join(&name), form.to_xlsx()?)?;
        }
        for (unit, ext) in CONVERTED {
            let xlsx = august.join(format!("{unit}.xlsx"));
            let status = Command::new("soffice")
                .args(["--headless", "--convert-to", ext, "--outdir"])
                .arg(&august)
                .arg(&xlsx)
                .status()?;
            if !status.success() || !august.join(format!("{unit}.{ext}")).exists() {
                return Err(format!("soffice could not convert {} to .{ext}", xlsx.display()).into());
            }
            std::fs::remove_file(&xlsx)?;
        }

        let messy_dir = root.join("messy");
        if messy_dir.exists() {
            std::fs::remove_dir_all(&messy_dir)?;
        }
        write_inbox(&messy_dir, messy(&config))?;
    }

    let year = root.join("2024");
    fresh(&year)?;
    for (month, forms) in year_2024(&config) {
        let dir = year.join(month_dir(month));
        std::fs::create_dir_all(&dir)?;
        if month == AUGUST {
            // The seed month's own bytes: its converted files cannot be written again alike.
            for entry in std::fs::read_dir(&august)? {
                let entry = entry?;
                std::fs::copy(entry.path(), dir.join(entry.file_name()))?;
            }
            continue;
        }
        for (name, form) in forms {
            std::fs::write(dir.join(&name), form.to_xlsx()?)?;
        }
    }
    println!("samples written to {}", root.display());
    Ok(())
}

/// An empty folder at `dir`.
fn fresh(dir: &Path) -> std::io::Result<()> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)
}
