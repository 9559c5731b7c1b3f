//! Writes the bundled samples: `cargo run --example make_samples`.
//!
//! - `samples/2024-08/`: the 13 forms of August 2024 that reproduce the seed report. The units
//!   listed in `support::samples::CONVERTED` are converted once with LibreOffice (`soffice`
//!   must be on PATH) to .xls and .ods, so the samples show more than one format.
//! - `samples/messy/`: an inbox that shows every finding.
//!
//! The .xlsx files are byte-for-byte reproducible; a test checks the checked-in ones are current.

use std::path::Path;
use std::process::Command;

use support::samples::{CONVERTED, august_2024, messy, write_inbox};
use tonghop::config::Config;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let config = Config::default_config();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");

    let august = root.join("2024-08");
    if august.exists() {
        std::fs::remove_dir_all(&august)?;
    }
    std::fs::create_dir_all(&august)?;
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
    println!("samples written to {}", root.display());
    Ok(())
}
