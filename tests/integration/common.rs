//! Helpers shared by the integration tests.

use std::path::Path;

use assert_cmd::Command;

/// The tonghop binary, run in `dir`.
pub fn tonghop(dir: &Path) -> Command {
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("tonghop"));
    cmd.current_dir(dir);
    cmd
}

/// The text of one part of an xlsx (a zip), e.g. `xl/worksheets/sheet1.xml`.
pub fn xlsx_part(path: &Path, part: &str) -> String {
    use std::io::Read;
    let file = std::fs::File::open(path).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut text = String::new();
    zip.by_name(part).unwrap().read_to_string(&mut text).unwrap();
    text
}
