//! What the trust tests (spec §10: `trust_columns`, `trust_sheets`, `trust_files`) share:
//! reading an inbox of their forms for August 2024 and asking what was used and what the clerk
//! was told.

use std::path::Path;

use tonghop::intake::{Intake, intake};

use crate::fixtures::config;

/// The inbox read for August 2024 with the default configuration, as `check` would.
pub fn read(inbox: &Path) -> Intake {
    intake(inbox, &config(), "2024-08".parse().ok()).unwrap()
}

/// The value used for a unit's indicator, as text (`None`: not used or not reported).
pub fn value(intake: &Intake, unit: &str, code: &str) -> Option<String> {
    let c = config();
    let u = c.units.iter().position(|x| x.code == unit).unwrap();
    let i = c.indicators.iter().position(|x| x.code == code).unwrap();
    let s = intake.submissions.iter().find(|s| s.unit == u)?;
    s.entries.get(&i).and_then(|e| e.value).map(|d| d.to_string())
}

/// (code, sheet!cell) of every finding of a file.
pub fn found(intake: &Intake, file: &str) -> Vec<(String, String)> {
    intake
        .findings()
        .filter(|f| f.file == file)
        .map(|f| {
            (
                f.code.clone(),
                format!(
                    "{}!{}",
                    f.sheet.clone().unwrap_or_default(),
                    f.cell.map(|c| c.to_string()).unwrap_or_default()
                ),
            )
        })
        .collect()
}

/// The finding codes of a file, in order.
pub fn codes(intake: &Intake, file: &str) -> Vec<String> {
    found(intake, file).into_iter().map(|f| f.0).collect()
}

/// An indicator's label as the form prints it.
pub fn label(code: &str) -> String {
    config().indicator(code).unwrap().label.clone()
}

/// The code of a unit, from its index in the configuration.
pub fn got_code(unit: usize) -> String {
    config().units[unit].code.clone()
}
