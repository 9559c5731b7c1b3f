//! Inboxes written by the tests themselves, with the form builder the samples use.

use std::path::Path;

use support::form::{FilledForm, FilledSheet};
use tonghop::config::Config;

pub fn config() -> Config {
    Config::default_config()
}

pub fn write(path: &Path, sheet: &FilledSheet) {
    write_form(path, &FilledForm::new(sheet.clone()));
}

pub fn write_form(path: &Path, form: &FilledForm) {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).unwrap();
    }
    std::fs::write(path, form.to_xlsx().unwrap()).unwrap();
}

/// A clean August 2024 form of a unit with a few figures.
pub fn clean(name: &str) -> FilledSheet {
    support::samples::clean(&config(), name)
}

/// The mixed folder of the reading issue (the same as `samples/messy`).
pub fn messy_inbox(dir: &Path) {
    support::samples::write_inbox(dir, support::samples::messy(&config())).unwrap();
}

/// The A1 address of an indicator's value cell (column E) in the standard layout.
pub fn cell_of(code: &str) -> String {
    let c = config();
    let mut row = 9; // the header row (1-based); sections and indicators follow
    for section in &c.sections {
        row += 1;
        for ind in c.indicators_of(&section.code) {
            row += 1;
            if ind.code == code {
                return format!("E{row}");
            }
        }
    }
    panic!("no indicator {code}")
}
