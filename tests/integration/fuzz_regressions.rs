//! Every input the fuzzers (`fuzz/`) found a crash with, kept in `tests/fixtures/fuzz/`: each
//! is read as part of an inbox, in a child process, so an abort fails this test rather than
//! the test run. The file names say what each one did.

use std::path::Path;

use crate::common::tonghop;

#[test]
fn inputs_that_once_crashed_are_findings_now() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n != "README.md")
        .collect();
    assert!(!files.is_empty());
    let out = tonghop(&dir).args(["status", ".", "--period", "2024-08", "--format", "json"]).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for file in &files {
        let entry = json["files"].as_array().unwrap().iter().find(|f| f["file"] == file.as_str());
        assert!(entry.is_some(), "{file} accounted for");
    }
}
